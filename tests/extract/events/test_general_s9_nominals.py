"""Generalisation, ninth session: event nouns whose genitive names a side.

- "l'investissement du fonds X dans Y", "l'injection de 50 millions par X dans Y" (INVEST X → Y;
  an amount is no investor, a stake held is a state);
- "la condamnation du groupe X par Y" (ACCUSE Y → X: a sentence's genitive is the sentenced);
- "l'enquête de la Commission sur le groupe X" (ACCUSE);
- "le soutien du Medef à Valérie Pécresse" (PRAISE, a person only);
- "la fusion de Renault avec Fiat" (PARTNER, the genitive one side when "avec" names the other).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("an investment named with its investor",
     "L'investissement du fonds Ardian dans la start-up Yumi atteint 10 millions.",
     {("INVEST", "Ardian", "Yumi")}),
    ("an injection of money named with its investor",
     "L'injection de 50 millions d'euros par le fonds Ardian dans le groupe Fives a été finalisée.",
     {("INVEST", "Ardian", "Fives")}),
    ("NOTHING: a stake held is a state, not an investment",
     "La participation de l'État dans Renault reste de 15 %.",
     set()),
    ("NOTHING: an amount is no investor",
     "L'investissement de 10 millions dans la start-up Yumi a été finalisé.",
     set()),
    ("NOTHING: taking part in a conference is no stake",
     "Le fonds Ardian a annoncé sa participation à la conférence de Davos.",
     set()),
    ("a sentence's genitive is the sentenced",
     "La condamnation du groupe Free par la Cnil a été confirmée.",
     {("ACCUSE", "Cnil", "Free")}),
    ("an authority's inquiry into a company",
     "L'enquête de la Commission européenne sur le groupe Meta se poursuit.",
     {("ACCUSE", "Commission européenne", "Meta")}),
    ("NOTHING: a newspaper's inquiry into a topic",
     "L'enquête du journal Le Monde sur la santé mentale des jeunes a fait date.",
     set()),
    ("support given to a person, as a noun",
     "Le soutien du Medef à Valérie Pécresse est fragile.",
     {("PRAISE", "Medef", "Valérie Pécresse")}),
    ("a merger named with one side in the genitive",
     "La fusion de Renault avec Fiat a été annoncée.",
     {("PARTNER", "Renault", "Fiat")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
