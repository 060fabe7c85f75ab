"""Which actor is at this token? The one index every extractor asks.

The actor recognizer writes ``doc._.actor_mentions``: names, descriptions ("le patron
d'OpenAI") and resolved pronouns, which may nest — "OpenAI" lies inside the description "le
patron d'OpenAI". A token inside nested mentions belongs to two actors, so each query names the
one it wants:

* :data:`INNERMOST` — the shortest mention over the token. A clause argument is the most
  specific actor named there: in "a attaqué le patron d'OpenAI", the token "OpenAI" is OpenAI
  (events, the relations' phrase actors).
* :data:`OUTERMOST` — the longest mention over the token. A speaker or a relation's evidence
  is the whole phrase: "le fondateur de Tesla a déclaré" is said by the founder, and the
  relation's span covers "le fondateur de Tesla" (quotes, relations' evidence spans).

Ties go to the mention that comes first by (start, end). The index is built once per document
(:func:`actor_index` caches it as ``doc._.actor_index``) with both answers per token, so a
token costs one list lookup; character ranges are found by ``bisect`` on mention starts.
It only reads mentions, so tests can set them by hand on a hand-built ``Doc``.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter, is_
from typing import Any, Literal

from spacy.tokens import Doc, Token

from chronique.nlp.extensions import ActorMention, register_extensions
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table

__all__ = ["ActorIndex", "Choice", "INNERMOST", "OUTERMOST", "actor_index", "growing_index", "is_name_part"]

register_extensions()

Choice = Literal["innermost", "outermost"]
INNERMOST: Choice = "innermost"
OUTERMOST: Choice = "outermost"

#: Labels of a token that names the noun it hangs on ("Elon Musk", "le groupe Vivendi").
NAME_PART_DEPS = dependency_scheme("ud").phrase_name_links
#: Where spaCy stores ``doc._.actor_mentions`` and ``doc._.actor_index`` (defaults: None).
_MENTIONS_KEY = ("._.", "actor_mentions", None, None)
_INDEX_KEY = ("._.", "actor_index", None, None)


def is_name_part(child: Token) -> bool:
    """Whether ``child`` may name its head: a name part, an apposition, a noun modifier."""
    return child.dep_ in NAME_PART_DEPS


#: A mention's bounds, its sort key.
_BOUNDS = attrgetter("start", "end")
#: Wider than any mention: the width a token holds before its first mention (narrower: its negative).
_NO_WIDTH = sys.maxsize


class ActorIndex:
    """Actor mentions of one document, by token and by character range."""

    def __init__(self, doc: Doc, mentions: Iterable[ActorMention] | None) -> None:
        self.source = mentions  # what it was built from: see actor_index()
        #: Mentions sorted by (start, end); equal ones keep their given order.
        self.mentions: list[ActorMention] = sorted(mentions or [], key=_BOUNDS)
        self._starts = [m.start for m in self.mentions]
        self._widest = max((m.end - m.start for m in self.mentions), default=0)
        self._innermost: list[ActorMention | None] = [None] * len(doc)
        self._outermost: list[ActorMention | None] = [None] * len(doc)
        # the width of the mention each token holds so far (none yet: wider, then narrower, than any)
        self._inner_widths = [_NO_WIDTH] * len(doc)
        self._outer_widths = [-_NO_WIDTH] * len(doc)
        self._place(doc, self.mentions)

    def _place(self, doc: Doc, mentions: Iterable[ActorMention]) -> None:
        """Give each token of each mention that mention where it is narrower (innermost) or wider
        (outermost) than the one the token holds, or as wide and first by (start, end): the choice
        a walk over all the mentions in order makes, whatever order they come in."""
        innermost, outermost = self._innermost, self._outermost
        inner_widths, outer_widths = self._inner_widths, self._outer_widths
        tokens = token_table(doc)
        token_starts, token_ends = tokens.starts, tokens.ends
        for mention in mentions:
            start, end = mention.start, mention.end
            width = end - start
            # tokens whose text overlaps [start, end): they end after start and begin before end
            for i in range(bisect_right(token_ends, start), bisect_left(token_starts, end)):
                held = innermost[i]
                if width < inner_widths[i] or (
                        width == inner_widths[i] and held is not None and (start, end) < (held.start, held.end)):
                    innermost[i], inner_widths[i] = mention, width
                held = outermost[i]
                if width > outer_widths[i] or (
                        width == outer_widths[i] and held is not None and (start, end) < (held.start, held.end)):
                    outermost[i], outer_widths[i] = mention, width

    def _extended(self, doc: Doc, mentions: Sequence[ActorMention], count: int) -> ActorIndex:
        """``ActorIndex(doc, mentions)``, when this index was built from ``mentions[:count]``:
        its per-token answers copied and the mentions after them placed."""
        added = list(mentions[count:])
        index = ActorIndex.__new__(ActorIndex)
        index.source = mentions
        # a stable sort: equal bounds keep this index's mentions (the list's first) first
        index.mentions = sorted(self.mentions + added, key=_BOUNDS)
        index._starts = [m.start for m in index.mentions]
        index._widest = max(self._widest, max((m.end - m.start for m in added), default=0))
        index._innermost, index._outermost = list(self._innermost), list(self._outermost)
        index._inner_widths, index._outer_widths = list(self._inner_widths), list(self._outer_widths)
        index._place(doc, added)
        return index

    # -- tokens --------------------------------------------------------------------------
    def mention_at(self, token: Token, choice: Choice = INNERMOST) -> ActorMention | None:
        """The mention over ``token`` that ``choice`` picks, or None."""
        return self.mention_at_index(token.i, choice)

    def mention_at_index(self, i: int, choice: Choice = INNERMOST) -> ActorMention | None:
        """The mention over the token at index ``i`` (no ``Token`` needed for a walk over all)."""
        table = self._innermost if choice == INNERMOST else self._outermost
        return table[i]

    def at(self, token: Token, choice: Choice = INNERMOST) -> str | None:
        """The key of the actor at ``token`` (see :meth:`mention_at`)."""
        mention = self.mention_at(token, choice)
        return mention.key if mention is not None else None

    def phrase_actors(
        self,
        head: Token,
        names_head: Callable[[Token], bool] = is_name_part,
        choice: Choice = INNERMOST,
        conjuncts: Sequence[Token] = (),
    ) -> list[str]:
        """Actors of the phrase headed by ``head`` and of each of ``conjuncts``, in order.

        A token that is no actor itself takes the actor of its first child after it that
        ``names_head`` accepts: "le groupe Vivendi" is Vivendi. Each actor is listed once.
        """
        found: list[str] = []
        for token in (head, *conjuncts):
            key = self.at(token, choice)
            if key is None:
                key = next((k for c in token.children
                            if c.i > token.i and names_head(c) and (k := self.at(c, choice))), None)
            if key and key not in found:
                found.append(key)
        return found

    # -- character ranges ----------------------------------------------------------------
    def outermost_between(self, start: int, end: int) -> list[ActorMention]:
        """Mentions overlapping [start, end), left to right, each group of nested or
        overlapping mentions replaced by its longest (the first of equal ones)."""
        first = bisect_left(self._starts, start - self._widest)
        last = bisect_left(self._starts, end)
        found: list[ActorMention] = []
        for mention in self.mentions[first:last]:
            if mention.end <= start:
                continue
            if found and mention.start < found[-1].end:
                if mention.end - mention.start > found[-1].end - found[-1].start:
                    found[-1] = mention
                continue
            found.append(mention)
        return found


def growing_index(doc: Doc, mentions: Sequence[ActorMention]) -> ActorIndex:
    """``ActorIndex(doc, mentions)`` for a list of mentions that grows as references are resolved
    (names, then restated names, then descriptions …): the index this function built last for
    the ``Doc`` is extended when its mentions are the first of ``mentions``, not rebuilt."""
    memo = token_table(doc).memo.setdefault(_GROWING_KEY, {})
    last = memo.get(0)
    if last is not None:
        built, previous = last
        count = len(built)
        if count <= len(mentions) and all(map(is_, built, mentions)):
            index = previous._extended(doc, mentions, count)
            memo[0] = (tuple(mentions), index)
            return index
    index = ActorIndex(doc, mentions)
    memo[0] = (tuple(mentions), index)
    return index


#: The token table's memo slot of :func:`growing_index`.
_GROWING_KEY = "growing actor index"


def actor_index(doc: Doc) -> ActorIndex:
    """The document's index, built on first use and kept as ``doc._.actor_index``.

    It is rebuilt when ``doc._.actor_mentions`` was given a new list since (a test setting
    mentions by hand, a component run again); mentions are never edited in place.
    """
    # Read where spaCy keeps both attributes (``doc._`` builds an ``Underscore`` at each access,
    # and the extractors ask for the index at every token); unset, both are None as ``doc._`` says.
    data: dict[Any, Any] = doc.user_data  # spaCy types it dict[str, Any]; extension keys are tuples
    mentions = data.get(_MENTIONS_KEY)
    index = data.get(_INDEX_KEY)
    if index is None or index.source is not mentions:
        index = ActorIndex(doc, mentions)
        data[_INDEX_KEY] = index
    return index
