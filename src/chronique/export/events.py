"""The events the event-data exports (GDELT-style, PLOVER-style) write, read straight from the store.

Only events whose modality is in :data:`~chronique.model.EXPORTED_MODALITIES` are exported: the
event-data formats hold what the text says happened (or was reported, offered, attempted), as
the annotations export does; hypothetical and negated events stay in the store (and in the
table exports, which carry a ``modality`` column). Each event comes with its actors (name, type,
Wikidata id) and every telling of it, with the article's title, URL, source and sentence, which
those formats need and the timeline records do not carry.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from chronique.kb import load_knowledge_base
from chronique.model import EXPORTED_MODALITIES

__all__ = [
    "ExportedActor", "ExportedMention", "ExportedEvent", "exported_events", "event_filter", "event_mentions",
]


@dataclass(frozen=True)
class ExportedActor:
    """A participant of an event, as the global entity it resolved to."""

    id: str
    name: str
    type: str
    kb_id: str | None
    wikidata: str | None  # from the knowledge base, when its record has been checked


@dataclass(frozen=True)
class ExportedMention:
    """One article's telling of an event, with what a reader needs to find and cite it."""

    doc_id: str
    doc_date: str | None
    title: str | None
    url: str | None
    source: str | None
    lang: str | None
    start: int
    end: int
    trigger: str
    sentence: str
    modality: str


@dataclass(frozen=True)
class ExportedEvent:
    """An event with its codes, actors (sources act on targets) and tellings in reading order."""

    id: str
    type: str
    date_value: str | None
    date_start: str | None
    date_end: str | None
    amount: float | None
    currency: str | None
    modality: str
    score: float | None
    cameo: str | None
    plover: str | None
    sources: tuple[ExportedActor, ...]
    targets: tuple[ExportedActor, ...]
    mentions: tuple[ExportedMention, ...]


def event_filter(start: date | None = None, end: date | None = None) -> tuple[str, list[object]]:
    """The WHERE clause (over alias ``e``) choosing the exported events, and its parameters.

    With a period, an event is kept when its date interval overlaps it; undated events are then
    left out, since nothing says they happened in the period.
    """
    clauses = [f"e.modality IN ({', '.join('?' * len(EXPORTED_MODALITIES))})"]
    params: list[object] = sorted(EXPORTED_MODALITIES)
    if start is not None:
        clauses.append("COALESCE(e.date_end, e.date_start) >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append("e.date_start <= ?")
        params.append(end.isoformat())
    return " AND ".join(clauses), params


_ACTORS = """
    SELECT ea.event_id, ea.role, en.id, en.name, en.type, en.kb_id
    FROM event_actors ea JOIN entities en ON en.id = ea.entity_id JOIN events e ON e.id = ea.event_id
    WHERE {where} ORDER BY ea.event_id, ea.role, ea.position
"""

# The sentence is the stored one, else the sentence row that holds the evidence, else the
# evidence itself (``substr`` counts characters as Python does).
_MENTIONS = """
    SELECT em.event_id, em.doc_id, d.date, d.title, d.url, d.source, d.lang, em.start, em."end",
           em.trigger,
           substr(d.text, COALESCE(em.sentence_start, s.start, em.start) + 1,
                  COALESCE(em.sentence_end, s."end", em."end")
                  - COALESCE(em.sentence_start, s.start, em.start)),
           em.modality
    FROM event_mentions em
    JOIN documents d ON d.id = em.doc_id
    JOIN events e ON e.id = em.event_id
    LEFT JOIN sentences s ON s.doc_id = em.doc_id AND em.start < s."end" AND s.start = (
        SELECT MAX(s2.start) FROM sentences s2 WHERE s2.doc_id = em.doc_id AND s2.start <= em.start)
    WHERE {where}
    ORDER BY d.date, em.doc_id, em.start, em.id
"""

_EVENTS = """
    SELECT e.id, e.type, e.date_value, e.date_start, e.date_end, e.amount, e.currency, e.modality,
           e.score, e.cameo, e.plover
    FROM events e WHERE {where}
    ORDER BY e.date_start IS NULL, e.date_start, e.date_value, e.id
"""


def _actors(conn: sqlite3.Connection, where: str, params: list[object]) -> dict[tuple[str, str], list[ExportedActor]]:
    kb = load_knowledge_base()
    actors: dict[tuple[str, str], list[ExportedActor]] = {}
    for event_id, role, entity_id, name, type_, kb_id in conn.execute(_ACTORS.format(where=where), params):
        known = kb.get(kb_id) if kb_id else None
        actor = ExportedActor(entity_id, name, type_, kb_id, known.wikidata if known else None)
        actors.setdefault((event_id, role), []).append(actor)
    return actors


def event_mentions(
    conn: sqlite3.Connection, where: str = "1 = 1", params: list[object] | None = None
) -> dict[str, list[ExportedMention]]:
    """Event id → its tellings in reading order, for the events ``where`` (over alias ``e``) chooses."""
    mentions: dict[str, list[ExportedMention]] = {}
    for event_id, *mention in conn.execute(_MENTIONS.format(where=where), params or []):
        mentions.setdefault(event_id, []).append(ExportedMention(*mention))
    return mentions


def exported_events(
    conn: sqlite3.Connection, start: date | None = None, end: date | None = None
) -> list[ExportedEvent]:
    """Exported-modality events (overlapping the period, if one is given), oldest first, undated last."""
    where, params = event_filter(start, end)
    actors = _actors(conn, where, params)
    mentions = event_mentions(conn, where, params)
    return [
        ExportedEvent(
            *row,
            sources=tuple(actors.get((row[0], "source"), ())),
            targets=tuple(actors.get((row[0], "target"), ())),
            mentions=tuple(mentions.get(row[0], ())),
        )
        for row in conn.execute(_EVENTS.format(where=where), params)
    ]
