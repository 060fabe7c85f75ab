"""Generalisation, ninth session: a sanction by blacklisting.

"placer / inscrire / ajouter X sur (à) la liste noire", "blacklister X": the one who lists blames
the listed. Only a black list: "placer X sur la liste des entreprises aidées" blames nobody.
Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 9, 15)

CASES = [
    ("added to the black list",
     "Le Trésor américain a ajouté la banque russe Sberbank à la liste noire.",
     {("ACCUSE", "Trésor américain", "Sberbank")}),
    ("entered on a black list",
     "L'Union européenne a inscrit la compagnie Iran Air sur sa liste noire.",
     {("ACCUSE", "Union européenne", "Iran Air")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_blacklisting_blames_the_listed(nlp, why: str, text: str, expected: set) -> None:
    assert expected <= named_events(nlp, text, PUBLISHED)


def test_another_list_blames_nobody(nlp) -> None:
    events = named_events(nlp, "Le ministère a placé Renault sur la liste des entreprises aidées.", PUBLISHED)
    assert not {e for e in events if e[0] == "ACCUSE"}
