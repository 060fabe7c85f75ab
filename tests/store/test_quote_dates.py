"""Each quote carries its article's date (``quotes.date``, migration m010): always equal to the
document's, after ingest and when the migration fills an older store; a speaker's quotes are
read in reading order from it, and a walk in chunks (``quotes_after``) reads each quote once."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.store import Store, actor_events, graph_months, quote_lists
from tests.builders import sql
from tests.identity.test_cross_document import articles, stored
from tests.store.test_quote_about import quoted, undo_m010

DAYS = [date(2025, 5, 2), None, date(2024, 1, 9), date(2025, 5, 2), None, date(2023, 12, 31)]


def filled(path: Path) -> Store:
    store = Store(path)
    store.save([quoted(f"doc-{number}", day) for number, day in enumerate(DAYS)])
    return store


def out_of_step(store: Store) -> list[tuple[object, ...]]:
    """Quotes whose date is not their document's (none, always)."""
    return sql(store, "SELECT q.id FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.date IS NOT d.date")


def test_a_quote_is_stored_with_its_article_date(tmp_path: Path) -> None:
    with filled(tmp_path / "q.db") as store:
        assert out_of_step(store) == []
        assert sorted(sql(store, "SELECT doc_id, date FROM quotes WHERE doc_id IN ('doc-1', 'doc-2')")) == [
            ("doc-1", None), ("doc-2", "2024-01-09")]


def test_a_speaker_s_quotes_come_in_reading_order_and_in_chunks_without_repeats(tmp_path: Path) -> None:
    with filled(tmp_path / "q.db") as store:
        speaker_row, about_row = store.find_entity("Marc Dupont"), store.find_entity("Léa Rivière")
        assert speaker_row is not None and about_row is not None
        speaker, about = speaker_row.id, about_row.id
        reading = ["doc-1", "doc-4", "doc-5", "doc-2", "doc-0", "doc-3"]  # undated first, then by date and id
        assert [q.doc_id for q in Chronicle(store).quotes(by=speaker)] == reading
        with closing(sqlite3.connect(store.path)) as conn:
            for by, subject in ((speaker, None), (None, about), (speaker, about)):
                for newest_first in (False, True):
                    walked, cursor = [], None
                    while True:
                        rows, cursor = quote_lists.quotes_after(conn, by, subject, limit=2, newest_first=newest_first,
                                                            after=cursor)
                        walked += [row.doc_id for row in rows]
                        if len(rows) < 2:
                            break
                    assert walked == (reading[::-1] if newest_first else reading)
            assert quote_lists.quotes(conn, speaker, newest_first=True, limit=3) == quote_lists.quotes(
                conn, speaker, newest_first=True)[:3]


def test_the_migration_dates_the_quotes_and_totals_the_months_of_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with stored(articles(), path) as store:
        store.save([quoted(f"doc-{number}", day) for number, day in enumerate(DAYS)])
        links = sql(store, "SELECT * FROM graph_links")
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        undo_m010(conn)
    with Store(path) as store:
        assert store.applied_migrations == ["m010_quote_dates_and_month_totals", "m011_no_month_actor_rows"]
        assert out_of_step(store) == []
        assert sql(store, "SELECT COUNT(*) FROM quotes WHERE date IS NOT NULL AND doc_id LIKE 'doc-%'") == [(4,)]
        assert sql(store, "SELECT * FROM graph_links") == links
        with closing(sqlite3.connect(path)) as conn:
            totals = graph_months.stored(conn)
            assert totals == graph_months.recount(conn) and all(totals)
            assert actor_events.stored(conn) == actor_events.recount(conn) != set()
