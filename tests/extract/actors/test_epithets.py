"""Common epithets of the French press name their actor ("la marque au losange" is Renault).

Sentences written for this test. Epithets are knowledge-base aliases: general French press usage,
each naming one actor only.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow



@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("La marque au losange a présenté lundi une citadine électrique.", "marque au losange", "renault"),
        ("Selon l'exécutif européen, le géant de Redmond doit ouvrir son magasin d'applications.",
         "géant de Redmond", "microsoft"),
        ("Selon l'exécutif européen, le géant de Redmond doit ouvrir son magasin d'applications.",
         "exécutif européen", "commission-europeenne"),
        ("La banque centrale américaine a relevé ses taux mercredi.", "banque centrale américaine",
         "federal-reserve"),
    ],
)
def test_an_epithet_names_its_actor(nlp, text, surface, expected):
    doc = run_dated(nlp, text, dt.date(2024, 5, 6))
    keys = {m.key for m in doc._.actor_mentions if doc.text[m.start : m.end] == surface}
    assert keys == {expected}
