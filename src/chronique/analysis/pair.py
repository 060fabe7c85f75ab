"""The story of two actors: what they did to each other, said of each other, and how it turned.

An actor often acts on the other through the organisation that one leads: Elon Musk founds
OpenAI, bids for OpenAI and sues OpenAI, whose CEO is Sam Altman. Those events are part of the
Musk–Altman story although they do not name Altman, so a pair history holds, besides the events
that involve both, the events between one of them and an organisation the other holds a ROLE
in (while that role held, when the store knows its dates). Each such event comes with a
:class:`PairLink` saying through which organisation and role; ``direct_only`` leaves them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from chronique.analysis.records import PairHistory, PairLink, PeriodSpan, SeriesPoint
from chronique.analysis.series import ScoredEvent, counted_day, summed_point, summed_spans
from chronique.identity.events import Interval, interval_of
from chronique.store.analysis_reads import PairBucket
from chronique.store.analysis_reads import RoleRow as _Role
from chronique.store.periods import period_of
from chronique.store.reader import StoreReader
from chronique.store.records import EntityRow, TimelineEntry

__all__ = ["pair_history", "pair_page", "pair_spans", "pair_scored_events"]


@dataclass(frozen=True)
class _Candidate:
    """An event between ``member`` and an organisation where the other member holds roles."""

    event_id: str
    reached: str  # the pair member the event reaches through the organisation
    organisation: str


def _roles(reads: StoreReader, holders: set[str]) -> dict[tuple[str, str], list[_Role]]:
    """(holder, organisation) → the holder's ROLE relations there; organisations that are one of
    the pair are left out (an event between the two is direct anyway)."""
    roles: dict[tuple[str, str], list[_Role]] = {}
    for role in reads.role_relations(holders):
        if role.organisation not in holders:
            roles.setdefault((role.holder, role.organisation), []).append(role)
    return roles


def _held_then(roles: list[_Role], event: ScoredEvent | TimelineEntry,
               intervals: dict[tuple[str | None, str | None, str | None], Interval | None] | None = None) -> list[_Role]:
    """The roles that held when the event happened (an undated role or event always fits);
    ``intervals``: the days of the dates already read (many events share a date)."""
    key = (event.date_value, event.date_start, event.date_end)
    if intervals is None:
        happened = interval_of(*key)
    elif key in intervals:
        happened = intervals[key]
    else:
        happened = intervals[key] = interval_of(*key)
    held = []
    for role in roles:
        low = role.valid_from[:10] if role.valid_from else "0000"
        high = role.valid_to[:10] if role.valid_to else "9999"
        if happened is None or (low <= happened[1].isoformat() and happened[0].isoformat() <= high):
            held.append(role)
    return held


def _links(
    candidates: list[_Candidate], roles: Mapping[tuple[str, str], list[_Role]],
    events: Mapping[str, ScoredEvent | TimelineEntry], names: Mapping[str, str],
) -> list[PairLink]:
    links = []
    intervals: dict[tuple[str | None, str | None, str | None], Interval | None] = {}
    for candidate in candidates:
        held = _held_then(roles[(candidate.reached, candidate.organisation)], events[candidate.event_id], intervals)
        if held:
            titles = ", ".join(sorted({role.title for role in held if role.title}))
            links.append(PairLink(candidate.event_id, candidate.reached, names[candidate.reached],
                                  candidate.organisation, held[0].organisation_name, titles or None))
    return list(dict.fromkeys(links))


def pair_scored_events(reads: StoreReader, a: str, b: str, *, direct_only: bool = False) -> list[ScoredEvent]:
    """The pair's events (as :func:`pair_page` chooses them) with only their dates and scores,
    read as :func:`pair_page` reads them (no list of the shared events first)."""
    indirect = _Indirect({}, [], []) if direct_only else _indirect(reads, a, b, {a: a, b: b})
    return reads.pair_scored(a, b, [(member, org) for member, _, org in indirect.always],
                             {link.event_id for link in indirect.dated_links})


def pair_spans(reads: StoreReader, a: str, b: str, *, start: date | None = None, end: date | None = None,
               direct_only: bool = False) -> list[PeriodSpan]:
    """``series.period_spans`` of :func:`pair_scored_events`, from the events summed in SQL by
    their dates (``store.analysis_reads.pair_date_buckets``): a chart of a much-covered pair
    reads a few thousand rows, not an object per event."""
    indirect = _Indirect({}, [], []) if direct_only else _indirect(reads, a, b, {a: a, b: b})
    buckets = reads.pair_date_buckets(a, b, [(member, org) for member, _, org in indirect.always],
                                      {link.event_id for link in indirect.dated_links})
    return summed_spans(((period_of(bucket.date_value, bucket.first, bucket.last), bucket.positive, bucket.negative,
                          bucket.event_ids) for bucket in buckets), start=start, end=end)


def _always_held(roles: list[_Role]) -> bool:
    """Whether these roles have no dates: then they hold for every event (:func:`_held_then`)."""
    return all(not role.valid_from and not role.valid_to for role in roles)


@dataclass(frozen=True)
class _Indirect:
    """The pair's indirect events as a page needs them: the (member, organisation) pairs whose
    every event not shared by the pair is one (roles without dates), and the links of the
    events through roles with dates (each event's date checked)."""

    roles: Mapping[tuple[str, str], list[_Role]]
    always: list[tuple[str, str, str]]  # (member, other, organisation)
    dated_links: list[PairLink]


def _indirect(reads: StoreReader, a: str, b: str, names: Mapping[str, str]) -> _Indirect:
    """The indirect events and their links without listing the pair's direct events: the
    shared ones are left out in SQL (``store.analysis_reads.pair_events_beyond``), and the
    events through roles without dates are left to SQL too (a much-covered actor's company
    has thousands of events with the other actor)."""
    roles = _roles(reads, {a, b})
    always: list[tuple[str, str, str]] = []
    candidates: list[_Candidate] = []
    events: dict[str, ScoredEvent] = {}
    for member, other in ((a, b), (b, a)):
        for org in sorted({org for holder, org in roles if holder == other}):
            if _always_held(roles[(other, org)]):
                always.append((member, other, org))
                continue
            for event in reads.pair_events_beyond((member, org), (a, b)):
                candidates.append(_Candidate(event.event_id, other, org))
                events[event.event_id] = event
    return _Indirect(roles, always, _links(candidates, roles, events, names))


def _page_links(reads: StoreReader, a: str, b: str, indirect: _Indirect, page: list[str],
                names: Mapping[str, str]) -> list[PairLink]:
    """The links of the page's events, as :func:`_links` makes them."""
    wanted = set(page)
    links = [link for link in indirect.dated_links if link.event_id in wanted]
    for member, other, org in indirect.always:
        roles = indirect.roles[(other, org)]
        titles = ", ".join(sorted({role.title for role in roles if role.title}))
        links += [PairLink(event.event_id, other, names[other], org, roles[0].organisation_name, titles or None)
                  for event in reads.pair_events_beyond((member, org), (a, b), among=page)]
    return list(dict.fromkeys(links))


def _bucket_month(bucket: PairBucket) -> str | None:
    """The month a bucket's events count in (``series.counted_day``); ``None``: undated."""
    if bucket.when is None:
        return None
    if bucket.value is None:
        return bucket.when
    day = counted_day(ScoredEvent("", bucket.value, None, None, None))
    return day[:7] if day else None


def _series(buckets: list[PairBucket]) -> list[SeriesPoint]:
    """:func:`series.monthly_series` of the bucketed events: their sums added up by month."""
    months: dict[str, tuple[float, float, list[str]]] = {}
    for bucket in buckets:
        month = _bucket_month(bucket)
        if month is not None:
            positive, negative, ids = months.get(month, (0.0, 0.0, []))
            months[month] = (positive + bucket.positive, negative + bucket.negative, ids + list(bucket.event_ids))
    return [summed_point(month, *months[month]) for month in sorted(months)]


def _page_ids(buckets: list[PairBucket], limit: int | None, offset: int) -> list[str]:
    """The ids of one page of the bucketed events in page order (dated first, by date, then id, as ``store.selection`` cuts pages: dated
    first, by date, then id). A bucket's key is the first seven characters of the date the order
    reads, so keys sort as their events do: only the buckets the page falls in are sorted."""
    by_key: dict[str | None, list[PairBucket]] = {}
    for bucket in buckets:
        by_key.setdefault(bucket.when, []).append(bucket)
    if limit is None:
        offset = 0  # without a limit, every event
    end = None if limit is None else offset + limit
    chosen: list[str] = []
    seen = 0
    for key in sorted(by_key, key=lambda when: (when is None, when or "")):
        group = by_key[key]
        size = sum(bucket.events for bucket in group)
        if seen + size > offset and (end is None or seen < end):
            ordered: list[tuple[str, str]] = []
            for bucket in group:
                if bucket.when is None:
                    ordered += [("", event_id) for event_id in bucket.event_ids]
                elif bucket.value is not None:
                    ordered += [(bucket.value, event_id) for event_id in bucket.event_ids]
                else:
                    ordered += list(zip(bucket.starts, bucket.event_ids, strict=True))
            ordered.sort()
            chosen += [event_id for _, event_id in ordered[max(offset - seen, 0):None if end is None else end - seen]]
        seen += size
        if end is not None and seen >= end:
            break
    return chosen


def pair_page(
    reads: StoreReader, a: EntityRow, b: EntityRow, *, direct_only: bool = False,
    limit: int | None = None, offset: int = 0,
) -> tuple[list[TimelineEntry], list[PairLink], int, list[SeriesPoint]]:
    """One page of the pair's events in timeline order (undated last), their links, with the count of
    the pair's events and their monthly series instead of every event: summed by month in SQL
    (``store.analysis_reads.pair_buckets``), never one Python object per event."""
    names = {a.id: a.name, b.id: b.name}
    indirect = _Indirect({}, [], []) if direct_only else _indirect(reads, a.id, b.id, names)
    buckets = reads.pair_buckets(a.id, b.id, [(member, org) for member, _, org in indirect.always],
                                 {link.event_id for link in indirect.dated_links})
    page = _page_ids(buckets, limit, offset)
    entries = reads.events_by_ids(page)
    order = {entry.event_id: index for index, entry in enumerate(entries)}
    links = _page_links(reads, a.id, b.id, indirect, page, names) if indirect.always or indirect.dated_links else []
    page_links = sorted((link for link in links if link.event_id in order),
                        key=lambda link: (order[link.event_id], link.actor_id, link.via_id))
    return entries, page_links, sum(bucket.events for bucket in buckets), _series(buckets)


def pair_history(
    reads: StoreReader, a: EntityRow, b: EntityRow, *, direct_only: bool = False,
    limit: int | None = None, offset: int = 0, quotes: int | None = None,
) -> PairHistory:
    """Everything between two resolved actors (see the module docstring for what counts); with
    ``quotes``, only the first that many quotes of each about the other."""
    events, links, count, series = pair_page(reads, a, b, direct_only=direct_only, limit=limit, offset=offset)
    return PairHistory(
        a=a,
        b=b,
        events=tuple(events),
        a_about_b=tuple(reads.quotes(by=a.id, about=b.id, limit=quotes)),
        b_about_a=tuple(reads.quotes(by=b.id, about=a.id, limit=quotes)),
        series=tuple(series),
        relations=tuple(reads.relations([a.id, b.id], between=True, evidence_limit=3)),
        links=tuple(links),
        event_count=count,
    )
