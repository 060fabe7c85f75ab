"""A partitive object the parser reads as an oblique: "acheter du gaz à X", "importer des puces
de X", "acheter de la farine à X".

The parser takes the partitive article ("du", "des", "de la") for the preposition "de" and hangs
the bought thing as an oblique, so the verb has no object and the seller's "à" phrase, hung on
that noun, is missed. Only a noun introduced by a partitive article (the lexicon's
``partitive_articles``) after the verb counts.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

LABELS = dependency_scheme("ud")


def partitive_object(verb: Token, articles: frozenset[str]) -> Token | None:
    """The noun a partitive article introduces as the verb's misread object, or None."""
    if any(c.dep_ == LABELS.object for c in verb.children):
        return None
    for complement in verb.children:
        if complement.i < verb.i or complement.pos_ != "NOUN" or not complement.dep_.startswith(LABELS.oblique_prefix):
            continue
        introducer = " ".join(fold(c.text) for c in complement.children if c.i < complement.i)
        if introducer in articles:
            return complement
    return None
