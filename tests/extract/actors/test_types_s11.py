"""Eleventh session typing rules, on the real French model: unknown names the NER took for places
typed as products by the verb that launches or sells them (extract/actors/launch_types.py) and as
organisations by the role noun they complete (extract/actors/role_types.py); a name before a
clause's subject; a team noun before a person's cue. Sentences written for the test; quiet rows
keep a place a place and an apposition an apposition."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import entity_types, resolved_key, run_dated

pytestmark = pytest.mark.slow


def types_of(nlp, text: str) -> dict[str, str]:
    return entity_types(nlp, text, dt.date(2025, 9, 12))


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Le laboratoire Novexa commercialise le Zentrol depuis mars.", "Zentrol", "PRODUCT"),
        ("Le laboratoire Halvane a lancé le Tibrexa aux États-Unis.", "Tibrexa", "PRODUCT"),
        # quiet: a known country stays a place, whatever the verb; what a place is said to be
        ("Le groupe Velora a lancé le Mexique comme son premier marché.", "Mexique", "LOC"),
        ("Le ministre a lancé la Normandie comme une marque touristique.", "Normandie", "LOC"),
    ],
)
def test_what_a_company_launches_is_a_product(nlp, text: str, name: str, expected: str) -> None:
    assert types_of(nlp, text)[name] == expected


def test_the_launch_is_then_found(nlp) -> None:
    doc = run_dated(nlp, "Le laboratoire Halvane a lancé le Tibrexa aux États-Unis.", dt.date(2025, 9, 12))
    assert [(e.type, e.sources, e.targets) for e in doc._.events] == [
        ("LAUNCH", ("org:Halvane",), ("product:Tibrexa",))]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Marie Dupont, ancienne directrice de Brindle, a rejoint la Croix-Rouge.", "Brindle", "ORG"),
        # quiet: a role whose complement may be a place, and a place's mayor
        ("Le président de la Corrèze a salué l'accord.", "Corrèze", "LOC"),
    ],
)
def test_what_a_role_noun_is_of_is_an_organisation(nlp, text: str, name: str, expected: str) -> None:
    assert types_of(nlp, text)[name] == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a fronted participle's last name before the clause's subject is no apposition of it
        ("Fondée en 2019 par Léa Marchal et Hugo Vidal, la société édite un logiciel de paie.", "Hugo Vidal", "PERSON"),
        # quiet: a true apposition still types the name (an apposition the parser made the subject,
        # closed by its comma: the Korvan row of tests/extract/relations/test_relations.py)
        ("Zelvio, une start-up nantaise, a levé 5 millions d'euros.", "Zelvio", "ORG"),
        # "cycliste" after a team noun is no person's cue
        ("L'équipe cycliste Groupama Azur a recruté le grimpeur Léo Marin.", "Groupama Azur", "ORG"),
    ],
)
def test_a_name_before_a_subject_or_after_a_team_noun(nlp, text: str, name: str, expected: str) -> None:
    assert types_of(nlp, text)[name] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a general noun or an age noun followed by a participle or a relative is someone new
        ("Le maire de Brest, Paul Roux, a porté plainte mardi. Le quinquagénaire soupçonné d'avoir tagué "
         "la mairie a été interpellé jeudi.", "Le quinquagénaire", None),
        ("L'entraîneur du FC Lorient, Paul Roux, a été interrogé. Le technicien chargé de la vidéo a été "
         "suspendu.", "Le technicien", None),
        # ... and the plain noun still stands for the one person named
        ("Le club de Lorient s'est séparé de son entraîneur, Paul Roux. Le technicien a quitté le stade.",
         "Le technicien", "person:Paul Roux"),
    ],
)
def test_a_general_person_noun_with_a_restriction_is_someone_new(nlp, text: str, surface: str, expected) -> None:
    assert resolved_key(nlp, text, surface) == expected
