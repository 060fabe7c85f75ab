"""The sum an event is about: a money mention hung on its trigger or its verb ("racheter X pour
97,4 milliards"). Apart from ``dating`` because a sum is read off the parse the same way for
every event, whatever its date."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from chronique.model import Money
from chronique.nlp.tokens import token_table

__all__ = ["amount_of"]


def amount_of(doc: Doc, path: list[Token], money: list[Money]) -> Money | None:
    """A money mention attached to the trigger or its verb ("racheter X pour 97,4 milliards")."""
    near = {t.i for t in path[:2]}
    for mention, attached in zip(money, _money_heads(doc, money)):
        if attached is None:
            continue
        head, start, end = attached
        if head in near and head not in range(start, end):
            return mention
    return None


def _money_heads(doc: Doc, money: list[Money]) -> list[tuple[int, int, int] | None]:
    """For each money mention, the head of its span's root and the span's token bounds (None
    when the mention covers no token): worked out once per list of mentions and ``Doc``, not
    once per event (a ``Span`` and its root for each mention)."""
    kept = token_table(doc).memo.setdefault(_MONEY_HEADS, {})
    found = kept.get(0)
    if found is None or found[0] is not money:
        heads: list[tuple[int, int, int] | None] = []
        for mention in money:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            heads.append(None if span is None else (span.root.head.i, span.start, span.end))
        found = kept[0] = (money, heads)
    return found[1]


#: Where :func:`_money_heads` keeps the money list it read and its answers.
_MONEY_HEADS = "events: money heads"
