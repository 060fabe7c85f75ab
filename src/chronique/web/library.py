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
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.store import Store
from chronique.store.page_reads import DocumentPage, DocumentSummary

__all__ = ["Library", "Reading", "DocumentSummary", "DocumentPage"]


@dataclass(frozen=True)
class Reading:
    """What one request reads through: ``chronicle``, the one read facade (``store`` is the
    open store under it, for the ingest side; pages and the API read through ``chronicle``)."""

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
