"""Generalisation, ninth session: two parser slips around relative clauses.

- "X, dont le PDG est Y, a signé un accord avec Z": the parser may make the relative clause's
  noun ("le PDG") the main verb's subject; the main verb's subject is X (a "dont" phrase between
  commas belongs to the actor before it). With no comma before the verb the verb is the
  relative's own ("X, dont l'État détient 15 %").
- "X, qui a racheté Y en 2016, …": the parser may make the bought company a bare oblique; what a
  verb of buying takes right after it is still a company (the NER had typed it a place), and so
  is the company a stake bought is in ("a acquis 30 % de Y").

Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 2, 17)

CASES = [
    ("the main clause's subject is the actor before 'dont'",
     "Orange, dont le PDG est Christel Heydemann, a signé un accord avec Nokia.",
     {("PARTNER", "Orange", "Nokia")}),
    ("a company bought in a relative clause, read as an oblique",
     "Danone, qui a racheté Alpro en 2016, a cédé sa filiale russe.",
     {("ACQUIRE", "Danone", "Alpro")}),
    ("a stake bought in a company the NER typed a place",
     "Kering a acquis 30 % de Valentino.",
     {("ACQUIRE", "Kering", "Valentino")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events_read_through_relative_clause_slips(nlp, why: str, text: str, expected: set) -> None:
    assert expected <= named_events(nlp, text, PUBLISHED)


def test_the_person_in_the_relative_clause_signs_nothing(nlp) -> None:
    events = named_events(nlp, "Orange, dont le PDG est Christel Heydemann, a signé un accord avec Nokia.", PUBLISHED)
    assert not {e for e in events if "Christel Heydemann" in e[1:]}
