"""Write one document's :class:`~chronique.model.Annotations` into the store's tables.

The caller (``Store.save``) owns the transaction and has already checked the document is not a
duplicate. Here each local entity key is mapped to a global entity id (``chronique.resolve``), and
events and relations told by several articles are folded into one row with several evidence rows:

* an event is the same happening as a stored one when type, set of sources, set of targets and
  ``date_value`` (``NULL`` equal to ``NULL``) are equal; for symmetric types (PARTNER, COMPETE)
  sources and targets form one set. A later issue refines this to "compatible dates".
* a relation is the same as a stored one when (type, source, target, title) are equal.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping, Sequence

from chronique.errors import StoreError
from chronique.model import MODALITIES, Annotations, Entity, Event, Relation
from chronique.resolve import KnownEntity, normalise_name, resolve_entity

__all__ = ["SqlCatalog", "insert_annotations", "event_actors_key", "SYMMETRIC_EVENT_TYPES"]

SYMMETRIC_EVENT_TYPES = frozenset({"PARTNER", "COMPETE"})


class SqlCatalog:
    """The resolver's view of the stored entities (it sees this transaction's own writes too)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def _rows(self, sql: str, params: tuple[str, ...]) -> list[KnownEntity]:
        return [KnownEntity(*row) for row in self._conn.execute(sql, params)]

    def by_id(self, entity_id: str) -> KnownEntity | None:
        rows = self._rows("SELECT id, name, type, kb_id FROM entities WHERE id = ?", (entity_id,))
        return rows[0] if rows else None

    def by_name(self, entity_type: str, normalised: str) -> Sequence[KnownEntity]:
        return self._rows(
            "SELECT id, name, type, kb_id FROM entities WHERE type = ? AND norm_name = ? ORDER BY id",
            (entity_type, normalised),
        )

    def by_alias(self, entity_type: str, normalised: str) -> Sequence[KnownEntity]:
        return self._rows(
            "SELECT DISTINCT e.id, e.name, e.type, e.kb_id FROM aliases a JOIN entities e"
            " ON e.id = a.entity_id WHERE e.type = ? AND a.norm = ? ORDER BY e.id",
            (entity_type, normalised),
        )


def _store_entity(conn: sqlite3.Connection, entity: Entity) -> str:
    """Resolve a local entity, create or enrich the global one, and return its id."""
    resolution = resolve_entity(entity, SqlCatalog(conn))
    if resolution.is_new:
        conn.execute(
            "INSERT INTO entities (id, name, type, kb_id, norm_name) VALUES (?, ?, ?, ?, ?)",
            (resolution.entity_id, resolution.name, resolution.type, resolution.kb_id,
             normalise_name(resolution.name)),
        )
    conn.executemany(
        "INSERT OR IGNORE INTO aliases (entity_id, alias, norm) VALUES (?, ?, ?)",
        [(resolution.entity_id, alias, normalise_name(alias)) for alias in resolution.aliases],
    )
    return resolution.entity_id


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
    ids = {}
    for entity in annotations.entities:
        ids[entity.key] = entity_id = _store_entity(conn, entity)
        conn.executemany(
            'INSERT INTO mentions (doc_id, entity_id, start, "end") VALUES (?, ?, ?, ?)',
            [(doc.id, entity_id, start, end) for start, end in entity.mentions],
        )
    key_map = _KeyMap(doc.id, ids)
    _insert_spans(conn, annotations, key_map)
    for event in annotations.events:
        _insert_event(conn, doc.id, event, key_map)
    for relation in annotations.relations:
        _insert_relation(conn, doc.id, relation, key_map)


def _insert_spans(conn: sqlite3.Connection, annotations: Annotations, key_map: _KeyMap) -> None:
    """Timexes, money, quotes and sentences: facts that belong to this document alone."""
    doc_id = annotations.document.id
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
        'INSERT INTO quotes (doc_id, start, "end", text, speaker, cue, about) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(doc_id, q.start, q.end, q.text,
          key_map(q.speaker, "a quote's speaker") if q.speaker else None,
          q.cue, key_map.ids.get(q.about, q.about) if q.about else None)
         for q in annotations.quotes],
    )
    conn.executemany(
        'INSERT OR IGNORE INTO sentences (doc_id, start, "end") VALUES (?, ?, ?)',
        [(doc_id, start, end) for start, end in annotations.sentences],
    )


def _unique(ids: Sequence[str]) -> list[str]:
    """The ids in their first order, without repeats (two local keys may resolve to one entity)."""
    return list(dict.fromkeys(ids))


