"""Generalisation, eleventh session: two wrong events plain sentences used to give.

- "Le tribunal a condamné jeudi la société X à verser … à Y": the parser hangs the condemned
  object on the day; it still controls the infinitive, so X pays Y (not the court).
- "X a racheté la société Y, fondée par Z": a bare participle after the clause, right after a
  name and a comma, with its own agent, is said of that name (Z founded Y, not X); with no agent
  it founds nothing; a fronted participle ("Courtisée
  par X, la start-up Y …") is still said of the subject.

Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("the condemned pays, its object hung on the day",
     "Le tribunal de commerce de Lyon a condamné jeudi la société Boulanger à verser 2 millions d'euros à la Fnac.",
     {("ACCUSE", "tribunal de commerce de Lyon", "Boulanger"), ("PAY", "Boulanger", "Fnac")}),
    ("a participle after the clause is said of the name before its comma",
     "Le groupe Apple a racheté la société Beats, fondée par Dr. Dre.",
     {("ACQUIRE", "Apple", "Beats"), ("FOUND", "Dr. Dre", "Beats")}),
    ("NOTHING new: a participle with no agent founds nothing",
     "Le groupe Apple a racheté la société Beats, créée en 2006.",
     {("ACQUIRE", "Apple", "Beats")}),
    ("a fronted participle is said of the subject (a check)",
     "Courtisée par le groupe Salesforce en 2024, la start-up Alan a refusé l'offre.",
     {("BID", "Salesforce", "Alan"), ("REJECT", "Alan", "Salesforce")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
