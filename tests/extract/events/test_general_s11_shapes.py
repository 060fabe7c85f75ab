"""Generalisation, eleventh session: parse shapes that lose an argument of a plain sentence.

- "X a racheté jeudi la brasserie Y", "X a finalisé mardi le rachat de Y": the parser hangs the
  object (a noun with its determiner) on the bare day noun between the verb and it; it is the
  verb's object, and a deal noun there is governed by the verb.
- "X a nommé lundi Y au poste de …": the parser makes both the day and the name objects; a date is
  no object. "Y a été condamné jeudi par X": a passive's agent hung on the day is the agent.
- "La CFTC et FO ont appelé Y": the parser makes both names subjects of the verb and hangs "et"
  on it; both are the subject (not only the nearer one). "Mardi, A et B ont signé": the first
  name a conjunct of the fronted day, the verb hung on it.
- "X a appelé Y au dialogue / à la retenue": a call to a conduct named by a noun is a request
  (the contracted "au" too); "appeler Y au téléphone" is none.
- "X a publié un communiqué annonçant une plainte contre Y": a document with no "de" complement
  is its issuer's, so the complaint it announces is X's.
- "X a annoncé dans un communiqué l'acquisition de Y": a deal noun the parser hung on the
  verb's phrase right before it is still governed by the verb.
- "X achète la moitié de son gaz à Y": an object that measures a part carries the bought thing,
  on which the parser hangs the seller.
- "X a formé une action de concert avec Y", "X agit de concert avec Y" (PARTNER).
- "Y, avec qui X a signé un partenariat": a relative pronoun after a preposition stands for the
  name before the preposition.
- "La Lituanie a rompu ses relations diplomatiques avec la Chine": ties between states ended (a
  country is a party through "avec" or "entre" only).
- "le rachat de X, une enseigne de Y, par Z": the agent told after a comma-bound incise.
- "X, le propriétaire de Y, a racheté Z": the parser hangs the opening name as a bare oblique and
  makes the description the subject; the description restates the name.
- "X a saisi le Conseil d'État contre le décret du gouvernement Y": the author of the deed a
  referral is against is the defendant.
- "Y recruté X en provenance du club Z": a person arriving from Z leaves Z (the person named right
  before the phrase; goods "en provenance de" leave nobody).
- "une enquête sur le rachat de X par Y", "l'examen du rachat": a deal under review is pending,
  Y's bid, not a purchase done.

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
    ("a deal noun hung on 'dans un communiqué'",
     "Le groupe Eiffage a annoncé dans un communiqué l'acquisition de la société Cofiroute.",
     {("ACQUIRE", "Eiffage", "Cofiroute")}),
    ("NOTHING: a noun after the phrase that is no event",
     "Le groupe Eiffage a évoqué dans un communiqué la situation de la société Cofiroute.",
     set()),
    ("a part of the goods bought, the seller hung on the goods",
     "Le Japon achète environ la moitié de son gaz au Qatar.",
     {("ORDER", "Japon", "Qatar")}),
    ("acting in concert",
     "Le fonds Elliott a formé une action de concert avec le groupe Vivendi.",
     {("PARTNER", "Elliott", "Vivendi")}),
    ("NOTHING: a concert organised",
     "Le groupe Vivendi a organisé un concert avec le groupe Fnac.",
     set()),
    ("a relative after a preposition",
     "Le groupe Vivendi a vendu ses parts à TF1, avec qui le groupe Lagardère a signé un partenariat.",
     {("PARTNER", "Lagardère", "TF1")}),
    ("ties between states broken",
     "La Moldavie a rompu ses relations diplomatiques avec la Biélorussie.",
     {("CANCEL", "Moldavie", "Biélorussie")}),
    ("a treaty suspended",
     "Le Sénégal a suspendu son accord de pêche avec la Mauritanie.",
     {("CANCEL", "Sénégal", "Mauritanie")}),
    ("NOTHING: activities stopped in a country name no party",
     "Le groupe Danone a suspendu ses activités en Biélorussie.",
     set()),
    ("the agent after an incise",
     "Les salariés ont appris le rachat de Picard, une enseigne de surgelés, par le groupe Lactalis.",
     {("ACQUIRE", "Lactalis", "Picard")}),
    ("NOTHING: a 'par' after an incise that names no actor",
     "Le rachat de Picard, en mai, par communiqué, a surpris les salariés.",
     set()),
    ("a deal under review is a bid",
     "La Commission poursuit l'examen du rachat de Picard par le groupe Lactalis.",
     {("BID", "Lactalis", "Picard")}),
    ("a deal finalised stays a purchase (a check)",
     "Le groupe Lactalis a finalisé le rachat de Picard.",
     {("ACQUIRE", "Lactalis", "Picard")}),
    ("the opening name the subject restates",
     "Mubadala Capital, le propriétaire du FC Lorient, a racheté 30 % du capital de la société Picard.",
     {("ACQUIRE", "Mubadala Capital", "Picard")}),
    ("the opening name the subject restates, blaming",
     "Atlas Investments, le propriétaire du groupe Casino, a critiqué la banque Natixis.",
     {("ACCUSE", "Atlas Investments", "Natixis")}),
    ("NOTHING: an opening adverb is no name",
     "Hier, le propriétaire du groupe Casino a critiqué la banque Natixis.",
     set()),
    ("a referral against a deed: its author is the defendant",
     "L'association Anticor a saisi le Conseil d'État contre le décret du gouvernement Bayrou.",
     {("SUE", "Anticor", "gouvernement Bayrou")}),
    ("NOTHING: a referral against a state of things names no defendant",
     "L'association Anticor a saisi le Conseil d'État contre la pollution de l'air.",
     set()),
    ("a player arriving from a club leaves it",
     "Le RC Lens a recruté Florian Sotoca en provenance du FC Lorient.",
     {("JOIN", "Florian Sotoca", "RC Lens"), ("LEAVE", "Florian Sotoca", "FC Lorient")}),
    ("NOTHING: goods in provenance of a company leave nobody",
     "Le groupe Carrefour importe des fruits en provenance de la société Dole.",
     set()),
    ("a day and a name both made objects",
     "Le groupe Danone a nommé lundi Antoine de Saint-Affrique au poste de directeur général.",
     {("JOIN", "Antoine de Saint-Affrique", "Danone")}),
    ("NOTHING: a day and no name",
     "Le groupe Danone a nommé lundi un nouveau directeur général.",
     set()),
    ("a passive's agent hung on the day",
     "Le groupe Meta a été condamné jeudi par la Commission européenne à une amende de 800 millions d'euros.",
     {("ACCUSE", "Commission européenne", "Meta")}),
    ("a fronted day, two names joined by 'et'",
     "Mardi, la CFTC et FO ont appelé Renault à rouvrir les négociations.",
     {("REQUEST", "CFTC", "Renault"), ("REQUEST", "FO", "Renault")}),
    ("two clauses joined by 'et' keep their own subjects (a check)",
     "Le groupe Danone a racheté Alpro et Nestlé a racheté Starbucks.",
     {("ACQUIRE", "Danone", "Alpro"), ("ACQUIRE", "Nestlé", "Starbucks")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
