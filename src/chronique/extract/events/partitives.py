"""A partitive object the parser reads as an oblique: "acheter du gaz à X", "importer des puces
de X", "acheter de la farine à X".

The parser takes the partitive article ("du", "des", "de la") for the preposition "de" and hangs
the bought thing as an oblique, so the verb has no object and the seller's "à" phrase, hung on
that noun, is missed. Only a noun introduced by a partitive article (the lexicon's
``partitive_articles``) after the verb counts.

"acheter la moitié de son gaz à X", "importer 40 % de son pétrole d'X": an object that only
measures a part of the bought thing (the lexicon's ``quantity_parts``) carries that thing as its
"de" complement, and the parser hangs the seller's phrase on it; :func:`measured_whole` gives it.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

LABELS = dependency_scheme("ud")


def partitive_object(verb: Token, articles: frozenset[str]) -> Token | None:
    """The noun a partitive article introduces as the verb's misread object, or None."""
    table, tokens = parse_table(verb.doc), token_table(verb.doc)  # walked by index: no Token per child
    deps, children = table.deps, table.children
    if any(deps[c] == LABELS.object for c in children[verb.i]):
        return None
    for complement in children[verb.i]:
        if complement < verb.i or tokens.pos[complement] != "NOUN" or not deps[complement].startswith(LABELS.oblique_prefix):
            continue
        introducer = " ".join(tokens.folded[c] for c in children[complement] if c < complement)
        if introducer in articles:
            return verb.doc[complement]
    return None


def measured_whole(obj: Token, parts: frozenset[str], genitive: frozenset[str]) -> Token | None:
    """The noun a part-measuring object is a part of ("la moitié/obj de son gaz" -> "gaz"), or
    None when the object measures nothing."""
    if fold(obj.lemma_) not in parts and fold(obj.text) not in parts:
        return None
    for child in obj.children:
        if child.i > obj.i and child.dep_ == LABELS.nominal_modifier and child.pos_ == "NOUN" and any(
                c.dep_ == LABELS.case_marker and fold(c.text) in genitive for c in child.children):
            return child
    return None
