"""The actor graph of a calendar month from stored links (``graph_links``, migration m008) and
kept totals (m010), kept at ingest with the other running aggregates.

A month's graph counted the pairs of its 4,000 events by reading every one of them with its
actors. Here each exported event that lasts at most a year (span classes 0 and 1 of
``store.selection``) is listed under every calendar month its interval overlaps, once per pair of
actors it links (``graph_links``: each source with each target, co-sources together, smaller id
first), and counted once per actor. A month's pair and actor totals are then one index range
each, and only the events of the page's edges are read. The few events that
last longer (class 2) are read as before, from ``events_by_span_start``.

Which events a month holds is exactly what ``store.selection`` chooses for that period (dated,
exported, ``date_start <= last day`` and ``COALESCE(date_end, date_start) >= first day``);
:func:`recount` gives the rows from scratch, what the stored ones must equal after every write.

Since m010 each link row also carries what an edge needs of its event (score, type, day), so a
page's edges are read from the links alone, and the month's totals per pair and per actor are
kept (``graph_pair_months``, ``graph_actor_months``): at 1,000,000 documents a month holds 40,000
links and 80,000 actor rows, which grouping took 30 ms, and its edges' 4,500 events with their
actors 140 ms. The actor rows themselves (``graph_actors``) are not stored since m011: no read
used them, and each was a random leaf written at ingest; an event's rows are computed from the
event when it is listed or unlisted (:func:`listed_actors` gives them all, for a recount).
"""

from __future__ import annotations

import calendar
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations

from chronique.model import EXPORTED_MODALITIES
from chronique.store.selection import SPAN_CLASS

__all__ = ["account_event", "month_of_period", "month_totals", "month_pair_facts", "long_event_ids", "listed_actors",
           "recount", "stored", "month_top_pairs", "month_pair_counts", "month_actor_counts", "month_sizes",
           "month_linked", "month_lone_actors"]

#: What a link row says of its event for an edge: (event id, score, type, day it counts on).
LinkFacts = tuple[str, float | None, str, str]

_EXPORTED = tuple(sorted(EXPORTED_MODALITIES))
_MARKS = ", ".join("?" * len(_EXPORTED))


def _month_bounds(month: str) -> tuple[str, str]:
    year, number = int(month[:4]), int(month[5:7])
    return f"{month}-01", f"{month}-{calendar.monthrange(year, number)[1]:02d}"


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def months_of(start: str, end: str) -> list[str]:
    """The calendar months whose days ``start``..``end`` overlap, compared as the period
    condition compares them (strings)."""
    months, month = [], start[:7]
    while month <= end[:7]:
        low, high = _month_bounds(month)
        if start <= high and end >= low:
            months.append(month)
        month = _next_month(month)
    return months


def links_of(sources: Sequence[str], targets: Sequence[str]) -> set[tuple[str, str]]:
    """The pairs an event links (as ``analysis.graph`` links them), smaller id first."""
    pairs = {(s, t) for s in sources for t in targets} | set(combinations(sources, 2))
    return {(min(p), max(p)) for p in pairs if p[0] != p[1]}


def _event_rows(conn: sqlite3.Connection, event_id: str) -> tuple[list[tuple[object, ...]],
                                                                   list[tuple[str, str, str]]]:
    """(month, actor, other, event, score, type, day) and (month, actor, event) rows of an
    exported event of span class 0 or 1; none for any other. The day is the one the event
    counts on (``analysis.series.counted_day``: its ``date_start``, never NULL here)."""
    row = conn.execute(
        f"SELECT date_start, COALESCE(date_end, date_start), ({SPAN_CLASS}), score, type FROM events"
        f" WHERE id = ? AND modality IN ({_MARKS}) AND date_start IS NOT NULL", (event_id, *_EXPORTED)).fetchone()
    if row is None or row[2] == 2:
        return [], []
    roles: dict[str, list[str]] = {"source": [], "target": []}
    for role, entity_id in conn.execute(
            "SELECT role, entity_id FROM event_actors WHERE event_id = ? ORDER BY role, position", (event_id,)):
        roles.setdefault(role, []).append(entity_id)
    sources, targets = list(dict.fromkeys(roles["source"])), list(dict.fromkeys(roles["target"]))
    months = months_of(row[0], row[1])
    pairs = sorted(links_of(sources, targets))
    actors = sorted(set(sources) | set(targets))
    return ([(month, a, b, event_id, row[3], row[4], row[0][:10]) for month in months for a, b in pairs],
            [(month, actor, event_id) for month in months for actor in actors])


