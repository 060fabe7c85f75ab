"""An actor's or a pair's timeline as TimelineJS JSON (Knight Lab's TimelineJS3 "JSON format").

Journalists publish these: the file loads as it is in TimelineJS (``new TL.Timeline('id',
'timeline.json')``). The object has a ``title`` slide and ``events``, one slide per dated event,
oldest first: ``start_date`` as TimelineJS date objects at the precision the text gives
(``{"year": 2015}`` for "2015", ``{"year": 2025, "month": 2}`` for "février 2025": a year is
never drawn as January 1st), ``text`` with a ``headline`` and, as HTML, every sentence that
tells the event with the article it comes from (title, outlet, date, link), ``media`` the first
article's link with its outlet as ``credit``, ``group`` the event type, ``unique_id`` the event
id. Undated events cannot be placed on a timeline and are left out (the summary counts them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any, TextIO

from chronique.export.events import ExportedMention
from chronique.store import Store
from chronique.store.records import TimelineEntry

__all__ = ["timeline_date", "timelinejs_document", "write_timelinejs"]

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _from_iso(iso_date: str) -> dict[str, int]:
    day = date.fromisoformat(iso_date)
    return {"year": day.year, "month": day.month, "day": day.day}


def timeline_date(date_value: str | None, date_start: str | None,
                  date_end: str | None) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The TimelineJS ``start_date`` and ``end_date`` (None) of an event, at its precision:
    a year, a month or a day as the text gives it; any other date (a season, a week…) as the
    days it covers, displayed as the text wrote it."""
    value = date_value or ""
    if match := _YEAR.match(value):
        return {"year": int(match.group(1))}, None
    if match := _MONTH.match(value):
        return {"year": int(match.group(1)), "month": int(match.group(2))}, None
    if match := _DAY.match(value):
        return {"year": int(match.group(1)), "month": int(match.group(2)), "day": int(match.group(3))}, None
    if not date_start:
        raise ValueError("an undated event has no place on a timeline")
    start = _from_iso(date_start) | ({"display_date": value} if value else {})
    end = _from_iso(date_end) if date_end and date_end != date_start else None
    return start, end


def _headline(entry: TimelineEntry) -> str:
    sources, targets = ", ".join(entry.sources), ", ".join(entry.targets)
    return f"{sources} → {targets} · {entry.type}" if targets else f"{sources} · {entry.type}"


def _citation(mention: ExportedMention) -> str:
    """One telling as HTML: the sentence, then the article (linked when it has a URL)."""
    title = escape(mention.title or mention.doc_id)
    article = f'<a href="{escape(mention.url)}">{title}</a>' if mention.url else title
    about = ", ".join(escape(part) for part in (mention.source, mention.doc_date) if part)
    return (f"<blockquote>{escape(mention.sentence)}</blockquote>"
            f"<p>— {article}{f' ({about})' if about else ''} · {escape(mention.doc_id)}</p>")


def _slide(entry: TimelineEntry, tellings: Sequence[ExportedMention]) -> dict[str, Any]:
    start, end = timeline_date(entry.date_value, entry.date_start, entry.date_end)
    slide: dict[str, Any] = {"unique_id": entry.event_id, "start_date": start}
    if end:
        slide["end_date"] = end
    slide["text"] = {"headline": escape(_headline(entry)),
                     "text": "".join(_citation(m) for m in tellings)}
    first = tellings[0] if tellings else None
    if first and first.url:
        slide["media"] = {"url": first.url, "caption": escape(first.title or first.doc_id),
                          "credit": escape(first.source or first.doc_id), "link": first.url}
    slide["group"] = entry.type
    return slide


def timelinejs_document(store: Store, actors: Sequence[str]) -> tuple[dict[str, Any], dict[str, int]]:
    """The TimelineJS object of one actor's events (``actors`` of one) or of a pair's story
    (two), with what was written and left out; ``UnknownActor`` for a name the store lacks."""
    from chronique.analysis import Chronicle

    if len(actors) not in (1, 2):
        raise ValueError("a TimelineJS export is of one actor or of a pair")
    chron = Chronicle(store)
    if len(actors) == 1:
        names = [chron.actor(actors[0]).name]
        entries = list(chron.timeline(actors[0], undated=True))
    else:
        history = chron.pair(actors[0], actors[1])
        names = [history.a.name, history.b.name]
        entries = list(history.events)
    dated = [entry for entry in entries if entry.date_start]
    tellings = store.exports.tellings_of([entry.event_id for entry in dated])
    articles = {m.doc_id for entry in dated for m in tellings.get(entry.event_id, ())}
    document = {
        "title": {"text": {
            "headline": escape(" & ".join(names)),
            "text": escape(f"{len(dated)} events told in {len(articles)} articles, as chronique read them."),
        }},
        "events": [_slide(entry, tellings.get(entry.event_id, ())) for entry in dated],
        "scale": "human",
    }
    return document, {"events": len(dated), "undated events left out": len(entries) - len(dated)}


def write_timelinejs(store: Store, actors: Sequence[str], out: TextIO) -> dict[str, int]:
    """Write the JSON (indented, keys in a fixed order); returns the events written and left out."""
    document, counts = timelinejs_document(store, actors)
    out.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return counts
