"""Migration m009: fewer B-trees keyed by a random id for each stored event (see ``migrations``).

Event and entity ids are hashes, so every event a document adds lands on a random leaf of each
B-tree keyed by one: at 100,000 documents a save of 500 documents writes some 35,000 distinct
pages, most of them one per event per such tree (``bench/ingest_pages.py``). m009 removes three
of those trees for every event:

- ``event_actors`` becomes its primary key ``(event_id, role, position)`` holding ``entity_id``
  (WITHOUT ROWID; PostgreSQL is given a plain table). Before, one actor was a row of the rowid
  table, an entry of its primary key's index and an entry of ``event_actors_by_event`` (the same
  key with ``entity_id``): three trees, two of them random. ``event_actors_by_entity_event``
  (the events of an entity) is rebuilt on the new table.
- ``events_facts`` and ``events_graph_facts`` (m004, m005), both covering indexes keyed by the
  event id for the lookups of chosen events, become one: ``events_facts`` with ``type`` last.
- ``entities_by_type_name`` (m001) goes: no query of the store filters on a type and a
  ``norm_name`` (``EXPLAIN QUERY PLAN`` of every statement the test suite runs, on a
  100,000-document store: no plan uses it).

A store whose planner statistics were gathered (``sqlite_stat1``, e.g. by ``Store.optimize``)
gets them again for the two rebuilt tables, so that its plans stay those of before.

Kept apart from ``migrations.py`` for the size of that module; it follows the same rules: it
imports no live chronique code and its SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m009_fewer_random_trees"]

_M009_STATEMENTS = (
    """CREATE TABLE event_actors_m009 (
        event_id TEXT NOT NULL REFERENCES events(id), entity_id TEXT NOT NULL REFERENCES entities(id),
        role TEXT NOT NULL CHECK (role IN ('source', 'target')), position INTEGER NOT NULL,
        PRIMARY KEY (event_id, role, position)) WITHOUT ROWID""",
    # Both trees filled in the order ingest wrote the rows (by random id), as ingest would have
    # grown them: pages with room left, not the full pages of a sorted build, which every insert
    # of the next documents would split (a sorted build cost the first save after the migration
    # as many pages as it saved).
    "DROP INDEX event_actors_by_entity_event",
    "CREATE INDEX event_actors_by_entity_event ON event_actors_m009(entity_id, event_id)",
    """INSERT INTO event_actors_m009 (event_id, entity_id, role, position)
        SELECT event_id, entity_id, role, position FROM event_actors ORDER BY rowid""",
    "DROP TABLE event_actors",
    "ALTER TABLE event_actors_m009 RENAME TO event_actors",
    "DROP INDEX events_graph_facts",
    "DROP INDEX events_facts",
    "CREATE INDEX events_facts ON events(id, modality, score, date_start, date_value, date_end, type)",
    "DROP INDEX entities_by_type_name",
)


def m009_fewer_random_trees(conn: sqlite3.Connection) -> None:
    """``event_actors`` as one B-tree keyed (event_id, role, position); one covering index of
    the events by id instead of two; an index no query uses dropped."""
    for statement in _M009_STATEMENTS:
        conn.execute(statement)
    # Dropping a table or an index drops its statistics: without them SQLite would plan the
    # rebuilt ones with its defaults next to the others' measured figures. (PostgreSQL lists no
    # sqlite_stat1 here and keeps its own statistics.)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "sqlite_stat1" in tables:
        conn.execute("ANALYZE event_actors")
        conn.execute("ANALYZE events")
