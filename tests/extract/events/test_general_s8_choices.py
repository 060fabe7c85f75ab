"""Generalisation, eighth session: offers chosen, suppliers chosen, deals signed and ended.

- "Le conseil de X a approuvé / validé / retenu l'offre de Y": Y bids for X; who chooses among
  offers does not make them (`[syntax] judging_verbs`), so "retenir l'offre de reprise de Y" is
  no bid by the chooser.
- "La SNCF a retenu Alstom pour fournir ses trains", "X a choisi Y pour construire …": a
  customer choosing a firm for a task orders from it (organisations only: a person chosen is
  appointed, a place chosen is a site).
- "annuler / rompre le contrat signé avec X": the party of the deal ended is found through the
  deal's participle.

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
