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
from chronique.nlp.parse_table import features_of, parse_table
from chronique.nlp.tokens import token_table

__all__ = ["misparsed_gerund", "apposed_object"]

LABELS = dependency_scheme("ud")


def misparsed_gerund(verb: Token, markers: frozenset[str]) -> tuple[Token, Token] | None:
    """(main verb, object) of a gerund the model made part of "en": "En/case acquérant/fixed le
    néerlandais X/obl, Y consolide"; None when the verb is no such gerund."""
    tokens = token_table(verb.doc)  # the test on the word before, by index: no Token for most verbs
    before = parse_table(verb.doc).heads[verb.i]
    if before == verb.i or before != verb.i - 1 or tokens.pos[before] != "ADP" or tokens.folded[before] not in markers:
        return None
    marker = verb.head
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
    table, tokens = parse_table(verb.doc), token_table(verb.doc)  # walked by index: no Token per child
    deps, children = table.deps, table.children
    if any(deps[c] == LABELS.object for c in children[verb.i]):
        return None
    for complement in children[verb.i]:
        if complement < verb.i or not deps[complement].startswith(LABELS.oblique_prefix):
            continue
        if not any(deps[c] == LABELS.numeric_modifier for c in children[complement]):
            continue
        for apposed in children[complement]:
            if deps[apposed] == LABELS.apposition and tokens.pos[apposed] == "NOUN" and any(
                    c < apposed and tokens.folded[c] in possessives for c in children[apposed]):
                return verb.doc[apposed]
    return None
