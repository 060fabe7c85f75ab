"""Running aggregates (``store.aggregates``, ``store.quote_pairs``): always equal to a recount over
the base tables, after ingest, a duplicate saved again, surname absorption, merges, splits and the
migrations that create them."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.model import Annotations, Document, Entity, Quote
from chronique.store import Store, actor_events, graph_months, month_mentions, quote_pairs
from chronique.store.aggregates import recount, recount_pair_events, stored_pair_events, stored_totals
from chronique.store.migrations import MIGRATIONS, apply_migrations
from tests.builders import sql
from tests.identity.test_cross_document import CFO, MAYOR, annotate, articles, stored
from tests.store.test_entity_admin import DUPOND, DUPONT, dupont_articles


def assert_in_step(store: Store) -> None:
    with closing(sqlite3.connect(store.path)) as conn:
        assert stored_totals(conn) == recount(conn)
        assert stored_pair_events(conn) == recount_pair_events(conn)
        assert graph_months.stored(conn) == graph_months.recount(conn)
        assert actor_events.stored(conn) == actor_events.recount(conn)
        assert quote_pairs.stored(conn) == quote_pairs.recount(conn)
        assert month_mentions.stored(conn) == month_mentions.recount(conn)


def kelvia_id(store: Store) -> str:
    row = store.find_entity("Kelvia")
    assert row is not None
    return row.id


def test_ingest_keeps_the_totals_a_recount_gives(tmp_path: Path) -> None:
    with stored(articles(), tmp_path / "a.db") as store:
        assert_in_step(store)
        nexaria = store.find_entity("Nexaria")
        assert nexaria is not None
        mentions = sql(store, "SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM mentions WHERE entity_id = ?",
                       (nexaria.id,))[0]
        assert (nexaria.mention_count, nexaria.document_count) == mentions
        assert nexaria.document_count >= 2


def test_pair_totals_follow_a_merge_and_its_undoing(tmp_path: Path) -> None:
    with stored(dupont_articles(), tmp_path / "d.db") as store:
        kelvia = kelvia_id(store)
        pairs = dict(((a, b), n) for a, b, n in sql(store, "SELECT entity_id, other_id, events FROM pair_stats"))
        assert pairs == {(DUPONT, kelvia): 1, (kelvia, DUPONT): 1, (DUPOND, kelvia): 1, (kelvia, DUPOND): 1}
        assert sql(store, "SELECT events FROM entity_stats WHERE entity_id = ?", (kelvia,)) == [(2,)]
        store.merge_entities(DUPONT, DUPOND)
        assert_in_step(store)
        # The two tellings are now one takeover: one shared event, Dupond's totals gone.
        assert sorted(sql(store, "SELECT entity_id, other_id, events FROM pair_stats")) == sorted(
            [(DUPONT, kelvia, 1), (kelvia, DUPONT, 1)])
        assert sql(store, "SELECT mentions, documents, events FROM entity_stats WHERE entity_id = ?",
                   (DUPONT,)) == [(2, 2, 1)]
        assert sql(store, "SELECT COUNT(*) FROM entity_stats WHERE entity_id = ?", (DUPOND,)) == [(0,)]
        # Its chart: the one takeover in March 2025 (the merged event keeps the precise date).
        assert sql(store, "SELECT first_day, last_day, precision, events FROM actor_periods WHERE entity_id = ?",
                   (DUPONT,)) == [("2025-03-01", "2025-03-31", "month", 1)]
        store.split_entity(DUPONT, documents=["y"])
        assert_in_step(store)
        assert sql(store, "SELECT events FROM pair_stats WHERE entity_id = ? AND other_id = ?",
                   (DUPOND, kelvia)) == [(1,)]


def test_merge_and_split_of_people_keep_totals_in_step(tmp_path: Path) -> None:
    with stored(articles(), tmp_path / "c.db") as store:
        report = store.merge_entities(CFO, MAYOR)
        assert_in_step(store)
        store.split_entity(CFO, documents=report.undo[1::2])
        assert_in_step(store)


def test_the_migration_fills_the_totals_of_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, MIGRATIONS[:5])
    conn.close()
    with Store(path) as store:  # migrates (m006 fills from nothing) and then keeps them
        for article in articles():
            store.save([annotate(article)])
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:  # as an older chronique left it
        conn.execute("DROP TABLE entity_stats")
        conn.execute("DROP TABLE pair_stats")
        conn.execute("DROP TABLE actor_periods")
        conn.execute("CREATE INDEX mentions_by_entity ON mentions(entity_id)")
        conn.execute("CREATE INDEX event_actors_by_entity ON event_actors(entity_id)")
        conn.execute("DELETE FROM schema_migrations WHERE name = 'm006_running_aggregates'")
    with Store(path) as store:
        assert store.applied_migrations == ["m006_running_aggregates"]
        assert_in_step(store)
        assert sql(store, "SELECT COUNT(*) FROM pair_stats")[0][0] > 0
        assert sql(store, "SELECT COUNT(*) FROM actor_periods")[0][0] > 0


def test_an_actors_chart_from_the_totals_is_the_chart_from_its_events(tmp_path: Path) -> None:
    with stored(articles() + dupont_articles(), tmp_path / "s.db") as store:
        chronicle = Chronicle(store)
        charted = 0
        for row in store.entities():
            for start, end in ((None, None), (date(2025, 3, 1), date(2025, 3, 31)), (date(2026, 1, 1), None)):
                whole = [dataclasses.replace(span, event_ids=()) for span in chronicle.spans(row.id, start=start, end=end)]
                assert chronicle.spans(row.id, start=start, end=end, event_ids=False) == whole
                charted += len(whole)
        assert charted > 0


def said(doc_id: str, speaker: str, about: str) -> Annotations:
    """One quote by ``speaker`` about ``about`` (the speech verb's object), two people (a knowledge-base
    id each, so that every article names the same two)."""
    text = f"{speaker} a dit à {about} : « Tout ira bien ». Fin de {doc_id}."
    entities = [Entity(key, name, "PERSON", name.lower().replace(" ", "-"), (name,),
                       ((text.index(name), text.index(name) + len(name)),))
                for key, name in (("s", speaker), ("a", about))]
    start = text.index("Tout ira bien")
    quote = Quote(start, start + len("Tout ira bien"), "Tout ira bien", "s", "a dit", "a")
    end = text.index("Fin")
    return Annotations(Document(doc_id, text, date(2025, 4, 1), "fr", origin=f"{doc_id}.txt"), entities, [], [],
                       [quote], [], [], sentences=[(0, end), (end, len(text))])


def quote_pairs_of(store: Store) -> list[tuple[str, str, int]]:
    return sorted(sql(store, "SELECT entity_id, other_id, quotes FROM quote_pairs"))


def test_quote_pair_totals_follow_ingest_a_duplicate_a_merge_a_split_and_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    with Store(path) as store:
        store.save([said("p1", "Marc Dupont", "Léa Rivière"), said("p2", "Marc Dupond", "Léa Rivière"),
                    said("p3", "Léa Rivière", "Marc Dupond"), said("p4", "Marc Dupont", "Marc Dupond")])
        dupont, dupond, lea = (store.find_entity(name).id for name in ("Marc Dupont", "Marc Dupond", "Léa Rivière"))
        assert_in_step(store)
        before = quote_pairs_of(store)
        assert before == sorted([(dupont, lea, 1), (lea, dupont, 1), (dupond, lea, 2), (lea, dupond, 2),
                                 (dupont, dupond, 1), (dupond, dupont, 1)])
        assert [outcome.status for outcome in store.save([said("p1", "Marc Dupont", "Léa Rivière")])] == ["duplicate"]
        assert quote_pairs_of(store) == before
        report = store.merge_entities(dupont, dupond, force=True)  # two kb ids
        assert_in_step(store)
        # Dupond's quotes are Dupont's; Dupont about Dupond is now Dupont about himself: no pair.
        assert quote_pairs_of(store) == sorted([(dupont, lea, 3), (lea, dupont, 3)])
        option, values = report.undo[0], list(report.undo[1::2])
        store.split_entity(dupont, **({"documents": values} if option == "--doc" else {"aliases": values}))
        assert_in_step(store)
        assert quote_pairs_of(store) == before  # the undoing gives every quote back
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:  # as chronique before m014 left it
        after_split = sorted(conn.execute("SELECT entity_id, other_id, quotes FROM quote_pairs"))
        conn.execute("DROP TABLE quote_pairs")
        conn.execute("DELETE FROM schema_migrations WHERE name = 'm014_quote_pair_totals'")
    with Store(path) as store:
        assert store.applied_migrations == ["m014_quote_pair_totals"]
        assert quote_pairs_of(store) == after_split
        assert_in_step(store)


def test_the_migration_fills_the_month_mentions_of_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with stored(articles() + dupont_articles(), path) as store:
        before = sorted(sql(store, "SELECT entity_id, month, mentions FROM actor_month_mentions"))
        assert before
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:  # as chronique before m015 left it
        conn.execute("DROP TABLE actor_month_mentions")
        conn.execute("DELETE FROM schema_migrations WHERE name = 'm015_actor_month_mentions'")
    with Store(path) as store:
        assert store.applied_migrations == ["m015_actor_month_mentions"]
        assert sorted(sql(store, "SELECT entity_id, month, mentions FROM actor_month_mentions")) == before
        assert_in_step(store)
