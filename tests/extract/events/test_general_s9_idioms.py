"""Generalisation, ninth session: blame told by idioms of French news.

"régler ses comptes avec X", "descendre X en flammes", "vouer X aux gémonies", "jeter l'opprobre
sur X", "monter au créneau / partir en guerre contre X", "tenir X pour responsable" are ACCUSE.
Settling one's bills, going up in flames or holding a post are not.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("scores settled with someone",
     "L'ancien ministre Arnaud Dubois a réglé ses comptes avec Xavier Bertrand sur France Inter.",
     {("ACCUSE", "Arnaud Dubois", "Xavier Bertrand")}),
    ("NOTHING: bills settled with a supplier (a named supplier reaches the 'comptes' guard)",
     "Le groupe Fnac a réglé ses factures avec la société Darty en retard.",
     set()),
    ("going up in arms against a company",
     "La maire Anne Hidalgo est montée au créneau contre le groupe Uber.",
     {("ACCUSE", "Anne Hidalgo", "Uber")}),
    ("a government held responsible",
     "Le Medef tient le gouvernement Barnier pour responsable de la crise.",
     {("ACCUSE", "Medef", "gouvernement Barnier")}),
    ("opprobrium cast on a firm",
     "L'ONG Oxfam a jeté l'opprobre sur le groupe Danone.",
     {("ACCUSE", "Oxfam", "Danone")}),
    ("NOTHING: a warehouse gone up in flames",
     "Un entrepôt du groupe Amazon est parti en fumée près de Lyon.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
