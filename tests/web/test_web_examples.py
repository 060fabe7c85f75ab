"""The API on the example articles, ingested by the real pipeline (slow: spaCy), and ingest over
HTTP running that pipeline on a new article."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import EXAMPLES
from tests.web.test_web_fixtures import TOKEN, example_db, make_app, request

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    return make_app(example_db(tmp_path_factory))


def get_json(app, url: str):
    response = request(app, "GET", url)
    assert response.status_code == 200, response.text
    return response.json()


def test_musk_profile_lists_sam_altman_first_among_counterparts(app):
    profile = get_json(app, "/api/entities/Elon%20Musk/profile")
    counterparts = [c["name"] for c in profile["counterparts"]]
    assert counterparts[0] == "Sam Altman"
    assert {"OpenAI", "Mark Zuckerberg"} <= set(counterparts)


def test_the_musk_altman_pair_holds_the_97_4_billion_dollar_bid_with_its_sentence(app):
    pair = get_json(app, "/api/pairs/Elon%20Musk/Sam%20Altman")
    [bid] = [e for e in pair["events"] if e["type"] == "BID"]
    assert (bid["amount"], bid["currency"], bid["date_value"]) == (97.4e9, "USD", "2025-02")
    sentences = [m["sentence"] for m in bid["mentions"]]
    assert any("97,4 milliards de dollars" in s for s in sentences)
    scores = [p["score"] for p in pair["series"]]
    assert scores[0] > 0 and scores[-1] < 0  # from founding OpenAI together to the feud


def test_a_document_comes_back_with_its_text_and_spans_into_it(app):
    articles = {a["date"]: a for a in get_json(app, "/api/documents")["items"]}
    doc = get_json(app, f"/api/documents/{articles['2025-11-03']['id']}")
    source = (EXAMPLES / "2025-11-03-musk-altman-tesla-roadster.txt").read_text("utf-8")
    assert doc["document"]["text"] == source.split(None, 2)[2].strip()  # " date 2025-11-03 Une demande…"
    amounts = {m["text"]: m["amount"] for m in doc["money"]}
    assert amounts["97,4 milliards de dollars"] == 97.4e9
    text = doc["document"]["text"]
    assert all(text[q["start"]:q["end"]] == q["text"] for q in doc["quotes"])


def test_the_network_shows_the_feud_as_conflict(app):
    graph = get_json(app, "/api/graph")
    edge = next(e for e in graph["edges"] if {e["source"], e["target"]} == {"elon-musk", "sam-altman"})
    assert edge["score"] < 0 and edge["events"] >= 3


def test_ingest_over_http_runs_the_pipeline_and_stores_the_article(tmp_path_factory: pytest.TempPathFactory):
    copy = tmp_path_factory.mktemp("ingest") / "copy.db"
    with sqlite3.connect(example_db(tmp_path_factory)) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    app = make_app(copy, token=TOKEN)
    article = {"text": "Le 3 mars 2025, Microsoft a investi 10 milliards de dollars dans OpenAI.",
               "date": "2025-03-04", "title": "Un investissement", "lang": "fr"}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    stored = request(app, "POST", "/api/documents", json=article, headers=headers)
    assert stored.status_code == 201, stored.text
    doc_id = stored.json()["doc_id"]
    assert stored.json()["status"] == "stored"
    doc = get_json(app, f"/api/documents/{doc_id}")
    assert doc["document"]["title"] == "Un investissement"
    assert [(m["amount"], m["currency"]) for m in doc["money"]] == [(1e10, "USD")]
    again = request(app, "POST", "/api/documents", json=article, headers=headers)
    assert (again.status_code, again.json()["status"], again.json()["existing_id"]) == (200, "duplicate", doc_id)
    unsupported = request(app, "POST", "/api/documents", headers=headers,
                          json={"text": "Dies ist ein deutscher Text.", "date": "2025-03-04", "lang": "de"})
    assert (unsupported.status_code, unsupported.json()["status"]) == (200, "rejected")
    assert "unsupported language" in unsupported.json()["reason"]
