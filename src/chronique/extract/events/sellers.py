"""Whose "son fondateur" is when a company is bought from its owners: "X a racheté Y à son
fondateur, Z", "acquérir Y auprès de ses actionnaires".

A possessive in a complement is read as the clause subject's ("Flink rachète son concurrent
Cajoo"), and the recognizer often resolves it so, but the seller of a purchase is the bought company's own people: the "à" (or "auprès
de") phrase of a verb of buying ([syntax] buying_verbs) whose object names an actor belongs to
that object. Z founded Y, not X.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import preposition
from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme

__all__ = ["bought_from_owner"]

LABELS = dependency_scheme("ud")

#: The prepositions of the party a company is bought from.
_FROM = ("à", "auprès")


def bought_from_owner(reader: ParseReader, words: EventLexicon, noun: Token) -> list[str] | None:
    """The bought company that owns ``noun`` when ``noun`` is the seller's phrase of a verb of
    buying with an object actor (hung on the verb, or on its object: "le développeur Y/obj à son
    fondateur/nmod"); ``None`` when the noun is no such phrase."""
    verb = noun.head
    if verb.pos_ == "NOUN" and verb.dep_ == LABELS.object and verb.i < noun.i:
        verb = verb.head
    if verb == noun or verb.pos_ not in ("VERB", "AUX") or preposition(noun, reader.preposition_forms) not in _FROM:
        return None
    if not set(words.lemma_candidates(verb)) & words.words("syntax", "buying_verbs"):
        return None
    bought = reader.object_actors(verb)
    return bought or None
