"""Generalisation, eighth session: acts aimed by a participle; a title says whom one speaks for.

- "une enquête visant X", "une procédure visant X", "des sanctions visant X": a participle of
  aiming (`[syntax] aiming_verbs`) on the act's noun names its target (slot ``aimed``,
  `events/aims.py`); "une enquête visant à établir …" aims at no one.
- "Le PDG de X, Y, a démissionné de ses fonctions": the office with a possessive belongs to the
  organisation of the title the subject itself is, when a name is apposed to it.
- "Y, président de X, a rejeté ces accusations": claims aimed at the organisation the replier's
  apposed title names are aimed at the replier (`events/implicit.py`, ``speaking_for``).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("an inquiry aimed at a company",
     "L'Autorité de la concurrence a ouvert une enquête visant Google.",
     {("ACCUSE", "Autorité de la concurrence", "Google")}),
    ("a procedure aimed at a company",
     "La Commission européenne a ouvert une procédure visant Microsoft.",
     {("ACCUSE", "Commission européenne", "Microsoft")}),
    ("a complaint aimed at a group",
     "L'association Greenpeace a déposé une plainte visant le groupe Bolloré.",
     {("SUE", "Greenpeace", "Bolloré")}),
    ("a fronted title's office",
     "Le PDG de Renault, Luca de Meo, a démissionné de ses fonctions.",
     {("LEAVE", "Luca de Meo", "Renault")}),
    ("a leader dismisses the claims aimed at the organisation his apposed title names",
     "La CGT a accusé Michelin de fraude. Florent Menegaux, président de Michelin, a rejeté ces accusations.",
     {("ACCUSE", "CGT", "Michelin"), ("REJECT", "Florent Menegaux", "CGT")}),
    ("the same with a fronted title",
     "La CGT a accusé Michelin de fraude. Le PDG de Michelin, Florent Menegaux, a balayé ces accusations.",
     {("ACCUSE", "CGT", "Michelin"), ("REJECT", "Florent Menegaux", "CGT")}),
    ("NOTHING: the leader of another organisation answers no claim aimed at this one",
     "La CGT a accusé Michelin de fraude. Carlos Tavares, patron de Stellantis, a rejeté ces accusations.",
     {("ACCUSE", "CGT", "Michelin")}),
    ("NOTHING: an inquiry aiming at an infinitive aims at no one",
     "La CNIL a ouvert une enquête visant à établir les faits chez Criteo.",
     set()),
    ("NOTHING: a plan aimed at a company is no act on it",
     "Le ministère de l'Industrie a présenté un plan visant Renault.",
     set()),
    ("NOTHING: a fronted title and an office that is not left",
     "Le patron de Renault, Luca de Meo, a salué son équipe.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    found = named_events(nlp, text, PUBLISHED)
    assert found == expected, why
