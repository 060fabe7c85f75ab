"""The analyst's commands: ``profile``, ``pair``, ``search``, ``graph`` and ``timeline --from/--to``.

Fast tests run the commands on a file store of the hand-built world of ``test_analysis``; the
slow ones on the example articles ingested through the real pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.store import Store
from tests.analysis.test_analysis import doc_1, doc_2, doc_3

runner = CliRunner()


@pytest.fixture(scope="module")
def world_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("world") / "world.db"
    with Store(path) as store:
        store.save([doc_1(), doc_2(), doc_3()])
    return str(path)


def run(*args: str) -> str:
    """The command's output; tables laid out 160 columns wide, so that lines are not folded."""
    result = runner.invoke(app, list(args), env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    return result.output


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_pair_table_and_json(world_db: str) -> None:
    output = run("pair", "Alice", "Bob", "--db", world_db)
    assert "Alice & Bob: 5 events" in output
    assert "Acme (Alice, ceo)" in output  # Bob's lawsuit reaches Alice through the company she runs
    assert "2020-02" in output and "ACCUSE Bob → Alice (-2.0)" in output
    record = json.loads(run("pair", "Alice", "Bob", "--db", world_db, "--json"))
    assert [(p["period"], p["score"]) for p in record["series"]] == [
        ("2019-01", 3.5), ("2020-01", 3.4), ("2020-02", -2.0), ("2020-03", -2.0)]
    assert record["b_about_a"][0]["doc_date"] == "2020-03-02"
    direct = json.loads(run("pair", "Alice", "Bob", "--db", world_db, "--json", "--direct-only"))
    assert [e["type"] for e in direct["events"]] == ["FOUND", "PRAISE", "ACCUSE", "REJECT"]


def test_profile_table_and_json(world_db: str) -> None:
    output = run("profile", "Alice", "--db", world_db)
    assert "ceo" in output and "Acme" in output and "counterparts" in output
    record = json.loads(run("profile", "Alice", "--db", world_db, "--json", "--events", "1", "--quotes", "0"))
    assert record["actor"]["name"] == "Alice" and record["event_count"] == 5
    assert [e["type"] for e in record["latest_events"]] == ["ACCUSE"]
    assert record["quotes_about"] == [] and record["counterparts"][0]["name"] == "Bob"


def test_search_table_json_and_empty_text(world_db: str) -> None:
    output = run("search", "economie", "--db", world_db)
    assert "2 results for 'economie'" in output and "d2" in output
    hits = json_lines(run("search", "Alice", "--db", world_db, "--json", "--limit", "2"))
    assert len(hits) == 2 and {"kind", "sentence", "start", "end", "rank"} <= set(hits[0])
    assert json_lines(run("search", 'NEAR( "', "--db", world_db, "--json")) == []
    result = runner.invoke(app, ["search", "  * ", "--db", world_db])
    assert result.exit_code == 2 and "holds no word" in result.output


def test_graph_json_and_period(world_db: str) -> None:
    record = json.loads(run("graph", "--db", world_db, "--json", "--from", "2020-01-01", "--to", "2020-01-31"))
    assert [(e["source"], e["target"], e["weight"]) for e in record["edges"]] == [
        ("acme", "alice", 1), ("alice", "bob", 1)]
    assert (record["start"], record["end"]) == ("2020-01-01", "2020-01-31")
    output = run("graph", "--db", world_db, "--top", "2")
    assert "the first 2 of 6" in output
    result = runner.invoke(app, ["graph", "--db", world_db, "--from", "2020-02-01", "--to", "2020-01-01"])
    assert result.exit_code == 2 and "after --to" in result.output


def test_timeline_period_options(world_db: str) -> None:
    entries = json_lines(run("timeline", "Alice", "--db", world_db, "--json", "--from", "2020-01-20", "--to", "2020-02-28"))
    assert [(e["type"], e["date_value"]) for e in entries] == [("FOUND", "2020-01"), ("ACCUSE", "2020-02-20")]
    result = runner.invoke(app, ["timeline", "--db", world_db, "--from", "January"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    assert len(json_lines(run("timeline", "Alice", "Bob", "Zeta", "--db", world_db, "--json"))) == 6


def test_unknown_actor_is_a_clear_error(world_db: str) -> None:
    for command in (["profile", "Nobody"], ["pair", "Alice", "Nobody"], ["timeline", "Nobody"]):
        result = runner.invoke(app, [*command, "--db", world_db])
        assert result.exit_code == 2
        assert "no actor named 'Nobody'" in result.output


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["profile", "Alice", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no database at" in result.output


# -- the example articles --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> str:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = runner.invoke(app, ["ingest", str(examples_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return str(db)


@pytest.mark.slow
def test_pair_musk_altman_prints_the_story_and_its_turn(demo_db: str) -> None:
    output = run("pair", "Elon Musk", "Sam Altman", "--db", demo_db)
    assert "Elon Musk & Sam Altman" in output
    assert "FOUND Elon Musk → OpenAI (+3.5)" in output  # the series row of 2015 and its event
    assert "OpenAI (Sam Altman, ceo)" in output
    assert "97.4 bn USD" in output  # the bid, with its source sentence beside it
    record = json.loads(run("pair", "Elon Musk", "Sam Altman", "--db", demo_db, "--json"))
    bid = next(e for e in record["events"] if e["type"] == "BID")
    assert any("97,4 milliards de dollars" in m["sentence"] for m in bid["mentions"])
    assert record["series"][0]["period"] == "2015-01" and record["series"][0]["score"] > 0
    assert record["series"][-1]["score"] < 0


@pytest.mark.slow
def test_profile_zuckerberg_prints_meta_his_role_and_the_request(demo_db: str) -> None:
    output = run("profile", "Mark Zuckerberg", "--db", demo_db)
    assert "Meta" in output and "ceo" in output and "REQUEST" in output and "Elon Musk" in output
    record = json.loads(run("profile", "Mark Zuckerberg", "--db", demo_db, "--json"))
    assert any(e["type"] == "REQUEST" for e in record["latest_events"])


@pytest.mark.slow
def test_search_and_graph_on_the_examples(demo_db: str) -> None:
    hits = json_lines(run("search", "milliards", "--db", demo_db, "--json"))
    assert any("97,4 milliards de dollars" in hit["sentence"] for hit in hits)
    graph = json.loads(run("graph", "--db", demo_db, "--json"))
    names = {node["id"]: node["name"] for node in graph["nodes"]}
    assert {"Elon Musk", "Sam Altman", "OpenAI"} <= set(names.values())
