"""Generalisation, fifteenth session: the dates of events told in the passive voice.

"X a été racheté par Y, ont annoncé mardi les deux sociétés": a passive in the passé composé
tells the news of the day as the active voice does (its tense is the first auxiliary's, "a", not
the passive's participle "été"), so the dated report after it dates it. A passive in the past
("avait été racheté") keeps its own date.

"X a levé mardi 30 millions lors d'un tour de table mené par Y": a phrase under "lors de" happened
when the verb's clause did, so the round (Y's investment) is Tuesday's too, unless it gives a
date of its own.

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


ROUNDS = [
    ("a round under 'lors de' takes the date of the raise",
     "La start-up nantaise Orvia a levé mardi 30 millions d'euros lors d'un tour de table mené par le fonds "
     "Keltan Partners.",
     {("INVEST", "org:Keltan Partners", "2022-05-10")}),
    ("the same under a dated announcement",
     "La start-up nantaise Orvia a annoncé mardi avoir levé 30 millions d'euros lors d'un tour de table mené "
     "par le fonds Keltan Partners, auquel a également participé le fonds Aubrac.",
     {("INVEST", "org:Keltan Partners", "2022-05-10"), ("INVEST", "org:Aubrac", "2022-05-10")}),
    ("a round with a date of its own keeps it",
     "La start-up Orvia a présenté mardi ses comptes, après avoir levé 30 millions d'euros lors d'un tour de "
     "table mené en janvier par le fonds Keltan Partners.",
     {("INVEST", "org:Keltan Partners", "2022-01")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), ROUNDS, ids=[c[0] for c in ROUNDS])
def test_round_dates(nlp, why: str, text: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert {(e.type, e.sources[0], e.date) for e in exported_events(nlp, text, PUBLISHED) if e.type == "INVEST"} == expected, why
