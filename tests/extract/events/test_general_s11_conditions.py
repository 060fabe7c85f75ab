"""Generalisation, eleventh session: a threat aimed at whom its condition names.

"La CGT menace d'une grève si le groupe X maintient sa proposition": a threat with no object is
aimed at the subject of its "si" clause, before or after the verb (slot "condition",
events/conditions.py); a condition on the weather, or on the threatener itself, names nobody.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("a strike threatened if a company keeps its offer",
     "Le syndicat Unsa menace d'une grève dans les entrepôts si le groupe Decathlon maintient sa proposition.",
     {("THREATEN", "Unsa", "Decathlon")}),
    ("an infinitive threatened, the condition negated",
     "La FNSEA menace de bloquer les routes si le groupe Lactalis ne revoit pas ses prix.",
     {("THREATEN", "FNSEA", "Lactalis")}),
    ("the condition before the threat",
     "Si le groupe Decathlon maintient sa proposition, le syndicat Unsa menace de faire grève.",
     {("THREATEN", "Unsa", "Decathlon")}),
    ("NOTHING: a condition on the weather",
     "Le syndicat Unsa menace de faire grève si la météo le permet.",
     set()),
    ("NOTHING: a condition on the threatener itself",
     "Le syndicat Unsa menace de faire grève s'il n'obtient pas satisfaction.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
