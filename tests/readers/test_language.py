"""A publication's language: from its record, its source, the run, or its text when it is long
enough to tell; a short French note is not rejected as Danish."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.documents import Document, read_paths
from chronique.ingest import ingest_paths
from chronique.readers.language import detect_language, fallback_language
from chronique.store import Store

runner = CliRunner()
SHORT_FRENCH = "Elon Musk et Sam Altman."
ENGLISH = "The board of OpenAI fired Sam Altman on Friday, saying he had not been candid with it."


def test_a_text_too_short_to_tell_gets_the_default_language() -> None:
    assert detect_language(SHORT_FRENCH, ("fr",), default="fr") == "fr"
    assert detect_language("Musk.", ("fr",), default="en") == "en"


def test_a_text_long_enough_is_detected_whatever_the_default() -> None:
    assert detect_language(ENGLISH, ("fr",), default="fr") == "en"
    assert detect_language("Tesla a livré la voiture hier à Paris, selon son patron.", ("fr",), default="en") == "fr"


def test_without_a_default_the_best_guess_is_kept() -> None:
    assert detect_language(SHORT_FRENCH, ("fr",)) != "fr"  # why a default is needed


def test_the_fallback_language_is_french() -> None:
    assert fallback_language() == "fr"


def test_a_source_language_applies_to_its_records_that_do_not_say_theirs(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "bbc", "date": "2025-11-03", "source": "  the BBC ", "text": ENGLISH},
        {"id": "bbc-fr", "date": "2025-11-03", "source": "The BBC", "lang": "fr", "text": SHORT_FRENCH},
        {"id": "monde", "date": "2025-11-03", "source": "Le Monde", "text": SHORT_FRENCH},
        {"id": "none", "date": "2025-11-03", "text": SHORT_FRENCH},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    documents = list(read_paths([feed], default_lang="it", source_languages={"The BBC": "EN"}))
    assert [(d.id, d.lang) for d in documents if isinstance(d, Document)] == [
        ("bbc", "en"), ("bbc-fr", "fr"), ("monde", "it"), ("none", "it"),
    ]
    assert [d.lang for d in read_paths([feed]) if isinstance(d, Document)] == [None, "fr", None, None]


@pytest.mark.slow
def test_a_short_french_note_is_stored_as_french(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(f" date 2025-11-03 {SHORT_FRENCH}", encoding="utf-8")
    with Store() as store:
        report = ingest_paths([tmp_path / "note.txt"], store)
        assert report.rejected == []
        document = store.document(report.stored[0][1])
    assert (document.text, document.lang, document.date) == (SHORT_FRENCH, "fr", date(2025, 11, 3))


@pytest.mark.slow
def test_cli_source_lang_and_lang_options(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "bbc", "date": "2025-11-03", "source": "BBC", "text": SHORT_FRENCH}) + "\n"
        + json.dumps({"id": "afp", "date": "2025-11-03", "source": "AFP", "text": ENGLISH}) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "n.db"),
                                 "--source-lang", "BBC=en", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "stored 1, duplicates 0, rejected 1 (of 2 inputs)" in result.output
    assert "feed.jsonl:1: unsupported language" in result.output and "'en'" in result.output


def test_cli_rejects_a_source_lang_without_a_language(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "n.db"), "--source-lang", "BBC"])
    assert result.exit_code == 2
    assert "SOURCE=CODE" in result.output
