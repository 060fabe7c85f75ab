"""A lead sentence with no finite verb tells the news of the day, like one in the present.

Sentences written for this test (other actors than the development articles): "Quatre clubs
(A, B, C et D) se disant prêts à fonder X" is press style for "se disent prêts"; in the first
paragraph it takes the document's main date. A lead sentence in the imperfect stays undated.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow



def dates(nlp, text: str) -> dict[tuple[str, str], str | None]:
    doc = run_dated(nlp, text, dt.date(2024, 3, 12))
    return {(e.type, s): e.date for e in doc._.events for s in e.sources}


def test_a_verbless_lead_sentence_takes_the_main_date(nlp):
    found = dates(nlp, "L'annonce lundi de la Northern League a surpris. Quatre clubs anglais (Everton, Fulham, "
                       "Brentford et Burnley) se disant prêts à fonder cette compétition.")
    assert found[("FOUND", "org:Everton")] == "2024-03-11"
    assert found[("FOUND", "org:Burnley")] == "2024-03-11"


def test_a_lead_sentence_in_the_imperfect_stays_undated(nlp):
    found = dates(nlp, "L'annonce lundi de la Northern League a surpris. Quatre clubs anglais (Everton, Fulham, "
                       "Brentford et Burnley) voulaient fonder cette compétition.")
    assert ("FOUND", "org:Everton") in found
    assert found[("FOUND", "org:Everton")] is None


def test_a_night_in_the_lead_dates_it_by_its_first_day(nlp):
    found = dates(nlp, "L'annonce dans la nuit de dimanche à lundi de la Northern League a surpris. Quatre clubs "
                       "anglais (Everton, Fulham, Brentford et Burnley) se disant prêts à fonder cette compétition.")
    assert found[("FOUND", "org:Everton")] == "2024-03-10"
