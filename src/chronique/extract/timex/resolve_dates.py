"""Resolvers for calendar DATEs: explicit dates, named months, weekdays, seasons, quarters, years.

A missing year is inferred from the publication date (the nearest occurrence, or the one the
direction word or the tense points to). Precision is the precision of the text: "en 2023" stays
"2023", "février 2025" stays "2025-02". Without a publication date, what cannot be known is
written with X ("XXXX-07-15"), as TimeBank does for generic dates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from chronique.extract.timex.calendar import clock_of, infer_year, season_year, weekday_date
from chronique.extract.timex.context import ResolveContext, Resolved

__all__ = ["resolve_date", "direction_of"]

Fields = dict[str, Any]


def direction_of(fields: Fields, params: dict[str, Any], context: ResolveContext) -> tuple[int | None, bool]:
    """The direction a date looks to and whether it was said explicitly ("dernier", "ce")."""
    if "direction" in fields:
        return int(fields["direction"]), True
    if "this" in fields:
        return 0, True
    if "direction" in params:
        return int(params["direction"]), True
    return context.tense, False


def _with_part(value: str, fields: Fields) -> Resolved:
    """A day, or a TIME on it when the text names a part of it or a clock reading
    ("vendredi soir", "vendredi 15 heures")."""
    if "part" in fields:
        return Resolved("TIME", f"{value}T{fields['part']}")
    if "hour" in fields:
        clock = clock_of(int(fields["hour"]), int(fields.get("minute", 0)))
        if clock is not None:
            return Resolved("TIME", f"{value}T{clock}")
    return Resolved("DATE", value)


def _day_month(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved | None:
    month, day = int(fields["month"]), fields.get("day")
    if not 1 <= month <= 12:
        return None
    year = fields.get("year")
    if year is None and context.dct is not None and day is not None and "weekday" in fields:
        year = _year_matching_weekday(context.dct, month, int(day), int(fields["weekday"]))
    if year is None and context.dct is not None:
        direction, explicit = direction_of(fields, params, context)
        year = infer_year(context.dct, month, day, direction if explicit else _soft(direction), explicit)
    if day is None:
        return Resolved("DATE", f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}")
    checked = date(year if year is not None else 2000, month, int(day))  # raises on 31/02
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return _with_part(f"{prefix}-{checked.month:02d}-{checked.day:02d}", fields)


def _year_matching_weekday(anchor: date, month: int, day: int, weekday: int) -> int | None:
    """"jeudi 2 mai": the only nearby year in which 2 May is a Thursday, if there is one."""
    years = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            if date(year, month, day).isoweekday() == weekday:
                years.append(year)
        except ValueError:
            continue
    return years[0] if len(years) == 1 else None


def _soft(direction: int | None) -> int | None:
    """A tense is a hint, not a word: the present tense lets the nearest date win."""
    return None if direction == 0 else direction


def _weekday(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved:
    weekday = int(fields["weekday"])
    if context.dct is None:
        return _with_part(f"XXXX-WXX-{weekday}", fields)
    direction, explicit = direction_of(fields, params, context)
    if direction == 0 and explicit and context.tense in (-1, 1):
        # "ce lundi" is this week's, unless the tense says which side of today it lies.
        direction, explicit = context.tense, False
    elif not explicit:
        direction = -1 if direction is None else _soft(direction)
    day = weekday_date(context.dct, weekday, direction, strict=explicit)
    return _with_part(day.isoformat(), fields)


def _season(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved:
    season = str(fields["season"])
    year = fields.get("year")
    if year is None:
        direction, explicit = direction_of(fields, params, context)
        if not explicit or context.dct is None:
            return Resolved("DATE", f"XXXX-{season}")
        year = season_year(context.dct, season, direction)
    return Resolved("DATE", f"{year:04d}-{season}")


def _period(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved | None:
    """Quarters and halves: "au troisième trimestre 2024" -> 2024-Q3, "Q3 2024" too."""
    letter, number = str(fields.get("period", params.get("period"))), int(fields["ordinal"])
    if not 1 <= number <= (4 if letter == "Q" else 2):
        return None
    year = fields.get("year") or (context.dct.year if context.dct else None)
    return Resolved("DATE", f"{year:04d}-{letter}{number}" if year else f"XXXX-{letter}{number}")


def resolve_date(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved | None:
    """A calendar date at the precision the text gives."""
    if "decade" in fields:
        return Resolved("DATE", f"{int(fields['decade']):03d}")
    if "century" in fields:
        return Resolved("DATE", f"{int(fields['century']) - 1:02d}")
    if "season" in fields:
        return _season(fields, params, context)
    if "period" in fields or "period" in params:
        return _period(fields, params, context)
    if "month" in fields:
        return _day_month(fields, params, context)
    if "weekday" in fields:
        return _weekday(fields, params, context)
    if "year" in fields:
        return Resolved("DATE", f"{int(fields['year']):04d}")
    return None
