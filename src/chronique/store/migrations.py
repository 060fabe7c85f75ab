"""The store's schema, as named migrations applied in order and recorded in ``schema_migrations``.

A migration is a plain function that takes the connection; its name is its identity. Each runs in
its own transaction together with the row that records it, so a crash never leaves a migration
half applied. To change the schema, append a function to :data:`MIGRATIONS`; never edit one that
has shipped. A migration imports no live chronique code: what it computes it computes with its
own frozen copy (``migrations_m003._m003_identity_key``…), so that a later change to, say, how names are
compared can never change what an old migration does to an old database.

Opening a store reads the recorded migrations with a plain read: a store whose schema is current
takes no lock at all, so readers never wait for a writer. Only a writer migrates, and only when
the schema is behind (:func:`apply_migrations`); a reader of a store that is behind gets
:class:`~chronique.errors.OutdatedSchemaError` (:func:`require_current_schema`). A database that records a migration this code does not know was written by a newer
chronique and is refused rather than misread.

Every fact table carries ``doc_id`` and a character span (``start``, ``"end"``, end exclusive)
into ``documents.text``: provenance is part of the schema. ``"end"`` is quoted everywhere
because it is a reserved word in PostgreSQL, the other engine this schema must run on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from chronique.errors import OutdatedSchemaError, StoreError
from chronique.store.migrations_m001 import m001_initial_schema
from chronique.store.migrations_m002 import m002_search_and_event_codes
from chronique.store.migrations_m003 import m003_entity_identity
from chronique.store.migrations_m004 import m004_analysis_indexes
from chronique.store.migrations_m005 import m005_query_speed
from chronique.store.migrations_m006 import m006_running_aggregates
from chronique.store.migrations_m007 import m007_quote_keys
from chronique.store.migrations_m008 import m008_quote_about_and_days
from chronique.store.migrations_m009 import m009_fewer_random_trees
from chronique.store.migrations_m010 import m010_quote_dates_and_month_totals
from chronique.store.migrations_m011 import m011_no_month_actor_rows
from chronique.store.migrations_m012 import m012_bounded_event_identity
from chronique.store.migrations_m013 import m013_clustered_actor_totals
from chronique.store.migrations_m014 import m014_quote_pair_totals
from chronique.store.migrations_m015 import m015_actor_month_mentions

__all__ = [
    "MIGRATIONS", "apply_migrations", "applied_migrations", "pending_migrations", "require_current_schema",
    "rollback",
]

Migration = Callable[[sqlite3.Connection], None]

#: Every migration in the order it must be applied. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    m001_initial_schema, m002_search_and_event_codes, m003_entity_identity,
    m004_analysis_indexes, m005_query_speed, m006_running_aggregates, m007_quote_keys,
    m008_quote_about_and_days, m009_fewer_random_trees, m010_quote_dates_and_month_totals,
    m011_no_month_actor_rows, m012_bounded_event_identity, m013_clustered_actor_totals,
    m014_quote_pair_totals, m015_actor_month_mentions,
)


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is open (SQLite may already have rolled back after an error)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _ensure_migrations_table(conn: sqlite3.Connection) -> None:
    """Create ``schema_migrations``, refusing a database that holds tables but is not chronique's."""
    _refuse_foreign(conn)
    if "schema_migrations" not in _user_tables(conn):
        conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")


def _user_tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_")}


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    """A database with tables but no ``schema_migrations`` is not a chronique store."""
    tables = _user_tables(conn)
    if tables and "schema_migrations" not in tables:
        raise StoreError("the database holds tables but no schema_migrations: not a chronique store")


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the database, in the order they were applied."""
    if "schema_migrations" not in _user_tables(conn):
        return []
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]


def pending_migrations(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """The migrations not yet recorded, read without any lock (plain reads, no transaction).

    Raises ``StoreError`` for a database that is not chronique's or that records a migration this
    code does not know (written by a newer chronique: refused rather than misread).
    """
    _refuse_foreign(conn)
    done = applied_migrations(conn)
    known = [migration.__name__ for migration in migrations]
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"the database schema is from a newer version of chronique (unknown migrations: "
            f"{', '.join(unknown)}); upgrade chronique to open it"
        )
    return [name for name in known if name not in done]


def require_current_schema(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
    """What a reader checks: the schema is current, else ``OutdatedSchemaError`` saying what to run.

    A reader never migrates: migrating writes, and a reader must not take the write lock.
    """
    pending = pending_migrations(conn, migrations)
    if not pending:
        return
    if len(pending) == len(migrations):
        raise OutdatedSchemaError("the database holds no chronique schema yet: run 'chronique ingest' or "
                                  "'chronique migrate' on it first")
    raise OutdatedSchemaError(
        f"the database schema is older than this chronique (missing migrations: {', '.join(pending)}); "
        f"run 'chronique migrate' on it (or any command that writes, such as 'chronique ingest')"
    )


def apply_migrations(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction; return their names.

    The check is a plain read: a current schema costs no lock. Only when something is pending is
    the write lock taken, and each migration is checked again under it, so that two writers
    opening the same old store at once apply each migration once.
    ``conn`` must be in autocommit mode (``isolation_level=None``) so that the explicit
    ``BEGIN``/``COMMIT`` here are the only transaction boundaries.
    """
    pending = pending_migrations(conn, migrations)
    if not pending:
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        _ensure_migrations_table(conn)
        if hasattr(conn, "prepare_schema"):  # PostgreSQL: the functions SQLite has built in
            conn.prepare_schema()
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return [migration.__name__ for migration in migrations
            if migration.__name__ in pending and _apply_one(conn, migration)]


def _apply_one(conn: sqlite3.Connection, migration: Migration) -> bool:
    """Run one migration and record it, all or nothing; False when another writer already did."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (migration.__name__,)).fetchone():
            conn.execute("COMMIT")
            return False
        migration(conn)
        conn.execute(
            "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
            (migration.__name__, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        conn.execute("COMMIT")
        return True
    except BaseException:
        rollback(conn)
        raise
