"""A writer lets the write-ahead log grow over several saves (fewer checkpoints, each page copied
back once), and folds it back when asked, as an ingest run does when it ends: the database file
alone then holds every stored document."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from chronique.store import Store
from tests.web.test_web_fixtures import bid_article, founding_article, hostile_article


def documents_in_file_alone(path: Path, tmp_path: Path) -> int:
    """The documents a copy of the database file holds without its WAL."""
    copy = Path(shutil.copyfile(path, tmp_path / "copy.db"))
    with closing(sqlite3.connect(copy)) as conn:
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


def test_saves_stay_in_the_log_until_the_run_checkpoints(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.checkpoint()  # the schema, written by the migrations, into the file
        for annotations in (founding_article(), bid_article(), hostile_article()):
            store.save([annotations])
        with Store(path, read_only=True) as reader:  # a reader sees every committed save meanwhile
            assert reader.counts()["documents"] == 3
        assert documents_in_file_alone(path, tmp_path) == 0
        store.checkpoint()
        assert documents_in_file_alone(path, tmp_path) == 3


def test_a_checkpoint_in_memory_or_for_reading_does_nothing(tmp_path: Path) -> None:
    with Store() as store:
        store.save([founding_article()])
        store.checkpoint()
        assert store.counts()["documents"] == 1
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.save([founding_article()])
    with Store(path, read_only=True) as reader:
        reader.checkpoint()
        assert reader.counts()["documents"] == 1
