"""Thirteenth session typing: an unknown name typed by the words before it that only an
organisation takes: where one works ("chez X"), what one runs or founded ("qui dirige X", "a
cofondé X"), whom a spokesperson or a lawyer speaks for ("porte-parole de X", "l'avocat de X")
(``actors.toml: org_context_before``). Sentences written for the test, on invented actors;
quiet rows keep a person a person. A civil title before a surname ("M. Garnier", "Mme Morel") is no part
of the name (``actors.toml: civil_titles``). A description with its trade complement before a comma
names the organisation set after it ("Le leader mondial du verre, X,": ``patterns``), unless a head that
names a person too introduces a person's full name ("Le champion olympique du judo, Teddy Riner,").
A large city the model found stays a city after those words ("qui dirige Marseille": ``places.toml: cities``)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import entity_types, quote_speakers, run_dated

pytestmark = pytest.mark.slow


def types_of(nlp, text: str) -> dict[str, str]:
    return entity_types(nlp, text, dt.date(2024, 5, 14))


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Jean Lorrain, qui dirige Nexima depuis 2020, a annoncé un plan d'économies.", "Nexima", "ORG"),
        ("Hugo Brun a cofondé Drivalo en 2015 avec deux amis.", "Drivalo", "ORG"),
        ("Jean Lorrain, porte-parole de Nexima, a démenti.", "Nexima", "ORG"),
        ("Jean Lorrain, l'avocat de Nexima, a démenti.", "Nexima", "ORG"),
        ("« Nous étudions toutes les options », indique-t-on chez Velmar.", "Velmar", "ORG"),
        # quiet: a person's full name after the same words stays a person
        ("Elle a dîné chez Jeanne Morel avant le conseil.", "Jeanne Morel", "PERSON"),
        ("La start-up a été fondée par Hugo Brun en 2015.", "Hugo Brun", "PERSON"),
        # quiet: a large city the model found stays a city after the same words (places.toml: cities)
        ("Benoît Payan, qui dirige Marseille depuis 2020, a critiqué le gouvernement.", "Marseille", "LOC"),
        ("L'avocat de Marseille a plaidé la relaxe du maire.", "Marseille", "LOC"),
        ("Selon un communiqué de Paris, la délégation arrivera lundi.", "Paris", "LOC"),
        # quiet: the surname a civil title was cut from stays a person, alone in the article
        ("« Mon client est innocent », a déclaré Me Dubois.", "Dubois", "PERSON"),
    ],
)
def test_what_one_works_at_runs_or_speaks_for_is_an_organisation(nlp, text: str, name: str, expected: str) -> None:
    assert types_of(nlp, text)[name] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "names"),
    [
        # a civil title is no part of the name: the surname joins the person named in full
        ("Paul Garnier, le maire de Tours, a présenté son budget. « Nous n'augmenterons pas les impôts », "
         "a déclaré M. Garnier.", "Paul Garnier", {"Paul Garnier", "Tours"}),
        # of two people sharing the surname, the one whose first name agrees with the title
        ("Jeanne Morel et son frère Louis Morel dirigent la fromagerie. « Nous allons agrandir », "
         "a annoncé Mme Morel.", "Jeanne Morel", {"Jeanne Morel", "Louis Morel"}),
        # quiet: a title saying no gender joins neither
        ("Jeanne Morel et son frère Louis Morel dirigent la fromagerie. « Nous allons agrandir », "
         "a annoncé Me Morel.", "Morel", {"Jeanne Morel", "Louis Morel", "Morel"}),
    ],
)
def test_a_civil_title_before_a_surname(nlp, text: str, speaker: str, names: set[str]) -> None:
    doc = run_dated(nlp, text, dt.date(2024, 5, 14))
    assert quote_speakers(doc) == [(doc._.quotes[0].text, speaker)]
    assert {e.name for e in doc._.entities} == names


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a description with its trade complement, then the name in apposition
        ("Le leader mondial du verre, Saverglass, a annoncé un plan de départs.", "Saverglass", "ORG"),
        ("Le spécialiste français de l'acier, Forvial, a levé 20 millions d'euros.", "Forvial", "ORG"),
        # quiet: a person's title before the comma names a person
        ("Le patron du groupe, Marc Olivier, a démissionné.", "Marc Olivier", "PERSON"),
        # quiet: a head that names a person too, then a person's full name
        ("Le champion olympique du judo, Teddy Riner, a remporté un nouveau titre.", "Teddy Riner", "PERSON"),
    ],
)
def test_a_name_after_a_description_with_its_trade(nlp, text: str, name: str, expected: str) -> None:
    assert types_of(nlp, text)[name] == expected
