"""Running aggregates: the counts lists and profiles show, kept up to date as the store is written.

``entity_stats`` holds, per entity, its mentions, the documents naming it and the exported
events it takes part in; ``pair_stats`` holds, per ordered pair of entities, the exported events
they share and the sums of those events' positive and negative scores (both directions, so that
an actor's counterparts are one index range); ``actor_periods`` holds, per entity and chart
period (``store.periods``), its exported events and their score sums (an actor's chart without
reading its events). All are created and filled by migration m006.

The invariant: after every write (a document's mentions, an event created, merged or folded
again, an entity merged, split or absorbed) each row equals a recount over the base tables,
inside the same transaction. Mentions are counted as they are inserted and recounted for the
entities a move touches; events are taken out of the totals before they change and put back
after (:func:`account_events`). :func:`recount` gives the figures from scratch: the migration's
backfill and the tests' reference.

Every statement here is plain SQL (``INSERT … ON CONFLICT … DO UPDATE`` is also PostgreSQL's).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from itertools import combinations, permutations

from chronique.model import EXPORTED_MODALITIES
from chronique.store import actor_events, graph_months
from chronique.store.periods import Period, period_of

__all__ = [
    "add_entity", "drop_entity", "count_mentions", "recount_mentions", "account_events", "recount",
    "stored_totals", "Totals", "count_document", "recount_days", "stored_days", "recount_pair_events",
    "stored_pair_events",
]

#: (entity rows, pair rows, period rows): entity id → (mentions, documents, events); (entity,
#: other) and (entity, first day, last day, precision) → (events, positive, negative), scores
#: rounded to six decimals.
Totals = tuple[dict[str, tuple[int, int, int]], dict[tuple[str, str], tuple[int, float, float]],
               dict[tuple[str, str, str, str], tuple[int, float, float]]]

_EXPORTED = tuple(sorted(EXPORTED_MODALITIES))
_MARKS = ", ".join("?" * len(_EXPORTED))


def add_entity(conn: sqlite3.Connection, entity_id: str) -> None:
    """A new entity starts at zero."""
    conn.execute("INSERT INTO entity_stats (entity_id, mentions, documents, events) VALUES (?, 0, 0, 0)"
                 " ON CONFLICT (entity_id) DO NOTHING", (entity_id,))


def drop_entity(conn: sqlite3.Connection, entity_id: str) -> None:
    """An entity deleted (absorbed by another) leaves no totals behind."""
    conn.execute("DELETE FROM entity_stats WHERE entity_id = ?", (entity_id,))
    conn.execute("DELETE FROM pair_stats WHERE entity_id = ? OR other_id = ?", (entity_id, entity_id))
    conn.execute("DELETE FROM actor_periods WHERE entity_id = ?", (entity_id,))


def count_mentions(conn: sqlite3.Connection, entity_id: str, doc_id: str, mentions: int) -> None:
    """Before inserting ``mentions`` new mentions of an entity in a document: one more document
    when it names the entity for the first time (``mentions_by_entity_doc``, one seek)."""
    if not mentions:
        return
    new_document = conn.execute("SELECT 1 FROM mentions WHERE entity_id = ? AND doc_id = ? LIMIT 1",
                                (entity_id, doc_id)).fetchone() is None
    conn.execute("UPDATE entity_stats SET mentions = mentions + ?, documents = documents + ? WHERE entity_id = ?",
                 (mentions, int(new_document), entity_id))


def recount_mentions(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> None:
    """Count again, from the mentions, the mentions and documents of these entities (after a
    move: an index range per entity)."""
    for entity_id in sorted(set(entity_ids)):
        mentions, documents = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM mentions WHERE entity_id = ?", (entity_id,)).fetchone()
        conn.execute("UPDATE entity_stats SET mentions = ?, documents = ? WHERE entity_id = ?",
                     (mentions, documents, entity_id))


def count_document(conn: sqlite3.Connection, day: str | None) -> None:
    """One more document published on ``day`` (``None``: undated, kept as ''), in
    ``document_days`` (migration m008)."""
    conn.execute("INSERT INTO document_days (day, documents) VALUES (?, 1)"
                 " ON CONFLICT (day) DO UPDATE SET documents = document_days.documents + 1", (day or "",))


def recount_days(conn: sqlite3.Connection) -> dict[str, int]:
    """Documents per day ('' for the undated) counted again from the documents."""
    return {row[0]: row[1] for row in conn.execute(
        "SELECT COALESCE(date, ''), COUNT(*) FROM documents GROUP BY COALESCE(date, '')")}


def stored_days(conn: sqlite3.Connection) -> dict[str, int]:
    """Documents per day as kept in ``document_days``."""
    return {row[0]: row[1] for row in conn.execute("SELECT day, documents FROM document_days")}


def _exported_actors(conn: sqlite3.Connection, event_id: str) -> tuple[list[str], float, Period | None] | None:
    """The distinct actors, the score and the chart period of an exported event; None for any
    other."""
    row = conn.execute(f"SELECT score, date_value, date_start, date_end FROM events WHERE id = ? AND modality IN ({_MARKS})",
                       (event_id, *_EXPORTED)).fetchone()
    if row is None:
        return None
    actors = sorted({r[0] for r in conn.execute("SELECT entity_id FROM event_actors WHERE event_id = ?", (event_id,))})
    return actors, float(row[0] or 0.0), period_of(row[1], row[2], row[3])


def account_events(conn: sqlite3.Connection, event_ids: Sequence[str], sign: int) -> None:
    """Add (``sign`` 1) or take out (-1) these events' share of the totals, as they stand now:
    called after an event is written and before it changes or is deleted."""
    for event_id in event_ids:
        graph_months.account_event(conn, event_id, sign)
        actor_events.account_event(conn, event_id, sign)
        found = _exported_actors(conn, event_id)
        if found is None:
            continue
        actors, score, period = found
        conn.executemany("UPDATE entity_stats SET events = events + ? WHERE entity_id = ?",
                         [(sign, actor) for actor in actors])
        positive, negative = sign * max(score, 0.0), sign * min(score, 0.0)
        pairs = list(permutations(actors, 2))
        conn.executemany(
            "INSERT INTO pair_stats (entity_id, other_id, events, positive, negative) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (entity_id, other_id) DO UPDATE SET events = pair_stats.events + excluded.events,"
            " positive = pair_stats.positive + excluded.positive, negative = pair_stats.negative + excluded.negative",
            [(a, b, sign, positive, negative) for a, b in pairs])
        if sign < 0:
            conn.executemany("DELETE FROM pair_stats WHERE entity_id = ? AND other_id = ? AND events <= 0", pairs)
        _account_pair_events(conn, event_id, actors, sign)
        if period is not None:
            _account_period(conn, actors, period, sign, positive, negative)


def _account_pair_events(conn: sqlite3.Connection, event_id: str, actors: Sequence[str], sign: int) -> None:
    """The event listed under each pair of its actors (``pair_events``, smaller id first), or no
    longer."""
    rows = [(a, b, event_id) for a, b in combinations(actors, 2)]
    if sign > 0:
        conn.executemany("INSERT INTO pair_events (entity_id, other_id, event_id) VALUES (?, ?, ?)", rows)
    else:
        conn.executemany("DELETE FROM pair_events WHERE entity_id = ? AND other_id = ? AND event_id = ?", rows)


def recount_pair_events(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """(actor, other actor, event) of every exported event shared by two actors, smaller id first."""
    return set(conn.execute(
        "SELECT DISTINCT a.entity_id, b.entity_id, a.event_id FROM event_actors a"
        " JOIN event_actors b ON b.event_id = a.event_id AND a.entity_id < b.entity_id"
        f" JOIN events e ON e.id = a.event_id WHERE e.modality IN ({_MARKS})", _EXPORTED))


def stored_pair_events(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    return set(conn.execute("SELECT entity_id, other_id, event_id FROM pair_events"))


def _account_period(conn: sqlite3.Connection, actors: Sequence[str], period: Period, sign: int,
                    positive: float, negative: float) -> None:
    """One event more or less in each actor's chart period."""
    first, last, precision = period
    conn.executemany(
        "INSERT INTO actor_periods (entity_id, first_day, last_day, precision, events, positive, negative)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id, first_day, last_day) DO UPDATE SET"
        " events = actor_periods.events + excluded.events, positive = actor_periods.positive + excluded.positive,"
        " negative = actor_periods.negative + excluded.negative",
        [(actor, first, last, precision, sign, positive, negative) for actor in actors])
    if sign < 0:
        conn.executemany("DELETE FROM actor_periods WHERE entity_id = ? AND first_day = ? AND last_day = ?"
                         " AND events <= 0", [(actor, first, last) for actor in actors])


