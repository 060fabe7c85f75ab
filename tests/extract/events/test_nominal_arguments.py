"""Event nouns and their arguments wherever the parser hangs them (issue 15, session 5).

Each row is a sentence written for these tests, on other actors and subjects than the
evaluation texts: a complement hung on the name before it ("la vente de X au groupe Y"), a
"de" complement hung on an adjunct ("le remplacement avec effet immédiat de X"), the owner of
an act one is blamed for ("reprocher à X son rachat de Y"), a gerund the parser made part of
"en", a stake raised to a share ("porter à 20 % sa part au sein du capital de X"), taking part
in a funding operation told before, and a deal given up that a later noun retells. The
precision rows are sentences where the same words must give no event (or not that one).
Actors are compared by their short name ("org:Kestrel" is "kestrel").
"""

from __future__ import annotations

import datetime

import pytest

from chronique.model import EXPORTED_MODALITIES
from tests.conftest import run_dated

pytestmark = pytest.mark.slow


def _short(key: str) -> str:
    return key.split(":", 1)[-1].lower().replace(" ", "-")



def _events(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    return {(e.type, _short(e.sources[0]), _short(e.targets[0]))
            for e in doc._.events if e.modality in EXPORTED_MODALITIES}


def _dated(nlp, text: str) -> set[tuple[str, str, str, str | None]]:
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    return {(e.type, _short(e.sources[0]), _short(e.targets[0]), e.date)
            for e in doc._.events if e.modality in EXPORTED_MODALITIES}


@pytest.mark.parametrize(("text", "expected"), [
    # the buyer hung on the company sold: a blocked sale is the buyer's failed bid
    ("Le ministre, qui a stoppé la vente de Vidéomatic au géant américain Streamo, ne cesse de faire réagir.",
     ("BID", "streamo", "vidéomatic")),
    # the one who leaves hung on the adjunct "avec effet immédiat"
    ("La chaîne Quadrant a annoncé jeudi le remplacement avec effet immédiat de Marc Delorme par Julie Fabre.",
     ("LEAVE", "marc-delorme", "quadrant")),
    # the possessive of an act one is blamed for is the one blamed
    ("Le régulateur reproche à Pharmacor son acquisition de Biolane.",
     ("ACQUIRE", "pharmacor", "biolane")),
    # a gerund the parser reads as part of "en"
    ("En acquérant le néerlandais Fietsplan, Velora consolide ses parts de marché.",
     ("ACQUIRE", "velora", "fietsplan")),
    # a stake raised to a share: the object hung on the quantity, the company within the capital
    ("Le fonds Arcadia a porté à 20 % sa part au sein du capital du groupe ferroviaire Railis.",
     ("ACQUIRE", "arcadia", "railis")),
    # a part of what X holds stands for X
    ("Le groupe Orvalis a récupéré l'essentiel des magasins détenus par le groupe Casamia.",
     ("ACQUIRE", "orvalis", "casamia")),
    # what a communiqué of X announces is X's doing
    ("Un communiqué du groupe Verdalia annonçant une plainte contre Norbex a surpris les marchés.",
     ("SUE", "verdalia", "norbex")),
])
def test_an_event_noun_finds_its_displaced_arguments(nlp, text, expected):
    assert expected in _events(nlp, text)


def test_taking_part_in_the_operation_funds_the_company_of_the_round_told_before(nlp):
    text = ("Le groupe Helvar a investi 40 millions d'euros dans la start-up Nubio. "
            "L'opération, à laquelle a également participé le fonds Orkan Capital, valorise Nubio à un milliard.")
    assert ("INVEST", "orkan-capital", "nubio") in _events(nlp, text)


def test_a_deal_given_up_is_the_offer_a_later_noun_retells_with_its_date(nlp):
    text = ("Le groupe Selvane a renoncé à son projet d'acquisition de Korvel. "
            "Cette décision fait suite à l'annonce de l'acquisition en mars 2023, critiquée par les syndicats.")
    assert ("BID", "selvane", "korvel", "2023-03") in _dated(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a name with its own "de" complement keeps it: "au géant" is not read on a plain noun
    ("La vente de la filiale de Hydrolis reste à l'étude, selon Voltwerk.", ("ACQUIRE", "voltwerk", "hydrolis")),
    # the adjunct names an actor: its "de" complement is no argument of the noun
    ("Le départ à la concurrence de Marc Delorme a surpris Quadrant.", ("LEAVE", "marc-delorme", "quadrant")),
    # praising one's own deal: the possessive stays the subject's, nobody else is judged
    ("Alpina salue son acquisition de Nordtrail.", ("ACQUIRE", "nordtrail", "alpina")),
    # what X only runs is no part X holds
    ("Le groupe Orvalis a récupéré l'essentiel des magasins gérés par le groupe Casamia.", ("ACQUIRE", "orvalis", "casamia")),
    # a communiqué with no author names no plaintiff
    ("Un communiqué annonçant une plainte contre Norbex a surpris les marchés.", ("SUE", "", "norbex")),
    # an operation with no investment told before funds nobody
    ("L'opération, à laquelle a participé le fonds Orkan Capital, a duré trois jours.", ("INVEST", "orkan-capital", "")),
    # an order cancelled is no deal: a later "l'acquisition" does not retell it as a bid
    ("Le groupe Selvane a annulé sa commande de trains auprès de Railis. L'annonce de l'acquisition en mars 2023 avait surpris.",
     ("BID", "selvane", "railis")),
])
def test_the_same_words_stay_quiet_where_they_do_not_apply(nlp, text, absent):
    found = _events(nlp, text)
    if absent[1] and absent[2]:
        assert absent not in found
    elif absent[1]:
        assert not any(e[:2] == absent[:2] for e in found)
    else:
        assert not any(e[0] == absent[0] and e[2] == absent[2] for e in found)


