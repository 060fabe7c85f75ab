"""Who raised the money of a funding round told as the occasion of a raising verb: "X a levé
50 millions d'euros lors d'un tour de table mené par Y", "au cours d'une levée de fonds", "dans
le cadre d'un tour de table".

The round noun hangs on "lors" (an adverb to the parser) or on "cours", "cadre", "occasion", not
on the verb, so it has no governing verb and no agent: the subject of the raising verb the phrase
dates is the company funded. Only a verb of raising money counts ([syntax] raising_verbs): "X a
démissionné lors de la levée de fonds de Y" funds nobody.

Slot ``occasion`` (``events.toml``). The round's other investors are often told by a relative the
parser hangs on the name of the lead ("un tour de table mené par le fonds X, auquel ont participé
Y et Z"): :func:`agent_participle_noun` gives the round back to the entries that need it.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import ParseTable
from chronique.text import fold

__all__ = ["agent_participle_noun", "occasion_subject"]

LABELS = dependency_scheme("ud")


def occasion_subject(reader: ParseReader, words: EventLexicon, noun: Token) -> list[str]:
    """The subject of the raising verb whose occasion ``noun`` is; ``[]`` otherwise."""
    marker = noun.head
    if marker == noun or not ({fold(marker.text), fold(marker.lemma_)} & words.words("syntax", "occasion_marks")):
        return []
    verb = marker.head
    if verb == marker or verb.pos_ not in ("VERB", "AUX") or noun.i < verb.i < marker.i:
        return []
    if not set(words.lemma_candidates(verb)) & words.words("syntax", "raising_verbs"):
        return []
    return reader.subject(verb)[0]


def agent_participle_noun(table: ParseTable, antecedent: int) -> list[int]:
    """The noun whose participle's agent is ``antecedent`` ("un tour/NOUN de table mené/acl par le
    fonds/obl:agent X, auquel …"): the relative the parser hung on the agent may be the noun's."""
    participle = table.heads[antecedent]
    if table.deps[antecedent] != LABELS.passive_agent or table.deps[participle] != LABELS.clausal_modifier:
        return []
    return [table.heads[participle]]
