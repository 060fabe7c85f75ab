"""Quantities written in digits or in words ("30,4", "sept", "dix-huit", "twenty-four").

Number words are parsed with ``text2num`` rather than a home-made grammar: it already knows the
French and English number systems (including "quatre-vingt-dix", "vingt et un"). The lexicon may
add words that ``text2num`` refuses on purpose, such as the English article "a" ("a year").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from text_to_num import text2num

__all__ = ["parse_number", "roman_to_int"]

_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def parse_number(text: str, lang: str, overrides: Mapping[str, float] | None = None) -> float | None:
    """The value of a quantity, or ``None`` when it is not a number we can read.

    A decimal comma (French) and a decimal point (English) are both accepted, since a
    quantity followed by a time unit is never a thousands-grouped figure.
    """
    cleaned = " ".join(text.lower().split())
    if _DIGITS.fullmatch(cleaned):
        return float(cleaned.replace(",", "."))
    if overrides and cleaned in overrides:
        return float(overrides[cleaned])
    try:
        return float(text2num(cleaned, lang))
    except (ValueError, TypeError):
        return None


def roman_to_int(numeral: str) -> int | None:
    """The value of a Roman numeral ("XXI" -> 21), ``None`` if it is not one."""
    letters = numeral.upper()
    if not letters or any(ch not in _ROMAN_VALUES for ch in letters):
        return None
    total = 0
    for current, following in zip(letters, letters[1:] + " "):
        value = _ROMAN_VALUES[current]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total
