"""Which entities each quote is about (``quote_about``, migration m008), kept with the quotes.

A quote is about X when its speech verb names X (``quotes.about``) or when X is named in the
quote's sentence (the stored sentences holding the quote) by someone other than the speaker.
Reading that test per quote made a pair's quotes walk every quote of a much-quoted speaker;
stored, "by A about B" is one index range (``quote_about_by_entity``: entity, speaker, quote).

The invariant: the rows of a document's quotes are what :data:`QUOTE_ABOUT_ROWS` gives for that
document now. A new document adds its rows (:func:`refresh_documents`, in the write's
transaction); a move of mentions or quotes from one entity to another refreshes the documents it
touched (:func:`documents_of`, read before the move).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

__all__ = ["QUOTE_ABOUT_ROWS", "documents_of", "refresh_documents"]

#: (entity, quote, speaker) for the quotes that ``{where}`` keeps (a filter on ``q``).
QUOTE_ABOUT_ROWS = """
    SELECT DISTINCT m.entity_id, q.id, q.speaker FROM quotes q JOIN mentions m ON m.doc_id = q.doc_id
    WHERE {where} AND m.entity_id <> COALESCE(q.speaker, '')
      AND m.start >= COALESCE((SELECT MAX(s.start) FROM sentences s
                               WHERE s.doc_id = q.doc_id AND s.start <= q.start), q.start)
      AND m."end" <= COALESCE((SELECT MIN(s."end") FROM sentences s
                               WHERE s.doc_id = q.doc_id AND s."end" >= q."end"), q."end")
    UNION
    SELECT q.about, q.id, q.speaker FROM quotes q WHERE {where} AND q.about IS NOT NULL
"""

_OF_DOCUMENT = QUOTE_ABOUT_ROWS.format(where="q.doc_id = :doc")


def refresh_documents(conn: sqlite3.Connection, doc_ids: Iterable[str], *, new: bool = False) -> None:
    """Write again the rows of these documents' quotes (``new``: a document just inserted, which
    has none yet)."""
    for doc_id in sorted(set(doc_ids)):
        if not new:
            conn.execute("DELETE FROM quote_about WHERE quote_id IN (SELECT id FROM quotes WHERE doc_id = ?)",
                         (doc_id,))
        conn.execute(f"INSERT INTO quote_about (entity_id, quote_id, speaker) {_OF_DOCUMENT}", {"doc": doc_id})


def documents_of(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> set[str]:
    """The documents holding a quote whose rows may change when these entities' mentions or
    quotes move: those that name them, and those whose quotes they speak or are about."""
    found: set[str] = set()
    for entity_id in set(entity_ids):
        found.update(row[0] for row in conn.execute(
            "SELECT DISTINCT m.doc_id FROM mentions m WHERE m.entity_id = ?"
            " AND EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = m.doc_id)", (entity_id,)))
        found.update(row[0] for row in conn.execute(
            "SELECT doc_id FROM quotes WHERE speaker = ? UNION SELECT doc_id FROM quotes WHERE about = ?",
            (entity_id, entity_id)))
    return found
