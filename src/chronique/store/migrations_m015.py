"""Migration m015: each actor's mentions per calendar month of its articles, kept as a running
total (see ``migrations`` and ``store.month_mentions``).

A page of the month graph gives each of its actors' mentions in the month's articles. They were
counted at each request by walking the month's articles and every mention in them (a few
thousand articles, tens of thousands of mentions: 7.6 ms of the page's 23 at 100,000 documents);
kept per (actor, month), the page's 70-odd actors are one key each.

Kept apart from ``migrations.py`` for the size of that module; same rules: no live chronique
code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m015_actor_month_mentions"]

# FROZEN (m015).
_M015_STATEMENTS = (
    """CREATE TABLE actor_month_mentions (
        entity_id TEXT NOT NULL, month TEXT NOT NULL, mentions INTEGER NOT NULL,
        PRIMARY KEY (entity_id, month)) WITHOUT ROWID""",
    """INSERT INTO actor_month_mentions (entity_id, month, mentions)
        SELECT m.entity_id, substr(d.date, 1, 7), COUNT(*) FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE d.date IS NOT NULL GROUP BY m.entity_id, substr(d.date, 1, 7) ORDER BY 1, 2""",
)


def m015_actor_month_mentions(conn: sqlite3.Connection) -> None:
    """``actor_month_mentions``: per entity and calendar month, its mentions in that month's articles."""
    for statement in _M015_STATEMENTS:
        conn.execute(statement)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "sqlite_stat1" in tables:
        conn.execute("ANALYZE actor_month_mentions")
