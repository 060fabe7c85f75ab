"""Generalisation, tenth session: sanctions, inquiries and orders whose parties the parser hung
elsewhere.

- A fine told by a participle: "X a écopé d'une amende infligée par Y" (ACCUSE Y → X); "l'amende
  infligée par Y à X", where the parser hangs "à X" on the agent's noun.
- An inquiry into a deal: "ouvrir une enquête sur le rachat de A par B" blames B, where the parser
  hangs "par B" on "enquête" right after the deal's phrase.
- Cancelling an order placed with a supplier: "X a annulé sa commande … auprès de Y" (CANCEL).
- A dispute taken before the Conseil d'État against someone (SUE).
- A word of an actor's name is no trigger: "l'Autorité de la concurrence à X" tells no rivalry
  (a false COMPETE before).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("a fine received, its judge named by the participle's agent",
     "L'opérateur SFR a écopé d'une amende de 12 millions d'euros infligée par l'Arcep.",
     {("ACCUSE", "Arcep", "SFR")}),
    ("NOTHING: a fine received with no judge",
     "L'opérateur SFR a écopé d'une amende de 12 millions d'euros.",
     set()),
    ("a fine given, its target hung on the agent's noun",
     "L'amende infligée par l'Autorité de la concurrence à Sanofi s'élève à 90 millions d'euros.",
     {("ACCUSE", "Autorité de la concurrence", "Sanofi")}),
    ("a deal bought by another, inquired into (under review, the deal is still a bid)",
     "La Commission européenne a ouvert une enquête approfondie sur le rachat de Wolt par Uber.",
     {("ACCUSE", "Commission européenne", "Uber"), ("BID", "Uber", "Wolt")}),
    ("a deal's buyer named last, under a plainte",
     "L'association Foodwatch a porté plainte contre le rachat de Bonduelle par Lactalis.",
     {("SUE", "Foodwatch", "Lactalis"), ("ACQUIRE", "Lactalis", "Bonduelle")}),
    ("an order cancelled with its supplier",
     "La compagnie Air Austral a annulé sa commande de 12 avions auprès d'Airbus.",
     {("CANCEL", "Air Austral", "Airbus")}),
    ("a dispute taken to the Conseil d'État against an authority",
     "Le groupe Engie a porté l'affaire devant le Conseil d'État contre la Commission de régulation de l'énergie.",
     {("SUE", "Engie", "Commission de régulation de l'énergie")}),
    ("NOTHING: a matter taken to a council with no adversary",
     "Le maire a porté l'affaire devant le conseil municipal de Nantes.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
