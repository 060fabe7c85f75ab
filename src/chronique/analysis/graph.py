"""The actor network over a period: who shares events with whom, and in what spirit.

Edges are undirected and signed: two actors are linked by every event in which one acts on the
other (each source with each target) or in which they act together (co-sources, such as the
founders of one company); the edge sums those events' scores. Only exported events count
(asserted, reported, proposed, failed), as in the timeline. With a period, an event counts when
its interval overlaps it; without one, undated events count too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import combinations
from typing import NamedTuple

from chronique.analysis.records import ActorGraph, GraphEdge, GraphNode
from chronique.analysis.series import counted_day
from chronique.store.analysis_reads import GraphEvent
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
    totals: dict[tuple[str, str], list[_Facts]], event_counts: dict[str, int], limit: int | None, offset: int,
) -> tuple[list[GraphEdge], list[str]]:
    """The edges and actors of one page: every one without ``limit``; else the ``limit``
    strongest edges after the first ``offset``, their actors, and on the first page the actors
    that share no event with another, most events first, up to ``2 * limit`` actors in all.
    Pairs are ranked by their number of events (as :func:`strongest_first` ranks edges), so
    that only the page's edges are built: a month has thousands of pairs, a page a hundred."""
    if limit is None:
        return [_edge(*pair, totals[pair]) for pair in sorted(totals)], sorted(event_counts)
    ranked = sorted(totals, key=lambda pair: (-len(totals[pair]), *pair))[offset:offset + limit]
    page = [_edge(*pair, totals[pair]) for pair in sorted(ranked)]
    actors = {actor for edge in page for actor in (edge.source, edge.target)}
    if offset == 0:
        linked = {actor for pair in totals for actor in pair}
        lone = sorted((actor for actor in event_counts if actor not in linked), key=lambda a: (-event_counts[a], a))
        actors |= set(lone[:max(0, 2 * limit - len(actors))])
    return page, sorted(actors)


def actor_graph(
    reads: StoreReader, start: date | None = None, end: date | None = None, *,
    limit: int | None = None, offset: int = 0,
) -> ActorGraph:
    """Every actor of a counted event in the period (with or without edges) and the edges;
    with ``limit``, one page of them (see :func:`_kept`), with the totals of the whole graph."""
    events = reads.graph_events(start, end)
    totals = _facts_by_pair(events)
    event_counts: dict[str, int] = {}
    for event in events:
        for actor in set(event.sources) | set(event.targets):
            event_counts[actor] = event_counts.get(actor, 0) + 1
    page, actors = _kept(totals, event_counts, limit, offset)
    names = reads.entity_names(actors)
    mentions = reads.mention_counts(actors, start, end)
    nodes = [
        GraphNode(actor, *names[actor][:2], names[actor][2], mentions.get(actor, 0), event_counts[actor])
        for actor in actors if actor in names
    ]
    return ActorGraph(tuple(nodes), tuple(page), start, end, len(totals), len(event_counts))
