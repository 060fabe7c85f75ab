"""A PostgreSQL connection that the store uses as it uses a ``sqlite3.Connection``.

Only what ``store/`` calls is answered: ``execute`` and ``executemany`` (each statement rewritten
by :func:`chronique.store.dialect.translate`), the cursor's ``rowcount``, ``lastrowid``,
``description`` and rows, ``in_transaction``, ``total_changes`` and ``close``. The connection is
in autocommit mode, like the store's SQLite one: ``BEGIN``/``COMMIT`` are the store's own.
Results come back as SQLite gives them: a ``SUM`` of integers is an ``int``, not a ``Decimal``.
A server error (a lost connection, a broken constraint) is a ``StoreError``: the command line
reports it on one line, and the store's transaction rolls back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

import psycopg
from psycopg.adapt import Loader
from psycopg.pq import TransactionStatus

from chronique.errors import StoreError
from chronique.store.dialect import PG_PRELUDE, Translated, bind, bind_many, translate
from chronique.store.pg_copy import PendingCopies, held_insert

__all__ = ["PgConnection", "PgCursor"]


class _NumericLoader(Loader):
    """``numeric`` (what PostgreSQL's ``SUM`` of integers gives) as an ``int`` when it has no
    fractional part, else a ``float``: what SQLite returns."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


class PgCursor:
    """The rows of one statement, and how many it changed."""

    def __init__(self, cursor: psycopg.Cursor[Any] | None, translated: Translated) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        if cursor is not None and translated.returns_id and cursor.description is not None:
            row = cursor.fetchone()
            self.lastrowid = row[0] if row else None

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount if self._cursor is not None else -1

    @property
    def description(self) -> Any:
        return self._cursor.description if self._cursor is not None else None

    def fetchone(self) -> Any:
        if self._cursor is None or self._cursor.description is None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        if self._cursor is None or self._cursor.description is None:
            return []
        return self._cursor.fetchall()

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


#: Settings of each chronique connection (docs/scale.md). JIT compiles the plan of a query the
#: planner thinks costly: half a second spent before a profile's quote counts (1.2 s → 0.6 s at
#: 100,000 documents), never won back here. A random page read costs about a sequential one on
#: the SSDs a server has today (PostgreSQL's default of 4 is for spinning disks): index walks,
#: which every question is, are priced as they run. A sort or a hash of a few thousand events
#: (a graph's month, a popular actor's timeline) stays in memory. No parallel workers: starting
#: them took 25 ms of a timeline's 35 ms first page (7 ms without), and a server answering many
#: users has no idle cores to lend one question. Plans are made for each call's values (a
#: generic plan for "the events of actor ?" fits neither a rare nor a much-covered actor),
#: except for the statements marked ``dialect.one_plan`` (``PgConnection.rows_together``).
SESSION_SETTINGS = (
    ("jit", "off"),
    ("seq_page_cost", "1"),
    ("random_page_cost", "1.1"),
    ("work_mem", "32MB"),
    ("plan_cache_mode", "force_custom_plan"),
    ("max_parallel_workers_per_gather", "0"),
)

#: Executions of one statement text before psycopg prepares it on the server (parsed and
#: analysed once per connection; each question is a handful of fixed texts asked again and again).
PREPARE_THRESHOLD = 1

#: Around the statements marked ``dialect.one_plan``, sent with them: their plan is made once
#: per connection, without the values, and kept (planning a key look-up cost as much as running it).
_GENERIC_PLANS = (("plan_cache_mode", "force_generic_plan"),)

#: Around the full-text windows (``Translated.cached_pages``), sent with them: a page costs about
#: what a row does once the database is in memory (PostgreSQL's defaults price a page as 100
#: rows), so the planner picks the way that reads fewer rows. A word in one quote in fifteen:
#: its 6,000 quotes from the index, sorted (4.4 ms), not the newest 45,000 quotes walked until
#: 2,000 match (8.6 ms); the articles' window stays a walk for every common word.
_CACHED_PAGES = (("seq_page_cost", "0.1"), ("random_page_cost", "0.11"))


def _settings_of(translated: Translated) -> tuple[tuple[str, str], ...]:
    """The settings a statement is planned under, beyond the session's (``SESSION_SETTINGS``)."""
    return (_GENERIC_PLANS if translated.one_plan else ()) + (_CACHED_PAGES if translated.cached_pages else ())


def _switch(current: tuple[tuple[str, str], ...], wanted: tuple[tuple[str, str], ...]) -> str:
    """One statement moving the settings from ``current`` to ``wanted`` (the session's value for
    those only in ``current``)."""
    values = dict(SESSION_SETTINGS) | dict(wanted)
    names = dict.fromkeys(name for name, _ in current + wanted)
    return "SELECT " + ", ".join(f"set_config('{name}', '{values[name]}', false)" for name in names)


#: The session setting holding the ids a statement chose (``PgConnection.rows_of_chosen``).
_CHOSEN_SETTING = "chronique.chosen"


@lru_cache(maxsize=256)
def _keeping_chosen(sql: str) -> Translated:
    """A statement listing ids (one column), made to keep them in :data:`_CHOSEN_SETTING`."""
    listing = translate(sql)
    (statement,) = listing.statements
    kept = (f"SELECT set_config('{_CHOSEN_SETTING}', COALESCE(array_agg(chosen.id)::text, '{{}}'), false)"
            f" FROM ({statement}) AS chosen(id)")
    return replace(listing, statements=(kept,), returns_id=False, cached_pages=False)


@lru_cache(maxsize=256)
def _reading_chosen(sql: str) -> Translated:
    """A read of the ids given as its one JSON parameter, made to read those kept by :func:`_keeping_chosen`."""
    read = translate(sql)
    (statement,) = read.statements
    if read.json_params != {0} or statement.count("%s") != 1 or statement.count("= ANY(%s)") != 1:
        raise ValueError(f"not a read of chosen ids: {sql}")
    return replace(read, statements=(statement.replace("= ANY(%s)", f"= ANY(current_setting('{_CHOSEN_SETTING}')::text[])"),),
                   json_params=frozenset())


#: Whether new connections hold their batched inserts for ``COPY`` (``store.pg_copy``).
COPY_INSERTS = True


class PgConnection:
    """One psycopg connection to a chronique database on a PostgreSQL server."""

    dialect = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self._conn = psycopg.connect(url, autocommit=True, prepare_threshold=PREPARE_THRESHOLD)
        self._conn.adapters.register_loader("numeric", _NumericLoader)
        self._conn.execute("; ".join(f"SET {name} = '{value}'" for name, value in SESSION_SETTINGS))
        self.total_changes = 0
        #: Rows of ``executemany`` inserts in a write transaction are held and written by
        #: ``COPY`` (``store.pg_copy``); ``False``: each row inserted when asked (as SQLite).
        self.copy_inserts = COPY_INSERTS
        self._pending = PendingCopies()
        if read_only:
            self._conn.execute("SET default_transaction_read_only = on")

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status in (TransactionStatus.INTRANS, TransactionStatus.INERROR,
                                                       TransactionStatus.ACTIVE)

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> PgCursor:
        translated = translate(sql)
        if not translated.statements:
            return PgCursor(None, translated)
        cursor = self._conn.cursor()
        *before, last = translated.statements
        try:
            self._before(last)
            for statement in before:
                cursor.execute(statement)  # the store's own fixed statements
            if _settings_of(translated) and not before:
                return PgCursor(self._together([(translated, params)])[0], translated)
            cursor.execute(last, bind(translated, params))
        except psycopg.Error as error:
            raise StoreError(f"PostgreSQL: {error}") from error
        self._count(last, cursor.rowcount)
        return PgCursor(cursor, translated)

    def rows_together(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
        """The rows of each of several reads that do not depend on one another, sent to the
        server at once (psycopg's pipeline mode: one round trip instead of one per statement)."""
        translated = [(translate(sql), params) for sql, params in statements]
        try:
            return [cursor.fetchall() for cursor in self._together(translated)]
        except psycopg.Error as error:
            raise StoreError(f"PostgreSQL: {error}") from error

    def rows_of_chosen(self, chosen: tuple[str, Sequence[Any]], reads: Sequence[str]) -> list[list[Any]]:
        """The rows of each of ``reads`` (statements whose one parameter is the JSON list of some
        ids: ``queries.CHOSEN``) for the ids the ``chosen`` statement lists, in one round trip: the
        ids are kept on the server, in a setting of the session, between the statement and the reads."""
        sql, params = chosen
        statements = [(_keeping_chosen(sql), params), *((_reading_chosen(read), ()) for read in reads)]
        try:
            return [cursor.fetchall() for cursor in self._together(statements)[1:]]
        except psycopg.Error as error:
            raise StoreError(f"PostgreSQL: {error}") from error

    def _together(self, statements: Sequence[tuple[Translated, Any]]) -> list[psycopg.Cursor[Any]]:
        """Statements of one statement each sent in one pipeline, each between the settings it is
        planned under (``_settings_of``: those marked ``one_plan`` get a generic plan, prepared)."""
        cursors = []
        current: tuple[tuple[str, str], ...] = ()
        for translated, _ in statements:
            self._before(translated.statements[0])  # (held rows are written by COPY: not in a pipeline)
        with self._conn.pipeline():
            for translated, params in statements:
                (statement,) = translated.statements
                wanted = _settings_of(translated)
                if wanted != current:
                    self._conn.execute(_switch(current, wanted))
                    current = wanted
                cursor = self._conn.cursor()
                cursor.execute(statement, bind(translated, params), prepare=True if translated.one_plan else None)
                cursors.append(cursor)
            if current:
                self._conn.execute(_switch(current, ()))
        return cursors

    def executemany(self, sql: str, rows: Any) -> PgCursor:
        translated = translate(sql)
        (statement,) = translated.statements
        insert = held_insert(sql) if self.copy_inserts and self.in_transaction else None
        if insert is not None and self._pending.holds(insert):
            self._pending.hold(insert, rows)
            return PgCursor(None, Translated(()))
        cursor = self._conn.cursor()
        try:
            self._before(statement)
            cursor.executemany(statement, bind_many(translated, rows))
        except psycopg.Error as error:
            raise StoreError(f"PostgreSQL: {error}") from error
        self._count(statement, cursor.rowcount)
        return PgCursor(None, Translated(()))

    def _before(self, statement: str) -> None:
        """Held rows are written before a statement that could see them, and before ``COMMIT``
        or a ``SAVEPOINT``; ``ROLLBACK`` (to a savepoint too: the rows held since it) drops them."""
        if not self._pending:
            return
        word = statement.lstrip()[:8].upper()
        if word.startswith("ROLLBACK"):
            self._pending.discard()
        elif word.startswith(("COMMIT", "END", "SAVEPOIN")) or self._pending.named_by(statement):
            self.total_changes += self._pending.flush(self._conn)

    def _count(self, statement: str, rowcount: int) -> None:
        if rowcount > 0 and statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.total_changes += rowcount

    def prepare_schema(self) -> None:
        """Create the functions the translated statements call (``julianday``…); run by
        ``migrations.apply_migrations`` in its first transaction."""
        for statement in PG_PRELUDE:
            self._conn.execute(statement)

    def close(self) -> None:
        self._conn.close()

    def __del__(self) -> None:
        """A store left open (a server's, until its process ends) closes like a SQLite one:
        quietly, where psycopg would warn about an unclosed connection."""
        conn = getattr(self, "_conn", None)
        if conn is not None and not conn.closed:
            conn.close()
