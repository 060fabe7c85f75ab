"""Batched inserts written by COPY on PostgreSQL (``store.pg_copy``): the same store as row by row.

A throw-away PostgreSQL server (``conftest.py``); the cross-document corpus annotated once by the
real model and stored three ways: SQLite, PostgreSQL with COPY, PostgreSQL row by row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.errors import StoreError
from chronique.ingest import annotate_texts
from chronique.model import Annotations
from chronique.readers.sources import read_paths
from chronique.store import Store, postgres
from chronique.store.pg_copy import COPIED_TABLES, held_insert
from chronique.store.postgres import PgConnection

runner = CliRunner()
CROSS_DOC = Path(__file__).resolve().parent.parent / "data" / "cross_doc"


def _table(conn: PgConnection) -> None:
    """A table named as one whose inserts are held (``COPIED_TABLES``), with an identity id."""
    conn.execute("CREATE TABLE quotes (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, start INTEGER NOT NULL,"
                 " UNIQUE (doc, start))")


def test_plain_inserts_are_held_and_others_are_not():
    assert held_insert('INSERT INTO mentions (doc_id, entity_id, start, "end") VALUES (?, ?, ?, ?)') is not None
    ignoring = held_insert('INSERT OR IGNORE INTO sentences (doc_id, start, "end") VALUES (?, ?, ?)')
    assert ignoring is not None and ignoring.ignore and ignoring.columns == ("doc_id", "start", '"end"')
    assert held_insert("INSERT INTO t (a, b) VALUES (?, lower(?))") is None
    assert held_insert("INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING") is None
    assert held_insert("UPDATE t SET a = ? WHERE b = ?") is None
    assert "quotes" in COPIED_TABLES and "mentions" not in COPIED_TABLES


def test_held_rows_are_seen_by_the_next_statement_naming_their_table_in_insertion_order(pg_url):
    conn = PgConnection(pg_url)
    _table(conn)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO quotes (doc, start) VALUES (?, ?)", [("b", 2), ("a", 1), ("c", 3)])
    assert conn.execute("SELECT 1").fetchone() == (1,)  # not naming the table: still held
    assert conn.execute("SELECT id, doc FROM quotes ORDER BY id").fetchall() == [(1, "b"), (2, "a"), (3, "c")]
    conn.executemany("INSERT INTO quotes (doc, start) VALUES (?, ?)", [("d", 4)])
    assert conn.execute("UPDATE quotes SET start = start + 10 WHERE doc = 'd'").rowcount == 1
    conn.execute("COMMIT")
    assert conn.total_changes == 5
    conn.close()


def test_insert_or_ignore_keeps_the_first_of_two_conflicting_rows_as_row_by_row(pg_url):
    conn = PgConnection(pg_url)
    conn.execute("CREATE TABLE sentences (doc TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,"
                 " PRIMARY KEY (doc, start))")
    conn.execute("INSERT INTO sentences (doc, start, \"end\") VALUES ('x', 0, 5)")
    conn.execute("BEGIN")
    conn.executemany('INSERT OR IGNORE INTO sentences (doc, start, "end") VALUES (?, ?, ?)',
                     [("x", 0, 99), ("x", 6, 10), ("x", 6, 12), ("y", 0, 3)])
    conn.execute("COMMIT")
    assert conn.execute('SELECT doc, start, "end" FROM sentences ORDER BY doc, start').fetchall() == [
        ("x", 0, 5), ("x", 6, 10), ("y", 0, 3)]
    conn.close()


def test_rollback_drops_held_rows_and_a_failing_copy_fails_the_commit(pg_url):
    conn = PgConnection(pg_url)
    _table(conn)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO quotes (doc, start) VALUES (?, ?)", [("a", 1)])
    conn.execute("ROLLBACK")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO quotes (doc, start) VALUES (?, ?)", [("a", 1), ("a", 1)])
    with pytest.raises(StoreError, match="quotes_doc_start_key"):
        conn.execute("COMMIT")
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT COUNT(*) FROM quotes").fetchone() == (0,)
    conn.close()


def _exported(db: str, out: Path) -> str:
    result = runner.invoke(app, ["export", "--format", "annotations", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _store(location: str, annotated: list[Annotations]) -> list[tuple[int, str, int]]:
    with Store(location) as store:
        for start in range(0, len(annotated), 2):  # chunks of two, as an ingest with --batch-size 2
            store.save(annotated[start:start + 2])
        return store._conn.execute("SELECT id, doc_id, start FROM quotes ORDER BY id").fetchall()


@pytest.mark.slow
def test_a_corpus_stored_with_copy_is_the_corpus_stored_row_by_row_and_into_sqlite(pg_server, tmp_path, monkeypatch):
    annotated = [a for a in annotate_texts(read_paths([CROSS_DOC])) if isinstance(a, Annotations)]
    assert len(annotated) == 6
    copied_url, rows_url = pg_server.create("copy_on"), pg_server.create("copy_off")
    sqlite_db = str(tmp_path / "single.db")

    copied_quotes = _store(copied_url, annotated)
    monkeypatch.setattr(postgres, "COPY_INSERTS", False)
    row_quotes = _store(rows_url, annotated)
    sqlite_quotes = _store(sqlite_db, annotated)

    assert copied_quotes and copied_quotes == row_quotes == [tuple(row) for row in sqlite_quotes]
    exported = _exported(copied_url, tmp_path / "copy.jsonl")
    assert exported == _exported(rows_url, tmp_path / "rows.jsonl") == _exported(sqlite_db, tmp_path / "sqlite.jsonl")
    assert len(exported.splitlines()) == 6