_ADD_PAIR = ("INSERT INTO graph_pair_months (month, entity_id, other_id, events) VALUES (?, ?, ?, ?)"
             " ON CONFLICT (month, entity_id, other_id) DO UPDATE SET events = graph_pair_months.events + excluded.events")
_ADD_ACTOR = ("INSERT INTO graph_actor_months (month, entity_id, events) VALUES (?, ?, ?)"
              " ON CONFLICT (month, entity_id) DO UPDATE SET events = graph_actor_months.events + excluded.events")


def account_event(conn: sqlite3.Connection, event_id: str, sign: int) -> None:
    """List (``sign`` 1) or unlist (-1) an event under its months, as it stands now (called where
    ``aggregates.account_events`` counts it), and count it in (or out of) the month totals."""
    links, actors = _event_rows(conn, event_id)
    if sign > 0:
        conn.executemany("INSERT INTO graph_links (month, entity_id, other_id, event_id, score, type, day)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", links)
    else:
        conn.executemany("DELETE FROM graph_links WHERE month = ? AND entity_id = ? AND other_id = ? AND event_id = ?",
                         [link[:4] for link in links])
    conn.executemany(_ADD_PAIR, [(*link[:3], sign) for link in links])
    conn.executemany(_ADD_ACTOR, [(*actor[:2], sign) for actor in actors])
    if sign < 0:
        conn.executemany("DELETE FROM graph_pair_months WHERE month = ? AND entity_id = ? AND other_id = ?"
                         " AND events <= 0", [link[:3] for link in links])
        conn.executemany("DELETE FROM graph_actor_months WHERE month = ? AND entity_id = ? AND events <= 0",
                         [actor[:2] for actor in actors])


def month_of_period(start: date | None, end: date | None) -> str | None:
    """"YYYY-MM" when ``start``..``end`` is exactly one calendar month, else None."""
    if start is None or end is None:
        return None
    month = start.isoformat()[:7]
    return month if (start.isoformat(), end.isoformat()) == _month_bounds(month) else None


def month_totals(conn: sqlite3.Connection, month: str) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """The month's events per linked pair and per actor (stored events only), one range each of
    the kept totals."""
    pairs = {(a, b): n for a, b, n in conn.execute(
        "SELECT entity_id, other_id, events FROM graph_pair_months WHERE month = ?", (month,))}
    actors = dict(conn.execute("SELECT entity_id, events FROM graph_actor_months WHERE month = ?", (month,)).fetchall())
    return pairs, actors


def month_top_pairs(conn: sqlite3.Connection, month: str, count: int) -> dict[tuple[str, str], int]:
    """The month's ``count`` pairs with the most stored events, ties at the cut kept (every pair
    when it has no more): the month's range sorted in SQL, the few kept turned into values."""
    row = conn.execute("SELECT events FROM graph_pair_months WHERE month = ? ORDER BY events DESC LIMIT 1 OFFSET ?",
                       (month, max(count, 1) - 1)).fetchone()
    return {(a, b): n for a, b, n in conn.execute(
        "SELECT entity_id, other_id, events FROM graph_pair_months WHERE month = ? AND events >= ?",
        (month, row[0] if row else 0))}


