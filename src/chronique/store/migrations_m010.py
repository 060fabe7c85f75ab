"""Migration m010: each quote carries its article's date, and a speaker's quotes are one index
range in reading order; the month graph reads its totals and its edges' facts as stored (see
``migrations`` and ``store.graph_months``).

A page of an actor's quotes (the actor page, the profile's newest) was found either by walking
the articles in date order and probing each for the speaker's quotes, or by sorting all of the
speaker's quotes by their article's date: at 1,000,000 documents a much-quoted speaker has one
quote in 60 articles (4,000 probes for 64 quotes, about 60 ms) and 15,000 quotes to sort (over
400 ms). With the date on the quote, ``quotes_by_speaker_date`` holds them in the order a page
reads them. An article's date is fixed when it is stored, and a quote is written with its
article, so the column never needs rewriting; the index follows ``quotes.speaker`` when an
entity move changes it.

Kept apart from ``migrations.py`` for the size of that module; same rules: no live chronique
code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m010_quote_dates_and_month_totals"]

# FROZEN (m010).
_M010_STATEMENTS = (
    "ALTER TABLE quotes ADD COLUMN date TEXT",
    "UPDATE quotes SET date = (SELECT d.date FROM documents d WHERE d.id = quotes.doc_id)",
    "CREATE INDEX quotes_by_speaker_date ON quotes(speaker, date, doc_id, start, id)",
    # The month graph's links carry what an edge needs of its event (score, type, and the day it
    # counts on: its date_start, never NULL for a listed event), so that a page's edges are read
    # from the links alone. Rebuilt, not altered: one B-tree, its rows in key order.
    """CREATE TABLE graph_links_m010 (
        month TEXT NOT NULL, entity_id TEXT NOT NULL, other_id TEXT NOT NULL, event_id TEXT NOT NULL,
        score REAL, type TEXT NOT NULL, day TEXT NOT NULL,
        PRIMARY KEY (month, entity_id, other_id, event_id)) WITHOUT ROWID""",
    """INSERT INTO graph_links_m010 (month, entity_id, other_id, event_id, score, type, day)
        SELECT gl.month, gl.entity_id, gl.other_id, gl.event_id, e.score, e.type, substr(e.date_start, 1, 10)
        FROM graph_links gl JOIN events e ON e.id = gl.event_id""",
    "DROP TABLE graph_links",
    "ALTER TABLE graph_links_m010 RENAME TO graph_links",
    # A month's events per pair and per actor, kept at ingest: the month's totals read as they are.
    """CREATE TABLE graph_pair_months (
        month TEXT NOT NULL, entity_id TEXT NOT NULL, other_id TEXT NOT NULL, events INTEGER NOT NULL,
        PRIMARY KEY (month, entity_id, other_id)) WITHOUT ROWID""",
    """INSERT INTO graph_pair_months (month, entity_id, other_id, events)
        SELECT month, entity_id, other_id, COUNT(*) FROM graph_links GROUP BY month, entity_id, other_id""",
    """CREATE TABLE graph_actor_months (
        month TEXT NOT NULL, entity_id TEXT NOT NULL, events INTEGER NOT NULL,
        PRIMARY KEY (month, entity_id)) WITHOUT ROWID""",
    """INSERT INTO graph_actor_months (month, entity_id, events)
        SELECT month, entity_id, COUNT(*) FROM graph_actors GROUP BY month, entity_id""",
    # Each actor's exported events in timeline order (dated first, by COALESCE(date_start,
    # date_value), '' for the undated, then id): a page of one actor's timeline at any offset is
    # one index walk.
    """CREATE TABLE actor_events (
        entity_id TEXT NOT NULL, undated INTEGER NOT NULL, day TEXT NOT NULL, event_id TEXT NOT NULL,
        PRIMARY KEY (entity_id, undated, day, event_id)) WITHOUT ROWID""",
    """INSERT INTO actor_events (entity_id, undated, day, event_id)
        SELECT DISTINCT ea.entity_id, CASE WHEN COALESCE(e.date_start, e.date_value) IS NULL THEN 1 ELSE 0 END,
               COALESCE(e.date_start, e.date_value, ''), e.id
        FROM events e JOIN event_actors ea ON ea.event_id = e.id
        WHERE e.modality IN ('asserted', 'failed', 'proposed', 'reported')""",
)


def m010_quote_dates_and_month_totals(conn: sqlite3.Connection) -> None:
    """``quotes.date`` (the article's date, NULL when it has none) and the index of a speaker's
    quotes in reading order; the month graph's links with their events' facts, and its totals;
    each actor's exported events in timeline order."""
    for statement in _M010_STATEMENTS:
        conn.execute(statement)
