"""Generalisation, ninth session: threats dismissed, a deed's agent closing its phrase, a deal of
others denounced.

- "X a rejeté / balayé ces menaces" answers whoever threatened X (claims of the kind THREATEN).
- "une enquête sur le traitement des données des patients par X": an agent phrase that closes
  the deed's phrase, hung on the last noun of its complements, is the deed's agent
  (`deeds.author_of_deed`).
- "X a dénoncé le rachat de Y par Z" blames Z; it cancels nothing of X's ("dénoncer son accord
  avec Y" still ends X's own agreement).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("threats dismissed answer the threatener",
     "Le syndicat CGT a menacé la direction de Renault d'une grève. Renault a balayé ces menaces.",
     {("THREATEN", "CGT", "Renault"), ("REJECT", "Renault", "CGT")}),
    ("NOTHING: threats dismissed with no threat told",
     "Renault a balayé les menaces de grève.",
     set()),
    ("an agent closing the deed's phrase",
     "La Cnil a ouvert une enquête sur le traitement des données des patients par Doctolib.",
     {("ACCUSE", "Cnil", "Doctolib")}),
    ("a deal of others denounced blames its buyer",
     "Le syndicat FO a dénoncé le rachat de la filiale de Renault par le groupe Geely.",
     {("ACCUSE", "FO", "Geely")}),
    ("one's own agreement denounced is ended",
     "Le groupe Renault a dénoncé son accord avec le groupe Geely.",
     {("CANCEL", "Renault", "Geely")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
