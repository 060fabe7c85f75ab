"""Migration m005: covering indexes for the actor graph over a period (see ``migrations`` and
docs/benchmark.md).

Kept apart from ``migrations.py`` for the size of that module, as m008 and later are; same rules:
no live chronique code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m005_query_speed"]

_QUERY_SPEED_INDEXES = (
    # What a graph reads of an event (``events_facts`` plus its type), from the index alone: a
    # month's graph looks up 4,000 events by id, each a read of the table row without it.
    "CREATE INDEX events_graph_facts ON events(id, modality, type, score, date_start, date_value)",
    # Which actors the documents of a period name, from the index alone (a graph's node sizes).
    "CREATE INDEX mentions_by_doc_entity ON mentions(doc_id, entity_id)",
)


def m005_query_speed(conn: sqlite3.Connection) -> None:
    """Covering indexes for the actor graph over a period; see docs/benchmark.md."""
    for statement in _QUERY_SPEED_INDEXES:
        conn.execute(statement)