@pytest.mark.parametrize(("text", "expected"), [
    # the defendant is the subject of what the complaint claims; the date is the participle's
    ("Dans sa plainte déposée en mars 2021, l'association Clairvoie affirmait que Datanova revendait les données "
     "de ses clients.", ("SUE", "clairvoie", "datanova", "2021-03")),
    # the plaintiff is the agent of the act on its own procedures
    ("Le club exige l'abandon par Solvar des poursuites engagées depuis 2020 contre la fédération Unifoot.",
     ("SUE", "solvar", "unifoot", "2020")),
    # the defendant is whom an authority sanctions in the same sentence
    ("Après une plainte déposée par Ferralis, la Commission européenne a infligé une amende de 5 millions d'euros "
     "au groupe Vortan.", ("SUE", "ferralis", "vortan", None)),
    # those a round involves invest in the company raising it
    ("La start-up Pixelia a annoncé une levée de fonds de 20 millions d'euros, impliquant le fonds Orkan Capital.",
     ("INVEST", "orkan-capital", "pixelia", None)),
])
def test_a_lawsuit_or_a_round_finds_the_party_the_sentence_tells_elsewhere(nlp, text, expected):
    assert expected in _dated(nlp, text)


@pytest.mark.parametrize(("text", "kind"), [
    # shares are no lawsuit, whatever the sentence's sanction
    ("L'action de Renault a chuté après que la Commission a sanctionné Stellantis.", "SUE"),
    # a report is no complaint: its claim accuses nobody of suing
    ("Dans son rapport, la Cour des comptes estime que la SNCF a mal géré ses travaux.", "SUE"),
    # who examines procedures does not bring them
    ("L'examen par la Commission des poursuites engagées contre Vortan a commencé.", "SUE"),
    # a reply is no complaint
    ("Dans sa réponse, Vortan affirme que Ferralis ment.", "SUE"),
])
def test_lawsuit_nouns_stay_quiet_without_a_plaintiff_and_a_defendant(nlp, text, kind):
    assert not any(e[0] == kind for e in _events(nlp, text))
