"""The analyst's API (``chronique.analysis``): series, periods, pairs, profiles, search, graph.

Fast tests run on a small world built by hand (no spaCy), whose every figure can be worked out
on paper. Alice founds Acme (2020-01) and, with Bob, Zeta (2019); Bob praises Alice (2020-01-10),
accuses her (2020-02-20), sues Acme (2020-03) and might threaten her (hypothetical: never
counted); Alice rejects Bob (undated); Acme and Zeta partner (2020-03-15); Alice is Acme's CEO.
The slow tests at the end run on the example articles through the real pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from chronique.analysis import Chronicle, SeriesPoint, UnknownActor, to_frame
from chronique.analysis.search import fold, fts_query, locate, query_parts
from chronique.errors import ChroniqueError, StoreError
from chronique.model import Annotations, Document, Entity, Event, Quote, Relation, Timex
from chronique.store import Store, text_reads
from tests.builders import sentences, span, sql

ALICE, BOB, ACME, ZETA = "alice", "bob", "acme", "zeta"

TEXT_1 = "Alice a fondé Acme en janvier 2020. Bob a salué Alice le 10 janvier 2020. Alice et Bob ont fondé Zeta en 2019."
TEXT_2 = (
    "Bob accuse Alice le 20 février 2020. Bob poursuit Acme en mars 2020. "
    "« C'est une économie de bouts de chandelle », dit Bob à propos d'Alice."
)
TEXT_3 = (
    "Bob pourrait menacer Alice en mars 2020. Alice rejette Bob. Alice, patronne d'Acme, se tait. "
    "Acme et Zeta s'associent le 15 mars 2020."
)


def event(text: str, type_: str, sources: tuple[str, ...], targets: tuple[str, ...], evidence: str,
          trigger: str, score: float, date_: str | None = None, first: str | None = None,
          last: str | None = None, modality: str = "asserted") -> Event:
    start, end = span(text, evidence)
    trigger_start = text.index(trigger, start)
    return Event(type_, sources, targets, start, end, trigger, trigger_start, trigger_start + len(trigger),
                 date=date_, date_start=first, date_end=last, modality=modality, score=score)


def entities(text: str, *keys: str) -> list[Entity]:
    names = {ALICE: "Alice", BOB: "Bob", ACME: "Acme", ZETA: "Zeta"}
    types = {ALICE: "PERSON", BOB: "PERSON", ACME: "ORG", ZETA: "ORG"}
    return [
        Entity(key, names[key], types[key], key, (),
               tuple((i, i + len(names[key])) for i in range(len(text)) if text.startswith(names[key], i)))
        for key in keys
    ]


def doc_1() -> Annotations:
    text = TEXT_1
    return Annotations(
        document=Document("d1", text, date(2020, 1, 15), "fr", "Fondations"),
        entities=entities(text, ALICE, BOB, ACME, ZETA),
        timexes=[Timex(*span(text, "janvier 2020"), "janvier 2020", "DATE", "2020-01", "2020-01-01", "2020-01-31")],
        events=[
            event(text, "FOUND", (ALICE,), (ACME,), "Alice a fondé Acme", "fondé", 3.5, "2020-01", "2020-01-01", "2020-01-31"),
            event(text, "PRAISE", (BOB,), (ALICE,), "Bob a salué Alice", "salué", 3.4, "2020-01-10", "2020-01-10", "2020-01-10"),
            event(text, "FOUND", (ALICE, BOB), (ZETA,), "Alice et Bob ont fondé Zeta", "fondé", 3.5, "2019", "2019-01-01", "2019-12-31"),
        ],
        sentences=sentences(text),
    )


def doc_2() -> Annotations:
    text = TEXT_2
    return Annotations(
        document=Document("d2", text, date(2020, 3, 2), "fr", "Procès"),
        entities=entities(text, ALICE, BOB, ACME),
        quotes=[Quote(*span(text, "C'est une économie de bouts de chandelle"), "C'est une économie de bouts de chandelle",
                      BOB, "dit", ALICE)],
        events=[
            event(text, "ACCUSE", (BOB,), (ALICE,), "Bob accuse Alice", "accuse", -2.0, "2020-02-20", "2020-02-20", "2020-02-20"),
            event(text, "SUE", (BOB,), (ACME,), "Bob poursuit Acme", "poursuit", -2.0, "2020-03", "2020-03-01", "2020-03-31"),
        ],
        sentences=sentences(text),
    )


def doc_3() -> Annotations:
    text = TEXT_3
    return Annotations(
        document=Document("d3", text, date(2020, 3, 20), "fr", None),
        entities=entities(text, ALICE, BOB, ACME, ZETA),
        events=[
            event(text, "THREATEN", (BOB,), (ALICE,), "Bob pourrait menacer Alice", "menacer", -6.0, "2020-03",
                  "2020-03-01", "2020-03-31", modality="hypothetical"),
            event(text, "REJECT", (ALICE,), (BOB,), "Alice rejette Bob", "rejette", -4.0),
            event(text, "PARTNER", (ACME, ZETA), (), "Acme et Zeta s'associent", "associent", 8.0, "2020-03-15",
                  "2020-03-15", "2020-03-15"),
        ],
        relations=[Relation("ROLE", ALICE, ACME, *span(text, "Alice, patronne d'Acme"), title="ceo")],
        sentences=sentences(text),
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store() as opened:
        opened.save([doc_1(), doc_2(), doc_3()])
        yield opened


@pytest.fixture
def chron(store: Store) -> Chronicle:
    return Chronicle(store)


def ids_by_type(chron: Chronicle) -> dict[str, str]:
    """Event type (FOUND twice: FOUND_ACME, FOUND_ZETA) → event id."""
    result = {}
    for entry in chron.timeline(undated=True):
        key = f"FOUND_{entry.targets[0].upper()}" if entry.type == "FOUND" else entry.type
        result[key] = entry.event_id
    return result


# -- actors ------------------------------------------------------------------------------------


def test_actor_by_name_alias_or_id_and_a_clear_error_otherwise(chron: Chronicle) -> None:
    assert chron.actor("alice").name == "Alice"
    assert chron.actor("Bob").id == BOB
    with pytest.raises(UnknownActor, match="'Nobody'.*chronique entities") as raised:
        chron.timeline("Nobody")
    assert isinstance(raised.value, ChroniqueError)
    assert [row.name for row in chron.entities("ORG")] == ["Acme", "Zeta"]


def test_a_missing_database_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Chronicle(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_a_chronicle_over_an_open_store_leaves_it_open(store: Store) -> None:
    with Chronicle(store) as chron:
        chron.entities()
    assert store.counts()["documents"] == 3


# -- timeline and periods ----------------------------------------------------------------------


def summary(entries) -> list[tuple[str, str | None]]:
    return [(entry.type, entry.date_value) for entry in entries]


def test_timeline_of_any_of_several_actors(chron: Chronicle) -> None:
    assert summary(chron.timeline("Alice")) == [
        ("FOUND", "2019"), ("FOUND", "2020-01"), ("PRAISE", "2020-01-10"), ("ACCUSE", "2020-02-20"),
    ]
    assert summary(chron.timeline("Zeta", "Acme")) == [
        ("FOUND", "2019"), ("FOUND", "2020-01"), ("SUE", "2020-03"), ("PARTNER", "2020-03-15"),
    ]
    assert summary(chron.timeline("Alice", undated=True))[-1] == ("REJECT", None)


def test_a_period_keeps_the_events_whose_dates_overlap_it(chron: Chronicle) -> None:
    # "2020-01" (the whole month) overlaps 20 January–28 February; 10 January does not.
    assert summary(chron.timeline("Alice", start=date(2020, 1, 20), end=date(2020, 2, 28))) == [
        ("FOUND", "2020-01"), ("ACCUSE", "2020-02-20"),
    ]
    assert summary(chron.timeline(start=date(2020, 3, 1))) == [("SUE", "2020-03"), ("PARTNER", "2020-03-15")]
    assert summary(chron.timeline(end=date(2019, 12, 31))) == [("FOUND", "2019")]
    assert summary(chron.timeline("Alice", start=date(2020, 2, 20), end=date(2020, 2, 20), undated=True)) == [
        ("ACCUSE", "2020-02-20"), ("REJECT", None),
    ]
    assert chron.timeline(start=date(2021, 1, 1)) == []


# -- series ------------------------------------------------------------------------------------


def test_series_sums_scores_by_month_of_the_start_date(chron: Chronicle) -> None:
    ids = ids_by_type(chron)
    assert chron.series("Alice") == [
        SeriesPoint("2019-01", 1, 3.5, 0.0, 3.5, 3.5, (ids["FOUND_ZETA"],)),
        SeriesPoint("2020-01", 2, 6.9, 0.0, 6.9, 3.45, tuple(sorted((ids["FOUND_ACME"], ids["PRAISE"])))),
        SeriesPoint("2020-02", 1, 0.0, -2.0, -2.0, -2.0, (ids["ACCUSE"],)),
    ]


def test_series_period_and_filled_months(chron: Chronicle) -> None:
    # The FOUND of "2020-01" counts on 2020-01-01, before the period: left out.
    points = chron.series("Alice", start=date(2020, 1, 5), end=date(2020, 12, 31))
    assert [(p.period, p.events, p.score) for p in points] == [("2020-01", 1, 3.4), ("2020-02", 1, -2.0)]
    filled = chron.series("Alice", fill=True)
    assert len(filled) == 14 and filled[1] == SeriesPoint("2019-02", 0, 0.0, 0.0, 0.0, 0.0, ())


# -- pair --------------------------------------------------------------------------------------


def test_pair_holds_shared_events_and_events_through_an_organisation(chron: Chronicle) -> None:
    ids = ids_by_type(chron)
    history = chron.pair("Alice", "Bob")
    assert (history.a.id, history.b.id) == (ALICE, BOB)
    # Co-founders, praise, accusation, Bob suing the company Alice runs; the undated rejection last.
    assert summary(history.events) == [
        ("FOUND", "2019"), ("PRAISE", "2020-01-10"), ("ACCUSE", "2020-02-20"), ("SUE", "2020-03"), ("REJECT", None),
    ]
    [link] = history.links
    assert (link.event_id, link.actor_id, link.via_id, link.title) == (ids["SUE"], ALICE, ACME, "ceo")
    assert [(p.period, p.score) for p in history.series] == [
        ("2019-01", 3.5), ("2020-01", 3.4), ("2020-02", -2.0), ("2020-03", -2.0),
    ]
    assert [q.text for q in history.b_about_a] == ["C'est une économie de bouts de chandelle"]
    assert history.a_about_b == ()
    assert history.relations == ()


def test_a_page_of_a_pair_keeps_the_whole_series(chron: Chronicle) -> None:
    whole = chron.pair("Alice", "Bob")
    first = chron.pair("Alice", "Bob", limit=2)
    assert summary(first.events) == [("FOUND", "2019"), ("PRAISE", "2020-01-10")]
    assert (first.event_count, whole.event_count) == (5, 5) and first.links == ()
    assert first.series == whole.series
    last = chron.pair("Alice", "Bob", limit=2, offset=3)
    assert summary(last.events) == [("SUE", "2020-03"), ("REJECT", None)]
    assert [link.via_id for link in last.links] == [ACME]


def test_pair_direct_only_and_series_agree_with_pair(chron: Chronicle) -> None:
    direct = chron.pair("Bob", "Alice", direct_only=True)
    assert "SUE" not in [e.type for e in direct.events] and direct.links == ()
    assert chron.series("Alice", "Bob") == list(chron.pair("Alice", "Bob").series)
    assert chron.pair("Acme", "Zeta").events[-1].type == "PARTNER"


# -- profile -----------------------------------------------------------------------------------


def test_profile_ranks_counterparts_by_interactions(chron: Chronicle) -> None:
    profile = chron.profile("Alice", events=3)
    assert [(c.name, c.interactions, c.events, c.quotes, c.cooperation, c.conflict, c.score)
            for c in profile.counterparts] == [
        ("Bob", 5, 4, 1, 6.9, -6.0, 0.9),  # founded Zeta together, praise, accusation, rejection; a quote
        ("Acme", 1, 1, 0, 3.5, 0.0, 3.5),
        ("Zeta", 1, 1, 0, 3.5, 0.0, 3.5),
    ]
    assert profile.event_count == 5
    assert summary(profile.latest_events) == [("ACCUSE", "2020-02-20"), ("PRAISE", "2020-01-10"), ("FOUND", "2020-01")]
    [role] = profile.relations
    assert (role.type, role.target_name, role.title) == ("ROLE", "Acme", "ceo")
    assert role.evidence[0].sentence == "Alice, patronne d'Acme, se tait."
    assert [q.speaker_name for q in profile.quotes_about] == ["Bob"] and profile.quotes_by == ()


def test_profile_lists_undated_events_last(chron: Chronicle) -> None:
    assert summary(chron.profile("Alice", events=10).latest_events)[-1] == ("REJECT", None)


# -- search ------------------------------------------------------------------------------------


def test_search_without_accents_finds_the_article_and_the_quote(chron: Chronicle) -> None:
    hits = chron.search("economie")
    assert sorted(hit.kind for hit in hits) == ["article", "quote"]
    for hit in hits:
        assert hit.doc_id == "d2" and hit.doc_date == date(2020, 3, 2)
        assert hit.sentence == "« C'est une économie de bouts de chandelle », dit Bob à propos d'Alice."
    article = next(hit for hit in hits if hit.kind == "article")
    assert TEXT_2[article.start:article.end] == "économie" and article.title == "Procès"
    quote = next(hit for hit in hits if hit.kind == "quote")
    assert TEXT_2[quote.start:quote.end] == "C'est une économie de bouts de chandelle"
    assert (quote.speaker_id, quote.speaker_name) == (BOB, "Bob")


def test_search_every_word_must_match_and_quotes_make_phrases(chron: Chronicle) -> None:
    assert {hit.doc_id for hit in chron.search("Alice Acme")} == {"d1", "d2", "d3"}
    assert {hit.doc_id for hit in chron.search("Zeta associent")} == {"d3"}
    assert sorted(hit.kind for hit in chron.search('"bouts de chandelle"')) == ["article", "quote"]
    assert chron.search('"chandelle de bouts"') == []
    assert len(chron.search("Alice", limit=2)) == 2


@pytest.mark.parametrize("text, found", [
    ('"', False), ("*", False), ("", False), ("   ", False), ("NEAR(", False), ("AND", False), ("-", False),
    ("Bob AND", False), ('économie"', True), ("économie*", True), ("-économie", True), ("(économie)", True),
    ("économie OR", False), ("'; DROP TABLE documents; --", False),
])
def test_hostile_search_text_never_breaks_the_query(chron: Chronicle, text: str, found: bool) -> None:
    assert bool(chron.search(text)) is found
    assert chron.entities()  # the store is intact


def test_query_parts_and_fts_query() -> None:
    assert query_parts('bid "non merci" NEAR(x*') == [["bid"], ["non", "merci"], ["NEAR"], ["x"]]
    assert query_parts('unclosed "quote here') == [["unclosed"], ["quote"], ["here"]]
    assert fts_query([["bid"], ["non", "merci"]]) == '"bid" "non merci"'


def test_locate_maps_folded_matches_back_to_the_text() -> None:
    text = "L’ÉCONOMIE et l'économie d'İstanbul"
    assert fold("Économie")[0] == "economie"
    assert locate(text, [["economie"]]) == (2, 10)
    start, end = locate(text, [["istanbul"]])  # İ folds to two characters before the accent goes
    assert text[start:end] == "İstanbul"
    assert locate(text, [["conomie"]]) is None  # whole words only, as FTS5 matches


# -- graph -------------------------------------------------------------------------------------


def edge_figures(graph) -> dict[tuple[str, str], tuple[int, float, float, float]]:
    return {(e.source, e.target): (e.weight, e.cooperation, e.conflict, e.score) for e in graph.edges}


def test_graph_edges_link_sources_to_targets_and_co_sources(chron: Chronicle) -> None:
    graph = chron.graph()
    assert edge_figures(graph) == {
        (ACME, ALICE): (1, 3.5, 0.0, 3.5),
        (ACME, BOB): (1, 0.0, -2.0, -2.0),
        (ACME, ZETA): (1, 8.0, 0.0, 8.0),  # co-sources of one PARTNER
        (ALICE, BOB): (4, 6.9, -6.0, 0.9),  # co-founders, praise, accusation, undated rejection
        (ALICE, ZETA): (1, 3.5, 0.0, 3.5),
        (BOB, ZETA): (1, 3.5, 0.0, 3.5),
    }
    alice_bob = next(e for e in graph.edges if (e.source, e.target) == (ALICE, BOB))
    assert (alice_bob.first_date, alice_bob.last_date) == ("2019-01-01", "2020-02-20")
    assert alice_bob.types == ("ACCUSE", "FOUND", "PRAISE", "REJECT") and alice_bob.events == 4
    assert [(n.id, n.events) for n in graph.nodes] == [(ACME, 3), (ALICE, 5), (BOB, 5), (ZETA, 2)]
    assert (graph.start, graph.end) == (None, None)


def test_graph_over_a_period(chron: Chronicle) -> None:
    graph = chron.graph(start=date(2020, 1, 1), end=date(2020, 1, 31))
    assert edge_figures(graph) == {(ACME, ALICE): (1, 3.5, 0.0, 3.5), (ALICE, BOB): (1, 3.4, 0.0, 3.4)}
    assert [n.id for n in graph.nodes] == [ACME, ALICE, BOB]
    assert chron.graph(start=date(2030, 1, 1)).edges == ()


# -- frames ------------------------------------------------------------------------------------


def test_to_frame_has_one_column_per_field_and_plain_nested_values(chron: Chronicle) -> None:
    frame = to_frame(chron.series("Alice"))
    assert list(frame.columns) == ["period", "events", "cooperation", "conflict", "score", "mean", "event_ids"]
    assert frame["score"].tolist() == [3.5, 6.9, -2.0]
    timeline = to_frame(chron.timeline("Alice"))
    mention = timeline.loc[0, "mentions"][0]
    assert mention["doc_id"] == "d1" and mention["doc_date"] == "2020-01-15"  # nested dates as ISO strings
    pair = to_frame([chron.pair("Alice", "Bob")])
    assert pair.loc[0, "a"]["name"] == "Alice"
    json.dumps(pair.loc[0].to_dict())  # every cell is JSON-able
    hits = to_frame(chron.search("economie"))
    assert hits.loc[0, "doc_date"] == date(2020, 3, 2)  # top-level dates stay dates


def test_to_frame_of_nothing(chron: Chronicle) -> None:
    assert to_frame([]).empty
    assert list(to_frame([], SeriesPoint).columns)[:2] == ["period", "events"]
    with pytest.raises(TypeError, match="dataclass"):
        to_frame([{"a": 1}])


# -- the example articles (real pipeline) ----------------------------------------------------------


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    from chronique.ingest import ingest_paths

    path = tmp_path_factory.mktemp("analysis") / "examples.db"
    with Store(path) as opened:
        ingest_paths([examples_dir], opened)
    return path


@pytest.mark.slow
def test_musk_altman_turns_from_cooperation_to_conflict(examples_store: Path) -> None:
    with Chronicle(examples_store) as chron:
        history = chron.pair("Elon Musk", "Sam Altman")
    dated = [e for e in history.events if e.date_start]
    assert [e.date_start for e in dated] == sorted(e.date_start for e in dated)
    founding = dated[0]
    assert (founding.type, founding.date_value, founding.sources, founding.targets) == (
        "FOUND", "2015", ("Elon Musk",), ("OpenAI",))
    link = next(link for link in history.links if link.event_id == founding.event_id)
    assert (link.actor_name, link.via_name) == ("Sam Altman", "OpenAI")  # Altman runs OpenAI
    first = history.series[0]
    assert (first.period, first.event_ids) == ("2015-01", (founding.event_id,)) and first.score > 0
    later = [p for p in history.series if p.period >= "2023"]
    assert later and all(point.score < 0 for point in later)
    story = {(e.type, e.date_value) for e in history.events}
    assert {("ACCUSE", "2023"), ("REJECT", "2025-02"), ("BID", "2025-02")} <= story
    bid = next(e for e in history.events if e.type == "BID")
    assert bid.amount == pytest.approx(97.4e9)
    assert any("volé une organisation à but non lucratif" in q.text for q in history.a_about_b)


@pytest.mark.slow
def test_zuckerberg_profile_shows_meta_his_role_and_musk_s_request(examples_store: Path) -> None:
    with Chronicle(examples_store) as chron:
        profile = chron.profile("Mark Zuckerberg")
    assert ("ROLE", "Meta", "ceo") in [(r.type, r.target_name, r.title) for r in profile.relations]
    request = next(e for e in profile.latest_events if e.type == "REQUEST")
    assert request.sources == ("Elon Musk",) and request.targets == ("Mark Zuckerberg",)
    assert profile.counterparts[0].name == "Elon Musk"


@pytest.mark.slow
def test_search_milliards_finds_the_bid_sentence(examples_store: Path) -> None:
    with Chronicle(examples_store) as chron:
        hits = chron.search("milliards")
    assert any("97,4 milliards de dollars" in hit.sentence and hit.kind == "article" for hit in hits)


@pytest.mark.slow
def test_example_graph_edges_have_the_expected_signs(examples_store: Path) -> None:
    with Chronicle(examples_store) as chron:
        edges = {(e.source, e.target): e for e in chron.graph().edges}
    assert edges[("elon-musk", "sam-altman")].score < 0
    assert edges[("elon-musk", "mark-zuckerberg")].score > 0
    assert edges[("microsoft", "openai")].score > 0
    assert edges[("openai", "xai")].score < 0


# -- pages and the ways events are chosen (store.selection) ---------------------------------------


def overlaps(entry, start: date | None, end: date | None) -> bool:
    if entry.date_start is None:
        return False
    last = entry.date_end or entry.date_start
    return (end is None or entry.date_start <= end.isoformat()) and (start is None or last >= start.isoformat())


PERIODS = [(None, None), (date(2020, 1, 1), date(2020, 1, 31)), (date(2019, 6, 1), None),
           (None, date(2020, 2, 1)), (date(2020, 2, 20), date(2020, 3, 1)), (date(2021, 1, 1), date(2021, 2, 1))]


@pytest.mark.parametrize("actors", [(), ("Alice",), ("Bob",), ("Acme", "Zeta")])
@pytest.mark.parametrize("start, end", PERIODS)
def test_every_way_of_choosing_gives_the_same_events(chron: Chronicle, actors, start, end) -> None:
    everything = chron.timeline(*actors, undated=True)
    expected = [e.event_id for e in everything if (start is None and end is None) or overlaps(e, start, end)]
    assert sorted(e.event_id for e in chron.timeline(*actors, start=start, end=end, undated=True)) == sorted(
        expected + ([e.event_id for e in everything if e.date_start is None and e.date_value is None]
                    if start or end else []))
    dated = [e.event_id for e in chron.timeline(*actors, start=start, end=end)]
    pages = [chron.timeline(*actors, start=start, end=end, limit=2, offset=offset) for offset in range(0, 12, 2)]
    assert [e.event_id for page in pages for e in page] == dated  # pages follow one another


def test_pages_of_a_timeline(chron: Chronicle) -> None:
    assert summary(chron.timeline("Alice", limit=2)) == [("FOUND", "2019"), ("FOUND", "2020-01")]
    assert summary(chron.timeline("Alice", limit=2, offset=2)) == [("PRAISE", "2020-01-10"), ("ACCUSE", "2020-02-20")]
    assert summary(chron.timeline("Alice", offset=3)) == [("ACCUSE", "2020-02-20")]
    assert summary(chron.timeline("Alice", undated=True, limit=1, offset=4)) == [("REJECT", None)]


def plan(store: Store, query: str, params: list) -> str:
    return " ".join(row[-1] for row in sql(store, f"EXPLAIN QUERY PLAN {query}", params))


def test_period_and_time_order_queries_read_their_indexes(tmp_path: Path) -> None:
    from chronique.store.selection import _UNDATED, _WHEN, EventFilter, _period_source

    with Store(tmp_path / "plans.db") as store:
        store.save([doc_1(), doc_2(), doc_3()])
        period, params = _period_source(EventFilter(start=date(2020, 1, 1), end=date(2020, 1, 31)))
        assert plan(store, period, params).count("events_by_span_start") == 3
        ordered = f"SELECT e.id FROM events e ORDER BY {_UNDATED}, {_WHEN}, e.id LIMIT 5"
        assert "events_in_time_order" in plan(store, ordered, [])


@pytest.mark.slow
def test_the_query_benchmark_runs_on_a_small_store() -> None:
    """A smoke run of bench/query_latency.py (figures are never asserted: they depend on the machine)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "query_latency.py"), "--docs", "300", "--queries", "5", "--json"],
        capture_output=True, text=True, timeout=600, check=True,
    )
    report = json.loads(completed.stdout)
    assert report["store"]["counts"]["documents"] == 300
    assert {"pair A B, all events", "profile", "search, rare word", "graph, one month"} <= set(report["results"])
    assert all(figures["queries"] >= 1 and figures["p95_ms"] >= figures["p50_ms"] for figures in report["results"].values())


