"""Generalisation, fifteenth session: the dates of events told in the passive voice.

"X a été racheté par Y, ont annoncé mardi les deux sociétés": a passive in the passé composé
tells the news of the day as the active voice does (its tense is the first auxiliary's, "a", not
the passive's participle "été"), so the dated report after it dates it. A passive in the past
("avait été racheté") keeps its own date.

Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import exported_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2022, 5, 11)  # a Wednesday: "mardi" is 2022-05-10

CASES = [
    ("a passive in the passé composé takes the date of the report after it",
     "Le fabricant lyonnais Vortan a été racheté par le groupe Melcor pour 90 millions d'euros, "
     "ont annoncé mardi les deux sociétés.",
     {("ACQUIRE", "2022-05-10")}),
    ("the same with a shorter clause",
     "La start-up Pelio a été rachetée par l'assureur Domis, a annoncé mardi l'assureur.",
     {("ACQUIRE", "2022-05-10")}),
    ("the active voice, as before",
     "Le groupe Melcor a racheté le fabricant lyonnais Vortan, ont annoncé mardi les deux sociétés.",
     {("ACQUIRE", "2022-05-10")}),
    ("a passive dated in its own clause keeps its date",
     "Le fabricant lyonnais Vortan avait été racheté par le groupe Melcor en 2019, ont rappelé mardi les "
     "deux sociétés.",
     {("ACQUIRE", "2019")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_dates(nlp, why: str, text: str, expected: set[tuple[str, str | None]]) -> None:
    assert {(e.type, e.date) for e in exported_events(nlp, text, PUBLISHED) if e.type == "ACQUIRE"} == expected, why
