"""Migration m013 (an actor's running totals keyed WITHOUT ROWID): an m012 store migrates in place,
keeps every total, answers as a new one, and its totals stay in step with a recount as ingest
goes on."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.store import Store, aggregates
from tests.identity.test_event_merging import article
from tests.store.test_store_opening import schema
from tests.web.test_web_fixtures import build_hand_store


def undo_m013(conn: sqlite3.Connection) -> None:
    """The store as chronique before m013 left it: the totals in rowid tables (``conn`` in autocommit)."""
    conn.execute("""CREATE TABLE pair_stats_old (
        entity_id TEXT NOT NULL, other_id TEXT NOT NULL, events INTEGER NOT NULL,
        positive REAL NOT NULL, negative REAL NOT NULL, PRIMARY KEY (entity_id, other_id))""")
    conn.execute("INSERT INTO pair_stats_old SELECT * FROM pair_stats")
    conn.execute("DROP TABLE pair_stats")
    conn.execute("ALTER TABLE pair_stats_old RENAME TO pair_stats")
    conn.execute("""CREATE TABLE actor_periods_old (
        entity_id TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL, precision TEXT NOT NULL,
        events INTEGER NOT NULL, positive REAL NOT NULL, negative REAL NOT NULL,
        PRIMARY KEY (entity_id, first_day, last_day))""")
    conn.execute("INSERT INTO actor_periods_old SELECT * FROM actor_periods")
    conn.execute("DROP TABLE actor_periods")
    conn.execute("ALTER TABLE actor_periods_old RENAME TO actor_periods")
    conn.execute("DELETE FROM schema_migrations WHERE name = 'm013_clustered_actor_totals'")


def totals(path: Path) -> aggregates.Totals:
    with closing(sqlite3.connect(path)) as conn:
        return aggregates.stored_totals(conn)


def without_rowid(path: Path, table: str) -> bool:
    with closing(sqlite3.connect(path)) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    return "WITHOUT ROWID" in sql


def test_an_m012_store_migrates_in_place_and_answers_as_a_new_one(tmp_path: Path) -> None:
    new = build_hand_store(tmp_path / "new.db")
    old = Path(shutil.copyfile(new, tmp_path / "old.db"))
    with closing(sqlite3.connect(old, isolation_level=None)) as conn:
        undo_m013(conn)
    assert not without_rowid(old, "pair_stats") and not without_rowid(old, "actor_periods")
    before = totals(old)
    assert before[1] and before[2]  # pairs and chart periods to carry over
    with Store(old) as store:
        assert store.applied_migrations == ["m013_clustered_actor_totals"]
    assert schema(old) == schema(new)
    assert without_rowid(old, "pair_stats") and without_rowid(old, "actor_periods")
    assert totals(old) == before == totals(new)
    with Store(old, read_only=True) as migrated, Store(new, read_only=True) as fresh:
        for actor in ("Elon Musk", "OpenAI"):
            old_chronicle, new_chronicle = Chronicle(migrated), Chronicle(fresh)
            assert (old_chronicle.profile(old_chronicle.find_actor(actor), counterparts=5)
                    == new_chronicle.profile(new_chronicle.find_actor(actor), counterparts=5))
            assert (old_chronicle.spans(old_chronicle.find_actor(actor), event_ids=False)
                    == new_chronicle.spans(new_chronicle.find_actor(actor), event_ids=False))


def test_the_totals_of_a_migrated_store_stay_in_step_as_ingest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.save([article(["En 2023, Vasseur accuse Ranelma."], [(0, "ACCUSE", "musk", "altman", "2023")])])
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        undo_m013(conn)
    with Store(path) as store:  # migrates, then updates the moved totals
        store.save([article(["En mai 2024, Vasseur accuse Ranelma.", "En 2024, Vasseur salue OpenAI."],
                            [(0, "ACCUSE", "musk", "altman", "2024-05"), (1, "PRAISE", "musk", "openai", "2024")])])
    with closing(sqlite3.connect(path)) as conn:
        stored, counted = aggregates.stored_totals(conn), aggregates.recount(conn)
    assert stored == counted
    assert len(stored[1]) == 4 and len(stored[2]) >= 4  # both ways round, two pairs; periods of three actors
