"""Relations of the fifteenth session: a post held "jusqu'ici" (an adverb between the comma and
the noun), second-in-command and function titles ("numéro deux", "chef économiste"), a seat on a
board told by "siéger".

Sentences written for the test (fictional people and companies), on the whole French pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated
from tests.extract.relations.readings import pairs, relations

pytestmark = pytest.mark.slow



@pytest.mark.parametrize(("text", "expected"), [
    ("Le groupe Kalio a nommé Anne Roux, jusqu'ici directrice financière de Nexima, au poste de "
     "directrice générale.", ("ROLE", "person:Anne Roux", "org:Nexima")),
    ("Anne Roux, jusqu'ici numéro deux du groupe Nexima, a été nommée présidente de Kalio.",
     ("ROLE", "person:Anne Roux", "org:Nexima")),
    ("Anne Roux, 44 ans, jusque-là chef économiste de la banque Nexima, rejoint Kalio.",
     ("ROLE", "person:Anne Roux", "org:Nexima")),
    ("Paul Blanc, précédemment directeur commercial du groupe Nexima, prend la tête de Kalio.",
     ("ROLE", "person:Paul Blanc", "org:Nexima")),
])
def test_a_post_held_until_the_news_is_a_role(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


def test_a_post_held_until_the_news_is_a_past_one(nlp) -> None:
    doc = run_dated(nlp, "Le groupe Kalio a nommé Anne Roux, jusqu'ici directrice financière de Nexima, "
                         "au poste de directrice générale.", dt.date(2024, 5, 14))
    held = [r for r in doc._.relations if r.source == "person:Anne Roux" and r.target == "org:Nexima"]
    assert held and all(r.valid_to == "PAST_REF" for r in held)


@pytest.mark.parametrize(("text", "expected"), [
    ("Paul Blanc siège au conseil de surveillance de Nexima depuis 2019.",
     ("ROLE", "person:Paul Blanc", "org:Nexima", "board")),
    ("Gérard Morin, qui siège aussi au conseil d'administration de l'orchestre Kalio, a salué le choix.",
     ("ROLE", "person:Gérard Morin", "org:Kalio", "board")),
    ("La PDG de la fromagerie Kalio, Sylvie Roux, siège au conseil d'administration du club Nexima "
     "depuis 2019.", ("ROLE", "person:Sylvie Roux", "org:Nexima", "board")),
    ("Arnaud Lenoir est membre du conseil d'orientation de la fondation Kalio.",
     ("ROLE", "person:Arnaud Lenoir", "org:Kalio", "board")),
])
def test_a_seat_on_a_board(nlp, text, expected) -> None:
    assert expected in relations(nlp, text)


@pytest.mark.parametrize("text", [
    "Paul Blanc ne siège pas au conseil de surveillance de Nexima.",
    "Paul Blanc a visité le siège de Nexima, au conseil de surveillance duquel il aspire.",
])
def test_no_seat_where_none_is_told(nlp, text) -> None:
    assert ("ROLE", "person:Paul Blanc", "org:Nexima") not in pairs(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le groupe Nexima, dont le PDG, Paul Blanc, est un ancien banquier, a racheté Kalio.",
     ("ROLE", "person:Paul Blanc", "org:Nexima")),
    ("Parmi ses mécènes figure le groupe de BTP Nexima, dont le PDG, Arnaud Lenoir, est membre du conseil.",
     ("ROLE", "person:Arnaud Lenoir", "org:Nexima")),
])
def test_a_title_opened_by_dont_belongs_to_the_antecedent(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


def test_dont_after_a_person_gives_the_title_no_organisation(nlp) -> None:
    found = pairs(nlp, "Anne Roux a rencontré Paul Blanc, dont le patron, Marc Girard, dirige Kalio.")
    assert not any(source == "person:Marc Girard" and target == "person:Paul Blanc" for _k, source, target in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("La direction de la future agence Kalio a été confiée à Karine Roux, 52 ans.",
     ("ROLE", "person:Karine Roux", "org:Kalio", "ceo")),
    ("Le groupe a confié la direction de Kalio à Paul Blanc.", ("ROLE", "person:Paul Blanc", "org:Kalio", "ceo")),
    ("La présidence du conseil d'administration de Kalio reviendra à Anne Morel.",
     ("ROLE", "person:Anne Morel", "org:Kalio", "chair")),
])
def test_a_post_entrusted_to_a_person(nlp, text, expected) -> None:
    assert expected in relations(nlp, text)


@pytest.mark.parametrize("text", [
    "La direction de l'enquête sur Kalio a été confiée à Paul Blanc.",
    "Le groupe n'a pas confié la direction de Kalio à Paul Blanc.",
    "La gestion du dossier Kalio a été confiée à Paul Blanc.",
    # a post given under a condition or in the conditional mood is no post held
    "La présidence du conseil d'administration de Kalio reviendra à Paul Blanc si Anne Morel démissionne.",
    "La direction de Kalio reviendrait à Paul Blanc, selon plusieurs sources.",
])
def test_no_post_where_none_is_entrusted(nlp, text) -> None:
    assert ("ROLE", "person:Paul Blanc", "org:Kalio") not in pairs(nlp, text)


def test_a_seat_is_not_given_through_a_description_resolved_elsewhere(nlp) -> None:
    found = pairs(nlp, "Le club Kalio a pour sponsor la fromagerie Morin, propriété du groupe laitier Nexima. "
                       "Sylvie Morin siège au conseil d'administration du club depuis 2019.")
    assert ("ROLE", "person:Sylvie Morin", "org:Nexima") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Paul Blanc préside le conseil de surveillance du groupe Nexima depuis 2019.",
     ("ROLE", "person:Paul Blanc", "org:Nexima", "chair")),
    ("La Fondation Émile-Varenne a recruté Anne Roux. Paul Blanc, qui préside toujours le conseil "
     "d'orientation de la fondation, a salué son arrivée.",
     ("ROLE", "person:Paul Blanc", "org:Fondation Émile-Varenne", "chair")),
])
def test_a_board_chaired(nlp, text, expected) -> None:
    assert expected in relations(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Paul Roux, délégué CGT du site de Montbéliard, réclame un engagement.", ("ROLE", "person:Paul Roux", "org:CGT")),
    ("Paul Roux, délégué syndical FO chez Kalio, a réclamé un accord.", ("ROLE", "person:Paul Roux", "org:FO")),
])
def test_a_union_named_bare_after_its_officers_noun(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


def test_a_bare_name_after_the_noun_is_no_complement_without_a_holder_before(nlp) -> None:
    found = pairs(nlp, "Le délégué Kalio Services a été dissous.")
    assert not any(target == "org:Kalio Services" for _kind, _source, target in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("La foncière Hardion Capital détient 58 % du capital de Sportalis.",
     ("PART_OF", "org:Sportalis", "org:Hardion Capital")),
    ("Le distributeur Sportalis a perdu son directeur. Le conseil a pris acte de divergences avec "
     "l'actionnaire principal, la foncière Hardion Capital, qui détient 58 % du capital de l'enseigne.",
     ("PART_OF", "org:Sportalis", "org:Hardion Capital")),
])
def test_a_majority_stake_makes_a_parent(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


@pytest.mark.parametrize("text", [
    "La foncière Hardion Capital détient 15 % du capital de Sportalis.",
    "La foncière Hardion Capital détient 50 % du capital de Sportalis.",
])
def test_a_minority_or_shared_stake_makes_no_parent(nlp, text) -> None:
    assert ("PART_OF", "org:Sportalis", "org:Hardion Capital") not in pairs(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le conseil a choisi Anne Roux, 52 ans, directrice financière de Nexima, pour diriger Kalio.",
     ("ROLE", "person:Anne Roux", "org:Nexima")),
    ("Le groupe Kalio a désigné sa nouvelle directrice : l'économiste Anne Roux, 44 ans, jusqu'ici chef "
     "économiste de la banque Nexima.", ("ROLE", "person:Anne Roux", "org:Nexima")),
])
def test_an_age_between_the_name_and_its_apposition(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("La mutuelle Orvéa a élu mercredi à sa présidence Bernard Quéré, un ancien agriculteur.",
     ("ROLE", "person:Bernard Quéré", "org:Orvéa")),
])
def test_a_post_of_its_own_given_by_an_organisation(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


def test_no_post_given_when_the_appointment_is_denied(nlp) -> None:
    assert ("ROLE", "person:Paul Blanc", "org:Kalio") not in pairs(
        nlp, "Le groupe Kalio n'a pas nommé Paul Blanc à sa direction.")
