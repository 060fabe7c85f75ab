"""Generalisation, tenth session: dismissals told with "remercier" and with an apposed title.

- In news of coaches and managers a person "remercié" by an organisation, with no thanks given
  for something, is dismissed: "X a été remercié par le club Y", "Y a remercié son entraîneur X"
  (LEAVE X → Y). Thanks for something ("pour son travail", "de sa fidélité",
  "chaleureusement") or from a person stay a praise.
- A passive dismissal with no agent leaves the organisation of the title apposed to the person:
  "X, entraîneur du club Y, a été limogé" (LEAVE X → Y).
- Parting: "le club Y s'est séparé de son entraîneur X", "X s'est séparé du club Y" (LEAVE X → Y;
  two companies or two persons parting are no departure).
- A departure noun with both sides in "de" phrases: "la démission de X de Y", "le départ de X
  d'Y", wherever the parser hung the second phrase (LEAVE X → Y).

Real model, sentences of our own (``slow``); the rows that keep a praise or give nothing are
the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("a coach 'remercié' by his club is dismissed",
     "Bruno Lamarque a été remercié par le Stade Rennais après six défaites de suite.",
     {("LEAVE", "Bruno Lamarque", "Stade rennais")}),
    ("'remercié de ses fonctions' by a club is the plain dismissal, no thanks",
     "Le directeur sportif Marc Tessier a été remercié de ses fonctions par le FC Valdor.",
     {("LEAVE", "Marc Tessier", "FC Valdor")}),
    ("a manager 'remercié' with no agent leaves the organisation of his apposed title",
     "Sophie Marchetti, directrice commerciale de Decathlon, a été remerciée lundi.",
     {("LEAVE", "Sophie Marchetti", "Decathlon")}),
    ("a club 'remercie' its own coach: dismissed",
     "Le Stade Brestois a remercié son entraîneur Julien Morel.",
     {("LEAVE", "Julien Morel", "Stade Brestois")}),
    ("PRAISE: a club thanks a player for something",
     "Le Stade Brestois a remercié Julien Morel pour ses dix saisons au club.",
     {("PRAISE", "Stade Brestois", "Julien Morel")}),
    ("PRAISE: thanked for his loyalty, even as the club's coach",
     "Le Stade Brestois a remercié son entraîneur Julien Morel de sa fidélité.",
     {("PRAISE", "Stade Brestois", "Julien Morel")}),
    ("PRAISE: a passive thanks given warmly",
     "Le bénévole Marcel Petit a été chaleureusement remercié par la Croix-Rouge.",
     {("PRAISE", "Croix-Rouge", "Marcel Petit")}),
    ("PRAISE: a person thanked by a person is never dismissed",
     "Claire Hubert a été remerciée par la ministre Agnès Pannier pour son engagement.",
     {("PRAISE", "Agnès Pannier", "Claire Hubert")}),
    ("PRAISE: a person thanks an organisation",
     "Julien Morel a remercié le Stade Brestois pour sa confiance.",
     {("PRAISE", "Julien Morel", "Stade Brestois")}),
    ("a passive dismissal with no agent: the organisation of the apposed title",
     "Karim Benali, directeur sportif du Havre AC, a été limogé mardi.",
     {("LEAVE", "Karim Benali", "Havre AC")}),
    ("a club parts with its coach",
     "Le Stade Brestois s'est séparé de son entraîneur Julien Morel.",
     {("LEAVE", "Julien Morel", "Stade Brestois")}),
    ("a club decides to part with its manager",
     "Le groupe Decathlon a décidé de se séparer de Sophie Marchetti.",
     {("LEAVE", "Sophie Marchetti", "Decathlon")}),
    ("a manager parts with his company",
     "Sophie Marchetti s'est séparée du groupe Decathlon.",
     {("LEAVE", "Sophie Marchetti", "Decathlon")}),
    ("NOTHING: a company parts with a subsidiary",
     "Le groupe Decathlon s'est séparé de sa filiale Oxelo.",
     set()),
    ("NOTHING: two persons parting",
     "L'acteur Paul Mercier s'est séparé de sa compagne Lucie Vernet.",
     set()),
    ("a resignation with the person and the organisation in 'de' phrases",
     "La démission de Sophie Marchetti de la présidence de Decathlon a été annoncée mardi.",
     {("LEAVE", "Sophie Marchetti", "Decathlon")}),
    ("a departure whose organisation the parser hung on the person's name",
     "La démission de Thomas Girard de Michelin a été annoncée lundi.",
     {("LEAVE", "Thomas Girard", "Michelin")}),
    ("a departure with the organisation first",
     "Le départ de Decathlon de Sophie Marchetti a surpris les salariés.",
     {("LEAVE", "Sophie Marchetti", "Decathlon")}),
    ("NOTHING: a departure with no organisation",
     "Le départ de Sophie Marchetti a surpris les salariés.",
     set()),
    ("NOTHING: troops leaving a country",
     "Le départ des soldats français du Niger a été achevé en décembre.",
     set()),
    ("PRAISE: a named customer thanked is no dismissal (only an office holder's is)",
     "La société Ikea a remercié son client Paul Martin.",
     {("PRAISE", "Ikea", "Paul Martin")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
