"""Migration m014: the quotes two actors share, kept as a running total per pair (see
``migrations`` and ``store.quote_pairs``).

An actor's profile ranks its counterparts by events and quotes shared. The events were running
totals (``pair_stats``, m006); the quotes were counted at each request, two ``GROUP BY`` over the
actor's quotes: for the most quoted actor of a 100,000-document store, about 20,000 quote rows
and 3,442 entity look-ups, 17–21 ms of the profile's 30–52 ms. ``quote_pairs`` holds, per ordered
pair of distinct entities, the quotes of either about the other (both directions stored, so that
an actor's counterparts are one index range), and is kept at ingest and by every entity move.

Kept apart from ``migrations.py`` for the size of that module; same rules: no live chronique
code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m014_quote_pair_totals"]

# FROZEN (m014).
_M014_STATEMENTS = (
    """CREATE TABLE quote_pairs (
        entity_id TEXT NOT NULL, other_id TEXT NOT NULL, quotes INTEGER NOT NULL,
        PRIMARY KEY (entity_id, other_id)) WITHOUT ROWID""",
    # A quote counts for a pair when its speaker and what it is about are two stored entities
    # ("about" may be free text); each such quote once in each direction.
    """INSERT INTO quote_pairs (entity_id, other_id, quotes)
        SELECT a, b, SUM(n) FROM (
            SELECT q.speaker AS a, q.about AS b, COUNT(*) AS n FROM quotes q
            JOIN entities s ON s.id = q.speaker JOIN entities t ON t.id = q.about
            WHERE q.speaker <> q.about GROUP BY q.speaker, q.about
            UNION ALL
            SELECT q.about AS a, q.speaker AS b, COUNT(*) AS n FROM quotes q
            JOIN entities s ON s.id = q.speaker JOIN entities t ON t.id = q.about
            WHERE q.speaker <> q.about GROUP BY q.about, q.speaker) counted
        GROUP BY a, b ORDER BY a, b""",
)


def m014_quote_pair_totals(conn: sqlite3.Connection) -> None:
    """``quote_pairs``: per ordered pair of entities, the quotes of either about the other."""
    for statement in _M014_STATEMENTS:
        conn.execute(statement)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "sqlite_stat1" in tables:
        conn.execute("ANALYZE quote_pairs")
