"""Turn annotations into the system-output format that ``../shared/eval/score.py`` reads.

One JSON object per document (see ``docs/formats.md``): entities with their mentions, timexes,
money, quotes, events and relations, all with character offsets into the document's text.
Negated and hypothetical events are left out: the export holds what the text says happened.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from chronique.model import EXPORTED_MODALITIES, Annotations

__all__ = ["annotations_record", "annotation_lines", "write_annotations"]


def _actor_ids(keys: tuple[str, ...]) -> str | list[str] | None:
    if not keys:
        return None
    return keys[0] if len(keys) == 1 else list(keys)


def annotations_record(annotations: Annotations) -> dict[str, Any]:
    """The JSON object for one document."""
    return {
        "id": annotations.document.id,
        "date": annotations.document.date.isoformat() if annotations.document.date else None,
        "entities": [
            {
                "id": e.key,
                "name": e.name,
                "type": e.type,
                "kb_id": e.kb_id,
                "aliases": list(e.aliases),
                "mentions": [{"start": s, "end": t} for s, t in e.mentions],
            }
            for e in annotations.entities
        ],
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in annotations.timexes
        ],
        "money": [
            {"start": m.start, "end": m.end, "text": m.text, "amount": m.amount, "currency": m.currency}
            for m in annotations.money
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker, "cue": q.cue}
            for q in annotations.quotes
        ],
        "events": [
            {
                "type": ev.type,
                "source": _actor_ids(ev.sources),
                "target": _actor_ids(ev.targets),
                "date": ev.date,
                "start": ev.start,
                "end": ev.end,
                "trigger": ev.trigger,
                "modality": ev.modality,
                "amount": ev.amount,
                "currency": ev.currency,
            }
            for ev in annotations.events
            if ev.modality in EXPORTED_MODALITIES
        ],
        "relations": [
            {"type": r.type, "source": r.source, "target": r.target, "title": r.title,
             "start": r.start, "end": r.end}
            for r in annotations.relations
        ],
    }


def annotation_lines(all_annotations: Iterable[Annotations]) -> Iterator[str]:
    """One compact JSON line per document, keys in a fixed order (deterministic output)."""
    for document in all_annotations:
        yield json.dumps(annotations_record(document), ensure_ascii=False)


def write_annotations(all_annotations: Iterable[Annotations], out: TextIO) -> int:
    """Write the lines to ``out``; returns how many documents were written."""
    count = 0
    for line in annotation_lines(all_annotations):
        out.write(line + "\n")
        count += 1
    return count
