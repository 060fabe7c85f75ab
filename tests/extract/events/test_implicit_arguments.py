"""Implicit arguments from the discourse (issue 15, session 5): an appeal told without its
adversary is against whoever last ruled against the appellant; a complaint without defendant is
against whom the authority sanctions in its sentence; dismissed claims answer their sole author; a clause "après s'être heurté à
l'hostilité de X" that the parser hangs on a noun is still the main subject's. Sentences written
for these tests, on other actors and subjects than the evaluation texts.
"""

from __future__ import annotations

import datetime

import pytest

from chronique.model import EXPORTED_MODALITIES
from tests.conftest import run_dated


def _short(key: str) -> str:
    return key.split(":", 1)[-1].lower().replace(" ", "-")



def _events(nlp, text: str, kinds: set[str]) -> set[tuple[str, str, str]]:
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    return {(e.type, _short(e.sources[0]), _short(e.targets[0]))
            for e in doc._.events if e.type in kinds and e.modality in EXPORTED_MODALITIES}


#: (text, the SUE and REJECT events it tells).
TEXTS = [
    # An appeal against the regulator that fined the appellant.
    ("L'Arcep a infligé une amende à Bouygues Telecom. Bouygues Telecom s'est pourvu en cassation.",
     {("SUE", "bouygues-telecom", "arcep")}),
    ("La Commission de régulation de l'énergie a infligé une amende de 5 millions d'euros à EDF. "
     "EDF va faire appel de cette décision.",
     {("SUE", "edf", "commission-de-régulation-de-l'énergie")}),
    # The appeal of a named decision keeps its author.
    ("Engie va faire appel de la décision de l'Arcep.", {("SUE", "engie", "arcep")}),
    # Claims dismissed before they are told: their one author in the document.
    ("Nestlé balaie ces accusations. Danone a porté plainte contre Nestlé en mars.",
     {("REJECT", "nestlé", "danone"), ("SUE", "danone", "nestlé")}),
    ("Danone accuse Nestlé de plagiat. Nestlé balaie ces accusations.", {("REJECT", "nestlé", "danone")}),
    # A refusal to act towards someone rejects them.
    ("Le refus d'Amazon de faire des concessions face aux inquiétudes de la Commission européenne a surpris.",
     {("REJECT", "amazon", "commission-europeenne")}),
    ("Le refus de Renault de négocier avec Nissan a fait chuter l'action.", {("REJECT", "renault", "nissan")}),
    # A complaint told without its defendant is against whom the authority then sanctions.
    ("Après une plainte déposée par Free, l'Arcep a sanctionné Orange.", {("SUE", "free", "orange")}),
    # Meeting hostility in an adverbial clause the parser hangs on a noun: the main subject is
    # the one rejected.
    ("Après avoir rencontré les dirigeants de Fiat, puis un fonds américain, après s'être heurté à "
     "l'hostilité de Bruno Le Maire, Renault a signé avec Nissan.",
     {("REJECT", "bruno-le-maire", "renault")}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", TEXTS, ids=[t[:40] for t, _ in TEXTS])
def test_implicit_arguments_are_read(nlp, text, expected):
    assert _events(nlp, text, {"SUE", "REJECT"}) == expected


@pytest.mark.slow
def test_an_appeal_is_against_the_other_side_of_the_dispute(nlp):
    """"l'affaire entre A et B … B dit vouloir faire appel": against A (proposed: "dit vouloir"),
    on the day of publication that "aujourd'hui" names."""
    text = ("Ce fut le procès de l'année, l'affaire entre Lactalis et Danone s'est terminée sur une décision "
            "du tribunal. Aujourd'hui, Danone dit vouloir faire appel.")
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    assert {(e.type, _short(e.sources[0]), _short(e.targets[0]), e.modality, e.date) for e in doc._.events} == {
        ("SUE", "danone", "lactalis", "proposed", "2025-06-01")}


@pytest.mark.slow
def test_now_that_is_no_day_dates_nothing(nlp):
    """"désormais" says a state goes on, not the day of publication."""
    text = "L'Arcep a infligé une amende à Bouygues Telecom. Bouygues Telecom fait désormais appel."
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    assert [(e.type, e.date) for e in doc._.events if e.type == "SUE"] == [("SUE", None)]


@pytest.mark.slow
def test_a_complaint_noun_does_not_retell_an_appeal(nlp):
    """The appeal keeps its own sentence: "les plaintes déposées par des associations" are no
    telling of it (the complaint nouns retell only lawsuits read from the text)."""
    text = ("L'Arcep a infligé une amende à Bouygues Telecom. La procédure fait suite aux plaintes déposées "
            "en 2020 par des associations. Bouygues Telecom va faire appel.")
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    sues = [text[e.start : e.end] for e in doc._.events if e.type == "SUE"]
    assert sues == ["Bouygues Telecom va faire appel."]


#: Texts where no appeal may be read against anyone.
QUIET = [
    # Called upon, not appealed against.
    "La Cnil a sanctionné Doctolib. Doctolib a fait appel à un cabinet d'avocats.",
    # A politician's criticism is no ruling to appeal.
    "Bruno Le Maire a critiqué Renault. Renault va faire appel.",
    # Nothing told before the appeal.
    "Renault va faire appel.",
    # An appellant outside the dispute told before.
    "Le litige entre Airbus et Boeing a été tranché. Renault va faire appel.",
    # A complaint followed by no sanction, or by a politician's criticism: no defendant.
    "Après une plainte déposée par Free, Orange a présenté ses résultats.",
    "Après une plainte de Free, Bruno Le Maire a critiqué Orange.",
]


#: Dismissals whose author cannot be told apart: no REJECT.
UNANSWERED = [
    # Two accusers: no guess between them.
    "Nestlé balaie ces accusations. Danone accuse Nestlé de plagiat. Lactalis accuse Nestlé de fraude.",
    # Claims aimed at someone else: the last lawsuit told is no claim against the dismisser.
    "La Commission de régulation de l'énergie a infligé une amende à TotalEnergies, qui a annoncé faire "
    "appel. Engie balaie ces critiques.",
    # An offer refused answers its bidder, never an accuser.
    "Nestlé a rejeté l'offre. Danone accuse Nestlé de plagiat.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", UNANSWERED, ids=[t[:40] for t in UNANSWERED])
def test_a_dismissal_answers_only_a_sole_accuser(nlp, text):
    assert _events(nlp, text, {"REJECT"}) == set()


@pytest.mark.slow
@pytest.mark.parametrize("text", QUIET, ids=[t[:40] for t in QUIET])
def test_no_adversary_is_guessed(nlp, text):
    assert _events(nlp, text, {"SUE"}) == set()
