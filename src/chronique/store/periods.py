"""The period an event is drawn over in a conflict–cooperation chart, from its stored dates.

Here (below ``chronique.analysis``) because the store keeps a running total per actor and period
(``store.aggregates``) and must place each event exactly as ``analysis.series.period_spans``
does: its month when it is known to a month or better, else the whole range its date allows.
"""

from __future__ import annotations

from datetime import date

from chronique.intervals import value_range

__all__ = ["Period", "period_of", "month_end"]

#: (first ISO day, last ISO day, precision: "month", "quarter", "year" or "period").
Period = tuple[str, str, str]


def month_end(day: date) -> date:
    following = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _precision(first: date, last: date) -> str:
    if first.day == 1 and last == month_end(last):
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months == 3 and first.month % 3 == 1:
            return "quarter"
        if months == 12 and first.month == 1:
            return "year"
    return "period"


def period_of(date_value: str | None, date_start: str | None, date_end: str | None) -> Period | None:
    """``(first_day, last_day, precision)`` of an event's period; ``None`` if undated."""
    first = date_start[:10] if date_start else None
    last = date_end[:10] if date_end else None
    if date_value and (first is None or last is None):
        bounds = value_range(date_value)
        if bounds:
            first, last = first or bounds[0], last or bounds[1]
    if first is None:
        return None
    low, high = date.fromisoformat(first), date.fromisoformat(last or first)
    if high < low or (low.year, low.month) == (high.year, high.month):
        month = date(low.year, low.month, 1)
        return month.isoformat(), month_end(month).isoformat(), "month"
    return low.isoformat(), high.isoformat(), _precision(low, high)
