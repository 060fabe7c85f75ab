"""Generalisation, tenth session: an investor leaving a company's capital.

- "X est sorti du capital de Y" (LEAVE X → Y).
- A stake sold to someone stays that buyer's investment; sold with no buyer named it tells nothing
  (as the corporate-events tests decided).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("an investor leaves the capital",
     "Le fonds Tikehau est sorti du capital de Voltalia.",
     {("LEAVE", "Tikehau", "Voltalia")}),
    ("a stake sold to a buyer stays the buyer's investment",
     "Le fonds Tikehau a cédé sa participation dans Voltalia au groupe Engie.",
     {("INVEST", "Engie", "Voltalia")}),
    ("NOTHING: leaving a company's building is no divestment (a named company reaches the guard)",
     "Le directeur Marc Dupuis est sorti du siège de Voltalia à midi.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
