"""Migration m006: the running aggregates of ``store.aggregates`` (per entity, per pair, per
actor and chart period), filled from what is stored (see ``migrations``).

The chart periods are computed with m006's own frozen copy of the period rules (below), never the
live ``chronique.intervals`` or ``store.periods``.

Kept apart from ``migrations.py`` for the size of that module, as m008 and later are; same rules:
no live chronique code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import calendar
import re
import sqlite3
from datetime import date, timedelta

__all__ = ["m006_running_aggregates"]

#: The exported modalities as m006 counted them (FROZEN, like every migration's SQL).
_M006_EXPORTED = "('asserted', 'failed', 'proposed', 'reported')"

_RUNNING_AGGREGATES = (
    # Per entity: mentions, documents naming it, exported events it takes part in (entity lists
    # and profiles read these instead of counting an actor's 100,000 mentions per request).
    """CREATE TABLE entity_stats (
        entity_id TEXT PRIMARY KEY, mentions INTEGER NOT NULL DEFAULT 0,
        documents INTEGER NOT NULL DEFAULT 0, events INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX entity_stats_by_mentions ON entity_stats(mentions, entity_id)",
    # Two indexes every write paid for and no read needs: each is the first column of a wider
    # one (mentions_by_entity_doc, event_actors_by_entity_event) that answers the same seeks.
    "DROP INDEX mentions_by_entity",
    "DROP INDEX event_actors_by_entity",
    # Per ordered pair: exported events shared, sums of their positive and negative scores.
    """CREATE TABLE pair_stats (
        entity_id TEXT NOT NULL, other_id TEXT NOT NULL, events INTEGER NOT NULL,
        positive REAL NOT NULL, negative REAL NOT NULL, PRIMARY KEY (entity_id, other_id))""",
    f"""INSERT INTO entity_stats (entity_id, mentions, documents, events)
        SELECT e.id,
               (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
               (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id),
               (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea JOIN events ev ON ev.id = ea.event_id
                WHERE ea.entity_id = e.id AND ev.modality IN {_M006_EXPORTED})
        FROM entities e""",
    f"""INSERT INTO pair_stats (entity_id, other_id, events, positive, negative)
        SELECT a.entity_id, b.entity_id, COUNT(*), SUM(CASE WHEN s.score > 0 THEN s.score ELSE 0 END),
               SUM(CASE WHEN s.score < 0 THEN s.score ELSE 0 END)
        FROM (SELECT DISTINCT ea.event_id, ea.entity_id FROM event_actors ea) a
        JOIN (SELECT DISTINCT ea.event_id, ea.entity_id FROM event_actors ea) b
            ON b.event_id = a.event_id AND b.entity_id <> a.entity_id
        JOIN (SELECT id, COALESCE(score, 0) AS score FROM events WHERE modality IN {_M006_EXPORTED}) s
            ON s.id = a.event_id
        GROUP BY a.entity_id, b.entity_id""",
    # Per entity and chart period: exported events and their score sums (filled below).
    """CREATE TABLE actor_periods (
        entity_id TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL, precision TEXT NOT NULL,
        events INTEGER NOT NULL, positive REAL NOT NULL, negative REAL NOT NULL,
        PRIMARY KEY (entity_id, first_day, last_day))""",
)


def m006_running_aggregates(conn: sqlite3.Connection) -> None:
    """Running aggregates (``store.aggregates``), filled from what is stored and kept up to date
    by every write after; two redundant indexes dropped (cheaper ingest)."""
    for statement in _RUNNING_AGGREGATES:
        conn.execute(statement)
    _m006_fill_actor_periods(conn)


# -- m006's frozen copy of the chart periods ---------------------------------------------------
# A copy of chronique.intervals.value_range and chronique.store.periods.period_of as they were
# when m006 shipped. FROZEN, like m003's copy of the identity keys.

_M006_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_M006_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_M006_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_M006_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_M006_YEARS = re.compile(r"^(\d{2,4})$")
_M006_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                     "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _m006_months(year: int, first: int, last: int) -> tuple[date, date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _m006_bounds(value: str) -> tuple[date, date] | None:
    if match := _M006_DAY.match(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := _M006_MONTH.match(value):
        return _m006_months(int(match[1]), int(match[2]), int(match[2]))
    if match := _M006_WEEK.match(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return (monday + timedelta(days=5) if match[3] else monday), monday + timedelta(days=6)
    if match := _M006_PART.match(value):
        return _m006_months(int(match[1]), *_M006_PART_MONTHS[match[2]])
    if match := _M006_YEARS.match(value):
        span = 10 ** (4 - len(match[1]))
        first_year = max(int(match[1]) * span, 1)
        return date(first_year, 1, 1), date(min(first_year + span - 1, 9999), 12, 31)
    return None


def _m006_value_range(value: str) -> tuple[str, str] | None:
    try:
        bounds = _m006_bounds(value)
    except ValueError:
        return None
    return (bounds[0].isoformat(), bounds[1].isoformat()) if bounds else None


def _m006_month_end(day: date) -> date:
    following = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _m006_period(value: str | None, start: str | None, end: str | None) -> tuple[str, str, str] | None:
    first, last = (start[:10] if start else None), (end[:10] if end else None)
    if value and (first is None or last is None):
        bounds = _m006_value_range(value)
        if bounds:
            first, last = first or bounds[0], last or bounds[1]
    if first is None:
        return None
    low, high = date.fromisoformat(first), date.fromisoformat(last or first)
    if high < low or (low.year, low.month) == (high.year, high.month):
        month = date(low.year, low.month, 1)
        return month.isoformat(), _m006_month_end(month).isoformat(), "month"
    precision = "period"
    if low.day == 1 and high == _m006_month_end(high):
        months = (high.year - low.year) * 12 + high.month - low.month + 1
        if months == 3 and low.month % 3 == 1:
            precision = "quarter"
        elif months == 12 and low.month == 1:
            precision = "year"
    return low.isoformat(), high.isoformat(), precision


def _m006_fill_actor_periods(conn: sqlite3.Connection) -> None:
    """Each exported dated event counted once in each of its actors' chart periods."""
    totals: dict[tuple[str, str, str, str], tuple[int, float, float]] = {}
    for entity_id, _event_id, value, start, end, score in conn.execute(
        "SELECT DISTINCT ea.entity_id, e.id, e.date_value, e.date_start, e.date_end, COALESCE(e.score, 0)"
        f" FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE e.modality IN {_M006_EXPORTED}"
    ).fetchall():
        period = _m006_period(value, start, end)
        if period is not None:
            events, positive, negative = totals.get((entity_id, *period), (0, 0.0, 0.0))
            totals[(entity_id, *period)] = (events + 1, positive + max(score, 0.0), negative + min(score, 0.0))
    conn.executemany(
        "INSERT INTO actor_periods (entity_id, first_day, last_day, precision, events, positive, negative)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", [(*key, *value) for key, value in totals.items()])
