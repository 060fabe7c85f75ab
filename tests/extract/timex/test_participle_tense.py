"""A bare past participle dates its month or day in the past, unless it looks ahead.

Sentences written for this test, published on 2022-12-21: "l'opération annoncée fin mai" is May
2022 (done), "le sommet prévu en mars" March 2023 (ahead: a prospective participle), "Réélu en
novembre" November 2022.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2022, 12, 21)


@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("La Commission se penche sur l'opération annoncée fin mai.", "fin mai", "2022-05"),
    ("Le régulateur examine le contrat signé en octobre.", "octobre", "2022-10"),
    ("Réélu en novembre, le maire a nommé son équipe.", "novembre", "2022-11"),
    ("Le sommet, prévu en mars, réunira vingt pays.", "mars", "2023-03"),
    ("Le match, reporté au 12 mars, se jouera à huis clos.", "12 mars", "2023-03-12"),
])
def test_a_bare_participle_gives_its_date_a_direction(nlp, sentence, text, value):
    doc = run_dated(nlp, sentence, PUBLISHED)
    assert [(t.text, t.value) for t in doc._.timexes] == [(text, value)]
