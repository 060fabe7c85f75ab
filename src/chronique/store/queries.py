"""Reads over the whole store (the row counts, one document) and what the other read modules
share: how a stored date is read, the one parameter that carries a list of ids, and how several
independent reads go to PostgreSQL at once.

The reads of one kind live in their own modules: ``entity_reads`` (entities and the names a user
types), ``timeline_reads`` (events in timeline order), ``quote_lists`` (quotes by and about an
actor) and ``relation_reads`` (relations with their evidence). Every query binds its values as
parameters; the only SQL built at run time is a run of ``?`` placeholders whose length is the
number of values, never text from a caller.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from chronique.model import Document

__all__ = ["CHOSEN", "COUNTED_TABLES", "counts", "document", "rows_together", "stored_date"]

#: What ``counts`` reports, in this order (names of tables, fixed here, never from a caller).
COUNTED_TABLES = (
    "documents", "entities", "mentions", "timexes", "money", "quotes", "events",
    "event_mentions", "relations",
)


def stored_date(value: str | None) -> date | None:
    """A date as the store keeps it (ISO text, or NULL)."""
    return date.fromisoformat(value) if value else None


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table, the figures a user checks after an ingest."""
    return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in COUNTED_TABLES}


#: The rows whose ids are given as one JSON array: one parameter however many ids.
CHOSEN = "IN (SELECT value FROM json_each(?))"


def rows_together(conn: sqlite3.Connection, statements: list[tuple[str, Sequence[object]]]) -> list[list[Any]]:
    """The rows of each of several reads that do not depend on one another: on PostgreSQL sent
    to the server at once (``PgConnection.rows_together``: one round trip, where each costs
    0.1–0.3 ms, more on a busy server), on SQLite one after the other."""
    together = getattr(conn, "rows_together", None)
    if together is not None:
        return list(together(statements))
    return [conn.execute(sql, params).fetchall() for sql, params in statements]


def document(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    """The stored document, raw text included."""
    row = conn.execute(
        "SELECT id, text, date, lang, title, url, source, origin FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        return None
    id_, text, date_text, lang, title, url, source, origin = row
    return Document(id_, text, stored_date(date_text), lang, title, url, source, origin)
