"""An institution named by its head and its place, in lower case, is called later by that head
alone or by the head its name stands for: "le tribunal administratif de Lille … le tribunal", "le
centre hospitalier de Roubaix … l'hôpital", "le conseil régional de Bretagne … la région". Not
when two of them are named ("l'université de Caen et l'université de Rouen … l'université").

Real model, sentences written for the test (``slow``)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import named_events, run_dated

pytestmark = pytest.mark.slow
PUBLISHED = dt.date(2024, 3, 5)


def described_as(nlp, text: str, surface: str) -> str | None:
    """The actor the last occurrence of ``surface`` stands for, if any."""
    doc = run_dated(nlp, text, PUBLISHED)
    at = text.rindex(surface)
    return next((m.key for m in doc._.actor_mentions if m.start <= at < m.end), None)


@pytest.mark.parametrize(("text", "surface", "key"), [
    ("Une cyberattaque a paralysé lundi le centre hospitalier de Roubaix. L'hôpital a porté plainte.",
     "hôpital", "org:centre hospitalier de Roubaix"),
    ("Le CHU de Rennes a recruté vingt infirmiers. La direction de l'hôpital s'en félicite.",
     "hôpital", "org:CHU de Rennes"),
    ("Le syndicat Force Ouvrière a saisi mardi le tribunal administratif de Lille. Le tribunal a rejeté "
     "la requête.", "tribunal", "org:tribunal administratif de Lille"),
    ("Le conseil régional de Bretagne a voté une aide à la compagnie Breizh Air. La région réclame des "
     "garanties.", "région", "org:conseil régional de Bretagne"),
])
def test_an_institution_is_called_by_its_head(nlp, text, surface, key) -> None:
    assert described_as(nlp, text, surface) == key


def test_two_institutions_of_one_head_leave_the_head_to_nobody(nlp) -> None:
    text = ("L'université de Caen et l'université de Rouen vont fusionner. Le groupe Orvane versera "
            "2 millions d'euros à l'université.")
    assert described_as(nlp, text, "université") is None


def test_an_accusation_by_the_hospital_names_it(nlp) -> None:
    text = ("Une cyberattaque a paralysé lundi le centre hospitalier de Roubaix. L'hôpital accuse son "
            "prestataire informatique, la société Cybelis, d'avoir négligé les mises à jour.")
    assert ("ACCUSE", "centre hospitalier de Roubaix", "Cybelis") in named_events(nlp, text, PUBLISHED)
