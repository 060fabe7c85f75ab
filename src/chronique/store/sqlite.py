"""The SQLite store: one file (or memory), one writer, every input accounted for.

``Store.save`` writes a whole batch in one transaction, so a run killed midway leaves either the
batch or nothing; documents already stored (same content hash or same id) are reported as
duplicates and not written again, so a restarted run stores every document exactly once. Every
input, stored, duplicate or rejected, gets a row in ``ingest_log``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import cast

from chronique.errors import StoreError
from chronique.model import Annotations, Document
from chronique.store import entity_admin, entity_reads, queries, quote_lists, timeline_reads, writer
from chronique.store.entity_admin import EntityDetails, MergeReport, SplitReport
from chronique.store.export_reads import ExportReader
from chronique.store.locations import display_location, is_postgres_url
from chronique.store.migrations import apply_migrations, require_current_schema, rollback
from chronique.store.rebuild import rebuild_annotations
from chronique.store.records import EntityRow, QuoteRow, SaveOutcome, TimelineEntry

__all__ = ["Store", "BUSY_TIMEOUT_SECONDS"]


#: How long a connection waits for a lock another holds before "database is locked". Under WAL a
#: reader never waits for a writer; this covers a writer queued behind another writer, and the
#: moment after a crash when the first connection rebuilds the WAL index.
BUSY_TIMEOUT_SECONDS = 30.0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


#: The page cache of a store shared by a server's threads (``Store(shared=True)``): kept warm
#: between requests, it holds the hot indexes of a store of 100,000 documents.
SHARED_CACHE_KIB = 256 * 1024

#: The page cache of a writer (a file store opened for writing). Each save of a large store
#: touches tens of thousands of index leaves (one per event and per tree keyed by a random id);
#: with SQLite's default 2 MiB cache every one is read again from the file in the next save, and
#: a store of a few thousand documents no longer fits either. Kept, they are read once per run:
#: at 100,000 documents, 4 saves of 500 read 531 KiB per document instead of 2,360
#: (docs/benchmark.md, "Seventh session: ingest"). Pages are taken as they are used.
WRITER_CACHE_KIB = 256 * 1024

#: A writer folds the WAL back into the file once it holds this many pages (SQLite's default:
#: 1,000, i.e. after every save of a large store). Less often, a leaf written by several saves
#: is copied back once: a fifth fewer bytes written per document at 100,000 documents. The WAL
#: is truncated back to :data:`WAL_SIZE_LIMIT` bytes after such a checkpoint.
WRITER_CHECKPOINT_PAGES = 131_072
WAL_SIZE_LIMIT = 64 * 2**20


def _connect(path: str, read_only: bool, shared: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode; for reading, the file opened read-only (never created).
    ``shared``: usable from several threads, one at a time (the caller serialises).

    A ``postgresql://`` URL gets a PostgreSQL connection that takes the store's SQLite
    statements (``store.postgres``): the rest of the store does not tell the two apart."""
    if is_postgres_url(path):
        from chronique.store.postgres import PgConnection  # psycopg only for a server database

        return cast(sqlite3.Connection, PgConnection(path, read_only=read_only))
    if not read_only:
        return sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS,
                               check_same_thread=not shared)
    uri = f"{Path(path).absolute().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS,
                           check_same_thread=not shared)


