"""The small, typed, immutable records the store returns.

Queries return these rather than ``sqlite3.Row`` so that callers (CLI, HTTP API, exports, reports)
never depend on column names, and so that a PostgreSQL store can return exactly the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = [
    "SaveOutcome", "EntityRow", "EventMentionRow", "TimelineEntry", "QuoteRow", "Evidence", "RelationRow",
]


@dataclass(frozen=True)
class SaveOutcome:
    """What became of one document of a batch given to ``Store.save``.

    ``existing_id`` is the id of the stored document a duplicate repeats (``None`` when stored);
    ``reason`` says why a document was rejected (nothing of it written, the rest of its batch
    stored).
    """

    origin: str | None
    doc_id: str
    status: Literal["stored", "duplicate", "rejected"]
    existing_id: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class EntityRow:
    """A global entity with its accumulated aliases and how much the corpus talks about it."""

    id: str
    name: str
    type: str
    kb_id: str | None
    aliases: tuple[str, ...]
    mention_count: int
    document_count: int


@dataclass(frozen=True)
class EventMentionRow:
    """One article's telling of an event: where it says so, with the sentence to show a reader."""

    doc_id: str
    doc_date: date | None
    start: int
    end: int
    trigger: str
    evidence: str
    sentence: str
    modality: str


@dataclass(frozen=True)
class TimelineEntry:
    """One event of a timeline; ``sources``/``targets`` are names, ``*_ids`` the entity ids."""

    event_id: str
    type: str
    date_value: str | None
    date_start: str | None
    date_end: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    source_ids: tuple[str, ...]
    target_ids: tuple[str, ...]
    amount: float | None
    currency: str | None
    modality: str
    score: float | None
    mentions: tuple[EventMentionRow, ...]

    @property
    def page_key(self) -> tuple[bool, str, str]:
        """Where the event falls in the order timelines are cut into pages: dated first, by
        date, then event id (``store.selection``). A page lists its events in this order, so
        that its last event is the cursor (``after``) of the next page."""
        when = self.date_start or self.date_value
        return when is None, when or "", self.event_id


@dataclass(frozen=True)
class QuoteRow:
    """Quoted words with who said them, where and when they were reported."""

    doc_id: str
    doc_date: date | None
    start: int
    end: int
    text: str
    speaker_id: str | None
    speaker_name: str | None
    cue: str | None
    about: str | None


@dataclass(frozen=True)
class Evidence:
    """Where an article states a fact: the span (``start``/``end`` into the document text, end
    exclusive), its text, and the whole sentence around it, to show a reader."""

    doc_id: str
    doc_date: date | None
    start: int
    end: int
    text: str
    sentence: str


@dataclass(frozen=True)
class RelationRow:
    """A lasting state between two actors (ROLE, PRODUCT_OF, PART_OF) with its tellings.

    ``evidence`` holds every telling in reading order, or the first few when the query asked
    for a limit; ``evidence_count`` is how many there are in all.
    """

    relation_id: str
    type: str
    source_id: str
    source_name: str
    target_id: str
    target_name: str
    title: str | None
    valid_from: str | None
    valid_to: str | None
    evidence: tuple[Evidence, ...]
    evidence_count: int = 0
