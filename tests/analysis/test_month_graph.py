"""A calendar month's graph page read from the stored month links (``store.graph_months``) is
the page the period's events give (the path every other period takes): same edges, nodes and
totals, with events spanning two months and events lasting more than a year."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from chronique.analysis import Chronicle, graph
from chronique.model import Annotations, Document, Entity
from chronique.store import Store, analysis_reads
from tests.builders import event, sentences, span

FIRST_DAY = date(2020, 1, 1)


def article(index: int, start: date, end: date, other: str | None = None) -> Annotations:
    """The Hub and ``other`` (Acteur{index % 7}) meet the Twin from ``start`` to ``end``."""
    other = other or f"Acteur{index % 7}"
    text = f"Le Hub et {other} rencontrent le Twin (réunion {index})."
    return Annotations(
        document=Document(f"doc-{index:03d}", text, start, "fr", None, None, "Test", None),
        entities=[Entity("hub", "Hub", "ORG", "hub", (), (span(text, "Hub"),)),
                  Entity("twin", "Twin", "ORG", "twin", (), (span(text, "Twin"),)),
                  Entity("other", other, "PERSON", other.lower(), (), (span(text, other),))],
        events=[event(text, "MEET", ("hub", "other"), ("twin",), f"Le Hub et {other} rencontrent le Twin",
                      "rencontrent", date=start.isoformat(), date_start=start.isoformat(), date_end=end.isoformat(),
                      score=1.0 if index % 2 else -0.5)],
        sentences=sentences(text),
    )


def alone(index: int, name: str, day: date) -> Annotations:
    """``name`` acts on itself: an event with one actor, linking no pair."""
    text = f"{name} se réorganise (réunion {index})."
    return Annotations(
        document=Document(f"doc-{index:03d}", text, day, "fr", None, None, "Test", None),
        entities=[Entity("solo", name, "ORG", name.lower(), (), (span(text, name),))],
        events=[event(text, "MEET", ("solo",), ("solo",), f"{name} se réorganise",
                      "réorganise", date=day.isoformat(), date_start=day.isoformat(), date_end=day.isoformat(),
                      score=0.5)],
        sentences=sentences(text),
    )


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("month_graph") / "m.db"
    articles = [article(index, FIRST_DAY + timedelta(days=index), FIRST_DAY + timedelta(days=index)) for index in range(45)]
    articles.append(article(45, date(2020, 1, 25), date(2020, 2, 5), "Voisin"))  # over two months
    articles.append(article(46, date(2019, 6, 1), date(2021, 6, 1), "Ancien"))  # over two years: not stored by month
    # April 2020: the Hub and Voisin meet the Twin, and three actors act alone (an event whose
    # source is its target links no pair): the unlinked actors a first page adds, most events first.
    articles.append(article(47, date(2020, 4, 3), date(2020, 4, 3), "Voisin"))
    articles += [alone(48 + index, name, date(2020, 4, 10 + index)) for index, name in enumerate(
        ["Solo", "Solo", "Seul", "Isolé"])]
    with Store(path) as store:
        store.save(articles)
    return path


@pytest.mark.parametrize(("month", "limit", "offset"), [
    ((2020, 1), 100, 0), ((2020, 1), 3, 0), ((2020, 1), 3, 2), ((2020, 2), 2, 0), ((2020, 2), 100, 0),
    ((2020, 3), 5, 0), ((2019, 12), 5, 0), ((2020, 4), 100, 0), ((2020, 4), 3, 0), ((2020, 4), 2, 0),
])
def test_a_month_page_is_the_page_of_the_months_events(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, month: tuple[int, int], limit: int, offset: int,
) -> None:
    start = date(*month, 1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    with Chronicle(store_path) as chron:
        stored = chron.graph(start=start, end=end, limit=limit, offset=offset)
        monkeypatch.setattr(graph, "month_of_period", lambda *_: None)
        read = chron.graph(start=start, end=end, limit=limit, offset=offset)
    assert stored == read
    assert stored.edges
    if month == (2020, 4):  # the Hub, Voisin, the Twin and the lone actors, as many as the page has room for
        assert [node.name for node in stored.nodes if node.name in {"Solo", "Seul", "Isolé"}] == (
            ["Isolé", "Seul", "Solo"] if limit > 2 else ["Solo"])


def test_a_month_counts_what_overlaps_it(store_path: Path) -> None:
    with Chronicle(store_path) as chron:
        january = chron.graph(start=date(2020, 1, 1), end=date(2020, 1, 31), limit=100)
        march = chron.graph(start=date(2020, 3, 1), end=date(2020, 3, 31), limit=100)
    # January: 31 one-day meetings, the one over two months and the one over two years.
    hub_twin = next(edge for edge in january.edges if (edge.source, edge.target) == ("hub", "twin"))
    assert hub_twin.events == 33
    assert (january.edge_total, january.node_total) == (1 + 9 * 2, 11)
    # March holds only the two-year meeting: the Hub, Ancien and the Twin.
    assert (march.edge_total, march.node_total) == (3, 3)
    assert {(edge.source, edge.target, edge.events) for edge in march.edges} == {
        ("ancien", "hub", 1), ("ancien", "twin", 1), ("hub", "twin", 1)}


@pytest.mark.parametrize(("start", "end"), [
    (date(2020, 1, 1), date(2020, 1, 31)), (date(2020, 1, 1), date(2020, 2, 29)), (date(2020, 1, 1), date(2020, 12, 31)),
    (date(2019, 6, 1), date(2019, 6, 30)),
])
def test_mentions_of_whole_months_are_the_mentions_of_their_articles(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, start: date, end: date,
) -> None:
    """Whole calendar months read the kept totals (``actor_month_mentions``); any other period
    walks its articles: both give each actor the same mentions."""
    with Chronicle(store_path) as chron:
        kept = chron.graph(start=start, end=end, limit=100)
        monkeypatch.setattr(analysis_reads, "_whole_months", lambda *_: None)
        walked = chron.graph(start=start, end=end, limit=100)
    assert kept == walked
    assert sum(node.mentions for node in kept.nodes) > 0
