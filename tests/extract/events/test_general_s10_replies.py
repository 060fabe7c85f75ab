"""Generalisation, tenth session: refusals, appointments and complaints told with a light verb or
a possessive.

- A refusal set against someone: "X a opposé une fin de non-recevoir / un refus / son veto à Y"
  (REJECT X → Y), wherever the parser hung "à Y".
- Appointments by the verbs of enthronement and co-optation: "X a été intronisé président de Y",
  "coopté au conseil de Y" (JOIN).
- A complaint owned by a possessive: "X a été débouté de sa plainte contre Y", "X a retiré sa
  plainte contre Y" (SUE X → Y): a possessive under a passive verb is its subject's.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("a flat refusal set against a bidder",
     "Le groupe Fnac Darty a opposé une fin de non-recevoir au fonds Kretinsky.",
     {("REJECT", "Fnac Darty", "Kretinsky")}),
    ("a veto set against a person",
     "La présidente Valérie Pécresse a opposé son veto à Jean Castex.",
     {("REJECT", "Valérie Pécresse", "Jean Castex")}),
    ("NOTHING: a refusal set against a plan names no one",
     "Le groupe Fnac Darty a opposé un refus au projet de fusion.",
     set()),
    ("an enthronement as president",
     "Patrick Martin a été intronisé président de la CPME.",
     {("JOIN", "Patrick Martin", "CPME")}),
    ("a claimant dismissed of its own complaint",
     "L'opérateur Iliad a été débouté de sa plainte contre Bouygues Telecom.",
     {("SUE", "Iliad", "Bouygues Telecom")}),
    ("NOTHING: a claimant dismissed, no defendant named",
     "L'opérateur Iliad a été débouté de sa plainte.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
