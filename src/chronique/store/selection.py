"""Which events a question is about, read from where it costs least.

An event is chosen by who took part (actors), when it happened (a period), whether it is dated,
and its modality. At 100,000 documents one filter can cost a millisecond or a second depending
on where SQLite starts reading: from an actor's events (a few for most actors, 50,000 for the
most covered one), from the events of a period (one short range per span class, through the
``events_by_span_start`` index of migration m004), or from all events in time order (the first
page of a much-covered actor's timeline is at the very start of that order). SQLite cannot tell
these apart without statistics, so :func:`select_event_ids` counts first (an actor's events from
its running total, a period's from an index alone) and writes the query that starts from the
smallest side.

Every value is bound as a parameter; the SQL assembled here is made only of fixed fragments and
runs of ``?``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from chronique.model import EXPORTED_MODALITIES
from chronique.store import actor_events
from chronique.store.dialect import is_postgres, one_plan

__all__ = ["EventFilter", "select_event_ids", "event_ids_sql", "SPAN_CLASS"]

#: The span class of an event (0: up to 31 days, 1: up to 366, 2: longer or unreadable), written
#: exactly as the index ``events_by_span_start`` of migration m004 is, so SQLite can use it.
SPAN_CLASS = (
    "CASE WHEN julianday(COALESCE(date_end, date_start)) - julianday(date_start) <= 31 THEN 0"
    " WHEN julianday(COALESCE(date_end, date_start)) - julianday(date_start) <= 366 THEN 1 ELSE 2 END"
)
_LOOKBACK_DAYS = {0: 31, 1: 366}
_UNDATED = "COALESCE(e.date_start, e.date_value) IS NULL"
_WHEN = "COALESCE(e.date_start, e.date_value)"
#: Timeline order, as the ``events_in_time_order`` index holds it: dated first, by date, then id.
_TIME_ORDER = f"{_UNDATED}, {_WHEN}, e.id"
_EXPORTED = sorted(EXPORTED_MODALITIES)
#: The chosen events looked up by id from ``events_facts`` (m004), which holds every column the
#: conditions and the page order read: one index seek per event, no read of the table row.
#: Left to itself SQLite takes the primary key's index and then the row (a 3-month period of a
#: much-covered actor: 8,000 events, 55 ms instead of about 30).
_BY_ID = "events e INDEXED BY events_facts"


#: On PostgreSQL, how many of a period's events cost as much as one of an actor's: a period's
#: event is one entry of an index range read in order (0.15 µs), with the actors' events hashed
#: once (0.5 µs each); an actor's event is one probe of ``events_facts`` by id (6–7 µs). Measured
#: at 100,000 documents (docs/benchmark.md); a quarter of 8,000 events is read in place for an
#: actor with more than 400 events.
PG_PERIOD_WEIGHT = 20


def _marks(count: int) -> str:
    return ", ".join("?" * count)


@dataclass(frozen=True)
class EventFilter:
    """What the chosen events have in common.

    ``actors``: entity ids; the events involve all of them (``any_actor``: at least one).
    ``start``/``end``: the event's interval (``date_start``..``date_end``) overlaps the period;
    an event without one is then left out, unless ``dated_only`` is off. Hypothetical and negated
    events only with ``include_unexported``.
    """

    actors: tuple[str, ...] = ()
    any_actor: bool = False
    start: date | None = None
    end: date | None = None
    dated_only: bool = True
    include_unexported: bool = False
    #: Keyset paging: only the events after this one in timeline order, as ``(when, event id)``
    #: (``when`` ``None``: the cursor is an undated event).
    after: tuple[str | None, str] | None = None

    @property
    def has_period(self) -> bool:
        return self.start is not None or self.end is not None


def _bounds(spec: EventFilter) -> tuple[str, str]:
    return (spec.start.isoformat() if spec.start else "0000-01-01",
            spec.end.isoformat() if spec.end else "9999-12-31")


def _period_condition(spec: EventFilter) -> tuple[str, list[object]]:
    low, high = _bounds(spec)
    clause = "(e.date_start IS NOT NULL AND e.date_start <= ? AND COALESCE(e.date_end, e.date_start) >= ?)"
    if not spec.dated_only:
        clause = f"({clause} OR {_UNDATED})"
    return clause, [high, low]


def _actor_exists(spec: EventFilter) -> tuple[str, list[object]]:
    """The events of the actors as a condition on ``e`` (when something else drives the query)."""
    if spec.any_actor:
        return (f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id"
                f" AND x.entity_id IN ({_marks(len(spec.actors))}))", list(spec.actors))
    clauses = ["EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.entity_id = ?)"] * len(spec.actors)
    return " AND ".join(clauses), list(spec.actors)


def _after_condition(after: tuple[str | None, str], dated_only: bool) -> tuple[str, list[object]]:
    """The events after a cursor in timeline order (dated first, by date, then id), written as a
    range of ``events_in_time_order``: its first column by equality, then the second."""
    when, event_id = after
    if when is None:
        return f"({_UNDATED}) = 1 AND e.id > ?", [event_id]
    dated = f"({_UNDATED}) = 0 AND {_WHEN} >= ? AND ({_WHEN} > ? OR e.id > ?)"
    return (dated if dated_only else f"(({dated}) OR ({_UNDATED}) = 1)"), [when, when, event_id]


def _conditions(spec: EventFilter, *, actors: bool, period: bool) -> tuple[list[str], list[object]]:
    """Conditions on ``e`` for what does not drive the query."""
    clauses: list[str] = []
    params: list[object] = []
    if spec.after is not None:
        clause, values = _after_condition(spec.after, spec.dated_only)
        clauses.append(clause)
        params.extend(values)
    if spec.dated_only:
        clauses.append(f"NOT {_UNDATED}")
    if not spec.include_unexported:
        # ``+``: a check on each event, never an index column. Otherwise SQLite reads an event
        # by ``id = ? AND modality IN (4 values)`` from ``events_facts``: four seeks instead of one.
        clauses.append(f"+e.modality IN ({_marks(len(_EXPORTED))})")
        params.extend(_EXPORTED)
    for wanted, make in ((period and spec.has_period, _period_condition), (actors and spec.actors, _actor_exists)):
        if wanted:
            clause, values = make(spec)
            clauses.append(clause)
            params.extend(values)
    return clauses, params


def _actor_source(spec: EventFilter, counts: dict[str, int]) -> tuple[str, list[object]]:
    """Event ids of the actors, read from the ``(entity_id, event_id)`` index: for "all of
    them", starting from the actor with the fewest events."""
    if spec.any_actor or len(spec.actors) == 1:
        return (f"SELECT event_id FROM event_actors WHERE entity_id IN ({_marks(len(spec.actors))})",
                list(spec.actors))
    first, *others = sorted(spec.actors, key=lambda actor: (counts[actor], actor))
    exists = " AND ".join(
        ["EXISTS (SELECT 1 FROM event_actors y WHERE y.event_id = f.event_id AND y.entity_id = ?)"] * len(others))
    params: list[object] = [first, *others]
    return f"SELECT f.event_id FROM event_actors f WHERE f.entity_id = ? AND {exists}", params


