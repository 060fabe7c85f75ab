"""The GDELT 2.0 event table: one tab-separated line per event, GDELT's 61 columns in order, no header.

A file GDELT users load with the column list they already have (the GDELT 2.0 Event Codebook;
``resources/export/gdelt/events_columns.toml`` holds it with its source). Each column keeps
GDELT's meaning: EventCode, EventBaseCode and EventRootCode are CAMEO codes written as text
("031", "100", "10"), GoldsteinScale is the Goldstein score of the EventCode from GDELT's own
table (``resources/export/gdelt/cameo_goldstein.tsv``), not chronique's score. What chronique does
not know is left as GDELT leaves it: CAMEO actor codes, countries and types empty, AvgTone 0,
geography type 0 and the other geography fields empty. Like GDELT's files, fields are never
quoted: tabs and line breaks inside a name are written as spaces, so every line is one event.

GLOBALEVENTID is the number in chronique's event id (``ev_3c5192f9a46f`` ↔ 0x3c5192f9a46f), so a
row links back to the other exports: :func:`global_event_id` and :func:`chronique_event_id`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from chronique.data import load_toml
from chronique.export.codes import cameo_base, cameo_event_code, cameo_root, goldstein, plover_category, quad_class
from chronique.export.events import ExportedActor, ExportedEvent

__all__ = ["GDELT_COLUMNS", "GDELT_TYPES", "gdelt_row", "write_gdelt", "global_event_id", "chronique_event_id"]

#: The 61 columns of a GDELT 2.0 event file, in order, and GDELT's type of each (INTEGER, FLOAT, STRING).
GDELT_TYPES: dict[str, str] = {name: type_ for name, type_ in load_toml("export/gdelt/events_columns.toml")["columns"]}
GDELT_COLUMNS: tuple[str, ...] = tuple(GDELT_TYPES)

_WHITESPACE = re.compile(r"\s+")
_EVENT_ID = re.compile(r"^ev_([0-9a-f]{12})$")
_UNKNOWN_ACTOR = ["", "", "", "", "", "", "", "", "", ""]
_UNKNOWN_PLACE = ["0", "", "", "", "", "", "", ""]  # Geo_Type 0 and seven empty fields, as GDELT writes them


def global_event_id(event_id: str) -> int:
    """GDELT's integer id of a chronique event: the 48-bit number its id spells."""
    match = _EVENT_ID.match(event_id)
    digits = match.group(1) if match else hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12]
    return int(digits, 16)


def chronique_event_id(global_id: int) -> str:
    """The chronique event id of a GLOBALEVENTID written by this export."""
    return f"ev_{global_id:012x}"


def _field(value: object) -> str:
    """A value as one TSV field: empty for None, whitespace runs (tabs, newlines) as one space."""
    if value is None:
        return ""
    return _WHITESPACE.sub(" ", str(value)).strip()


def _dates(iso_date: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year and FractionDate of the day an event happened (empty if undated).

    FractionDate is YYYY.FFFF with FFFF = ((month − 1) × 30 + day) / 365: the codebook writes
    "MONTH * 30", GDELT's own files subtract one (2016-07-01 is 2016.4959)."""
    if not iso_date:
        return ["", "", "", ""]
    day = date.fromisoformat(iso_date)
    fraction = ((day.month - 1) * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{day.year + fraction:.4f}"]


def _actor(actors: tuple[ExportedActor, ...]) -> list[str]:
    """The ten actor fields: only the name is known (the first actor: GDELT rows are dyadic)."""
    fields = list(_UNKNOWN_ACTOR)
    if actors:
        fields[1] = actors[0].name
    return fields


def gdelt_row(event: ExportedEvent) -> list[object]:
    """The 61 fields of one event, in :data:`GDELT_COLUMNS` order."""
    first = event.mentions[0] if event.mentions else None
    code = cameo_event_code(event.cameo)
    outlets = {m.source or m.doc_id for m in event.mentions}
    added = date.fromisoformat(first.doc_date).strftime("%Y%m%d000000") if first and first.doc_date else ""
    return [
        global_event_id(event.id), *_dates(event.date_start),
        *_actor(event.sources), *_actor(event.targets),
        int(first.in_lead) if first else 0,
        code, cameo_base(code), cameo_root(code),
        quad_class(code, plover_category(event.plover)), goldstein(code),
        len(event.mentions), len(outlets), len({m.doc_id for m in event.mentions}), 0,
        *_UNKNOWN_PLACE, *_UNKNOWN_PLACE, *_UNKNOWN_PLACE,
        added, (first.url or first.doc_id) if first else "",
    ]


def write_gdelt(events: Iterable[ExportedEvent], out: TextIO) -> int:
    """One line per event, no header (as GDELT's files); returns how many were written."""
    count = 0
    for event in events:
        row = gdelt_row(event)
        assert len(row) == len(GDELT_COLUMNS)
        out.write("\t".join(_field(value) for value in row) + "\n")
        count += 1
    return count
