"""The interval of days a DATE value covers, for ``Timex.range_start``/``range_end``.

Downstream code compares and sorts facts by these ISO dates without parsing TIMEX3 again:
"2025-02" covers 2025-02-01..2025-02-28, "2024-Q3" 2024-07-01..2024-09-30, "199" the 1990s.
Values with unknown parts (``XXXX-SU``) or no calendar position (``PAST_REF``) have no interval.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = ["value_range"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEARS = re.compile(r"^(\d{2,4})$")
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _bounds(value: str) -> tuple[date, date] | None:
    if match := _DAY.match(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := _MONTH.match(value):
        return _months(int(match[1]), int(match[2]), int(match[2]))
    if match := _WEEK.match(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        first = monday + timedelta(days=5) if match[3] else monday
        return first, monday + timedelta(days=6)
    if match := _PART.match(value):
        return _months(int(match[1]), *_PART_MONTHS[match[2]])
    if match := _YEARS.match(value):
        digits = match[1]
        span = 10 ** (4 - len(digits))
        first_year = max(int(digits) * span, 1)
        return date(first_year, 1, 1), date(min(first_year + span - 1, 9999), 12, 31)
    return None


def value_range(value: str) -> tuple[str, str] | None:
    """``(first_day, last_day)`` as ISO dates, or ``None`` when the value is not a dated period."""
    try:
        bounds = _bounds(value)
    except ValueError:
        return None
    return (bounds[0].isoformat(), bounds[1].isoformat()) if bounds else None
