"""Migration m001: the first schema, documents, entities and every fact with its provenance
(see ``migrations``).

Kept apart from ``migrations.py`` for the size of that module, as m008 and later are; same rules:
no live chronique code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m001_initial_schema"]

_INITIAL_SCHEMA = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, date TEXT, lang TEXT,
        title TEXT, url TEXT, source TEXT, origin TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL)""",
    "CREATE INDEX documents_by_date ON documents(date, id)",
    # norm_name: normalise_name(name), what resolution and look-ups compare.
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, kb_id TEXT UNIQUE,
        norm_name TEXT NOT NULL)""",
    "CREATE INDEX entities_by_type_name ON entities(type, norm_name)",
    "CREATE INDEX entities_by_norm_name ON entities(norm_name)",
    """CREATE TABLE aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL, norm TEXT NOT NULL,
        UNIQUE (entity_id, alias))""",
    "CREATE INDEX aliases_by_norm ON aliases(norm)",
    """CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id), entity_id TEXT NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL)""",
    "CREATE INDEX mentions_by_entity ON mentions(entity_id)",
    "CREATE INDEX mentions_by_doc ON mentions(doc_id, start)",
    """CREATE TABLE timexes (
        doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, range_start TEXT, range_end TEXT)""",
    "CREATE INDEX timexes_by_doc ON timexes(doc_id, start)",
    """CREATE TABLE money (
        doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, amount REAL, currency TEXT NOT NULL)""",
    "CREATE INDEX money_by_doc ON money(doc_id, start)",
    # about: an entity id when the quote's ``about`` named an entity of its document, else as given.
    """CREATE TABLE quotes (
        id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        speaker TEXT REFERENCES entities(id), cue TEXT, about TEXT)""",
    "CREATE INDEX quotes_by_doc ON quotes(doc_id, start)",
    "CREATE INDEX quotes_by_speaker ON quotes(speaker)",
    "CREATE INDEX quotes_by_about ON quotes(about)",
    # actors_key: type + sorted source ids + sorted target ids; with date_value it decides whether
    # a new mention is an existing event (see writer.event_actors_key).
    """CREATE TABLE events (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, actors_key TEXT NOT NULL, date_value TEXT,
        date_start TEXT, date_end TEXT, amount REAL, currency TEXT, modality TEXT NOT NULL,
        score REAL, confidence REAL)""",
    "CREATE INDEX events_by_actors_date ON events(actors_key, date_value)",
    "CREATE INDEX events_by_date_start ON events(date_start)",
    """CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(id), entity_id TEXT NOT NULL REFERENCES entities(id),
        role TEXT NOT NULL CHECK (role IN ('source', 'target')), position INTEGER NOT NULL,
        PRIMARY KEY (event_id, role, position))""",
    "CREATE INDEX event_actors_by_entity ON event_actors(entity_id)",
    # modality and confidence per mention too: each article may hedge differently.
    """CREATE TABLE event_mentions (
        id INTEGER PRIMARY KEY, event_id TEXT NOT NULL REFERENCES events(id),
        doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        trigger TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER, modality TEXT NOT NULL, confidence REAL)""",
    "CREATE INDEX event_mentions_by_event ON event_mentions(event_id)",
    "CREATE INDEX event_mentions_by_doc ON event_mentions(doc_id, start)",
    """CREATE TABLE relations (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL REFERENCES entities(id),
        target TEXT NOT NULL REFERENCES entities(id), title TEXT, valid_from TEXT, valid_to TEXT)""",
    "CREATE INDEX relations_by_source ON relations(source)",
    "CREATE INDEX relations_by_target ON relations(target)",
    """CREATE TABLE relation_evidence (
        relation_id TEXT NOT NULL REFERENCES relations(id), doc_id TEXT NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL)""",
    "CREATE INDEX relation_evidence_by_relation ON relation_evidence(relation_id)",
    "CREATE INDEX relation_evidence_by_doc ON relation_evidence(doc_id, start)",
    """CREATE TABLE sentences (
        doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (doc_id, start))""",
    # No foreign key on doc_id: a rejected input has no document, a duplicate names the stored one.
    """CREATE TABLE ingest_log (
        id INTEGER PRIMARY KEY, origin TEXT, content_hash TEXT, doc_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'rejected')),
        reason TEXT, at TEXT NOT NULL)""",
    "CREATE INDEX ingest_log_by_status ON ingest_log(status)",
)


def m001_initial_schema(conn: sqlite3.Connection) -> None:
    """Documents, entities and every fact with its provenance (DESIGN.md, "Data model")."""
    for statement in _INITIAL_SCHEMA:
        conn.execute(statement)
