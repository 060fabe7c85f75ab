"""Conflict–cooperation series: events summed by the month they happened in.

Pure functions over events that carry an id, a date and a score (``TimelineEntry`` does, and so
does the lighter ``store.analysis_reads.ScoredEvent`` the store reads when a series covers thousands of
events). An event counts in the month of its ``date_start``, else of its ``date_value`` ("2015"
counts in 2015-01, the first day it may have happened); undated events are left out. An event
without a score counts as an event with score 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from chronique.analysis.records import PeriodSpan, SeriesPoint
from chronique.intervals import value_range
from chronique.store.analysis_reads import ScoredEvent
from chronique.store.periods import period_of

__all__ = ["ScoredEvent", "split_scores", "summed_point", "counted_day", "monthly_series", "month_range", "event_period", "period_spans",
           "summed_spans"]


class Dated(Protocol):
    """What a series needs of an event."""

    @property
    def event_id(self) -> str: ...
    @property
    def date_value(self) -> str | None: ...
    @property
    def date_start(self) -> str | None: ...
    @property
    def score(self) -> float | None: ...


class Spanned(Dated, Protocol):
    """What a chart of periods needs of an event: its last possible day too."""

    @property
    def date_end(self) -> str | None: ...


def split_scores(scores: Iterable[float | None]) -> tuple[float, float]:
    """(cooperation, conflict): the sums of the positive and of the negative scores, rounded to
    six decimals so that 3.5 + 3.2 reads 6.7; a missing score counts as 0."""
    values = [score or 0.0 for score in scores]
    return round(sum((v for v in values if v > 0), 0.0), 6), round(sum((v for v in values if v < 0), 0.0), 6)


def counted_day(event: Dated) -> str | None:
    """The ISO day an event counts on: its ``date_start``, else the first day of its value."""
    if event.date_start:
        return event.date_start[:10]
    if event.date_value:
        bounds = value_range(event.date_value)
        return bounds[0] if bounds else None
    return None


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last`` included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _point(period: str, events: Sequence[Dated]) -> SeriesPoint:
    cooperation, conflict = split_scores(event.score for event in events)
    return summed_point(period, cooperation, conflict, [event.event_id for event in events])


def summed_point(period: str, positive: float, negative: float, event_ids: Sequence[str]) -> SeriesPoint:
    """The point of a month from the sums of its positive and negative scores (rounded as
    :func:`split_scores` rounds them) and its events' ids: how a series summed in SQL ends."""
    cooperation, conflict = round(positive, 6), round(negative, 6)
    total = round(cooperation + conflict, 6)
    return SeriesPoint(
        period, len(event_ids), cooperation, conflict, total, round(total / len(event_ids), 6) if event_ids else 0.0,
        tuple(sorted(event_ids)),
    )


def monthly_series(
    events: Iterable[Dated], *, start: date | None = None, end: date | None = None, fill: bool = False
) -> list[SeriesPoint]:
    """One point per month that has events, oldest first (``fill``: every month between the first
    and the last, empty ones at zero). With ``start``/``end``, only events counted on a day of
    that period."""
    low, high = (start.isoformat() if start else None), (end.isoformat() if end else None)
    by_month: dict[str, list[Dated]] = {}
    for event in dict((event.event_id, event) for event in events).values():
        day = counted_day(event)
        if day is None or (low and day < low) or (high and day > high):
            continue
        by_month.setdefault(day[:7], []).append(event)
    months = sorted(by_month)
    if fill and months:
        months = month_range(months[0], months[-1])
    return [_point(month, by_month.get(month, [])) for month in months]


def event_period(event: Spanned) -> tuple[str, str, str] | None:
    """``(first_day, last_day, precision)`` of the period an event is drawn over: its month when
    it is known to a month or better, else the whole range its date allows; ``None`` if undated
    (``store.periods``, which the store's running totals per period use too)."""
    return period_of(event.date_value, event.date_start, event.date_end)


def _wider_first(item: tuple[tuple[str, str, str], object]) -> tuple[str, int]:
    first, last, _ = item[0]
    return first, -date.fromisoformat(last).toordinal()


def summed_spans(
    groups: Iterable[tuple[tuple[str, str, str] | None, float, float, Sequence[str]]], *,
    start: date | None = None, end: date | None = None,
) -> list[PeriodSpan]:
    """:func:`period_spans` of events already summed in groups, each ``(period or None if
    undated, sum of the positive scores, sum of the negative ones, event ids)``; groups of one
    period are added up."""
    low, high = (start.isoformat() if start else None), (end.isoformat() if end else None)
    grouped: dict[tuple[str, str, str], tuple[float, float, list[str]]] = {}
    for period, positive, negative, event_ids in groups:
        if period is None or (low and period[1] < low) or (high and period[0] > high):
            continue
        sums = grouped.get(period, (0.0, 0.0, []))
        grouped[period] = (sums[0] + positive, sums[1] + negative, sums[2] + list(event_ids))
    spans = []
    for (first, last, precision), (positive, negative, ids) in sorted(grouped.items(), key=_wider_first):
        cooperation, conflict = round(positive, 6), round(negative, 6)
        spans.append(PeriodSpan(first, last, precision, len(ids), cooperation, conflict,
                                round(cooperation + conflict, 6), tuple(sorted(ids))))
    return spans


def period_spans(
    events: Iterable[Spanned], *, start: date | None = None, end: date | None = None,
) -> list[PeriodSpan]:
    """The events grouped by the period they are drawn over (see :func:`event_period`), oldest
    first, wider periods before narrower ones that start on the same day; with ``start``/``end``,
    only periods that overlap them. Undated events are left out."""
    low, high = (start.isoformat() if start else None), (end.isoformat() if end else None)
    grouped: dict[tuple[str, str, str], list[Spanned]] = {}
    for event in dict((event.event_id, event) for event in events).values():
        period = event_period(event)
        if period is None or (low and period[1] < low) or (high and period[0] > high):
            continue
        grouped.setdefault(period, []).append(event)
    spans = []
    for (first, last, precision), members in sorted(grouped.items(), key=_wider_first):
        cooperation, conflict = split_scores(event.score for event in members)
        spans.append(PeriodSpan(first, last, precision, len(members), cooperation, conflict,
                                round(cooperation + conflict, 6), tuple(sorted(e.event_id for e in members))))
    return spans
