"""Generalisation, eighth session: offers chosen, suppliers chosen, deals signed and ended.

- "Le conseil de X a approuvé / validé / retenu l'offre de Y": Y bids for X; who chooses among
  offers does not make them (`[syntax] judging_verbs`), so "retenir l'offre de reprise de Y" is
  no bid by the chooser.
- "La SNCF a retenu Alstom pour fournir ses trains", "X a choisi Y pour construire …": a
  customer choosing a firm for a task orders from it (organisations only: a person chosen is
  appointed, a place chosen is a site).
- "annuler / rompre le contrat signé avec X": the party of the deal ended is found through the
  deal's participle.
- "prendre / céder une participation dans X": a noun a verb's entry takes as its object word is
  that verb's locution and tells no event of another type of its own (one act, one type).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("an offer approved by the target's board is the bidder's",
     "Le conseil d'administration de Casino a approuvé l'offre de reprise de Daniel Kretinsky.",
     {("BID", "Daniel Kretinsky", "Casino")}),
    ("an offer retained",
     "Le conseil de surveillance d'Atos a retenu l'offre du groupe Onepoint.",
     {("BID", "Onepoint", "Atos")}),
    ("a supplier chosen for a task",
     "La SNCF a retenu Alstom pour fournir ses nouveaux trains.",
     {("ORDER", "SNCF", "Alstom")}),
    ("a contractor chosen for a task",
     "L'Agence spatiale européenne a choisi The Exploration Company pour ravitailler la Station "
     "spatiale internationale.",
     {("ORDER", "Agence spatiale européenne", "The Exploration Company")}),
    ("a contract signed with someone, cancelled",
     "Le groupe Engie a rompu le contrat signé avec Gazprom en 2019.",
     {("CANCEL", "Engie", "Gazprom")}),
    ("NOTHING: a place chosen is a site, not a supplier",
     "Le groupe Danone a choisi Paris pour installer son siège.",
     set()),
    ("NOTHING: an order cancelled, its passer is no counterpart named",
     "Orange a annulé la commande passée par des clients.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why


ONE_TYPE = [
    ("a stake taken is one investment, not also a purchase by its noun",
     "Le fonds Mubadala a pris une participation de 10 % dans la start-up Verkor.",
     {("INVEST", "Mubadala", "Verkor")}),
    ("a stake sold is the buyer's investment only (the seller buys nothing)",
     "Axa a cédé sa participation dans Axa IM à BNP Paribas.",
     {("INVEST", "BNP Paribas", "Axa IM")}),
    ("a stake announced, with no verb of its own, keeps its noun's reading",
     "Le groupe Vivendi a annoncé une participation de 12 % dans Telecom Italia.",
     {("ACQUIRE", "Vivendi", "Telecom Italia")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), ONE_TYPE, ids=[c[0] for c in ONE_TYPE])
def test_one_act_one_type(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
