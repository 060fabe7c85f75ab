"""Generalisation, thirteenth session (fresh articles of our own): shapes unseen news showed.

- "X, qui a lui-même racheté Y": the parser may hang the emphatic "lui-même" on the participle as
  a passive auxiliary; the clause is active all the same (a pronoun is no auxiliary).

Real model, sentences of our own (``slow``); the rows that give nothing are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2025, 9, 18)

EMPHATIC = [
    ("an emphatic pronoun in a relative: the clause stays active",
     "Le groupe Ostral, qui a lui-même racheté la société Veldine en 2019, vise désormais l'Espagne.",
     {("ACQUIRE", "Ostral", "Veldine")}),
    ("the same pronoun before a true passive: still a passive",
     "Le groupe Ostral, qui a lui-même été racheté par le fonds Kerlan en 2018, vise l'Espagne.",
     {("ACQUIRE", "Kerlan", "Ostral")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), EMPHATIC, ids=[c[0] for c in EMPHATIC])
def test_an_emphatic_pronoun_is_no_auxiliary(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected
