"""Thirteenth session typing: an unknown name typed by the words before it that only an
organisation takes: where one works ("chez X"), what one runs or founded ("qui dirige X", "a
cofondé X"), whom a spokesperson or a lawyer speaks for ("porte-parole de X", "l'avocat de X")
(``actors.toml: org_context_before``). Sentences written for the test, on invented actors;
quiet rows keep a person a person."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import entity_types

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
    ],
)
def test_what_one_works_at_runs_or_speaks_for_is_an_organisation(nlp, text: str, name: str, expected: str) -> None:
    assert types_of(nlp, text)[name] == expected
