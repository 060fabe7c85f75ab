"""Migration m008: what a quote is about, the documents per day and the events of each pair of
actors, stored (see ``migrations``).

Kept apart from ``migrations.py`` only for the size of that module; it follows the same rules:
it imports no live chronique code and its SQL is FROZEN once shipped (the live copies are in
``store.quote_about`` and ``store.document_days``).
"""

from __future__ import annotations

import calendar
import sqlite3
from itertools import combinations

__all__ = ["m008_quote_about_and_days"]

# FROZEN (m008): the live copy is chronique.store.quote_about.QUOTE_ABOUT_ROWS.
_M008_QUOTE_ABOUT_ROWS = """
    SELECT DISTINCT m.entity_id, q.id, q.speaker FROM quotes q JOIN mentions m ON m.doc_id = q.doc_id
    WHERE m.entity_id <> COALESCE(q.speaker, '')
      AND m.start >= COALESCE((SELECT MAX(s.start) FROM sentences s
                               WHERE s.doc_id = q.doc_id AND s.start <= q.start), q.start)
      AND m."end" <= COALESCE((SELECT MIN(s."end") FROM sentences s
                               WHERE s.doc_id = q.doc_id AND s."end" >= q."end"), q."end")
    UNION
    SELECT q.about, q.id, q.speaker FROM quotes q WHERE q.about IS NOT NULL
"""

# The tables are their primary key (WITHOUT ROWID; PostgreSQL is given plain tables): one B-tree
# each to store and to write at ingest, not a table and its key's index.
_M008_SCHEMA = (
    # Which entities each quote is about: the one its speech verb names (``quotes.about``) and
    # every other entity named in the quote's sentence, the speaker left out. A pair's quotes
    # (by A about B) and a profile's "quoted about" are one index range of it, not the test of
    # every quote's sentence. Keyed by quote first: a new document's rows go at the end.
    """CREATE TABLE quote_about (
        quote_id INTEGER NOT NULL, entity_id TEXT NOT NULL, speaker TEXT,
        PRIMARY KEY (quote_id, entity_id)) WITHOUT ROWID""",
    "CREATE INDEX quote_about_by_entity ON quote_about(entity_id, speaker, quote_id)",
    # Documents per publication day ('' for the undated): a documents page at any offset finds
    # its first day by summing a few thousand days, not by skipping 90,000 index entries.
    "CREATE TABLE document_days (day TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID",
    # The exported events each pair of actors shares (smaller id first): a pair's events are one
    # index range, not the events of its less covered actor each checked for the other.
    """CREATE TABLE pair_events (
        entity_id TEXT NOT NULL, other_id TEXT NOT NULL, event_id TEXT NOT NULL,
        PRIMARY KEY (entity_id, other_id, event_id)) WITHOUT ROWID""",
    """INSERT INTO pair_events (entity_id, other_id, event_id)
        SELECT DISTINCT a.entity_id, b.entity_id, a.event_id
        FROM event_actors a JOIN event_actors b ON b.event_id = a.event_id AND a.entity_id < b.entity_id
        JOIN events e ON e.id = a.event_id
        WHERE e.modality IN ('asserted', 'failed', 'proposed', 'reported')""",
    "INSERT INTO document_days (day, documents) SELECT COALESCE(date, ''), COUNT(*) FROM documents"
    " GROUP BY COALESCE(date, '')",
    # A month's actor graph (``store.graph_months``): each exported event lasting at most a year
    # listed under every calendar month it overlaps, per pair it links and per actor.
    """CREATE TABLE graph_links (
        month TEXT NOT NULL, entity_id TEXT NOT NULL, other_id TEXT NOT NULL, event_id TEXT NOT NULL,
        PRIMARY KEY (month, entity_id, other_id, event_id)) WITHOUT ROWID""",
    """CREATE TABLE graph_actors (
        month TEXT NOT NULL, entity_id TEXT NOT NULL, event_id TEXT NOT NULL,
        PRIMARY KEY (month, entity_id, event_id)) WITHOUT ROWID""",
)

# FROZEN (m008): store.selection.SPAN_CLASS and store.graph_months as they were when m008 shipped.
_M008_SPAN_CLASS = (
    "CASE WHEN julianday(COALESCE(date_end, date_start)) - julianday(date_start) <= 31 THEN 0"
    " WHEN julianday(COALESCE(date_end, date_start)) - julianday(date_start) <= 366 THEN 1 ELSE 2 END"
)


def _m008_months_of(start: str, end: str) -> list[str]:
    months, month = [], start[:7]
    while month <= end[:7]:
        year, number = int(month[:4]), int(month[5:7])
        low, high = f"{month}-01", f"{month}-{calendar.monthrange(year, number)[1]:02d}"
        if start <= high and end >= low:
            months.append(month)
        month = f"{year + number // 12:04d}-{number % 12 + 1:02d}"
    return months


def _m008_fill_graph_months(conn: sqlite3.Connection) -> None:
    roles: dict[str, tuple[list[str], list[str]]] = {}
    for event_id, role, entity_id in conn.execute(
            "SELECT event_id, role, entity_id FROM event_actors ORDER BY event_id, role, position"):
        sources, targets = roles.setdefault(event_id, ([], []))
        (sources if role == "source" else targets).append(entity_id)
    links, actors = [], []
    for event_id, start, end in conn.execute(
            f"SELECT id, date_start, COALESCE(date_end, date_start) FROM events WHERE date_start IS NOT NULL"
            f" AND modality IN ('asserted', 'failed', 'proposed', 'reported') AND ({_M008_SPAN_CLASS}) < 2").fetchall():
        sources, targets = (list(dict.fromkeys(side)) for side in roles.get(event_id, ([], [])))
        pairs = {(s, t) for s in sources for t in targets} | set(combinations(sources, 2))
        pairs = {(min(p), max(p)) for p in pairs if p[0] != p[1]}
        for month in _m008_months_of(start, end):
            links += [(month, a, b, event_id) for a, b in pairs]
            actors += [(month, actor, event_id) for actor in set(sources) | set(targets)]
    conn.executemany("INSERT INTO graph_links (month, entity_id, other_id, event_id) VALUES (?, ?, ?, ?)", links)
    conn.executemany("INSERT INTO graph_actors (month, entity_id, event_id) VALUES (?, ?, ?)", actors)


def m008_quote_about_and_days(conn: sqlite3.Connection) -> None:
    """``quote_about`` (the entities each quote is about, filled from the quotes, mentions and
    sentences), ``document_days`` (documents per publication day), ``pair_events`` (the
    exported events of each pair of actors) and ``graph_links``/``graph_actors`` (a month's
    graph), all kept at ingest."""
    for statement in _M008_SCHEMA:
        conn.execute(statement)
    conn.execute(f"INSERT INTO quote_about (entity_id, quote_id, speaker) {_M008_QUOTE_ABOUT_ROWS}")
    _m008_fill_graph_months(conn)
