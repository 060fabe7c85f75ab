"""Event types and their conflict–cooperation scores (``resources/ontology/event_types.toml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chronique.data import load_toml

__all__ = ["EventTypeInfo", "event_types", "score_of"]


@dataclass(frozen=True)
class EventTypeInfo:
    """One event type: its CAMEO code and PLOVER type (empty when none fits) and its score."""

    name: str
    cameo: str
    plover: str
    score: float


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventTypeInfo]:
    """Every event type of the ontology by name."""
    table = load_toml("ontology/event_types.toml")
    return {
        name: EventTypeInfo(name, str(row.get("cameo", "")), str(row.get("plover", "")), float(row["score"]))
        for name, row in table.items()
    }


def score_of(event_type: str) -> float | None:
    """The conflict–cooperation score (−10 … +10) of an event type, None when unknown."""
    info = event_types().get(event_type)
    return info.score if info else None
