"""Who undergoes an act told by a noun: "X fait l'objet d'une enquête de Y", "X est la cible
d'une offre de Y", "X est visé par une plainte de Y", "X a essuyé les critiques de Y". French
news often tells an act from the side of its target; the noun then names only its author, and
the target is the subject of the clause that undergoes it.

Read as the fallback target slot ``undergoer`` of event nouns (an explicit target, "une plainte
contre Z", comes first), with the word lists of ``[syntax]``: ``undergoing_verbs`` (essuyer,
subir …), ``undergoing_frames`` (the nouns "objet", "cible" that a verb of being or making
takes) and ``undergoing_passives`` (viser, cibler … whose agent is the act).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["undergoer"]

LABELS = dependency_scheme("ud")


def undergoer(reader: ParseReader, words: EventLexicon, noun: Token) -> list[str]:
    """The actors of the clause that undergoes the act ``noun`` names, or nothing."""
    head = noun.head
    if head == noun:
        return []
    lemmas = set(words.lemma_candidates(head))
    if noun.dep_ == LABELS.nominal_modifier and head.pos_ == "NOUN" \
            and {fold(head.lemma_), fold(head.text)} & words.words("syntax", "undergoing_frames"):
        # "X fait l'objet d'une enquête", "X est la cible d'une offre": the frame noun's clause.
        if any(c.dep_ == LABELS.copula for c in head.children):
            return _subject(reader, head)
        verb = head.head
        if head.dep_ == LABELS.object and verb.pos_ in ("VERB", "AUX"):
            return _subject(reader, verb)
        return []
    if head.pos_ not in ("VERB", "AUX"):
        return []
    frames = words.words("syntax", "undergoing_frames")
    if noun.dep_.startswith(LABELS.oblique_prefix) and any(
            c.dep_ == LABELS.object and {fold(c.lemma_), fold(c.text)} & frames for c in head.children):
        return _subject(reader, head)  # "X fait l'objet/obj d'une enquête/obl(fait)"
    if noun.dep_ == LABELS.passive_agent and lemmas & words.words("syntax", "undergoing_passives") \
            and reader.is_passive(head):
        return reader.object_actors(head)  # "X est visé par une plainte de Y"
    if noun.dep_ == LABELS.object and lemmas & words.words("syntax", "undergoing_verbs"):
        return _subject(reader, head)  # "X a essuyé les critiques de Y"
    return []


def _subject(reader: ParseReader, verb: Token) -> list[str]:
    found, direct = reader.subject(verb)
    return found if direct else []