def _period_source(
    spec: EventFilter, columns: str = "id", conditions: str = "", condition_params: list[object] | None = None,
    *, wrap: bool = False,
) -> tuple[str, list[object]]:
    """Event ids of the period: one short range of ``events_by_span_start`` per span class (with
    ``conditions`` on each, the events ``e`` of the range; ``wrap``: as ``SELECT e.id FROM (...) e``)."""
    low, high = _bounds(spec)
    table = "events e" if conditions else "events"
    extra = list(condition_params or ())
    parts: list[str] = []
    params: list[object] = []
    for span_class, days in _LOOKBACK_DAYS.items():
        parts.append(f"SELECT {columns} FROM {table} WHERE ({SPAN_CLASS}) = {span_class}"
                     f" AND date_start BETWEEN date(?, '-{days} days') AND ?"
                     f" AND COALESCE(date_end, date_start) >= ?{conditions}")
        params += [low, high, low, *extra]
    parts.append(f"SELECT {columns} FROM {table} WHERE ({SPAN_CLASS}) = 2 AND date_start <= ?"
                 f" AND COALESCE(date_end, date_start) >= ?{conditions}")
    params += [high, low, *extra]
    union = " UNION ALL ".join(parts)
    return (f"SELECT e.id FROM ({union}) AS e" if wrap else union), params


