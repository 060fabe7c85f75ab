"""Generalisation, ninth session: designs on a company, failings pointed at, a fine's judge.

- "avoir des vues sur X", "jeter son dévolu sur X", "manifester son intérêt pour X" are a BID
  for X (a company only: an interest in a technology, a view over a river bid for nothing).
- "pointer la responsabilité de X", "souligner les manquements de X" blame X (ACCUSE); a
  responsibility of no one named blames no one.
- "X a écopé d'une amende de la Cnil": the judge named down the sanction's complements.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("designs on a retail chain",
     "Le groupe Carrefour a des vues sur la chaîne Cora.",
     {("BID", "Carrefour", "Cora")}),
    ("a chain chosen as a prey",
     "Le groupe Carrefour a jeté son dévolu sur la chaîne Cora.",
     {("BID", "Carrefour", "Cora")}),
    ("an interest shown in a company",
     "Le groupe Carrefour a manifesté son intérêt pour la chaîne Cora.",
     {("BID", "Carrefour", "Cora")}),
    ("NOTHING: an interest in a place is no bid (a named place reaches the target-type guard)",
     "Le groupe Carrefour a manifesté son intérêt pour Lyon.",
     set()),
    ("NOTHING: a view over a river",
     "Le siège du groupe Carrefour a des vues sur la Seine.",
     set()),
    ("a company's responsibility pointed at",
     "Le syndicat CFDT a pointé la responsabilité du groupe Carrefour.",
     {("ACCUSE", "CFDT", "Carrefour")}),
    ("failings of a management underlined",
     "Le syndicat CFDT a souligné les manquements de la direction de Michelin.",
     {("ACCUSE", "CFDT", "Michelin")}),
    ("NOTHING: a responsibility of no one named",
     "Le syndicat CFDT a rappelé la responsabilité sociale des entreprises.",
     set()),
    ("a fine's judge named after the fine",
     "Le groupe Free a écopé d'une amende de la Cnil.",
     {("ACCUSE", "Cnil", "Free")}),
    ("NOTHING: a fine's amount is no judge",
     "Le groupe Free a écopé d'une amende de 300 000 euros.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
