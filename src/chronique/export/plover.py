"""PLOVER-style events: one JSON object per line, with the PLOVER manual's field names.

PLOVER (the Open Event Data Alliance's successor to CAMEO) specifies JSON records with an event
category, an optional ``mode`` (how) and ``context`` (why), actor lists and the text coded. The
actor lists are named ``actor`` and ``recipient`` as in POLECAT, the PLOVER-coded dataset (the
manual's draft names the first one ``source``). chronique's own fields (its event type, CAMEO
code, score, modality, amount and every telling with its sentence) sit under ``chronique`` so
that a PLOVER reader can ignore them. Fields are documented in ``docs/exports.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from chronique.export.codes import plover_context, plover_mode, plover_quad
from chronique.export.events import ExportedActor, ExportedEvent, ExportedMention

__all__ = ["plover_record", "write_plover"]

CODER = "chronique"


def _actor(actor: ExportedActor) -> dict[str, Any]:
    """An actor object: chronique's id and name, and the Wikidata id PLOVER asks for."""
    return {"id": actor.id, "name": actor.name, "type": actor.type, "identifier_id": actor.wikidata}


def _telling(mention: ExportedMention) -> dict[str, Any]:
    return {
        "doc_id": mention.doc_id, "publication_date": mention.doc_date, "title": mention.title,
        "url": mention.url, "start": mention.start, "end": mention.end, "trigger": mention.trigger,
        "sentence": mention.sentence, "modality": mention.modality,
    }


def _cite_info(mention: ExportedMention | None) -> dict[str, Any] | None:
    """Where the record was coded from (the first article that told the event)."""
    if mention is None:
        return None
    return {"doc_id": mention.doc_id, "url": mention.url, "title": mention.title,
            "language": mention.lang, "publication": mention.source,
            "publication_date": mention.doc_date, "coder": CODER}


def plover_record(event: ExportedEvent) -> dict[str, Any]:
    """The PLOVER-style object of one event (keys in a fixed order: deterministic output)."""
    first = event.mentions[0] if event.mentions else None
    return {
        "id": event.id,
        "date": event.date_start,
        "enddate": event.date_end,
        "event_type": event.plover or None,
        "mode": plover_mode(event.type),
        "context": plover_context(event.type),
        "quad_code": plover_quad(event.plover),
        "actor": [_actor(a) for a in event.sources],
        "recipient": [_actor(a) for a in event.targets],
        "event_text": first.trigger if first else None,
        "text": first.sentence if first else None,
        "text_info": {"doc_id": first.doc_id, "start": first.start, "end": first.end} if first else None,
        "cite_info": _cite_info(first),
        "chronique": {
            "type": event.type, "date": event.date_value, "cameo": event.cameo or None,
            "score": event.score, "modality": event.modality, "amount": event.amount,
            "currency": event.currency, "mentions": [_telling(m) for m in event.mentions],
        },
    }


def write_plover(events: Iterable[ExportedEvent], out: TextIO) -> int:
    """One compact JSON line per event; returns how many were written."""
    count = 0
    for event in events:
        out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count
