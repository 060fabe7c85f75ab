"""Three rules of the qualified descriptions (extract/actors/descriptions.py) each guarded by a row
that fails without it, and the sector rule that leaves a description unresolved when a candidate
shows only part of what it says (extract/actors/description_sectors.py).

Sentences written for this test, on invented actors.
"""

from __future__ import annotations

import pytest

from tests.conftest import resolved_key


@pytest.mark.slow
def test_a_clause_partner_is_no_candidate(nlp):
    """Castelmar controls "s'offrir": it does not buy itself, so "l'industriel lyonnais" is the
    company in focus before (clause_partners in ``_in_focus``)."""
    text = ("La société Orvane a publié ses comptes. Le groupe Castelmar a proposé deux milliards d'euros "
            "pour s'offrir l'industriel lyonnais.")
    assert resolved_key(nlp, text, "l'industriel lyonnais") == "org:Orvane"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Ardival Capital a racheté une usine à Helvion Pharmaceuticals. L'industriel pharmaceutique emploiera "
    "300 personnes sur le site.",
    "Ardival Capital a racheté une usine à Helvion Pharmaceuticals. Selon l'industriel pharmaceutique, le "
    "site emploiera 300 personnes.",
])
def test_the_sector_said_narrows_a_qualified_description(nlp, text):
    """"pharmaceutique" is shown by Helvion's name, not by the fund that is the subject."""
    surface = "L'industriel pharmaceutique" if "L'industriel" in text else "l'industriel pharmaceutique"
    assert resolved_key(nlp, text, surface) == "org:Helvion Pharmaceuticals"


@pytest.mark.slow
def test_a_company_named_in_a_quote_is_a_last_resort(nlp):
    """The company a director names inside his quote is his words, not the article's subject."""
    text = ("Le groupe Veltra a publié ses comptes. « La société Norvane ne nous fait pas peur », a déclaré "
            "son directeur. L'industriel lyonnais a promis de nouvelles usines.")
    assert resolved_key(nlp, text, "L'industriel lyonnais") == "org:Veltra"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "surface"), [
    # a fund shows investment, not banking; the company shows nothing: the bank is not named
    ("Le fonds Brixel Partners a racheté la société Orvane. Selon son directeur, la banque publique "
     "d'investissement a refusé d'entrer au capital.", "la banque"),
    ("Le laboratoire Helvion a racheté la société Orvane. Selon son président, la banque de la santé "
     "a refusé de prêter.", "la banque"),
])
def test_a_description_partly_shown_by_a_candidate_stays_unresolved(nlp, text, surface):
    assert resolved_key(nlp, text, surface) is None


@pytest.mark.slow
def test_one_sector_said_and_shown_by_nobody_keeps_the_company(nlp):
    """One sector said, nobody in view shows any: focus decides, as before."""
    text = "La société Orvane a ouvert une usine. Selon la banque d'investissement, le site coûtera 40 millions."
    assert resolved_key(nlp, text, "la banque") == "org:Orvane"
