"""The desk pages of issue 17 on the hand-built store: periods drawn as wide as their dates are
known, actor pages listing articles and quotes, type and period filters, and every list as CSV
or JSON (``?_format=``), as datasette offers."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html import unescape
from typing import NamedTuple

import pytest

from chronique.analysis.series import event_period, period_spans
from tests.web.test_web_fixtures import ALTMAN, MUSK, build_hand_store, make_app, request


class Dated(NamedTuple):
    event_id: str
    date_value: str | None
    date_start: str | None
    date_end: str | None
    score: float | None


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    return make_app(build_hand_store(tmp_path_factory.mktemp("desk") / "hand.db"))


@pytest.mark.parametrize(("value", "start", "end", "expected"), [
    ("2015", "2015-01-01", "2015-12-31", ("2015-01-01", "2015-12-31", "year")),
    ("2015", None, None, ("2015-01-01", "2015-12-31", "year")),
    ("2018-07-11", "2018-07-11", "2018-07-11", ("2018-07-01", "2018-07-31", "month")),
    ("2025-02", "2025-02-01", "2025-02-28", ("2025-02-01", "2025-02-28", "month")),
    ("2024-Q2", "2024-04-01", "2024-06-30", ("2024-04-01", "2024-06-30", "quarter")),
    (None, None, None, None),
])
def test_an_event_is_drawn_over_what_is_known_of_its_date(value, start, end, expected):
    assert event_period(Dated("e", value, start, end, 1.0)) == expected


def test_a_year_only_event_is_its_own_year_wide_period_not_january():
    spans = period_spans([
        Dated("found", "2015", "2015-01-01", "2015-12-31", 3.5),
        Dated("jan", "2015-01-20", "2015-01-20", "2015-01-20", -2.0),
        Dated("jan2", "2015-01", "2015-01-01", "2015-01-31", 1.0),
    ])
    assert [(s.start, s.end, s.precision, s.events, s.cooperation, s.conflict) for s in spans] == [
        ("2015-01-01", "2015-12-31", "year", 1, 3.5, 0.0),
        ("2015-01-01", "2015-01-31", "month", 2, 1.0, -2.0),
    ]
    assert period_spans([Dated("found", "2015", None, None, 3.5)], start=date(2016, 1, 1)) == []


def test_the_actor_page_lists_the_articles_that_mention_the_actor_and_the_actors_quotes(app):
    html = request(app, "GET", f"/actors/{MUSK}").text
    articles = re.search(r'<ul class="doc-list" id="actor-articles">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r'href="/documents/([^"#]+)"', articles) == ["doc-hostile", "doc-2025", "doc-2015"]
    quotes = re.search(r'<ul class="quotes" id="actor-quotes">(.*?)</ul>', html, re.S).group(1)
    assert "&lt;b&gt;non&lt;/b&gt;" in quotes  # the hostile article's quote, as text
    assert '<svg id="series-chart"' in html


def test_filters_by_type_and_period_narrow_the_actor_and_pair_pages(app):
    only_bids = request(app, "GET", f"/actors/{MUSK}?type=BID").text
    events = re.search(r'<ol class="timeline" id="actor-events">(.*?)</ol>', only_bids, re.S).group(1)
    assert re.findall(r'<span class="badge badge-\w+">(\w+)</span>', events) == ["BID"]
    pair = request(app, "GET", f"/pairs/{MUSK}/{ALTMAN}?from=2020-01-01&to=2025-12-31").text
    assert re.findall(r'data-start="([\d-]+)"', pair) == ["2025-02-01"]
    assert "1 event match the filter" not in pair and "2 events match the filter" in pair
    everything = request(app, "GET", f"/pairs/{MUSK}/{ALTMAN}?type=").text  # the form's "all types"
    assert re.findall(r'data-start="([\d-]+)"', everything) == ["2015-12-01", "2025-02-01"]


def test_an_unknown_event_type_is_an_error_not_an_empty_page(app):
    response = request(app, "GET", f"/actors/{MUSK}?type=BIDD")
    assert response.status_code == 422
    assert "unknown event type 'BIDD'" in unescape(response.text)


def test_every_list_downloads_as_csv_and_json(app):
    html = request(app, "GET", f"/pairs/{MUSK}/{ALTMAN}").text
    assert f'href="/pairs/{MUSK}/{ALTMAN}?_format=csv&amp;_list=events"' in html
    rows = request(app, "GET", f"/pairs/{MUSK}/{ALTMAN}?_format=json&_list=events").json()
    assert [(row["type"], row["date_value"], row["score"]) for row in rows] == [
        ("FOUND", "2015-12", 3.5), ("BID", "2025-02", -5.0), ("REJECT", "2025-02", -4.0)]
    response = request(app, "GET", f"/actors/{MUSK}?_format=csv&_list=articles")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["id"] for row in table] == ["doc-hostile", "doc-2025", "doc-2015"]
    assert table[1]["date"] == "2025-02-11"
    events = list(csv.DictReader(io.StringIO(request(app, "GET", f"/actors/{MUSK}?_format=csv").text)))
    assert json.loads(events[0]["source_ids"]) == [MUSK, ALTMAN]  # several values: JSON in the cell
    hits = request(app, "GET", "/search?q=merci&_format=json").json()
    assert {hit["kind"] for hit in hits} == {"article", "quote"}
    assert request(app, "GET", "/documents?_format=json").json()[0]["id"] == "doc-hostile"
    assert request(app, "GET", f"/actors/{MUSK}?_format=csv&_list=nope").status_code == 422



@pytest.mark.slow
def test_the_hostile_bid_of_the_founding_articles_is_drawn_as_conflict(tmp_path_factory):
    """February 2025, Musk's 97.4 bn dollar bid that Altman refuses: a red bar, no green one."""
    from tests.web.test_web_fixtures import example_db

    html = request(make_app(example_db(tmp_path_factory)), "GET", "/pairs/elon-musk/sam-altman").text
    spans = {
        match.group(1): match.group(2)
        for match in re.finditer(r'<g class="span [^"]*" data-start="([^"]+)"[^>]*>(.*?)</g>', html, re.S)
    }
    february = spans["2025-02-01"]
    assert "bar-conflict" in february and "bar-coop" not in february
    assert "bar-coop" in spans["2015-01-01"]  # the founding of OpenAI stays cooperation
