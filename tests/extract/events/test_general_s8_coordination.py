"""Generalisation, eighth session: a bare participle coordinated with a compound past.

"X a racheté Y et investi 200 millions dans Z", "X a signé un accord avec Y et investi 30
millions dans Z": the second participle shares the first verb's auxiliary and subject, wherever
the parser hung it (on the first verb, or on a name of its phrase), and a complement the parser
hung on the first verb after the second participle is the second's. A second verb with its own
subject keeps it. A gapped second object ("X s'est offert A pour 19 milliards et B pour 10,7
milliards") is the verb's object too (`events/gapping.py`), unless it carries a date of its own,
and keeps the amount of its own conjunct.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import exported_events, named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("the second participle's complement hung on the first verb",
     "Sanofi a racheté la biotech Inhibrx et investi 200 millions d'euros dans la start-up Owkin.",
     {("ACQUIRE", "Sanofi", "Inhibrx"), ("INVEST", "Sanofi", "Owkin")}),
    ("the second participle hung on a name of the first verb's phrase",
     "Le groupe Engie a signé un accord avec EDF et investi 30 millions d'euros dans la société Hynamics.",
     {("PARTNER", "Engie", "EDF"), ("INVEST", "Engie", "Hynamics")}),
    ("a second clause with its own subject keeps it",
     "Orange a racheté SFR et Free a investi dans Iliad.",
     {("ACQUIRE", "Orange", "SFR"), ("INVEST", "Free", "Iliad")}),
    ("a gapped second object hung on the first object's adjunct",
     "Broadcom s'est offert CA Technologies pour 19 milliards de dollars et Symantec pour 10,7 "
     "milliards de dollars.",
     {("ACQUIRE", "Broadcom", "CA Technologies"), ("ACQUIRE", "Broadcom", "Symantec")}),
    ("a gapped object with a date of its own is left out rather than misdated",
     "Google a racheté YouTube en 2006 et Waze en 2013.",
     {("ACQUIRE", "Google", "YouTube")}),
    ("NOTHING: a name opening another clause is no gapped object",
     "Google a racheté YouTube en 2006 et Marc Dupont est parti.",
     {("ACQUIRE", "Google", "YouTube")}),
    ("NOTHING: participles of a noun's passive name no doer",
     "La société rachetée par des investisseurs et cédée en 2020 a fermé.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why


def test_a_gapped_object_keeps_the_amount_of_its_own_conjunct(nlp) -> None:
    events = exported_events(nlp, "Broadcom s'est offert CA Technologies pour 19 milliards de dollars et Symantec "
                                  "pour 10,7 milliards de dollars.", PUBLISHED)
    amounts = sorted((e.amount, e.currency) for e in events)
    assert amounts == [(10_700_000_000, "USD"), (19_000_000_000, "USD")]


def test_a_gapped_object_without_an_amount_takes_none(nlp) -> None:
    events = exported_events(nlp, "Orange a racheté SFR pour 10 milliards d'euros et Free.", PUBLISHED)
    assert sorted((e.amount or 0) for e in events) == [0, 10_000_000_000]
