"""The events the event-data exports (GDELT 2.0, PLOVER) write, read through ``Store.exports``.

Only events whose modality is in :data:`~chronique.model.EXPORTED_MODALITIES` are exported: the
event-data formats hold what the text says happened (or was reported, offered, attempted), as
the annotations export does; hypothetical and negated events stay in the store (and in the
table exports, which carry a ``modality`` column). Each event comes with its actors (name, type,
Wikidata id) and every telling of it, with the article's title, URL, source and sentence, which
those formats need and the timeline records do not carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from chronique.kb import load_knowledge_base
from chronique.store import Store
from chronique.store.export_reads import EventActorRow, ExportedMention

__all__ = ["ExportedActor", "ExportedMention", "ExportedEvent", "exported_events"]


@dataclass(frozen=True)
class ExportedActor:
    """A participant of an event, as the global entity it resolved to."""

    id: str
    name: str
    type: str
    kb_id: str | None
    wikidata: str | None  # from the knowledge base, when its record has been checked


@dataclass(frozen=True)
class ExportedEvent:
    """An event with its codes, actors (sources act on targets) and tellings in reading order."""

    id: str
    type: str
    date_value: str | None
    date_start: str | None
    date_end: str | None
    amount: float | None
    currency: str | None
    modality: str
    score: float | None
    cameo: str | None
    plover: str | None
    sources: tuple[ExportedActor, ...]
    targets: tuple[ExportedActor, ...]
    mentions: tuple[ExportedMention, ...]


def _actors(rows: dict[tuple[str, str], list[EventActorRow]]) -> dict[tuple[str, str], tuple[ExportedActor, ...]]:
    """The participants with their Wikidata ids, from the knowledge base."""
    kb = load_knowledge_base()
    actors = {}
    for key, participants in rows.items():
        exported = []
        for row in participants:
            known = kb.get(row.kb_id) if row.kb_id else None
            exported.append(ExportedActor(row.entity_id, row.name, row.type, row.kb_id,
                                          known.wikidata if known else None))
        actors[key] = tuple(exported)
    return actors


def exported_events(store: Store, start: date | None = None, end: date | None = None) -> list[ExportedEvent]:
    """Exported-modality events (overlapping the period, if one is given), oldest first, undated last."""
    reads = store.exports
    actors = _actors(reads.event_actors(start, end))
    mentions = reads.tellings(start, end)
    return [
        ExportedEvent(
            row.id, row.type, row.date_value, row.date_start, row.date_end, row.amount, row.currency,
            row.modality, row.score, row.cameo, row.plover,
            sources=actors.get((row.id, "source"), ()),
            targets=actors.get((row.id, "target"), ()),
            mentions=tuple(mentions.get(row.id, ())),
        )
        for row in reads.events(start, end)
    ]
