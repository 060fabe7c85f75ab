"""The analyst's view of a chronique store: timelines, profiles, pairs, series, search, graph.

::

    from chronique.analysis import Chronicle, to_frame

    with Chronicle("news.db") as chron:
        story = chron.pair("Elon Musk", "Sam Altman")
        for point in story.series:
            print(point.period, point.score, point.event_ids)
        frame = to_frame(chron.timeline("Elon Musk"))

Every answer is a frozen dataclass (``chronique.analysis.records``, ``chronique.store.records``);
``to_frame`` turns a sequence of them into a pandas DataFrame. An actor the store does not know
raises :class:`UnknownActor`.
"""

from typing import TYPE_CHECKING, Any

from chronique.analysis.chronicle import ActorRef, Chronicle
from chronique.analysis.errors import UnknownActor
from chronique.analysis.records import (
    ActorGraph,
    ActorProfile,
    Counterpart,
    Evidence,
    GraphEdge,
    GraphNode,
    PairHistory,
    PairLink,
    RelationRow,
    SearchHit,
    SeriesPoint,
)

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from chronique.analysis.frames import to_frame


def __getattr__(name: str) -> Any:
    """``to_frame`` is imported on first use: it loads pandas (a quarter of a second), which a
    command that only prints a timeline should not pay for."""
    if name == "to_frame":
        from chronique.analysis.frames import to_frame

        return to_frame
    raise AttributeError(f"module 'chronique.analysis' has no attribute {name!r}")


__all__ = [
    "Chronicle", "ActorRef", "UnknownActor", "to_frame", "ActorGraph", "ActorProfile", "Counterpart",
    "Evidence", "GraphEdge", "GraphNode", "PairHistory", "PairLink", "RelationRow", "SearchHit", "SeriesPoint",
]
