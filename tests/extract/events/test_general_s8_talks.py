"""Generalisation, eighth session: deals under talks, readiness, and evictions told passively.

- "X serait en discussions / en négociations exclusives / en lice pour racheter Y": the purpose
  infinitive of a predicate noun has the predicate's subject, and talks toward a deal (a noun
  of `[modality] proposed_nouns` in the clause chain) make it only proposed: a BID, not an
  ACQUIRE. "X est prêt / disposé à racheter Y" likewise (`proposed_verbs`).
- "X a été évincé / limogé de la direction de Y": the organisation left is the "de" complement.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("talks toward a purchase are a bid",
     "Amazon serait en discussions pour racheter Monoprix.",
     {("BID", "Amazon", "Monoprix")}),
    ("exclusive negotiations",
     "Le groupe Carrefour est en négociations exclusives pour acquérir la chaîne Cora.",
     {("BID", "Carrefour", "Cora")}),
    ("in the running",
     "Le fonds KKR est en lice pour racheter la société Picard.",
     {("BID", "KKR", "Picard")}),
    ("ready to buy",
     "Orange est prêt à racheter SFR.",
     {("BID", "Orange", "SFR")}),
    ("an eviction told passively names the organisation left",
     "Arnaud Lagardère a été évincé de la direction de Lagardère.",
     {("LEAVE", "Arnaud Lagardère", "Lagardère")}),
    ("a purchase done after talks stays a purchase",
     "Orange a racheté SFR après des mois de négociations.",
     {("ACQUIRE", "Orange", "SFR")}),
    ("NOTHING: a trip for a meeting is no deal",
     "Le patron de Renault est en Chine pour rencontrer les dirigeants de Geely.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
