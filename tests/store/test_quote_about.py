"""What each quote is about (``quote_about``) and the documents per day (``document_days``),
migration m008: always equal to a recount over the quotes, mentions, sentences and documents,
after ingest, surname absorption, merges and splits, and when the migration fills an older store
(with ``pair_events`` and the month graph's links, whose recount after every write is in
``test_aggregates``)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.model import Annotations, Document, Entity, Quote
from chronique.store import Store, graph_months
from chronique.store.aggregates import recount_days, recount_pair_events, stored_days, stored_pair_events
from chronique.store.quote_about import QUOTE_ABOUT_ROWS
from tests.builders import sql
from tests.identity.test_cross_document import CFO, MAYOR, articles, stored


def about_rows(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """(stored rows, recounted rows), each sorted."""
    with closing(sqlite3.connect(store.path)) as conn:
        kept = sorted(conn.execute("SELECT entity_id, quote_id, speaker FROM quote_about"))
        recounted = sorted(conn.execute(QUOTE_ABOUT_ROWS.format(where="1 = 1")))
    return kept, recounted


def assert_in_step(store: Store) -> None:
    kept, recounted = about_rows(store)
    assert kept == recounted
    with closing(sqlite3.connect(store.path)) as conn:
        assert stored_days(conn) == recount_days(conn)


def quoted(doc_id: str, day: date | None, named: str = "Kelvia") -> Annotations:
    """``named`` in the sentence of a quote by Marc Dupont, about Léa Rivière (the speech verb's
    object); the speaker also names himself."""
    text = f"Marc Dupont a dit à Léa Rivière : « Ça ira bien », selon {named} et Marc Dupont. Fin de {doc_id}."

    def spans(words: str) -> tuple[tuple[int, int], ...]:
        return tuple((start, start + len(words)) for start in range(len(text)) if text.startswith(words, start))

    kind = "PERSON" if named.startswith("Marc") else "ORG"
    entities = [Entity("d", "Marc Dupont", "PERSON", None, ("Marc Dupont",), spans("Marc Dupont")),
                Entity("l", "Léa Rivière", "PERSON", None, ("Léa Rivière",), spans("Léa Rivière")),
                Entity("k", named, kind, None, (named,), spans(named))]
    start = text.index("Ça ira bien")
    quote = Quote(start, start + len("Ça ira bien"), "Ça ira bien", "d", "a dit", "l")
    document = Document(doc_id, text, day, "fr", origin=f"{doc_id}.txt")
    end = text.index("Fin")
    return Annotations(document, entities, [], [], [quote], [], [], sentences=[(0, end), (end, len(text))])


def undo_m011(conn: sqlite3.Connection) -> None:
    """The store as chronique before m011 left it: the month graph's actor rows stored."""
    conn.execute("CREATE TABLE graph_actors (month TEXT NOT NULL, entity_id TEXT NOT NULL, event_id TEXT NOT NULL,"
                 " PRIMARY KEY (month, entity_id, event_id)) WITHOUT ROWID")
    conn.executemany("INSERT INTO graph_actors (month, entity_id, event_id) VALUES (?, ?, ?)",
                     sorted(graph_months.listed_actors(conn)))
    conn.execute("DELETE FROM schema_migrations WHERE name = 'm011_no_month_actor_rows'")


def undo_m010(conn: sqlite3.Connection) -> None:
    """The store as chronique before m010 left it (``conn`` in autocommit)."""
    undo_m011(conn)
    conn.execute("DROP INDEX quotes_by_speaker_date")
    conn.execute("ALTER TABLE quotes DROP COLUMN date")
    conn.execute("CREATE TABLE old_links (month TEXT NOT NULL, entity_id TEXT NOT NULL, other_id TEXT NOT NULL,"
                 " event_id TEXT NOT NULL, PRIMARY KEY (month, entity_id, other_id, event_id)) WITHOUT ROWID")
    conn.execute("INSERT INTO old_links SELECT month, entity_id, other_id, event_id FROM graph_links")
    conn.execute("DROP TABLE graph_links")
    conn.execute("ALTER TABLE old_links RENAME TO graph_links")
    conn.execute("DROP TABLE graph_pair_months")
    conn.execute("DROP TABLE graph_actor_months")
    conn.execute("DROP TABLE actor_events")
    conn.execute("DELETE FROM schema_migrations WHERE name = 'm010_quote_dates_and_month_totals'")


