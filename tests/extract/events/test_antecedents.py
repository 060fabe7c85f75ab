"""Antecedents of event arguments: a relative pronoun after a coordination stands for every
conjunct ("Renault et Peugeot, qui avaient attaqué Tesla" tells two lawsuits, not one by the
nearest name); a possessive opening a sentence's subject ("Son concurrent Y") belongs to the one
actor the previous sentence of the paragraph is about.

Sentences written for this test, on the real model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow



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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le constructeur Alstom a remporté mardi un contrat. Son concurrent allemand Siemens conteste la décision.",
         {("COMPETE", "org:Siemens", "org:Alstom")}),
        # another paragraph, two subjects, or no actor before: nobody to own "son"
        ("Alstom a remporté un contrat.\n\nSon concurrent Siemens a fait appel.", set()),
        ("Alstom et Bombardier ont remporté un contrat. Son concurrent Siemens a fait appel.", set()),
        ("Il pleuvait sur Belfort. Son concurrent Siemens a fait appel.", set()),
    ],
)
def test_a_possessive_opening_a_subject_belongs_to_the_previous_sentences_subject(nlp, text, expected):
    doc = run_dated(nlp, text, dt.date(2026, 4, 1))
    assert {link for link in _links(doc) if link[0] == "COMPETE"} == expected
