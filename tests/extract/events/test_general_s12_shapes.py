"""Generalisation, twelfth session: shapes of French news that lost an event.

- "X, PDG de Y, a démissionné", "La présidente de Y, X, a démissionné", "X, PDG de Y, a annoncé
  sa démission", "Le PDG de Y, X, a passé la main": a departure told with no organisation leaves
  the organisation of the title the subject holds in its own phrase (a bare name leaves nothing;
  an organisation named by the clause wins).
- "Fondée en 2019 par A et B, Y a levé … auprès de Z": the parser makes the fronted participle
  the main verb's subject (or an oblique); the participle is a passive adjunct said of the name
  after its comma, which is the main verb's subject.
- "La Commission européenne sanctionne/NOUN Meta", "Le syndicat Unsa critique/ADJ la direction
  d'Air France", "Le tribunal de commerce de Nanterre condamne/NOUN la société Transalpe": a
  present-tense verb the tagger reads as a noun or an adjective of its subject's phrase takes the
  actor named right before it and the actor of the phrase right after it (a word with a
  determiner, "l'attaque de X", stays a noun). "Le tribunal de X juge/NOUN que Y a violé …": a
  verb of saying or finding misread right before the "que" of a wrongdoing still tells who finds
  it.
- "X menace/NOUN de poursuivre Y en justice": a misread verb governing its infinitive is a verb too;
  the act it governs is its subject's, and only threatened (a verb read as a noun is still an
  unrealised cue by its verb lemma). "X a menacé de porter plainte contre Y": the threat aims at
  the adversary of the act threatened.
- "le tribunal a jugé que Y a manqué à ses obligations": a duty failed is a wrongdoing (not "Y a
  manqué son objectif").
- "X s'est fortement développé …, liant des partenariats avec A, ainsi qu'avec le groupe B": a
  pronominal verb the parser reads as a passive ("nsubj:pass", no agent) has its subject as
  doer; and a second "avec" phrase the parser made a conjunct of the verb is still its complement.
- "Le groupe X, principal concurrent de Y, a …": the parser makes the name before the comma the
  relational noun's subject; it is the noun's bearer.
- "X a reçu l'offre/VERB de Y": a word the tagger made a verb but with a determiner is a noun.
- "X a annulé sa commande de rames auprès de Y": the party of a deal named by a locution the
  parser cut into an adverb and its phrase; "rejeter la proposition de rachat de Y" cancels no
  project of the subject's (a refusal, not a CANCEL).
- "X a inculpé le fondateur de Binance, Changpeng Zhao.", "X a racheté la filiale italienne de Y,
  Galbani.": a name closing the clause after the object's comma restates the object.
- "X a retiré son offre sur Y": withdrawing an offer ends it (no new bid); "son offre/VERB" is a
  noun whose complement names the deal's party.
- "le milieu X a signé un contrat de trois ans avec le club Y": a person signing a contract with
  an organisation joins it (two organisations: a partnership).
- "X a cédé sa filiale Monoprix au groupe Y, a annoncé l'enseigne": the parser hangs the object's
  name on the verb and the buyer on that name; the name is the object and holds the complement.
- "Le fonds X entre/ADP au capital de Y": a verb form the tagger reads as a preposition, right
  after an actor and right before a preposition, is the verb; its complements are the phrases
  after it that the parser hung on a word before it ("l'accord entre A et B" stays a preposition).
- "Le groupe Vinci et la société Cobra ont conclu …": the first conjunct of a subject the parser
  made a root of its own is a common noun named by its name ("Vinci/amod(groupe)"); it is a
  subject too.
- "La plainte de l'association X contre le groupe Y": the parser hangs an event noun's complement
  on its own "de" phrase; it is the noun's. "X a annoncé la rupture de son contrat avec Y": a tie
  ended, told by its noun (CANCEL; "la rupture entre A et B" names no canceller).
- "Y a annulé une commande de Boeing 737 MAX", after an order told to another seller: the company
  the order names is the other side, not the seller of the order told before.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("a resignation with the title apposed to the name",
     "Jean Dupont, PDG de Renault, a démissionné mardi.",
     {("LEAVE", "Jean Dupont", "Renault")}),
    ("a resignation with the name apposed to the title",
     "La présidente de la métropole de Rouen, Hélène Garnier, a démissionné mercredi.",
     {("LEAVE", "Hélène Garnier", "métropole de Rouen")}),
    ("a resignation announced by its leaver",
     "Marc Olivier, PDG de Lagardère, a annoncé sa démission.",
     {("LEAVE", "Marc Olivier", "Lagardère")}),
    ("a resignation to come",
     "Marc Olivier, PDG de Lagardère, va démissionner.",
     {("LEAVE", "Marc Olivier", "Lagardère")}),
    ("handing over",
     "Le PDG de Lagardère, Marc Olivier, a passé la main à Paul Roux.",
     {("LEAVE", "Marc Olivier", "Lagardère")}),
    ("the organisation named by the clause wins over the title's",
     "Marc Olivier, ancien PDG de Lagardère, a démissionné du conseil d'administration de Vivendi.",
     {("LEAVE", "Marc Olivier", "Vivendi")}),
    ("NOTHING: a bare name resigns from nothing named",
     "Marc Olivier a démissionné.",
     set()),
    ("NOTHING: an organisation's title does not resign for it",
     "Le groupe Lagardère, propriétaire d'Europe 1, a démissionné de la fédération.",
     set()),
    ("a fronted participle made the subject: its agent founds the name after the comma",
     "Fondée en 2019 par Claire Monnier et Julien Perrot, Verdiane avait levé 12 millions d'euros l'an dernier auprès du fonds Eurazeo.",
     {("FOUND", "Claire Monnier", "Verdiane"), ("FOUND", "Julien Perrot", "Verdiane"),
      ("INVEST", "Eurazeo", "Verdiane")}),
    ("a fronted participle made an oblique",
     "Créée en 2015 par Paul Roux, Alan a levé 50 millions d'euros auprès de Temasek.",
     {("FOUND", "Paul Roux", "Alan"), ("INVEST", "Temasek", "Alan")}),
    ("NOTHING: a fronted participle without an agent founds nothing",
     "Fondée en 2019, Verdiane a ouvert une usine à Lyon.",
     set()),
    ("a present verb read as a noun",
     "La Commission européenne sanctionne Meta.",
     {("ACCUSE", "Commission européenne", "Meta")}),
    ("a present verb read as an adjective, its object a description's name",
     "Le syndicat Unsa critique la direction d'Air France.",
     {("ACCUSE", "Unsa", "Air France")}),
    ("a present verb read as a noun, a court's name before it",
     "Le tribunal de commerce de Nanterre condamne la société Transalpe.",
     {("ACCUSE", "tribunal de commerce de Nanterre", "Transalpe")}),
    ("NOTHING: the noun with its determiner stays a noun of no clause",
     "La critique de la société Transalpe par les syndicats reste vive.",
     set()),
    ("a verb of finding misread before its 'que'",
     "Le tribunal de Nanterre juge que Transalpe a violé le contrat.",
     {("ACCUSE", "tribunal de Nanterre", "Transalpe")}),
    ("a duty failed",
     "Le tribunal de Nanterre a jugé que la société Transalpe a manqué à ses obligations.",
     {("ACCUSE", "tribunal de Nanterre", "Transalpe")}),
    ("NOTHING: a goal missed is no wrongdoing",
     "Le président du groupe Danone estime que la société Transalpe a manqué son objectif.",
     set()),
    ("a pronominal verb read as a passive keeps its subject for the participle after it",
     "Concurrent principal de l'Allemand Volkswagen, Renault s'est fortement développé ces dernières années, "
     "liant de nombreux partenariats avec des opérateurs en Europe, ainsi qu'avec le groupe Stellantis.",
     {("COMPETE", "Renault", "Volkswagen"), ("PARTNER", "Renault", "Stellantis")}),
    ("a second 'avec' phrase made a conjunct of the verb",
     "Renault a noué de nombreux partenariats avec des opérateurs, ainsi qu'avec le groupe Stellantis.",
     {("PARTNER", "Renault", "Stellantis")}),
    ("NOTHING: a second clause's 'avec' is its own verb's",
     "Renault a signé un accord avec des opérateurs et discute avec le groupe Stellantis.",
     set()),
    ("a passive agent still names the doer of a 'se voir' (a check)",
     "Le groupe Renault s'est vu infliger une amende par la Commission européenne.",
     {("ACCUSE", "Commission européenne", "Renault")}),
    ("a threat misread as a noun, the act threatened not done",
     "Le groupe Vinci menace de poursuivre le groupe Eiffage en justice.",
     {("THREATEN", "Vinci", "Eiffage")}),
    ("a threat aimed at the adversary of the complaint threatened",
     "Le groupe Vinci a menacé de porter plainte contre le quotidien Le Parisien.",
     {("THREATEN", "Vinci", "Le Parisien")}),
    ("NOTHING: a vote against a project threatens nobody",
     "Le groupe Vinci a menacé de voter contre le projet du groupe Eiffage.",
     set()),
    ("a rival in apposition made the noun's subject",
     "Le groupe BYD, principal concurrent de Tesla, a ouvert une usine en Hongrie.",
     {("COMPETE", "BYD", "Tesla")}),
    ("an offer the tagger made a verb",
     "Le groupe Danone a reçu l'offre du groupe Lactalis.",
     {("BID", "Lactalis", "Danone")}),
    ("an order cancelled, its seller after 'auprès de' hung on the goods",
     "La SNCF a annulé sa commande de rames auprès d'Alstom.",
     {("CANCEL", "SNCF", "Alstom")}),
    ("NOTHING: rejecting a proposal cancels no project of one's own",
     "Le groupe Danone a rejeté la proposition de rachat du groupe Lactalis.",
     set()),
    ("a name closing the clause restates the object",
     "Le tribunal de Paris a condamné le fondateur de Binance, Changpeng Zhao.",
     {("ACCUSE", "tribunal de Paris", "Changpeng Zhao")}),
    ("a subsidiary named after the comma is what is bought, not its parent",
     "Le groupe Danone a racheté la filiale italienne de Lactalis, Galbani.",
     {("ACQUIRE", "Danone", "Galbani")}),
    ("an offer withdrawn",
     "Le milliardaire Daniel Kretinsky a retiré son offre sur le groupe Atos.",
     {("CANCEL", "Daniel Kretinsky", "Atos")}),
    ("a player signing with a club",
     "Le milieu de terrain Paul Pogba a signé un contrat de trois ans avec l'AS Monaco.",
     {("JOIN", "Paul Pogba", "AS Monaco")}),
    ("two companies signing a contract are partners (a check)",
     "Le groupe Renault a signé un contrat avec le groupe Valeo.",
     {("PARTNER", "Renault", "Valeo")}),
    ("an object's name hung on the verb, the buyer hung on the name, an incise after",
     "Le groupe Casino a cédé sa filiale Monoprix au groupe Carrefour, a annoncé l'enseigne mardi.",
     {("ACQUIRE", "Carrefour", "Monoprix")}),
    ("NOTHING: a name after the object that opens its own phrase",
     "Le groupe Casino a cédé une usine à Lyon.",
     set()),
    ("a verb read as a preposition",
     "Le fonds Ardian entre au capital de la société Cobra.",
     {("INVEST", "Ardian", "Cobra")}),
    ("a verb read as a preposition, a person arriving",
     "Paul Martin entre chez Renault comme directeur financier.",
     {("JOIN", "Paul Martin", "Renault")}),
    ("the preposition between two parties stays one (a check)",
     "L'accord entre Renault et Nissan a été signé.",
     {("PARTNER", "Renault", "Nissan")}),
    ("NOTHING: a preposition after a name before a date",
     "Le chiffre d'affaires de Renault entre 2020 et 2024 a doublé.",
     set()),
    ("a first conjunct named by its noun's name, made a root of its own",
     "Le groupe Vinci et la société Cobra ont conclu un partenariat stratégique.",
     {("PARTNER", "Vinci", "Cobra")}),
    ("the same first conjunct buys too",
     "Le groupe Vinci et la société Cobra ont racheté la société Eiffage.",
     {("ACQUIRE", "Vinci", "Eiffage"), ("ACQUIRE", "Cobra", "Eiffage")}),
    ("a noun's complement hung on its 'de' phrase",
     "La plainte de l'association Foodwatch contre le groupe Lactalis a été déposée mardi.",
     {("SUE", "Foodwatch", "Lactalis")}),
    ("a contract ended, told by its noun",
     "Le groupe Danone a annoncé la rupture de son contrat avec Carrefour.",
     {("CANCEL", "Danone", "Carrefour")}),
    ("NOTHING: a rupture between two parties names no canceller",
     "La rupture du contrat entre Danone et Carrefour a été annoncée.",
     set()),
    ("an order cancelled names its seller, not the one of the order told before",
     "La compagnie Air France a commandé 40 avions à Airbus. La compagnie KLM a annulé une commande de Boeing 737 MAX.",
     {("ORDER", "Air France", "Airbus"), ("CANCEL", "KLM", "Boeing")}),
    ("NOTHING: a noun after a name and a preposition after it",
     "Le groupe Transalpe publie une synthèse sur la logistique.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
