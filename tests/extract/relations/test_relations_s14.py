"""Relations of the fourteenth session: denied titles, owners told in the passive, names after
the noun's adjectives, research posts "à"/"au" an institute, union officers, the title of a
dismissed person, a classifying noun between an apposition's comma and its name.

Sentences written for the test (fictional people and companies), on the whole French pipeline.
"""

from __future__ import annotations

import pytest

from tests.extract.relations.readings import pairs, relations

pytestmark = pytest.mark.slow



@pytest.mark.parametrize("text", [
    "Contrairement à une rumeur insistante, Paul Roux n'est pas le PDG de Kalio.",
    "La société Kalio a été rachetée. Paul Roux n'est pas le fondateur de Kalio.",
    "Paul Roux, qui n'est pas l'un des fondateurs de la start-up Kalio, a démissionné.",
    "Paul Roux n'a jamais été le patron de Kalio.",
    "Paul Roux n'est pas devenu le patron de Kalio.",
])
def test_a_denied_title_states_no_role(nlp, text) -> None:
    assert not any(source == "person:Paul Roux" for _kind, source, _target in pairs(nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # "ne … plus" tells a former role, which the gold keeps
    ("Paul Roux n'est plus le patron de Kalio.", ("ROLE", "person:Paul Roux", "org:Kalio")),
    # "pas seulement": the noun itself is not denied
    ("Paul Roux n'est pas seulement le fondateur de Kalio.", ("ROLE", "person:Paul Roux", "org:Kalio")),
    # a past role is still a relation (the gold keeps past roles)
    ("Sophie Blanc, qui dirigeait Nexima jusqu'en 2020, a vendu ses parts.",
     ("ROLE", "person:Sophie Blanc", "org:Nexima")),
    # the denial of another noun of the sentence leaves the apposition alone
    ("Paul Roux, le fondateur de Kalio, n'est pas le PDG de Nexima.", ("ROLE", "person:Paul Roux", "org:Kalio")),
])
def test_what_no_denial_touches_is_kept(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


def test_the_denied_noun_gives_no_role_to_its_own_organisation(nlp) -> None:
    found = pairs(nlp, "Paul Roux, le fondateur de Kalio, n'est pas le PDG de Nexima.")
    assert ("ROLE", "person:Paul Roux", "org:Nexima") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("La start-up Orbitale Systèmes est détenue depuis 2018 par le groupe Aérodis.",
     ("PART_OF", "org:Orbitale Systèmes", "org:Aérodis")),
    ("Valmorel est détenu à 62 % par la société Ferrand Participations.",
     ("PART_OF", "org:Valmorel", "org:Ferrand Participations")),
])
def test_an_owner_told_in_the_passive_is_the_parent(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


def test_a_minority_share_told_in_the_passive_is_no_parent(nlp) -> None:
    found = pairs(nlp, "La société Valmorel est détenue à 15 % par le fonds Archipel.")
    assert not any(kind == "PART_OF" for kind, _s, _t in found)


def test_a_person_holding_a_minority_share_is_an_investor(nlp) -> None:
    found = relations(nlp, "La start-up Kalio est détenue à 30 % par Paul Marceau.")
    assert ("ROLE", "person:Paul Marceau", "org:Kalio", "investor") in found
    assert ("ROLE", "person:Paul Marceau", "org:Kalio", "owner") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("La start-up Veltis est détenue depuis 2019 par le groupe aéronautique Aérodis.",
     ("PART_OF", "Veltis", "org:Aérodis")),
    # the owner named after the noun's adjectives, as a passive agent
    ("La marque Vitalis est détenue depuis 2015 par la holding familiale Marceau Participations.",
     ("PART_OF", "Vitalis", "org:Marceau Participations")),
])
def test_a_name_after_the_nouns_adjectives_names_the_noun(nlp, text, expected) -> None:
    kind, source, target = expected
    found = pairs(nlp, text)
    assert any(k == kind and source in s and t == target for k, s, t in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Le professeur Thomas Keller, chercheur à l'Institut Pasteur, a salué ces résultats.",
     ("ROLE", "person:Thomas Keller", "org:Institut Pasteur")),
    ("Camille Roussel, directrice de recherche au CNRS, a présenté le projet.",
     ("ROLE", "person:Camille Roussel", "org:CNRS")),
])
def test_a_research_post_at_an_institute(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


def test_a_post_in_a_city_is_no_role(nlp) -> None:
    found = pairs(nlp, "Marc Petit, ingénieur à Toulouse, a témoigné mardi.")
    assert not any(source == "person:Marc Petit" for _k, source, _t in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Lucie Ferrat, déléguée du Syndicat des travailleurs de la logistique (STL), a dénoncé le plan.",
     ("ROLE", "person:Lucie Ferrat", "org:Syndicat des travailleurs de la logistique")),
    ("Paul Roux, secrétaire de la FNSEA, a parlé mardi.", ("ROLE", "person:Paul Roux", "org:FNSEA")),
])
def test_a_union_officer(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


def test_a_secretary_of_a_person_is_no_role(nlp) -> None:
    found = pairs(nlp, "La secrétaire de Paul Roux, Anne Lenoir, a témoigné mardi.")
    assert not any(source == "person:Anne Lenoir" for _k, source, _t in found)


def test_a_dismissed_person_takes_the_title_told_next_to_his_name(nlp) -> None:
    """The LEAVE event's evidence names two titles: the coach is the coach, not the president."""
    found = relations(nlp, "Le président de l'AS Corbières, Gérard Maillol, a limogé dimanche soir l'entraîneur "
                           "Yannick Da Costa, au lendemain de la cinquième défaite consécutive du club héraultais "
                           "en Ligue 2. Le technicien, arrivé en juin 2024, est remplacé à titre provisoire par son "
                           "adjoint, Karim Belhadj.")
    roles = {title for kind, source, _t, title in found if kind == "ROLE" and source == "person:Yannick Da Costa"}
    assert roles == {"employee"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Le studio Brumel va fermer. Sa maison mère, le groupe Ludéa, a confirmé la décision.",
     ("PART_OF", "org:Brumel", "org:Ludéa")),
    ("La start-up Veltis lève des fonds. Sa société mère, la holding Marceau Participations, a suivi.",
     ("PART_OF", "org:Veltis", "org:Marceau Participations")),
])
def test_a_classifying_noun_between_the_comma_and_the_name(nlp, text, expected) -> None:
    assert expected in pairs(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    # the copula in the infinitive of "aller", "devoir": its subject is theirs
    ("Paul Roux va rester à la tête du groupe Kalio jusqu'à l'été.", ("ROLE", "person:Paul Roux", "org:Kalio", "ceo")),
    ("Paul Roux devrait devenir le directeur général du groupe Kalio.", ("ROLE", "person:Paul Roux", "org:Kalio", "ceo")),
    # a duration the parser takes for the copula's object, the post hung on it
    ("Paul Roux restera deux ans à la tête du groupe Kalio.", ("ROLE", "person:Paul Roux", "org:Kalio", "ceo")),
])
def test_a_post_held_through_a_raising_verb_or_for_a_time(nlp, text, expected) -> None:
    assert expected in relations(nlp, text)


def test_who_asks_another_to_stay_in_post_holds_no_post(nlp) -> None:
    found = pairs(nlp, "Le fonds Arcadis a demandé à Paul Roux de rester à la tête du groupe Kalio.")
    assert not any(source == "org:Arcadis" for _kind, source, _target in found)


@pytest.mark.parametrize("text", [
    # a post wished or possible is not held; a post the raising verb denies is not held either
    "Paul Roux veut devenir PDG du groupe Kalio.",
    "Paul Roux espère devenir le directeur général du groupe Kalio.",
    "Paul Roux pourrait devenir PDG du groupe Kalio si le conseil l'accepte.",
    "Paul Roux ne va pas rester à la tête du groupe Kalio.",
    "Paul Roux aurait dû devenir PDG du groupe Kalio.",
])
def test_a_post_wished_possible_or_denied_through_a_raising_verb_is_no_role(nlp, text) -> None:
    assert not any(kind == "ROLE" and source == "person:Paul Roux" for kind, source, _target in pairs(nlp, text))


def test_a_post_one_wishes_to_keep_is_held(nlp) -> None:
    assert ("ROLE", "person:Paul Roux", "org:Kalio", "president") in relations(
        nlp, "Paul Roux souhaite rester président du groupe Kalio.")
