"""The store on PostgreSQL answers as it does on SQLite, and several writers store each document once.

The same corpus (the two example articles through the real pipeline, then synthetic news from
``bench/synthetic_store.py`` through ``Store.save``) goes into a SQLite file and a database on a
throw-away PostgreSQL server (``conftest.py``); then the commands a user runs are run on both
and their output compared byte for byte. Search finds the same hits on both; its scores are
FTS5's bm25 on SQLite and ``ts_rank`` on PostgreSQL, so they are not compared.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.analysis import Chronicle
from chronique.cli import app
from chronique.store import Store
from tests.conftest import EXAMPLES, ROOT
from tests.store.pg_server import PgServer

pytestmark = pytest.mark.slow
runner = CliRunner()
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")  # when a merge was made
SYNTHETIC_DOCS = 150


def synthetic_news(count: int) -> list:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from synthetic_store import NewsGenerator  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return list(NewsGenerator(11, 40).documents(count))


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def twins(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The same corpus in a SQLite file and in a PostgreSQL database: (file, URL)."""
    sqlite_db = str(tmp_path_factory.mktemp("twins") / "twin.db")
    pg_db = pg_server.create("twins")
    news = synthetic_news(SYNTHETIC_DOCS)
    for db in (sqlite_db, pg_db):
        cli("ingest", str(EXAMPLES), "--db", db)
        with Store(db) as store:
            for start in range(0, len(news), 50):
                store.save(news[start:start + 50])
    yield sqlite_db, pg_db


def test_migrations_give_postgresql_the_same_schema(pg_url: str) -> None:
    with Store(pg_url) as store, Store() as memory:
        assert store.applied_migrations == memory.applied_migrations
        assert store.counts() == dict.fromkeys(memory.counts(), 0)
    with Store(pg_url) as again:
        assert again.applied_migrations == []  # a current schema: nothing to do


def test_exported_annotations_are_identical(twins: tuple[str, str], tmp_path: Path) -> None:
    sqlite_db, pg_db = twins
    outputs = []
    for name, db in (("sqlite", sqlite_db), ("pg", pg_db)):
        out = tmp_path / f"{name}.jsonl"
        cli("export", "--format", "annotations", "--db", db, "-o", str(out))
        outputs.append(out.read_text("utf-8"))
    assert len(outputs[0].splitlines()) == SYNTHETIC_DOCS + 2
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("export_format", ["gdelt", "plover", "graphml", "gexf"])
def test_event_and_graph_exports_are_identical(twins: tuple[str, str], tmp_path: Path, export_format: str) -> None:
    outputs = []
    for name, db in zip(("sqlite", "pg"), twins, strict=True):
        out = tmp_path / f"{name}.{export_format}"
        cli("export", "--format", export_format, "--db", db, "-o", str(out))
        outputs.append(out.read_bytes())
    assert outputs[0] and outputs[0] == outputs[1]


@pytest.mark.parametrize("question", [
    ["timeline", "Elon Musk", "--json"],
    ["timeline", "Elon Musk", "Sam Altman", "--json"],
    ["timeline", "--from", "2025-01-01", "--to", "2025-03-31", "--json"],
    ["pair", "Elon Musk", "Sam Altman", "--json"],
    ["entities", "--json"],
    ["profile", "Elon Musk", "--json"],
    ["quotes", "--json"],
    ["quotes", "--by", "Elon Musk", "--json"],
    ["graph", "--json"],
    ["show", "doc_271d4834c83d2bfb", "--json"],
], ids=lambda question: " ".join(question[:2]))
def test_the_main_questions_answer_the_same(twins: tuple[str, str], question: list[str]) -> None:
    sqlite_db, pg_db = twins
    answer = cli(*question, "--db", sqlite_db)
    assert answer.strip()
    assert cli(*question, "--db", pg_db) == answer


def test_the_synthetic_actors_answer_the_same(twins: tuple[str, str]) -> None:
    """The most covered synthetic actors: their timelines and profiles."""
    sqlite_db, pg_db = twins
    top = [json.loads(line)["name"] for line in cli("entities", "--json", "--db", sqlite_db).splitlines()[:3]]
    for name in top:
        for question in (["timeline", name, "--json"], ["profile", name, "--json"], ["pair", top[0], top[1], "--json"]):
            assert cli(*question, "--db", pg_db) == cli(*question, "--db", sqlite_db)


