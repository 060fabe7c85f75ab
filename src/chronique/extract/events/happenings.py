"""One event per happening: several triggers often state the same event in one sentence, and a
company bought once may be told several times in one document."""

from __future__ import annotations

from chronique.identity.events import dates_compatible, interval_of
from chronique.identity.ontology import is_repeated
from chronique.model import EXPORTED_MODALITIES, Event

__all__ = ["deduplicate"]

#: Types whose two sides are one set (as the store reads them: ``store.tellings``).
SYMMETRIC_TYPES = frozenset({"PARTNER", "COMPETE"})


def deduplicate(events: list[Event]) -> list[Event]:
    """One event per type, actors and sentence (several triggers often state the same event),
    then one per happening in the document (:func:`_one_per_happening`)."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.type, event.sources, event.targets, event.sentence_start)
        kept = best.get(key)
        if kept is None or event.confidence > kept.confidence:
            best[key] = event
    return _one_per_happening(sorted(best.values(), key=lambda e: (e.start, e.trigger_start)))


def _one_per_happening(events: list[Event]) -> list[Event]:
    """Tellings of one happening in one document become one event.

    A company is bought once: two tellings of a kind that is not repeated (ACQUIRE, BID, FOUND
    …, ``identity.ontology.is_repeated``) with the same actors and compatible dates (one
    undated, equal, or one inside the other; the rule of ``identity.events``) are one event,
    told by the telling with the most precise date ("son projet d'acquisition de Figma" and
    "l'annonce de l'acquisition en septembre 2022"). Repeated kinds (two accusations) and
    tellings not exported (negated, hypothetical) stay apart.
    """
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: _undated_days(e)):
        if is_repeated(event.type) or event.modality not in EXPORTED_MODALITIES:
            kept.append(event)
            continue
        same = next((k for k in kept if k.modality in EXPORTED_MODALITIES and _same_happening(k, event)), None)
        if same is None:
            kept.append(event)
    return sorted(kept, key=lambda e: (e.start, e.trigger_start))


def _actors_key(event: Event) -> tuple:
    if event.type in SYMMETRIC_TYPES:
        return (frozenset(event.sources + event.targets),)
    return (event.sources, event.targets)


def _same_happening(kept: Event, event: Event) -> bool:
    if kept.type != event.type or _actors_key(kept) != _actors_key(event):
        return False
    if kept.date is None or event.date is None:
        return True
    return dates_compatible(kept.date, interval_of(kept.date, kept.date_start, kept.date_end),
                            event.date, interval_of(event.date, event.date_start, event.date_end))


def _undated_days(event: Event) -> int:
    """How many days the event's date covers (undated last), to keep the most precise telling."""
    span = interval_of(event.date, event.date_start, event.date_end) if event.date else None
    return (span[1] - span[0]).days if span else 10**6
