"""Write one document's :class:`~chronique.model.Annotations` into the store's tables.

The caller (``Store.save``) owns the transaction and has already checked the document is not a
duplicate. Here each local entity key is mapped to a global entity id (``chronique.resolve``), and
events and relations told by several articles are folded into one row with several evidence rows:

* an event is the same happening as a stored one when type, set of sources and set of targets are
  equal (for symmetric types, PARTNER and COMPETE, sources and targets form one set) and the
  dates are compatible: equal, nested ("2025-02" holds "2025-02-12") or one undated, with a
  stricter rule for undated repeated kinds (ACCUSE, ORDER …). ``chronique.events.identity``
  holds these rules and picks one event when several fit; the merged event keeps the most
  precise date with its interval, the first amount, the most certain modality and the score of
  the telling that read most into its context. Merging is greedy, in reading order: stored
  events are never merged with each other afterwards.
* a relation is the same as a stored one when (type, source, target, title) are equal.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping, Sequence

from chronique.errors import StoreError
from chronique.events.identity import (
    StoredEvent, Telling, choose_event, interval_of, more_precise, sentence_key,
)
from chronique.events.ontology import score_of
from chronique.model import MODALITIES, Annotations, Document, Entity, Event, Relation
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
    # Dated tellings first: an undated one then sees every dated event of its document and
    # joins the most precise, whatever the order the article tells them in.
    for event in sorted(annotations.events, key=lambda e: e.date is None):
        _insert_event(conn, doc, event, key_map)
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


def _insert_event(conn: sqlite3.Connection, doc: Document, event: Event, key_map: _KeyMap) -> None:
    """Add this mention to the event it tells, creating the event the first time it is told."""
    sources = _unique([key_map(key, f"a {event.type} event's source") for key in event.sources])
    targets = _unique([key_map(key, f"a {event.type} event's target") for key in event.targets])
    actors_key = event_actors_key(event.type, sources, targets)
    telling = Telling(event.type, event.date, event.date_start, event.date_end, doc.id,
                      _sentence_text(doc.text, event))
    chosen = choose_event(telling, _stored_events(conn, actors_key))
    if chosen is None:
        event_id = _create_event(conn, doc.id, event, actors_key, sources, targets)
    else:
        event_id = chosen.id
        _merge_event(conn, event_id, event)
    conn.execute(
        'INSERT INTO event_mentions (event_id, doc_id, start, "end", trigger, trigger_start,'
        " trigger_end, sentence_start, sentence_end, modality, confidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, doc.id, event.start, event.end, event.trigger, event.trigger_start,
         event.trigger_end, event.sentence_start, event.sentence_end, event.modality,
         event.confidence),
    )


def _sentence_text(text: str, event: Event) -> str:
    """The sentence that tells the event (its evidence when the sentence is unknown)."""
    start = event.sentence_start if event.sentence_start is not None else event.start
    end = event.sentence_end if event.sentence_end is not None else event.end
    return text[start:end]


_TELLINGS_OF_EVENT = """
    SELECT em.doc_id,
           substr(d.text, COALESCE(em.sentence_start, em.start) + 1,
                  COALESCE(em.sentence_end, em."end") - COALESCE(em.sentence_start, em.start))
    FROM event_mentions em JOIN documents d ON d.id = em.doc_id
    WHERE em.event_id = ?
"""


def _stored_events(conn: sqlite3.Connection, actors_key: str) -> list[StoredEvent]:
    """The stored events with these participants, each with the documents and sentences that
    told it (``substr`` counts characters as Python does)."""
    events = []
    for event_id, value, start, end in conn.execute(
        "SELECT id, date_value, date_start, date_end FROM events WHERE actors_key = ? ORDER BY id",
        (actors_key,),
    ).fetchall():
        tellings = conn.execute(_TELLINGS_OF_EVENT, (event_id,)).fetchall()
        events.append(StoredEvent(
            event_id, value, start, end,
            frozenset(doc_id for doc_id, _ in tellings),
            frozenset(sentence_key(sentence or "") for _, sentence in tellings),
        ))
    return events


def _create_event(
    conn: sqlite3.Connection, doc_id: str, event: Event, actors_key: str, sources: list[str],
    targets: list[str],
) -> str:
    """A new event; its id is derived from its first telling, so two events never share one."""
    event_id = _digest_id("ev_", actors_key, event.date, doc_id, event.start, event.trigger_start)
    conn.execute(
        "INSERT INTO events (id, type, actors_key, date_value, date_start, date_end, amount,"
        " currency, modality, score, confidence, cameo, plover)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, event.type, actors_key, event.date, event.date_start, event.date_end,
         event.amount, event.currency, event.modality, event.score, event.confidence,
         event.cameo, event.plover),
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


def _telling_score(event_type: str, stored: float | None, new: float | None) -> float | None:
    """The score of the telling that read most into its context: the one farthest from the
    type's base score ("OPA hostile" in one article beats a plain "offre" in another)."""
    base = score_of(event_type)
    if stored is None:
        return new
    if new is None or base is None:
        return stored
    return new if abs(new - base) > abs(stored - base) else stored


def _merge_event(conn: sqlite3.Connection, event_id: str, event: Event) -> None:
    """A new telling fills what earlier ones left empty, sharpens the date and can only make the
    event more certain; amount and currency go together."""
    modality, value, start, end, score, cameo, plover = conn.execute(
        "SELECT modality, date_value, date_start, date_end, score, cameo, plover FROM events WHERE id = ?",
        (event_id,),
    ).fetchone()
    new_score = _telling_score(event.type, score, event.score)
    if new_score != score or cameo is None:
        # The codes travel with the score: they name the reading the score comes from.
        cameo, plover = (event.cameo, event.plover) if new_score == event.score else (cameo, plover)
    if _modality_rank(event.modality) < _modality_rank(modality):
        modality = event.modality
    if more_precise(interval_of(event.date, event.date_start, event.date_end), event.date,
                    interval_of(value, start, end), value):
        value, start, end = event.date, event.date_start, event.date_end
    conn.execute(
        "UPDATE events SET modality = ?, confidence = MAX(COALESCE(confidence, 0), ?),"
        " date_value = ?, date_start = ?, date_end = ?,"
        " currency = CASE WHEN amount IS NULL THEN ? ELSE currency END,"
        " amount = COALESCE(amount, ?), score = ?, cameo = ?, plover = ? WHERE id = ?",
        (modality, event.confidence, value, start, end, event.currency, event.amount,
         new_score, cameo, plover, event_id),
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