def month_pair_counts(conn: sqlite3.Connection, month: str, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The stored events of these pairs in the month (pairs with none left out), a key each."""
    found = {}
    for a, b in pairs:
        row = conn.execute("SELECT events FROM graph_pair_months WHERE month = ? AND entity_id = ? AND other_id = ?",
                           (month, a, b)).fetchone()
        if row is not None:
            found[(a, b)] = row[0]
    return found


def month_actor_counts(conn: sqlite3.Connection, month: str, actors: Iterable[str]) -> dict[str, int]:
    """The stored events of these actors in the month (actors with none left out), a key each."""
    return dict(conn.execute(
        "SELECT entity_id, events FROM graph_actor_months WHERE month = ? AND entity_id IN (SELECT value FROM json_each(?))",
        (month, json.dumps(sorted(set(actors))))).fetchall())


def month_sizes(conn: sqlite3.Connection, month: str) -> tuple[int, int]:
    """How many linked pairs and how many actors the month's stored events have."""
    pairs = conn.execute("SELECT COUNT(*) FROM graph_pair_months WHERE month = ?", (month,)).fetchone()[0]
    actors = conn.execute("SELECT COUNT(*) FROM graph_actor_months WHERE month = ?", (month,)).fetchone()[0]
    return pairs, actors


def month_linked(conn: sqlite3.Connection, month: str, actors: Iterable[str]) -> set[str]:
    """Those of these actors that a stored event of the month links to another actor."""
    return {actor for actor in set(actors) if conn.execute(
        "SELECT 1 FROM graph_pair_months WHERE month = ? AND (entity_id = ? OR other_id = ?) LIMIT 1",
        (month, actor, actor)).fetchone()}


def month_lone_actors(conn: sqlite3.Connection, month: str, count: int) -> list[tuple[str, int]]:
    """The month's ``count`` actors with the most stored events among those no stored event links
    to another (most events first, then by id)."""
    return [(row[0], row[1]) for row in conn.execute(
        "SELECT a.entity_id, a.events FROM graph_actor_months a WHERE a.month = ?"
        " AND NOT EXISTS (SELECT 1 FROM graph_pair_months p WHERE p.month = a.month AND p.entity_id = a.entity_id)"
        " AND a.entity_id NOT IN (SELECT p.other_id FROM graph_pair_months p WHERE p.month = ?)"
        " ORDER BY a.events DESC, a.entity_id LIMIT ?", (month, month, count))]


def month_pair_facts(conn: sqlite3.Connection, month: str,
                     pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[LinkFacts]]:
    """The stored events of each of these pairs in the month with what an edge needs of them,
    by event id (a range each)."""
    return {(a, b): sorted(conn.execute(
        "SELECT event_id, score, type, day FROM graph_links WHERE month = ? AND entity_id = ? AND other_id = ?",
        (month, a, b)).fetchall()) for a, b in pairs}


def long_event_ids(month: str) -> tuple[str, list[object]]:
    """The exported events of span class 2 that overlap the month (not stored under months),
    as a subquery and its values (one range of ``events_by_span_start``)."""
    low, high = _month_bounds(month)
    return (f"SELECT id FROM events WHERE ({SPAN_CLASS}) = 2 AND date_start <= ?"
            f" AND COALESCE(date_end, date_start) >= ? AND +modality IN ({_MARKS})", [high, low, *_EXPORTED])


def _totals(links: set[tuple[object, ...]], actors: set[tuple[str, str, str]]) -> tuple[set[tuple[object, ...]], ...]:
    pairs = Counter(link[:3] for link in links)
    per_actor = Counter(actor[:2] for actor in actors)
    return {(*key, n) for key, n in pairs.items()}, {(*key, n) for key, n in per_actor.items()}


def _listed(conn: sqlite3.Connection) -> tuple[set[tuple[object, ...]], set[tuple[str, str, str]]]:
    links: set[tuple[object, ...]] = set()
    actors: set[tuple[str, str, str]] = set()
    for (event_id,) in conn.execute("SELECT id FROM events").fetchall():
        event_links, event_actors = _event_rows(conn, event_id)
        links.update(event_links)
        actors.update(event_actors)
    return links, actors


def listed_actors(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """Every (month, actor, event) the actor totals count, from the events as they stand."""
    return _listed(conn)[1]


def recount(conn: sqlite3.Connection) -> tuple[set[tuple[object, ...]], ...]:
    """Every row counted again from the events (what the stored ones must equal): the links,
    the pair and the actor totals."""
    links, actors = _listed(conn)
    return (links, *_totals(links, actors))


def stored(conn: sqlite3.Connection) -> tuple[set[tuple[object, ...]], ...]:
    return (set(conn.execute("SELECT month, entity_id, other_id, event_id, score, type, day FROM graph_links")),
            set(conn.execute("SELECT month, entity_id, other_id, events FROM graph_pair_months")),
            set(conn.execute("SELECT month, entity_id, events FROM graph_actor_months")))