def test_actor_rows_are_kept_until_the_store_changes(tmp_path: Path) -> None:
    path = tmp_path / "world.db"
    with Store(path) as writer_store:
        writer_store.save([doc_1()])
        with Chronicle(path) as chron:
            assert chron.actor("Alice").document_count == 1
            writer_store.save([doc_2(), doc_3()])  # another connection writes
            assert chron.actor("Alice").document_count == 3
    with Store() as store:
        store.save([doc_1()])
        chron = Chronicle(store)
        assert chron.actor("Bob").document_count == 1
        store.save([doc_2()])  # the same connection writes
        assert chron.actor("Bob").document_count == 2


def test_a_word_too_common_to_rank_lists_its_newest_articles_first(chron: Chronicle, monkeypatch) -> None:
    # "Bob" is told three times in d2, twice in d3, once in d1: bm25 puts d2 first.
    ranked = [hit.doc_id for hit in chron.search("Bob") if hit.kind == "article"]
    assert ranked[0] == "d2"
    # In as many articles as COMMON_MATCHES, bm25 would walk every one of them to weigh the
    # word: the newest stored come first instead, and so in a query where it is one part of two.
    monkeypatch.setattr(text_reads, "COMMON_MATCHES", 3)
    assert [hit.doc_id for hit in chron.search("Bob") if hit.kind == "article"] == ["d3", "d2", "d1"]
    assert [hit.doc_id for hit in chron.search("Bob Acme") if hit.kind == "article"] == ["d3", "d2", "d1"]
