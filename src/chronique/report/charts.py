"""The report's pictures, drawn with matplotlib's Agg renderer and embedded as PNG data URIs.

No pyplot: each chart is a ``Figure`` on its own Agg canvas, so drawing a report never touches
a caller's interactive backend (a notebook) and needs no display. Text that comes from articles
(actor names) is drawn with ``parse_math=False``: a "$" in a name stays a dollar sign. The
network layout is seeded, so the same store always gives the same picture.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence
from datetime import date

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from chronique.analysis.records import ActorGraph, GraphNode, PeriodSpan
from chronique.export.graph import COLOUR_BOUND, actor_network, mean_score
from chronique.export.palette import CONFLICT, COOPERATION, NEUTRAL, hex_colour, signed_colour

__all__ = ["LAYOUT_SEED", "MAX_NODES", "series_chart", "network_chart", "data_uri"]

LAYOUT_SEED = 7
MAX_NODES = 40
DPI = 144
INK, MUTED, GRID = "#1f2933", "#616e7c", "#e4e7eb"
TYPE_COLOURS = {"PERSON": "#3e4c59", "ORG": "#2f6fb3", "PRODUCT": "#8e5bb5"}
OTHER_COLOUR = "#9aa5b1"


def data_uri(png: bytes) -> str:
    """``data:image/png;base64,…``: the picture travels inside the HTML file."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def _plain_axes(figure: Figure):
    axes = figure.add_subplot()
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(GRID)
    axes.tick_params(colors=MUTED, labelsize=8)
    return axes


def _bar_colour(score: float) -> str:
    return hex_colour(COOPERATION if score > 0 else CONFLICT if score < 0 else NEUTRAL)


def _axis_limits(spans: Sequence[PeriodSpan]) -> tuple[date, date]:
    """Whole years around the spans, whole months when they fall within eighteen months (as the
    web page's chart does)."""
    first = min(date.fromisoformat(s.start) for s in spans)
    last = max(date.fromisoformat(s.end) for s in spans)
    if (last.year - first.year) * 12 + last.month - first.month + 1 <= 18:
        after = date(last.year + 1, 1, 1) if last.month == 12 else date(last.year, last.month + 1, 1)
        return date(first.year, first.month, 1), after
    return date(first.year, 1, 1), date(last.year + 1, 1, 1)


