"""How the PostgreSQL connection sends the store's reads: several at once, key look-ups with one
plan kept per connection, the others planned for their values; and rows kept whole in the table.

Each on a throw-away server (``conftest.py``); what the questions answer is compared with SQLite
in ``test_postgres.py``.
"""

from __future__ import annotations

import json

import pytest

from chronique.errors import StoreError
from chronique.store import Store, text_reads, timeline_reads
from chronique.store.dialect import one_plan, translate
from chronique.store.entity_reads import find_entity, find_entity_id
from chronique.store.postgres import PgConnection

pytestmark = pytest.mark.slow

_NAMES_OF = one_plan("SELECT name FROM entities WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name")

_SHARE = one_plan("SELECT 10 / COUNT(*) FROM entities WHERE name = ?")


def _entities(store: Store, rows: list[tuple[str, str, int]]) -> None:
    """Entities (id, name, mentions in their running total), written as the store's own tables hold them."""
    for entity_id, name, mentions in rows:
        store._conn.execute("INSERT INTO entities (id, name, type, norm_name) VALUES (?, ?, 'PERSON', lower(?))",
                            (entity_id, name, name))
        store._conn.execute("INSERT INTO entity_stats (entity_id, mentions, documents, events) VALUES (?, ?, 1, 0)",
                            (entity_id, mentions))


def test_a_marked_statement_is_translated_as_any_other_and_only_it_is_marked() -> None:
    marked = translate(_NAMES_OF)
    assert marked.statements == ("SELECT name FROM entities WHERE id = ANY(%s) ORDER BY name NULLS FIRST",)
    assert marked.one_plan and marked.json_params == {0}
    assert not translate("SELECT name FROM entities WHERE id IN (SELECT value FROM json_each(?))").one_plan


def test_reads_sent_together_answer_as_one_by_one_and_plans_stay_made_for_the_values(pg_url: str) -> None:
    with Store(pg_url) as store:
        _entities(store, [("p1", "Ada", 3), ("p2", "Bob", 1), ("p3", "Cy", 2)])
        conn = store._conn
        assert isinstance(conn, PgConnection)
        statements = [(_NAMES_OF, (json.dumps(["p3", "p1"]),)), ("SELECT COUNT(*) FROM entities WHERE name > ?", ("B",)),
                      (_NAMES_OF, (json.dumps(["p2"]),))]
        together = conn.rows_together(statements)
        assert together == [conn.execute(sql, params).fetchall() for sql, params in statements]
        assert together == [[("Ada",), ("Cy",)], [(2,)], [("Bob",)]]
        assert conn.execute("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)
        with pytest.raises(StoreError, match="PostgreSQL"):
            conn.rows_together([(_NAMES_OF, ('["p1"]',)), (_SHARE, ("Nobody",))])  # division by zero
        assert conn.execute("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)
        assert conn.execute(_NAMES_OF, (json.dumps(["p2", "p1"]),)).fetchall() == [("Ada",), ("Bob",)]


def test_an_actor_named_like_others_is_the_most_mentioned_on_both_engines(pg_url: str) -> None:
    for location in (":memory:", pg_url):
        with Store(location) as store:
            _entities(store, [("a1", "Jean Martin", 2), ("a2", "Jean Martin", 9), ("a3", "Jean Martin", 9),
                              ("b1", "Paul Roux", 1)])
            found = find_entity(store._conn, "jean martin")
            assert found is not None and found.id == "a2"  # 9 mentions; a2 before a3 by id
            assert find_entity_id(store._conn, "Jean Martin") == "a2"
            assert find_entity_id(store._conn, "b1") == "b1"
            assert find_entity_id(store._conn, "Nobody") is None


def test_an_articles_text_and_search_vector_stay_in_its_row(pg_url: str) -> None:
    with Store(pg_url) as store:
        (options,) = store._conn.execute("SELECT reloptions FROM pg_class WHERE relname = 'documents'").fetchone()
    assert options == ["toast_tuple_target=8160"]


def test_the_events_of_a_timeline_read_together_see_rows_held_for_copy(pg_url: str) -> None:
    """In a write transaction, rows held for ``COPY`` (sentences) are written before reads naming them."""
    with Store(pg_url) as store:
        conn = store._conn
        conn.execute("BEGIN")
        conn.execute("INSERT INTO documents (id, content_hash, text, ingested_at) VALUES ('d1', 'h1', 'Il pleut.', 'now')")
        conn.executemany('INSERT INTO sentences (doc_id, start, "end") VALUES (?, ?, ?)', [("d1", 0, 10)])
        rows = conn.rows_together([(timeline_reads._MENTIONS_OF_EVENTS, (json.dumps(["e1"]),)),
                                   ('SELECT doc_id, start, "end" FROM sentences', ())])
        conn.execute("ROLLBACK")
    assert rows == [[], [("d1", 0, 10)]]


def test_a_full_text_window_is_planned_with_pages_priced_as_in_memory_and_the_session_keeps_its_costs(
        pg_url: str) -> None:
    assert translate(text_reads._RANKED_QUOTES).cached_pages and not translate(text_reads._RANKED_QUOTES).one_plan
    assert not translate(_NAMES_OF).cached_pages
    with Store(pg_url) as store:
        conn = store._conn
        assert isinstance(conn, PgConnection)
        conn.execute("INSERT INTO documents (id, content_hash, text, ingested_at) VALUES"
                     " ('d1', 'h1', 'La croissance ralentit.', 'now'), ('d2', 'h2', 'Il pleut.', 'now')")
        costs = [(_NAMES_OF, ("[]",)), ("SHOW random_page_cost", ()), (text_reads._RANKED_ARTICLES,
                 ('"croissance"', '"croissance"', 1999, 5)), (_NAMES_OF, ("[]",)), ("SHOW seq_page_cost", ())]
        rows = conn.rows_together(costs)
        assert [row[1] for row in rows[2]] == ["d1"]
        assert rows[1] == [("1.1",)] and rows[4] == [("1",)]
        assert [article.doc_id for article, _ in text_reads.ranked_articles(conn, '"croissance"', 5)] == ["d1"]
        assert conn.execute("SHOW seq_page_cost").fetchone() == ("1",)
        assert conn.execute("SHOW random_page_cost").fetchone() == ("1.1",)
        assert conn.execute("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)


def test_reads_of_the_ids_a_statement_chose_answer_as_with_the_ids_sent_back(pg_url: str) -> None:
    """One round trip: the ids kept on the server between the statement choosing them and the reads."""
    with Store(pg_url) as store:
        _entities(store, [("a,b", "Ada", 3), ('c"d', "Bob", 1), ("{e} f", "Cy", 2), ("g", "Dan", 1)])
        conn = store._conn
        assert isinstance(conn, PgConnection)
        chosen = ("SELECT id FROM entities WHERE name < ? ORDER BY name LIMIT ?", ["D", 5])
        ids = [row[0] for row in conn.execute(*chosen).fetchall()]
        assert conn.rows_of_chosen(chosen, [_NAMES_OF, _NAMES_OF]) == [[("Ada",), ("Bob",), ("Cy",)]] * 2
        assert conn.rows_of_chosen(chosen, [_NAMES_OF]) == [conn.execute(_NAMES_OF, (json.dumps(ids),)).fetchall()]
        assert conn.rows_of_chosen(("SELECT id FROM entities WHERE name = ?", ["Nobody"]), [_NAMES_OF]) == [[]]
        with pytest.raises(ValueError, match="not a read of chosen ids"):
            conn.rows_of_chosen(chosen, ["SELECT name FROM entities"])
