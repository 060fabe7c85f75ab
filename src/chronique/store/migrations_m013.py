"""Migration m013: an actor's running totals are stored side by side (see ``migrations`` and
``store.aggregates``).

``pair_stats`` (per ordered pair of actors) and ``actor_periods`` (per actor and chart period)
were rowid tables with their key as a second B-tree: reading one actor's counterparts or chart
periods walked its key range and then fetched each row from wherever ingest had put it. In a store
grown by ingest those rows are spread over the whole table, one page each: the counterparts of
the most covered actor of a 100,000-document store took 18.5 ms to read in a store built by
ingest against 5.9 ms in one whose table had been filled in key order. Keyed ``WITHOUT ROWID``,
an actor's rows are the leaves of its key range whatever the order they came in, and each update
at ingest writes one tree instead of two.

The rows are copied in the order ingest wrote them, so that the pages keep the room ingest
leaves in them (a sorted copy packs them full, and the next saves split them).

Kept apart from ``migrations.py`` for the size of that module; same rules: no live chronique
code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m013_clustered_actor_totals"]

# FROZEN (m013).
_M013_STATEMENTS = (
    """CREATE TABLE pair_stats_m013 (
        entity_id TEXT NOT NULL, other_id TEXT NOT NULL, events INTEGER NOT NULL,
        positive REAL NOT NULL, negative REAL NOT NULL, PRIMARY KEY (entity_id, other_id)) WITHOUT ROWID""",
    """INSERT INTO pair_stats_m013 (entity_id, other_id, events, positive, negative)
        SELECT entity_id, other_id, events, positive, negative FROM pair_stats ORDER BY rowid""",
    "DROP TABLE pair_stats",
    "ALTER TABLE pair_stats_m013 RENAME TO pair_stats",
    """CREATE TABLE actor_periods_m013 (
        entity_id TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL, precision TEXT NOT NULL,
        events INTEGER NOT NULL, positive REAL NOT NULL, negative REAL NOT NULL,
        PRIMARY KEY (entity_id, first_day, last_day)) WITHOUT ROWID""",
    """INSERT INTO actor_periods_m013 (entity_id, first_day, last_day, precision, events, positive, negative)
        SELECT entity_id, first_day, last_day, precision, events, positive, negative FROM actor_periods
        ORDER BY rowid""",
    "DROP TABLE actor_periods",
    "ALTER TABLE actor_periods_m013 RENAME TO actor_periods",
)


def m013_clustered_actor_totals(conn: sqlite3.Connection) -> None:
    """``pair_stats`` and ``actor_periods`` keyed ``WITHOUT ROWID``: an actor's totals side by side."""
    for statement in _M013_STATEMENTS:
        conn.execute(statement)
    # Dropping a table drops its statistics (see m009); gather them again for the rebuilt ones.
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "sqlite_stat1" in tables:
        conn.execute("ANALYZE pair_stats")
        conn.execute("ANALYZE actor_periods")
