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
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table

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
