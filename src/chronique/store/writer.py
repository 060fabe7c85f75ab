"""Write one document's :class:`~chronique.model.Annotations` into the store's tables.

The caller (``Store.save``) owns the transaction and has already checked the document is not a
duplicate. Here each local entity key is mapped to a global entity id (``chronique.identity.entities``,
with the document's context of each entity), and each telling of an event or a relation is
folded into the stored row it repeats (``store.tellings``: same type and actors, compatible
dates). Merging is greedy, in reading order; dated tellings of a document come first, so an
undated one sees every dated event of its document and joins the most precise.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Mapping, Sequence

from chronique.errors import StoreError
from chronique.identity.entities import Context, local_contexts, resolve_entity
from chronique.model import Annotations, Document, Entity, Event, Relation
from chronique.store import month_mentions, quote_pairs
from chronique.store.aggregates import count_document, count_mentions
from chronique.store.catalog import SqlCatalog
from chronique.store.entity_moves import (
    absorb_entity,
    add_aliases,
    insert_entity,
    record_neighbours,
    rename_entity,
)
from chronique.store.quote_about import refresh_documents
from chronique.store.quote_reads import said_key
from chronique.store.tellings import (
    SYMMETRIC_EVENT_TYPES,
    event_actors_key,
    insert_event_mention,
    insert_relation,
    place_telling,
    sentence_text,
)

__all__ = ["SqlCatalog", "insert_annotations", "event_actors_key", "SYMMETRIC_EVENT_TYPES"]


def _store_entity(conn: sqlite3.Connection, entity: Entity, catalog: SqlCatalog, context: Context,
                  doc_id: str) -> tuple[str, tuple[str, ...]]:
    """Resolve a local entity, create, rename or enrich the global one; return its id and the
    ids of the stored entities it absorbed."""
    resolution = resolve_entity(entity, catalog, context, qualifier=doc_id)
    if resolution.is_new:
        insert_entity(conn, resolution.entity_id, resolution.name, resolution.type, resolution.kb_id)
    else:
        stored = catalog.by_id(resolution.entity_id)
        if stored is not None and stored.name != resolution.name:
            rename_entity(conn, resolution.entity_id, resolution.name, resolution.type)
    add_aliases(conn, resolution.entity_id, resolution.type, resolution.aliases)
    for gone_id in resolution.absorbs:
        absorb_entity(conn, gone_id, resolution.entity_id)
    return resolution.entity_id, resolution.absorbs


class _KeyMap:
    """Local entity keys of one document → global ids; an unknown key is a pipeline bug."""

    def __init__(self, doc_id: str, ids: Mapping[str, str]) -> None:
        self.doc_id, self.ids = doc_id, ids

    def __call__(self, key: str, what: str) -> str:
        try:
            return self.ids[key]
        except KeyError:
            raise StoreError(
                f"document {self.doc_id!r}: {what} refers to entity key {key!r}, "
                "which is not among the document's entities"
            ) from None


def insert_annotations(conn: sqlite3.Connection, annotations: Annotations, ingested_at: str) -> None:
    """Insert a new document and everything found in it."""
    doc = annotations.document
    conn.execute(
        "INSERT INTO documents (id, content_hash, date, lang, title, url, source, origin, text,"
        " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.content_hash, doc.date.isoformat() if doc.date else None, doc.lang,
         doc.title, doc.url, doc.source, doc.origin, doc.text, ingested_at),
    )
    count_document(conn, doc.date.isoformat() if doc.date else None)
    key_map = _KeyMap(doc.id, _store_entities(conn, annotations))
    _insert_spans(conn, annotations, key_map)
    if annotations.quotes:
        refresh_documents(conn, [doc.id], new=True)
        quote_pairs.count_document(conn, doc.id)
    # Dated tellings first: an undated one then sees every dated event of its document and
    # joins the most precise, whatever the order the article tells them in.
    for event in sorted(annotations.events, key=lambda e: e.date is None):
        _insert_event(conn, doc, event, key_map)
    for relation in annotations.relations:
        _insert_relation(conn, doc.id, relation, key_map)


def _insert_spans(conn: sqlite3.Connection, annotations: Annotations, key_map: _KeyMap) -> None:
    """Timexes, money, quotes and sentences: facts that belong to this document alone."""
    doc_id = annotations.document.id
    day = annotations.document.date.isoformat() if annotations.document.date else None  # quotes.date (m010)
    conn.executemany(
        'INSERT INTO timexes (doc_id, start, "end", text, type, value, range_start, range_end)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, t.start, t.end, t.text, t.type, t.value, t.range_start, t.range_end)
         for t in annotations.timexes],
    )
    conn.executemany(
        'INSERT INTO money (doc_id, start, "end", text, amount, currency) VALUES (?, ?, ?, ?, ?, ?)',
        [(doc_id, m.start, m.end, m.text, m.amount, m.currency) for m in annotations.money],
    )
    conn.executemany(
        'INSERT INTO quotes (doc_id, start, "end", text, speaker, cue, about, said_key, date)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, q.start, q.end, q.text,
          key_map(q.speaker, "a quote's speaker") if q.speaker else None,
          q.cue, key_map.ids.get(q.about, q.about) if q.about else None, said_key(q.text), day)
         for q in annotations.quotes],
    )
    conn.executemany(
        'INSERT OR IGNORE INTO sentences (doc_id, start, "end") VALUES (?, ?, ?)',
        [(doc_id, start, end) for start, end in annotations.sentences],
    )


def _store_entities(conn: sqlite3.Connection, annotations: Annotations) -> dict[str, str]:
    """Resolve and store the document's entities and mentions; local key → global id.

    Contexts are computed once, before any entity of the document is stored. An entity absorbed
    by a later one of the same document (its surname, then its full name) is replaced in the map.
    """
    doc_id = annotations.document.id
    catalog = SqlCatalog(conn)
    contexts = local_contexts(annotations.entities, annotations.relations, catalog)
    day = annotations.document.date.isoformat() if annotations.document.date else None
    ids: dict[str, str] = {}
    for entity in annotations.entities:
        entity_id, absorbed = _store_entity(conn, entity, catalog, contexts[entity.key], doc_id)
        ids = {key: entity_id if value in absorbed else value for key, value in ids.items()}
        ids[entity.key] = entity_id
        count_mentions(conn, entity_id, doc_id, len(entity.mentions))
        month_mentions.count(conn, entity_id, day, len(entity.mentions))
        conn.executemany(
            'INSERT INTO mentions (doc_id, entity_id, start, "end") VALUES (?, ?, ?, ?)',
            [(doc_id, entity_id, start, end) for start, end in entity.mentions],
        )
    record_neighbours(conn, doc_id)
    return ids


def _unique(ids: Sequence[str]) -> list[str]:
    """The ids in their first order, without repeats (two local keys may resolve to one entity)."""
    return list(dict.fromkeys(ids))


def _insert_event(conn: sqlite3.Connection, doc: Document, event: Event, key_map: _KeyMap) -> None:
    """Add this telling to the event it tells, creating the event the first time it is told."""
    sources = _unique([key_map(key, f"a {event.type} event's source") for key in event.sources])
    targets = _unique([key_map(key, f"a {event.type} event's target") for key in event.targets])
    sentence = sentence_text(doc.text, event)
    event_id = place_telling(conn, doc.id, sentence, event, sources, targets)
    insert_event_mention(conn, event_id, doc.id, event, sentence)


def _insert_relation(conn: sqlite3.Connection, doc_id: str, relation: Relation, key_map: _KeyMap) -> None:
    """One relation per (type, source, target, title); each article adds an evidence row."""
    source = key_map(relation.source, f"a {relation.type} relation's source")
    target = key_map(relation.target, f"a {relation.type} relation's target")
    insert_relation(conn, doc_id, dataclasses.replace(relation, source=source, target=target))
