"""Migration m009 (``event_actors`` as one B-tree keyed by event, one covering index of the
events by id): an existing store migrates in place and answers exactly as a new one."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from typer.testing import CliRunner

from chronique.cli import app as cli_app
from chronique.store import Store, graph_months
from chronique.store.migrations import MIGRATIONS, apply_migrations
from tests.builders import sql
from tests.store.test_store_opening import schema
from tests.web.test_web_fixtures import MUSK, OPENAI, build_hand_store

runner = CliRunner()

#: Filled by triggers (the search index) or by SQLite itself: not copied row by row.
_NOT_COPIED = ("documents_fts", "quotes_fts", "schema_migrations", "sqlite_")


def as_m008(current: Path, path: Path) -> Path:
    """The rows of ``current`` in a database built by the migrations up to m008, as an older
    chronique left it: ``event_actors`` a rowid table with two indexes on its key."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        apply_migrations(conn, MIGRATIONS[:8])
        conn.execute("ATTACH DATABASE ? AS current", (str(current),))
        tables = [name for (name,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
                  if not name.startswith(_NOT_COPIED)]
        conn.execute("BEGIN")
        for table in tables:
            if table == "graph_actors":  # no longer stored since m011: listed from the events
                with closing(sqlite3.connect(current)) as source:
                    rows = sorted(graph_months.listed_actors(source))
                conn.executemany("INSERT INTO main.graph_actors (month, entity_id, event_id) VALUES (?, ?, ?)", rows)
                continue
            columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f"PRAGMA main.table_info({table})"))
            conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM current.{table}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE current")
    return path


def exported(path: Path, format_: str) -> str:
    result = runner.invoke(cli_app, ["export", "--format", format_, "--db", str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def test_an_m008_store_migrates_in_place_and_answers_as_a_new_one(tmp_path: Path) -> None:
    new = build_hand_store(tmp_path / "new.db")
    old = as_m008(new, tmp_path / "old.db")
    with closing(sqlite3.connect(old)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM event_actors").fetchone()[0] > 3
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'event_actors_by_event'").fetchone()
    with Store(old) as store:
        assert store.applied_migrations == ["m009_fewer_random_trees", "m010_quote_dates_and_month_totals",
                                            "m011_no_month_actor_rows", "m012_bounded_event_identity",
                                           "m013_clustered_actor_totals", "m014_quote_pair_totals",
                                           "m015_actor_month_mentions"]
        actors = sql(store, "SELECT event_id, role, position, entity_id FROM event_actors ORDER BY 1, 2, 3")
    with Store(new) as store:
        assert sql(store, "SELECT event_id, role, position, entity_id FROM event_actors ORDER BY 1, 2, 3") == actors
        assert {MUSK, OPENAI} <= {row[3] for row in actors}
    assert schema(old) == schema(new)
    with closing(sqlite3.connect(old)) as conn:
        names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        assert {"event_actors_by_event", "events_graph_facts", "sqlite_autoindex_event_actors_1"} & names == set()
        assert conn.execute("SELECT sql FROM sqlite_master WHERE name = 'event_actors'").fetchone()[0].endswith(
            "WITHOUT ROWID")
    for format_ in ("annotations", "gdelt", "plover", "graphml"):
        assert exported(old, format_) == exported(new, format_) != ""
    folders = [tmp_path / f"tables-{path.stem}" for path in (old, new)]
    for path, folder in zip((old, new), folders, strict=True):
        assert runner.invoke(cli_app, ["export", "--format", "csv", "--db", str(path), "-o", str(folder)]).exit_code == 0
    files = sorted(file.name for file in folders[1].iterdir())
    assert "event_actors.csv" in files and sorted(file.name for file in folders[0].iterdir()) == files
    assert all((folders[0] / name).read_bytes() == (folders[1] / name).read_bytes() for name in files)
    for command in (["timeline", "Elon Musk"], ["graph", "--json"], ["pair", "Elon Musk", "OpenAI", "--json"]):
        answers = [runner.invoke(cli_app, [*command, "--db", str(path)]) for path in (old, new)]
        assert answers[0].exit_code == answers[1].exit_code == 0, answers[0].output
        assert answers[0].output == answers[1].output


def test_the_planner_statistics_of_a_store_that_had_them_are_gathered_again(tmp_path: Path) -> None:
    new = build_hand_store(tmp_path / "new.db")
    analysed, plain = as_m008(new, tmp_path / "analysed.db"), as_m008(new, tmp_path / "plain.db")
    with closing(sqlite3.connect(analysed)) as conn:
        conn.execute("ANALYZE")
    for path in (analysed, plain):
        with Store(path):
            pass
    with closing(sqlite3.connect(analysed)) as conn:
        assert {row[0] for row in conn.execute("SELECT idx FROM sqlite_stat1 WHERE tbl IN ('event_actors', 'events')")} >= {
            "event_actors", "event_actors_by_entity_event", "events_facts", "sqlite_autoindex_events_1"}
    with closing(sqlite3.connect(plain)) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() is None
