"""Why chronique read a document the way it did: every actor mention and quote with its rule.

The store keeps what was found, not how: an analyst who wonders why "il" became Sam Altman, or
why a quote has no speaker, needs the reading itself. :func:`explain_document` runs the pipeline
again on the stored text with the stored date and language (the pipeline is deterministic, so
with the same chronique it finds exactly what was stored) and reports, for every stretch of
text taken for an actor, the actor, how it was recognised (``kind``: name, description,
pronoun…) and the rule that decided it; for every quote, its speaker and the cue that named
them, or nothing when no cue did.

A document longer than one part (:data:`chronique.parts.MAX_PART_CHARS`) is read part by part,
as at ingest, with offsets in the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronique.model import Document
from chronique.parts import part_bounds
from chronique.pipeline import load_pipeline
from chronique.readers.language import fallback_language

__all__ = ["MentionReading", "QuoteReading", "Explanation", "explain_document"]


@dataclass(frozen=True)
class MentionReading:
    """A stretch of text taken for an actor, and why."""

    start: int
    end: int
    text: str
    actor: str  # the actor's name as the document gives it
    type: str  # PERSON, ORG, PRODUCT…
    kind: str  # name, description, pronoun…
    rule: str  # what decided it (the recognizer's or the resolver's rule)


@dataclass(frozen=True)
class QuoteReading:
    """A quote, its speaker (``None`` when no cue names one) and the cue that named them."""

    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    rule: str | None


@dataclass(frozen=True)
class Explanation:
    """The reading of one document: mentions and quotes in text order."""

    doc_id: str
    lang: str
    mentions: tuple[MentionReading, ...]
    quotes: tuple[QuoteReading, ...]


def explain_document(document: Document) -> Explanation:
    """Read ``document`` again and say, for each mention and quote, what it was taken for and why."""
    lang = document.lang or fallback_language()
    nlp = load_pipeline(lang)
    mentions: list[MentionReading] = []
    quotes: list[QuoteReading] = []
    for start, end in part_bounds(document.text):
        doc = nlp.make_doc(document.text[start:end])
        doc._.dct = document.date
        doc = nlp(doc)
        entities = {entity.key: entity for entity in doc._.entities or []}
        for mention in doc._.actor_mentions or []:
            entity = entities.get(mention.key)
            mentions.append(MentionReading(
                start + mention.start, start + mention.end, doc.text[mention.start:mention.end],
                entity.name if entity else mention.key, entity.type if entity else "?",
                mention.kind, getattr(mention, "rule", None) or mention.kind,
            ))
        for quote in doc._.quotes or []:
            speaker = entities.get(quote.speaker) if quote.speaker else None
            quotes.append(QuoteReading(
                start + quote.start, start + quote.end, quote.text,
                speaker.name if speaker else None, quote.cue, getattr(quote, "rule", None),
            ))
    return Explanation(document.id, lang, tuple(mentions), tuple(quotes))