def _recount_periods(conn: sqlite3.Connection) -> dict[tuple[str, str, str, str], tuple[int, float, float]]:
    """(entity, first day, last day, precision) → (events, positive, negative), from the events."""
    totals: dict[tuple[str, str, str, str], tuple[int, float, float]] = {}
    rows = conn.execute(
        "SELECT DISTINCT ea.entity_id, e.id, e.date_value, e.date_start, e.date_end, COALESCE(e.score, 0)"
        f" FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE e.modality IN ({_MARKS})", _EXPORTED)
    for entity_id, _event_id, value, start, end, score in rows:
        period = period_of(value, start, end)
        if period is not None:
            events, positive, negative = totals.get((entity_id, *period), (0, 0.0, 0.0))
            totals[(entity_id, *period)] = (events + 1, positive + max(score, 0.0), negative + min(score, 0.0))
    return totals


#: The totals from scratch, as m006 fills them (the migration keeps its own frozen copy).
RECOUNT_ENTITIES = f"""
    SELECT e.id,
           (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
           (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id),
           (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea JOIN events ev ON ev.id = ea.event_id
            WHERE ea.entity_id = e.id AND ev.modality IN ({_MARKS}))
    FROM entities e
"""
RECOUNT_PAIRS = f"""
    SELECT a.entity_id, b.entity_id, COUNT(*), SUM(CASE WHEN s.score > 0 THEN s.score ELSE 0 END),
           SUM(CASE WHEN s.score < 0 THEN s.score ELSE 0 END)
    FROM (SELECT DISTINCT ea.event_id, ea.entity_id FROM event_actors ea) a
    JOIN (SELECT DISTINCT ea.event_id, ea.entity_id FROM event_actors ea) b
        ON b.event_id = a.event_id AND b.entity_id <> a.entity_id
    JOIN (SELECT id, COALESCE(score, 0) AS score FROM events WHERE modality IN ({_MARKS})) s ON s.id = a.event_id
    GROUP BY a.entity_id, b.entity_id
"""


