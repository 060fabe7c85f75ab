"""The actor network over a period: who shares events with whom, and in what spirit.

Edges are undirected and signed: two actors are linked by every event in which one acts on the
other (each source with each target) or in which they act together (co-sources, such as the
founders of one company); the edge sums those events' scores. Only exported events count
(asserted, reported, proposed, failed), as in the timeline. With a period, an event counts when
its interval overlaps it; without one, undated events count too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import NamedTuple

from chronique.analysis.records import ActorGraph, GraphEdge, GraphNode
from chronique.analysis.series import counted_day
from chronique.store import queries
from chronique.store.selection import EventFilter, event_ids_sql

__all__ = ["GraphEvent", "graph_events", "build_edges", "actor_graph"]


@dataclass(frozen=True)
class GraphEvent:
    """An event as the graph sees it: its actors by role, its date and score."""

    event_id: str
    type: str
    date_value: str | None
    date_start: str | None
    score: float | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]


def graph_events(conn: sqlite3.Connection, start: date | None, end: date | None) -> list[GraphEvent]:
    """The counted events of the period with their actors, by event id.

    One query: the period's events are chosen as ``store.selection`` chooses them (as a subquery,
    not a list of ids sent back), read from ``events_graph_facts`` (m005) and joined to their
    actors, both from indexes alone."""
    spec = EventFilter(dated_only=start is not None or end is not None, start=start, end=end)
    chosen, params = event_ids_sql(conn, spec)
    rows: dict[str, tuple[str, str | None, str | None, float | None]] = {}
    roles: dict[str, dict[str, list[str]]] = {}
    for event_id, type_, value, day, score, role, entity_id in conn.execute(
        "SELECT e.id, e.type, e.date_value, e.date_start, e.score, ea.role, ea.entity_id"
        " FROM events e INDEXED BY events_graph_facts"
        " JOIN event_actors ea INDEXED BY event_actors_by_event ON ea.event_id = e.id"
        f" WHERE e.id IN ({chosen}) ORDER BY e.id, ea.role, ea.position",
        params,
    ):
        rows[event_id] = (type_, value, day, score)
        roles.setdefault(event_id, {"source": [], "target": []})[role].append(entity_id)
    return [
        GraphEvent(event_id, *rows[event_id], tuple(dict.fromkeys(r["source"])), tuple(dict.fromkeys(r["target"])))
        for event_id, r in roles.items()
    ]


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


def build_edges(events: Iterable[GraphEvent]) -> list[GraphEdge]:
    """One edge per linked pair of actors, sorted by (source, target)."""
    totals: dict[tuple[str, str], list[_Facts]] = {}
    for event in events:
        facts = _Facts(event.score or 0.0, counted_day(event), event.type, event.event_id)
        for pair in _pairs(event):
            totals.setdefault(pair, []).append(facts)
    return [_edge(*pair, totals[pair]) for pair in sorted(totals)]


def _mention_counts(conn: sqlite3.Connection, actors: list[str], start: date | None, end: date | None) -> dict[str, int]:
    """Mentions of each actor in the documents published in the period (all documents without
    one): how present each actor was in the news of that time. With a period, the documents are
    read by date first (CROSS JOIN keeps that order): a month holds a few hundred of them."""
    if start is None and end is None:
        sql = ("SELECT entity_id, COUNT(*) FROM mentions WHERE entity_id IN (SELECT value FROM json_each(?))"
               " GROUP BY entity_id")
        return dict(conn.execute(sql, (json.dumps(actors),)).fetchall())
    low, high = (start.isoformat() if start else "0000-01-01"), (end.isoformat() if end else "9999-12-31")
    counts = dict(conn.execute(
        "SELECT m.entity_id, COUNT(*) FROM documents d CROSS JOIN mentions m INDEXED BY mentions_by_doc_entity"
        " ON m.doc_id = d.id"
        " WHERE d.date BETWEEN ? AND ? GROUP BY m.entity_id", (low, high)).fetchall())
    return {actor: counts[actor] for actor in actors if actor in counts}


def actor_graph(conn: sqlite3.Connection, start: date | None = None, end: date | None = None) -> ActorGraph:
    """Every actor of a counted event in the period (with or without edges) and the edges."""
    events = graph_events(conn, start, end)
    edges = build_edges(events)
    event_counts: dict[str, int] = {}
    for event in events:
        for actor in set(event.sources) | set(event.targets):
            event_counts[actor] = event_counts.get(actor, 0) + 1
    actors = sorted(event_counts)
    names = queries.entity_names(conn, actors)
    mentions = _mention_counts(conn, actors, start, end)
    nodes = [
        GraphNode(actor, *names[actor][:2], names[actor][2], mentions.get(actor, 0), event_counts[actor])
        for actor in actors if actor in names
    ]
    return ActorGraph(tuple(nodes), tuple(edges), start, end)
