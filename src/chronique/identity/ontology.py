"""Event types, their conflict–cooperation scores and the contexts that re-score them
(``resources/ontology/event_types.toml``).

The ontology is language-independent: a type's CAMEO code, PLOVER type and base score, whether
it is a *repeated* kind (one that the same actors do again and again, which matters when deciding
whether two undated tellings are one happening), and its *contexts*: named readings of the type
("a hostile bid", "an insult") each re-coded to another CAMEO code with its own score. Which words
signal a context is language data, in each lexicon's ``[scoring]`` section.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from chronique.data import load_toml

__all__ = ["ContextScore", "EventTypeInfo", "event_types", "score_of", "is_repeated"]


@dataclass(frozen=True)
class ContextScore:
    """A reading of an event type that the context turns: its CAMEO code, PLOVER type, score."""

    name: str
    cameo: str
    plover: str
    score: float


@dataclass(frozen=True)
class EventTypeInfo:
    """One event type: its CAMEO code and PLOVER type (empty when none fits) and its score."""

    name: str
    cameo: str
    plover: str
    score: float
    repeated: bool = False
    contexts: tuple[ContextScore, ...] = ()


def _contexts(row: dict[str, Any]) -> tuple[ContextScore, ...]:
    return tuple(
        ContextScore(name, str(ctx.get("cameo", "")), str(ctx.get("plover", "")), float(ctx["score"]))
        for name, ctx in row.get("contexts", {}).items()
    )


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventTypeInfo]:
    """Every event type of the ontology by name."""
    table = load_toml("ontology/event_types.toml")
    return {
        name: EventTypeInfo(
            name, str(row.get("cameo", "")), str(row.get("plover", "")), float(row["score"]),
            bool(row.get("repeated", False)), _contexts(row),
        )
        for name, row in table.items()
    }


def score_of(event_type: str) -> float | None:
    """The base conflict–cooperation score (−10 … +10) of an event type, None when unknown."""
    info = event_types().get(event_type)
    return info.score if info else None


def is_repeated(event_type: str) -> bool:
    """Whether the same actors commonly do this kind of event more than once (ACCUSE, ORDER …)."""
    info = event_types().get(event_type)
    return bool(info and info.repeated)