def recount(conn: sqlite3.Connection) -> Totals:
    """Every total counted again from the base tables (what the stored ones must equal)."""
    entities = {row[0]: (row[1], row[2], row[3]) for row in conn.execute(RECOUNT_ENTITIES, _EXPORTED)}
    pairs = {(row[0], row[1]): (row[2], round(row[3], 6), round(row[4], 6))
             for row in conn.execute(RECOUNT_PAIRS, _EXPORTED)}
    periods = {key: (n, round(positive, 6), round(negative, 6))
               for key, (n, positive, negative) in _recount_periods(conn).items()}
    return entities, pairs, periods


def stored_totals(conn: sqlite3.Connection) -> Totals:
    """The totals as kept in ``entity_stats`` and ``pair_stats``, scores rounded likewise."""
    entities = {row[0]: (row[1], row[2], row[3])
                for row in conn.execute("SELECT entity_id, mentions, documents, events FROM entity_stats")}
    pairs = {(row[0], row[1]): (row[2], round(row[3], 6), round(row[4], 6))
             for row in conn.execute("SELECT entity_id, other_id, events, positive, negative FROM pair_stats")}
    periods = {(row[0], row[1], row[2], row[3]): (row[4], round(row[5], 6), round(row[6], 6))
               for row in conn.execute("SELECT entity_id, first_day, last_day, precision, events, positive, negative"
                                       " FROM actor_periods")}
    return entities, pairs, periods
