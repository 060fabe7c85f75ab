"""Each actor's exported events in timeline order (``actor_events``, migration m010), kept at
ingest with the other running aggregates (``aggregates.account_events``).

A page of one actor's timeline deep into a much-covered actor (``offset=2000`` of 480,000
events at 1,000,000 documents) was read either along every event in time order, checking each
for the actor, or from all the actor's events sorted by date: 80-120 ms. Here the actor's events
are one B-tree range in the timeline's order (dated first, by ``COALESCE(date_start,
date_value)``, then id; ``''`` stands for the undated's missing date), so a page is an index walk
of ``offset + limit`` entries. Only exported events are listed, as the timeline shows by
default; :func:`recount` gives the rows from scratch, what the stored ones must equal.
"""

from __future__ import annotations

import sqlite3

from chronique.model import EXPORTED_MODALITIES
from chronique.store.dialect import key_order

__all__ = ["account_event", "page", "page_statement", "recount", "stored"]

_EXPORTED = tuple(sorted(EXPORTED_MODALITIES))
_MARKS = ", ".join("?" * len(_EXPORTED))


def _rows(conn: sqlite3.Connection, event_id: str) -> list[tuple[str, int, str, str]]:
    """(actor, undated, when, event) for each distinct actor of an exported event; none else."""
    row = conn.execute(f"SELECT COALESCE(date_start, date_value) FROM events WHERE id = ? AND modality IN ({_MARKS})",
                       (event_id, *_EXPORTED)).fetchone()
    if row is None:
        return []
    actors = {r[0] for r in conn.execute("SELECT entity_id FROM event_actors WHERE event_id = ?", (event_id,))}
    return [(actor, int(row[0] is None), row[0] or "", event_id) for actor in sorted(actors)]


def account_event(conn: sqlite3.Connection, event_id: str, sign: int) -> None:
    """List (``sign`` 1) or unlist (-1) an event under its actors, as it stands now."""
    rows = _rows(conn, event_id)
    if sign > 0:
        conn.executemany("INSERT INTO actor_events (entity_id, undated, day, event_id) VALUES (?, ?, ?, ?)", rows)
    else:
        conn.executemany("DELETE FROM actor_events WHERE entity_id = ? AND undated = ? AND day = ? AND event_id = ?",
                         rows)


#: A page of one actor's events, dated ones only or all: along the table's key (never NULL).
_PAGE = {dated_only: key_order(
    f"SELECT event_id FROM actor_events WHERE entity_id = ?{' AND undated = 0' if dated_only else ''}"
    " ORDER BY undated, day, event_id LIMIT ? OFFSET ?") for dated_only in (True, False)}


def page(conn: sqlite3.Connection, actor: str, dated_only: bool, limit: int, offset: int) -> list[str]:
    """One page of the actor's exported events in timeline order."""
    return [row[0] for row in conn.execute(*page_statement(actor, dated_only, limit, offset))]


def page_statement(actor: str, dated_only: bool, limit: int, offset: int) -> tuple[str, list[object]]:
    """The statement of :func:`page` and its values."""
    return _PAGE[dated_only], [actor, limit, offset]


def recount(conn: sqlite3.Connection) -> set[tuple[str, int, str, str]]:
    """Every row counted again from the events."""
    return {row for (event_id,) in conn.execute("SELECT id FROM events").fetchall() for row in _rows(conn, event_id)}


def stored(conn: sqlite3.Connection) -> set[tuple[str, int, str, str]]:
    return set(conn.execute("SELECT entity_id, undated, day, event_id FROM actor_events"))