@pytest.mark.parametrize("words", ["offre", "economie", '"non merci"', "Musk OpenAI", "xyzzy"])
def test_search_finds_the_same_hits_accents_and_case_aside(twins: tuple[str, str], words: str) -> None:
    """Every hit (a limit above their number): the same articles and quotes, the same spans."""
    sqlite_db, pg_db = twins

    def hits(db: str) -> list[tuple]:
        lines = cli("search", words, "--json", "--limit", "1000", "--db", db).splitlines()
        return sorted((hit["kind"], hit["doc_id"], hit["start"], hit["end"], hit["snippet"], hit["sentence"])
                      for hit in map(json.loads, lines))

    assert hits(pg_db) == hits(sqlite_db)
    if words == "economie":
        assert hits(pg_db), "the accent-insensitive search finds 'économie'"


def test_merging_and_splitting_an_entity_does_the_same(twins: tuple[str, str], pg_server: PgServer,
                                                      tmp_path: Path) -> None:
    """Corrections run the store's most SQLite-specific statements (deferred keys, JSON spans)."""
    copies = [str(tmp_path / "merge.db"), pg_server.create("merge")]
    answers = []
    for db in copies:
        cli("ingest", str(EXAMPLES), "--db", db)
        cli("entities", "merge", "Elon Musk", "OpenAI", "--force", "--db", db)
        merged = cli("entities", "show", "Elon Musk", "--db", db)
        cli("entities", "split", "Elon Musk", "--alias", "OpenAI", "--db", db)
        answers.append((_TIME.sub("<time>", merged), cli("entities", "--json", "--db", db),
                        cli("timeline", "OpenAI", "--json", "--db", db)))
    assert "merged from" in answers[0][0]
    assert answers[0] == answers[1]


_WRITER = textwrap.dedent("""
    import sys
    sys.path[:0] = [{bench!r}, {src!r}]
    from synthetic_store import NewsGenerator
    from chronique.store import Store
    news = list(NewsGenerator(11, 40).documents({count}))
    order = news if sys.argv[1] == "forward" else news[::-1]
    with Store({url!r}) as store:
        for start in range(0, len(order), 5):
            store.save(order[start:start + 5])
""")


def test_two_writers_at_once_store_every_document_once(pg_url: str, tmp_path: Path) -> None:
    """Two processes save the same 60 documents at the same time, in opposite orders."""
    script = tmp_path / "writer.py"
    script.write_text(_WRITER.format(bench=str(ROOT / "bench"), src=str(ROOT / "src"), count=60, url=pg_url))
    with Store(pg_url):
        pass  # the schema first, so that both writers race on documents, not on migrations
    writers = [subprocess.Popen([sys.executable, str(script), order], stderr=subprocess.PIPE, text=True)
               for order in ("forward", "backward")]
    for writer in writers:
        _, stderr = writer.communicate(timeout=300)
        assert writer.returncode == 0, stderr
    with Store(pg_url, read_only=True) as store, Store() as alone:
        alone.save(synthetic_news(60))
        assert store.counts() == alone.counts()
        statuses = store._conn.execute("SELECT status, COUNT(*) FROM ingest_log GROUP BY status ORDER BY status")
        assert list(map(tuple, statuses.fetchall())) == [("duplicate", 60), ("stored", 60)]


@pytest.mark.parametrize("path", [
    "/api/entities", "/api/timeline?actor=Elon%20Musk", "/api/pairs/Elon%20Musk/Sam%20Altman", "/api/quotes",
    "/api/documents?limit=5", "/api/entities/Elon%20Musk/profile", "/api/series?a=Elon%20Musk",
])
def test_the_web_api_serves_a_postgresql_database_as_a_sqlite_one(twins: tuple[str, str], path: str) -> None:
    from chronique.store.locations import database_location
    from tests.web.test_web_fixtures import make_app, request

    answers = []
    for db in twins:
        response = request(make_app(database_location(db)), "GET", path)
        assert response.status_code == 200, response.text
        answers.append(response.json())
    assert answers[0] and answers[0] == answers[1]


def test_the_stored_month_graph_pairs_quotes_and_offsets_answer_the_same(twins: tuple[str, str]) -> None:
    """The reads of migration m008's tables: a calendar month's graph page, a page of articles
    at an offset, quotes about an actor, a pair's events and the stored rows themselves."""
    answers = []
    for db in twins:
        with Chronicle(db) as chron:
            top = [row.id for row in chron.entities(limit=2)]
            months = [chron.graph(start=date(year, month, 1), end=date(year, month, 28 if month == 2 else 30), limit=4)
                      for year, month in ((2016, 4), (2019, 9), (2023, 6))]
            months += [chron.graph(start=date(year, 1, 1), end=date(year, 1, 31), limit=3, offset=1)
                       for year in (2017, 2021)]
            answers.append((months, chron.documents(limit=7, offset=61), chron.documents(limit=5, offset=150),
                            chron.quotes(about=top[0], limit=9), chron.pair(*top, limit=10, quotes=10)))
        with Store(db) as store:
            answers.append(sorted(tuple(row) for row in store._conn.execute(
                "SELECT month, entity_id, other_id, event_id FROM graph_links")))
    assert answers[0] == answers[2] and answers[1] == answers[3]
    assert any(graph.edges for graph in answers[0][0]) and answers[0][1].items and answers[1]


