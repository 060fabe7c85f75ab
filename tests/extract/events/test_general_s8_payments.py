"""Generalisation, eighth session: a sum paid, told from the receiver's side.

"La ville, qui va bénéficier de 20 000 euros versés par X", "Y a touché 5 millions d'euros versés
par X": the paying participle hangs on the sum, and the receiver is the subject of the verb of
receiving that governs it (slot ``recipient``, `events/payments.py`). Not a sum spent, nor a
thing paid that is no sum.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("a relative subject receives the sum a company paid",
     "Une victoire pour la ville de Lyon, qui va en outre bénéficier de 20 000 euros versés par Uber "
     "pour les frais de justice.",
     {("PAY", "Uber", "ville de Lyon")}),
    ("a club touches a sum paid by a broadcaster",
     "Le club de Lens a touché 5 millions d'euros versés par Canal+.",
     {("PAY", "Canal+", "Lens")}),
    ("NOTHING: a sum spent is not received",
     "Le groupe Casino a dépensé 10 000 euros versés par Carrefour.",
     set()),
    ("NOTHING: what is paid is no sum",
     "La région Bretagne va recevoir les loyers versés par Orange.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
