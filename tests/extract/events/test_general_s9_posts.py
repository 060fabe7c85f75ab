"""Generalisation, ninth session: posts taken and left, orders won.

- "X a été propulsé / parachuté à la tête de Y" (JOIN), also where the parser labels the "été"
  of the compound passive a copula ("a été/cop propulsé": `clause_shapes.is_passive`,
  `[syntax] passive_copula_forms`).
- "X a été poussé vers la sortie par le conseil de Y" (LEAVE X → Y), not a request;
  "X a quitté ses fonctions chez Y", "X a remis sa démission au conseil de Y" (LEAVE).
- "X a décroché une commande auprès de Y": Y orders from X; the winner of an order is not its
  buyer (the noun "commande" is the verb's locution: one act, one reading).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("propelled to the head of a company, 'été' read as a copula",
     "Antonio Filosa a été propulsé à la tête de Stellantis.",
     {("JOIN", "Antonio Filosa", "Stellantis")}),
    ("NOTHING: 'a été' before an adjective is no passive",
     "Jean Dupont a été heureux de visiter l'usine de Stellantis.",
     set()),
    ("forced out by the board",
     "Carlos Tavares a été poussé vers la sortie par le conseil de Stellantis.",
     {("LEAVE", "Carlos Tavares", "Stellantis")}),
    ("NOTHING: a management pushed to negotiate is asked, not forced out",
     "Le syndicat CGT a poussé la direction de Stellantis à négocier.",
     {("REQUEST", "CGT", "Stellantis")}),
    ("duties left at a company",
     "Carlos Tavares a quitté ses fonctions chez Stellantis.",
     {("LEAVE", "Carlos Tavares", "Stellantis")}),
    ("a resignation handed to the board",
     "Carlos Tavares a remis sa démission au conseil de Stellantis.",
     {("LEAVE", "Carlos Tavares", "Stellantis")}),
    ("NOTHING: a resignation handed to a person",
     "Le ministre Jean Dupont a remis sa démission à Emmanuel Macron.",
     set()),
    ("an order won from an airline",
     "Le groupe Airbus a décroché une commande de 100 avions auprès de la compagnie IndiGo.",
     {("ORDER", "IndiGo", "Airbus")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
