"""A generic description repeated as a subject keeps its actor (extract/actors/coref_generic.py).

Sentences written for this test, on invented actors.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow


def keys_of(nlp, text: str, surface: str) -> list[str]:
    """The actor keys of every mention whose text is ``surface``, in text order."""
    doc = run_dated(nlp, text, dt.date(2024, 5, 14))
    return [m.key for m in sorted(doc._.actor_mentions, key=lambda m: m.start)
            if doc.text[m.start : m.end].lower() == surface]


def test_a_subject_description_named_again_keeps_its_actor(nlp):
    text = ("Le gouvernement a placé la société Velora sous tutelle. La société était contrôlée par le groupe "
            "Ardival, basé à Oslo, qui en détenait la majorité via le fonds Brixel. Avant la crise, la société "
            "achetait son acier en Chine.")
    assert keys_of(nlp, text, "la société") == ["org:Velora", "org:Velora"]


def test_another_subject_in_between_ends_the_topic(nlp):
    text = ("Le gouvernement a placé la société Velora sous tutelle. La société était contrôlée par le groupe "
            "Ardival. Le groupe Ardival a ensuite cédé ses parts à Brixel. Avant la crise, la société achetait "
            "son acier en Chine.")
    assert "org:Velora" not in keys_of(nlp, text, "la société")[1:]
