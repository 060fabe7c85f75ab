"""Rebuild a stored document's :class:`~chronique.model.Annotations` from the tables.

This is what exports read, so the rebuilt annotations speak the graph's language rather than the
document's: entity keys are *global* entity ids (the same actor has the same id in every
document), entity names and aliases are the global ones. Everything else is what the document
itself said: its spans, its tellings of events and relations (not the other articles'), and the
entities it mentions or that its facts refer to. Lists come back sorted by span.
"""

from __future__ import annotations

import sqlite3

from chronique.model import Annotations, Entity, Event, Money, Quote, Relation, Timex
from chronique.store.queries import document

__all__ = ["rebuild_annotations"]


def rebuild_annotations(conn: sqlite3.Connection, doc_id: str) -> Annotations | None:
    """The annotations of a stored document, or ``None`` if no such document is stored."""
    doc = document(conn, doc_id)
    if doc is None:
        return None
    return Annotations(
        document=doc,
        entities=_entities(conn, doc_id),
        timexes=[Timex(*row) for row in conn.execute(
            'SELECT start, "end", text, type, value, range_start, range_end FROM timexes'
            ' WHERE doc_id = ? ORDER BY start, "end", rowid', (doc_id,))],
        money=[Money(*row) for row in conn.execute(
            'SELECT start, "end", text, amount, currency FROM money'
            ' WHERE doc_id = ? ORDER BY start, "end", rowid', (doc_id,))],
        quotes=[Quote(*row) for row in conn.execute(
            'SELECT start, "end", text, speaker, cue, about FROM quotes'
            ' WHERE doc_id = ? ORDER BY start, "end", id', (doc_id,))],
        events=_events(conn, doc_id),
        relations=[Relation(*row) for row in conn.execute(
            'SELECT r.type, r.source, r.target, ev.start, ev."end", r.title, r.valid_from, r.valid_to'
            " FROM relation_evidence ev JOIN relations r ON r.id = ev.relation_id"
            ' WHERE ev.doc_id = ? ORDER BY ev.start, ev."end", ev.rowid', (doc_id,))],
        sentences=[(start, end) for start, end in conn.execute(
            'SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY start', (doc_id,))],
    )


_ENTITIES_OF_DOCUMENT = """
    SELECT entity_id FROM mentions WHERE doc_id = :doc
    UNION SELECT speaker FROM quotes WHERE doc_id = :doc AND speaker IS NOT NULL
    UNION SELECT ea.entity_id FROM event_actors ea JOIN event_mentions em ON em.event_id = ea.event_id
          WHERE em.doc_id = :doc
    UNION SELECT r.source FROM relations r JOIN relation_evidence ev ON ev.relation_id = r.id
          WHERE ev.doc_id = :doc
    UNION SELECT r.target FROM relations r JOIN relation_evidence ev ON ev.relation_id = r.id
          WHERE ev.doc_id = :doc
"""


def _entities(conn: sqlite3.Connection, doc_id: str) -> list[Entity]:
    """Entities the document mentions or refers to, keyed by global id, ordered by first mention."""
    ids = [row[0] for row in conn.execute(_ENTITIES_OF_DOCUMENT, {"doc": doc_id})]
    entities = []
    for entity_id in ids:
        name, type_, kb_id = conn.execute(
            "SELECT name, type, kb_id FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        aliases = tuple(row[0] for row in conn.execute(
            "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,)))
        mentions = tuple(conn.execute(
            'SELECT DISTINCT start, "end" FROM mentions WHERE doc_id = ? AND entity_id = ?'
            ' ORDER BY start, "end"', (doc_id, entity_id)).fetchall())
        entities.append(Entity(entity_id, name, type_, kb_id, aliases, mentions))
    return sorted(entities, key=lambda e: (not e.mentions, e.mentions[:1], e.key))


def _actors(conn: sqlite3.Connection, event_id: str, role: str) -> tuple[str, ...]:
    return tuple(row[0] for row in conn.execute(
        "SELECT entity_id FROM event_actors WHERE event_id = ? AND role = ? ORDER BY position",
        (event_id, role)))


def _events(conn: sqlite3.Connection, doc_id: str) -> list[Event]:
    """The document's tellings of events: its own evidence, trigger, modality and confidence,
    with the event's shared type, actors, date, amount and score."""
    events = []
    for row in conn.execute(
        'SELECT e.id, e.type, em.start, em."end", em.trigger, em.trigger_start, em.trigger_end,'
        " e.date_value, e.date_start, e.date_end, e.amount, e.currency, em.modality,"
        " em.confidence, e.score, em.sentence_start, em.sentence_end, e.cameo, e.plover"
        " FROM event_mentions em JOIN events e ON e.id = em.event_id"
        ' WHERE em.doc_id = ? ORDER BY em.start, em."end", em.id',
        (doc_id,),
    ):
        event_id, event_type, *rest = row
        sources, targets = _actors(conn, event_id, "source"), _actors(conn, event_id, "target")
        events.append(Event(event_type, sources, targets, *rest))
    return events
