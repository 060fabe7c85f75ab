"""Rows of the store's batched inserts held back and written to PostgreSQL by ``COPY``.

The writer stores a document's own facts (timexes, money, quotes, sentences) with
``executemany`` of one ``INSERT … VALUES (?, …)``: on SQLite a loop inside the process; on a
server each row is a message and a statement to run. Inside a write transaction,
:class:`PendingCopies` keeps those rows instead, in the order they came, and
:meth:`PendingCopies.flush` writes them with ``COPY … FROM STDIN``, one stream per table,
before anything could see the difference:

- before any statement that names one of the held tables (``FROM``, ``JOIN``, ``INTO``,
  ``UPDATE``, ``TABLE``): a read sees every row, an ``UPDATE`` of the quotes of an entity merged
  into another finds them, exactly as if each ``INSERT`` had run when it was made;
- before ``COMMIT``; ``ROLLBACK`` drops them.

The rows go in the order they were inserted, so identity columns (a quote's id) get the same
numbers. ``INSERT OR IGNORE`` (a sentence stored twice) cannot be a plain ``COPY``, which would
stop at the first conflicting row: its rows are copied into a temporary staging table, then
moved by one ``INSERT … SELECT … ORDER BY … ON CONFLICT DO NOTHING`` (the first of two
conflicting rows wins, as row by row).

A distributed ingest stores a chunk of 100 documents per transaction: unless an entity merge
touches the quotes, the chunk's timexes, money, quotes and sentences are one ``COPY`` each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg

__all__ = ["COPIED_TABLES", "HeldInsert", "PendingCopies", "held_insert"]

_INSERT = re.compile(
    r"\s*INSERT\s+(OR\s+IGNORE\s+)?INTO\s+(\w+)\s*\(([^()]*)\)\s*VALUES\s*\(\s*\?(?:\s*,\s*\?)*\s*\)\s*;?\s*",
    re.IGNORECASE)
_NAMED_TABLE = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(\w+)", re.IGNORECASE)
_STAGE_PREFIX = "chronique_copy_"

#: The tables whose batched inserts are held: a document's own facts, which nothing reads while
#: a chunk of documents is stored, so that a chunk's rows of each are one ``COPY``. (Mentions and
#: event actors are read again as each document's entities and events are stored: held, they
#: would be written a few rows at a time, slower than the rows themselves.)
COPIED_TABLES = frozenset({"timexes", "money", "quotes", "sentences"})


@dataclass(frozen=True)
class HeldInsert:
    """What a plain ``INSERT [OR IGNORE] INTO table (columns) VALUES (?, …)`` inserts."""

    table: str
    columns: tuple[str, ...]
    ignore: bool


def held_insert(sql: str) -> HeldInsert | None:
    """The insert ``sql`` makes when it is one that can be held for ``COPY``, else ``None``."""
    match = _INSERT.fullmatch(sql)
    if match is None:
        return None
    columns = tuple(column.strip() for column in match.group(3).split(","))
    if len(columns) != match.group(0).count("?"):
        return None
    return HeldInsert(match.group(2).lower(), columns, bool(match.group(1)))


@dataclass
class _Run:
    insert: HeldInsert
    rows: list[Sequence[Any]] = field(default_factory=list)


class PendingCopies:
    """The rows held in the current transaction: one run per table, rows in insertion order."""

    def __init__(self) -> None:
        self._runs: dict[str, _Run] = {}

    def __bool__(self) -> bool:
        return bool(self._runs)

    def holds(self, insert: HeldInsert) -> bool:
        """Whether rows of ``insert`` may join what is held: its table is one of
        :data:`COPIED_TABLES` and no other insert into that table has rows held (then those
        must be written first, for the order of the table's rows)."""
        run = self._runs.get(insert.table)
        return insert.table in COPIED_TABLES and (run is None or run.insert == insert)

    def hold(self, insert: HeldInsert, rows: Iterable[Sequence[Any]]) -> None:
        self._runs.setdefault(insert.table, _Run(insert)).rows.extend(tuple(row) for row in rows)

    def named_by(self, statement: str) -> bool:
        """Whether ``statement`` reads or writes one of the tables that have rows held."""
        return any(name.lower() in self._runs for name in _NAMED_TABLE.findall(statement))

    def discard(self) -> None:
        self._runs.clear()

    def flush(self, conn: psycopg.Connection[Any]) -> int:
        """Write every held row (in order); the number of rows stored. Nothing is held after."""
        runs, stored = list(self._runs.values()), 0
        self._runs.clear()
        for run in runs:
            if run.rows:
                stored += _copy_ignoring(conn, run) if run.insert.ignore else _copy(conn, run)
        return stored


def _copy(conn: psycopg.Connection[Any], run: _Run) -> int:
    names = ", ".join(run.insert.columns)
    with conn.cursor() as cursor:
        with cursor.copy(f"COPY {run.insert.table} ({names}) FROM STDIN") as copy:
            for row in run.rows:
                copy.write_row(row)
    return len(run.rows)


def _copy_ignoring(conn: psycopg.Connection[Any], run: _Run) -> int:
    table, names = run.insert.table, ", ".join(run.insert.columns)
    stage = f"{_STAGE_PREFIX}{table}"
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage} AS"
                       f" SELECT 0::bigint AS copy_order, {names} FROM {table} WITH NO DATA")
        with cursor.copy(f"COPY {stage} (copy_order, {names}) FROM STDIN") as copy:
            for order, row in enumerate(run.rows):
                copy.write_row((order, *row))
        cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage}"
                       " ORDER BY copy_order ON CONFLICT DO NOTHING")
        stored = max(cursor.rowcount, 0)
        cursor.execute(f"DELETE FROM {stage}")
    return stored
