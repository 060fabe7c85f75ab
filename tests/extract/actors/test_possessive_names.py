"""Names ending in an English possessive "'s" stay whole: the French tokenizer cut "Moody's"
after the apostrophe, as it cuts an elided "l'", and the actor was named "Moody'".

Sentences written for this test (invented companies, except the rating agency named in one).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("L'agence Moody's a abaissé mardi la note de la région.", "Moody's"),
        ("Selon Harwell’s, les ventes ont reculé de 4 % au premier trimestre.", "Harwell’s"),
        ("Le groupe Brandon's a racheté la chaîne Quickmart en 2024.", "Brandon's"),
    ],
)
def test_a_name_keeps_its_possessive_s(nlp, text, name):
    doc = run_dated(nlp, text, dt.date(2026, 3, 2))
    names = {e.name for e in doc._.entities}
    assert name in names
    assert name[:-1] not in names


def test_a_possessive_name_is_one_token_and_french_elision_is_still_cut(nlp):
    doc = nlp.make_doc("Standard & Poor's et Moody's l'ont dit aujourd'hui d'Orléans.")
    words = [token.text for token in doc]
    assert "Poor's" in words and "Moody's" in words
    assert words[words.index("Moody's") + 1] == "l'"  # the elided article stays its own word
    assert "aujourd'hui" in words and "d'" in words
