"""PLOVER events: one JSON object per line, with the field names and shapes of the PLOVER manual.

The manual's "Data Fields" chapter (github.com/openeventdata/PLOVER) specifies the record: ``id``,
``date``/``enddate`` (YYYY-MM-DD), ``actor`` and ``recipient`` (lists of entity objects),
``event`` (a list of categories), ``event_text`` (a list of texts), ``quad_code``,
``event_scale`` (its conflict–cooperation score), ``mode`` and ``context`` (lists, or null
when none applies), ``text``, ``text_info``, ``cite_info`` and ``coder``. Only dated events with a
PLOVER category are written (``date`` and ``event`` are required); their categories, modes,
contexts and scores come from ``resources/export/plover.toml``. chronique's own fields (its event type, CAMEO code,
score, modality, amount and every telling) sit under ``chronique``, as the manual allows named
fields beyond its own. Fields are documented in ``docs/exports.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from chronique.export.codes import plover_category, plover_contexts, plover_mode, plover_quad, plover_scale
from chronique.export.events import ExportedActor, ExportedEvent, ExportedMention

__all__ = ["CODER", "plover_record", "plover_records", "write_plover"]

CODER = "chronique"


def _entity(actor: ExportedActor) -> dict[str, Any]:
    """An entity object: the manual's fields (country ``code`` and ``sector`` unknown here), the
    Wikidata id and name it asks for as identifier, and chronique's id and type."""
    return {
        "code": None, "sector": None, "entity_text": actor.name,
        "identifier_id": actor.wikidata, "identifier_text": actor.name if actor.wikidata else None,
        "chronique_id": actor.id, "chronique_type": actor.type,
    }


def _telling(mention: ExportedMention) -> dict[str, Any]:
    return {
        "doc_id": mention.doc_id, "publication_date": mention.doc_date, "title": mention.title,
        "url": mention.url, "start": mention.start, "end": mention.end, "trigger": mention.trigger,
        "sentence": mention.sentence, "modality": mention.modality,
    }


def _cite_info(mention: ExportedMention) -> dict[str, Any]:
    """The manual's citation object for the article the record was coded from."""
    return {"citation": mention.doc_id, "url": mention.url, "title": mention.title,
            "language": mention.lang, "publication": mention.source, "coder": CODER}


def plover_record(event: ExportedEvent) -> dict[str, Any] | None:
    """The PLOVER object of one event (keys in a fixed order), None when it has no PLOVER
    category or no date (both required)."""
    category = plover_category(event.plover)
    if category is None or not event.date_start:
        return None
    mode = plover_mode(event.type, category)
    contexts = plover_contexts(event.type)
    first = event.mentions[0] if event.mentions else None
    return {
        "id": event.id,
        "date": event.date_start,
        "enddate": event.date_end,
        "actor": [_entity(a) for a in event.sources],
        "recipient": [_entity(a) for a in event.targets],
        "event": [category],
        "event_text": list(dict.fromkeys(m.trigger for m in event.mentions)),
        "quad_code": plover_quad(category),
        "event_scale": plover_scale(category, mode),
        "mode": [mode] if mode else None,
        "context": contexts or None,
        "text": first.sentence if first else None,
        "text_info": {"start": first.sentence_start, "end": first.sentence_end} if first else None,
        "cite_info": _cite_info(first) if first else None,
        "coder": CODER,
        "chronique": {
            "type": event.type, "date": event.date_value, "plover": event.plover, "cameo": event.cameo or None,
            "score": event.score, "modality": event.modality, "amount": event.amount,
            "currency": event.currency, "mentions": [_telling(m) for m in event.mentions],
        },
    }


def plover_records(events: Iterable[ExportedEvent]) -> list[dict[str, Any]]:
    """The records of the dated events that have a PLOVER category, in the events' order."""
    return [record for record in map(plover_record, events) if record is not None]


def write_plover(events: Iterable[ExportedEvent], out: TextIO) -> dict[str, int]:
    """One compact JSON line per dated event with a PLOVER category; returns how many events
    were written and how many were left out."""
    events = list(events)
    records = plover_records(events)
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return {"events": len(records), "left out (undated or no PLOVER category)": len(events) - len(records)}
