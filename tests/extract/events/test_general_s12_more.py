"""Generalisation, twelfth session (more): constructions of fresh news that lost an event.

- "X succède à Y à la tête de Z": Y leaves Z and X joins it (the one succeeded was lost).
- "X a reçu une commande de l'armateur Y", "… de deux navires de la part de Y": receiving an
  order is the converse of ordering (Y orders from X); a counted "de" phrase names the goods.
- "La levée de fonds de 20 millions d'euros de la start-up X auprès du fonds Y a été bouclée": the
  parser hangs the noun's "de X" on "fonds" or on the amount; it is the noun's (Y invests in X).
- "Le partenariat entre A et B a été rompu par A": a tie ended in the passive, its noun the subject,
  names its parties ("entre", "avec") under that subject; the parser may make "et B" a subject of
  its own. A CANCEL A->B.
- "X avait annulé l'an dernier une commande passée auprès de Y": the parser makes the date the
  object and the order an oblique; the bare noun after the date is the object, and the order's
  participle holds its seller.
- "X a pris la succession de Y à la tête de Z": who takes up the succession joins Z (Y's
  departure was read already). "L'alliance entre A et B a été dénoncée par B": the verbs of
  ending a tie read the passive subject's pair too. "X a dénoncé l'accord entre A et B", "X a mis
  fin au partenariat entre A et B": who ends (or decries) a tie between two others cancels nothing
  with either (a false CANCEL before).
- "X a lancé une nouvelle batterie, baptisée Shenxing": the name a naming participle gives the
  object is the object.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 4, 2)

CASES = [
    ("a succession at the head of an organisation: the one succeeded leaves",
     "Claire Vautrin succède à Henri Lebas à la tête de la société Orvalis.",
     {("LEAVE", "Henri Lebas", "Orvalis"), ("JOIN", "Claire Vautrin", "Orvalis")}),
    ("NOTHING: a succession with no organisation named",
     "Claire Vautrin succède à Henri Lebas.",
     set()),
    ("NOTHING: a thing replaced is no departure",
     "La société Orvalis remplace son ancien logiciel de paie.",
     set()),
    ("an order received from a customer",
     "Le groupe Naval Ouest a reçu une commande de la compagnie Brittany Ferries.",
     {("ORDER", "Brittany Ferries", "Naval Ouest")}),
    ("an order received, its customer in 'de la part de'",
     "La société Orvalis a reçu une commande de trois ferries de la part de l'armateur Castellane.",
     {("ORDER", "Castellane", "Orvalis")}),
    ("NOTHING: the counted goods of an order are not its customer",
     "La société Orvalis a reçu une commande de vingt avions Airbus.",
     set()),
    ("NOTHING: a letter received is no order",
     "La société Orvalis a reçu un courrier du groupe Castellane.",
     set()),
    ("a funding round's company hung on the amount",
     "La levée de fonds de 12 millions d'euros de la start-up Orvalis auprès du fonds Eurazeo a été bouclée.",
     {("INVEST", "Eurazeo", "Orvalis")}),
    ("a funding round's company hung on 'fonds'",
     "La levée de fonds de la société Orvalis auprès du fonds Eurazeo a été bouclée.",
     {("INVEST", "Eurazeo", "Orvalis")}),
    ("NOTHING: a funding round with no investor named",
     "La levée de fonds de 12 millions d'euros de la start-up Orvalis a été bouclée.",
     set()),
    ("a product launched, named by a participle after a comma",
     "La société Orvalis a dévoilé un nouveau service, appelé Kairn, destiné aux artisans.",
     {("LAUNCH", "Orvalis", "Kairn")}),
    ("a product launched, named by a participle right after it",
     "Le groupe Orvalis a présenté un nouveau vélo électrique, baptisé Kairn.",
     {("LAUNCH", "Orvalis", "Kairn")}),
    ("NOTHING: a name given later in the clause, by someone else",
     "Le groupe Orvalis a lancé une enquête, baptisée Kairn par la presse, sur ses fournisseurs.",
     set()),
    ("a tie ended in the passive, its noun the subject",
     "Le partenariat entre le groupe Orvalis et la société Castellane a été suspendu par le groupe Orvalis.",
     {("CANCEL", "Orvalis", "Castellane")}),
    ("a contract ended in the passive, its party under 'avec'",
     "Le contrat avec la société Castellane a été résilié par le groupe Orvalis.",
     {("CANCEL", "Orvalis", "Castellane")}),
    ("a deal given up in the passive",
     "Le projet de rachat de la société Castellane a été abandonné par le groupe Orvalis.",
     {("CANCEL", "Orvalis", "Castellane")}),
    ("NOTHING: a tie ended with no one ending it",
     "Le partenariat entre le groupe Orvalis et la société Castellane a été suspendu en mars.",
     set()),
    ("an order cancelled, a date misread as the object",
     "Le groupe Orvalis avait annulé l'an dernier une commande passée auprès de la société Castellane.",
     {("CANCEL", "Orvalis", "Castellane")}),
    ("the same after an order told first",
     "L'armateur Orvalis a commandé deux navires. Orvalis avait annulé l'an dernier une commande passée "
     "auprès de la société Castellane.",
     {("CANCEL", "Orvalis", "Castellane")}),
    ("NOTHING: a date then something cancelled that is no deal",
     "Le groupe Orvalis a annulé l'an dernier sa participation au salon.",
     set()),
    ("a participle between the tie noun and its 'entre A et B' (a check: already read)",
     "L'accord signé entre la société Orvalis et le groupe Castellane prévoit une coentreprise.",
     {("PARTNER", "Orvalis", "Castellane")}),
    ("a succession taken up, told by its noun",
     "Claire Vautrin a pris la succession d'Henri Lebas à la tête de la société Orvalis.",
     {("LEAVE", "Henri Lebas", "Orvalis"), ("JOIN", "Claire Vautrin", "Orvalis")}),
    ("an alliance ended in the passive by one of its sides",
     "L'alliance entre le groupe Orvalis et la société Castellane a été dénoncée par Castellane.",
     {("CANCEL", "Castellane", "Orvalis")}),
    ("a tie between the doer and another ended",
     "Le groupe Orvalis a mis fin au partenariat entre le groupe Orvalis et la société Castellane.",
     {("CANCEL", "Orvalis", "Castellane")}),
    ("NOTHING: a tie between two others decried",
     "Le groupe Orvalis a dénoncé l'accord entre la société Castellane et le groupe Tanaro.",
     set()),
    ("NOTHING: a tie between two others ended by a third",
     "Le groupe Orvalis a mis fin au partenariat entre la société Castellane et le groupe Tanaro.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
