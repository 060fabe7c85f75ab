"""Long documents annotated in parts: where to cut the text, and how to put the parts together.

spaCy refuses a text over ``nlp.max_length`` (error E088, 1,000,000 characters), and well below
that its parser and recognizer need about 1 GB of memory per 300,000 characters. A document
longer than ``MAX_PART_CHARS`` is therefore cut into parts at paragraph breaks (or, inside a
paragraph too long for one part, at sentence ends, then at spaces), each part is annotated as
a text of its own, and the parts' annotations are shifted back into the whole text and merged
into one ``Annotations``: time and memory grow with the length, not with its square.

What a part cannot see is lost: a pronoun or a relative date whose antecedent is in the part
before, a quotation cut in two. Parts are long (about 100,000 characters, fifty news articles),
so that happens at a handful of cuts per document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chronique.model import Annotations, Document, Entity, Event

__all__ = ["MAX_PART_CHARS", "part_bounds", "merge_parts"]

#: Longest text annotated at once; longer documents are annotated in parts of at most this.
MAX_PART_CHARS = 100_000

#: Cut points, best first, each the end of a match: after a blank line, after a line break,
#: after a sentence's final punctuation (and a closing quotation mark or bracket), after a space.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…][»”\"')\]]*\s+"),
    re.compile(r"\s+"),
)


def part_bounds(text: str, limit: int = MAX_PART_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts of ``text``, in order, covering it, none over ``limit``.

    A text within the limit is one part. Each cut is the last of the best kind found in the
    second half of the part, so that no part is shorter than half the limit (but the last).
    """
    if limit < 2:
        raise ValueError(f"a part must hold at least 2 characters, not {limit}")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, earliest: int, latest: int) -> int:
    """The best place to end a part between ``earliest`` and ``latest`` (exclusive of a cut
    that would leave nothing after it)."""
    window = text[earliest:latest]
    for pattern in _CUTS:
        last = None
        for found in pattern.finditer(window):
            last = found
        if last is not None and earliest + last.end() > earliest:
            return earliest + last.end()
    return latest


def merge_parts(document: Document, parts: Sequence[tuple[int, Annotations]]) -> Annotations:
    """One ``Annotations`` for ``document`` from its parts' (each given with its start offset).

    Every offset is moved into the whole text; an actor found in several parts (the same key)
    becomes one entity with all its mentions and aliases, named and typed as where it came first.
    """
    entities: dict[str, Entity] = {}
    merged = Annotations(document=document)
    for offset, part in parts:
        for entity in part.entities:
            mentions = tuple((start + offset, end + offset) for start, end in entity.mentions)
            known = entities.get(entity.key)
            if known is None:
                entities[entity.key] = replace(entity, mentions=mentions)
            else:
                aliases = known.aliases + tuple(a for a in entity.aliases if a not in known.aliases)
                entities[entity.key] = replace(
                    known, aliases=aliases, mentions=known.mentions + mentions,
                    kb_id=known.kb_id or entity.kb_id,
                )
        merged.timexes += [replace(t, start=t.start + offset, end=t.end + offset) for t in part.timexes]
        merged.money += [replace(m, start=m.start + offset, end=m.end + offset) for m in part.money]
        merged.quotes += [replace(q, start=q.start + offset, end=q.end + offset) for q in part.quotes]
        merged.events += [_shift_event(event, offset) for event in part.events]
        merged.relations += [replace(r, start=r.start + offset, end=r.end + offset) for r in part.relations]
        merged.sentences += [(start + offset, end + offset) for start, end in part.sentences]
    merged.entities = list(entities.values())
    return merged


def _shift_event(event: Event, offset: int) -> Event:
    return replace(
        event,
        start=event.start + offset,
        end=event.end + offset,
        trigger_start=event.trigger_start + offset,
        trigger_end=event.trigger_end + offset,
        sentence_start=None if event.sentence_start is None else event.sentence_start + offset,
        sentence_end=None if event.sentence_end is None else event.sentence_end + offset,
    )
