"""Who leads an organisation, said by a locution after it or by a verb (twelfth session).

"le groupe X, sous la houlette de Y" (relations.toml ``[led_locutions]``): Y, the complement, leads
X, when a comma sets the locution after X's name; without one the locution tells how the clause's
action went. "gérer", "codiriger", "coprésider" join the role verbs. Sentences written for the
test, on the whole French pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow


def roles(nlp, text: str) -> set[tuple[str, str, str | None]]:
    doc = run_dated(nlp, text, dt.date(2025, 8, 3))
    return {(r.source, r.target, r.title) for r in doc._.relations if r.type == "ROLE"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Le groupe Orvane, sous la houlette de Pierre Lagarde, a renoncé à l'offre.",
     ("person:Pierre Lagarde", "org:Orvane", "ceo")),
    ("Le groupe Orvane, sous la direction de Pierre Lagarde depuis 2019, a doublé son chiffre d'affaires.",
     ("person:Pierre Lagarde", "org:Orvane", "ceo")),
    ("Paul Morel gère la société Tanaro depuis 2015.", ("person:Paul Morel", "org:Tanaro", "ceo")),
    ("Anne Roy codirige le groupe Tanaro avec son frère.", ("person:Anne Roy", "org:Tanaro", "ceo")),
])
def test_the_leader_of_an_organisation(nlp, text, expected) -> None:
    assert expected in roles(nlp, text)


@pytest.mark.parametrize(("text", "person"), [
    # no comma: the merger went under Lagarde, who is not said to lead Belmix
    ("Orvane a fusionné avec Belmix sous la houlette de Pierre Lagarde.", "person:Pierre Lagarde"),
    ("Le rapport, rédigé sous la direction de Pierre Lagarde, sera publié lundi.", "person:Pierre Lagarde"),
])
def test_a_locution_of_the_clause_names_no_leader(nlp, text, person) -> None:
    assert not any(source == person for source, _, _ in roles(nlp, text))


def test_a_de_phrase_after_et_coordinates_and_is_no_complement(nlp) -> None:
    # "du fonds Tikehau et de la Banque X": two lenders, the fund no part of the bank
    doc = run_dated(nlp, "La start-up Velia a levé 50 millions d'euros auprès du fonds Tikehau et de la "
                         "Banque publique d'investissement.", dt.date(2025, 8, 3))
    assert [(r.type, r.source) for r in doc._.relations] == []
