"""Twelfth session: references and types (extract/actors). Sentences written for the test, on
invented actors and other subjects, on the real French model."""

from __future__ import annotations

import pytest

from tests.conftest import resolved_key, run_dated

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the fronted participle presents the company: "La société" is it, not the bank named last
        ("Fondée en 2009 par Marc Aubry et Lise Caron, la société Kervolt a accueilli la banque "
         "Crédit Armor à son capital. La société emploie 80 personnes à Lannion.", "La société", "org:Kervolt"),
        # (a foundry's name is an organisation's: "la fonderie" is a cue noun)
        ("Installée à Figeac depuis 1990, la fonderie Alvéa a signé un contrat avec le groupe Marvex. "
         "L'entreprise recrutera vingt ouvriers.", "L'entreprise", "org:Alvéa"),
        # the parser roots the sentence on the description: it opens its sentence all the same
        ("Fondée en 1950 par la famille Morel, la biscuiterie Vanelle a été rachetée par le groupe "
         "Délibon. L'entreprise compte 200 salariés.", "L'entreprise", "org:Vanelle"),
    ],
)
def test_a_fronted_participle_keeps_its_company_in_focus(nlp, text, surface, expected):
    assert resolved_key(nlp, text, surface) == expected


def test_without_a_fronted_participle_the_last_named_as_before(nlp):
    # (Kervolt introduced as "le fabricant": "la société" is no noun the article gave it; introduced
    # as "La société Kervolt", the subject "La société" is Kervolt: tests/extract/events/
    # test_general_s14_business.py)
    text = ("Le fabricant Kervolt a accueilli la banque Crédit Armor à son capital. La société emploie "
            "80 personnes à Lannion.")
    assert resolved_key(nlp, text, "La société") == "org:Crédit Armor"


def test_a_feminine_title_is_no_man(nlp):
    text = "Marc Lenoir, ministre de l'Agriculture, a visité la ferme. La ministre a salué les éleveurs."
    assert resolved_key(nlp, text, "La ministre") is None


def test_a_masculine_title_may_be_a_woman(nlp):
    text = "Claire Dumas, ministre du Travail, a visité l'usine. Le ministre a salué les ouvriers."
    assert resolved_key(nlp, text, "Le ministre") == "person:Claire Dumas"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le centre hospitalier de Cholet ferme une aile.", "centre hospitalier de Cholet"),
        ("L'agence régionale de santé de Bretagne a publié son rapport.", "agence régionale de santé de Bretagne"),
        ("La préfecture de la Somme a interdit la baignade.", "préfecture de la Somme"),
    ],
)
def test_local_institutions_with_their_place_are_organisations(nlp, text, name):
    import datetime as dt

    doc = run_dated(nlp, text, dt.date(2026, 1, 5))
    assert (name, "ORG") in {(e.name, e.type) for e in doc._.entities}


def _names(nlp, text):
    import datetime as dt

    return {(e.name, e.type) for e in run_dated(nlp, text, dt.date(2026, 1, 5))._.entities}


def test_a_ministry_is_an_organisation_and_a_portfolio_no_actor(nlp):
    names = _names(nlp, "Le ministère de l'Enseignement supérieur et de la Recherche a publié le "
                        "classement. Le ministre des Sports, Hugo Lemaire, et la ministre déléguée à la "
                        "Mer, Nadia Benali, étaient présents.")
    assert ("ministère de l'Enseignement supérieur et de la Recherche", "ORG") in names
    assert not {n for n, _t in names} & {"Sports", "Mer"}
    assert ("Hugo Lemaire", "PERSON") in names and ("Nadia Benali", "PERSON") in names


def test_a_portfolio_that_is_also_a_place_is_no_actor(nlp):
    assert not {n for n, _t in _names(nlp, "La ministre de l'Europe et des Affaires étrangères a parlé.")}


def test_a_minister_of_a_person_keeps_the_person(nlp):
    assert ("Emmanuel Roux", "PERSON") in _names(nlp, "Le ministre d'Emmanuel Roux a démissionné.")


