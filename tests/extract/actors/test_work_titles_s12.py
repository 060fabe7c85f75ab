"""Titles of works in quotation marks are products (twelfth session): the noun of their kind
announces them a few words before the opening mark, or describes them after a comma
(extract/actors/work_titles.py, actors.toml ``[work_titles]``). Sentences written for the test, on
the real French model; quiet rows keep someone's words in guillemets from becoming a title."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import entity_types, run_dated

pytestmark = pytest.mark.slow


def types_of(nlp, text: str) -> dict[str, str]:
    return entity_types(nlp, text, dt.date(2026, 4, 7))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("La chaîne a annoncé l'arrêt de l'émission « Matins d'Armor » à la rentrée.", "Matins d'Armor"),
        ("La série « Les Vagues du Nord », relancée en 2024, est prolongée d'une saison.", "Les Vagues du Nord"),
        ("Le studio a dévoilé son nouveau jeu de course, « Hydrofury », attendu à l'automne.", "Hydrofury"),
        ("L'éditeur publiera en mai « Le Phare aux corbeaux », le premier roman de Léa Marchal.",
         "Le Phare aux corbeaux"),
        # an example of the kind, after its maker
        ("Le studio a produit des séries de Marc Olivier comme « Les Quais gris ».", "Les Quais gris"),
        # a list of titles after the noun of their kind
        ("Le studio est à l'origine de films tels que « Nuit blanche à Oran » et « Le Dernier Quai ».",
         "Le Dernier Quai"),
    ],
)
def test_a_quoted_title_of_a_work_is_a_product(nlp, text: str, name: str) -> None:
    assert types_of(nlp, text).get(name) == "PRODUCT"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # someone's words after the noun: a personal pronoun, a reporting incise
        ("Pour l'album, « Nous avons voulu tout changer », raconte le chanteur Paul Darcy.", "Nous avons voulu tout changer"),
        ("Sur le film, « Rien ne sera plus pareil », a réagi la réalisatrice Anne Vidal.", "Rien ne sera plus pareil"),
        # a word of its own in guillemets, in lower case
        ("Le livre dénonce une « mise en scène » du pouvoir.", "mise en scène"),
    ],
)
def test_speech_in_guillemets_is_no_title(nlp, text: str, words: str) -> None:
    assert words not in types_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a preposition other than the noun's own complements ends the window: not a kind of work
        ("L'essai de l'Irlande en « Coupe du monde » a été refusé par l'arbitre.", "Coupe du monde"),
        # "sur": the book is about the party, the party is no book
        ("Le livre de Paul Roux sur « Les Verts » sort en mai.", "Les Verts"),
    ],
)
def test_a_quote_after_another_preposition_is_no_title(nlp, text: str, name: str) -> None:
    assert types_of(nlp, text).get(name) != "PRODUCT"


@pytest.mark.parametrize(
    "text",
    [
        "La présidente Anne Vidal a défendu la série phare de la chaîne, « Les Vagues du Nord », devant les élus.",
        "Anne Vidal, la directrice, défend le nouveau roman de Léa Marchal, « Le Phare aux corbeaux ».",
    ],
)
def test_a_works_title_is_nobodys_words(nlp, text: str) -> None:
    doc = run_dated(nlp, text, dt.date(2026, 4, 7))
    assert [(q.text, q.speaker) for q in doc._.quotes] == [(text.split("« ")[1].split(" »")[0], None)]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Le groupe Velia a lancé une nouvelle batterie, baptisée Shenxing.", "Shenxing", "PRODUCT"),
        ("Le constructeur a dévoilé un SUV électrique baptisé Kaelo.", "Kaelo", "PRODUCT"),
        ("Les deux fondateurs ont créé une société appelée Orvane en 2019.", "Orvane", "ORG"),
        # a participle of a compound tense appoints or calls someone: it names no noun
        ("La société a nommé Paul Roux directeur général.", "Paul Roux", "PERSON"),
        ("Le constructeur a appelé Marie Leroy pour diriger l'usine.", "Marie Leroy", "PERSON"),
    ],
)
def test_a_name_given_by_a_participle_takes_the_kind_of_its_noun(nlp, text: str, name: str, expected: str) -> None:
    assert types_of(nlp, text).get(name) == expected
