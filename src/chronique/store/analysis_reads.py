"""The reads behind the analyst's questions (series, graph, profile, pair), as SQL lives here.

``chronique.analysis`` turns these rows into answers (sums, edges, rankings); it never sees a
connection. Each read returns small typed records in a deterministic order, binds every value
as a parameter, and is shaped for a store of any size: aggregates are taken in SQL, events are
chosen as ``store.selection`` chooses them, and indexes are named where SQLite would pick a
worse one (see the comments of each query).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from chronique.model import EXPORTED_MODALITIES
from chronique.store import month_mentions
from chronique.store.dialect import is_postgres, one_plan
from chronique.store.selection import EventFilter, event_ids_sql, select_event_ids

__all__ = [
    "ScoredEvent", "GraphEvent", "RoleRow", "scored_events", "graph_events", "mention_counts",
    "shared_event_totals", "shared_quote_counts", "exported_event_count", "latest_event_ids",
    "events_of_all", "role_relations", "actor_period_totals", "PairBucket", "pair_buckets", "DateBucket", "pair_date_buckets", "pair_scored", "pair_events_beyond",
]


class ScoredEvent(NamedTuple):
    """An event with only its dates and score: cheap to read for thousands of events."""

    event_id: str
    date_value: str | None
    date_start: str | None
    date_end: str | None
    score: float | None


@dataclass(frozen=True)
class GraphEvent:
    """An event as the graph sees it: its actors by role, its date and score."""

    event_id: str
    type: str
    date_value: str | None
    date_start: str | None
    score: float | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class RoleRow:
    """A ROLE relation: ``holder`` holds a role (``title``) in ``organisation`` over a period."""

    holder: str
    organisation: str
    organisation_name: str
    title: str | None
    valid_from: str | None
    valid_to: str | None


def scored_events(conn: sqlite3.Connection, event_ids: Iterable[str]) -> list[ScoredEvent]:
    """The id, dates and score of these events, without actors or mentions."""
    return [ScoredEvent(*row) for row in conn.execute(
        "SELECT id, date_value, date_start, date_end, score FROM events INDEXED BY events_facts"
        " WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(event_ids)),),
    )]


def graph_events(conn: sqlite3.Connection, start: date | None, end: date | None) -> list[GraphEvent]:
    """The counted events of the period with their actors, by event id.

    One query: the period's events are chosen as ``store.selection`` chooses them (as a subquery,
    not a list of ids sent back), read from ``events_facts`` (m009) and joined to their
    actors, both from indexes alone. Without a period, undated events count too."""
    spec = EventFilter(dated_only=start is not None or end is not None, start=start, end=end)
    chosen, params = event_ids_sql(conn, spec)
    return graph_events_chosen(conn, chosen, params)


def graph_events_chosen(conn: sqlite3.Connection, chosen: str, params: Sequence[object]) -> list[GraphEvent]:
    """The events of the subquery ``chosen`` (event ids) as :func:`graph_events` reads them."""
    rows: dict[str, tuple[str, str | None, str | None, float | None]] = {}
    roles: dict[str, dict[str, list[str]]] = {}
    for event_id, type_, value, day, score, role, entity_id in conn.execute(
        "SELECT e.id, e.type, e.date_value, e.date_start, e.score, ea.role, ea.entity_id"
        " FROM events e INDEXED BY events_facts JOIN event_actors ea ON ea.event_id = e.id"
        f" WHERE e.id IN ({chosen}) ORDER BY e.id, ea.role, ea.position",
        list(params),
    ):
        rows[event_id] = (type_, value, day, score)
        roles.setdefault(event_id, {"source": [], "target": []})[role].append(entity_id)
    return [
        GraphEvent(event_id, *rows[event_id], tuple(dict.fromkeys(r["source"])), tuple(dict.fromkeys(r["target"])))
        for event_id, r in roles.items()
    ]


def _whole_months(start: date | None, end: date | None) -> list[str] | None:
    """The calendar months ("YYYY-MM") a period covers exactly, first day to last; None for any
    other period (or more than ten years of months)."""
    if start is None or end is None or start.day != 1 or (end + timedelta(days=1)).day != 1 or end < start:
        return None
    months: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month) and len(months) <= 120:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months if len(months) <= 120 else None


def mention_counts(conn: sqlite3.Connection, actors: list[str], start: date | None, end: date | None) -> dict[str, int]:
    """Mentions of each actor in the documents published in the period (all documents without
    one). A period of whole calendar months (the month graph's) reads the running totals of
    ``actor_month_mentions`` (m015), a key per actor and month. Any other period reads the
    documents by date first (CROSS JOIN keeps that order): a month holds a few thousand."""
    months = _whole_months(start, end)
    if months is not None:
        return {actor: count for actor, count in month_mentions.mentions_in_months(conn, actors, months).items() if count}
    if start is None and end is None:
        sql = ("SELECT entity_id, COUNT(*) FROM mentions WHERE entity_id IN (SELECT value FROM json_each(?))"
               " GROUP BY entity_id")
        return dict(conn.execute(sql, (json.dumps(actors),)).fetchall())
    low, high = (start.isoformat() if start else "0000-01-01"), (end.isoformat() if end else "9999-12-31")
    counts = dict(conn.execute(
        "SELECT m.entity_id, COUNT(*) FROM documents d CROSS JOIN mentions m INDEXED BY mentions_by_doc_entity"
        " ON m.doc_id = d.id"
        " WHERE d.date BETWEEN ? AND ? GROUP BY m.entity_id", (low, high)).fetchall())
    return {actor: counts[actor] for actor in actors if actor in counts}


_MODALITIES = sorted(EXPORTED_MODALITIES)
_MARKS = ", ".join("?" * len(_MODALITIES))

#: The modality test on ``events_facts``. The unary ``+`` keeps SQLite from using ``modality``
#: as an index column: ``id = ? AND modality IN (4 values)`` would be four seeks per event
#: (200,000 for a much-covered actor) instead of one seek and a check.
_EXPORTED = f"+e.modality IN ({_MARKS})"

def shared_event_totals(conn: sqlite3.Connection, actor_id: str, top: int | None = None,
                        also: Iterable[str] = ()) -> dict[str, tuple[int, float, float]]:
    """Counterpart id → (exported events shared with the actor, sum of their positive scores,
    sum of their negative scores): the running totals of ``pair_stats`` (``store.aggregates``),
    one index range; a much-covered actor takes part in tens of thousands of events. With
    ``top``, only the counterparts sharing at least as many events as the ``top``-th most shared
    (ties kept), and those of ``also``: what a ranking of the first ``top`` by events plus
    something known of ``also`` needs, without turning 10,000 rows into Python values."""
    if top is None or top < 1:
        return {row[0]: (row[1], float(row[2]), float(row[3])) for row in conn.execute(
            "SELECT other_id, events, positive, negative FROM pair_stats WHERE entity_id = ? AND events > 0",
            (actor_id,))}
    row = conn.execute("SELECT events FROM pair_stats WHERE entity_id = ? AND events > 0"
                       " ORDER BY events DESC LIMIT 1 OFFSET ?", (actor_id, top - 1)).fetchone()
    return {row[0]: (row[1], float(row[2]), float(row[3])) for row in conn.execute(
        "SELECT other_id, events, positive, negative FROM pair_stats WHERE entity_id = ? AND events >= ?"
        " UNION SELECT other_id, events, positive, negative FROM pair_stats WHERE entity_id = ?"
        " AND other_id IN (SELECT value FROM json_each(?)) AND events > 0",
        (actor_id, row[0] if row else 1, actor_id, json.dumps(sorted(set(also)))))}


def shared_quote_counts(conn: sqlite3.Connection, actor_id: str, among: Iterable[str] | None = None,
                        at_least: int = 1) -> dict[str, int]:
    """Counterpart id → quotes of the actor about it plus quotes of it about the actor: the
    running totals of ``quote_pairs`` (``store.quote_pairs``), one index range. With ``among``,
    only those counterparts (a key each); with ``at_least``, only those sharing that many."""
    if among is not None:
        return dict(conn.execute(
            "SELECT other_id, quotes FROM quote_pairs WHERE entity_id = ?"
            " AND other_id IN (SELECT value FROM json_each(?)) AND quotes >= ?",
            (actor_id, json.dumps(sorted(set(among))), at_least)).fetchall())
    return dict(conn.execute("SELECT other_id, quotes FROM quote_pairs WHERE entity_id = ? AND quotes >= ?",
                             (actor_id, at_least)).fetchall())


def exported_event_count(conn: sqlite3.Connection, actor_id: str) -> int:
    """How many exported events, dated or not, the actor takes part in (its running total)."""
    row = conn.execute("SELECT events FROM entity_stats WHERE entity_id = ?", (actor_id,)).fetchone()
    return row[0] if row else 0


def latest_event_ids(conn: sqlite3.Connection, actor_id: str, limit: int) -> list[str]:
    """The actor's ``limit`` most recent exported events: latest start first, undated ones last
    (an undated event is still one of the actor's deeds, and may be all the store knows)."""
    spec = EventFilter((actor_id,), dated_only=False)
    return select_event_ids(conn, spec, limit=limit, newest_first=True) if limit else []


#: A pair's events and its actors' roles: key look-ups, planned once per connection on
#: PostgreSQL (``dialect.one_plan``; planning took 0.2–0.7 ms, running 0.1–0.2).
_PAIR_EVENTS = one_plan("SELECT event_id FROM pair_events WHERE entity_id = ? AND other_id = ?")
_ROLE_RELATIONS = one_plan(
    "SELECT r.source, r.target, t.name, r.title, r.valid_from, r.valid_to"
    " FROM relations r JOIN entities t ON t.id = r.target"
    " WHERE r.type = 'ROLE' AND r.source IN (SELECT value FROM json_each(?))"
    " ORDER BY r.source, r.target, r.title, r.id")


def events_of_all(conn: sqlite3.Connection, actors: Iterable[str]) -> list[str]:
    """The ids of the exported events, dated or not, that involve every one of these actors
    (each set read from the side with fewer events, as ``store.selection`` does), in no order.
    Two actors: one range of ``pair_events`` (migration m008)."""
    chosen = tuple(dict.fromkeys(actors))
    if len(chosen) == 2:
        return [row[0] for row in conn.execute(_PAIR_EVENTS, sorted(chosen))]
    return select_event_ids(conn, EventFilter(chosen, dated_only=False))


def actor_period_totals(conn: sqlite3.Connection, actor_id: str, start: date | None,
                        end: date | None) -> list[tuple[str, str, str, int, float, float]]:
    """(first day, last day, precision, events, positive, negative) of the actor's chart
    periods that overlap ``start``..``end``, wider first among those starting the same day: the
    running totals of ``actor_periods`` (``store.aggregates``), one index range."""
    low, high = (start.isoformat() if start else "0000-01-01"), (end.isoformat() if end else "9999-12-31")
    return [tuple(row) for row in conn.execute(
        "SELECT first_day, last_day, precision, events, positive, negative FROM actor_periods"
        " WHERE entity_id = ? AND last_day >= ? AND first_day <= ? ORDER BY first_day, last_day DESC",
        (actor_id, low, high))]


class PairBucket(NamedTuple):
    """Some of a pair's events summed in SQL: those whose date (``date_start``, else
    ``date_value``) begins with ``when`` (its first seven characters, a month for a start date;
    ``None``: undated), and, for events without a start date, the same ``value``."""

    when: str | None
    value: str | None
    events: int
    positive: float
    negative: float
    event_ids: tuple[str, ...]
    #: The ``date_start`` of each of ``event_ids`` (empty when ``value`` or undated).
    starts: tuple[str, ...]


#: The separator of the ids a bucket lists (event ids and ISO dates never hold it).
_SEPARATOR = "\x1f"
_START = "NULLIF(e.date_start, '')"


#: A pair's events joined to their facts, from its ``pair_events`` range (CROSS JOIN keeps that
#: order: one ``events_facts`` probe per event, a third faster than ``id IN (subquery)``).
_PAIR_FACTS = "pair_events p CROSS JOIN events e INDEXED BY events_facts ON e.id = p.event_id"
_NOT_OF_PAIR = " AND NOT EXISTS (SELECT 1 FROM pair_events q WHERE q.entity_id = ? AND q.other_id = ? AND q.event_id = {})"


def _pair_rows(
    conn: sqlite3.Connection, columns: str, group: str, a: str, b: str, beyond: Sequence[tuple[str, str]],
    extra: Iterable[str],
) -> list[tuple]:
    """``SELECT {columns} ... {group}`` over the events of the pair, those of each pair of
    ``beyond`` not already read, then the ``extra`` events not already read, each its own query:
    ``OR`` or a ``UNION`` would have PostgreSQL scan every event, or SQLite list the 25,000 ids
    of a much-covered pair before reading them."""
    pairs = [(min(a, b), max(a, b)), *((min(pair), max(pair)) for pair in beyond)]
    rows: list[tuple] = []
    for index, pair in enumerate(pairs):
        before = pairs[:index]
        where = "p.entity_id = ? AND p.other_id = ?" + "".join(_NOT_OF_PAIR.format("p.event_id") for _ in before)
        rows += conn.execute(f"SELECT {columns} FROM {_PAIR_FACTS} WHERE {where}{group}",
                             [*pair, *(actor for pair_ in before for actor in pair_)]).fetchall()
    wanted = sorted(set(extra))
    if wanted:
        where = "e.id IN (SELECT value FROM json_each(?))" + "".join(_NOT_OF_PAIR.format("e.id") for _ in pairs)
        rows += conn.execute(f"SELECT {columns} FROM events e INDEXED BY events_facts WHERE {where}{group}",
                             [json.dumps(wanted), *(actor for pair in pairs for actor in pair)]).fetchall()
    return rows


def pair_buckets(
    conn: sqlite3.Connection, a: str, b: str, beyond: Sequence[tuple[str, str]] = (), extra: Iterable[str] = (),
) -> list[PairBucket]:
    """The events of the pair (``pair_events``, exported ones, dated or not), those of each pair
    of ``beyond`` and the ``extra`` events, each once, summed by :class:`PairBucket` (a key may
    come more than once: the pair's, then each other pair's events not already read, then the
    extra ones), in no order: what a pair's count, monthly series and page of events need, as
    one pass over the events' ``events_facts`` entries (a much-covered pair shares 25,000
    events: one Python object per event cost more than the reads) and one row per month, not
    per event."""
    concat = "string_agg" if is_postgres(conn) else "group_concat"
    columns = (
        f"substr(COALESCE({_START}, e.date_value), 1, 7), CASE WHEN {_START} IS NULL THEN e.date_value END,"
        " COUNT(*), SUM(CASE WHEN e.score > 0 THEN e.score ELSE 0 END), SUM(CASE WHEN e.score < 0 THEN e.score ELSE 0 END),"
        f" {concat}(e.id, char(31)), {concat}({_START}, char(31))")
    return [
        PairBucket(when, value, count, float(positive or 0.0), float(negative or 0.0), tuple(ids.split(_SEPARATOR)),
                   tuple(starts.split(_SEPARATOR)) if starts and when is not None and value is None else ())
        for when, value, count, positive, negative, ids, starts
        in _pair_rows(conn, columns, " GROUP BY 1, 2", a, b, beyond, extra)
    ]


class DateBucket(NamedTuple):
    """Some of a pair's events summed in SQL: those with the same first and last day (the first
    ten characters of ``date_start`` and ``date_end``) and, when one is missing, the same
    ``date_value``; all a chart's period of an event depends on (``store.periods.period_of``)."""

    date_value: str | None
    first: str | None
    last: str | None
    events: int
    positive: float
    negative: float
    event_ids: tuple[str, ...]


_END = "NULLIF(e.date_end, '')"


def pair_date_buckets(
    conn: sqlite3.Connection, a: str, b: str, beyond: Sequence[tuple[str, str]] = (), extra: Iterable[str] = (),
) -> list[DateBucket]:
    """The events :func:`pair_buckets` sums, summed by :class:`DateBucket` instead, in no order:
    a chart of a pair's 25,000 events is a few thousand rows, not 25,000 Python objects."""
    concat = "string_agg" if is_postgres(conn) else "group_concat"
    columns = (
        f"CASE WHEN {_START} IS NULL OR {_END} IS NULL THEN e.date_value END, substr({_START}, 1, 10),"
        f" substr({_END}, 1, 10), COUNT(*), SUM(CASE WHEN e.score > 0 THEN e.score ELSE 0 END),"
        f" SUM(CASE WHEN e.score < 0 THEN e.score ELSE 0 END), {concat}(e.id, char(31))")
    return [
        DateBucket(value, first, last, count, float(positive or 0.0), float(negative or 0.0),
                   tuple(ids.split(_SEPARATOR)))
        for value, first, last, count, positive, negative, ids
        in _pair_rows(conn, columns, " GROUP BY 1, 2, 3", a, b, beyond, extra)
    ]


def pair_scored(
    conn: sqlite3.Connection, a: str, b: str, beyond: Sequence[tuple[str, str]] = (), extra: Iterable[str] = (),
) -> list[ScoredEvent]:
    """The events :func:`pair_buckets` sums, each with its dates and score, in no order."""
    return [ScoredEvent(*row) for row in _pair_rows(
        conn, "e.id, e.date_value, e.date_start, e.date_end, e.score", "", a, b, beyond, extra)]


def pair_events_beyond(
    conn: sqlite3.Connection, pair: tuple[str, str], beyond: tuple[str, str], among: Iterable[str] | None = None,
) -> list[ScoredEvent]:
    """The events of ``pair`` that are not events of the pair ``beyond`` (``among``: only
    those of these ids), with their dates and scores: an actor's events with an organisation
    the other of ``beyond`` holds a role in, the shared ones left out in SQL (each one key
    probe), not by listing the shared ones."""
    params: list[object] = [*sorted(pair), *sorted(beyond)]
    within = ""
    if among is not None:
        within = " AND p.event_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(set(among))))
    return [ScoredEvent(*row) for row in conn.execute(
        "SELECT e.id, e.date_value, e.date_start, e.date_end, e.score FROM events e INDEXED BY events_facts"
        " WHERE e.id IN (SELECT p.event_id FROM pair_events p WHERE p.entity_id = ? AND p.other_id = ?"
        " AND NOT EXISTS (SELECT 1 FROM pair_events d WHERE d.entity_id = ? AND d.other_id = ?"
        f" AND d.event_id = p.event_id){within})",
        params)]


def role_relations(conn: sqlite3.Connection, holders: Iterable[str]) -> list[RoleRow]:
    """The ROLE relations held by these actors, by holder, organisation, title and id."""
    return [RoleRow(*row) for row in conn.execute(_ROLE_RELATIONS, (json.dumps(sorted(set(holders))),))]
