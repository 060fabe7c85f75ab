"""Opening a store: readers never wait for a writer, only writers migrate, and migrations are
frozen (an old database migrated today gets exactly the schema of a new one)."""

from __future__ import annotations

import ast
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli import app as cli_app
from chronique.errors import OutdatedSchemaError, StoreError
from chronique.store import Store, migrations
from chronique.store.migrations import MIGRATIONS, apply_migrations
from chronique.store.quote_reads import said_key
from tests.builders import sql
from tests.web.test_web_fixtures import ALTMAN, MUSK, OPENAI, build_hand_store, make_app, request

runner = CliRunner()


def schema(path: Path) -> list[tuple[str, str, str]]:
    """Every table, index and trigger of a database file with its SQL, in a fixed order."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()


def database_at(path: Path, applied: int) -> Path:
    """A database built as an older chronique left it: only the first ``applied`` migrations."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        apply_migrations(conn, MIGRATIONS[:applied])
    return path


# -- frozen migrations ------------------------------------------------------------------------------


@pytest.mark.parametrize("applied", range(1, len(MIGRATIONS)))
def test_an_older_database_migrated_gets_the_schema_of_a_new_one(tmp_path: Path, applied: int) -> None:
    old = database_at(tmp_path / "old.db", applied)
    with Store(old) as store:
        assert store.applied_migrations == [m.__name__ for m in MIGRATIONS[applied:]]
    with Store(tmp_path / "new.db"):
        pass
    assert schema(old) == schema(tmp_path / "new.db")
    assert len(schema(old)) > 40  # the tables, indexes and triggers were compared, not two empty lists


