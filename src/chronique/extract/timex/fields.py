"""Read what a rule matched into typed fields: ``{"day": 30, "month": 10, "year": 2025}``.

A placeholder from a vocab gives the vocab's value for the matched words; a macro gives raw text
that is parsed according to the field it fills (a ``year`` of two digits is expanded against
the publication date, a ``number`` may be written in words). A field that cannot be read makes
the whole candidate invalid, which is how "trente-douze ans" or "le 31/02" are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from chronique.extract.timex.calendar import two_digit_year
from chronique.extract.timex.lexicon import Rule, TimexLexicon, normalise_key
from chronique.extract.timex.numbers import parse_number, roman_to_int

__all__ = ["read_fields", "InvalidField"]

_LEADING_DIGITS = re.compile(r"\d+")


class InvalidField(ValueError):
    """A matched piece of text that does not hold a usable value."""


def _digits(text: str) -> int:
    match = _LEADING_DIGITS.search(text)
    if not match:
        raise InvalidField(text)
    return int(match.group())


def _year(text: str, dct: date | None) -> int:
    digits = text.strip("'’ ")
    value = _digits(digits)
    return two_digit_year(value, dct) if len(digits) <= 2 else value


def _decade(text: str, dct: date | None) -> int:
    """The decade as TIMEX3 writes it: "1990" and "90" both give 199 (two digits are 19xx)."""
    digits = text.strip("'’ ")
    value = _digits(digits)
    return (1900 + value if len(digits) <= 2 else value) // 10


def _century(text: str, dct: date | None) -> int:
    letters = re.sub(r"[^IVXLC]", "", text.upper())
    value = roman_to_int(letters) if letters and not any(ch.isdigit() for ch in text) else _digits(text)
    if not value:
        raise InvalidField(text)
    return value


_PARSERS: dict[str, Callable[[str, date | None], int]] = {
    "day": lambda text, _: _digits(text),
    "month": lambda text, _: _digits(text),
    "hour": lambda text, _: _digits(text),
    "minute": lambda text, _: _digits(text),
    "ordinal": lambda text, _: _digits(text),
    "year": _year,
    "decade": _decade,
    "century": _century,
}


def _read(source: str, field: str, text: str, lexicon: TimexLexicon, dct: date | None) -> Any:
    if source in lexicon.vocab:
        table = lexicon.vocab[source]
        key = normalise_key(text)
        if key not in table:
            raise InvalidField(text)
        return table[key]
    if field == "number":
        number = parse_number(text, lexicon.number_language, lexicon.number_overrides)
        if number is None:
            raise InvalidField(text)
        return number
    parser = _PARSERS.get(field)
    return parser(text, dct) if parser else text


def read_fields(match: re.Match[str], rule: Rule, lexicon: TimexLexicon, dct: date | None) -> dict[str, Any]:
    """The fields of one match; the first group to fill a field wins. Raises ``InvalidField``."""
    fields: dict[str, Any] = {}
    for group_name, (source, field) in rule.groups.items():
        text = match.group(group_name)
        if text is None or field in fields:
            continue
        fields[field] = _read(source, field, text, lexicon, dct)
    return fields
