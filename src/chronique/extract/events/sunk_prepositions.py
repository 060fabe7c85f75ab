"""Prepositional phrases the parser broke.

"s'allier avec le néerlandais/amod AgroNed/obj": the tagger read the demonym as an adjective of
the name, hung "avec" on it and made the name the verb's object. The phrase is still the
verb's "avec" complement; :func:`preposition_on_modifier` gives that preposition back.
"le partenariat entre Renault et Nissan/nsubj a été renouvelé": the second side of "entre" hung on
the verb; :func:`second_side` finds it again. "déposée par X, auprès de la Commission, contre
Y": the complement after an inserted phrase hung on that phrase's noun; :func:`after_inserted_phrase`
gives it back to the verb.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from itertools import takewhile

from spacy.tokens import Doc, Token

from chronique.extract.events.clause_shapes import LABELS, OBLIQUE_DEPS, preposition_at
from chronique.nlp.actor_index import actor_index
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

#: How deep in an inserted phrase a complement the parser sank into it may hang.
MAX_INSERTED_DEPTH = 3
#: Links of a phrase set off after the verb ("à Bruxelles", "auprès de X").
OBLIQUE_LINKS = frozenset({*OBLIQUE_DEPS, LABELS.adverbial_modifier})


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


def after_inserted_phrase(doc: Doc, i: int, prep: str, forms: dict[str, str]) -> Iterator[Token]:
    """The phrases led by ``prep`` that follow, after a comma, the phrase headed by the token at
    ``i`` when that phrase is itself set off by a comma before it (", auprès de la Commission,
    contre Y"): a noun's complement never opens after a comma, so such a phrase is the clause's,
    wherever the parser hung it in the inserted phrase."""
    table = parse_table(doc)
    texts = token_table(doc).texts
    start = _word_start(doc, i)
    if start == 0 or texts[start - 1] != ",":
        return
    level = [i]
    for _ in range(MAX_INSERTED_DEPTH):
        level = [c for token in level for c in table.children[token] if c > token]
        for c in level:
            edge = _word_start(doc, c)
            if table.deps[c] == LABELS.nominal_modifier and texts[edge - 1] == "," and table.heads[c] < edge - 1 \
                    and preposition_at(doc, c, forms) == prep:
                yield doc[c]


def object_after_inserted_phrase(doc: Doc, verb: int) -> Token | None:
    """"a signé, à Bruxelles, un accord avec X", "a félicité, dans un message, le skieur X": the
    bare noun phrase right after the comma that closes a phrase inserted after the verb is the
    verb's object, wherever the parser hung it (an apposition or a conjunct of the inserted
    phrase's noun, or a bare oblique of the verb); None when there is none."""
    table = parse_table(doc)
    tokens = token_table(doc)
    texts, pos, deps, heads = tokens.texts, tokens.pos, table.deps, table.heads
    end = table.sentence_bounds(verb)[1]
    inserted = next((c for c in table.children[verb] if c > verb and deps[c] in OBLIQUE_LINKS), None)
    if inserted is None:
        return None
    start = _word_start(doc, inserted)
    if start - 1 <= verb or texts[start - 1] != "," or any(tokens.pos[t] in ("VERB", "AUX") for t in range(verb + 1, start)):
        return None
    closing = next((k for k in range(start, end) if texts[k] == ","), None)
    if closing is None or closing + 1 >= end:
        return None
    # The head of the phrase that opens after the closing comma: the highest word it begins.
    phrase = closing + 1
    while heads[phrase] != phrase and closing < heads[phrase] < end:
        phrase = heads[phrase]
    if pos[phrase] not in ("NOUN", "PROPN") or deps[phrase] in LABELS.subjects or any(
            deps[c] in LABELS.introducers for c in table.children[phrase]):
        return None
    governor = heads[phrase]
    if governor != verb and not (start <= governor < closing):
        return None
    return doc[phrase]


def _word_start(doc: Doc, i: int) -> int:
    """The first word of the phrase headed by the token at ``i``, past the punctuation the
    parser may hang on the phrase (its opening comma)."""
    start = _left_edge(parse_table(doc).children, i)
    punct = token_table(doc).is_punct
    while start < i and punct[start]:
        start += 1
    return start


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
