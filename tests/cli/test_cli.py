"""The command line end to end on the example articles, with the real model and a real file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.store import Store

pytestmark = pytest.mark.slow
runner = CliRunner()

ROADSTER_DOC = "2025-11-03-musk-altman-tesla-roadster.txt"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, examples_dir) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = runner.invoke(app, ["ingest", str(examples_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 2, duplicates 0, rejected 0" in result.output
    return db


def test_ingesting_again_stores_nothing_twice(demo_db, examples_dir):
    before = Store(demo_db).counts()
    result = runner.invoke(app, ["ingest", str(examples_dir), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "stored 0, duplicates 2, rejected 0" in result.output
    assert Store(demo_db).counts() == before


def test_timeline_tells_the_founding_story_in_date_order(demo_db):
    result = runner.invoke(app, ["timeline", "Elon Musk", "Sam Altman", "--db", str(demo_db), "--json"])
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    story = [(e["type"], e["date_value"]) for e in entries]
    expected_in_order = [("FOUND", "2015"), ("ORDER", "2018-07-11"), ("FOUND", "2023"),
                         ("BID", "2025-02"), ("CANCEL", "2025-10-30")]
    positions = [story.index(item) for item in expected_in_order]
    assert positions == sorted(positions), story
    bid = entries[story.index(("BID", "2025-02"))]
    assert bid["sources"] == ["Elon Musk"] and bid["targets"] == ["OpenAI"]
    assert bid["amount"] == pytest.approx(97.4e9)
    assert any("97,4 milliards de dollars" in m["sentence"] for m in bid["mentions"])
    # The undated "offre de rachat d'OpenAI" of the August article is the same happening.
    assert len(bid["mentions"]) == 2
    dates = [e["date_start"] or e["date_value"] for e in entries]
    assert dates == sorted(dates)


def test_timeline_table_shows_sources(demo_db):
    result = runner.invoke(app, ["timeline", "Musk", "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "Elon Musk fonde xAI" in result.output


def test_quotes_by_speaker(demo_db):
    result = runner.invoke(app, ["quotes", "--by", "Sam Altman", "--db", str(demo_db), "--json"])
    assert result.exit_code == 0, result.output
    quotes = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert any(q["text"].startswith("Non merci, mais on achètera Twitter") for q in quotes)
    assert {q["speaker_name"] for q in quotes} == {"Sam Altman"}


def test_entities_lists_known_actors_with_their_types(demo_db):
    result = runner.invoke(app, ["entities", "--db", str(demo_db), "--json"])
    rows = {json.loads(line)["name"]: json.loads(line) for line in result.output.splitlines() if line.strip()}
    assert rows["OpenAI"]["type"] == "ORG"
    assert rows["xAI"]["type"] == "ORG"
    assert rows["Elon Musk"]["type"] == "PERSON"
    assert rows["Elon Musk"]["document_count"] == 2
    assert "Musk" in rows["Elon Musk"]["aliases"]


def test_show_prints_the_article_and_its_facts(demo_db):
    doc_id = next(a.document.id for a in Store(demo_db).iter_annotations()
                  if "Roadster" in a.document.text)
    result = runner.invoke(app, ["show", doc_id, "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "Le 30 octobre 2025" in result.output
    assert "2025-10-30" in result.output
    assert "97,4 milliards de dollars" in result.output


def test_export_gives_one_line_per_document_with_global_ids(demo_db):
    result = runner.invoke(app, ["export", "--format", "annotations", "--db", str(demo_db)])
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 2
    musk_ids = {e["id"] for line in lines for e in line["entities"] if e["name"] == "Elon Musk"}
    assert musk_ids == {"elon-musk"}


def test_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["timeline", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no database at" in result.output


def test_unknown_actor_is_a_clear_error(demo_db):
    result = runner.invoke(app, ["timeline", "Nobody Atall", "--db", str(demo_db)])
    assert result.exit_code == 2
    assert "no actor named 'Nobody Atall'" in result.output


def test_console_script_annotates_stdin(examples_dir):
    exe = shutil.which("chronique", path=str(Path(sys.executable).parent))
    assert exe, "the chronique console script is not installed next to this Python"
    article = (examples_dir / ROADSTER_DOC).read_text("utf-8")
    completed = subprocess.run([exe, "annotate", "-"], input=article, capture_output=True,
                               text=True, timeout=300, check=True)
    record = json.loads(completed.stdout)
    assert record["date"] == "2025-11-03"
    assert any(t["type"] == "DATE" and t["value"] == "2025-10-30" for t in record["timexes"])