class Store:
    """A chronique database. ``Store()`` is in memory; ``Store(path)`` opens or creates a file;
    ``Store("postgresql://user@host/db")`` opens a database on a PostgreSQL server (see
    ``store.dialect``; same schema, same answers).

    ``Store(path, read_only=True, shared=True)`` is the one store of a server process: its
    connection may be used from any thread (one at a time: the caller serialises) and keeps a
    large page cache warm between requests.

    ``Store(path, read_only=True)`` opens an existing store for reading: the file is opened
    read-only, nothing is migrated and no lock is taken, so that it reads while a writer writes;
    a schema that is behind raises ``OutdatedSchemaError``. A writer (the default) migrates a
    schema that is behind, and takes no lock either when it is current. An in-memory store is
    new and private to its connection: it always gets the current schema.
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False, shared: bool = False) -> None:
        self.path = os.fspath(path)  # a DatabaseUrl prints without its password; this is the URL
        self.read_only = read_only and self.path != ":memory:"
        self.is_postgres = is_postgres_url(self.path)
        shown = display_location(self.path)
        try:
            self._conn = _connect(self.path, self.read_only, shared)
        except _open_errors() as error:
            raise StoreError(f"cannot open the database {shown!r}: {error}") from error
        try:
            self._configure()
            if shared and not self.is_postgres:
                self._conn.execute(f"PRAGMA cache_size = -{SHARED_CACHE_KIB}")
            elif self._is_file_writer():
                self._conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
                self._conn.execute(f"PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}")
                self._conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
            if self.read_only:
                require_current_schema(self._conn)
                self.applied_migrations: list[str] = []
            else:
                self.applied_migrations = apply_migrations(self._conn)
        except StoreError as error:
            self._conn.close()
            raise type(error)(f"{shown}: {error}") from error
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise StoreError(f"{shown} is not a usable SQLite database: {error}") from error
        except _server_errors() as error:
            self._conn.close()
            raise StoreError(f"{shown}: {error}") from error

    def _configure(self) -> None:
        """WAL lets readers work while the one writer writes; NORMAL sync is safe under WAL.

        WAL is a property of the file, set once by a writer: asking again, or asking as a reader,
        would take a lock for nothing.
        """
        if self.is_postgres:
            return
        self._conn.execute("PRAGMA foreign_keys = ON")
        if self.path == ":memory:" or self.read_only:
            return
        if self._conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")

    def _is_file_writer(self) -> bool:
        return not (self.is_postgres or self.read_only or self.path == ":memory:")

    def checkpoint(self) -> None:
        """Fold the write-ahead log back into the database file as far as no reader prevents it
        (SQLite's passive checkpoint; nothing on PostgreSQL or in memory): what an ingest run does
        when it ends, since a writer lets the log grow over several saves."""
        if self._is_file_writer():
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @property
    def exports(self) -> ExportReader:
        """The reads the export formats make (whole tables, events with their tellings, …)."""
        return ExportReader(self._conn)

    def close(self) -> None:
        self._conn.close()

    def data_version(self) -> int:
        """A number that changes when another connection commits a write to the file (SQLite's
        ``PRAGMA data_version``): what a cache of answers checks to know it is still true."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def optimize(self) -> None:
        """Let SQLite refresh the statistics its query planner uses (``PRAGMA optimize``), as is
        worth doing after a bulk load."""
        self._conn.execute("PRAGMA optimize")

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: ``BEGIN IMMEDIATE`` takes the write lock up front, any exception rolls back."""
        if self.read_only:
            raise StoreError(f"{self.path} is open for reading only")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException:
            rollback(self._conn)
            raise

    # -- writing ---------------------------------------------------------------------------------

    def save(self, batch: Sequence[Annotations]) -> list[SaveOutcome]:
        """Store a batch of annotated documents in one transaction; one outcome per document.

        A document whose content hash or id is already stored, earlier or in this same batch, is
        a duplicate: nothing of it is written again. A document the store cannot take (its facts
        refer to an entity key it does not define, a constraint it breaks, a bug on its data) is
        rejected with its reason: nothing of it is written, every other document of the batch is
        stored once. The batch is first written without savepoints (the common case pays
        nothing); when a document fails, it is rolled back and written again with a
        ``SAVEPOINT`` per document. An error of the database itself (locked, full, gone) is not a
        document's: it rolls back the batch and is raised.
        """
        ingested_at = _now()
        try:
            with self._transaction() as conn:
                return [self._save_or_fail(conn, annotations, ingested_at) for annotations in batch]
        except _DocumentFailed:
            pass
        with self._transaction() as conn:
            return [self._save_isolated(conn, annotations, ingested_at) for annotations in batch]

    def _save_or_fail(self, conn: sqlite3.Connection, annotations: Annotations, at: str) -> SaveOutcome:
        try:
            return self._save_document(conn, annotations, at)
        except Exception as error:
            if _is_database_error(error):
                raise
            raise _DocumentFailed from error

    def _save_isolated(self, conn: sqlite3.Connection, annotations: Annotations, at: str) -> SaveOutcome:
        """One document under its own savepoint: on failure it alone is undone and logged as rejected."""
        conn.execute("SAVEPOINT document")
        try:
            outcome = self._save_document(conn, annotations, at)
        except Exception as error:
            if _is_database_error(error):
                raise
            conn.execute("ROLLBACK TO SAVEPOINT document")
            conn.execute("RELEASE SAVEPOINT document")
            return _log_refusal(conn, annotations.document, error, at)
        conn.execute("RELEASE SAVEPOINT document")
        return outcome

    def _save_document(self, conn: sqlite3.Connection, annotations: Annotations, at: str) -> SaveOutcome:
        doc = annotations.document
        content_hash = doc.content_hash
        existing = _stored_duplicate(conn, doc, content_hash)
        if existing is None:
            writer.insert_annotations(conn, annotations, at)
            outcome = SaveOutcome(doc.origin, doc.id, "stored")
            reason = None
        else:
            existing_id, reason = existing
            outcome = SaveOutcome(doc.origin, doc.id, "duplicate", existing_id)
        conn.execute(
            "INSERT INTO ingest_log (origin, content_hash, doc_id, status, reason, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (doc.origin, content_hash, doc.id, outcome.status, reason, at),
        )
        return outcome

    def record_if_duplicate(self, document: Document) -> str | None:
        """The id of the stored document this one repeats (and log it as a duplicate), else None.

        Ingest asks before running the NLP pipeline, so a re-run does not re-annotate what is
        already stored.
        """
        existing = _stored_duplicate(self._conn, document, document.content_hash)
        if existing is None:
            return None
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO ingest_log (origin, content_hash, doc_id, status, reason, at)"
                " VALUES (?, ?, ?, 'duplicate', ?, ?)",
                (document.origin, document.content_hash, document.id, existing[1], _now()),
            )
        return existing[0]

    def log_rejection(self, origin: str, reason: str) -> None:
        """Record an input that could not become a document (unreadable, empty, undated…)."""
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO ingest_log (origin, content_hash, doc_id, status, reason, at)"
                " VALUES (?, NULL, NULL, 'rejected', ?, ?)",
                (origin, reason, _now()),
            )

    # -- correcting identity -----------------------------------------------------------------------

    def merge_entities(self, keep: str, absorb: str, *, force: bool = False) -> MergeReport:
        """Merge the entity meant by ``absorb`` (id, kb id, name or alias) into ``keep``: its
        mentions, aliases, quotes, events and relations move; events that now tell the same
        happening become one. Recorded so that a split can undo it. ``force`` allows merging two
        knowledge-base actors or two types. See ``store.entity_admin``."""
        with self._transaction() as conn:
            return entity_admin.merge_entities(conn, keep, absorb, force=force, at=_now())

    def split_entity(
        self, entity: str, *, aliases: Sequence[str] = (), documents: Sequence[str] = (), name: str | None = None
    ) -> SplitReport:
        """Move the mentions of ``entity`` read as one of ``aliases``, or those in ``documents``,
        with their facts, to the entity they were merged from or to a new one (``name``)."""
        with self._transaction() as conn:
            return entity_admin.split_entity(conn, entity, aliases=aliases, documents=documents, name=name,
                                             at=_now())

    def entity_details(self, entity: str) -> EntityDetails:
        """One entity (id, kb id, name or alias; an error when several fit) with its aliases,
        documents, merges and pinned names."""
        return entity_admin.entity_details(self._conn, entity)

    # -- reading ---------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per kind of record: documents, entities, mentions, timexes, money, quotes,
        events, event_mentions, relations."""
        return queries.counts(self._conn)

    def entities(self, type: str | None = None) -> list[EntityRow]:
        """Global entities (of one type if given), most mentioned first, then by name."""
        return entity_reads.entities(self._conn, type)

    def find_entity(self, name: str) -> EntityRow | None:
        """The entity meant by an id, kb id, name or alias; the most mentioned when several fit."""
        return entity_reads.find_entity(self._conn, name)

    def timeline(
        self,
        actors: Sequence[str] = (),
        *,
        dated_only: bool = True,
        include_unexported: bool = False,
        any_actor: bool = False,
    ) -> list[TimelineEntry]:
        """Events involving all the given entity ids (any of them with ``any_actor``), oldest
        first, each with its mentions. Hypothetical and negated events only with
        ``include_unexported``."""
        return timeline_reads.timeline(
            self._conn, actors, dated_only=dated_only, include_unexported=include_unexported,
            any_actor=any_actor,
        )

    def quotes(self, by: str | None = None, about: str | None = None) -> list[QuoteRow]:
        """Quotes by one speaker and/or about one entity (entity ids), in reading order."""
        return quote_lists.quotes(self._conn, by, about)

    def document(self, doc_id: str) -> Document | None:
        return queries.document(self._conn, doc_id)

    def annotations(self, doc_id: str) -> Annotations | None:
        """A stored document's annotations, keyed by global entity ids (see ``store.rebuild``)."""
        return rebuild_annotations(self._conn, doc_id)

    def iter_annotations(self) -> Iterator[Annotations]:
        """Every stored document's annotations, by publication date then id."""
        doc_ids = [row[0] for row in self._conn.execute("SELECT id FROM documents ORDER BY date, id")]
        for doc_id in doc_ids:
            annotations = rebuild_annotations(self._conn, doc_id)
            if annotations is not None:
                yield annotations


def _open_errors() -> tuple[type[Exception], ...]:
    """What connecting may raise: SQLite's errors, or the server's."""
    return (sqlite3.Error, *_server_errors())


def _server_errors() -> tuple[type[Exception], ...]:
    """psycopg's base error when psycopg is installed (it is only needed for a server database)."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return ()
    return (psycopg.Error,)


class _DocumentFailed(Exception):
    """A document of a batch failed: the batch is written again, a savepoint per document."""


def _is_database_error(error: Exception) -> bool:
    """An error of the database itself (locked, full, read-only, I/O), not of a document's data."""
    return isinstance(error, sqlite3.OperationalError)


def _log_refusal(conn: sqlite3.Connection, doc: Document, error: Exception, at: str) -> SaveOutcome:
    detail = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
    reason = f"not stored ({type(error).__name__}{': ' + detail if detail else ''})"
    conn.execute(
        "INSERT INTO ingest_log (origin, content_hash, doc_id, status, reason, at)"
        " VALUES (?, ?, ?, 'rejected', ?, ?)",
        (doc.origin, doc.content_hash, doc.id, reason, at),
    )
    return SaveOutcome(doc.origin, doc.id, "rejected", reason=reason)


def _stored_duplicate(
    conn: sqlite3.Connection, doc: Document, content_hash: str
) -> tuple[str, str] | None:
    """(id of the stored document, why) when this document is already stored, else ``None``."""
    row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
    if row is not None:
        return row[0], f"same content as document {row[0]!r}"
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone() is not None:
        return doc.id, "a different text is already stored under this id"
    return None
