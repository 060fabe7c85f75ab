"""A relative pronoun after a coordination stands for every conjunct: "Renault et Peugeot, qui
avaient attaqué Tesla" tells two lawsuits, not one by the nearest name.

Sentences written for this test, on the real model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.pipeline import load_pipeline
from tests.conftest import run_dated

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("fr")


def _links(doc) -> set[tuple[str, str, str]]:
    return {(e.type, s, t) for e in doc._.events for s in e.sources for t in e.targets}


def test_a_relative_after_two_coordinated_names_stands_for_both(nlp):
    doc = run_dated(nlp, "Renault et Peugeot, qui avaient attaqué Tesla en justice, ont perdu.", dt.date(2026, 4, 1))
    assert _links(doc) == {("SUE", "renault", "tesla"), ("SUE", "peugeot", "tesla")}


def test_a_relative_after_one_name_stands_for_that_name_only(nlp):
    doc = run_dated(nlp, "Le fournisseur de Renault, Valeo, qui a attaqué Tesla en justice, a gagné.",
                    dt.date(2026, 4, 1))
    assert {(typ, target) for typ, _source, target in _links(doc)} <= {("SUE", "tesla")}
    assert not any(source == "renault" for _typ, source, _target in _links(doc))
