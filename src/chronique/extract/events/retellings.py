"""A definite event noun retells a happening the article dates elsewhere.

"L'homme d'affaires a dirigé le club deux ans après le rachat du club par Eagle Group. … John
Textor devenait alors, en décembre 2022, l'actionnaire majoritaire": "le rachat du club" presupposes
a known happening; when the article dates exactly one event of that type with the same target,
and the type happens once to its target (not ``repeated``: a company is bought once in a story,
sued many times), the undated retelling takes that date. The buyer may be named otherwise ("Eagle
Group", "John Textor"), so only the type and the target must agree. Two dated candidates with
different dates: none (no date is better than a wrong one).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from chronique.identity.ontology import is_repeated
from chronique.model import Event

__all__ = ["carry_retelling_dates"]


def carry_retelling_dates(doc: Doc, events: list[Event]) -> list[Event]:
    """``events`` with each undated definite-noun retelling dated as described above."""
    carried: list[Event] = []
    for event in events:
        if event.date is None and not is_repeated(event.type) and _definite_noun_trigger(doc, event):
            dated = {(e.date, e.date_start, e.date_end) for e in events
                     if e is not event and e.date is not None and e.type == event.type and e.targets == event.targets}
            if len(dated) == 1:
                value, start, end = dated.pop()
                event = replace(event, date=value, date_start=start, date_end=end)
        carried.append(event)
    return carried


def noun_trigger_determiners(doc: Doc, event: Event) -> list[Token]:
    """The determiners of the event's trigger when it is a noun ("le rachat", "ce rachat"), else
    none: what tells a telling that refers back to an event told before."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or span.root.pos_ != "NOUN":
        return []
    return [c for c in span.root.children if c.pos_ == "DET"]


def _definite_noun_trigger(doc: Doc, event: Event) -> bool:
    """Whether the trigger is a noun with a definite article ("le rachat", "du rachat")."""
    return any("Def" in c.morph.get("Definite", []) and "Art" in c.morph.get("PronType", [])
               for c in noun_trigger_determiners(doc, event))