def test_a_quote_is_about_its_object_and_whoever_its_sentence_names_but_its_speaker(tmp_path: Path) -> None:
    with Store(tmp_path / "q.db") as store:
        store.save([quoted("q1", date(2025, 5, 2))])
        assert_in_step(store)
        names = dict(sql(store, "SELECT id, name FROM entities"))
        about = sorted(names[entity_id] for (entity_id,) in sql(store, "SELECT entity_id FROM quote_about"))
        assert about == ["Kelvia", "Léa Rivière"]
        dupont = store.find_entity("Marc Dupont")
        kelvia = store.find_entity("Kelvia")
        assert dupont is not None and kelvia is not None
        chronicle = Chronicle(store)
        assert [q.text for q in chronicle.quotes(by=dupont, about=kelvia)] == ["Ça ira bien"]
        assert chronicle.quotes(by=kelvia, about=dupont) == []
        assert chronicle.quotes(about=dupont) == []


def test_documents_per_day_follow_ingest(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        store.save([quoted("a", date(2025, 5, 2)), quoted("b", None)])
        store.save([quoted("c", date(2025, 5, 2)), quoted("a", date(2025, 5, 2))])  # 'a' again: a duplicate
        assert_in_step(store)
        assert sorted(sql(store, "SELECT day, documents FROM document_days")) == [("", 1), ("2025-05-02", 2)]


def test_ingest_absorption_merge_and_split_keep_the_rows_in_step(tmp_path: Path) -> None:
    with stored(articles(), tmp_path / "a.db") as store:
        assert_in_step(store)
        report = store.merge_entities(CFO, MAYOR)
        assert_in_step(store)
        store.split_entity(CFO, documents=report.undo[1::2])
        assert_in_step(store)
    with Store(tmp_path / "z.db") as store:
        # Marc Dupond named beside what Marc Dupont said: the quote is about Dupond, until the
        # two are found to be one man, who is not "about" his own words; and again once split.
        store.save([quoted("z", date(2025, 3, 22), named="Marc Dupond")])
        dupont, dupond = (sql(store, "SELECT entity_id FROM mentions WHERE start = ?", (start,))[0][0] for start in (0, 57))
        assert sorted(sql(store, "SELECT entity_id, speaker FROM quote_about WHERE entity_id = ?", (dupond,))) == [
            (dupond, dupont)]
        report = store.merge_entities(dupont, dupond)
        assert_in_step(store)
        assert sql(store, "SELECT COUNT(*) FROM quote_about WHERE entity_id IN (?, ?)", (dupont, dupond)) == [(0,)]
        option, values = report.undo[0], list(report.undo[1::2])
        store.split_entity(dupont, **({"documents": values} if option == "--doc" else {"aliases": values}))
        assert_in_step(store)
        assert sql(store, "SELECT COUNT(*) FROM quote_about WHERE entity_id = ?", (dupond,)) == [(1,)]


def test_the_migration_fills_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with stored(articles(), path) as store:
        store.save([quoted("q1", date(2025, 5, 2)), quoted("q2", None)])
        before = about_rows(store)[0]
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:  # as chronique before m008 left it
        undo_m010(conn)
        conn.execute("DROP TABLE quote_about")
        conn.execute("DROP TABLE document_days")
        for table in ("pair_events", "graph_links", "graph_actors"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM schema_migrations WHERE name = 'm008_quote_about_and_days'")
    with Store(path) as store:
        assert store.applied_migrations == ["m008_quote_about_and_days", "m010_quote_dates_and_month_totals",
                                            "m011_no_month_actor_rows"]
        assert_in_step(store)
        assert about_rows(store)[0] == before and len(before) > 2
        assert sql(store, "SELECT day, documents FROM document_days WHERE day = ''") == [("", 1)]
        with closing(sqlite3.connect(path)) as conn:
            assert stored_pair_events(conn) == recount_pair_events(conn) != set()
            months = graph_months.stored(conn)
            assert months == graph_months.recount(conn) and all(months)
