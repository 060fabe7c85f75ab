"""A trade description ("le constructeur", "le fabricant") opening its sentence as its subject
continues the subject of the sentence before (extract/actors/coref_generic.py, ``_previous_subject``), not the actor that
sentence named last in a complement.

Sentences written for this test, on invented actors.
"""

from __future__ import annotations

import pytest

from tests.conftest import resolved_key


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the customer named last is a complement; the seller was the subject
        ("Le groupe Veltra a remporté une commande de trente trains auprès de la compagnie danoise "
         "Skyvia. Le constructeur a ainsi devancé ses concurrents asiatiques.", "Le constructeur", "org:Veltra"),
        ("La société Orvane a signé un contrat de dix ans avec la compagnie Telvia. Le fabricant "
         "fournira les antennes dès 2025.", "Le fabricant", "org:Orvane"),
    ],
)
def test_the_subject_before_continues(nlp, text, surface, expected):
    assert resolved_key(nlp, text, surface) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # two companies were the subject: the actor named last, as before
        "La société Orvane et la société Brindle ont signé un contrat avec la compagnie Telvia. "
        "Le fabricant fournira les antennes dès 2025.",
        # a generic noun keeps to the actor named last
        "La société Orvane a signé un contrat de dix ans avec la compagnie Telvia. L'entreprise "
        "fournira les antennes dès 2025.",
    ],
)
def test_otherwise_the_last_named(nlp, text):
    surface = "Le fabricant" if "Le fabricant" in text else "L'entreprise"
    assert resolved_key(nlp, text, surface) == "org:Telvia"