_COUNTED_SIZE = one_plan("SELECT COUNT(*) FROM event_actors WHERE entity_id = ?")
_STORED_SIZE = one_plan("SELECT COALESCE(MAX(events), 0) FROM entity_stats WHERE entity_id = ?")


def _period_in_place(spec: EventFilter) -> tuple[str, list[object]]:
    """``SELECT e.id ...`` of every chosen event of a period (the period driving), on PostgreSQL:
    each span class's index range checked against the other conditions where it is read, rather
    than each event looked up by id (``events_facts``). Its index there carries what those
    conditions read (``dialect._INCLUDED``): a much-covered actor's quarter is then one pass over
    the quarter's index entries and one over the actor's, not 8,000 probes."""
    clauses, condition_params = _conditions(spec, actors=True, period=False)
    return _period_source(spec, "e.id, e.date_start, e.date_value", "".join(f" AND {c}" for c in clauses),
                          condition_params, wrap=True)


def _actor_size(conn: sqlite3.Connection, spec: EventFilter) -> tuple[dict[str, int], int]:
    """Events per actor, and how many the actor side may hold (sum for any, least for all).
    Exported events only (the usual question): the actor's running total (``store.aggregates``),
    one row, where counting a much-covered actor's 20,000 index entries took 5 ms on PostgreSQL;
    with the unexported ones, that count. Zero means the question has no answer."""
    sql = _COUNTED_SIZE if spec.include_unexported else _STORED_SIZE
    counts = {actor: conn.execute(sql, (actor,)).fetchone()[0] for actor in spec.actors}
    return counts, (sum(counts.values()) if spec.any_actor else min(counts.values()))


def _sizes_choose(spec: EventFilter, limit: int | None) -> bool:
    """Whether the actors' sizes choose anything: where a page or a period starts, or which of
    "all of them" to start from. Every event of any of the actors (an actor's whole timeline)
    starts from the actors whatever their sizes: no statement spent on counting them."""
    bounded_period = spec.has_period and spec.dated_only and spec.start is not None and spec.end is not None
    return limit is not None or bounded_period or (len(spec.actors) > 1 and not spec.any_actor)


def _driver(conn: sqlite3.Connection, spec: EventFilter, size: int | None, page_end: int | None) -> str:
    """Where the query starts: "actors", "period", "time" (all events in time order) or "all"."""
    if size is not None and spec.has_period and spec.dated_only and spec.start and spec.end:
        # Count the period's events only up to the actors' size: the count stops as soon as the
        # period is known to be the bigger side. On PostgreSQL an event of the period costs far
        # less than an actor's (read in an index range, against one probe each: ``_period_in_place``).
        period_sql, period_params = _period_source(spec)
        weighed = size * (PG_PERIOD_WEIGHT if is_postgres(conn) else 1)
        period_size = conn.execute(
            f"SELECT COUNT(*) FROM ({period_sql} LIMIT ?)", [*period_params, weighed]).fetchone()[0]
        return "period" if period_size < weighed else "actors"
    if size is not None:
        # In time order, a page ending at ``page_end`` is found after about page_end × total / size
        # events; from the actors' side, after reading all ``size`` of them and sorting.
        if page_end is not None and size:
            total = conn.execute("SELECT MAX(rowid) FROM events").fetchone()[0] or 0
            if page_end * total < size * size:
                return "time"
        return "actors"
    if spec.has_period and spec.dated_only:
        return "period"
    return "time" if page_end is not None else "all"


def _order(newest_first: bool) -> str:
    return f"{_UNDATED}, {_WHEN} DESC, e.id DESC" if newest_first else _TIME_ORDER