def series_chart(spans: Sequence[PeriodSpan]) -> bytes | None:
    """The conflict–cooperation score on a true time axis: each period as wide as its events'
    dates are known (a month, or a whole year drawn paler for "en 2015"), cooperation up in
    green, conflict down in red, a dark stroke at the net score; nothing joins two periods.
    None when there is nothing to draw."""
    if not spans:
        return None
    figure = Figure(figsize=(9.0, 3.2))
    axes = _plain_axes(figure)
    green, red = hex_colour(COOPERATION), hex_colour(CONFLICT)
    for span in spans:
        first, last = date.fromisoformat(span.start), date.fromisoformat(span.end)
        x, width = float(date2num(first)), float((last - first).days + 1)
        coarse = span.precision != "month"
        style = {"alpha": 0.35, "linewidth": 1.0} if coarse else {"alpha": 0.9, "linewidth": 0}
        if span.cooperation > 0:
            axes.bar(x, span.cooperation, width=width, align="edge", color=green, edgecolor=green, zorder=3, **style)
        if span.conflict < 0:
            axes.bar(x, span.conflict, width=width, align="edge", color=red, edgecolor=red, zorder=3, **style)
        axes.hlines(span.score, x, x + max(width, 8.0), colors=INK, linewidth=2.0, zorder=5)
    low_day, high_day = _axis_limits(spans)
    axes.set_xlim(float(date2num(low_day)), float(date2num(high_day)))
    locator = AutoDateLocator(maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.axhline(0, color=MUTED, linewidth=0.8, zorder=4)
    axes.grid(axis="y", color=GRID, linewidth=0.8, zorder=0)
    values = [0.0, *(s.cooperation for s in spans), *(s.conflict for s in spans), *(s.score for s in spans)]
    low, high = min(values), max(values)
    margin = max(1.0, (high - low) * 0.15)
    axes.set_ylim(low - margin, high + margin)
    axes.set_ylabel("score (conflict − / cooperation +)", fontsize=8, color=MUTED)
    figure.tight_layout()
    return _png(figure)


def _shown_nodes(graph: ActorGraph, focus: set[str]) -> list[GraphNode]:
    """The actors to draw: all of them, or the most active ones (always the focus actors)."""
    ranked = sorted(graph.nodes, key=lambda n: (n.id not in focus, -n.events, -n.mentions, n.id))
    return sorted(ranked[:MAX_NODES], key=lambda n: n.id)


#: Where the report's own actors sit: the others arrange themselves around them.
FOCUS_POSITIONS = {1: [(0.0, 0.0)], 2: [(-0.45, 0.0), (0.45, 0.0)]}


def _layout(graph: ActorGraph, nodes: Sequence[GraphNode], focus: Sequence[str]) -> dict[str, tuple[float, float]]:
    """A seeded spring layout; the report's actors are pinned (two hubs sharing neighbours would
    otherwise fall on top of each other)."""
    import networkx as nx

    shown = {n.id for n in nodes}
    network = actor_network(graph).subgraph(shown)
    pinned = [actor for actor in focus if actor in shown]
    fixed = dict(zip(pinned, FOCUS_POSITIONS.get(len(pinned), [])))
    spacing = 2.2 / math.sqrt(max(len(shown), 1))
    positions = nx.spring_layout(network, seed=LAYOUT_SEED, k=spacing, iterations=300, weight=None,
                                 pos=fixed or None, fixed=list(fixed) or None)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def _draw_edges(axes, graph: ActorGraph, positions: dict[str, tuple[float, float]]) -> None:
    edges = [e for e in graph.edges if e.source in positions and e.target in positions]
    if not edges:
        return
    segments = [(positions[e.source], positions[e.target]) for e in edges]
    colours = [hex_colour(signed_colour(mean_score(e), COLOUR_BOUND)) for e in edges]
    widths = [1.0 + 1.3 * math.log2(e.weight) if e.weight > 1 else 1.0 for e in edges]
    axes.add_collection(LineCollection(segments, colors=colours, linewidths=widths, alpha=0.9, zorder=1))


def _draw_nodes(axes, nodes: Sequence[GraphNode], positions: dict[str, tuple[float, float]], focus: set[str]) -> None:
    xs = [positions[n.id][0] for n in nodes]
    ys = [positions[n.id][1] for n in nodes]
    most = max(n.mentions for n in nodes) or 1
    sizes = [70 + 650 * math.sqrt(n.mentions / most) for n in nodes]
    axes.scatter(xs, ys, s=sizes, c=[TYPE_COLOURS.get(n.type, OTHER_COLOUR) for n in nodes],
                 edgecolors=["#f0b429" if n.id in focus else "white" for n in nodes],
                 linewidths=[2.5 if n.id in focus else 1.2 for n in nodes], zorder=2)
    for node, x, y, size in zip(nodes, xs, ys, sizes):
        below = math.sqrt(size) / 2 + 2  # points: just under the disc, whatever the scale
        axes.annotate(node.name, (x, y), xytext=(0, -below), textcoords="offset points", ha="center", va="top",
                      fontsize=8.5, color=INK, zorder=3, parse_math=False,
                      fontweight="bold" if node.id in focus else "normal",
                      bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})


def _legend(figure: Figure) -> None:
    """Below the picture, never over a node: edge colours, then node kinds."""
    handles = [Line2D([], [], color=hex_colour(c), linewidth=3, label=label) for c, label in
               ((CONFLICT, "conflict"), (NEUTRAL, "neutral"), (COOPERATION, "cooperation"))]
    handles += [Line2D([], [], marker="o", linestyle="", markersize=7, color=colour, label=kind.lower())
                for kind, colour in TYPE_COLOURS.items()]
    figure.legend(handles=handles, loc="lower center", fontsize=8, frameon=False, ncol=len(handles),
                  labelcolor=MUTED)


def network_chart(graph: ActorGraph, focus: Sequence[str] = ()) -> bytes | None:
    """The actors and their signed edges (red conflict … green cooperation, thicker with more
    events), nodes sized by mentions and coloured by kind; None when there is no actor."""
    focused = set(focus)
    nodes = _shown_nodes(graph, focused)
    if not nodes:
        return None
    positions = _layout(graph, nodes, list(focus))
    figure = Figure(figsize=(9.0, 4.6 if len(nodes) <= 12 else 6.4))
    axes = figure.add_subplot()
    axes.set_axis_off()
    _draw_edges(axes, graph, positions)
    _draw_nodes(axes, nodes, positions, focused)
    _legend(figure)
    axes.margins(0.1, 0.14)
    figure.tight_layout(rect=(0, 0.07, 1, 1))
    return _png(figure)
