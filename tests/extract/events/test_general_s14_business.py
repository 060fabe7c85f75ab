"""Generalisation, fourteenth session (business, transport, games, sport, health, energy news):
constructions between two actors the article names that chronique did not read.

- An event noun qualified by a clause that only carries its act out: "une commande de 12 avions
  passée auprès du constructeur Y", "la commande de trois navires qu'il avait passée en 2017 au
  chantier Y" (the parser hangs the clause on the noun's complement; the participle agrees with
  the order). The order is told, and dated by its own clause, even under "annuler".

Real model, sentences written for the test (none from the evaluation sets); the rows that give
nothing are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events, run_dated

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2025, 3, 11)

CASES = [
    ("an order cancelled, placed by a participle",
     "La compagnie Aérolis avait annulé en 2020 une commande de 12 avions passée auprès du constructeur Vantor.",
     {("CANCEL", "Aérolis", "Vantor"), ("ORDER", "Aérolis", "Vantor")}),
    ("an order cancelled, placed by a relative hung on the order's complement",
     "Le croisiériste Navora a annulé mardi la commande de trois navires qu'il avait passée en 2017 au chantier naval Armavel.",
     {("CANCEL", "Navora", "Armavel"), ("ORDER", "Navora", "Armavel")}),
    # a participle that tells where the order was told names no seller
    ("an order announced in a city",
     "La compagnie Aérolis a confirmé la commande de 12 avions annoncée à Toulouse.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_business_news_events(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


def test_order_dated_by_its_own_clause(nlp) -> None:
    doc = run_dated(nlp, "Le croisiériste Navora a annulé mardi la commande de trois navires qu'il avait passée en 2017 "
                         "au chantier naval Armavel.", PUBLISHED)
    assert {(e.type, e.date) for e in doc._.events} == {("CANCEL", "2025-03-11"), ("ORDER", "2017")}
