"""Where the web layer reads its answers: one short-lived store per request, in the request's thread.

SQLite connections belong to the thread that opened them, and FastAPI runs each plain ``def``
endpoint in a worker thread; so every endpoint opens the store itself (``with library.open()``),
which costs about a millisecond, and nothing is shared between requests. Ingest, the one
writer, is serialised by a lock (see ``ingest_api``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.store import Store

__all__ = ["Library", "Reading", "DocumentSummary", "DocumentPage", "document_page"]


@dataclass(frozen=True)
class DocumentSummary:
    """An article in a list: enough to choose one, without its text."""

    id: str
    date: date | None
    title: str | None
    lang: str | None
    source: str | None
    url: str | None
    lead: str  # the first characters of the text, for articles without a title
    characters: int


@dataclass(frozen=True)
class DocumentPage:
    """One page of the stored articles, newest first."""

    total: int
    limit: int
    offset: int
    items: tuple[DocumentSummary, ...]


_LEAD_CHARACTERS = 160


def document_page(store: Store, limit: int, offset: int) -> DocumentPage:
    """Stored articles by publication date (newest first), then id; every value bound."""
    conn = store._conn
    total = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    rows = conn.execute(
        "SELECT id, date, title, lang, source, url, substr(text, 1, ?), length(text) FROM documents"
        " ORDER BY date DESC, id LIMIT ? OFFSET ?",
        (_LEAD_CHARACTERS, limit, offset),
    ).fetchall()
    items = tuple(
        DocumentSummary(id_, date.fromisoformat(day) if day else None, title, lang, source, url,
                        " ".join(lead.split()), characters)
        for id_, day, title, lang, source, url, lead, characters in rows
    )
    return DocumentPage(total, limit, offset, items)


@dataclass(frozen=True)
class Reading:
    """What one request reads through: the store, and the analysis queries over it."""

    store: Store
    chronicle: Chronicle


class Library:
    """The database the server reads; opens a fresh connection for each request."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path

    @contextmanager
    def open(self) -> Iterator[Reading]:
        with Store(self.db_path, read_only=True) as store:
            yield Reading(store, Chronicle(store))
