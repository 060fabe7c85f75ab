"""A preposition the parser sank into an adjective before its noun.

"s'allier avec le néerlandais/amod AgroNed/obj": the tagger read the demonym as an adjective of
the name, hung "avec" on it and made the name the verb's object. The phrase is still the
verb's "avec" complement; :func:`preposition_on_modifier` gives that preposition back.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.extract.events.clause_shapes import LABELS
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table


def preposition_on_modifier(doc: Doc, i: int, forms: dict[str, str]) -> str | None:
    """The preposition that opens the phrase headed by the token at ``i`` when the parser hung it
    on an adjective of that phrase standing before the head ("avec le néerlandais AgroNed"), in
    its full form; ``None`` when the phrase has a preposition of its own or none was sunk."""
    table = parse_table(doc)
    deps, heads = table.deps, table.heads
    children = table.children[i]
    if any(deps[c] in LABELS.introducers for c in children if c < i):
        return None
    for modifier in children:
        if modifier >= i:
            break
        if deps[modifier] != LABELS.adjectival_modifier:
            continue
        for grand in table.children[modifier]:
            if grand < modifier and deps[grand] in LABELS.introducers and heads[grand] == modifier \
                    and grand == _left_edge(table.children, i):
                word = token_table(doc).folded[grand]
                return forms.get(word, word)
    return None


def _left_edge(children: list[list[int]], i: int) -> int:
    """The first index of the subtree of ``i`` (children come in order)."""
    edge = i
    while children[edge] and children[edge][0] < edge:
        edge = children[edge][0]
    return edge
