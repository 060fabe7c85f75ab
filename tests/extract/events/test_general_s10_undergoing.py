"""Generalisation, tenth session: an act told from its target's side.

French news often tells an inquiry, a complaint, a fine, a criticism or an offer from the side of
whom it aims at; the event noun then names only its author, and the target is the subject of the
clause that undergoes it (``events/undergoing.py``, slot ``undergoer``, read only when the noun
names no target of its own):

- "X fait l'objet d'une enquête / d'une plainte / d'une amende de Y";
- "X est la cible d'une offre de Y";
- "X est visé par une plainte de Y";
- "X a essuyé les critiques de Y" (who undergoes an act never does it);
- "X est dans le collimateur / le viseur de Y" (ACCUSE).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("an inquiry undergone",
     "Le groupe Lactalis fait l'objet d'une enquête de la DGCCRF.",
     {("ACCUSE", "DGCCRF", "Lactalis")}),
    ("a complaint undergone",
     "La société Picard fait l'objet d'une plainte de l'association Foodwatch.",
     {("SUE", "Foodwatch", "Picard")}),
    ("a passive 'visé par' a complaint",
     "Le groupe Lactalis a été visé par une plainte de Foodwatch.",
     {("SUE", "Foodwatch", "Lactalis")}),
    ("criticism suffered",
     "Le groupe Carrefour a essuyé les critiques de l'UFC-Que Choisir.",
     {("ACCUSE", "UFC-Que Choisir", "Carrefour")}),
    ("who suffers an attack aimed at another does not attack",
     "Le député Paul Vidal a essuyé les attaques de Marine Tondelier contre Gabriel Attal.",
     {("ACCUSE", "Marine Tondelier", "Gabriel Attal")}),
    ("the target of an offer",
     "Le groupe Sodexo est la cible d'une offre de Compass.",
     {("BID", "Compass", "Sodexo")}),
    ("in an authority's sights",
     "Le groupe Carrefour est dans le collimateur de la DGCCRF.",
     {("ACCUSE", "DGCCRF", "Carrefour")}),
    ("a complaint received names its own defendant, not the receiver",
     "La Cnil a reçu une plainte de Foodwatch contre Picard.",
     {("SUE", "Foodwatch", "Picard")}),
    ("NOTHING: an attack undergone with no author",
     "Le groupe Lactalis a subi une cyberattaque.",
     set()),
    ("NOTHING: an object of attention is no act",
     "Le groupe Lactalis fait l'objet d'une attention particulière du ministre Marc Fesneau.",
     set()),
    ("NOTHING: a camera's viewfinder",
     "Le viseur de l'appareil photo de Canon est cassé.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