def _in_time_order(
    conn: sqlite3.Connection, spec: EventFilter, limit: int, offset: int, newest_first: bool
) -> list[str]:
    """A page read along ``events_in_time_order``; newest first, the dated and the undated events
    are two ranges of it (an index is read backwards only when every ORDER BY term is reversed)."""
    clauses, params = _conditions(spec, actors=True, period=True)
    where = " AND ".join(clauses) or "1 = 1"
    if not newest_first:
        # After a dated cursor the first column is fixed by the condition: ordering by it too
        # would make SQLite sort every event after the cursor instead of reading the index on.
        one_range = spec.after is not None and spec.after[0] is not None and spec.dated_only
        order = f"{_WHEN}, e.id" if one_range else _TIME_ORDER
        sql = f"SELECT e.id FROM events e WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        return [row[0] for row in conn.execute(sql, [*params, limit, offset])]
    dated = [row[0] for row in conn.execute(
        f"SELECT e.id FROM events e WHERE ({_UNDATED}) = 0 AND {where}"
        f" ORDER BY {_WHEN} DESC, e.id DESC LIMIT ? OFFSET ?", [*params, limit, offset])]
    if len(dated) == limit or spec.dated_only:
        return dated
    skipped = 0 if dated else max(0, offset - conn.execute(
        f"SELECT COUNT(*) FROM events e WHERE ({_UNDATED}) = 0 AND {where}", params).fetchone()[0])
    undated = conn.execute(
        f"SELECT e.id FROM events e WHERE ({_UNDATED}) = 1 AND {where} ORDER BY e.id DESC LIMIT ? OFFSET ?",
        [*params, limit - len(dated), skipped])
    return dated + [row[0] for row in undated]


def _sourced_sql(spec: EventFilter, driver: str, counts: dict[str, int]) -> tuple[str, list[object]]:
    """``SELECT e.id ...`` of every chosen event, starting from ``driver``'s side."""
    source, params = "", list[object]()
    if driver == "actors":
        source, params = _actor_source(spec, counts)
    elif driver == "period":
        source, params = _period_source(spec)
    clauses, condition_params = _conditions(spec, actors=driver != "actors", period=driver != "period")
    table = "events e"
    if source:
        clauses.insert(0, f"e.id IN ({source})")
        table = _BY_ID
    sql = f"SELECT e.id FROM {table}" + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
    return sql, [*params, *condition_params]


def event_ids_sql(conn: sqlite3.Connection, spec: EventFilter) -> tuple[str, list[object]]:
    """The query :func:`select_event_ids` runs for all the chosen events (no page), to be used
    as a subquery (``e.id IN (...)``) by a question that reads more of each event: one round
    trip instead of a list of ids sent back as JSON."""
    counts, size = _actor_size(conn, spec) if spec.actors else ({}, None)
    if spec.actors and size == 0:
        return "SELECT NULL WHERE 0", []
    return _sourced_sql(spec, _driver(conn, spec, size, None), counts)


def select_event_ids(
    conn: sqlite3.Connection, spec: EventFilter, *, limit: int | None = None, offset: int = 0,
    newest_first: bool = False,
) -> list[str]:
    """The ids of the chosen events: all of them in no order, or with ``limit`` one page of them
    in timeline order (dated first, by ``date_start`` or ``date_value``, then event id;
    ``newest_first``: the dated ones latest first, then the undated ones)."""
    chosen = chosen_events(conn, spec, limit=limit, offset=offset, newest_first=newest_first)
    return chosen if isinstance(chosen, list) else [row[0] for row in conn.execute(*chosen)]


def chosen_events(
    conn: sqlite3.Connection, spec: EventFilter, *, limit: int | None = None, offset: int = 0,
    newest_first: bool = False,
) -> tuple[str, list[object]] | list[str]:
    """What :func:`select_event_ids` answers: the statement (and its values) whose rows are the
    ids, the reads that choose it made, or the ids themselves when no one statement lists them.
    (A server can then run that statement with what reads the events, in one round trip.)"""
    if (limit is not None and not newest_first and len(spec.actors) == 1 and not spec.include_unexported
            and not spec.has_period and spec.after is None):
        return actor_events.page_statement(spec.actors[0], spec.dated_only, limit, offset)  # one index walk (m010)
    if spec.actors and not _sizes_choose(spec, limit):
        counts, driver = {}, "actors"  # (an actor without events: the query finds none)
    else:
        counts, size = _actor_size(conn, spec) if spec.actors else ({}, None)
        if spec.actors and size == 0:
            return []
        driver = _driver(conn, spec, size, None if limit is None else offset + limit)
    if driver == "time" and limit is not None:
        return _in_time_order(conn, spec, limit, offset, newest_first)
    if driver == "period" and is_postgres(conn):
        sql, values = _period_in_place(spec)
    else:
        sql, values = _sourced_sql(spec, driver, counts)
    if limit is not None:
        sql += f" ORDER BY {_order(newest_first)} LIMIT ? OFFSET ?"
        values += [limit, offset]
    return sql, values
