"""A description named before its name (extract/actors/coref_cataphora.py): with no candidate before
it, the one actor named after it (its sentence and the next) that agrees positively with the origin
or the sector it says.

Sentences written for this test, on invented actors; quiet rows where it must stay unresolved.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import resolved_key, run_dated


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the origin said, the article places the name after it in that country
        ("La société Orvane a rompu son contrat avec le géant des télécoms suédois, selon la presse. "
         "Le suédois Telvia a confirmé la rupture.", "org:Telvia"),
        # the sector said, shown by the name after it
        ("La société Orvane a rompu son contrat avec le géant pharmaceutique, selon la presse. Helvion "
         "Pharmaceuticals a confirmé la rupture.", "org:Helvion Pharmaceuticals"),
    ],
)
def test_the_name_after_it(nlp, text, expected):
    assert resolved_key(nlp, text, "le géant") == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # two names after it fit
        "La société Orvane a rompu son contrat avec le géant des télécoms suédois, selon la presse. Le "
        "suédois Telvia et le suédois Norvia ont confirmé la rupture.",
        # the name after it is of no known country and shows no sector: no evidence
        "La société Orvane a rompu son contrat avec le géant suédois, selon la presse. La société Telvia "
        "a confirmé la rupture.",
        # the description says neither origin nor sector
        "La société Orvane a rompu son contrat avec le géant, selon la presse. La société Telvia a "
        "confirmé la rupture.",
    ],
)
def test_no_guess_ahead(nlp, text):
    assert resolved_key(nlp, text, "le géant") is None


@pytest.mark.slow
def test_a_resolved_subject_owns_its_brands(nlp):
    """Once "Le géant des télécoms suédois" is Telvia, "ses marques Telvia et Norra" are its own: the
    relations' possessor is not the agency named before (extract/relations/doc_actors.py)."""
    text = ("La société Orvane a rompu son contrat avec le géant des télécoms suédois Telvia. « Telvia ne "
            "pourra plus utiliser nos services », précise une source citée par l'agence Brixa. Le géant des "
            "télécoms suédois a réagi dans la journée indiquant qu'il allait continuer à fournir des mises à "
            "jour à tous les smartphones de ses marques Telvia et Norra.")
    doc = run_dated(nlp, text, dt.date(2024, 5, 14))
    assert not any(r.target == "org:Brixa" for r in doc._.relations)
