"""`show --explain` and the article page's explanation: what each mention and quote was taken for."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.explain import explain_document
from chronique.ingest import ingest_paths
from chronique.model import Document
from chronique.store import Store
from tests.web.test_web_fixtures import make_app, request

pytestmark = pytest.mark.slow

TEXT = (
    "La société lyonnaise Nexaria a racheté la start-up Brindille. "
    "Sa présidente, Claire Vasseur, s'en est félicitée mardi. "
    "« C'est une étape décisive pour nous », a déclaré Claire Vasseur. "
    "Elle a ajouté que l'équipe resterait à Lyon."
)
DOC = Document(id="doc-explain", text=TEXT, date=date(2026, 3, 3), lang="fr")


def test_every_mention_says_what_it_was_taken_for_and_why():
    explanation = explain_document(DOC)
    readings = {(m.text, m.actor, m.kind) for m in explanation.mentions}
    assert ("Claire Vasseur", "Claire Vasseur", "name") in readings
    assert ("Elle", "Claire Vasseur", "pronoun") in readings
    for mention in explanation.mentions:
        assert TEXT[mention.start:mention.end] == mention.text
        assert mention.rule
    [quote] = explanation.quotes
    assert (quote.text, quote.speaker) == ("C'est une étape décisive pour nous", "Claire Vasseur")
    assert quote.cue and "déclaré" in quote.cue


@pytest.fixture(scope="module")
def explained_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("explain")
    (folder / "nexaria.txt").write_text(f" date 2026-03-03 {TEXT}", encoding="utf-8")
    path = folder / "explain.db"
    with Store(path) as store:
        [(_origin, doc_id)] = ingest_paths([str(folder)], store).stored
    (folder / "id").write_text(doc_id)
    return path


def test_show_explain_prints_the_reading_as_json(explained_db: Path):
    doc_id = (explained_db.parent / "id").read_text()
    result = CliRunner().invoke(app, ["show", doc_id, "--db", str(explained_db), "--explain", "--json"])
    assert result.exit_code == 0, result.output
    reading = json.loads(result.output)
    assert reading["doc_id"] == doc_id
    assert {"text": "Elle", "actor": "Claire Vasseur", "kind": "pronoun"}.items() <= next(
        m for m in reading["mentions"] if m["text"] == "Elle").items()


def test_the_article_page_explains_on_request(explained_db: Path):
    doc_id = (explained_db.parent / "id").read_text()
    web = make_app(explained_db)
    plain = request(web, "GET", f"/documents/{doc_id}").text
    assert 'id="explain-link"' in plain and 'id="explanation"' not in plain
    explained = request(web, "GET", f"/documents/{doc_id}?explain=true")
    assert explained.status_code == 200
    assert 'id="explanation"' in explained.text and "pronoun" in explained.text
