"""Migration m004: the indexes the analyst's questions (timelines, pairs, profiles, series,
graphs) need at 100,000 documents and more (see ``migrations`` and docs/benchmark.md).

Kept apart from ``migrations.py`` for the size of that module, as m008 and later are; same rules:
no live chronique code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m004_analysis_indexes"]

#: The span class of an event's interval: 0 up to 31 days, 1 up to 366, 2 longer (or unreadable).
#: ``store.selection`` repeats this exact expression so that SQLite uses the index built on it.
_SPAN_CLASS = (
    "CASE WHEN julianday(COALESCE(date_end, date_start)) - julianday(date_start) <= 31 THEN 0"
    " WHEN julianday(COALESCE(date_end, date_start)) - julianday(date_start) <= 366 THEN 1 ELSE 2 END"
)

_ANALYSIS_INDEXES = (
    # An actor's events, and an event's actors, read from the index alone (timelines, pairs,
    # counterparts); an actor's mentions and documents counted from the index alone.
    "CREATE INDEX event_actors_by_entity_event ON event_actors(entity_id, event_id)",
    "CREATE INDEX event_actors_by_event ON event_actors(event_id, role, position, entity_id)",
    "CREATE INDEX mentions_by_entity_doc ON mentions(entity_id, doc_id)",
    # What one actor said about another (a pair's quotes), without reading all the speaker's.
    "CREATE INDEX quotes_by_speaker_about ON quotes(speaker, about)",
    # What series, graphs and counterparts read of an event, without touching the table.
    "CREATE INDEX events_facts ON events(id, modality, score, date_start, date_value, date_end)",
    # Events in time order (undated last): the first page of a much-covered actor's timeline,
    # an actor's latest events.
    "CREATE INDEX events_in_time_order ON events("
    "COALESCE(date_start, date_value) IS NULL, COALESCE(date_start, date_value), id)",
    # Events of a period: by span class, then start. An event of class 0 that overlaps a period
    # starts at most 31 days before it, one of class 1 at most 366 days: each class is one short
    # range of this index instead of every event that started before the period ends.
    f"CREATE INDEX events_by_span_start ON events(({_SPAN_CLASS}), date_start, date_end, id)",
)


def m004_analysis_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for the analyst's questions (timelines, pairs, profiles, series, graphs) at
    100,000 documents and more; see docs/benchmark.md."""
    for statement in _ANALYSIS_INDEXES:
        conn.execute(statement)
