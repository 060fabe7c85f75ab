"""Ingest accounts for every input: stored, duplicate or rejected with its reason."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique import ingest
from chronique.cli import app
from chronique.ingest import ingest_paths
from chronique.store import Store
from tests.builders import sql

pytestmark = pytest.mark.slow
runner = CliRunner()

GOOD = "Elon Musk a fondé xAI en 2023. Le 30 octobre 2025, Sam Altman a annulé sa commande."
LATIN1 = "Le 3 février 2025, Mark Zuckerberg a rencontré Elon Musk à Paris. « Très intéressé », a-t-il déclaré."


@pytest.fixture()
def messy_folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(f" date 2025-11-03\n{GOOD}\n", encoding="utf-8")
    (folder / "b_empty.txt").write_text("", encoding="utf-8")
    (folder / "c_binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "d_latin1.txt").write_bytes(f" date 2025-02-10\n{LATIN1}\n".encode("latin-1"))
    (folder / "e_undated.txt").write_text("Sam Altman a parlé hier.", encoding="utf-8")
    records = [
        {"id": "j1", "date": "2025-08-22", "lang": "fr", "text": "Mark Zuckerberg dirige Meta depuis 2004."},
        '{"id": "j2", "date": "2025-08-22", "text": "broken',
        {"id": "j3", "date": "2025-08-23", "lang": "en", "text": "Elon Musk sued OpenAI in 2024."},
    ]
    (folder / "f_feed.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
        encoding="utf-8",
    )
    return folder


def test_every_input_is_accounted_for(messy_folder, tmp_path):
    with Store(tmp_path / "news.db") as store:
        report = ingest_paths([messy_folder], store)
        stored_texts = {store.document(doc_id).text for _origin, doc_id in report.stored}
        log = sql(store, "SELECT status, COUNT(*) FROM ingest_log GROUP BY status")
    assert stored_texts == {GOOD, LATIN1, "Mark Zuckerberg dirige Meta depuis 2004."}
    reasons = {Path(r.origin).name: r.reason for r in report.rejected}
    assert set(reasons) == {"b_empty.txt", "c_binary.txt", "e_undated.txt", "f_feed.jsonl:2", "f_feed.jsonl:3"}
    assert "empty" in reasons["b_empty.txt"]
    assert "binary" in reasons["c_binary.txt"]
    assert "date" in reasons["e_undated.txt"]
    assert "JSON" in reasons["f_feed.jsonl:2"]
    assert "language" in reasons["f_feed.jsonl:3"] and "'en'" in reasons["f_feed.jsonl:3"]
    assert dict(log) == {"stored": 3, "rejected": 5}


def test_cli_summary_names_each_rejection_and_exits_zero_when_something_was_stored(messy_folder, tmp_path):
    result = runner.invoke(app, ["ingest", str(messy_folder), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    assert "stored 3, duplicates 0, rejected 5" in result.output
    assert "e_undated.txt" in result.output


def test_cli_summary_prints_long_paths_whole_on_one_line(tmp_path):
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4)
    folder.mkdir()
    undated = folder / "undated-article.txt"
    undated.write_text("Un texte sans date de publication.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(undated), "--db", str(tmp_path / "n.db")])
    assert any(line.startswith(f"  {undated}: no publication date") for line in result.output.splitlines())


def test_cli_exits_non_zero_when_nothing_could_be_stored(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert "rejected 1" in result.output


def test_a_killed_run_restarted_stores_every_document_once(messy_folder, tmp_path, monkeypatch):
    db = tmp_path / "killed.db"
    monkeypatch.setattr(ingest, "DEFAULT_COMMIT_SIZE", 1)  # a commit per document
    calls = {"n": 0}
    original_save = Store.save

    def save_then_die(self, batch):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("killed")
        return original_save(self, batch)

    monkeypatch.setattr(Store, "save", save_then_die)
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest_paths([messy_folder], store, batch_size=1)
    monkeypatch.setattr(Store, "save", original_save)
    with Store(db) as store:
        assert store.counts()["documents"] == 1
        report = ingest_paths([messy_folder], store, batch_size=1)
        assert len(report.stored) == 2 and len(report.duplicates) == 1
        assert store.counts()["documents"] == 3
        assert sql(store, "SELECT COUNT(DISTINCT content_hash) FROM documents") == [(3,)]


def test_date_option_dates_undated_files(tmp_path):
    (tmp_path / "note.txt").write_text("Sam Altman a parlé hier.", encoding="utf-8")
    with Store() as store:
        report = ingest_paths([tmp_path / "note.txt"], store, default_date=date(2025, 3, 2))
        doc = store.document(report.stored[0][1])
    assert doc.date.isoformat() == "2025-03-02"
