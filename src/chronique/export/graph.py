"""The actor graph (``Chronicle.graph``) as GraphML and GEXF, for Gephi, Cytoscape, yEd or networkx.

Nodes are actors (label, type, kb id, mentions, events), edges are undirected and weighted by the
number of events two actors share, signed by their conflict–cooperation score. GEXF is written
in dynamic mode: each edge lives during the dates of its events (one *spell* per event date
interval, overlapping ones merged) and each node during the spells of its edges, so that Gephi's
timeline replays the story; events without a date leave an edge (or node) always present.
Both formats hold the same attributes; GraphML has no time dimension, its edges carry the first
and last dates as plain attributes (GEXF too).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, BinaryIO

from chronique.analysis.records import ActorGraph, GraphEdge, GraphNode
from chronique.export.palette import signed_colour

if TYPE_CHECKING:  # networkx is imported when an export runs, not when the CLI starts
    import networkx as nx

__all__ = [
    "Interval", "COLOUR_BOUND", "merge_intervals", "mean_score", "actor_network",
    "write_graphml", "write_gexf",
]

Interval = tuple[str, str]  # ISO dates, both inclusive

#: The mean score drawn fully red (−) or green (+): most business events score within ±5.
COLOUR_BOUND = 5.0


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, with overlapping intervals merged: GEXF spells of one element must not overlap."""
    merged: list[Interval] = []
    for start, end in sorted(set(intervals)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def mean_score(edge: GraphEdge) -> float:
    """The average conflict–cooperation score of the edge's events (0 without events)."""
    return edge.score / edge.events if edge.events else 0.0


def _gexf_viz(network: nx.Graph) -> None:
    """Gephi's default look: edges coloured red (conflict) to green (cooperation) and as thick as
    their number of events; nodes sized by mentions."""
    for _, _, data in network.edges(data=True):
        r, g, b = signed_colour(data["score"] / data["events"] if data["events"] else 0.0, COLOUR_BOUND)
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "thickness": float(data["weight"])}
    for _, data in network.nodes(data=True):
        data["viz"] = {"size": round(4.0 + 2.0 * data["mentions"] ** 0.5, 2)}


def _node_attributes(node: GraphNode) -> dict[str, object]:
    # No None values: neither format can write them; "" stands for "no kb id".
    return {"label": node.name, "name": node.name, "type": node.type, "kb_id": node.kb_id or "",
            "mentions": node.mentions, "events": node.events}


def _edge_attributes(edge: GraphEdge) -> dict[str, object]:
    return {
        "weight": edge.weight, "events": edge.events, "score": float(edge.score),
        "cooperation": float(edge.cooperation), "conflict": float(edge.conflict),
        "first_date": edge.first_date or "", "last_date": edge.last_date or "",
        "types": ";".join(edge.types), "event_ids": ";".join(edge.event_ids),
    }


def actor_network(graph: ActorGraph, intervals: Mapping[str, Interval] | None = None) -> nx.Graph:
    """The graph as networkx; with ``intervals`` (event dates), GEXF spells on edges and nodes."""
    import networkx as nx

    network = nx.Graph(name="chronique actor graph",
                       period_start=graph.start.isoformat() if graph.start else "",
                       period_end=graph.end.isoformat() if graph.end else "")
    for node in graph.nodes:
        network.add_node(node.id, **_node_attributes(node))
    node_spells: dict[str, list[Interval]] = {}
    always: set[str] = set()  # actors with an edge that has no dated event: present throughout
    for edge in graph.edges:
        attributes = _edge_attributes(edge)
        if intervals is not None:
            spells = merge_intervals(intervals[e] for e in edge.event_ids if e in intervals)
            if spells:
                attributes["spells"] = spells
                for actor in (edge.source, edge.target):
                    node_spells.setdefault(actor, []).extend(spells)
            else:
                always.update((edge.source, edge.target))
        network.add_edge(edge.source, edge.target, **attributes)
    for actor, spells in node_spells.items():
        if actor not in always:
            network.nodes[actor]["spells"] = merge_intervals(spells)
    return network


def write_graphml(graph: ActorGraph, out: BinaryIO) -> None:
    """GraphML (static): every attribute typed in a <key>, readable by ``networkx.read_graphml``."""
    import networkx as nx

    nx.write_graphml(actor_network(graph), out, encoding="utf-8", prettyprint=True)


def write_gexf(graph: ActorGraph, intervals: Mapping[str, Interval], out: BinaryIO) -> None:
    """GEXF 1.2 in dynamic mode with date spells, readable by Gephi and ``networkx.read_gexf``."""
    import networkx as nx

    network = actor_network(graph, intervals)
    network.graph["mode"] = "dynamic"
    _gexf_viz(network)
    nx.write_gexf(network, out, encoding="utf-8", prettyprint=True)
