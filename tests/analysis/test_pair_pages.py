"""A pair's history read by month in SQL (``analysis.pair.pair_page``) is the one every event of
the pair gives (the way it was read before, kept here as the reference: every event of the pair
read and sorted, ``series.monthly_series`` over them), page by page.

The small world of ``test_analysis`` (Alice, CEO of Acme, an undated role; Bob) plus a fourth
article: Alice also heads Zeta, but only from 2020 to 2021 (a dated role); Bob criticises Acme
and Zeta at once in 2021 (reached through both organisations, counted once), sues Zeta in
2022 (after Alice left: not part of the pair), praises Alice in a year told without a start
day, and thanks Zeta and threatens Alice on days nobody wrote down; and in February 2020, the
month of the accusation, Alice criticises Bob before it and Bob congratulates her after it
(three events of one month, whose ids do not sort as their days).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

import pytest

from chronique.analysis import Chronicle
from chronique.analysis.pair import _Candidate, _links, _Role, _roles, pair_scored_events
from chronique.analysis.records import PairHistory, PairLink
from chronique.analysis.series import ScoredEvent, monthly_series, period_spans
from chronique.model import Annotations, Document, Relation
from chronique.store import Store
from chronique.store.reader import StoreReader
from chronique.store.records import EntityRow, TimelineEntry
from tests.analysis.test_analysis import ACME, ALICE, BOB, ZETA, doc_1, doc_2, doc_3, entities, event
from tests.builders import sentences, span

# -- the reference: every event of the pair read, then sorted and cut (the pre-bucket way) ---------

def _candidates(reads: StoreReader, a: str, b: str, roles: Mapping[tuple[str, str], list[_Role]]) -> list[_Candidate]:
    """Events of each member with an organisation of the other (each pair read from the side
    with fewer events, as ``store.selection`` does for "all of these actors")."""
    candidates = []
    for member, other in ((a, b), (b, a)):
        for org in sorted({org for holder, org in roles if holder == other}):
            candidates += [_Candidate(event_id, other, org) for event_id in reads.events_of_all((member, org))]
    return candidates


def _selection(reads: StoreReader, a: str, b: str, direct_only: bool) -> tuple[set[str], list[_Candidate], dict]:
    """The direct event ids, the indirect candidates (not direct) and the roles behind them."""
    direct = set(reads.events_of_all((a, b)))
    if direct_only:
        return direct, [], {}
    roles = _roles(reads, {a, b})
    return direct, [c for c in _candidates(reads, a, b, roles) if c.event_id not in direct], roles


def _scored(
    reads: StoreReader, a: str, b: str, direct_only: bool, names: Mapping[str, str]
) -> tuple[list[ScoredEvent], list[PairLink]]:
    """Every event of the pair with only its dates and score (cheap for thousands), and the links
    of the indirect ones."""
    direct, candidates, roles = _selection(reads, a, b, direct_only)
    events = {event.event_id: event for event in reads.scored_events(direct | {c.event_id for c in candidates})}
    links = _links(candidates, roles, events, names)
    kept = direct | {link.event_id for link in links}
    return [event for event_id, event in events.items() if event_id in kept], links


def _page_order(event: ScoredEvent) -> tuple[bool, str, str]:
    """Dated first, by date, then id: how pages are cut (as in ``store.selection``)."""
    when = event.date_start or event.date_value
    return (when is None, when or "", event.event_id)


def pair_events(
    reads: StoreReader, a: EntityRow, b: EntityRow, *, direct_only: bool = False,
    limit: int | None = None, offset: int = 0,
) -> tuple[list[TimelineEntry], list[PairLink], list[ScoredEvent]]:
    """The pair's events in timeline order (undated last; with ``limit``, one page of them), the
    links of the indirect ones among them, and every event of the pair as a :class:`ScoredEvent`
    (for the series, which always covers them all)."""
    scored, links = _scored(reads, a.id, b.id, direct_only, {a.id: a.name, b.id: b.name})
    chosen = [event.event_id for event in sorted(scored, key=_page_order)]
    if limit is not None:
        chosen = chosen[offset:offset + limit]
    entries = reads.events_by_ids(chosen)
    order = {entry.event_id: index for index, entry in enumerate(entries)}
    page_links = sorted((link for link in links if link.event_id in order),
                        key=lambda link: (order[link.event_id], link.actor_id, link.via_id))
    return entries, page_links, scored


TEXT_4 = (
    "Alice dirige Zeta. Bob critique Acme et Zeta en mars 2021. Bob poursuit Zeta en juin 2022. "
    "Bob salue Alice en 2018. Bob remercie Zeta. Bob menace Alice. "
    "Alice critique Bob le 5 février 2020. Bob félicite Alice le 27 février 2020."
)


def doc_4() -> Annotations:
    text = TEXT_4
    return Annotations(
        document=Document("d4", text, date(2022, 7, 1), "fr", "Zeta"),
        entities=entities(text, ALICE, BOB, ACME, ZETA),
        events=[
            event(text, "CRITICIZE", (BOB,), (ACME, ZETA), "Bob critique Acme et Zeta", "critique", -2.5,
                  "2021-03", "2021-03-01", "2021-03-31"),
            event(text, "SUE", (BOB,), (ZETA,), "Bob poursuit Zeta", "poursuit", -2.0, "2022-06", "2022-06-01",
                  "2022-06-30"),
            event(text, "PRAISE", (BOB,), (ALICE,), "Bob salue Alice", "salue", 3.0, "2018"),
            event(text, "PRAISE", (BOB,), (ZETA,), "Bob remercie Zeta", "remercie", 2.0),
            event(text, "THREATEN", (BOB,), (ALICE,), "Bob menace Alice", "menace", -5.0),
            event(text, "CRITICIZE", (ALICE,), (BOB,), "Alice critique Bob", "critique", -1.5, "2020-02-05",
                  "2020-02-05", "2020-02-05"),
            event(text, "PRAISE", (BOB,), (ALICE,), "Bob félicite Alice", "félicite", 2.0, "2020-02-27",
                  "2020-02-27", "2020-02-27"),
        ],
        relations=[Relation("ROLE", ALICE, ZETA, *span(text, "Alice dirige Zeta"), title="présidente",
                            valid_from="2020-01-01", valid_to="2021-12-31")],
        sentences=sentences(text),
    )


@pytest.fixture
def chron() -> Iterator[Chronicle]:
    with Store() as store:
        store.save([doc_1(), doc_2(), doc_3(), doc_4()])
        yield Chronicle(store)


def every_event_way(chron: Chronicle, a: str, b: str, *, direct_only: bool = False, limit: int | None = None,
                    offset: int = 0) -> PairHistory:
    """The history as it was made before the buckets: a Python object per event of the pair."""
    reads = chron._reads
    first, second = chron.actor(a), chron.actor(b)
    events, links, scored = pair_events(reads, first, second, direct_only=direct_only, limit=limit, offset=offset)
    return PairHistory(
        a=first, b=second, events=tuple(events),
        a_about_b=tuple(reads.quotes(by=first.id, about=second.id)),
        b_about_a=tuple(reads.quotes(by=second.id, about=first.id)),
        series=tuple(monthly_series(scored)),
        relations=tuple(reads.relations([first.id, second.id], between=True, evidence_limit=3)),
        links=tuple(links), event_count=len(scored),
    )


def test_the_fourth_article_holds_what_the_pages_must_cover(chron: Chronicle) -> None:
    whole = chron.pair("Alice", "Bob")
    kinds = [(e.type, e.date_value, e.date_start) for e in whole.events]
    assert ("PRAISE", "2018", None) in kinds  # a date without a start day: counted in 2018-01
    assert sorted(e.type for e in whole.events if e.date_value is None) == ["PRAISE", "REJECT", "THREATEN"]
    assert "SUE" in [e.type for e in whole.events]
    assert not any(e.date_value == "2022-06" for e in whole.events)  # Alice no longer ran Zeta
    criticism = next(e for e in whole.events if e.type == "CRITICIZE" and len(e.targets) == 2)
    assert sorted(link.via_id for link in whole.links if link.event_id == criticism.event_id) == [ACME, ZETA]
    assert whole.series[0].period == "2018-01"
    february = [e for e in whole.events if (e.date_start or "").startswith("2020-02")]
    assert [e.date_start for e in february] == ["2020-02-05", "2020-02-20", "2020-02-27"]
    assert [e.event_id for e in february] != sorted(e.event_id for e in february)


@pytest.mark.parametrize(("a", "b"), [("Alice", "Bob"), ("Bob", "Alice"), ("Bob", "Zeta"), ("Acme", "Zeta")])
@pytest.mark.parametrize("direct_only", [False, True])
def test_every_page_is_the_one_every_event_gives(chron: Chronicle, a: str, b: str, direct_only: bool) -> None:
    whole = every_event_way(chron, a, b, direct_only=direct_only)
    assert chron.pair(a, b, direct_only=direct_only) == whole
    for limit in (1, 2, 3, 100):
        for offset in range(whole.event_count + 2):  # the middle, the last page, past the end
            paged = chron.pair(a, b, direct_only=direct_only, limit=limit, offset=offset)
            assert paged == every_event_way(chron, a, b, direct_only=direct_only, limit=limit, offset=offset)
    assert chron.pair(a, b, direct_only=direct_only, offset=2) == whole  # no limit: every event


@pytest.mark.parametrize(("a", "b"), [("Alice", "Bob"), ("Bob", "Zeta"), ("Acme", "Zeta")])
@pytest.mark.parametrize("direct_only", [False, True])
def test_the_scored_events_of_a_series_or_a_chart_are_the_every_event_ones(
        chron: Chronicle, a: str, b: str, direct_only: bool) -> None:
    first, second = chron.actor_id(a), chron.actor_id(b)
    expected = _scored(chron._reads, first, second, direct_only, {first: first, second: second})[0]
    read = pair_scored_events(chron._reads, first, second, direct_only=direct_only)
    assert sorted(read) == sorted(expected) and len(read) == len({event.event_id for event in read})
    assert chron.spans(a, b, direct_only=direct_only) and chron.series(a, b) == list(chron.pair(a, b).series)


@pytest.mark.parametrize(("a", "b"), [("Alice", "Bob"), ("Bob", "Alice"), ("Bob", "Zeta"), ("Acme", "Zeta")])
@pytest.mark.parametrize("direct_only", [False, True])
@pytest.mark.parametrize(("start", "end"), [(None, None), (date(2020, 2, 1), date(2020, 12, 31)), (None, date(2019, 6, 30)),
                                            (date(2021, 3, 15), None)])
def test_a_chart_summed_by_dates_is_the_every_event_one(
        chron: Chronicle, a: str, b: str, direct_only: bool, start: date | None, end: date | None) -> None:
    first, second = chron.actor_id(a), chron.actor_id(b)
    events = _scored(chron._reads, first, second, direct_only, {first: first, second: second})[0]
    expected = period_spans(events, start=start, end=end)
    assert chron.spans(a, b, start=start, end=end, direct_only=direct_only) == expected
    if start is None and end is None and not direct_only and (a, b) == ("Alice", "Bob"):
        assert [span.precision for span in expected][:2] == ["year", "year"]  # 2018 and 2019 drawn whole