def test_a_channel_in_a_fronted_phrase_is_no_person(nlp):
    # "X, la ministre" is no apposition when X follows a preposition of the fronted phrase
    names = _names(nlp, "Interrogée sur Radio Armor, la ministre de la Mer, Nadia Benali, a promis des aides.")
    assert ("Radio Armor", "PERSON") not in names
    assert ("Nadia Benali", "PERSON") in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le géant du BTP Colvert construira le viaduc.", "Colvert"),
        ("Le numéro un des VTC Movéo a levé des fonds.", "Movéo"),
        # a sector that is also a product cue ("l'IA Gemini") types nothing after "de l'"
        ("Le spécialiste de l'IA Mistral a levé des fonds.", "Mistral"),
    ],
)
def test_a_sector_acronym_is_no_part_of_the_name_after_it(nlp, text, name):
    assert (name, "ORG") in _names(nlp, text)


def test_a_generic_noun_before_a_sector_complement_and_a_name_is_that_name(nlp):
    # "Le géant de l'énergie X" introduces X: the phrase is not the fund named before
    text = "Le fonds Ardel a investi dans la société Norvane. Le géant de l'énergie Voltéa a commandé douze turbines."
    assert resolved_key(nlp, text, "Le géant") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # particles do not count towards a surname's length
        ("Le mécène Louis de La Tour d'Arvieu finance les écuries.", "Louis de La Tour d'Arvieu"),
        ("Hélène de La Roche du Mas a été nommée directrice.", "Hélène de La Roche du Mas"),
        # a cue before a person keeps the particle and the words after it
        ("L'historien Amaury Chabert de Lassagne a publié un livre.", "Amaury Chabert de Lassagne"),
    ],
)
def test_a_name_with_particles_is_one_person(nlp, text, name):
    assert (name, "PERSON") in _names(nlp, text)


def test_a_title_with_adjectives_before_its_comma_names_the_person_after_it(nlp):
    text = "Le maire sortant, Paul Girard, a été battu. Le nouveau maire, Luc Morel, a été élu dimanche."
    assert resolved_key(nlp, text, "Le maire sortant") == "person:Paul Girard"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a fronted phrase's title, then the clause's own subject: the mayor is someone else
        ("Marc Petit est maire de Lyon. Selon le maire, Paul Rey a menti aux électeurs.", "le maire"),
        ("Marc Petit dirige Kelia. D'après le directeur, Anne Morel a quitté l'entreprise.", "le directeur"),
    ],
)
def test_a_title_before_a_comma_is_not_the_subject_after_it(nlp, text, title):
    key = resolved_key(nlp, text, title)
    assert key not in ("person:Paul Rey", "person:Anne Morel")


def test_two_mayors_named_leave_l_elu_unresolved(nlp):
    text = ("Le maire sortant, Paul Girard, a été battu. Le nouveau maire, Luc Morel, a été élu dimanche. "
            "L'élu a remercié les électeurs.")
    assert resolved_key(nlp, text, "L'élu") is None


def test_a_former_title_is_not_today_s(nlp):
    # "l'ancien maire" is no mayor now: "le maire" is the one mayor of today
    text = ("L'ancien maire de Dole, Henri Masson, est mis en examen. Le maire de Dole, Luc Morel, se dit "
            "serein. Le maire a porté plainte.")
    assert resolved_key(nlp, text, "Le maire") == "person:Luc Morel"


def test_ministers_of_an_organisation_keep_its_acronym(nlp):
    assert ("OPAL", "ORG") in _names(nlp, "Les ministres de l'OPAL se réunissent à Vienne.") or \
        "OPAL" in {n for n, _t in _names(nlp, "Les ministres de l'OPAL se réunissent à Vienne.")}


def test_a_person_after_a_preposition_in_the_sentence_keeps_the_title_after_him(nlp):
    names = _names(nlp, "En Écosse, il s'agit de Angus Brodie, commissaire sortant aux transports.")
    assert ("Angus Brodie", "PERSON") in names