def test_migrations_import_no_live_chronique_code() -> None:
    """Each migration carries its own copy of what it computes: importing, say, the live
    identity rules would let a later change alter what an old migration does."""
    def imports(path: Path) -> set[str]:
        tree = ast.parse(path.read_text("utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        return {name for name in imported if name and name.startswith("chronique")}

    # Later migrations live in their own modules (migrations_m008, …), under the same rule.
    frozen = {f"chronique.store.{path.stem}" for path in Path(migrations.__file__).parent.glob("migrations_m*.py")}
    assert frozen and imports(Path(migrations.__file__)) == {"chronique.errors"} | frozen
    for path in Path(migrations.__file__).parent.glob("migrations_m*.py"):
        assert imports(path) <= {"chronique.errors"}


def test_the_frozen_identity_keys_of_m003(tmp_path: Path) -> None:
    """m003 keys names as it did when it shipped: honorifics and legal forms dropped, a leading
    article and curly apostrophes normalised, a name made only of a decoration kept whole."""
    old = database_at(tmp_path / "old.db", 2)
    with closing(sqlite3.connect(old, isolation_level=None)) as conn:
        conn.executemany(
            "INSERT INTO entities (id, name, type, norm_name) VALUES (?, ?, ?, '')",
            [("p", "Mme Claire  Vasseur", "PERSON"), ("o", "Nexaria, SAS", "ORG"), ("l", "L\u2019Élysée", "ORG"),
             ("m", "Madame", "PERSON"), ("x", "Sir Elton", "ORG")])
        conn.execute("INSERT INTO aliases (entity_id, alias, norm) VALUES ('p', 'Dr Vasseur', '')")
    with Store(old) as store:
        assert "m003_entity_identity" in store.applied_migrations
    assert sorted(sql(store, "SELECT id, key_name, surname FROM entities")) == [
        ("l", "élysée", None), ("m", "madame", None), ("o", "nexaria", None),
        ("p", "claire vasseur", "vasseur"), ("x", "sir elton", None),
    ]
    assert sql(store, "SELECT key_norm FROM aliases") == [("vasseur",)]


def test_m007_keys_the_quotes_of_an_older_store_as_new_ones_are_keyed(tmp_path: Path) -> None:
    """The words of each quote folded by m007's frozen copy equal what ingest stores today
    (``quote_reads.said_key``): case, curly apostrophes, spacing and edge punctuation ignored."""
    old = database_at(tmp_path / "old.db", 6)
    words = ["« Il a peur de nous. »", "il  a PEUR de nous", "L\u2019accord est signé !", "Straße"]
    with closing(sqlite3.connect(old, isolation_level=None)) as conn:
        conn.execute("INSERT INTO documents (id, content_hash, text, date, ingested_at) VALUES ('d', 'h', 'x', '2025-01-01', '')")
        conn.executemany("INSERT INTO quotes (doc_id, start, \"end\", text) VALUES ('d', ?, ?, ?)",
                         [(index, index + 1, text) for index, text in enumerate(words)])
    with Store(old) as store:
        assert store.applied_migrations == ["m007_quote_keys", "m008_quote_about_and_days",
                                           "m009_fewer_random_trees", "m010_quote_dates_and_month_totals",
                                           "m011_no_month_actor_rows", "m012_bounded_event_identity",
                                           "m013_clustered_actor_totals", "m014_quote_pair_totals",
                                           "m015_actor_month_mentions"]
    assert sql(store, "SELECT said_key FROM quotes ORDER BY start") == [
        ("il a peur de nous",), ("il a peur de nous",), ("l'accord est signé",), ("strasse",)]
    assert [said_key(text) for text in words] == [row[0] for row in sql(store, "SELECT said_key FROM quotes ORDER BY start")]


# -- readers never migrate ----------------------------------------------------------------------------


def test_a_reader_of_an_older_schema_is_told_to_migrate_and_changes_nothing(tmp_path: Path) -> None:
    old = database_at(tmp_path / "old.db", len(MIGRATIONS) - 1)
    before = schema(old)
    with pytest.raises(OutdatedSchemaError, match=rf"{MIGRATIONS[-1].__name__}.*chronique migrate"):
        Store(old, read_only=True)
    assert schema(old) == before
    result = runner.invoke(cli_app, ["entities", "--db", str(old)])
    assert result.exit_code == 2 and "chronique migrate" in result.output
    migrated = runner.invoke(cli_app, ["migrate", "--db", str(old)])
    assert migrated.exit_code == 0, migrated.output
    assert f"applied 1 migration(s): {MIGRATIONS[-1].__name__}" in migrated.output
    assert runner.invoke(cli_app, ["entities", "--db", str(old)]).exit_code == 0
    assert "nothing to apply" in runner.invoke(cli_app, ["migrate", "--db", str(old)]).output


def test_a_reader_of_an_empty_file_is_told_to_ingest_first(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(OutdatedSchemaError, match="no chronique schema yet"):
        Store(empty, read_only=True)
    assert empty.stat().st_size == 0


def test_a_reader_never_creates_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_database_from_a_newer_chronique_is_refused_by_readers_and_writers(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    Store(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('m999_future', 'later')")
    for read_only in (True, False):
        with pytest.raises(StoreError, match="newer version of chronique.*m999_future"):
            Store(path, read_only=read_only)


def test_a_store_open_for_reading_refuses_to_write(tmp_path: Path) -> None:
    path = build_hand_store(tmp_path / "hand.db")
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="open for reading only"):
        store.log_rejection("x.txt", "a reader must not write")
    assert sql(store, "SELECT COUNT(*) FROM ingest_log WHERE origin = 'x.txt'") == [(0,)]


# -- readers never wait for a writer ------------------------------------------------------------------


@contextmanager
def write_transaction_held(path: Path) -> Iterator[None]:
    """Another connection, in another thread, holds the write lock with an uncommitted insert
    for as long as the block runs, then rolls back."""
    holding, done, failure = threading.Event(), threading.Event(), []

    def writer() -> None:
        try:
            with closing(sqlite3.connect(path, isolation_level=None, check_same_thread=False)) as conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO entities (id, name, type, norm_name) VALUES"
                             " ('uncommitted', 'Uncommitted Person', 'PERSON', 'uncommitted person')")
                holding.set()
                done.wait(timeout=120)
                conn.execute("ROLLBACK")
        except BaseException as error:  # pragma: no cover - shown by the assertion below
            failure.append(error)
            holding.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(timeout=30) and not failure, failure
        yield
    finally:
        done.set()
        thread.join(timeout=30)


@pytest.fixture
def hand_db(tmp_path: Path) -> Path:
    return build_hand_store(tmp_path / "hand.db")


def test_a_store_opens_and_reads_while_a_writer_holds_a_transaction(hand_db: Path) -> None:
    with write_transaction_held(hand_db):
        with Store(hand_db, read_only=True) as reader:
            assert [row.id for row in reader.entities()] == [MUSK, OPENAI, ALTMAN]
            assert [e.type for e in reader.timeline([MUSK])] == ["FOUND", "BID", "REJECT"]
        with Store(hand_db) as writer_of_a_current_schema:  # opening takes no lock either
            assert writer_of_a_current_schema.applied_migrations == []
            assert writer_of_a_current_schema.counts()["entities"] == 3


def test_read_commands_answer_while_a_writer_holds_a_transaction(hand_db: Path) -> None:
    with write_transaction_held(hand_db):
        listed = runner.invoke(cli_app, ["entities", "--db", str(hand_db), "--json"])
        timeline = runner.invoke(cli_app, ["timeline", "Elon Musk", "--db", str(hand_db), "--json"])
    assert listed.exit_code == 0, listed.output
    assert "Uncommitted Person" not in listed.output and "Sam Altman" in listed.output
    assert timeline.exit_code == 0, timeline.output
    assert "REJECT" in timeline.output


def test_read_requests_answer_200_while_a_writer_holds_a_transaction(hand_db: Path) -> None:
    web = make_app(hand_db)
    with write_transaction_held(hand_db):
        entities = request(web, "GET", "/api/entities")
        timeline = request(web, "GET", "/api/timeline?actor=Musk")
        page = request(web, "GET", "/actors/elon-musk")
    assert entities.status_code == 200, entities.text
    assert [row["id"] for row in entities.json()] == [MUSK, OPENAI, ALTMAN]
    assert timeline.status_code == 200, timeline.text
    assert [e["type"] for e in timeline.json()] == ["FOUND", "BID", "REJECT"]
    assert page.status_code == 200, page.text
