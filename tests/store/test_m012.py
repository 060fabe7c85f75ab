"""Migration m012 (event identity read from one covering index; each telling's sentence digested):
an m011 store migrates in place, gets the digests the writer gives, and goes on merging reprints
of an undated accusation told before the migration."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from chronique.store import Store
from chronique.store.tellings import (
    _EVENTS_OF_ACTORS,
    _EVENTS_THAT_MAY_FIT,
    _EVENTS_TOLD_IN_SENTENCE,
    sentence_digest,
)
from tests.identity.test_event_merging import article
from tests.store.test_store_opening import schema


def undo_m012(conn: sqlite3.Connection) -> None:
    """The store as chronique before m012 left it (``conn`` in autocommit)."""
    conn.execute("DROP INDEX event_mentions_by_sentence")
    conn.execute("ALTER TABLE event_mentions DROP COLUMN sentence_digest")
    conn.execute("CREATE INDEX events_by_actors_date ON events(actors_key, date_value)")
    conn.execute("DROP INDEX events_identity")
    conn.execute("DELETE FROM schema_migrations WHERE name = 'm012_bounded_event_identity'")


ACCUSATION = "Ce jour-là, Vasseur accuse Ranelma."


def accusations(doc_id: str, before: str) -> list:
    """An article telling one undated accusation, in the same sentence as ACCUSATION."""
    return [article([before, ACCUSATION], [(1, "ACCUSE", "musk", "altman", None)], doc_id=doc_id)]


def digests(path: Path) -> list[tuple[int, str | None]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT id, sentence_digest FROM event_mentions ORDER BY id").fetchall()


def test_an_m011_store_migrates_in_place_with_the_digests_the_writer_gives(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    with Store(new) as store:
        store.save(accusations("a1", "Premier article."))
        store.save([article(["En 2023, Vasseur rachète Ranelma.", "Fin."],
                            [(0, "ACQUIRE", "musk", "altman", "2023")], doc_id="a2")])
    old = Path(shutil.copyfile(new, tmp_path / "old.db"))
    with closing(sqlite3.connect(old, isolation_level=None)) as conn:
        undo_m012(conn)
    with Store(old) as store:
        assert store.applied_migrations == ["m012_bounded_event_identity"]
    assert schema(old) == schema(new)
    assert digests(old) == digests(new)
    assert [digest for _, digest in digests(old)][0] == sentence_digest(ACCUSATION)


def test_a_reprint_told_after_the_migration_joins_the_accusation_told_before(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.save(accusations("a1", "Premier article."))
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        undo_m012(conn)
    with Store(path) as store:
        store.save(accusations("a2", "Une reprise."))  # the same sentence: the same happening
        store.save([article(["Une fois encore, Vasseur accuse Ranelma."],
                            [(0, "ACCUSE", "musk", "altman", None)], doc_id="a3")])  # another one
        told = sorted(len(event.mentions) for event in store.timeline(dated_only=False, include_unexported=True))
    assert told == [1, 2]


def test_the_identity_reads_touch_index_pages_only(tmp_path: Path) -> None:
    """The candidates of a telling come from one covering index range, and the tellings of one
    sentence from one index lookup: never a table row per event of a much-covered pair."""
    with Store(tmp_path / "plans.db") as store:
        store.save(accusations("a1", "Premier article."))
    with closing(sqlite3.connect(tmp_path / "plans.db")) as conn:
        candidates = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {_EVENTS_THAT_MAY_FIT}",
                                                             ("k", "2025", "2025-12-31", "2025-01-01")))
        undated = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {_EVENTS_OF_ACTORS}", ("k",)))
        same_sentence = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {_EVENTS_TOLD_IN_SENTENCE}", ("d",)))
    assert "COVERING INDEX events_identity" in candidates
    assert "COVERING INDEX events_identity" in undated
    assert "event_mentions_by_sentence" in same_sentence
