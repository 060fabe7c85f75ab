"""A GDELT-style event table: one tab-separated row per event, GDELT's column names first.

GDELT's event table is dyadic (Actor1 acts on Actor2) and coded in CAMEO with a Goldstein score,
which is how chronique's events are scored too; the columns GDELT users filter and aggregate on
keep GDELT's names and meanings, and chronique's own fields follow (its event type, precise date,
modality, every actor id, the documents and the evidence sentence). The columns are documented
in ``docs/exports.md``. Like GDELT's files, fields are never quoted: tabs and line breaks inside
a text are written as spaces, so every line is one event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from chronique.export.codes import cameo_base, cameo_root, quad_class
from chronique.export.events import ExportedActor, ExportedEvent

__all__ = ["GDELT_COLUMNS", "gdelt_row", "write_gdelt"]

GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year",
    "Actor1Code", "Actor1Name", "Actor1Type1Code", "Actor1Wikidata",
    "Actor2Code", "Actor2Name", "Actor2Type1Code", "Actor2Wikidata",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL",
    "ChroniqueEventType", "ChroniqueDate", "ChroniqueDateStart", "ChroniqueDateEnd", "PloverType",
    "Modality", "Amount", "Currency", "Actor1Ids", "Actor2Ids", "DocIds", "Trigger", "Sentence",
)

_WHITESPACE = re.compile(r"\s+")


def _field(value: object) -> str:
    """A value as one TSV field: empty for None, whitespace runs (tabs, newlines) as one space."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return _WHITESPACE.sub(" ", str(value)).strip()


def _compact(iso_date: str | None) -> str:
    """2025-02-01 → 20250201 (GDELT's day format)."""
    return iso_date.replace("-", "") if iso_date else ""


def _actor(actors: tuple[ExportedActor, ...]) -> list[object]:
    """Code, name, type and Wikidata id of the first actor (GDELT's rows have one per side)."""
    if not actors:
        return ["", "", "", ""]
    first = actors[0]
    return [first.id, first.name, first.type, first.wikidata]


def gdelt_row(event: ExportedEvent) -> list[object]:
    """The row of one event, in :data:`GDELT_COLUMNS` order."""
    first = event.mentions[0] if event.mentions else None
    day = _compact(event.date_start)
    outlets = {m.source or m.doc_id for m in event.mentions}
    return [
        event.id, day, day[:6], day[:4],
        *_actor(event.sources), *_actor(event.targets),
        event.cameo, cameo_base(event.cameo), cameo_root(event.cameo),
        quad_class(event.cameo, event.plover), event.score,
        len(event.mentions), len(outlets), len({m.doc_id for m in event.mentions}),
        _compact(first.doc_date) if first else "", (first.url or first.doc_id) if first else "",
        event.type, event.date_value, event.date_start, event.date_end, event.plover,
        event.modality, event.amount, event.currency,
        ";".join(a.id for a in event.sources), ";".join(a.id for a in event.targets),
        ";".join(dict.fromkeys(m.doc_id for m in event.mentions)),
        first.trigger if first else "", first.sentence if first else "",
    ]


def write_gdelt(events: Iterable[ExportedEvent], out: TextIO) -> int:
    """Write the header and one line per event; returns how many events were written."""
    out.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for event in events:
        out.write("\t".join(_field(value) for value in gdelt_row(event)) + "\n")
        count += 1
    return count
