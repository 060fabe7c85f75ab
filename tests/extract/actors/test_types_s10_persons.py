"""A person named by one word, told by what the article says of the name (tenth session).

Every sentence here was written for this test (other people and subjects than any evaluation
text). Sport, music and politics name people by one name; the model calls such a word a person,
a company or nothing, and without a first name it was left untyped. An age, an apposition with a
person's noun, a relative after a possessive, a quote in the first person or a nationality said
as a noun in the next sentence now type it; a company, a place and a team keep their type.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.data import lexicon
from chronique.extract.actors.person_cues import PersonCues
from tests.conftest import component_pipeline, run_dated


@pytest.fixture(scope="module")
def nlp():
    return component_pipeline("chronique_actors")


def types_of(nlp, text: str) -> dict[str, str]:
    doc = run_dated(nlp, text, dt.date(2025, 9, 12))
    return {e.name: e.type for e in doc._.entities}


def test_the_lexicons_hold_whole_families():
    """The person nouns of sport, music and local politics, and the relatives only a person has."""
    words, persons = lexicon("fr", "actors"), lexicon("fr", "persons")
    person_nouns = set(words["cue_nouns"]["PERSON"])
    assert {"rappeur", "cycliste", "ailier", "humoriste", "conseillère municipale", "préfète"} <= person_nouns
    assert not {"sportif", "international", "général", "financier"} & person_nouns  # adjectives end ORG cues
    assert {"femme", "coéquipier", "compatriote"} <= set(persons["relative_nouns"])
    assert not {"avocat", "entraîneur", "agent"} & set(persons["relative_nouns"])  # a company has them too
    cues = PersonCues(words, persons, frozenset({"Suisse", "Argentine"}))
    assert "bresilien" in cues.nationalities and "ivoiriennes" not in cues.invariable


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an age set off after the name
        ("Vitinha, 25 ans, a prolongé son contrat jusqu'en 2029.", "Vitinha"),
        # an apposition with a person's noun
        ("Mardi soir, Dadju, le chanteur franco-congolais, a rempli l'Accor Arena.", "Dadju"),
        # a relative after a possessive, no other name between
        ("Ninho est arrivé à la cérémonie avec sa mère et ses deux frères.", "Ninho"),
        # a quote in the first person that the name says
        ("« J'ai toujours rêvé de ce maillot », a confié Gavi après l'entraînement.", "Gavi"),
        # a nationality said as a noun opening the next sentence
        ("Pedri a prolongé jusqu'en 2030. L'Espagnol touchera un salaire revu à la hausse.", "Pedri"),
        # a person's noun of the larger family, right before the name
        ("Le rappeur Soolking sera en concert à Lille le 3 octobre.", "Soolking"),
    ],
)
def test_a_one_word_name_the_text_shows_to_be_a_person(nlp, text, name):
    assert types_of(nlp, text).get(name) == "PERSON"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a company's apposition names no person's noun
        ("Qonto, la néobanque des indépendants, a levé 200 millions d'euros.", "Qonto"),
        # "N ans après": no age
        ("Sorela, sept ans après sa création, compte 500 000 clients.", "Sorela"),
        # an organisation speaks as "nous"
        ("« Nous allons ouvrir dix agences », a annoncé Kiloutou mardi.", "Kiloutou"),
        # after a preposition the apposition is about someone else
        ("À Quimperlé, le maire a démissionné mardi.", "Quimperlé"),
        # the person's noun opens another name
        ("Dunkerque, l'entraîneur Luis Castro en tête, a fêté la montée.", "Dunkerque"),
        # another name stands between the candidate and the relative
        ("Lorient a accueilli Paul Leclerc et sa femme pour le match.", "Lorient"),
    ],
)
def test_a_company_or_a_place_stays_what_it_was(nlp, text, name):
    assert types_of(nlp, text).get(name) != "PERSON"


@pytest.mark.slow
def test_a_nationality_after_a_person_noun_is_that_person_not_the_subject(nlp):
    """"X a vendu son attaquant. Le Brésilien …" is the attacker: X keeps its type."""
    types = types_of(nlp, "Botafogo a perdu son attaquant vedette. Le Brésilien rejoindra Lyon.")
    assert types.get("Botafogo") != "PERSON"
    assert "Brésilien" not in types  # a nationality said as a noun names nobody


@pytest.mark.slow
def test_a_state_named_like_a_nationality_stays_a_place(nlp):
    types = types_of(nlp, "Les Français ont voté dimanche. L'Argentine a battu la Suisse et la Corse attend.")
    assert types.get("Argentine") == "LOC" and types.get("Suisse") == "LOC"
    assert "Corse" in types
    assert "Français" not in types


@pytest.mark.slow
def test_a_team_between_a_person_noun_and_the_person_is_no_person(nlp):
    """"le pilote Red Bull Max Verstappen": the person is Verstappen, the team qualifies the noun."""
    types = types_of(nlp, "Le pilote Alpine Pierre Gasly a terminé cinquième. Le conseiller municipal Horizons "
                          "Charles Martin a démissionné.")
    assert types.get("Pierre Gasly") == "PERSON" and types.get("Charles Martin") == "PERSON"
    assert types.get("Alpine") != "PERSON" and types.get("Horizons") != "PERSON"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        # weaker cues, where the model itself took the word for a person
        ("Gavi a retrouvé son entraîneur mardi après sa blessure.", "Gavi", True),
        ("Kanté s'est dit très heureux de ce retour à Lens.", "Kanté", True),
        # quiet: the model did not take it for a person; a company too may feel "confiant"
        ("Vinted s'est dit confiant pour l'année 2026.", "Vinted", False),
    ],
)
def test_weaker_cues_agree_with_the_model(nlp, text, name, person):
    assert (types_of(nlp, text).get(name) == "PERSON") is person


def test_a_persons_noun_is_read_at_a_token_over_one_or_two_tokens_and_nowhere_else():
    cues = PersonCues(lexicon("fr", "actors"), lexicon("fr", "persons"), frozenset())
    folded = ["avec", "sa", "petite", "amie", "et", "sa", "femme", ",", " ", "aujourd'hui"]
    assert cues._noun_at(folded, 2, cues.relatives) == 2  # "petite amie": two tokens
    assert cues._noun_at(folded, 6, cues.relatives) == 1  # "femme"
    assert cues._noun_at(folded, 1, cues.relatives) == 0  # "sa" opens no noun
    assert cues._noun_at(folded, 9, cues.relatives) == 0  # "aujourd'" opens none either
    assert cues._noun_at(folded, 8, cues.relatives) == 0  # a space token: read past, as before
    assert cues._noun_at(folded, 10, cues.relatives) == 0  # past the end
    assert cues._noun_at([" ", "femme"], 0, cues.relatives) == 2  # the space, then the noun