def event_actors_key(event_type: str, sources: Sequence[str], targets: Sequence[str]) -> str:
    """The identity of an event's participants: type, sorted source set, sorted target set."""
    if event_type in SYMMETRIC_EVENT_TYPES:
        return json.dumps([event_type, sorted(set(sources) | set(targets)), []])
    return json.dumps([event_type, sorted(set(sources)), sorted(set(targets))])


def _digest_id(prefix: str, *parts: object) -> str:
    """A deterministic id from the parts that define a thing: same input, same ids."""
    return prefix + hashlib.sha1(json.dumps(parts).encode("utf-8")).hexdigest()[:12]


def _insert_event(conn: sqlite3.Connection, doc_id: str, event: Event, key_map: _KeyMap) -> None:
    """Add this mention to the event it tells, creating the event the first time it is told."""
    sources = _unique([key_map(key, f"a {event.type} event's source") for key in event.sources])
    targets = _unique([key_map(key, f"a {event.type} event's target") for key in event.targets])
    actors_key = event_actors_key(event.type, sources, targets)
    row = conn.execute(
        "SELECT id, modality FROM events WHERE actors_key = ? AND date_value IS ? ORDER BY id LIMIT 1",
        (actors_key, event.date),
    ).fetchone()
    if row is None:
        event_id = _create_event(conn, event, actors_key, sources, targets)
    else:
        event_id = row[0]
        _merge_event(conn, event_id, row[1], event)
    conn.execute(
        'INSERT INTO event_mentions (event_id, doc_id, start, "end", trigger, trigger_start,'
        " trigger_end, sentence_start, sentence_end, modality, confidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, doc_id, event.start, event.end, event.trigger, event.trigger_start,
         event.trigger_end, event.sentence_start, event.sentence_end, event.modality,
         event.confidence),
    )


def _create_event(
    conn: sqlite3.Connection, event: Event, actors_key: str, sources: list[str], targets: list[str]
) -> str:
    event_id = _digest_id("ev_", actors_key, event.date)
    conn.execute(
        "INSERT INTO events (id, type, actors_key, date_value, date_start, date_end, amount,"
        " currency, modality, score, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, event.type, actors_key, event.date, event.date_start, event.date_end,
         event.amount, event.currency, event.modality, event.score, event.confidence),
    )
    conn.executemany(
        "INSERT INTO event_actors (event_id, entity_id, role, position) VALUES (?, ?, ?, ?)",
        [(event_id, entity_id, "source", i) for i, entity_id in enumerate(sources)]
        + [(event_id, entity_id, "target", i) for i, entity_id in enumerate(targets)],
    )
    return event_id


def _modality_rank(modality: str) -> int:
    """Lower is more certain ("asserted" first); unknown modalities rank last."""
    return MODALITIES.index(modality) if modality in MODALITIES else len(MODALITIES)


def _merge_event(conn: sqlite3.Connection, event_id: str, modality: str, event: Event) -> None:
    """A new telling fills what earlier ones left empty and can only make the event more certain."""
    if _modality_rank(event.modality) < _modality_rank(modality):
        modality = event.modality
    conn.execute(
        "UPDATE events SET modality = ?, confidence = MAX(COALESCE(confidence, 0), ?),"
        " date_start = COALESCE(date_start, ?), date_end = COALESCE(date_end, ?),"
        " amount = COALESCE(amount, ?), currency = COALESCE(currency, ?),"
        " score = COALESCE(score, ?) WHERE id = ?",
        (modality, event.confidence, event.date_start, event.date_end, event.amount,
         event.currency, event.score, event_id),
    )


def _insert_relation(conn: sqlite3.Connection, doc_id: str, relation: Relation, key_map: _KeyMap) -> None:
    """One relation per (type, source, target, title); each article adds an evidence row."""
    source = key_map(relation.source, f"a {relation.type} relation's source")
    target = key_map(relation.target, f"a {relation.type} relation's target")
    relation_id = _digest_id("rel_", relation.type, source, target, relation.title)
    conn.execute(
        "INSERT INTO relations (id, type, source, target, title, valid_from, valid_to)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " valid_from = COALESCE(valid_from, excluded.valid_from),"
        " valid_to = COALESCE(valid_to, excluded.valid_to)",
        (relation_id, relation.type, source, target, relation.title, relation.valid_from,
         relation.valid_to),
    )
    conn.execute(
        'INSERT INTO relation_evidence (relation_id, doc_id, start, "end") VALUES (?, ?, ?, ?)',
        (relation_id, doc_id, relation.start, relation.end),
    )
