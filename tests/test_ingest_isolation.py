"""One document the pipeline fails on costs that document only; the summary always prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronique.extract.money.component as money_component
from chronique import ingest
from chronique.cli import app
from chronique.errors import AnnotationError, StoreError
from chronique.ingest import ingest_paths
from chronique.store import Store, writer
from tests.builders import sql

pytestmark = pytest.mark.slow
runner = CliRunner()

TRAP = "Le piège"


@pytest.fixture()
def folder_with_a_faulty_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three articles; the money recognizer raises on the second (a fault injected on purpose)."""
    find_money = money_component.find_money

    def find_money_or_fail(text: str, lang: str):  # type: ignore[no-untyped-def]
        if TRAP in text:
            raise RuntimeError("injected fault\nsecond line")
        return find_money(text, lang)

    monkeypatch.setattr(money_component, "find_money", find_money_or_fail)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2025-11-03 Elon Musk a fondé xAI en 2023.", encoding="utf-8")
    (folder / "b_trap.txt").write_text(f" date 2025-11-03 {TRAP} : Sam Altman a annulé sa commande.", encoding="utf-8")
    (folder / "c.txt").write_text(" date 2025-08-22 Mark Zuckerberg dirige Meta depuis 2004.", encoding="utf-8")
    return folder


@pytest.mark.parametrize("batch_size", [32, 1])
def test_a_document_the_pipeline_fails_on_is_rejected_and_the_others_are_stored(
    folder_with_a_faulty_document: Path, tmp_path: Path, batch_size: int
) -> None:
    with Store(tmp_path / "news.db") as store:
        report = ingest_paths([folder_with_a_faulty_document], store, batch_size=batch_size)
        texts = sorted(store.document(doc_id).text for _origin, doc_id in report.stored)
        log = dict(sql(store, "SELECT status, COUNT(*) FROM ingest_log GROUP BY status"))
    assert texts == ["Elon Musk a fondé xAI en 2023.", "Mark Zuckerberg dirige Meta depuis 2004."]
    [rejection] = report.rejected
    assert Path(rejection.origin).name == "b_trap.txt"
    assert rejection.reason == "annotation failed (RuntimeError: injected fault)"
    assert rejection.error is AnnotationError
    assert log == {"stored": 2, "rejected": 1}


def test_cli_reports_the_faulty_document_and_exits_zero(folder_with_a_faulty_document: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(folder_with_a_faulty_document), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    assert "stored 2, duplicates 0, rejected 1 (of 3 inputs)" in result.output
    assert "b_trap.txt: annotation failed (RuntimeError: injected fault)" in result.output


def test_the_summary_prints_when_the_database_fails_mid_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2025-11-03 Elon Musk a fondé xAI en 2023.", encoding="utf-8")
    (folder / "b.txt").write_text(" date 2025-08-22 Mark Zuckerberg dirige Meta depuis 2004.", encoding="utf-8")
    save, calls = Store.save, []

    def save_then_fail(self: Store, batch):  # type: ignore[no-untyped-def]
        calls.append(len(batch))
        if len(calls) == 2:
            raise StoreError("disk full")
        return save(self, batch)

    monkeypatch.setattr(Store, "save", save_then_fail)
    monkeypatch.setattr(ingest, "DEFAULT_COMMIT_SIZE", 1)  # a commit per document
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "n.db"), "--batch-size", "1"])
    assert result.exit_code == 2 and "disk full" in result.output
    assert "stored 1, duplicates 0, rejected 0 (of 1 inputs)" in result.output
    assert "database: " in result.output


def test_a_document_the_store_refuses_mid_batch_is_rejected_and_the_others_stored_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2025-11-03 Elon Musk a fondé xAI en 2023.", encoding="utf-8")
    (folder / "b.txt").write_text(f" date 2025-11-03 {TRAP} : Sam Altman a annulé sa commande.", encoding="utf-8")
    (folder / "c.txt").write_text(" date 2025-08-22 Mark Zuckerberg dirige Meta depuis 2004.", encoding="utf-8")
    real_insert = writer.insert_annotations

    def insert_or_refuse(conn, annotations, at):  # type: ignore[no-untyped-def]
        real_insert(conn, annotations, at)  # the document's rows are written, then refused
        if TRAP in annotations.document.text:
            raise ValueError("refused on purpose")

    monkeypatch.setattr(writer, "insert_annotations", insert_or_refuse)
    with Store(tmp_path / "news.db") as store:
        report = ingest_paths([folder], store, batch_size=32)
        texts = sorted(store.document(doc_id).text for _origin, doc_id in report.stored)
        log = sql(store, "SELECT status, COUNT(*) FROM ingest_log GROUP BY status ORDER BY status")
        stored_texts = sql(store, "SELECT COUNT(*) FROM documents WHERE text LIKE '%piège%'")
    assert texts == ["Elon Musk a fondé xAI en 2023.", "Mark Zuckerberg dirige Meta depuis 2004."]
    [rejection] = report.rejected
    assert Path(rejection.origin).name == "b.txt"
    assert rejection.reason == "not stored (ValueError: refused on purpose)"
    assert (len(report.stored), len(report.duplicates), report.total) == (2, 0, 3)
    assert log == [("rejected", 1), ("stored", 2)] and stored_texts == [(0,)]
