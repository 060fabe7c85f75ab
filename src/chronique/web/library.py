"""Where the web layer reads its answers: one store, one ``Chronicle`` and one page cache per
server process, opened at the first request and kept.

FastAPI runs each plain ``def`` endpoint in a worker thread; the one read-only connection is
opened for use from any thread and a lock lets one request read at a time (SQLite answers one
query at a time per connection anyway, and a page answers in milliseconds). Reading under WAL
never blocks the writer, and every read sees what was committed before it: an article ingested
through ``POST /api/documents`` (one writer, serialised by a lock of its own, see
``ingest_api``) shows at the next request. A store that cannot be opened yet (no file, an old
schema) raises at each request until it can; nothing is kept of a failed opening.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from chronique.analysis import Chronicle
from chronique.store import Store
from chronique.store.page_reads import DocumentPage, DocumentSummary

__all__ = ["Library", "Reading", "DocumentSummary", "DocumentPage"]

T = TypeVar("T")


@dataclass(frozen=True)
class Reading:
    """What one request reads through: ``chronicle``, the one read facade (``store`` is the
    open store under it, for the ingest side; pages and the API read through ``chronicle``)."""

    store: Store
    chronicle: Chronicle
    cache: dict[str, Any] = field(default_factory=dict)
    version: list[int] = field(default_factory=lambda: [-1])

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """The answer kept for ``key`` since the last write to the store, else computed and
        kept (the server's one cache: the counts every home page shows, for instance)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


class Library:
    """The database the server reads, opened once (at the first request) and shared."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = threading.Lock()
        self._reading: Reading | None = None

    @contextmanager
    def open(self) -> Iterator[Reading]:
        """The shared reading, held by this request alone until the ``with`` block ends."""
        with self._lock:
            if self._reading is None:
                store = Store(self.db_path, read_only=True, shared=True)
                self._reading = Reading(store, Chronicle(store))
            version = self._reading.store.data_version()
            if version != self._reading.version[0]:  # a write since: nothing kept is sure
                self._reading.cache.clear()
                self._reading.version[0] = version
            yield self._reading

    def close(self) -> None:
        """Close the shared store (at server shutdown); the next request would open it again."""
        with self._lock:
            if self._reading is not None:
                self._reading.store.close()
                self._reading = None
