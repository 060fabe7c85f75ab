"""Generalisation, tenth session: event nouns whose sides sit in their phrases.

- "entre A et B" with B a plain conjunct of A: both sides ("l'accord entre A et B a été signé").
- A refusal's target is the author of the deed its "de" phrase names, even where the parser hung
  that phrase on the refuser's name: "le rejet par X de la proposition de Y" (REJECT X → Y).
- A departure whose person has a title set off by commas: "la démission de X, directrice générale
  de Y," (LEAVE X → Y).
- Taking up one's post: "X prendra ses fonctions de directeur financier de Y" (JOIN X → Y).

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("an agreement between two companies, the second a conjunct",
     "Le partenariat entre Orange et Geely a été signé.",
     {("PARTNER", "Orange", "Geely")}),
    ("a stand-off between two companies",
     "Le bras de fer entre Stellantis et Valeo se durcit.",
     {("COMPETE", "Stellantis", "Valeo")}),
    ("a refusal of another's proposal",
     "Le rejet par Danone de la proposition de Lactalis a surpris.",
     {("REJECT", "Danone", "Lactalis")}),
    ("NOTHING: a refusal of a proposal with no author",
     "Le rejet par Danone de la proposition a surpris.",
     set()),
    ("a resignation with the person's title between commas",
     "La démission de Claire Morin, directrice générale de Fnac Darty, a été annoncée lundi.",
     {("LEAVE", "Claire Morin", "Fnac Darty")}),
    ("NOTHING: a resignation with a date between commas",
     "La démission de Claire Morin, lundi, a surpris les salariés.",
     set()),
    ("taking up one's post",
     "Claire Morin prendra ses fonctions de directrice générale de Fnac Darty le 1er juin.",
     {("JOIN", "Claire Morin", "Fnac Darty")}),
    ("NOTHING: taking up one's post with no organisation",
     "Claire Morin prendra ses fonctions le 1er juin.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
