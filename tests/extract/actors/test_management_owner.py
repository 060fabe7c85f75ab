""""la direction" alone is the management of the one organisation the article gave it before.

In labour news a union's delegate "reproche à la direction …": the management is the employer
the article named with it ("la direction du constructeur X et les syndicats ont signé"), not
the union named last. With no owner given, "la direction" is resolved as any generic phrase.
Real model, sentences written for the test.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2025, 2, 12)

CASES = [
    ("the owner given before, a union named last",
     "Après deux semaines de grève, la direction du constructeur Vendalis et les syndicats ont signé un accord. "
     "La CGT a refusé de le signer. Karim Benali, délégué de la CGT, reproche à la direction d'avoir menacé les grévistes.",
     {("ACCUSE", "Karim Benali", "Vendalis")}),
    ("the owner given by 'de la chaîne', a union in between",
     "La direction de la chaîne Hotelia a rencontré les élus mardi. Le syndicat Sud a appelé à la grève. "
     "Sa porte-parole, Léa Morin, accuse la direction de mentir.",
     {("ACCUSE", "Léa Morin", "Hotelia")}),
    ("two owners given: none chosen by this rule",
     "La direction de Vendalis et celle de la chaîne Hotelia ont signé un accord. "
     "Le syndicat Sud a appelé à la grève. Sa porte-parole, Léa Morin, accuse la direction de mentir.",
     None),
]


@pytest.mark.parametrize("why, text, expected", CASES, ids=[case[0] for case in CASES])
def test_la_direction_is_the_management_of_its_owner(nlp, why, text, expected):
    found = named_events(nlp, text, PUBLISHED)
    if expected is None:
        assert ("ACCUSE", "Léa Morin", "Vendalis") not in found and ("ACCUSE", "Léa Morin", "Hotelia") not in found, why
    else:
        assert found == expected, why
