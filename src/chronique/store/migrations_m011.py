"""Migration m011: ``graph_actors`` goes; the month graph's actor totals are kept without it (see
``migrations`` and ``store.graph_months``).

m008 listed each exported event under every month it spans once per actor
(``graph_actors (month, entity_id, event_id)``), and a month's graph grouped those rows into its
actor totals. Since m010 the totals are kept as they change (``graph_actor_months``) and no read
uses the rows any more, but ingest still wrote one per actor and month of each event: keyed by a
random month and entity, one leaf of its own per row, the largest single tree a save wrote into
(4,456 of 39,091 distinct pages for 500 documents into a 100,000-document store,
``bench/ingest_pages.py``). Unlisting an event computes its actor rows from the event itself, as
listing it does, so nothing needs them stored.

Kept apart from ``migrations.py`` for the size of that module; same rules: no live chronique
code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m011_no_month_actor_rows"]

# FROZEN (m011).
_M011_STATEMENTS = ("DROP TABLE graph_actors",)


def m011_no_month_actor_rows(conn: sqlite3.Connection) -> None:
    """Drop ``graph_actors``, which only fed the month totals ``graph_actor_months`` now keeps."""
    for statement in _M011_STATEMENTS:
        conn.execute(statement)
