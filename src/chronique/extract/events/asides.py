"""A participle the parser hung on the noun of an aside: "Greenpeace a de son côté assigné Y".

A writer slips an aside between the auxiliary and its participle ("de son côté", "pour sa part",
"à son tour"); the parser then reads the auxiliary as the main verb, the aside as its oblique, and
the participle as a clause modifying the aside's noun ("côté"). The participle's subject is the
auxiliary's, and a name the parser hung on the participle is its object.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import LABELS
from chronique.extract.events.phrase_names import actor_at
from chronique.text import fold

__all__ = ["aside_host", "name_hung_on_participle"]


def aside_host(verb: Token, aside_nouns: Collection[str], auxiliaries: Collection[str]) -> Token | None:
    """The auxiliary (read as the main verb) of a participle hung on an aside's noun before it,
    or ``None`` for any other verb."""
    noun = verb.head
    if verb.dep_ != LABELS.clausal_modifier or noun.pos_ != "NOUN" or noun.i > verb.i \
            or fold(noun.text) not in aside_nouns:
        return None
    host = noun.head
    if host.i < noun.i and host.pos_ in ("VERB", "AUX") and host.lemma_ in auxiliaries:
        return host
    return None


def name_hung_on_participle(verb: Token) -> Token | None:
    """The first name after such a participle that the parser hung on it with no preposition
    ("assigné TotalEnergies/nmod en justice"): its object."""
    for child in verb.children:
        if child.i > verb.i and not any(c.dep_ == LABELS.case_marker for c in child.children) \
                and actor_at(child) is not None:
            return child
    return None
