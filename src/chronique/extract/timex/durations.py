"""Durations: an amount of a base unit rendered as an ISO 8601 / TIMEX3 duration value.

Base units are written in the lexicon as a multiplier and a unit code ("1Y", "3M" for a
quarter, "10Y" for a decade, "1MIN"), so that a language can define "trimestre" or "quinquennat"
without code. Fractions spill into the next smaller unit, which is what TimeBank does
("sept ans et demi" -> P7Y6M, not P7.5Y).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["BaseUnit", "parse_base_unit", "duration_value", "vague_duration_value", "calendar_delta"]

_BASE = re.compile(r"^(\d+(?:\.\d+)?)(Y|M|W|D|H|MIN|S)$")
#: Unit codes in decreasing size; each with its ISO letter, whether it sits after "T",
#: and how many of the next smaller unit it holds (for spilling fractions).
_UNITS: dict[str, tuple[str, bool, str | None, int]] = {
    "Y": ("Y", False, "M", 12),
    "M": ("M", False, "D", 30),
    "W": ("W", False, "D", 7),
    "D": ("D", False, "H", 24),
    "H": ("H", True, "MIN", 60),
    "MIN": ("M", True, "S", 60),
    "S": ("S", True, None, 1),
}
_ORDER = ("Y", "M", "W", "D", "H", "MIN", "S")


@dataclass(frozen=True)
class BaseUnit:
    """``multiplier`` times the calendar or clock unit ``code`` (Y, M, W, D, H, MIN, S)."""

    multiplier: float
    code: str


def parse_base_unit(spec: str) -> BaseUnit:
    """Read a lexicon unit such as ``"1Y"`` or ``"3M"``; raises ``ValueError`` on a typo."""
    match = _BASE.match(spec)
    if not match:
        raise ValueError(f"not a base unit: {spec!r}")
    return BaseUnit(float(match.group(1)), match.group(2))


def _split(amount: float, code: str) -> dict[str, float]:
    """Whole units of ``code`` and the fraction carried into the next smaller unit."""
    parts: dict[str, float] = {}
    while True:
        _, _, smaller, factor = _UNITS[code]
        whole = float(int(amount + 1e-9))
        rest = amount - whole
        if smaller is None or rest < 1e-6:
            parts[code] = round(amount, 3) if smaller is None else whole
            return parts
        if whole:
            parts[code] = whole
        amount, code = rest * factor, smaller


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def duration_value(amount: float, unit: BaseUnit) -> str:
    """``P7Y6M``, ``PT24H``, ``PT30.4S`` … for ``amount`` times ``unit``."""
    parts = _split(amount * unit.multiplier, unit.code)
    date_part = "".join(f"{_number(parts[c])}{_UNITS[c][0]}" for c in _ORDER if c in parts and not _UNITS[c][1])
    time_part = "".join(f"{_number(parts[c])}{_UNITS[c][0]}" for c in _ORDER if c in parts and _UNITS[c][1])
    if not date_part and not time_part:
        return "PT0S"
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def vague_duration_value(unit: BaseUnit) -> str:
    """An unspecified number of ``unit``: ``PXY``, ``PXD``, ``PTXH``."""
    letter, is_time, _, _ = _UNITS[unit.code]
    if unit.code == "Y" and unit.multiplier == 10:
        return "PXDE"
    if unit.code == "Y" and unit.multiplier == 100:
        return "PXCE"
    return ("PTX" if is_time else "PX") + letter


def calendar_delta(amount: float, unit: BaseUnit) -> dict[str, int]:
    """Keyword arguments for ``dateutil.relativedelta`` that move a date by the duration."""
    names = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "H": "hours", "MIN": "minutes", "S": "seconds"}
    parts = _split(amount * unit.multiplier, unit.code)
    return {names[code]: int(value) for code, value in parts.items()}