def test_a_document_refused_mid_batch_is_rejected_alone_on_both(pg_server: PgServer, tmp_path: Path) -> None:
    """The rows a refused document had written (PostgreSQL holds them for ``COPY``) go with it."""
    from chronique.model import Relation

    results = []
    for db in (str(tmp_path / "refused.db"), pg_server.create("refused")):
        news = synthetic_news(5)
        news[2].relations.append(Relation("ROLE", "nobody", "nobody", 0, 1))
        with Store(db) as store:
            outcomes = [(o.doc_id, o.status) for o in store.save(news)]
            log = store._conn.execute("SELECT doc_id, status FROM ingest_log ORDER BY id").fetchall()
            results.append((outcomes, [tuple(row) for row in log], store.counts()))
    assert results[0] == results[1]
    outcomes, log, counts = results[0]
    assert [status for _, status in outcomes] == ["stored", "stored", "rejected", "stored", "stored"]
    assert log == outcomes and counts["documents"] == 4


def test_an_actors_period_answers_the_same_read_from_either_side(twins: tuple[str, str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A period's events checked in their index range (PostgreSQL, for an actor with more events
    than a twentieth of the period's) or an actor's events looked up one by one: the same pages."""
    from chronique.store import selection

    in_place = []
    original = selection._period_in_place
    monkeypatch.setattr(selection, "_period_in_place", lambda spec: in_place.append(spec) or original(spec))
    answers = []
    for db in twins:
        with Chronicle(db) as chron:
            top = [row.id for row in chron.entities(limit=4)]
            answers.append([[entry.event_id for entry in chron.timeline(actor, start=start, end=end, limit=limit)]
                            for actor in top for start, end in ((date(2016, 1, 1), date(2018, 12, 31)),
                                                                (date(2020, 3, 1), date(2020, 5, 31)))
                            for limit in (5, None)])
    assert answers[0] == answers[1] and any(answers[0])
    assert in_place, "PostgreSQL read a period in place"


def test_the_quote_and_month_totals_answer_the_same_and_the_migrations_refill_them(
        pg_url: str, tmp_path: Path) -> None:
    """``quote_pairs`` (m014) and ``actor_month_mentions`` (m015) kept at ingest on both engines
    hold the same rows, and a PostgreSQL store from before them is filled by the migrations as
    a SQLite one is."""
    sqlite_db = str(tmp_path / "t.db")
    news = synthetic_news(60)
    tables = {"quote_pairs": "entity_id, other_id, quotes", "actor_month_mentions": "entity_id, month, mentions"}

    def rows(db: str) -> dict[str, list[tuple[object, ...]]]:
        with Store(db) as store:
            return {table: sorted(tuple(row) for row in store._conn.execute(f"SELECT {columns} FROM {table}"))
                    for table, columns in tables.items()}

    for db in (sqlite_db, pg_url):
        with Store(db) as store:
            store.save(news)
    kept = rows(sqlite_db)
    assert kept["quote_pairs"] and kept["actor_month_mentions"] and rows(pg_url) == kept
    with Store(pg_url) as store:  # as chronique before m014 left it
        for table in tables:
            store._conn.execute(f"DROP TABLE {table}")
        store._conn.execute("DELETE FROM schema_migrations WHERE name IN"
                            " ('m014_quote_pair_totals', 'm015_actor_month_mentions')")
    with Store(pg_url) as store:
        assert store.applied_migrations == ["m014_quote_pair_totals", "m015_actor_month_mentions"]
    assert rows(pg_url) == kept


def test_a_pair_read_by_month_answers_the_same(pg_url: str) -> None:
    """``analysis_reads.pair_buckets`` and ``pair_date_buckets`` (``string_agg`` there, the pair's events joined to their
    facts, the events through roles with and without dates) and the pages cut from it, on the
    small world of ``tests/analysis/test_pair_pages``."""
    from tests.analysis.test_analysis import doc_1, doc_2, doc_3
    from tests.analysis.test_pair_pages import doc_4

    answers = []
    for target in (pg_url, ":memory:"):
        with Store(target) as store:
            store.save([doc_1(), doc_2(), doc_3(), doc_4()])
            chron = Chronicle(store)
            answers.append([chron.pair(a, b, limit=limit, offset=offset)
                            for a, b in (("Alice", "Bob"), ("Bob", "Zeta"))
                            for limit, offset in ((None, 0), (2, 0), (3, 4), (4, 9))])
            answers[-1] += [chron.spans("Alice", "Bob"), chron.spans("Bob", "Zeta", start=date(2020, 2, 1))]
    assert answers[0] == answers[1]
