"""Prepositional phrases the parser broke.

"s'allier avec le néerlandais/amod AgroNed/obj": the tagger read the demonym as an adjective of
the name, hung "avec" on it and made the name the verb's object. The phrase is still the
verb's "avec" complement; :func:`preposition_on_modifier` gives that preposition back.
"le partenariat entre Renault et Nissan/nsubj a été renouvelé": the second side of "entre" hung on
the verb; :func:`second_side` finds it again.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import takewhile

from spacy.tokens import Doc, Token

from chronique.extract.events.clause_shapes import LABELS
from chronique.nlp.actor_index import actor_index
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold


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


def _left_edge(children: Sequence[Sequence[int]], i: int) -> int:
    """The first index of the subtree of ``i`` (children come in order)."""
    edge = i
    while children[edge] and children[edge][0] < edge:
        edge = children[edge][0]
    return edge


def second_side(phrase: Token, coordinators: Collection[str]) -> list[Token]:
    """The name right after "et" that closes the phrase ``phrase`` of a two-sided preposition
    ("entre Renault et Nissan"), when the parser hung it elsewhere (the phrase has no conjunct of
    its own); nothing for any other shape."""
    if phrase.conjuncts:
        return []
    doc = phrase.doc
    after = phrase.right_edge.i + 1
    if after + 1 >= len(doc) or fold(doc[after].text) not in coordinators:
        return []
    name = doc[after + 1]
    index = actor_index(doc)
    mention = index.mention_at(name)
    if name.pos_ != "PROPN" or mention is None or mention.start != name.idx or name.head.i == phrase.i:
        return []
    # The mention's head: its token whose head lies outside the mention.
    inside = list(takewhile(lambda t: t.idx < mention.end, doc[name.i:]))
    head = next((t for t in inside if not (mention.start <= t.head.idx < mention.end)), name)
    return [head]
