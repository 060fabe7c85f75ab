"""Every list the HTTP API and the pages answer is bounded, whatever the size of the store.

A hand-built store holds more of everything than one request may ask for (``MAX_LIMIT``): 1,005
articles, each where the Hub meets one new actor and the Twin, with a quote of the Hub. Each list
endpoint must answer at most its default without a ``limit``, at most ``MAX_LIMIT`` with one,
refuse a larger ``limit`` (422), and lead to the next page with an RFC 8288 ``Link`` header whose
pages, followed, give every item exactly once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from chronique.analysis import Chronicle
from chronique.model import Annotations, Document, Entity, Quote, Relation
from chronique.store import Store
from chronique.web.api import PROFILE_RELATIONS
from chronique.web.pages import _ACTOR_QUOTES, _ACTOR_RELATIONS, _COUNTERPARTS, _TIMELINE_ROWS
from chronique.web.paging import DEFAULT_LIMIT, MAX_LIMIT
from tests.builders import event, sentences, span
from tests.web.test_web_fixtures import make_app, request

ARTICLES = MAX_LIMIT + 5
FIRST_DAY = date(2020, 1, 1)


def article(index: int) -> Annotations:
    """Article ``index``: the Hub meets Acteur{index} with the Twin, and says « Bonjour numéro N »;
    Acteur{index} is an adviser of the Twin (a ROLE relation: the Twin has a thousand) and thanks it
    (a quote about the Twin)."""
    other = f"Acteur{index:04d}"
    text = (f"Le Hub rencontre {other} et le Twin. Le Hub a dit « Bonjour numéro {index} » à {other}."
            f" {other}, conseiller du Twin, approuve. {other} a dit « Merci {index} » au Twin.")
    day = FIRST_DAY + timedelta(days=index)
    return Annotations(
        document=Document(f"doc-{index:04d}", text, day, "fr", f"Rencontre {index}", None, "Test", None),
        entities=[
            Entity("hub", "Hub", "ORG", "hub", (), (span(text, "Hub"),)),
            Entity("twin", "Twin", "ORG", "twin", (), (span(text, "Twin"),)),
            Entity("other", other, "PERSON", other.lower(), (), (span(text, other),)),
        ],
        quotes=[Quote(*span(text, f"Bonjour numéro {index}"), f"Bonjour numéro {index}", "hub", "a dit", "other"),
                Quote(*span(text, f"Merci {index}"), f"Merci {index}", "other", "a dit", "twin")],
        events=[event(text, "MEET", ("hub",), ("other", "twin"), f"Le Hub rencontre {other} et le Twin",
                      "rencontre", date=day.isoformat(), date_start=day.isoformat(), date_end=day.isoformat(),
                      score=1.0)],
        relations=[Relation("ROLE", "other", "twin", *span(text, f"{other}, conseiller du Twin"), "conseiller")],
        sentences=sentences(text),
    )


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "big.db"
    with Store(path) as store:
        store.save([article(index) for index in range(ARTICLES)])
    return path


@pytest.fixture(scope="module")
def app(big_store: Path):
    return make_app(big_store)


def next_link(response) -> str | None:
    """The address of the next page, from the ``Link: <…>; rel="next"`` header."""
    match = re.fullmatch(r'<([^>]+)>; rel="next"', response.headers.get("link", ""))
    return match.group(1) if match else None


#: Each list endpoint, how to read its items from the answer, and what identifies an item.
LISTS = {
    "/api/entities": (lambda body: body, lambda item: item["id"]),
    "/api/timeline?actor=Hub": (lambda body: body, lambda item: item["event_id"]),
    "/api/quotes?by=Hub": (lambda body: body, lambda item: (item["doc_id"], item["start"])),
    "/api/documents": (lambda body: body["items"], lambda item: item["id"]),
    "/api/graph": (lambda body: body["edges"], lambda item: (item["source"], item["target"])),
    "/api/pairs/Hub/Twin": (lambda body: body["events"], lambda item: item["event_id"]),
}

#: How many items each list has in all.
TOTALS = {
    "/api/entities": ARTICLES + 2,
    "/api/timeline?actor=Hub": ARTICLES,
    "/api/quotes?by=Hub": ARTICLES,
    "/api/documents": ARTICLES,
    "/api/graph": ARTICLES + 1,  # Hub–Acteur…, Hub–Twin
    "/api/pairs/Hub/Twin": ARTICLES,
}


def with_query(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


@pytest.mark.parametrize("url", list(LISTS))
def test_a_list_answers_its_default_page_and_links_the_next(app, url: str) -> None:
    items, _ = LISTS[url]
    response = request(app, "GET", url)
    assert response.status_code == 200, response.text
    assert len(items(response.json())) == DEFAULT_LIMIT
    if url == "/api/documents":  # by cursor: the last article's date and id
        last = items(response.json())[-1]
        cursor = f"{last['date']}:{last['id']}"
        assert response.json()["next"] == cursor
        assert next_link(response) == f"/api/documents?limit={DEFAULT_LIMIT}&after={cursor.replace(':', '%3A')}"
        return
    if url.startswith("/api/timeline"):  # by cursor: the last event's id
        assert next_link(response) == f"{url}&limit={DEFAULT_LIMIT}&after={items(response.json())[-1]['event_id']}"
        return
    assert next_link(response) == with_query(url.replace(" ", "%20"), f"limit={DEFAULT_LIMIT}&offset={DEFAULT_LIMIT}")


@pytest.mark.parametrize("url", list(LISTS))
def test_a_limit_above_the_maximum_is_refused(app, url: str) -> None:
    response = request(app, "GET", with_query(url, f"limit={MAX_LIMIT + 1}"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


@pytest.mark.parametrize("url", list(LISTS))
def test_following_the_links_gives_every_item_once(app, url: str) -> None:
    items, key = LISTS[url]
    seen: list[object] = []
    address: str | None = with_query(url, f"limit={MAX_LIMIT}")
    pages = 0
    while address is not None:
        response = request(app, "GET", address)
        assert response.status_code == 200, response.text
        page = items(response.json())
        assert 0 < len(page) <= MAX_LIMIT
        seen += [key(item) for item in page]
        address, pages = next_link(response), pages + 1
    assert pages == -(-TOTALS[url] // MAX_LIMIT)
    assert len(seen) == len(set(seen)) == TOTALS[url]


def test_a_documents_page_by_cursor_is_the_page_at_that_offset(app) -> None:
    by_offset = request(app, "GET", "/api/documents?limit=7&offset=993").json()
    before = request(app, "GET", "/api/documents?limit=1&offset=992").json()
    by_cursor = request(app, "GET", f"/api/documents?limit=7&after={before['next']}").json()
    assert [d["id"] for d in by_cursor["items"]] == [d["id"] for d in by_offset["items"]]
    assert [d["id"] for d in by_cursor["items"]] == [f"doc-{i:04d}" for i in range(ARTICLES - 994, ARTICLES - 1001, -1)]
    last = request(app, "GET", "/api/documents?limit=5&offset=1000").json()
    assert last["next"] is None and len(last["items"]) == 5
    assert request(app, "GET", "/api/documents?after=yesterday").status_code == 422


def test_the_graph_keeps_the_strongest_edges_and_at_most_twice_as_many_actors(app) -> None:
    graph = request(app, "GET", "/api/graph?limit=3").json()
    assert (graph["edge_total"], graph["node_total"]) == (ARTICLES + 1, ARTICLES + 2)
    # Hub–Twin share every event: the strongest edge comes first in rank, edges stay sorted by ids.
    assert [(e["source"], e["target"], e["events"]) for e in graph["edges"]][-1] == ("hub", "twin", ARTICLES)
    assert len(graph["edges"]) == 3 and len(graph["nodes"]) <= 6
    assert {n["id"] for n in graph["nodes"]} == {a for e in graph["edges"] for a in (e["source"], e["target"])}


def test_search_pages_are_bounded_and_linked(app) -> None:
    first = request(app, "GET", "/api/search?q=bonjour")
    assert len(first.json()) == 20 and next_link(first) == "/api/search?q=bonjour&limit=20&offset=20"
    second = request(app, "GET", next_link(first))
    assert not {h["doc_id"] + h["kind"] for h in first.json()} & {h["doc_id"] + h["kind"] for h in second.json()}
    assert request(app, "GET", "/api/search?q=bonjour&limit=101").status_code == 422


def test_a_profile_lists_at_most_the_counterparts_asked_for(app) -> None:
    profile = request(app, "GET", "/api/entities/Hub/profile").json()
    assert len(profile["counterparts"]) == DEFAULT_LIMIT
    assert profile["counterparts"][0]["entity_id"] == "twin"  # most interactions first
    assert request(app, "GET", f"/api/entities/Hub/profile?counterparts={MAX_LIMIT + 1}").status_code == 422


def test_pages_show_bounded_lists(app) -> None:
    network = request(app, "GET", "/network").text
    assert network.count('<td class="num">') == 2 * 300  # events and score cells of 300 links
    assert f"the 300 strongest of {ARTICLES + 1}" in network
    pair = request(app, "GET", "/pairs/Hub/Twin?page=4").text
    assert f"{ARTICLES} events together" in pair and "page 4 of 4" in pair
    assert request(app, "GET", "/documents?page=41").text.count('href="/documents/doc-') == ARTICLES - 40 * 25


def test_chronicle_pages_follow_one_another(big_store: Path) -> None:
    with Chronicle(big_store) as chron:
        everyone = [row.id for row in chron.entities()]
        assert [row.id for row in chron.entities(limit=7, offset=3)] == everyone[3:10]
        quotes = chron.quotes(by="Hub")
        assert chron.quotes(by="Hub", limit=2, offset=1000) == quotes[1000:1002]
        assert [hit.doc_id for hit in chron.search("bonjour", limit=5, offset=5)] == [
            hit.doc_id for hit in chron.search("bonjour", limit=10)][5:]
        assert chron.graph(limit=ARTICLES * 3).edge_total == len(chron.graph().edges) == ARTICLES + 1


def test_actors_matching_are_found_in_sql_and_bounded(big_store: Path) -> None:
    with Chronicle(big_store) as chron:
        assert [row.id for row in chron.actors_matching("acteur000", limit=3)] == [
            "acteur0000", "acteur0001", "acteur0002"]
        assert [row.id for row in chron.actors_matching("t", limit=2)] == ["twin", "acteur0000"]  # most mentioned first
        assert [row.id for row in chron.actors_matching("ACTEUR1004")] == ["acteur1004"]
        assert chron.actors_matching("  ") == [] and len(chron.actors_matching("e", limit=50)) == 50


def test_the_actor_page_shows_one_page_of_events_and_links_the_next(app) -> None:
    rows = _TIMELINE_ROWS
    pages = -(-ARTICLES // rows)
    first = request(app, "GET", "/actors/Hub").text
    second = request(app, "GET", "/actors/Hub?events_page=2").text
    last = request(app, "GET", f"/actors/Hub?events_page={pages}").text
    assert "Le Hub rencontre Acteur0000 " in first and f"Le Hub rencontre Acteur{rows - 1:04d} " in first
    assert f"Le Hub rencontre Acteur{rows:04d} " not in first and "events_page=2#events" in first
    assert f"Le Hub rencontre Acteur{rows:04d} " in second and "events_page=1#events" in second
    assert "Le Hub rencontre Acteur1004 " in last and f"events_page={pages + 1}#events" not in last


def test_the_actor_page_shows_one_page_of_counterparts_and_links_the_next(app) -> None:
    """The Hub meets every Acteur: one page of them, the next linked; the pages follow one
    another in the ranking of the profile (most interactions first)."""
    ranking = [c["name"] for c in request(app, "GET", f"/api/entities/Hub/profile?counterparts={MAX_LIMIT}").json()[
        "counterparts"]]
    first = request(app, "GET", "/actors/Hub").text
    second = request(app, "GET", "/actors/Hub?counterparts_page=2").text
    table = re.compile(r'<table class="counterparts" id="counterparts">(.*?)</table>', re.S)
    for page, text in ((0, first), (1, second)):
        shown = re.findall(r'class="chip[^"]*" href="[^"]*">([^<]+)</a>', table.search(text).group(1))
        assert shown == ranking[page * _COUNTERPARTS:(page + 1) * _COUNTERPARTS]
    assert "counterparts_page=2#counterparts" in first and "counterparts_page=1#counterparts" in second


def test_a_timeline_page_after_an_event_is_the_page_at_that_offset(app) -> None:
    by_offset = request(app, "GET", "/api/timeline?actor=Hub&limit=7&offset=993").json()
    before = request(app, "GET", "/api/timeline?actor=Hub&limit=1&offset=992").json()
    by_cursor = request(app, "GET", f"/api/timeline?actor=Hub&limit=7&after={before[0]['event_id']}")
    assert [e["event_id"] for e in by_cursor.json()] == [e["event_id"] for e in by_offset]
    assert f"after={by_offset[-1]['event_id']}" in by_cursor.headers["link"]
    last = request(app, "GET", f"/api/timeline?actor=Hub&after={by_offset[-1]['event_id']}")
    assert len(last.json()) == ARTICLES - 1000 and "link" not in last.headers
    unknown = request(app, "GET", "/api/timeline?actor=Hub&after=no-such-event")
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["query", "after"]


def test_timeline_pages_by_cursor_are_the_pages_by_offset(big_store: Path) -> None:
    with Chronicle(big_store) as chronicle:
        by_offset = [chronicle.timeline("Hub", "Twin", limit=250, offset=offset) for offset in range(0, ARTICLES, 250)]
        by_cursor, after = [], None
        while True:
            page = chronicle.timeline("Hub", "Twin", limit=250, after=after)
            if not page:
                break
            by_cursor.append(page)
            after = page[-1].event_id  # one event a day: the last shown is the last of the cut
    assert by_cursor == by_offset
    assert sum(map(len, by_cursor)) == ARTICLES


def same_day_article(index: int) -> Annotations:
    """Article ``index`` of a store where four meetings share each day, so that one day's events
    are first reported in another order than their ids."""
    annotations = article(index)
    day = FIRST_DAY + timedelta(days=index // 4)
    text = annotations.document.text
    meeting = event(text, "MEET", ("hub",), ("other", "twin"), f"Le Hub rencontre Acteur{index:04d} et le Twin",
                    "rencontre", date=day.isoformat(), date_start=day.isoformat(), date_end=day.isoformat(),
                    score=1.0)
    return replace(annotations, events=[meeting])


@pytest.fixture(scope="module")
def same_day_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("same-day") / "same-day.db"
    with Store(path) as store:
        store.save([same_day_article(index) for index in range(60)])
    return path


def test_pages_of_a_timeline_with_several_events_a_day_list_each_event_once(same_day_store: Path) -> None:
    with Chronicle(same_day_store) as chronicle:
        whole = [entry.event_id for entry in chronicle.timeline("Hub")]
        assert len(whole) == 60
        by_offset = [entry.event_id for offset in range(0, 60, 7)
                     for entry in chronicle.timeline("Hub", limit=7, offset=offset)]
        by_cursor, after = [], None
        while len(by_cursor) <= 60:
            page = chronicle.timeline("Hub", limit=7, after=after)
            if not page:
                break
            by_cursor += [entry.event_id for entry in page]
            after = page[-1].event_id  # the last event shown is the cursor of the next page
    assert by_cursor == by_offset
    assert sorted(by_cursor) == sorted(whole)
    followed, url = [], "/api/timeline?actor=Hub&limit=7"
    app = make_app(same_day_store)
    while url is not None and len(followed) <= 60:
        response = request(app, "GET", url)
        followed += [entry["event_id"] for entry in response.json()]
        url = next_link(response)
    assert followed == by_offset


def test_a_profile_and_an_actor_page_show_the_first_relations_and_say_how_many(app) -> None:
    """The Twin has an adviser in every article: the profile gives the first ones (more when
    asked), the page the first ones and a link to all of them."""
    profile = request(app, "GET", "/api/entities/Twin/profile").json()
    assert profile["relation_count"] == ARTICLES and len(profile["relations"]) == PROFILE_RELATIONS
    everyone = request(app, "GET", f"/api/entities/Twin/profile?relations={MAX_LIMIT}").json()["relations"]
    assert len(everyone) == MAX_LIMIT and everyone[:PROFILE_RELATIONS] == profile["relations"]
    page = request(app, "GET", "/actors/Twin").text
    assert page.count('<span class="badge">ROLE</span>') == _ACTOR_RELATIONS
    assert f"The first {_ACTOR_RELATIONS} of {ARTICLES} roles" in page and "relations=1000" in page
    assert "more-roles" not in request(app, "GET", "/actors/Acteur0001").text  # one role: all shown


def test_the_actor_page_shows_one_page_of_quotes_about_the_actor_newest_first(app) -> None:
    first = request(app, "GET", "/actors/Twin").text
    second = request(app, "GET", "/actors/Twin?about_page=2").text
    about = re.compile(r'<section class="card" id="quotes-about">(.*?)</section>', re.S)
    newest = [f"Merci {ARTICLES - 1 - index}" for index in range(2 * _ACTOR_QUOTES)]
    assert re.findall(r"<q>(Merci \d+)</q>", about.search(first).group(1)) == newest[:_ACTOR_QUOTES]
    assert re.findall(r"<q>(Merci \d+)</q>", about.search(second).group(1)) == newest[_ACTOR_QUOTES:]
    assert "about_page=2#quotes-about" in first and "about_page=1#quotes-about" in second
