"""Generalisation, eighth session: a fronted participle of appointment with its predicate noun.

"Nommé directeur général de Renault, X …", "Élue présidente du Medef, Y …": the tagger may read
the fronted participle as a noun and the parser hang the title on it as a noun modifier or an
oblique; the bare noun right after the participle is still the predicate noun whose complement
names the organisation joined.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("a participle read as a noun, its title hung as a noun modifier",
     "Nommé directeur général de Renault, Luca de Meo a parlé lundi.",
     {("JOIN", "Luca de Meo", "Renault")}),
    ("the same with a federation",
     "Nommé président de la Fédération française de football, Philippe Diallo a parlé lundi.",
     {("JOIN", "Philippe Diallo", "Fédération française de football")}),
    ("an elected woman, the title hung as an oblique",
     "Élue présidente du Medef, Sophie de Menthon a salué les syndicats.",
     {("JOIN", "Sophie de Menthon", "Medef")}),
    ("NOTHING: a complement of the appointment that is no title",
     "Nommé mardi par le conseil, Luca de Meo a parlé de Renault.",
     set()),
    ("NOTHING: an elected office of a place joins no organisation",
     "Élu député de la Somme, François Ruffin a parlé lundi.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
