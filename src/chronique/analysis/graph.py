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


def actor_graph(
    reads: StoreReader, start: date | None = None, end: date | None = None, *,
    limit: int | None = None, offset: int = 0,
) -> ActorGraph:
    """Every actor of a counted event in the period (with or without edges) and the edges;
    with ``limit``, one page of them (see :func:`_kept`), with the totals of the whole graph.
    A page of one calendar month reads the month's stored totals (``store.graph_months``) and
    then only the events of its edges; any other period reads its events."""
    month = month_of_period(start, end) if limit is not None else None
    if month is not None and limit is not None:
        page, actors, event_counts, edge_total, node_total = _month_page(reads, month, limit, offset)
    else:
        events = reads.graph_events(start, end)
        totals = _facts_by_pair(events)
        counts = {pair: len(facts) for pair, facts in totals.items()}
        event_counts = _actor_events(events, {})

        def facts_of(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[_Facts]]:
            return totals
        page, actors = _kept(counts, event_counts, limit, offset, facts_of)
        edge_total, node_total = len(counts), len(event_counts)
    names = reads.entity_names(actors)
    mentions = reads.mention_counts(actors, start, end)
    nodes = [
        GraphNode(actor, *names[actor][:2], names[actor][2], mentions.get(actor, 0), event_counts[actor])
        for actor in actors if actor in names
    ]
    return ActorGraph(tuple(nodes), tuple(page), start, end, edge_total, node_total)


def _month_page(reads: StoreReader, month: str, limit: int, offset: int
                ) -> tuple[list[GraphEdge], list[str], dict[str, int], int, int]:
    """One page of a calendar month's graph (as :func:`_kept` pages any period's) from the
    month's stored totals, with the events lasting more than a year added: the page's edges, its
    actors, their events, and the month's numbers of edges and actors. Only what may rank is read:
    the ``offset + limit`` pairs with the most stored events (ties kept) and the pairs of the
    long events (the only ones whose count the stored totals miss); on the first page, the
    unlinked actors with the most events, the long events' actors checked apart. A month of a
    store of 100,000 documents has 3,500 pairs and 2,000 actors; a page needs a hundred of each."""
    long_events = reads.long_graph_events(month)
    long_facts = _facts_by_pair(long_events)
    long_actors = _actor_events(long_events, {})
    stored_long = reads.month_pair_counts(month, sorted(long_facts))
    counts = reads.month_top_pairs(month, offset + limit)
    for pair, facts in long_facts.items():
        counts[pair] = stored_long.get(pair, 0) + len(facts)
    ranked = sorted(sorted(counts, key=lambda pair: (-counts[pair], *pair))[offset:offset + limit])
    stored_facts = reads.month_graph_facts(month, ranked)
    page = []
    for pair in ranked:  # the long events added in, every pair's facts in event id order
        stored = [_Facts(score or 0.0, day, type_, event_id) for event_id, score, type_, day in stored_facts[pair]]
        page.append(_edge(*pair, sorted([*stored, *long_facts.get(pair, [])], key=lambda f: f.event_id)))
    actors = {actor for edge in page for actor in (edge.source, edge.target)}
    stored_pairs, stored_actors = reads.month_sizes(month)
    long_stored = reads.month_actor_counts(month, long_actors)
    edge_total = stored_pairs + sum(1 for pair in long_facts if pair not in stored_long)
    node_total = stored_actors + sum(1 for actor in long_actors if actor not in long_stored)
    lone: dict[str, int] = {}
    room = 2 * limit - len(actors)
    if offset == 0 and room > 0:
        lone = dict(reads.month_lone_actors(month, room + len(long_actors)))
        linked_by_long = {actor for pair in long_facts for actor in pair}
        unlinked_long = set(long_actors) - linked_by_long
        stored_linked = reads.month_linked(month, unlinked_long)
        for actor, count in long_actors.items():
            lone.pop(actor, None)
            if actor in unlinked_long and actor not in stored_linked:
                lone[actor] = long_stored.get(actor, 0) + count
        chosen = sorted(lone, key=lambda actor: (-lone[actor], actor))[:room]
        lone = {actor: lone[actor] for actor in chosen}
    event_counts = reads.month_actor_counts(month, actors)
    for actor, count in long_actors.items():
        if actor in actors:
            event_counts[actor] = event_counts.get(actor, 0) + count
    return page, sorted(actors | set(lone)), {**event_counts, **lone}, edge_total, node_total
