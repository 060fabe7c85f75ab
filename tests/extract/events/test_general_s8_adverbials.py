"""Generalisation, eighth session: discourse adverbials between the auxiliary and the participle,
and a deal's party never taken from an adjunct.

- "Le groupe X a de son côté racheté Y", "a, de son côté, racheté", "a à son tour critiqué": the
  parser hangs the participle on the adverbial's noun (`[syntax] discourse_adverbial_nouns`, with
  its possessive), as if it were a participle modifying a noun (a passive); the clause is active
  and its subject is the adverbial's clause's.
- "renoncer à son projet de rachat de X après l'opposition du gouvernement": the party of a deal
  given up is looked for down the complements of the deal, not of a circumstance of the verb
  ("après", "malgré" …: `[syntax] circumstance_prepositions`).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("'de son côté' between the auxiliary and the participle",
     "Le groupe Bouygues a de son côté racheté la société Colas en 2019.",
     {("ACQUIRE", "Bouygues", "Colas")}),
    ("the same between commas",
     "Le groupe Bouygues a, de son côté, racheté la société Colas.",
     {("ACQUIRE", "Bouygues", "Colas")}),
    ("'à son tour'",
     "Le groupe Vinci a à son tour critiqué la SNCF.",
     {("ACCUSE", "Vinci", "SNCF")}),
    ("a deal given up: its party, not the adjunct's",
     "Le groupe mutualiste Covéa a de son côté renoncé à son projet de rachat du réassureur PartnerRe "
     "après l'opposition du gouvernement italien.",
     {("CANCEL", "Covéa", "PartnerRe")}),
    ("a locution's complement is no adjunct: its party is still read",
     "Le libraire Fnac fait face à la concurrence de l'américain Amazon.",
     {("COMPETE", "Fnac", "Amazon")}),
    ("NOTHING: a participle that truly modifies a noun stays a passive with no buyer named",
     "La société rachetée de son côté par des investisseurs a été fermée.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
