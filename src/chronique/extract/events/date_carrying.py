"""Dates one event lends another after the events of a document are read: a demonstrative
retelling ("cette procédure") takes its earlier telling's date, and an event told after the lead
the date of the lead's happening of its type. Apart from ``dating`` (the date of one clause)
because these work on the document's list of events, not on a parse path."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from chronique.extract.events.retellings import noun_trigger_determiners
from chronique.model import Event

__all__ = ["carry_dates", "carry_lead_dates"]

TRAILING_PUNCTUATION = re.compile(r"[^\w)\]]+$")


def carry_dates(doc: Doc, events: list[Event]) -> list[Event]:
    """An undated event told again by a demonstrative noun ("cette procédure", "ce rachat") takes
    the date of the earlier telling of the same type between the same actors: it is that one."""
    carried: list[Event] = []
    for event in events:
        if event.date is None and _demonstrative_trigger(doc, event):
            earlier = next((e for e in reversed(carried) if e.date is not None and e.type == event.type
                            and e.sources == event.sources and e.targets == event.targets
                            and e.trigger_start < event.trigger_start), None)
            if earlier is not None:
                event = replace(event, date=earlier.date, date_start=earlier.date_start, date_end=earlier.date_end)
        carried.append(event)
    return carried


def _demonstrative_trigger(doc: Doc, event: Event) -> bool:
    """Whether the trigger is a noun with a demonstrative ("ce rachat", "cette plainte")."""
    return any("Dem" in c.morph.get("PronType", []) for c in noun_trigger_determiners(doc, event))


def carry_lead_dates(doc: Doc, events: list[Event], lead_dates: dict[str, set[tuple]], lead_end: int) -> list[Event]:
    """An undated event told after the lead takes the date of the lead's trigger of its type
    when the lead dates one such happening whose actors it names only by descriptions ("X a
    décidé de bloquer jeudi la vente entre la plate-forme française et le géant américain Y" and
    later "X a stoppé la vente de Z à Y"), and the lead names both actors: it is that happening.

    ``lead_dates`` maps a type of happening told once (not repeated) to the dates of the lead's
    triggers of that type that gave no event."""
    named = {_bare_key(m.key) for m in doc._.actor_mentions or [] if m.start < lead_end}
    carried: list[Event] = []
    for event in events:
        dates = lead_dates.get(event.type, set())
        if (event.date is None and len(dates) == 1 and event.trigger_start >= lead_end
                and {_bare_key(k) for k in (*event.sources, *event.targets)} <= named):
            value, start, end = next(iter(dates))
            event = replace(event, date=value, date_start=start, date_end=end)
        carried.append(event)
    return carried


def _bare_key(key: str) -> str:
    """An actor key without the punctuation a mention may have kept from its sentence ("Yahoo!."
    closing a sentence is the "Yahoo" told later)."""
    return TRAILING_PUNCTUATION.sub("", key)
