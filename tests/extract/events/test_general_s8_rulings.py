"""Generalisation, eighth session: a ruling contested, a subject hung on the auxiliary.

- "X conteste cette sanction", "X attaque la décision de Y": contesting a ruling (a decision, a
  fine, a judgment …) is an appeal (SUE), against the ruling's author or, told without one,
  against the organisation that last ruled against X in the document (`events.toml`, rule
  "SUE appeal contester"); nothing when no ruling was told.
- "Le laboratoire X a quant à lui acquis Y": a discourse adverbial between the auxiliary and the
  participle makes the parser hang the subject on the auxiliary; it is still the verb's subject,
  and a passive's patient ("X a de son côté été condamné par Y à verser …": Y never pays).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("a ruling contested is an appeal against its author",
     "Free conteste la décision de l'Arcep.",
     {("SUE", "Free", "Arcep")}),
    ("a sanction contested, told without its author: the last organisation that ruled",
     "L'Autorité de la concurrence a sanctionné Danone en mars. Le groupe Danone conteste cette sanction.",
     {("ACCUSE", "Autorité de la concurrence", "Danone"), ("SUE", "Danone", "Autorité de la concurrence")}),
    ("a subject hung on the auxiliary over 'quant à lui'",
     "Le laboratoire Ipsen a quant à lui acquis la biotech Epizyme.",
     {("ACQUIRE", "Ipsen", "Epizyme")}),
    ("the same with a hire",
     "Le courtier Diot-Siaci a quant à lui recruté l'ancien dirigeant d'Allianz France Jacques Richier "
     "comme directeur général.",
     {("JOIN", "Jacques Richier", "Diot-Siaci")}),
    ("a passive's patient hung on the auxiliary; its agent never pays what it orders paid",
     "Stellantis a de son côté été condamné par le tribunal de commerce de Paris à verser 12 millions "
     "d'euros à l'équipementier Forvia.",
     {("ACCUSE", "tribunal de commerce de Paris", "Stellantis"), ("PAY", "Stellantis", "Forvia")}),
    ("a sanction told over 'quant à lui'",
     "Le groupe Renault a quant à lui été sanctionné par l'Autorité de la concurrence.",
     {("ACCUSE", "Autorité de la concurrence", "Renault")}),
    ("NOTHING: a decision contested with no ruling told",
     "Orange conteste cette décision.",
     set()),
    ("NOTHING: a contested point that is no ruling",
     "Le maire de Lyon conteste les chiffres du ministère.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
