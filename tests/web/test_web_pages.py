"""The HTML pages in-process on the hand-built store: what a reader sees, links to facts, escaping,
errors as pages, and the front-end libraries served locally (or missing, and said so)."""

from __future__ import annotations

import json
import logging
import re
from html import unescape
from pathlib import Path

import pytest

from tests.web.test_web_fixtures import ALTMAN, MUSK, make_app, request


@pytest.fixture(scope="module")
def app(hand_store_path: Path):
    return make_app(hand_store_path)


def page(app, url: str, status: int = 200) -> str:
    response = request(app, "GET", url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", html)


def test_home_has_the_search_box_and_the_actors(app):
    html = page(app, "/")
    assert re.search(r'<form class="hero-search" action="/search" method="get"', html)
    assert 'href="/actors/elon-musk"' in html
    assert "3 articles · 3 actors" in html


def test_search_lists_the_actor_and_the_sentence(app):
    html = page(app, "/search?q=Musk")
    assert re.search(r'id="actor-results">.*?href="/actors/elon-musk"', html, re.S)
    html = page(app, "/search?q=merci")
    assert "Sam Altman a répondu « non <mark>merci</mark> » au milliardaire." in html  # the article's sentence
    assert "Sam Altman a répondu « non merci » au milliardaire." in html  # the quote's


def test_search_shows_every_sentence_of_an_article_holding_the_words(app):
    html = page(app, "/search?q=Musk")
    passages = re.findall(r'<blockquote class="evidence passage"><span class="sentence-text">(.*?)</span>', html)
    assert "<mark>Musk</mark> salue le projet." in passages  # the 2015 article's second sentence
    assert "En décembre 2015, Elon <mark>Musk</mark> et Sam Altman fondent OpenAI." in passages
    assert "2 occurrences in this article" in html


def test_actor_page_links_counterparts_to_pair_pages_and_facts_to_sentences(app):
    html = page(app, f"/actors/{MUSK}")
    assert '<h1 id="actor-name">Elon Musk</h1>' in html
    assert f'href="/pairs/{MUSK}/{ALTMAN}"' in html
    assert 'href="/documents/doc-2025#s-0-38"' in html  # the bid's evidence span
    assert page(app, "/actors/Musk").replace("/actors/Musk?", f"/actors/{MUSK}?") == html  # found by alias too


def test_pair_page_draws_its_periods_on_a_time_axis_without_code(app):
    html = page(app, f"/pairs/{MUSK}/{ALTMAN}")
    periods = re.findall(r'<g class="span span-(\w+)" data-start="([\d-]+)" data-end="([\d-]+)"', html)
    assert periods == [("exact", "2015-12-01", "2015-12-31"), ("exact", "2025-02-01", "2025-02-28")]
    assert scripts(html) == []  # the chart is SVG drawn by the server
    assert "97.4 bn USD" in html


def test_article_page_shows_markup_as_text(app):
    html = page(app, "/documents/doc-hostile")
    assert "<script>window" not in html and "<img src=x" not in html and "<b>non" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<h1>&lt;i&gt;Titre&lt;/i&gt; piégé</h1>" in html
    assert all("src=" in tag for tag in scripts(html))  # no inline script at all


def test_article_page_marks_facts_and_sentences(app):
    html = page(app, "/documents/doc-2025")
    assert 'id="s-0-86"' in html
    assert re.search(r'class="mark mark-money" title="97.4 bn USD">.*?97,4 milliards de dollars', html)
    article = re.search(r'<div class="article-text" id="article-text">(.*?)</div>', html, re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", article)).startswith("Elon Musk a proposé de racheter OpenAI")


def test_network_page_carries_the_graph_and_the_period(app):
    html = page(app, "/network?from=2020-01-01&to=2025-12-31")
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', html, re.S).group(1))
    assert {(e["source"], e["target"]) for e in data["edges"]} == {(MUSK, "openai"), (MUSK, ALTMAN)}
    assert 'value="2020-01-01"' in html
    assert '<script src="/vendor/cytoscape.min.js"></script>' in html


def test_documents_page_lists_the_articles(app):
    html = page(app, "/documents")
    assert html.index('href="/documents/doc-hostile"') < html.index('href="/documents/doc-2015"')


def test_errors_are_pages_for_people(app):
    assert "no actor named &#39;Nobody&#39;" in page(app, "/actors/Nobody", status=404)
    assert "Cannot read that request" in page(app, "/network?from=tomorrow", status=422)
    assert "same actor" in page(app, f"/pairs/Musk/{MUSK}", status=422)


def test_vendor_libraries_are_served_from_this_origin_and_nothing_else_is(app):
    response = request(app, "GET", "/vendor/chart.umd.min.js")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")
    assert b"Chart" in response.content[:5000]
    assert request(app, "GET", "/vendor/package.json").status_code == 404
    assert request(app, "GET", "/vendor/..%2F..%2Fpackage.json").status_code == 404


def test_without_the_libraries_the_server_starts_and_says_what_to_run(hand_store_path, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="chronique.web"):
        app = make_app(hand_store_path, assets_dir=tmp_path)
    assert "make web" in caplog.text
    html = page(app, "/network")
    assert "/vendor/cytoscape.min.js" not in html
    assert 'id="network-missing"' in html and "make web" in html
