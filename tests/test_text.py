"""The one text normaliser: apostrophes, case and accents the same way in every module."""

from __future__ import annotations

import pytest

from chronique.text import APOSTROPHES, fold, fold_key, unify_apostrophes, without_accents


@pytest.mark.parametrize("apostrophe", list(APOSTROPHES))
def test_every_apostrophe_is_written_straight(apostrophe):
    assert unify_apostrophes(f"l{apostrophe}entreprise") == "l'entreprise"
    assert fold(f"L{apostrophe}Entreprise") == "l'entreprise"


def test_fold_keeps_every_offset():
    text = "D’après l’AFP, Élysée"
    assert len(fold(text)) == len(text)
    assert fold(text).index("afp") == text.index("AFP")
    assert fold(text) == "d'après l'afp, élysée"  # accents are kept


def test_fold_key_is_caseless_and_canonical():
    assert fold_key("STRASSE") == fold_key("Straße") == "strasse"
    assert fold_key("E\u0301lyse\u0301e") == fold_key("Élysée") == "élysée"
    assert fold_key("L’Oréal") == "l'oréal"


def test_without_accents_drops_combining_marks():
    assert without_accents("Élysée") == "elysee"
    assert without_accents("ça coûte") == "ca coute"
    assert without_accents("l’État") == "l’etat"  # apostrophes are not its business
