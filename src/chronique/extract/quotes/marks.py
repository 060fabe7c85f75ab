"""Pair quotation marks into quoted spans, working on the text alone.

Marks are read left to right once. Asymmetric marks (« », “ ”) nest with a stack; a mark that
both opens and closes (the straight ") is paired by position. A paragraph break closes nothing:
an unclosed quote continues when the next paragraph opens with the same mark (the press
convention for a quote over several paragraphs), and is dropped otherwise; a « or “ still open
when the text ends, with no quote closed after it (an article cut off mid-quote), runs to the end. ’ is far more often an
apostrophe than a closing mark, so it only closes a ‘ when it does not stand inside a word.
Only the outermost spans are kept: a quote inside a quote belongs to the outer speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["QuotedSpan", "find_quoted_spans"]

PARAGRAPH_BREAK = "\n"


@dataclass(frozen=True)
class QuotedSpan:
    """Offsets of the marks (``opening`` at the first mark, ``closing`` at the last) and words."""

    opening: int
    closing: int
    start: int
    end: int

    @property
    def after_closing(self) -> int:
        return self.closing + 1


@dataclass
class _OpenMark:
    mark: str
    position: int


@lru_cache(maxsize=8)
def _mark_pattern(marks: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    characters = {c for pair in marks for c in pair} | {PARAGRAPH_BREAK}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(characters)) + "]")


def find_quoted_spans(text: str, marks: tuple[tuple[str, str], ...]) -> list[QuotedSpan]:
    """The outermost quoted spans of ``text``, in order, words trimmed of surrounding spaces."""
    closing_of = dict(marks)
    opening_of = {closing: opening for opening, closing in marks}
    stack: list[_OpenMark] = []
    pairs: list[tuple[int, int]] = []
    continuation_at = -1
    for match in _mark_pattern(marks).finditer(text):
        char, position = match.group(), match.start()
        if char == PARAGRAPH_BREAK:
            continuation_at = _continuation(text, position, stack)
            if continuation_at < 0:
                stack.clear()
            continue
        if position == continuation_at:
            continue
        opens, closes = char in closing_of, char in opening_of
        if closes and _can_close(text, position, char):
            opened = _pop_matching(stack, opening_of[char])
            if opened is not None:
                pairs.append((opened.position, position))
                continue
        if opens and _can_open(text, position, char):
            stack.append(_OpenMark(char, position))
    if stack and closing_of[stack[0].mark] != stack[0].mark and not any(o > stack[0].position for o, _ in pairs):
        # cut off mid-quote: the quote runs to the end (unless quotes closed after the mark: then it
        # is a stray mark, and running to the end would swallow them)
        pairs.append((stack[0].position, len(text)))
    return _outermost(text, pairs)


def _continuation(text: str, newline: int, stack: list[_OpenMark]) -> int:
    """Where the next paragraph re-opens the innermost open quote with the same mark, or -1."""
    if not stack:
        return -1
    following = len(text) - len(text[newline:].lstrip())
    if following < len(text) and text[following] == stack[-1].mark:
        return following
    return -1


def _is_word_char(text: str, position: int) -> bool:
    return 0 <= position < len(text) and text[position].isalnum()


def _can_open(text: str, position: int, char: str) -> bool:
    """An opening mark does not stand right after a letter (that would be an apostrophe)."""
    if char in "‘’'":
        return not _is_word_char(text, position - 1)
    return True


def _can_close(text: str, position: int, char: str) -> bool:
    """’ closes only outside a word ("l’aider" holds an apostrophe, not a closing mark)."""
    if char in "’'":
        return not _is_word_char(text, position + 1) and not text[position - 1 : position].isspace()
    return True


def _pop_matching(stack: list[_OpenMark], opening: str) -> _OpenMark | None:
    """Pop the innermost open mark of this kind, dropping unclosed marks opened inside it."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].mark == opening:
            opened = stack[index]
            del stack[index:]
            return opened
    return None


def _outermost(text: str, pairs: list[tuple[int, int]]) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    for opening, closing in sorted(pairs):
        if spans and opening < spans[-1].closing:
            continue
        start, end = opening + 1, closing
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append(QuotedSpan(opening, closing, start, end))
    return spans
