"""The plain data that flows from the pipeline to the store, the queries and the exports.

These records hold no spaCy objects on purpose: the store, the queries and the exports import
this module and never spaCy (DESIGN.md: "the store never imports spaCy"). Every fact carries the
character span of its evidence in its document's text, so that it can always be traced back.
Entity references inside a document (speakers, event sources and targets, relation ends) are
entity *keys*: the knowledge-base id when the actor is known, otherwise a key made from the name.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "Document",
    "Entity",
    "Timex",
    "Money",
    "Quote",
    "Event",
    "Relation",
    "Annotations",
    "content_hash",
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "MODALITIES",
]

ENTITY_TYPES = ("PERSON", "ORG", "PRODUCT", "LOC", "EVENT", "OTHER")
EVENT_TYPES = (
    "FOUND", "JOIN", "LEAVE", "ACQUIRE", "BID", "INVEST", "PARTNER", "REQUEST", "REJECT",
    "ACCUSE", "SUE", "THREATEN", "PRAISE", "COMPETE", "ORDER", "CANCEL", "PAY", "LAUNCH",
)
#: Modalities of an event. Only the first four are exported as annotations: they are what the
#: text says happened (or was reported, offered, attempted); the others are kept but not asserted.
MODALITIES = ("asserted", "reported", "proposed", "failed", "hypothetical", "negated")
EXPORTED_MODALITIES = frozenset(MODALITIES[:4])


def content_hash(text: str) -> str:
    """SHA-256 of the text after Unicode NFC normalisation and line-ending unification.

    The same article saved with CRLF line endings or decomposed accents is the same article,
    so it must hash the same to be stored once.
    """
    normalised = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return hashlib.sha256(normalised.strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One dated article. ``date`` is the publication date: it anchors relative expressions."""

    id: str
    text: str
    date: date | None
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # the path (or "<stdin>") the document was read from

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class Entity:
    """An actor as one document sees it: its key, its best name and every mention of it."""

    key: str
    name: str
    type: str
    kb_id: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 expression. ``range_start``/``range_end`` is the interval a DATE covers (ISO dates)."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    range_start: str | None = None
    range_end: str | None = None


@dataclass(frozen=True)
class Money:
    """An amount of money in units (97.4 billion, not 97.4) with its ISO 4217 currency."""

    start: int
    end: int
    text: str
    amount: float | None
    currency: str


@dataclass(frozen=True)
class Quote:
    """Quoted words (span without the marks), who said them and the cue that says so."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    cue: str | None = None
    about: str | None = None


@dataclass(frozen=True)
class Event:
    """A dyadic event: ``sources`` act on ``targets``; ``start``/``end`` is its evidence."""

    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    amount: float | None = None
    currency: str | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    score: float | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    cameo: str | None = None  # the CAMEO code the score comes from ("" when CAMEO has none)
    plover: str | None = None  # the PLOVER type of that reading
    #: Which lexicon entry or rule produced it ("ACCUSE verb accuser"): for error analysis, not stored.
    rule: str | None = None


@dataclass(frozen=True)
class Relation:
    """A state between two actors (ROLE, PRODUCT_OF, PART_OF) with the evidence that states it."""

    type: str
    source: str
    target: str
    start: int
    end: int
    title: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass
class Annotations:
    """Everything found in one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
