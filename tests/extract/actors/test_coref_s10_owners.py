"""A noun that names a whole company ("le groupe", "la société") never stands for a product or a
subsidiary whose maker or parent is in view (extract/actors/origins.py ``without_parts``,
``references.toml: owner_nouns``); with no parent in view, the subsidiary is a company like any other.

Sentences written for this test; the parents are the knowledge base's (Microsoft owns LinkedIn,
Volkswagen owns Audi).
"""

from __future__ import annotations

import pytest

from tests.conftest import resolved_key


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the subsidiary is named last, its parent before: "le groupe" is the parent
        ("Un tribunal irlandais a donné raison à Microsoft, propriétaire du réseau LinkedIn. Le groupe "
         "pourra garder ses serveurs à Dublin.", "Le groupe", "microsoft"),
        ("Volkswagen a présenté ses comptes, plombés par sa filiale Audi. L'entreprise a promis des "
         "économies.", "L'entreprise", "volkswagen"),
    ],
)
def test_the_parent_not_its_part(nlp, text, surface, expected):
    assert resolved_key(nlp, text, surface) == expected


@pytest.mark.slow
def test_a_subsidiary_without_its_parent_in_view_is_the_group(nlp):
    """No parent in view: the subsidiary is a company like any other."""
    text = "Le réseau LinkedIn a supprimé 600 postes. Le groupe a invoqué la baisse des recrutements."
    assert resolved_key(nlp, text, "Le groupe") == "linkedin"
