"""A description that a name closes is that name, wherever the parser hung the name.

Sentences written for this test, on other actors than the development articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow



def run(nlp, text: str):
    return run_dated(nlp, text, dt.date(2024, 3, 12))


def test_a_long_description_closed_by_a_name_is_that_actor(nlp):
    doc = run(nlp, "Le régulateur italien a infligé une amende de 3 millions d'euros à la plateforme allemande "
                   "de livraison de repas Delivery Hero.")
    restated = [(doc.text[m.start : m.end], m.key) for m in doc._.actor_mentions if m.rule == "restated"]
    assert restated == [("la plateforme allemande de livraison de repas Delivery Hero", "org:Delivery Hero")]
    assert ("ACCUSE", ("org:régulateur italien",), ("org:Delivery Hero",)) in {
        (e.type, e.sources, e.targets) for e in doc._.events}


def test_a_complement_with_a_determiner_is_no_restatement(nlp):
    # "la plateforme de Renault" is Renault's platform, not Renault
    doc = run(nlp, "Le ministre a critiqué la plateforme de Renault.")
    assert not [m for m in doc._.actor_mentions if m.rule == "restated"]
