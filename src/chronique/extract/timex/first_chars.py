"""The characters a temporal rule's match can start with, to let its regex skip other words fast.

Every rule is scanned over the whole text (``finditer``). Its pattern opens with ``(?<!\\w)``,
and, compiled case-insensitively, Python's regex engine can use no prefix or character set to
skip ahead: at every word start it enters the rule's alternations ("janvier|février|…") one
branch after another. :func:`first_char_class` reads the parsed pattern and returns a character
class (``[lmjc\\d]``) that holds every character a match can start with; the rule's regex then
tests it in a lookahead first, one step, before the alternations.

The lookahead only restates what the pattern already requires, so the matches are the same,
span for span and group for group: the class is built from the pattern's own items and compiled
with the same flags (a ``j`` in the class matches exactly what a ``j`` in the pattern matches). When
the first character cannot be told (a pattern that may match nothing, a negated class, ``.``, a
flag set inside), the answer is ``None`` and the rule is left as it is.
"""

from __future__ import annotations

import re._constants as sre_constants  # noqa: PLC2701 -- the stable parse tree of ``re`` (3.11)
import re._parser as sre_parse  # noqa: PLC2701
from typing import Any

__all__ = ["first_char_class"]

_CATEGORIES = {
    sre_constants.CATEGORY_DIGIT: r"\d",
    sre_constants.CATEGORY_NOT_DIGIT: r"\D",
    sre_constants.CATEGORY_SPACE: r"\s",
    sre_constants.CATEGORY_NOT_SPACE: r"\S",
    sre_constants.CATEGORY_WORD: r"\w",
    sre_constants.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """The first character of a piece of pattern cannot be told."""


def _char(code: int) -> str:
    return "\\" + chr(code) if chr(code) in "\\]^-[" else chr(code)


def _class_items(items: list[tuple[Any, Any]]) -> list[str]:
    out = []
    for op, av in items:
        if op is sre_constants.LITERAL:
            out.append(_char(av))
        elif op is sre_constants.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre_constants.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE and anything rarer
            raise _Unknown
    return out


def _first(items: Any) -> tuple[list[str], bool]:
    """(class items a match of the sequence ``items`` can start with, whether it may be empty)."""
    found: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the next item starts the match
        if op is sre_constants.LITERAL:
            return found + [_char(av)], False
        if op is sre_constants.IN:
            return found + _class_items(av), False
        if op is sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags & ~sre_constants.SRE_FLAG_IGNORECASE:
                raise _Unknown  # (a group that only turns case-insensitivity off keeps its class:
                # under the pattern's own flags the class may only hold more, never fewer)
            chars, empty = _first(sub)
        elif op is sre_constants.BRANCH:
            chars, empty = [], False
            for branch in av[1]:
                branch_chars, branch_empty = _first(branch)
                chars += branch_chars
                empty = empty or branch_empty
        elif op in _REPEATS:
            low, _high, sub = av
            chars, empty = _first(sub)
            empty = empty or low == 0
        else:  # ANY, NOT_LITERAL, GROUPREF, conditionals, atomic groups …
            raise _Unknown
        found += chars
        if not empty:
            return found, False
    return found, True


def first_char_class(pattern: str, flags: int = 0) -> str | None:
    """A character class (``[…]``) holding every character a match of ``pattern`` can start
    with, or ``None`` when that cannot be told or the pattern may match an empty string."""
    try:
        chars, empty = _first(sre_parse.parse(pattern, flags))
    except _Unknown:
        return None
    if empty or not chars:
        return None
    return "[" + "".join(dict.fromkeys(chars)) + "]"
