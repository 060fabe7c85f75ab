"""Precision review of the sixteenth session's event rules: ordinary sentences at their edges.

- "A et B se sont associés à l'hommage", "se sont rapprochés du podium": two subjects of a
  reflexive verb of alliance with an "à"/"de" complement joined a thing or came near it; they
  are no partners (events.toml: unless_oblique); nor are two clubs "unis dans la douleur".
- "La fédération a accordé une licence au joueur X", "une licence de taxi", "d'entrepreneur de
  spectacles": a permit, no licensing deal (events.toml: the licence's target an organisation,
  not with the words of a trade permit).
- "menacer de couper le gaz à 2000 foyers de Roubaix", "… dans les quartiers nord de
  Marseille": a "de" name hung on the homes or the districts is not the party of the supply
  (events/threats.py).

Real model, sentences written for the test; every row must give nothing.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2024, 3, 6)

QUIET = [
    ("two clubs joined a minute of silence",
     "Le club Racing Lumière et la société Vantor se sont associés à la minute de silence observée samedi."),
    ("two unions joined a call to protest",
     "Le syndicat Force Rail et la fédération Sud Vapeur se sont associés à l'appel à manifester lancé par les étudiants."),
    ("two riders came near the podium",
     "Les coureurs Paul Leroy et Marc Diaz se sont rapprochés du podium lors de la dernière étape."),
    ("two clubs united in grief",
     "Le FC Lorient et le Stade Vertois se sont unis dans la douleur après la mort de leur ancien gardien."),
    ("a federation's licence to a player",
     "La Fédération française de football a accordé une licence à Hugo Leduc, qui pourra jouer dès samedi."),
    ("a taxi licence",
     "La préfecture du Rhône a accordé une licence de taxi à Jean Roche après trois ans d'attente."),
    ("a show producer's licence to a theatre company",
     "Le ministère de la Culture a accordé une licence d'entrepreneur de spectacles à la Compagnie du Hasard."),
    ("the town of the homes cut off",
     "Le fournisseur Gazelia menace de couper le gaz à 2000 foyers de Roubaix."),
    ("the town of the districts cut off",
     "La société Aquanor menace d'interrompre la distribution d'eau dans les quartiers nord de Marseille."),
]


@pytest.mark.parametrize(("why", "text"), QUIET, ids=[c[0] for c in QUIET])
def test_quiet(nlp, why: str, text: str) -> None:
    assert named_events(nlp, text, PUBLISHED) == set(), why
