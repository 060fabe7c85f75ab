"""Generalisation, eleventh session: a deal dated by its announcement, told again later.

"X a racheté Y. … la Commission se penche sur l'opération annoncée en mars": the bare deal noun
is the deal told last before it, and the participle of announcing dates it when it had no date
of its own (events/announced_deals.py). A deal already dated keeps its date; a deal noun that
names its own party ("le rachat de Z annoncé en mars") is told as such, not as a retelling.

Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import exported_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 6, 12)

CASES = [
    ("an undated purchase dated by the announcement told later",
     "Le groupe Lactalis a racheté la société Picard. La Commission européenne se penche à son tour "
     "sur l'opération annoncée en mars.",
     {("ACQUIRE", "2026-03")}),
    ("a purchase dated in its own sentence keeps its date",
     "Le groupe Lactalis a racheté la société Picard en 2020. La Commission européenne se penche à son "
     "tour sur l'opération annoncée en mars.",
     {("ACQUIRE", "2020")}),
    ("no announcing participle: no date",
     "Le groupe Lactalis a racheté la société Picard. La Commission européenne se penche à son tour "
     "sur l'opération depuis mars.",
     {("ACQUIRE", None)}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_dates(nlp, why: str, text: str, expected: set[tuple[str, str | None]]) -> None:
    assert {(e.type, e.date) for e in exported_events(nlp, text, PUBLISHED) if e.type in ("ACQUIRE", "BID")} == expected, why
