"""Generalisation, eighth session: support given to a person, a person's defence taken, a
departure of a possessed title named after a comma.

"X a apporté / affiché son soutien à Y" (a person: support given to an organisation may be
money, which the INVEST entries read), "X a pris la défense / le parti de Y" are PRAISE.
"X a annoncé le départ de son directeur général, Y": a possessed noun followed by a comma and
one name is that name, wherever the parser hung it (`events/appositions.py`).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("support given to a person",
     "Marine Le Pen a apporté son soutien à Carlos Ghosn.",
     {("PRAISE", "Marine Le Pen", "Carlos Ghosn")}),
    ("a person's defence taken",
     "Bruno Retailleau a pris la défense de Gérald Darmanin.",
     {("PRAISE", "Bruno Retailleau", "Gérald Darmanin")}),
    ("a person's side taken",
     "Éric Ciotti a pris le parti de Jordan Bardella.",
     {("PRAISE", "Éric Ciotti", "Jordan Bardella")}),
    ("financial support to a company stays an investment",
     "L'État a apporté son soutien financier à Air France.",
     {("INVEST", "État", "Air France")}),
    ("NOTHING: the defence of a sector names no one",
     "Le ministre Bruno Le Maire a pris la défense de l'industrie automobile.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why


DEPARTURES = [
    ("a departure of a possessed title whose holder is named after a comma",
     "Danone a annoncé le départ de son directeur général, Jean Martin.",
     {("LEAVE", "Jean Martin", "Danone")}),
    ("a resignation, the name between commas",
     "Le groupe Kering a annoncé la démission de sa directrice financière, Marie Dupont, avec effet immédiat.",
     {("LEAVE", "Marie Dupont", "Kering")}),
    ("NOTHING: no name after the possessed title",
     "Orange a annoncé le départ de son directeur général, remplacé par un intérim.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), DEPARTURES, ids=[c[0] for c in DEPARTURES])
def test_departures(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
