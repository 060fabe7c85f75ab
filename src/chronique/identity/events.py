"""When a new telling of an event is the same happening as an event already stored.

Pure functions over plain values (no spaCy, no SQL): the store's writer gathers the stored events
that share the telling's type and actors, and :func:`choose_event` says which one, if any, the
telling is another mention of. The rules, documented in ``docs/events.md``:

* Dates are *compatible* when they are equal or one interval contains the other ("2025-02"
  contains "2025-02-12", "2025" contains "2025-02"). Intervals are the stored
  ``date_start``/``date_end``; a value without a usable interval is read with
  ``temporal.intervals.value_range``, and one with no calendar position matches only itself.
* An undated telling (or an undated stored event) is compatible with any date, except for the
  event types the ontology marks ``repeated`` (ACCUSE, PRAISE, THREATEN, REQUEST, ORDER, PAY):
  people accuse and order again and again, so an undated one is only the same happening when
  the stored event already has a mention in the same document, or one with the same sentence.
* Among several compatible events, the choice is deterministic: one already told by the same
  document first, then the most precise date (shortest interval; undated last), then the
  earliest interval, then the event id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from chronique.identity.ontology import is_repeated
from chronique.intervals import value_range
from chronique.text import fold_key

__all__ = ["Telling", "StoredEvent", "Interval", "interval_of", "dates_compatible", "choose_event",
           "sentence_key", "more_precise"]

Interval = tuple[date, date]
#: Precision of an undated event: less precise than any interval.
UNDATED_DAYS = 10**9


@dataclass(frozen=True)
class Telling:
    """The new mention: its type, date, document and the text of its sentence."""

    type: str
    date_value: str | None
    date_start: str | None
    date_end: str | None
    doc_id: str
    sentence: str


@dataclass(frozen=True)
class StoredEvent:
    """A stored event with the same type and actors: its date and where it was told."""

    id: str
    date_value: str | None
    date_start: str | None
    date_end: str | None
    documents: frozenset[str]
    sentences: frozenset[str]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def interval_of(value: str | None, start: str | None, end: str | None) -> Interval | None:
    """The days a date covers: the stored interval when it is sound, else the value's own."""
    first, last = _day(start), _day(end)
    if first is not None and last is not None and first <= last:
        return first, last
    derived = value_range(value) if value else None
    return (date.fromisoformat(derived[0]), date.fromisoformat(derived[1])) if derived else None


def _contains(outer: Interval, inner: Interval) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def dates_compatible(a_value: str, a: Interval | None, b_value: str, b: Interval | None) -> bool:
    """Two dated values tell the same time: equal, or one interval inside the other."""
    if a_value == b_value:
        return True
    if a is None or b is None:
        return False
    return _contains(a, b) or _contains(b, a)


def _days(span: Interval | None) -> int:
    return (span[1] - span[0]).days if span else UNDATED_DAYS


def more_precise(new: Interval | None, new_value: str | None, old: Interval | None,
                 old_value: str | None) -> bool:
    """Whether the new date should replace the stored one (a dated value beats an undated one)."""
    if new_value is None:
        return False
    if old_value is None:
        return True
    return _days(new) < _days(old)


def sentence_key(text: str) -> str:
    """A sentence as compared across documents: case, apostrophes and spacing unified."""
    return re.sub(r"\s+", " ", fold_key(text)).strip()


def _compatible(telling: Telling, mine: Interval | None, event: StoredEvent) -> bool:
    if telling.date_value is not None and event.date_value is not None:
        theirs = interval_of(event.date_value, event.date_start, event.date_end)
        return dates_compatible(telling.date_value, mine, event.date_value, theirs)
    if not is_repeated(telling.type):
        return True
    return telling.doc_id in event.documents or sentence_key(telling.sentence) in event.sentences


def choose_event(telling: Telling, candidates: Iterable[StoredEvent]) -> StoredEvent | None:
    """The stored event this telling is a mention of, or ``None`` for a new event."""
    mine = interval_of(telling.date_value, telling.date_start, telling.date_end)
    compatible = [event for event in candidates if _compatible(telling, mine, event)]
    if not compatible:
        return None

    def order(event: StoredEvent) -> tuple[object, ...]:
        span = interval_of(event.date_value, event.date_start, event.date_end)
        first = span[0] if span else date.max
        return (telling.doc_id not in event.documents, _days(span) if event.date_value else UNDATED_DAYS + 1,
                first, event.id)

    return min(compatible, key=order)
