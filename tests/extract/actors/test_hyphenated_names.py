"""Hyphenated names stay whole: the tokenizer cuts "Poupart-Lafarge" into three tokens and the
model stops at the hyphen, so a surname or a first name written with a glued hyphen was cut short.

Sentences written for this test (invented people).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Nous tiendrons les délais », a déclaré Hélène Marchand-Delorme, PDG de Ferroviaire Delta.",
         ("Hélène Marchand-Delorme", "PERSON")),
        ("Le président du club, Jean-Marc Vasseur-Ribot, a démissionné jeudi.", ("Jean-Marc Vasseur-Ribot", "PERSON")),
        ("« Rien n'est décidé », a précisé mardi Paul-Henri Lestrade-Morin.", ("Paul-Henri Lestrade-Morin", "PERSON")),
    ],
)
def test_a_name_runs_through_its_glued_hyphens(nlp, text, expected):
    doc = run_dated(nlp, text, dt.date(2026, 3, 2))
    assert expected in {(e.name, e.type) for e in doc._.entities}
    cut = expected[0].rsplit("-", 1)[0]
    assert cut not in {e.name for e in doc._.entities}


def test_a_spaced_dash_is_not_part_of_a_name(nlp):
    doc = run_dated(nlp, "Jean Morel - Lyon a perdu son procès.", dt.date(2026, 3, 2))
    assert "Jean Morel - Lyon" not in {e.name for e in doc._.entities}
    assert not any(e.name.endswith("-Lyon") for e in doc._.entities)
