"""The command line's manners: ``--version``, "did you mean" for a misspelt actor, an unknown
``--type`` refused, no empty database left behind, a progress total when the inputs can be
counted, and ``--help`` without ``<bool>`` beside every flag."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronique
from chronique.analysis import Chronicle
from chronique.cli import app
from chronique.cli.ingest_commands import count_inputs
from chronique.errors import UnknownActor
from tests.web.test_web_fixtures import build_hand_store

runner = CliRunner()


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hand_store(tmp_path_factory.mktemp("manners") / "hand.db")


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"chronique {chronique.__version__}"


def test_help_shows_no_bool_type_beside_flags():
    result = runner.invoke(app, ["timeline", "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "--undated" in result.output and "--json" in result.output
    assert "<bool>" not in result.output
    assert "<path>" in result.output  # options that take a value still say what kind


@pytest.mark.parametrize(("typed", "meant"), [("Elon Muks", "Elon Musk"), ("Sam Altmann", "Sam Altman"),
                                              ("Altmann", "Sam Altman")])
def test_a_misspelt_actor_gets_a_suggestion(hand_db, typed, meant):
    with Chronicle(hand_db) as chron, pytest.raises(UnknownActor) as raised:
        chron.actor(typed)
    assert raised.value.suggestions == (meant,)
    result = runner.invoke(app, ["timeline", typed, "--db", str(hand_db)])
    assert result.exit_code == 2
    assert f"did you mean '{meant}'?" in result.output


def test_an_unrelated_name_gets_no_suggestion(hand_db):
    with Chronicle(hand_db) as chron, pytest.raises(UnknownActor) as raised:
        chron.actor("Zorglub")
    assert raised.value.suggestions == ()
    assert "did you mean" not in str(raised.value)


def test_an_unknown_type_is_an_error_not_an_empty_list(hand_db):
    result = runner.invoke(app, ["entities", "--type", "PERSONN", "--db", str(hand_db)])
    assert result.exit_code == 2
    assert "'PERSONN' is not an actor type" in result.output
    assert "Elon Musk" in runner.invoke(app, ["entities", "--type", "person", "--db", str(hand_db)]).output


def test_no_empty_database_is_left_when_nothing_could_be_stored(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", "utf-8")
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    assert "nothing stored: no database written" in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.jsonl"]


def test_an_existing_database_is_kept_when_nothing_new_is_stored(tmp_path, hand_db):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", "utf-8")
    db = tmp_path / "kept.db"
    db.write_bytes(hand_db.read_bytes())
    runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert db.exists()


def test_the_inputs_are_counted_when_they_can_be(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("x", "utf-8")
    (folder / "sub" / "b.md").write_text("x", "utf-8")
    (folder / ".hidden.txt").write_text("x", "utf-8")
    (folder / "records.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n', "utf-8")
    assert count_inputs([str(folder)]) == 5
    assert count_inputs([str(folder / "a.txt"), str(folder / "records.jsonl")]) == 4
    (folder / "list.json").write_text("[]", "utf-8")
    assert count_inputs([str(folder)]) is None  # a .json file says its count only once parsed
    assert count_inputs(["-"]) is None
