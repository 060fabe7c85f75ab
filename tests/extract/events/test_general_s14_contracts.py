"""Generalisation, fourteenth session: contracts ended whose other side is told in a clause on
the contract itself.

- "annuler le contrat qui la liait à X": a relative clause whose verb binds the parties
  ("lier", "signer", "conclure", "attribuer"…) holds the other side, as a participle did
  ("le contrat signé avec X"); a relative clause of another verb tells something else of the deal.
- "annuler le marché attribué à X", "l'annulation par X du marché": a public contract (un marché)
  cancelled; "abandonner le marché chinois" leaves a market, no contract.

Real model, sentences written for the test (invented companies); the rows that give nothing are
the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 5, 4)

CASES = [
    ("a contract whose relative clause binds the other side",
     "La mairie de Rennes a annulé le contrat qui la liait à la société Bâtiplus.",
     {("CANCEL", "mairie de Rennes", "Bâtiplus")}),
    ("a contract whose passive relative clause names the other side",
     "Le groupe Lumex a annulé le contrat qui avait été conclu avec la société Ardanel.",
     {("CANCEL", "Lumex", "Ardanel")}),
    ("a public contract cancelled, its holder after the participle",
     "La ville de Brest a annulé le marché attribué en 2022 à la société Bâtiplus.",
     {("CANCEL", "ville de Brest", "Bâtiplus")}),
    ("the cancellation of a public contract, told by its noun",
     "L'annulation par la ville de Brest du marché attribué à la société Bâtiplus a surpris.",
     {("CANCEL", "ville de Brest", "Bâtiplus")}),
    ("a market left is no contract",
     "Le groupe Lumex a abandonné le marché chinois face à la société Ardanel.",
     set()),
    ("a relative clause of another verb names no party",
     "Le groupe Lumex a annulé le contrat qui inquiétait la société Ardanel.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_contracts_ended(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


REFUSALS = [
    ("a refusal idiom whose phrase the parser hangs on its infinitive",
     "La société Ardanel a opposé une fin de non-recevoir à la demande du groupe Lumex.",
     {("REJECT", "Ardanel", "Lumex")}),
    ("the same idiom aimed at the asker",
     "La ministre Claire Vautrin a opposé une fin de non-recevoir au syndicat Force Ouvrière.",
     {("REJECT", "Claire Vautrin", "Force Ouvrière")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), REFUSALS, ids=[case[0] for case in REFUSALS])
def test_refusals_told_by_an_idiom(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected
