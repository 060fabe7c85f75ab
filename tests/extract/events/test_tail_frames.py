"""The tail of triggers and frames: a sum or an offer put up for a purpose (the payer does it), a
detached participle said of the name it is detached from, arriving at the head of an organisation,
an authority's procedure opened against someone, a partitive object read as an oblique ("acheter du
gaz à X").

Sentences are our own, on actors of the knowledge base or named in the sentence; model tests are
marked ``slow``. The NOTHING rows are the precision check: the same words with no act between two
actors (a place arrived at, money put aside, a procedure opened for a company, a product arriving).
"""

from __future__ import annotations

import datetime

import pytest

from chronique.model import Event
from tests.conftest import exported_events, run_dated

PUBLISHED = datetime.date(2025, 3, 12)

#: (text, expected exported events as (type, source, target)).
FOUND = [
    # money put on the table for a purchase is a bid by the payer, not an act of the money
    ("Sanofi a mis 10 milliards de dollars sur la table pour s'offrir Bioverativ.",
     {("BID", "sanofi", "other:Bioverativ")}),
    ("TotalEnergies a mis 2 milliards d'euros sur la table pour racheter Engie.",
     {("BID", "totalenergies", "engie")}),
    # an offer launched for a purchase: the offerer bids
    ("Vinci a lancé une offre pour racheter Eiffage.", {("BID", "org:Vinci", "org:Eiffage")}),
    # a detached participle of a verb conjugated with "être": fronted or apposed
    ("Arrivé chez Renault en 2020, Luca de Meo a transformé le groupe.", {("JOIN", "luca-de-meo", "renault")}),
    ("Jean-Pierre Farandou, arrivé à la tête de la SNCF en 2019, a lancé un plan.",
     {("JOIN", "person:Jean-Pierre Farandou", "org:SNCF")}),
    ("Parti de Sanofi en 2019, Olivier Brandicourt a rejoint Blackstone.",
     {("LEAVE", "person:Olivier Brandicourt", "sanofi"), ("JOIN", "person:Olivier Brandicourt", "blackstone")}),
    # a fronted participle of a transitive verb (the tagger may read it as a noun): the name
    # after the comma is its patient, its "par" phrase its agent
    ("Nommé à la tête de Renault en 2020, Luca de Meo a transformé le groupe.", {("JOIN", "luca-de-meo", "renault")}),
    ("Fondé par Elon Musk en 2015, OpenAI a grandi.", {("FOUND", "elon-musk", "openai")}),
    ("Attaqué en justice par Tesla, BYD a riposté.", {("SUE", "tesla", "byd")}),
    # arriving at the head of an organisation
    ("Luca de Meo est arrivé à la tête de Renault en 2020.", {("JOIN", "luca-de-meo", "renault")}),
    # a procedure an authority opens against someone, the "contre" phrase one noun down too
    ("L'Autorité de la concurrence a ouvert une procédure contre Google.",
     {("ACCUSE", "autorite-de-la-concurrence", "google")}),
    ("La Commission européenne a ouvert une procédure d'infraction contre la Hongrie.",
     {("ACCUSE", "commission-europeenne", "loc:Hongrie")}),
    # a partitive object the parser reads as "de": the seller's "à" phrase hangs on it
    ("Engie achète de l'électricité à EDF.", {("ORDER", "engie", "edf")}),
    ("Air France achète du kérosène à TotalEnergies.", {("ORDER", "org:Air France", "totalenergies")}),
]

NOTHING = [
    # a place is no organisation; a participle with nothing to join
    "Arrivé à Paris en 2020, Luca de Meo a visité l'usine.",
    "Arrivé en retard, Carlos Tavares a présidé la réunion.",
    "Luca de Meo est arrivé à Paris en 2020.",
    # a fronted participle that is no event trigger
    "Interrogé par Le Monde, Luca de Meo a critiqué les taxes.",
    "Invité par Emmanuel Macron, Elon Musk a visité l'usine.",
    # a product arriving somewhere joins nothing
    "Arrivée chez les concessionnaires en mars, la nouvelle Clio de Renault a séduit.",
    # a procedure opened for a company in difficulty accuses nobody
    "Le tribunal de commerce a ouvert une procédure de sauvegarde pour Orpea.",
    # money put aside or on the table for no actor's act
    "Danone a mis 2 milliards d'euros de côté pour ses salariés.",
    "Renault a mis 500 millions d'euros sur la table pour moderniser ses usines.",
    # a partitive complement of a verb that buys nothing
    "Renault a parlé des puces à Nissan.",
    "Engie a retiré du gaz à ses clients.",
]



def _exported(nlp, text: str) -> list[Event]:
    return exported_events(nlp, text, PUBLISHED)


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_tail_frames_tell_who_acts_on_whom(nlp, text, expected):
    assert {(e.type, e.sources[0], e.targets[0]) for e in _exported(nlp, text)} == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", NOTHING, ids=[t[:40] for t in NOTHING])
def test_tail_frames_without_an_act_between_two_actors_tell_nothing(nlp, text):
    assert _exported(nlp, text) == []


@pytest.mark.slow
def test_money_on_the_table_for_a_purchase_is_only_offered(nlp):
    doc = run_dated(nlp, "TotalEnergies a mis 2 milliards d'euros sur la table pour racheter Engie.", PUBLISHED)
    assert [(e.type, e.modality, e.trigger) for e in doc._.events] == [("BID", "proposed", "racheter")]


@pytest.mark.slow
def test_a_transitive_participle_is_not_said_of_the_name_after_it(nlp):
    # "Racheté par Sanofi, Bioverativ": the name after the comma was bought, it bought nothing
    doc = run_dated(nlp, "Racheté par Sanofi en 2018, Bioverativ a disparu.", PUBLISHED)
    assert {(e.type, e.sources[0], e.targets[0]) for e in doc._.events} == {("ACQUIRE", "sanofi", "other:Bioverativ")}
