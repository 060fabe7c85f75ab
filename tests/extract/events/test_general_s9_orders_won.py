"""Generalisation, ninth session: an order won "auprès de" a customer the parser cut in two.

"X a remporté une commande de 50 avions auprès de la compagnie Y": the parser may make "auprès"
an adverb hung on the object noun and the customer an oblique below it; the customer is still the
one who orders. Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 4, 2)

CASES = [
    ("an order of aircraft won from an airline",
     "Airbus a remporté une commande de 50 avions auprès de la compagnie IndiGo.",
     {("ORDER", "IndiGo", "Airbus")}),
    ("an order won with no goods named",
     "Boeing a remporté une commande auprès de la compagnie Ryanair.",
     {("ORDER", "Ryanair", "Boeing")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_customer_of_an_order_won_orders(nlp, why: str, text: str, expected: set) -> None:
    assert expected <= named_events(nlp, text, PUBLISHED)


def test_an_order_won_with_no_customer_names_none(nlp) -> None:
    events = named_events(nlp, "Airbus a remporté une commande de 50 avions au salon du Bourget.", PUBLISHED)
    assert not {e for e in events if e[0] == "ORDER"}
