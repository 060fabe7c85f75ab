"""Trigger families, dating rules and scores of issue 15 (second round).

Trigger families: a deal blocked by a third party rejects its buyer, goods sold are an order,
fighting over a prize is competing, "passer sous le contrôle de", boycotts, lawsuits told by
locutions ("traduire en justice", "se pourvoir en cassation"), payments told by nouns, threats of
sanctions, blackmail, praise by locution, retirement from a post, "alternative à". Dates: a report
hung after the clause, "alors" before the paragraph's heading, a demonstrative retelling. Every
sentence is written for these tests (other actors and subjects than the evaluation texts);
actors are compared by their short name ("org:Kestrel" is "kestrel").
"""

from __future__ import annotations

import datetime

import pytest

from chronique.extract.events.lexicon import load_event_lexicon
from chronique.model import EXPORTED_MODALITIES
from tests.conftest import run_dated


def _short(key: str) -> str:
    return key.split(":", 1)[-1].lower().replace(" ", "-")


def test_a_stem_spelt_before_a_or_o_is_read_plainly():
    """"menaçant" and "partageait" are forms of "menacer" and "partager" even when the tagger
    leaves them as they are."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    words = load_event_lexicon("fr")
    doc = Doc(spacy.blank("fr").vocab, words=["menaçant", "partageait", "lançons"])
    assert "menacer" in words.lemma_candidates(doc[0])
    assert "partager" in words.lemma_candidates(doc[1])
    assert "lancer" in words.lemma_candidates(doc[2])
    assert any(entry.type == "THREATEN" for entry in words.entries_for(_as_verb(doc[0])))


def _as_verb(token):
    token.pos_ = "VERB"
    token.lemma_ = token.text
    return token



def _events(nlp, text: str) -> set[tuple]:
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    return {(e.type, _short(e.sources[0]), _short(e.targets[0]), e.modality, e.date)
            for e in doc._.events if e.modality in EXPORTED_MODALITIES}


#: (sentence, exported events as (type, source, target, modality, date)).
SENTENCES = [
    # A deal blocked by someone else: the buyer is rejected, the deal is only a failed bid.
    ("La Commission européenne a stoppé le rachat de la société Varenne par Siemens.",
     {("REJECT", "commission-europeenne", "siemens", "asserted", None),
      ("BID", "siemens", "varenne", "failed", None)}),
    # (s12: the buyer the parser hung on "société" is read now, so the sale is its failed bid too)
    ("Arnaud Lagardère a bloqué la vente de la société Kestrel à Alibaba.",
     {("REJECT", "arnaud-lagardère", "alibaba", "asserted", None),
      ("BID", "alibaba", "kestrel", "failed", None)}),
    # Stopping one's own project names no buyer: a CANCEL, as before ("stopper" judges the deal
    # it governs, so the project's own bid is not told twice).
    ("Apple a stoppé son projet de rachat de la société Kestrel.",
     {("CANCEL", "apple", "kestrel", "asserted", None)}),
    # Giving up a deal between two others cancels against both.
    ("Le groupe Vinci a renoncé au projet de fusion entre Carrefour et Auchan.",
     {("CANCEL", "vinci", "carrefour", "asserted", None), ("CANCEL", "vinci", "auchan", "asserted", None)}),
    ("Amazon a jeté l'éponge dans la course au rachat de la société Kestrel.",
     {("CANCEL", "amazon", "kestrel", "asserted", None)}),
    # Goods sold: the buyer orders from the seller; a company sold is still an acquisition.
    ("Airbus a vendu quarante avions à Air India.", {("ORDER", "air-india", "airbus", "asserted", None)}),
    ("Airbus a vendu sa filiale Kestrel à Safran.", {("ACQUIRE", "safran", "kestrel", "asserted", None)}),
    ("Danone a signé une commande de 30 camions auprès de Renault.",
     {("ORDER", "danone", "renault", "asserted", None)}),
    # Fighting over a prize is competing; a quarrel is not.
    ("Samsung et Apple se disputent le marché des smartphones.",
     {("COMPETE", "samsung", "apple", "asserted", None)}),
    ("Samsung et Apple se disputent depuis des années.", set()),
    ("Renault se mesure à Stellantis sur le marché européen.",
     {("COMPETE", "renault", "stellantis", "asserted", None)}),
    ("Renault fait concurrence à Stellantis.", {("COMPETE", "renault", "stellantis", "asserted", None)}),
    ("Ecosia est devenue une alternative à Google.", {("COMPETE", "ecosia", "google", "asserted", None)}),
    # More organisation nouns after "fonder".
    ("Xavier Niel a fondé le journal Kestrel en 2012.", {("FOUND", "xavier-niel", "kestrel", "asserted", "2012")}),
    # Taking over told from the side of the company taken.
    ("La société Kestrel est passée sous le contrôle de Siemens en 2021.",
     {("ACQUIRE", "siemens", "kestrel", "asserted", "2021")}),
    ("La société Kestrel est tombée dans le giron de Siemens.", {("ACQUIRE", "siemens", "kestrel", "asserted", None)}),
    # The owner is the one under whose control it passes, not an actor of another phrase.
    ("La société Kestrel passe sous le contrôle de ses salariés en 2024, après la retraite de son fondateur Paul Martin.",
     {("FOUND", "paul-martin", "kestrel", "asserted", None)}),
    ("Renault s'est porté candidat au rachat de la société Kestrel.",
     {("BID", "renault", "kestrel", "asserted", None)}),
    # Lawsuits, payments, threats, blame and praise told by locutions and nouns.
    ("Renault a traduit Stellantis en justice.", {("SUE", "renault", "stellantis", "asserted", None)}),
    ("Renault s'est pourvu en cassation contre Stellantis.", {("SUE", "renault", "stellantis", "asserted", None)}),
    ("Le versement de 10 millions d'euros par Renault à Stellantis a été confirmé.",
     {("PAY", "renault", "stellantis", "asserted", None)}),
    ("Danone a tourné le dos à Carrefour.", {("CANCEL", "danone", "carrefour", "asserted", None)}),
    # Sanctions brandished are threatened, not imposed.
    # (the government of a place written with its article is an actor since the twelfth session)
    ("Le gouvernement de l'Islande a brandi des sanctions contre la Norvège.",
     {("THREATEN", "gouvernement-de-l'islande", "norvège", "asserted", None)}),
    ("L'Islande a brandi des sanctions contre la Norvège.",
     {("THREATEN", "islande", "norvège", "asserted", None)}),
    ("Tim Cook a pointé du doigt Google.", {("ACCUSE", "tim-cook", "google", "asserted", None)}),
    ("La mise en cause de Stellantis par Renault a surpris.", {("ACCUSE", "renault", "stellantis", "asserted", None)}),
    ("Emmanuel Macron a tiré son chapeau à Airbus.", {("PRAISE", "emmanuel-macron", "airbus", "asserted", None)}),
    ("Emmanuel Macron a couvert Airbus d'éloges.", {("PRAISE", "emmanuel-macron", "airbus", "asserted", None)}),
    ("Carlos Tavares a pris sa retraite de Stellantis.", {("LEAVE", "carlos-tavares", "stellantis", "asserted", None)}),
    # Dates: a report hung after a news clause dates it; an older event keeps none.
    ("Renault a conclu un accord pour racheter la société Kestrel, a annoncé lundi Stellantis.",
     {("ACQUIRE", "renault", "kestrel", "asserted", "2025-05-26")}),
    ("Renault avait racheté la société Kestrel, a rappelé lundi Stellantis.",
     {("ACQUIRE", "renault", "kestrel", "asserted", None)}),
    # "alors" takes the last date told, not the paragraph's opening span; the majority stake is
    # an acquisition.
    ("Entre 1990 et 2020, Renault était le principal client de Siemens. Stellantis rachetait la société "
     "Kestrel en mars 2021. Renault devenait alors l'actionnaire majoritaire de la société Varenne.",
     {("ACQUIRE", "stellantis", "kestrel", "asserted", "2021-03"),
      ("ACQUIRE", "renault", "varenne", "asserted", "2021-03")}),
    ("Air France a renoncé à son projet de prise de participation dans SAS.",
     {("CANCEL", "air-france", "sas", "asserted", None)}),
    ("L'opérateur Iliad a vendu 5000 antennes à Proximus en 2022.",
     {("ORDER", "proximus", "iliad", "asserted", "2022")}),
    # A refusal told by a noun answers the offer made to the refuser; the refused bid is fought.
    ("Stellantis a proposé de racheter la société Kestrel. Le refus de la société Kestrel a surpris les marchés.",
     {("BID", "stellantis", "kestrel", "proposed", None), ("REJECT", "kestrel", "stellantis", "asserted", None)}),
    # An event told inside a quote is the speaker's telling.
    ("« Renault a racheté la société Kestrel en 2020 », a déclaré Jean Dupont.",
     {("ACQUIRE", "renault", "kestrel", "reported", "2020")}),
    # A demonstrative retelling takes the date of what it retells.
    ("Le 3 mars 2024, Renault a accusé Stellantis de fraude. Le tribunal examinera cette accusation "
     "de Renault contre Stellantis.",
     {("ACCUSE", "renault", "stellantis", "asserted", "2024-03-03")}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_trigger_families_and_dates(nlp, text, expected):
    assert _events(nlp, text) == expected


#: Texts of other subjects where none of the new families may fire (precision).
QUIET = [
    "Renault a présenté ses résultats annuels.",
    "Renault a mis en place une cellule de crise.",
    "Le tribunal a pris acte de la plainte.",
    "Renault est passé à la vitesse supérieure.",
    "Renault a protesté sur Instagram.",
    "Airbus a vendu davantage cette année.",
    "Les deux sociétés se disputent depuis des mois.",
    "Danone a tourné la page des résultats décevants.",
    "Le ministre a bloqué son agenda pour la visite.",
    "La société Kestrel est passée en bourse en 2021.",
    "Siemens a livré ses prévisions lundi.",
    "Renault a vendu l'idée à Stellantis.",
    "Les agriculteurs ont bloqué l'autoroute A7 lundi.",
    "Le peloton a pris la tête de la course à Lyon.",
    "Le festival d'Avignon a présenté sa programmation.",
    "Le refus du gouvernement a été critiqué.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", QUIET, ids=[s[:40] for s in QUIET])
def test_new_families_stay_quiet_elsewhere(nlp, text):
    assert _events(nlp, text) == set()


#: (text, {(type, source, target): score}).
SCORED = [
    ("Stellantis a proposé de racheter la société Kestrel. Le refus de la société Kestrel a surpris les marchés.",
     {("BID", "stellantis", "kestrel"): -5.0, ("REJECT", "kestrel", "stellantis"): -4.0}),
    ("Renault a annoncé une montée inamicale au capital de Stellantis.", {("INVEST", "renault", "stellantis"): -5.0}),
    ("Renault a annoncé une montée au capital de Stellantis.", {("INVEST", "renault", "stellantis"): 7.4}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", SCORED, ids=[s[:40] for s, _ in SCORED])
def test_a_creeping_stake_or_a_refused_bid_is_scored_as_conflict(nlp, text, expected):
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    scores = {(e.type, _short(e.sources[0]), _short(e.targets[0])): e.score for e in doc._.events}
    assert {key: scores.get(key) for key in expected} == expected
