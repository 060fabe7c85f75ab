"""A definite event noun retells the happening the article dates elsewhere; "sans" negates.

Sentences written for this test, on invented actors.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow



def run(nlp, text: str):
    return run_dated(nlp, text, dt.date(2024, 3, 12))


def test_the_purchase_retold_by_a_definite_noun_takes_the_told_date(nlp):
    doc = run(nlp, "Le Sporting Club de Valdor a changé de mains. Marc Tellier devenait en mars 2021 l'actionnaire "
                   "majoritaire du Sporting Club de Valdor. Trois ans après le rachat du Sporting Club de Valdor par "
                   "Tellia Holding, les supporters protestent.")
    dates = {(e.type, e.sources): e.date for e in doc._.events}
    assert dates[("ACQUIRE", ("org:Tellia Holding",))] == "2021-03"


def test_two_dated_purchases_leave_the_retelling_undated(nlp):
    doc = run(nlp, "Marc Tellier devenait en mars 2021 l'actionnaire majoritaire du Sporting Club de Valdor. Paul "
                   "Verdier devenait en mai 2023 l'actionnaire majoritaire du Sporting Club de Valdor. Un an après le "
                   "rachat du Sporting Club de Valdor par Tellia Holding, les supporters protestent.")
    dates = {(e.type, e.sources): e.date for e in doc._.events}
    assert ("ACQUIRE", ("org:Tellia Holding",)) in dates
    assert dates[("ACQUIRE", ("org:Tellia Holding",))] is None


def test_a_clause_opened_by_sans_is_negated(nlp):
    doc = run(nlp, "La Commission a sanctionné Amazon sans exiger la cession de Zoox.")
    modalities = {e.type: e.modality for e in doc._.events}
    assert modalities["REQUEST"] == "negated"
    assert modalities["ACCUSE"] == "asserted"
