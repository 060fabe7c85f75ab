"""Migration m002: full-text search over articles and quotes (FTS5), and each event's CAMEO and
PLOVER codes (see ``migrations``).

Kept apart from ``migrations.py`` for the size of that module, as m008 and later are; same rules:
no live chronique code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m002_search_and_event_codes"]

_SEARCH_AND_CODES = (
    # The CAMEO code and PLOVER type the event was scored with (its context may change them:
    # a hostile bid is not a friendly one). NULL for events stored before this migration.
    "ALTER TABLE events ADD COLUMN cameo TEXT",
    "ALTER TABLE events ADD COLUMN plover TEXT",
    # Full-text indexes over articles and quotes. External content: the text is stored once, in
    # its own table; the triggers keep the index in step with every insert and delete.
    # remove_diacritics 2: "economie" finds "économie", as a French reader types it.
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
)


def m002_search_and_event_codes(conn: sqlite3.Connection) -> None:
    """Full-text search over articles and quotes (FTS5), and each event's CAMEO/PLOVER codes."""
    for statement in _SEARCH_AND_CODES:
        conn.execute(statement)
