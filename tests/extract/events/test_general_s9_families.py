"""Generalisation, ninth session: trigger families French news uses that the lexicon lacked.

- A dismissal told with the office left, often passive: "X a été démis / relevé de ses
  fonctions", "le conseil de Y a relevé X de ses fonctions" (LEAVE X → Y).
- A formal notice sent: "X a adressé une mise en demeure à Y" (REQUEST).
- A matter referred to an authority against someone: "X a saisi l'Autorité de la concurrence
  contre Y" (SUE).
- A task or a contract handed to a firm: "confier l'entretien des rames à X", "attribuer le
  marché à X" (ORDER of the customer from the firm).
- Backing someone's stance: "soutenir la démarche de X", "approuver l'initiative de X" (PRAISE).
- Denying a wrongdoing answers the accusation told before: "Y a démenti toute pratique
  illégale" (REJECT of the accuser).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("a passive dismissal from one's office, the title apposed",
     "Thomas Girard, directeur financier de Valeo, a été démis de ses fonctions.",
     {("LEAVE", "Thomas Girard", "Valeo")}),
    ("a board relieves a manager of his duties",
     "Le conseil d'administration de Fnac Darty a relevé Pierre Gautier de ses fonctions.",
     {("LEAVE", "Pierre Gautier", "Fnac Darty")}),
    ("NOTHING: raising one's prices is no dismissal",
     "Le groupe Danone a relevé ses prix de 4 % en janvier.",
     set()),
    ("a formal notice sent to a company",
     "L'Arcep a adressé une mise en demeure à Bouygues Telecom pour des retards dans la fibre.",
     {("REQUEST", "Arcep", "Bouygues Telecom")}),
    ("NOTHING: a notice sent with no addressee",
     "L'Arcep a adressé une mise en demeure la semaine dernière.",
     set()),
    ("an authority referred a matter against a rival",
     "La SNCF a saisi l'Autorité de la concurrence contre le groupe Transdev.",
     {("SUE", "SNCF", "Transdev")}),
    ("NOTHING: an authority referred a matter with no defendant",
     "L'association UFC-Que Choisir a saisi la Cnil la semaine dernière.",
     set()),
    ("a task handed to a firm",
     "La direction de Keolis a confié l'entretien des rames à la société Maintrail.",
     {("ORDER", "Keolis", "Maintrail")}),
    ("a contract awarded to a manufacturer",
     "La SNCF a attribué le contrat de maintenance à Alstom.",
     {("ORDER", "SNCF", "Alstom")}),
    ("NOTHING: worries confided to a minister order nothing",
     "Le groupe Vinci a confié ses inquiétudes au ministre Jean Castex.",
     set()),
    ("backing an organisation's stance",
     "La Confédération paysanne a soutenu la démarche de la FNSEA.",
     {("PRAISE", "Confédération paysanne", "FNSEA")}),
    ("approving a person's initiative",
     "Le député Olivier Faure a approuvé l'initiative de Valérie Pécresse.",
     {("PRAISE", "Olivier Faure", "Valérie Pécresse")}),
    ("NOTHING: approving a deal praises no one",
     "Bruxelles a approuvé le rachat de Neoen par Brookfield.",
     {("ACQUIRE", "Brookfield", "Neoen")}),
    ("denying a wrongdoing answers the accuser",
     "Le syndicat Unsa accuse le groupe Danone de fraude. Danone a démenti toute pratique illégale.",
     {("ACCUSE", "Unsa", "Danone"), ("REJECT", "Danone", "Unsa")}),
    ("NOTHING: a denial with no accusation told answers no one",
     "Le groupe Danone a démenti toute pratique illégale.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
