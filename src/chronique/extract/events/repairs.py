"""Parse repairs for verb triggers whose arguments the French model hangs elsewhere.

- "En acquérant X, Y consolide ...": the model may read "en acquérant" as a compound
  preposition (the participle a ``fixed`` part of "en") introducing X; the participle is a
  gerund whose object is X and whose subject is the main clause's.
- "X a porté à 14 % sa part au sein du capital de Y": the object after a quantity complement is
  hung on the quantity as its apposition; it is the verb's object.

Both repairs are read without spelling a dependency label the schemes do not define: the
gerund by its marker word and its place, the object by the determiner a possessive gives it.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import features_of
from chronique.text import fold

__all__ = ["misparsed_gerund", "apposed_object"]

LABELS = dependency_scheme("ud")


def misparsed_gerund(verb: Token, markers: frozenset[str]) -> tuple[Token, Token] | None:
    """(main verb, object) of a gerund the model made part of "en": "En/case acquérant/fixed le
    néerlandais X/obl, Y consolide"; None when the verb is no such gerund."""
    marker = verb.head
    if marker == verb or marker.i != verb.i - 1 or marker.pos_ != "ADP" or fold(marker.text) not in markers:
        return None
    if "Part" not in features_of(verb).get("VerbForm", ()) or "Pres" not in features_of(verb).get("Tense", ()):
        return None
    phrase = marker.head  # the noun "en" introduces: the gerund's object
    if phrase == marker or phrase.i < verb.i or marker.dep_ not in LABELS.introducers:
        return None
    main = phrase.head
    if main == phrase or main.pos_ not in ("VERB", "AUX"):
        return None
    return main, phrase


def apposed_object(verb: Token, possessives: frozenset[str]) -> Token | None:
    """"porté à 14 %/obl sa part/appos(%)": a possessed noun apposed to a quantity complement of
    the verb, with no object of its own, is the verb's object."""
    if any(c.dep_ == LABELS.object for c in verb.children):
        return None
    for complement in verb.children:
        if complement.i < verb.i or not complement.dep_.startswith(LABELS.oblique_prefix):
            continue
        if not any(c.dep_ == LABELS.numeric_modifier for c in complement.children):
            continue
        for apposed in complement.children:
            if apposed.dep_ == LABELS.apposition and apposed.pos_ == "NOUN" and any(
                    c.i < apposed.i and fold(c.text) in possessives for c in apposed.children):
                return apposed
    return None
