"""Products named right after the verb that launches them, or in apposition to the noun of their
kind, and names the model runs on into the day that follows them.

Sentences written for this test (invented studios, makers and products).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2026, 3, 2)


def _named(nlp, text):
    doc = run_dated(nlp, text, PUBLISHED)
    return {(e.name, e.type) for e in doc._.entities}, {(e.type, e.sources, e.targets) for e in doc._.events}


@pytest.mark.parametrize(
    ("text", "product", "maker"),
    [
        # the model runs the name on into the weekday, and leaves it untyped
        ("Le studio Pixelune a lancé Astra Rising jeudi.", "Astra Rising", "org:Pixelune"),
        ("Le groupe Velmont a dévoilé Nova Prime lundi à Lyon.", "Nova Prime", "org:Velmont"),
        # the product in apposition to the noun of its kind, after a possessive
        ("Le studio Pixelune a lancé jeudi son nouveau jeu, Astra Rising, sur consoles.", "Astra Rising", "org:Pixelune"),
        ("Le constructeur Velmont commercialise depuis mai sa dernière berline, Nova, en Europe.", "Nova", "org:Velmont"),
    ],
)
def test_a_launched_product_is_named_whole_typed_and_launched(nlp, text, product, maker):
    entities, events = _named(nlp, text)
    assert (product, "PRODUCT") in entities
    assert ("LAUNCH", (maker,), (f"product:{product}",)) in events


def test_a_name_does_not_run_on_into_the_day_told_after_it(nlp):
    entities, _ = _named(nlp, "Le studio Pixelune a lancé Astra Rising jeudi.")
    assert not any(name.endswith("jeudi") for name, _type in entities)


def test_a_bare_untyped_object_of_a_launch_verb_said_to_be_something_else_is_no_product(nlp):
    entities, events = _named(nlp, "La région a lancé Bretagne Active comme marque de territoire.")
    assert ("Bretagne Active", "PRODUCT") not in entities
    assert not any(t == "LAUNCH" for t, _s, _g in events)


@pytest.mark.parametrize(
    ("text", "name", "event"),
    [
        ("La société Ardanel réclame au groupe Lumex 3 millions d'euros.", "Lumex", ("REQUEST", ("org:Ardanel",), ("org:Lumex",))),
        ("Le groupe Lumex verse à la société Ardanel 3 millions d'euros.", "Ardanel", ("PAY", ("org:Lumex",), ("org:Ardanel",))),
    ],
)
def test_a_name_does_not_run_on_into_the_amount_told_after_it(nlp, text, name, event):
    entities, events = _named(nlp, text)
    assert (name, "ORG") in entities
    assert event in events


def test_a_model_number_stays_in_its_name(nlp):
    entities, _ = _named(nlp, "La société Kerlys a lancé le Strato 7 en mars.")
    assert any(name == "Strato 7" for name, _type in entities)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "pour" after a number opens no amount: the number belongs to the name
        ("Le club de Valmont, promu en Ligue 1 pour la première fois, a recruté l'attaquant Paul Mervan.", "Ligue 1"),
        ("La chaîne France 3 pour sa part a signé un accord avec la société de production Kervane.", "France 3"),
    ],
)
def test_a_number_before_pour_stays_in_its_name(nlp, text, name):
    entities, _ = _named(nlp, text)
    assert any(n == name for n, _type in entities)


def test_a_launched_name_an_apposition_calls_a_subsidiary_is_no_product(nlp):
    entities, events = _named(nlp, "Le groupe Velmont a lancé Kelvar Mobilité, une nouvelle filiale.")
    assert ("Kelvar Mobilité", "PRODUCT") not in entities
    assert not any(t == "LAUNCH" for t, _s, _g in events)
