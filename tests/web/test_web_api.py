"""The HTTP API in-process (httpx ASGITransport) on a hand-built store: values, errors, limits,
the ingest token and the headers. No spaCy here: the real pipeline is in test_web_examples."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from chronique.web.security import CONTENT_SECURITY_POLICY
from tests.web.test_web_fixtures import (
    ALTMAN,
    MUSK,
    OPENAI,
    TEXT_2025,
    TOKEN,
    make_app,
    request,
)


@pytest.fixture(scope="module")
def app(hand_store_path: Path):
    return make_app(hand_store_path)


def get_json(app, url: str, status: int = 200):
    response = request(app, "GET", url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


# -- read endpoints: concrete values ----------------------------------------------------------


def test_entities_most_mentioned_first_and_filtered_by_type(app):
    rows = get_json(app, "/api/entities")
    assert [(r["id"], r["mention_count"]) for r in rows] == [(MUSK, 3), (OPENAI, 2), (ALTMAN, 2)]
    assert [r["id"] for r in get_json(app, "/api/entities?type=PERSON")] == [MUSK, ALTMAN]
    assert [r["id"] for r in get_json(app, "/api/entities?limit=1&offset=1")] == [OPENAI]


@pytest.mark.parametrize("name", ["elon-musk", "Elon Musk", "Musk", "elon musk"])
def test_one_entity_by_id_name_or_alias(app, name):
    row = get_json(app, f"/api/entities/{name}")
    assert (row["id"], row["name"], row["aliases"]) == (MUSK, "Elon Musk", ["Musk"])


def test_profile_ranks_counterparts_and_keeps_quotes(app):
    profile = get_json(app, "/api/entities/Sam%20Altman/profile")
    assert profile["actor"]["id"] == ALTMAN
    assert [(c["entity_id"], c["events"], c["quotes"]) for c in profile["counterparts"]][0] == (MUSK, 2, 1)
    assert [q["text"] for q in profile["quotes_by"]] == ["non merci"]
    assert [(r["type"], r["target_id"], r["title"]) for r in profile["relations"]] == [("ROLE", OPENAI, "ceo")]


def test_timeline_of_an_actor_with_a_period(app):
    everything = get_json(app, "/api/timeline?actor=Musk")
    assert [(e["type"], e["date_value"]) for e in everything] == [
        ("FOUND", "2015-12"), ("BID", "2025-02"), ("REJECT", "2025-02"),
    ]
    recent = get_json(app, "/api/timeline?actor=Musk&from=2020-01-01&to=2025-12-31")
    assert [e["type"] for e in recent] == ["BID", "REJECT"]
    bid = recent[0]
    assert (bid["amount"], bid["currency"], bid["mentions"][0]["doc_id"]) == (97.4e9, "USD", "doc-2025")
    assert bid["mentions"][0]["sentence"].startswith("Elon Musk a proposé de racheter OpenAI")


def test_pair_history_holds_the_bid_the_refusal_and_the_series(app):
    pair = get_json(app, "/api/pairs/Musk/Altman")
    assert (pair["a"]["id"], pair["b"]["id"]) == (MUSK, ALTMAN)
    assert [e["type"] for e in pair["events"]] == ["FOUND", "BID", "REJECT"]
    assert [q["text"] for q in pair["b_about_a"]] == ["non merci"]
    assert [(p["period"], p["score"]) for p in pair["series"]] == [("2015-12", 3.5), ("2025-02", -9.0)]


def test_series_of_a_pair_over_a_period(app):
    points = get_json(app, "/api/series?a=Musk&b=Altman&from=2020-01-01")
    assert [(p["period"], p["events"], p["conflict"]) for p in points] == [("2025-02", 2, -9.0)]


def test_quotes_by_and_about(app):
    assert [q["text"] for q in get_json(app, "/api/quotes?about=Musk&by=Altman")] == ["non merci"]
    assert get_json(app, "/api/quotes?by=OpenAI") == []


def test_search_finds_the_quote_with_its_speaker_and_sentence(app):
    hits = get_json(app, "/api/search?q=merci")
    quote = next(h for h in hits if h["kind"] == "quote")
    assert (quote["doc_id"], quote["speaker_id"]) == ("doc-2025", ALTMAN)
    assert quote["sentence"] == "Sam Altman a répondu « non merci » au milliardaire."


def test_graph_edges_are_signed_and_filtered_by_period(app):
    graph = get_json(app, "/api/graph")
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[(MUSK, ALTMAN)]["score"] == -0.5  # founding +3.5, refusal -4
    recent = get_json(app, "/api/graph?from=2020-01-01")
    assert {(e["source"], e["target"]): e["score"] for e in recent["edges"]} == {
        (MUSK, OPENAI): -5.0, (MUSK, ALTMAN): -4.0,
    }


def test_documents_are_listed_newest_first_and_one_comes_with_text_and_spans(app):
    page = get_json(app, "/api/documents?limit=2")
    assert page["total"] == 3
    assert [d["id"] for d in page["items"]] == ["doc-hostile", "doc-2025"]
    doc = get_json(app, "/api/documents/doc-2025")
    assert doc["document"]["text"] == TEXT_2025
    money = doc["money"][0]
    assert TEXT_2025[money["start"]:money["end"]] == "97,4 milliards de dollars"
    assert money["amount"] == 97.4e9


# -- errors and bounds ------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "/api/entities/Nobody", "/api/entities/Nobody/profile", "/api/pairs/Musk/Nobody",
    "/api/timeline?actor=Nobody", "/api/quotes?by=Nobody", "/api/series?a=Nobody", "/api/documents/nope",
])
def test_unknown_actors_and_documents_are_404_with_a_message(app, url):
    body = get_json(app, url, status=404)
    assert "Nobody" in body["detail"] or "nope" in body["detail"]


@pytest.mark.parametrize("url", [
    "/api/entities?type=ROBOT", "/api/entities?limit=0", "/api/entities?limit=1001",
    "/api/timeline?from=2025-13-01", "/api/timeline?from=2025-02-01&to=2025-01-01",
    "/api/timeline?" + "&".join(["actor=Musk"] * 6), "/api/entities/" + "x" * 201,
    "/api/search?q=", "/api/search?q=" + "a" * 201, "/api/search?q=merci&limit=101",
    "/api/pairs/Musk/elon-musk", "/api/graph?to=yesterday", "/api/documents?offset=-1",
])
def test_bad_parameters_are_422_in_the_validation_shape(app, url):
    body = get_json(app, url, status=422)
    assert isinstance(body["detail"], list) and body["detail"][0]["msg"]


@pytest.mark.parametrize("text", ['"', "AND", "merci OR", "(x", "*", "NEAR(a b)", "é\u0301", "\x00"])
def test_search_syntax_never_breaks_the_server(app, text):
    response = request(app, "GET", "/api/search", params={"q": text})
    assert response.status_code in (200, 422), response.text


def test_the_openapi_description_has_a_response_model_for_every_endpoint(app):
    schema = get_json(app, "/openapi.json")
    assert "/docs" not in json.dumps(schema)
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            success = operation["responses"].get("200") or operation["responses"]["201"]
            assert "$ref" in json.dumps(success["content"]["application/json"]["schema"]), (method, path)
    assert set(schema["paths"]) >= {
        "/api/entities", "/api/entities/{actor}", "/api/entities/{actor}/profile", "/api/timeline",
        "/api/pairs/{a}/{b}", "/api/series", "/api/quotes", "/api/search", "/api/graph",
        "/api/documents", "/api/documents/{doc_id}",
    }


def test_every_response_carries_the_content_security_policy(app):
    for url in ("/api/entities", "/", "/static/style.css", "/api/entities/Nobody"):
        response = request(app, "GET", url)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY


def test_the_api_consoles_that_load_code_from_a_cdn_are_off(app):
    assert request(app, "GET", "/docs").status_code == 404
    assert request(app, "GET", "/redoc").status_code == 404


# -- ingest: off, token, size -----------------------------------------------------------------

RECORD = {"text": TEXT_2025, "date": "2025-02-11"}


def test_ingest_is_off_without_a_token_whatever_the_request_carries(app):
    for headers in ({"Authorization": f"Bearer {TOKEN}"}, {}, {"Authorization": "Basic x"}):
        response = request(app, "POST", "/api/documents", json=RECORD, headers=headers)
        assert response.status_code == 403, headers
        assert "--token-file" in response.json()["detail"]
        assert "www-authenticate" not in response.headers


def test_a_method_not_allowed_names_every_method_of_the_path(app):
    response = request(app, "DELETE", "/api/documents")
    assert (response.status_code, response.headers["allow"]) == (405, "GET, POST")


@pytest.mark.parametrize("header", [None, "Bearer wrong-token-of-enough-length", f"Basic {TOKEN}", f"Bearer {TOKEN}x"])
def test_ingest_refuses_a_missing_or_wrong_token(hand_store_path, header):
    app = make_app(hand_store_path, token=TOKEN)
    headers = {"Authorization": header} if header else {}
    response = request(app, "POST", "/api/documents", json=RECORD, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_with_the_token_answers_a_known_article_as_a_duplicate(hand_store_path):
    app = make_app(hand_store_path, token=TOKEN)
    response = request(app, "POST", "/api/documents", json=RECORD, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "duplicate", "doc_id": response.json()["doc_id"],
                               "existing_id": "doc-2025", "reason": None}
    with sqlite3.connect(hand_store_path) as conn:
        logged = conn.execute("SELECT status, origin FROM ingest_log ORDER BY id DESC LIMIT 1").fetchone()
    assert logged == ("duplicate", "<http>")


def test_ingest_rejects_a_body_over_the_limit_with_413(hand_store_path):
    app = make_app(hand_store_path, token=TOKEN, max_body_bytes=10_000)
    big = {"text": "x" * 20_000, "date": "2025-01-01"}
    response = request(app, "POST", "/api/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


@pytest.mark.parametrize("body", [
    {"date": "2025-01-01"}, {"text": "", "date": "2025-01-01"}, {"text": "Bonjour."},
    {"text": "Bonjour.", "date": "demain"}, {"text": "Bonjour.", "date": "2025-01-01", "extra": 1},
])
def test_ingest_validates_the_record(hand_store_path, body):
    app = make_app(hand_store_path, token=TOKEN)
    response = request(app, "POST", "/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422
