"""Generalisation, fifteenth session: blame shifted and damages won.

- "X a rejeté la responsabilité sur Y", "renvoyer la responsabilité à Y", "reporter la faute
  sur Y": X blames Y (ACCUSE), whether the parser hangs "sur Y" on the verb or on the noun; a
  responsibility rejected with no one to bear it ("rejeter toute responsabilité dans …") blames
  nobody.
- "imputer la faille / le retard / la panne à Y": what is imputed is a failing.
- "X a obtenu 300 000 euros de dommages et intérêts de Y": Y pays X; money obtained with no word
  of damages ("obtenir 2 millions d'euros de Y") is no payment this rule tells.
- "X poursuit Y pour rupture abusive de contrat / pour diffamation": an actor pursued for a wrong
  is sued, without "en justice"; "poursuivre ses efforts" pursues nobody.
- "le tribunal a validé l'offre de reprise de Y pour X": Y bids for X, not for the court that
  judges the offer; "X a accepté l'offre de Y", with no company named, is still Y's bid for X.
- "le conseil municipal a voté une subvention à X": a grant voted is an investment in X.

Real model, sentences written for the test; the rows that give nothing are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2024, 3, 6)

CASES = [
    ("blame shifted onto a hospital",
     "Le PDG de Cyberis, Hugo Vannier, a rejeté la responsabilité sur l'hôpital Saint-Jean.",
     {("ACCUSE", "Hugo Vannier", "Saint-Jean")}),
    ("responsibility sent back to another",
     "Hugo Vannier a renvoyé la responsabilité à la direction de la clinique Montalvo.",
     {("ACCUSE", "Hugo Vannier", "Montalvo")}),
    ("a failing imputed to a hospital",
     "Le groupe Cyberis impute la faille à l'hôpital Saint-Jean.",
     {("ACCUSE", "Cyberis", "Saint-Jean")}),
    ("NOTHING: responsibility rejected, nobody blamed",
     "Le groupe Cyberis a rejeté toute responsabilité dans l'attaque.",
     set()),
    ("damages won from a cooperative",
     "Le négociant Castel Frères a obtenu 300 000 euros de dommages et intérêts de la coopérative Vignerons d'Aude.",
     {("PAY", "Vignerons d'Aude", "Castel Frères")}),
    ("a company pursued for a wrong",
     "La société Visaro poursuit la maison de couture Vallière pour rupture abusive de contrat.",
     {("SUE", "Visaro", "Vallière")}),
    ("a person pursued for defamation",
     "Le maire Jean Castaing poursuit l'élue d'opposition Sophie Lalande pour diffamation.",
     {("SUE", "Jean Castaing", "Sophie Lalande")}),
    ("NOTHING: a company pursues its efforts",
     "La société Visaro poursuit ses efforts pour conquérir le marché italien.",
     set()),
    ("an offer validated by a court for the company it names",
     "Le tribunal de commerce de Rennes a validé l'offre de reprise du fonds Arcis pour la compagnie Breizh Air.",
     {("BID", "Arcis", "Breizh Air")}),
    ("an offer accepted by the board of the company",
     "Le conseil d'administration de Breizh Air a accepté l'offre du fonds Arcis.",
     {("BID", "Arcis", "Breizh Air")}),
    ("a grant voted by a council",
     "Le conseil municipal de Lormont a voté une subvention de 50 000 euros à l'association Les Amis du Port.",
     {("INVEST", "conseil municipal de Lormont", "Les Amis du Port")}),
    ("NOTHING: a budget voted",
     "Le conseil municipal de Lormont a voté le budget de la commune.",
     set()),
    ("NOTHING: money obtained, no damages",
     "Le club Sporting Lorvan a obtenu 2 millions d'euros du promoteur Immovia.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
