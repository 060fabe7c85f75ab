"""A partnership noun joins every agent it is said of: "A et B ont annoncé leur fusion".

Sentences written for this test, on actors and subjects of our own; "sa fusion avec Y" still takes
its partner from "avec", and a partnership said of one actor alone is no event.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import exported_events

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2025, 5, 14)


@pytest.mark.parametrize(("text", "expected"), [
    ("Renault et Stellantis ont annoncé mardi leur fusion.", {("PARTNER", "renault", "stellantis")}),
    ("Danone et Carrefour ont officialisé leur collaboration en mars.", {("PARTNER", "danone", "carrefour")}),
    ("Renault a annoncé sa fusion avec Stellantis.", {("PARTNER", "renault", "stellantis")}),
    ("Renault prépare sa fusion.", set()),
    ("Les salariés de Renault redoutent la fusion.", set()),
])
def test_a_partnership_noun_joins_every_agent_named(nlp, text, expected):
    found = {(e.type, s, t) for e in exported_events(nlp, text, PUBLISHED) for s in e.sources for t in e.targets}
    assert found == expected
