"""Local institutions named by their head and their place (twelfth session), on the real French
model: heads of several words with an apostrophe ("la chambre d'agriculture de X"), heads written
as acronyms ("le CHU de Brest", which the model reads as a place), and a place that keeps its
article after "de" ("de la Manche"). Sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import entity_types, run_dated

pytestmark = pytest.mark.slow


def types_of(nlp, text: str) -> dict[str, str]:
    return entity_types(nlp, text, dt.date(2026, 3, 2))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le centre hospitalier de Lorient et la clinique de Quimperlé vont coopérer.", "centre hospitalier de Lorient"),
        ("Le CHU de Brest a ouvert un nouveau service mardi.", "CHU de Brest"),
        ("La caisse primaire d'assurance maladie du Morbihan a porté plainte.",
         "caisse primaire d'assurance maladie du Morbihan"),
        ("La chambre d'agriculture de la Manche a voté mardi contre le projet.", "chambre d'agriculture de la Manche"),
        ("La communauté de communes de Pontivy a voté le budget.", "communauté de communes de Pontivy"),
    ],
)
def test_a_local_institution_is_an_organisation(nlp, text: str, name: str) -> None:
    assert types_of(nlp, text).get(name) == "ORG"


def test_a_place_after_its_article_is_still_a_place(nlp) -> None:
    # "de la" before a lower-case word names no place: no institution is made of it
    found = types_of(nlp, "La chambre d'agriculture de la région a voté mardi.")
    assert not any(name.startswith("chambre") for name in found)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("La Fondation Brigitte Bardot a critiqué le zoo de Beauval.", "Fondation Brigitte Bardot", "ORG"),
        ("La fondation Jean Jaurès a publié une note sur les retraites.", "fondation Jean Jaurès", "ORG"),
        ("Le lycée Victor-Hugo de Poitiers a fermé ses portes mardi.", "lycée Victor-Hugo de Poitiers", "ORG"),
        ("L'hôpital Georges-Pompidou a été visé par une cyberattaque.", "hôpital Georges-Pompidou", "ORG"),
    ],
)
def test_a_house_named_after_a_person_is_the_house(nlp, text: str, name: str, expected: str) -> None:
    found = types_of(nlp, text)
    assert found.get(name) == expected
    assert "PERSON" not in found.values()


def test_a_house_of_its_own_name_keeps_it(nlp) -> None:
    # "Privacy International" opens on no first name: the association's own name, the head apart
    found = types_of(nlp, "L'association Privacy International a saisi la Cnil en 2018.")
    assert found.get("Privacy International") == "ORG"


def test_an_acronym_the_model_took_for_a_place_is_the_first_word_of_a_name(nlp) -> None:
    doc = run_dated(nlp, "L'armateur MSC Croisières a commandé deux navires. MSC avait annulé l'an dernier "
                         "une commande passée auprès de l'italien Fincantieri.", dt.date(2026, 3, 2))
    msc = [m for m in doc._.actor_mentions if doc.text[m.start:m.end] == "MSC"]
    assert [m.key for m in msc] == ["org:MSC Croisières"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le parc d'attractions Puy du Fou a racheté un hôtel à Nantes.", "Puy du Fou"),
        ("Le constructeur naval Chantiers de l'Atlantique a reçu une commande.", "Chantiers de l'Atlantique"),
        ("Le zoo de Beauval a accueilli deux pandas mardi.", "zoo de Beauval"),
    ],
)
def test_an_organisation_named_with_an_inner_article_or_by_its_place(nlp, text: str, name: str) -> None:
    assert types_of(nlp, text).get(name) == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        # a head with a complement of its own is not bare: the region's government, not the article's
        "Le gouvernement de la région Bretagne a voté une aide aux pêcheurs.",
    ],
)
def test_a_head_with_its_own_complement_is_no_bare_institution(nlp, text):
    doc = run_dated(nlp, text, dt.date(2026, 3, 2))
    bare = [doc.text[m.start : m.end] for m in doc._.actor_mentions if " " not in doc.text[m.start : m.end]]
    assert "gouvernement" not in bare
