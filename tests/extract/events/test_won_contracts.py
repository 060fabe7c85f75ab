"""A contract won from a customer is the customer's order (ORDER customer -> seller), also when the
parser sinks the adverb of "auprès de" into the object's complements.

Sentences written for this test, on the real model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le constructeur ferroviaire Alstom a remporté mardi un contrat de 2 milliards d'euros auprès de la SNCF "
         "pour la livraison de 60 rames.", {("ORDER", "org:SNCF", "org:Alstom")}),
        ("Thales a décroché un contrat de douze radars auprès d'Airbus.", {("ORDER", "airbus", "thales")}),
        # a call for tenders won: the customer is the one who called it
        ("Le groupe Veltra a remporté l'appel d'offres de la SNCF pour ses autocars.",
         {("ORDER", "org:SNCF", "org:Veltra")}),
        ("Veltra a perdu l'appel d'offres de la SNCF.", set()),
        # no customer named, a trophy, a fund-raising: no order
        ("Airbus a remporté le marché.", set()),
        ("Veltra a remporté l'appel d'offres.", set()),
        ("Le Real Madrid a remporté la Ligue des champions face à Liverpool.", set()),
    ],
)
def test_a_contract_won_from_a_customer_is_its_order(nlp, text, expected):
    doc = run_dated(nlp, text, dt.date(2026, 3, 10))
    links = {(e.type, s, t) for e in doc._.events for s in e.sources for t in e.targets}
    assert {link for link in links if link[0] == "ORDER"} == expected
