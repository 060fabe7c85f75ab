"""Generalisation, eleventh session: parse shapes that lose an argument of a plain sentence.

- "X a racheté jeudi la brasserie Y", "X a finalisé mardi le rachat de Y": the parser hangs the
  object (a noun with its determiner) on the bare day noun between the verb and it; it is the
  verb's object, and a deal noun there is governed by the verb.
- "La CFTC et FO ont appelé Y": the parser makes both names subjects of the verb and hangs "et"
  on it; both are the subject (not only the nearer one).
- "X a appelé Y au dialogue / à la retenue": a call to a conduct named by a noun is a request
  (the contracted "au" too); "appeler Y au téléphone" is none.
- "X a publié un communiqué annonçant une plainte contre Y": a document with no "de" complement
  is its issuer's, so the complaint it announces is X's.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("an object hung on the day noun",
     "Le groupe Heineken a racheté jeudi la brasserie Lancelot.",
     {("ACQUIRE", "Heineken", "Lancelot")}),
    ("a deal noun hung on the day noun",
     "Le groupe Sodexo a conclu mercredi le rachat de la société Nutrisens.",
     {("ACQUIRE", "Sodexo", "Nutrisens")}),
    ("a counted object hung on the day noun (read before; a check)",
     "Le groupe Sodexo a commandé vendredi 40 camions au constructeur Iveco.",
     {("ORDER", "Sodexo", "Iveco")}),
    ("NOTHING: a noun after the day that is no event",
     "Le groupe Sodexo a reçu jeudi la visite du groupe Elior.",
     set()),
    ("NOTHING: a situation mentioned",
     "Le groupe Sodexo a évoqué lundi la situation du groupe Elior.",
     set()),
    ("two names made two subjects, 'et' hung on the verb",
     "La CFTC et FO ont appelé Renault à rouvrir les négociations.",
     {("REQUEST", "CFTC", "Renault"), ("REQUEST", "FO", "Renault")}),
    ("a dateline before the subject is still no subject (a check)",
     "PARIS (AFP) -- Le groupe Kering a annoncé le rachat de Valentino.",
     {("ACQUIRE", "Kering", "Valentino")}),
    ("a call to a conduct, with 'au'",
     "Le président Lula a appelé Javier Milei au dialogue.",
     {("REQUEST", "Lula", "Javier Milei")}),
    ("NOTHING: a telephone call",
     "Le président Lula a appelé Javier Milei au téléphone.",
     set()),
    ("a complaint announced in a document its subject issued",
     "Le groupe Vivendi a publié un communiqué annonçant une plainte contre le groupe Lagardère.",
     {("SUE", "Vivendi", "Lagardère")}),
    ("NOTHING: a document received is not the receiver's",
     "Le groupe Vivendi a reçu une lettre annonçant une plainte contre le groupe Lagardère.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
