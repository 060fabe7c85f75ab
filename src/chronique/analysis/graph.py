"""The actor network over a period: who shares events with whom, and in what spirit.

Edges are undirected and signed: two actors are linked by every event in which one acts on the
other (each source with each target) or in which they act together (co-sources, such as the
founders of one company); the edge sums those events' scores. Only exported events count
(asserted, reported, proposed, failed), as in the timeline. With a period, an event counts when
its interval overlaps it; without one, undated events count too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from itertools import combinations
from typing import NamedTuple

from chronique.analysis.records import ActorGraph, GraphEdge, GraphNode
from chronique.analysis.series import counted_day
from chronique.store.analysis_reads import GraphEvent
from chronique.store.graph_months import month_of_period
from chronique.store.reader import StoreReader

__all__ = ["GraphEvent", "build_edges", "strongest_first", "actor_graph"]


def _pairs(event: GraphEvent) -> set[tuple[str, str]]:
    """The actor pairs an event links, each as (smaller id, larger id), never an actor with itself."""
    pairs = {(s, t) for s in event.sources for t in event.targets}
    pairs |= set(combinations(event.sources, 2))
    return {(min(p), max(p)) for p in pairs if p[0] != p[1]}


class _Facts(NamedTuple):
    """What every edge of an event needs of it, worked out once per event rather than once per
    edge (a month's graph has 3,500 edges over 4,000 events)."""

    score: float
    day: str | None
    type: str
    event_id: str


def _edge(source: str, target: str, facts: list[_Facts]) -> GraphEdge:
    """The edge of a pair from its events' facts, in the order the events were read: the sums
    are taken in that order, as ``split_scores`` takes them, so the figures are the same."""
    cooperation = round(sum((f.score for f in facts if f.score > 0), 0.0), 6)
    conflict = round(sum((f.score for f in facts if f.score < 0), 0.0), 6)
    days = sorted(f.day for f in facts if f.day)
    return GraphEdge(
        source, target, len(facts), len(facts), round(cooperation + conflict, 6), cooperation,
        conflict, days[0] if days else None, days[-1] if days else None,
        tuple(sorted({f.type for f in facts})), tuple(sorted(f.event_id for f in facts)),
    )


def _facts_by_pair(events: Iterable[GraphEvent]) -> dict[tuple[str, str], list[_Facts]]:
    totals: dict[tuple[str, str], list[_Facts]] = {}
    for event in events:
        facts = _Facts(event.score or 0.0, counted_day(event), event.type, event.event_id)
        for pair in _pairs(event):
            totals.setdefault(pair, []).append(facts)
    return totals


def build_edges(events: Iterable[GraphEvent]) -> list[GraphEdge]:
    """One edge per linked pair of actors, sorted by (source, target)."""
    totals = _facts_by_pair(events)
    return [_edge(*pair, totals[pair]) for pair in sorted(totals)]


def strongest_first(edge: GraphEdge) -> tuple[int, str, str]:
    """How a bounded graph ranks its edges: most shared events first, then by ids."""
    return (-edge.events, edge.source, edge.target)


def _kept(
    counts: dict[tuple[str, str], int], event_counts: dict[str, int], limit: int | None, offset: int,
    facts_of: Callable[[list[tuple[str, str]]], dict[tuple[str, str], list[_Facts]]],
) -> tuple[list[GraphEdge], list[str]]:
    """The edges and actors of one page: every one without ``limit``; else the ``limit``
    strongest edges after the first ``offset``, their actors, and on the first page the actors
    that share no event with another, most events first, up to ``2 * limit`` actors in all.
    Pairs are ranked by their number of events (``counts``, as :func:`strongest_first` ranks
    edges), so that only the page's edges are built (``facts_of``): a month has thousands of
    pairs, a page a hundred."""
    if limit is None:
        every = sorted(counts)
        facts = facts_of(every)
        return [_edge(*pair, facts[pair]) for pair in every], sorted(event_counts)
    ranked = sorted(sorted(counts, key=lambda pair: (-counts[pair], *pair))[offset:offset + limit])
    facts = facts_of(ranked)
    page = [_edge(*pair, facts[pair]) for pair in ranked]
    actors = {actor for edge in page for actor in (edge.source, edge.target)}
    if offset == 0:
        linked = {actor for pair in counts for actor in pair}
        lone = sorted((actor for actor in event_counts if actor not in linked), key=lambda a: (-event_counts[a], a))
        actors |= set(lone[:max(0, 2 * limit - len(actors))])
    return page, sorted(actors)


def _actor_events(events: Iterable[GraphEvent], into: dict[str, int]) -> dict[str, int]:
    for event in events:
        for actor in set(event.sources) | set(event.targets):
            into[actor] = into.get(actor, 0) + 1
    return into


def _month_totals(reads: StoreReader, month: str) -> tuple[dict[tuple[str, str], int], dict[str, int], list[GraphEvent]]:
    """A calendar month's events per pair and per actor from the stored month links, with the
    events lasting more than a year (not stored under months) added; and those events."""
    counts, event_counts = reads.month_graph_totals(month)
    long_events = reads.long_graph_events(month)
    for pair, facts in _facts_by_pair(long_events).items():
        counts[pair] = counts.get(pair, 0) + len(facts)
    return counts, _actor_events(long_events, event_counts), long_events


def actor_graph(
    reads: StoreReader, start: date | None = None, end: date | None = None, *,
    limit: int | None = None, offset: int = 0,
) -> ActorGraph:
    """Every actor of a counted event in the period (with or without edges) and the edges;
    with ``limit``, one page of them (see :func:`_kept`), with the totals of the whole graph.
    A page of one calendar month reads the month's stored totals (``store.graph_months``) and
    then only the events of its edges; any other period reads its events."""
    month = month_of_period(start, end) if limit is not None else None
    if month is not None:
        counts, event_counts, long_events = _month_totals(reads, month)

        def facts_of(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[_Facts]]:
            # The stored links carry their events' facts; the long events are added in, every
            # pair's facts in event id order (the order the sums were always taken in).
            long_facts = _facts_by_pair(long_events)
            facts = {}
            for pair, rows in reads.month_graph_facts(month, pairs).items():
                stored = [_Facts(score or 0.0, day, type_, event_id) for event_id, score, type_, day in rows]
                facts[pair] = sorted([*stored, *long_facts.get(pair, [])], key=lambda f: f.event_id)
            return facts
    else:
        events = reads.graph_events(start, end)
        totals = _facts_by_pair(events)
        counts = {pair: len(facts) for pair, facts in totals.items()}
        event_counts = _actor_events(events, {})

        def facts_of(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[_Facts]]:
            return totals
    page, actors = _kept(counts, event_counts, limit, offset, facts_of)
    names = reads.entity_names(actors)
    mentions = reads.mention_counts(actors, start, end)
    nodes = [
        GraphNode(actor, *names[actor][:2], names[actor][2], mentions.get(actor, 0), event_counts[actor])
        for actor in actors if actor in names
    ]
    return ActorGraph(tuple(nodes), tuple(page), start, end, len(counts), len(event_counts))
