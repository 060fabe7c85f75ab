"""Where each temporal rule can match, found in one pass over the text instead of one per rule.

Every rule used to scan the whole text (``finditer``): 51 scans of every character, each trying
the rule's opening lookbehind and first-character lookahead at every position (about 0.3 CPU s
per 40,000 words, 80 % of the temporal tagger). But a rule can only match where a word starts
(its regex opens with ``(?<!\\w)``) and, for almost every rule, only at a word that begins with one
of a few spellings: "le", "ce", "lun", "jan", a digit…

:class:`RuleStarts` reads from each rule's parsed pattern the first ``PREFIX_ATOMS`` characters a
match can begin with (as regex atoms, ``l`` ``e`` or ``[\\d]``), one alternative per path through
the pattern. At tagging time one regex finds the word starts of the text, each start's first
characters (up to ``PREFIX_ATOMS`` word characters) say which rules may match there (worked out
once per distinct prefix, by the rules' own prefix regexes compiled with the rules' own flags, so
case-insensitive matching is the engine's, not ours), and each rule is tried with ``match`` at
its candidate starts only.

Same matches, span for span: :meth:`RuleStarts.finditer` walks the candidate starts in text order
and, like ``finditer``, takes the first start at or after the end of the previous match. A start
a rule's prefix excludes cannot begin a match of it: every atom of a prefix consumes one word
character, so a match's first characters lie within the word's first ``PREFIX_ATOMS`` characters
and match the prefix. A rule whose matches may begin with something that is not a word character,
or whose prefix cannot be read, keeps its plain ``finditer``.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # noqa: PLC2701 -- the stable parse tree of ``re`` (3.11)
import re._parser as sre_parse  # noqa: PLC2701
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["PREFIX_ATOMS", "RuleStarts", "match_prefix"]

#: How many characters of a word decide which rules are tried there.
PREFIX_ATOMS = 3
#: More alternatives than this and a rule's prefix is not worth it (it keeps ``finditer``).
_MAX_PATHS = 2000
#: Distinct word prefixes remembered before the memo starts afresh (a few thousand in French news).
_MEMO_SIZE = 100_000
_WORD_CHAR = re.compile(r"\w")
_WORD_CLASS_CATEGORIES = {sre_constants.CATEGORY_DIGIT: r"\d", sre_constants.CATEGORY_WORD: r"\w"}
_NON_WORD_CATEGORIES = (sre_constants.CATEGORY_SPACE, sre_constants.CATEGORY_NOT_WORD)
#: The atom that ends a prefix where the word must end: the next character is no word's.
_WORD_END = r"\Z"
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)

#: A path's first characters: its atoms, and whether later items may still add to them.
_Path = tuple[tuple[str, ...], bool]


class _Unreadable(Exception):
    """A piece of pattern whose first characters this module does not read."""


def _is_word_char(char: str) -> bool:
    return _WORD_CHAR.match(char) is not None


def _word_class(items: list[tuple[Any, Any]]) -> str | None:
    """A class of word characters only, as an atom; ``None`` if it may hold another character."""
    out = []
    for op, av in items:
        if op is sre_constants.LITERAL and _is_word_char(chr(av)):
            out.append(re.escape(chr(av)))
        elif op is sre_constants.RANGE and all(_is_word_char(chr(c)) for c in range(av[0], av[1] + 1)):
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre_constants.CATEGORY and av in _WORD_CLASS_CATEGORIES:
            out.append(_WORD_CLASS_CATEGORIES[av])
        else:
            return None
    return "[" + "".join(out) + "]"


def _non_word_class(items: list[tuple[Any, Any]]) -> bool:
    """Whether a class holds no word character (spaces, apostrophes, hyphens…)."""
    for op, av in items:
        if op is sre_constants.LITERAL and not _is_word_char(chr(av)):
            continue
        if op is sre_constants.CATEGORY and av in _NON_WORD_CATEGORIES:
            continue
        return False
    return True


def _close(paths: list[_Path]) -> list[_Path]:
    return [(atoms, False) for atoms, _open in paths]


def _item(op: Any, av: Any) -> list[_Path]:
    """The ways one pattern item can begin: its first atoms, and whether it may end there."""
    if op in _ZERO_WIDTH:
        return [((), True)]  # consumes nothing
    if op is sre_constants.LITERAL:
        char = chr(av)
        return [((re.escape(char),), True)] if _is_word_char(char) else [((_WORD_END,), False)]
    if op is sre_constants.IN:
        if _non_word_class(av):
            return [((_WORD_END,), False)]
        atom = _word_class(av)
        return [((atom,), True)] if atom else [((), False)]
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unreadable
        return _sequence(sub)
    if op is sre_constants.BRANCH:
        return [path for branch in av[1] for path in _sequence(branch)]
    if op in _REPEATS:
        low, high, sub = av
        if low == 1 and high == 1:
            return _sequence(sub)
        return _close(_sequence(sub)) if low >= 1 else [((), True), *_close(_sequence(sub))]
    return [((), False)]  # any other item ends the prefix: it is not needed to be a superset


def _join(atoms: tuple[str, ...], more: tuple[str, ...], more_open: bool) -> _Path:
    """``atoms`` followed by ``more``, cut to ``PREFIX_ATOMS`` characters (a word-end mark past
    the cut says nothing about the key, which is cut there too)."""
    joined = atoms + more
    if len(joined) > PREFIX_ATOMS or (len(joined) == PREFIX_ATOMS and joined[-1] != _WORD_END):
        joined = joined[:PREFIX_ATOMS]
        return (joined[:-1] if joined[-1] == _WORD_END else joined), False
    return joined, more_open and _WORD_END not in joined


def _sequence(items: Any) -> list[_Path]:
    paths: set[_Path] = {((), True)}
    for op, av in items:
        if not any(open_ for _atoms, open_ in paths):
            break
        grown: set[_Path] = set()
        for atoms, open_ in paths:
            if not open_:
                grown.add((atoms, False))
                continue
            for more, more_open in _item(op, av):
                grown.add(_join(atoms, more, more_open))
        if len(grown) > _MAX_PATHS:
            raise _Unreadable
        paths = grown
    return sorted(paths)


def match_prefix(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """A regex that, matched at a word's first characters, tells whether ``pattern`` may match
    starting there; ``None`` when that cannot be read from the pattern or every word would do."""
    try:
        paths = _sequence(sre_parse.parse(pattern, flags))
    except _Unreadable:
        return None
    if any(not atoms or atoms[0] == _WORD_END for atoms, _open in paths):
        return None  # a path that may begin with anything, or with a character that is no word's
    alternatives = sorted({"".join(atoms) for atoms, _open in paths}, key=lambda a: (-len(a), a))
    return re.compile("(?:" + "|".join(alternatives) + ")", flags)


_WORD_PREFIX = re.compile(rf"(?<!\w)\w{{1,{PREFIX_ATOMS}}}")


class RuleStarts:
    """The candidate starts of a list of rule regexes in a text (see the module's docstring)."""

    def __init__(self, regexes: Sequence[re.Pattern[str]]) -> None:
        self._regexes = list(regexes)
        # The compiled pattern is read whole: its lookbehind and lookaheads consume nothing.
        self._prefixes = [match_prefix(regex.pattern, regex.flags) if _opens_on_word_start(regex) else None
                          for regex in self._regexes]
        #: For each distinct word prefix seen: which rules (by index) may start there.
        self._rules_at: dict[str, tuple[int, ...]] = {}

    def _rules_for(self, prefix: str) -> tuple[int, ...]:
        rules = self._rules_at.get(prefix)
        if rules is None:
            if len(self._rules_at) >= _MEMO_SIZE:
                self._rules_at.clear()  # bounds memory on a long run over many scripts
            rules = self._rules_at[prefix] = tuple(
                index for index, check in enumerate(self._prefixes) if check is not None and check.match(prefix)
            )
        return rules

    def starts(self, text: str) -> list[list[int]]:
        """For each rule with a prefix, its candidate starts in text order (empty for the others)."""
        found: list[list[int]] = [[] for _ in self._regexes]
        rules_at = self._rules_at
        for word in _WORD_PREFIX.finditer(text):
            prefix = word.group()
            rules = rules_at.get(prefix)
            if rules is None:
                rules = self._rules_for(prefix)
            start = word.start()
            for index in rules:
                found[index].append(start)
        return found

    def finditer(self, index: int, text: str, starts: list[int]) -> Iterator[re.Match[str]]:
        """The matches of rule ``index`` in ``text``: the same as its regex's ``finditer``."""
        regex = self._regexes[index]
        if self._prefixes[index] is None:
            yield from regex.finditer(text)
            return
        resume = 0
        for start in starts:
            if start < resume:
                continue
            match = regex.match(text, start)
            if match is not None:  # never empty: every path of the prefix consumes a character
                yield match
                resume = match.end()


def _opens_on_word_start(regex: re.Pattern[str]) -> bool:
    """Whether every match of ``regex`` starts where a word does: it opens with ``(?<!\\w)``
    and its first character is a word character (checked by :func:`match_prefix`)."""
    return regex.pattern.startswith(r"(?<!\w)")
