"""Generalisation, tenth session: reprimands, a finger pointed and praise received.

- "X a rappelé à l'ordre Y", "Y a été rappelé à l'ordre par X" (ACCUSE X → Y).
- "X a pointé du doigt le groupe Y", where the parser makes "doigt" the object (ACCUSE).
- "Y a été sommé par X de …" (REQUEST X → Y, read before; a check), "convoquer" stays neutral.
- "Y a reçu les félicitations de X" (PRAISE X → Y): the praise told from its target's side.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("a reprimand",
     "La ministre Agnès Pannier a rappelé à l'ordre le groupe Sodexo.",
     {("ACCUSE", "Agnès Pannier", "Sodexo")}),
    ("a reprimand received",
     "Le groupe Sodexo a été rappelé à l'ordre par la DGCCRF.",
     {("ACCUSE", "DGCCRF", "Sodexo")}),
    ("NOTHING: 'rappeler que' recalls a fact",
     "La ministre Agnès Pannier a rappelé que le groupe Sodexo emploie 30 000 personnes.",
     set()),
    ("a finger pointed, the locution's noun made the object",
     "La députée Clémentine Autain a pointé du doigt le groupe Kering.",
     {("ACCUSE", "Clémentine Autain", "Kering")}),
    ("an order to act received ('sommé par')",
     "Le groupe Sodexo a été sommé par la DGCCRF de revoir ses prix.",
     {("REQUEST", "DGCCRF", "Sodexo")}),
    ("NOTHING: a summons is no request ('convoquer' stays neutral)",
     "La ministre Agnès Pannier a convoqué une réunion à Bercy.",
     set()),
    ("praise received",
     "Le groupe Sodexo a reçu les félicitations de la ministre Agnès Pannier.",
     {("PRAISE", "Agnès Pannier", "Sodexo")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
