"""Names and their types, tenth session: dates, moves, first names, a maker's new model.

Every sentence here was written for this test (other actors and subjects than any evaluation
text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import component_pipeline, run_dated


@pytest.fixture(scope="module")
def nlp():
    return component_pipeline("chronique_actors")


def entities_of(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    doc = run_dated(nlp, text, dt.date(2026, 2, 10))
    return {e.name: (e.type, list(e.aliases)) for e in doc._.entities}


@pytest.mark.slow
def test_a_period_of_a_year_is_no_name(nlp):
    """"Fin 2025", "Début mars 2026" open a sentence as dates, not as organisations."""
    found = entities_of(nlp, "Fin 2025, la start-up Kelvane avait levé 12 millions d'euros. Début mars 2026, "
                             "elle a ouvert un bureau à Nantes.")
    assert "Fin 2025" not in found and "Début mars 2026" not in found
    assert found["Kelvane"][0] == "ORG"


@pytest.mark.slow
def test_a_move_is_no_party(nlp):
    """"X, parti au FC Y": the participle of "partir", not the noun of a political party."""
    found = entities_of(nlp, "Il succède à Antoine Kombouaré, parti au FC Lorient en janvier.")
    assert found["Antoine Kombouaré"][0] == "PERSON"


@pytest.mark.slow
def test_a_first_name_alone_is_the_one_person_it_opens(nlp):
    found = entities_of(nlp, "Sophie Marchand a rejoint Kelvane en janvier. « Sophie apporte dix ans "
                             "d'expérience », a dit le fondateur.")
    assert "Sophie" in found["Sophie Marchand"][1] and "Sophie" not in found


@pytest.mark.slow
def test_a_first_name_two_people_share_or_a_surname_is_left_alone(nlp):
    found = entities_of(nlp, "Claire Delorme et Claire Vasseur ont signé. Claire a ensuite démissionné.")
    assert "Claire" not in found["Claire Delorme"][1] and "Claire" not in found["Claire Vasseur"][1]
    found = entities_of(nlp, "Thomas Martin et Martin Bouygues se sont rencontrés. Martin a dit non.")
    assert "Martin" in found["Thomas Martin"][1]  # a surname first


@pytest.mark.slow
def test_a_known_maker_after_an_adjective_names_its_model(nlp):
    """"la petite Fiat 500": the maker's product, as "la Fiat 500" is."""
    found = entities_of(nlp, "Stellantis a présenté la petite Fiat 500 électrique à Turin.")
    assert found["Fiat 500"][0] == "PRODUCT"


@pytest.mark.slow
def test_a_wine_estate_is_an_organisation_a_castle_of_a_place_is_not(nlp):
    """"le château Lestage-Simon" is the estate; "le château de Chambord" names the place after "de"."""
    found = entities_of(nlp, "Le négociant Quancard a racheté lundi le château Lestage-Simon à ses propriétaires.")
    assert found["Lestage-Simon"][0] == "ORG"
    found = entities_of(nlp, "Le château de Chambord a accueilli un million de visiteurs.")
    assert found.get("Chambord", ("LOC",))[0] != "ORG"


@pytest.mark.slow
def test_an_infinitive_opening_a_sentence_is_no_part_of_the_name(nlp):
    """"Vendre Alstom à Siemens …": the company is "Alstom"; a first name stays ("Roger Federer")."""
    found = entities_of(nlp, "Vendre Alstom à Siemens était impensable. Brader Ubisoft serait une faute.")
    assert "Vendre Alstom" not in found and found["Alstom"][0] == "ORG"
    assert "Brader Ubisoft" not in found
    assert "Roger Federer" in entities_of(nlp, "Roger Federer a gagné son dernier match à Bâle.")
