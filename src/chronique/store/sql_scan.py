"""A small scanner of SQL text for the PostgreSQL dialect: strings, quoted names and parentheses.

The translation (``store.dialect``) rewrites statements with regular expressions; these helpers
let it see only code (strings and quoted names blanked) and find a call's arguments.
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["spans", "code_only", "closing", "top_level_split"]


def spans(sql: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each piece: 'code', 'str' ('…') or 'name' ("…")."""
    index, start = 0, 0
    while index < len(sql):
        char = sql[index]
        if char in "'\"":
            if index > start:
                yield start, index, "code"
            close = index + 1
            while True:
                close = sql.index(char, close)
                if close + 1 < len(sql) and sql[close + 1] == char:
                    close += 2
                    continue
                break
            yield index, close + 1, "str" if char == "'" else "name"
            index = start = close + 1
            continue
        index += 1
    if start < len(sql):
        yield start, len(sql), "code"


def code_only(sql: str) -> str:
    """The statement with the inside of its strings and quoted names blanked (same length), so
    that a regular expression or a parenthesis count only sees code."""
    return "".join(sql[a:b] if kind == "code" else sql[a] + "_" * (b - a - 2) + sql[b - 1]
                   for a, b, kind in spans(sql))


def closing(masked: str, open_index: int) -> int:
    """The index of the parenthesis closing the one at ``open_index``."""
    depth = 0
    for index in range(open_index, len(masked)):
        if masked[index] == "(":
            depth += 1
        elif masked[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError(f"unbalanced parentheses in {masked!r}")


def top_level_split(text: str, masked: str) -> list[str]:
    """``text`` cut at the commas outside parentheses (``masked`` is its masked form)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(masked):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts
