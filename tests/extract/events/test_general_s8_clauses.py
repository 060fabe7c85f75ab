"""Generalisation, eighth session: who acts in a clause set off by commas.

- "X a porté plainte contre Y, l'accusant de …": a present participle after its clause's comma
  acts for the clause's subject; its clitic object ("l'", "le", "les", "lui") stands for the last
  party the clause named after its verb (`events/participles.py`).
- "X, elle, a porté plainte": a pronoun between commas right after a name restates that name,
  not the last woman named (`actors/coref.py`).
- "X, directeur général de Y, qui a salué …": a relative the parser hangs on the person an
  apposition describes is said of that person, not of the organisation inside the apposition.
- "ces accusations sur France Inter": the second word of a name after a preposition, hung as an
  adjective, does not name the noun (the radio is no author of the accusations).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("a participle's clitic object is the party named before the comma",
     "Danone a porté plainte contre Lactalis, l'accusant de copier ses recettes.",
     {("SUE", "Danone", "Lactalis"), ("ACCUSE", "Danone", "Lactalis")}),
    ("the same with 'le' after a lawsuit verb",
     "Airbus a attaqué Boeing en justice, le qualifiant de tricheur.",
     {("SUE", "Airbus", "Boeing"), ("ACCUSE", "Airbus", "Boeing")}),
    ("'les' stands for every party listed",
     "Orange a convoqué Bouygues Telecom et Free, les accusant de dumping.",
     {("ACCUSE", "Orange", "Bouygues Telecom"), ("ACCUSE", "Orange", "Free")}),
    ("an indirect clitic 'lui' likewise",
     "Le syndicat Unsa a écrit à Carrefour, lui reprochant des horaires intenables.",
     {("ACCUSE", "Unsa", "Carrefour")}),
    ("a dislocated 'elle' restates the name before it, not the last woman named",
     "Annie Genevard a visité la ferme. La Confédération paysanne, elle, a porté plainte contre "
     "l'industriel Bigard.",
     {("SUE", "Confédération paysanne", "Bigard")}),
    ("a relative on the person an apposition describes",
     "« C'est une étape majeure », a déclaré Philippe Brassac, directeur général du Crédit Agricole, "
     "qui a salué le travail des équipes de Degroof Petercam.",
     {("PRAISE", "Philippe Brassac", "Degroof Petercam")}),
    ("a relative on the apposed noun itself",
     "Jean Castex, ancien patron de la RATP, qui a critiqué Alstom, a quitté Paris.",
     {("ACCUSE", "Jean Castex", "Alstom")}),
    ("a radio after 'sur' is where, not whose: the reply answers the accuser",
     "La CGT a accusé Michelin de fraude. Michelin a rejeté ces accusations jeudi sur France Inter.",
     {("ACCUSE", "CGT", "Michelin"), ("REJECT", "Michelin", "CGT")}),
    ("the venue before the comma is no party the clitic stands for",
     "Ryanair a porté plainte contre Air France devant la Commission européenne, l'accusant d'aides "
     "illégales.",
     {("SUE", "Ryanair", "Air France"), ("ACCUSE", "Ryanair", "Air France")}),
    ("NOTHING: a participle with no comma is said of its noun",
     "Renault a racheté une usine employant 300 personnes.",
     set()),
    ("NOTHING: a clitic with nobody named after the verb",
     "Selon Lactalis, Danone a présenté ses résultats, l'accusant de rien.",
     set()),
    ("NOTHING: a participle that names no act on anyone",
     "Stellantis a annoncé un plan social, menaçant la filière automobile.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
