"""The author of a clause that a detached noun sums up.

French news closes a clause with a noun that sums it up and says who judged it: "La mairie a
accordé une aide à X, une décision aussitôt critiquée par Y", "Z a résilié le contrat de X, une
mesure saluée par W". The participle's object is the summing noun, which stands for the whole
clause: what Y criticises is the mairie's act, so its author is the clause's subject, not the
name the parser hangs the noun on (X, a complement of the clause's object).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

LABELS = dependency_scheme("ud")

#: How far up from the summing noun the clause's verb may be ("décision/appos" -> "société/nmod"
#: -> "subvention/obj" -> "accordé").
MAX_CLIMB = 6


def recapped_clause_author(reader: ParseReader, words: EventLexicon, participle: Token) -> list[str] | None:
    """Actors of the clause a detached summing noun stands for, when ``participle`` hangs on
    such a noun ("…, une décision critiquée par Y": the clause's subject); None for any other
    participle, so the caller reads its object as before."""
    noun = participle.head
    if participle.dep_ not in LABELS.noun_clauses or noun == participle or noun.pos_ != "NOUN":
        return None
    if fold(noun.lemma_) not in words.words("syntax", "recap_nouns") and fold(noun.text) not in words.words("syntax", "recap_nouns"):
        return None
    determiners = [c for c in noun.children if c.i < noun.i and c.pos_ == "DET"]
    if len(determiners) != 1 or fold(determiners[0].text) not in words.words("syntax", "recap_determiners"):
        return None
    opener = determiners[0].i - 1
    if opener < 0 or noun.doc[opener].text != ",":
        return None  # detached by a comma from the clause it sums up
    if any(c.dep_ == LABELS.nominal_modifier and c.i > noun.i for c in noun.children):
        return None  # "une décision de la Cour, critiquée par Y": the noun has its own author
    verb = noun.head
    for _ in range(MAX_CLIMB):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > noun.i:
        return None
    return reader.subject(verb)[0]
