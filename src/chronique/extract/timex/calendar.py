"""Calendar arithmetic against the publication date: shifting, picking the right year or weekday.

Everything here is language-free and works on ``datetime.date``; month and year steps use
``dateutil.relativedelta`` so that "one month before 31 March" is 28/29 February, not an error.
Directions are -1 (the past: "dernier", tense in the past), +1 (the future) and 0 ("ce", the
current period); ``None`` means nothing says, and the nearest candidate wins.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

__all__ = [
    "GRANULARITIES",
    "format_at",
    "shift",
    "weekday_date",
    "infer_year",
    "season_year",
    "two_digit_year",
    "clock_of",
]

#: Granularities of a calendar value, from the TIMEX3 point of view.
GRANULARITIES = ("CE", "DE", "Y", "H", "Q", "M", "W", "WE", "D")
_STEP = {"Y": ("years", 1), "M": ("months", 1), "D": ("days", 1), "W": ("weeks", 1), "WE": ("weeks", 1),
         "Q": ("months", 3), "H": ("months", 6), "DE": ("years", 10), "CE": ("years", 100)}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def format_at(day: date, granularity: str) -> str:
    """The TIMEX3 value of the period of ``granularity`` that contains ``day``."""
    year = day.year
    if granularity == "D":
        return day.isoformat()
    if granularity == "M":
        return f"{year:04d}-{day.month:02d}"
    if granularity in ("W", "WE"):
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if granularity == "WE" else "")
    if granularity == "Q":
        return f"{year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "H":
        return f"{year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "DE":
        return f"{year // 10:03d}"
    if granularity == "CE":
        return f"{year // 100:02d}"
    return f"{year:04d}"


def shift(day: date, granularity: str, steps: int) -> date:
    """``day`` moved by ``steps`` periods of ``granularity`` (raises on leaving years 1–9999)."""
    unit, size = _STEP[granularity]
    return day + relativedelta(**{unit: steps * size})


def weekday_date(anchor: date, weekday: int, direction: int | None, strict: bool) -> date:
    """The date of ISO ``weekday`` (1 = Monday) seen from ``anchor``.

    ``strict`` excludes the anchor itself ("mercredi dernier" said on a Wednesday is a week ago);
    direction 0 is the same ISO week ("ce dimanche").
    """
    today = anchor.isoweekday()
    if direction == 0:
        return anchor + relativedelta(days=weekday - today)
    back = (today - weekday) % 7
    forward = (weekday - today) % 7
    if strict:
        back, forward = back or 7, forward or 7
    if direction is None:
        direction = -1 if back <= forward else 1
    return anchor - relativedelta(days=back) if direction < 0 else anchor + relativedelta(days=forward)


def infer_year(anchor: date, month: int, day: int | None, direction: int | None, strict: bool) -> int:
    """The year of a day or month named without one ("le 2 juin", "en juillet").

    With a direction the latest past (or earliest future) occurrence wins; without one, the
    occurrence nearest to ``anchor`` ("11 septembre" read in February is last September's).
    """
    def key(year: int) -> tuple[int, int, int]:
        return (year, month, day or 0)

    now = (anchor.year, anchor.month, anchor.day if day else 0)
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if direction is not None and direction < 0:
        past = [y for y in years if (key(y) < now if strict else key(y) <= now)]
        return max(past)
    if direction is not None and direction > 0:
        future = [y for y in years if (key(y) > now if strict else key(y) >= now)]
        return min(future)

    def distance(year: int) -> int:
        target = date(year, month, min(day or 15, 28))
        middle = anchor if day else anchor.replace(day=min(anchor.day, 28))
        return abs((target - middle).days)

    return min(years, key=distance)


def season_year(anchor: date, season: str, direction: int | None) -> int:
    """The year a season named without one belongs to (winter is the year it starts in)."""
    start_month = _SEASON_START[season]
    occurrences = [date(year, start_month, 1) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction is not None and direction < 0:
        return max(start for start in occurrences if start + relativedelta(months=3) <= anchor).year
    if direction is not None and direction > 0:
        return min(start for start in occurrences if start > anchor).year
    return anchor.year - 1 if season == "WI" and anchor.month <= 2 else anchor.year


def two_digit_year(short: int, anchor: date | None) -> int:
    """Expand "98" to 1998 and "05" to 2005: the century that keeps it at most ten years ahead."""
    reference = anchor.year if anchor else 2000
    year = (reference // 100) * 100 + short
    return year - 100 if year > reference + 10 else year


def clock_of(hour: int, minute: int = 0, meridiem: int | None = None) -> str | None:
    """"HH:MM" of a clock reading, or None when it is no time of day ("25 h", "13 p.m.").
    ``meridiem`` is 0 (a.m.) or 12 (p.m.) when the text says which half of the day."""
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + meridiem  # "12 a.m." is 00:00, "2 p.m." 14:00
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"
