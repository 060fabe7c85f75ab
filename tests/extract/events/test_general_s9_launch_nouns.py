"""Generalisation, ninth session: a product launch told by a noun.

"X a annoncé le lancement de son vaccin Y", "la commercialisation du modèle Y par X": the noun's
agent (the subject of the verb that carries it, or "par X") launches the product its "de"
complement names. Only a product: "le lancement d'une enquête" launches nothing.
Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 6, 9)

CASES = [
    ("the launch a company announces",
     "Ipsen a annoncé le lancement de son nouveau médicament Bylvay.",
     {("LAUNCH", "Ipsen", "Bylvay")}),
    ("the agent after 'par'",
     "La commercialisation de la voiture Dacia Spring par Renault a débuté en mars.",
     {("LAUNCH", "Renault", "Dacia Spring")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_launch_noun_tells_who_launches_what(nlp, why: str, text: str, expected: set) -> None:
    assert expected <= named_events(nlp, text, PUBLISHED)


def test_launching_an_inquiry_is_no_launch(nlp) -> None:
    events = named_events(nlp, "La Commission a annoncé le lancement d'une enquête sur Google.", PUBLISHED)
    assert not {e for e in events if e[0] == "LAUNCH"}
