"""Rivalry and opposition (issue 15, session 5): who competes with whom where French leaves a
side implicit or lists several.

"son rival" with no name (the one other actor of the sentence), "une concurrence avec A et B"
(the sentence's topic competes), "un bras de fer qui oppose A à B", "a vu s'affronter A, B et C"
(every pair), "isoler / s'imposer face à", anticompetitive conduct "envers X". Every sentence is
written for these tests (other actors and subjects than the evaluation texts); actors are compared
by their short name ("org:Kestrel" is "kestrel"); COMPETE is symmetric, so pairs are compared as
sets.
"""

from __future__ import annotations

import datetime

import pytest

from chronique.model import EXPORTED_MODALITIES
from tests.conftest import run_dated


def _short(key: str) -> str:
    return key.split(":", 1)[-1].lower().replace(" ", "-")



def _rivalries(nlp, text: str) -> set[frozenset[str]]:
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    return {frozenset({_short(e.sources[0]), _short(e.targets[0])})
            for e in doc._.events if e.type == "COMPETE" and e.modality in EXPORTED_MODALITIES}


def _pairs(*pairs: tuple[str, str]) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in pairs}


#: (sentence, the COMPETE pairs it tells).
SENTENCES = [
    # "son rival" with no name after it: the one other organisation the sentence names.
    ("Renault a porté plainte contre Toyota et réclame à son rival japonais des dommages et intérêts.",
     _pairs(("renault", "toyota"))),
    # A contest noun whose relative clause opposes its sides.
    ("Le match qui oppose le Paris Saint-Germain à l'Olympique de Marseille aura lieu dimanche.",
     _pairs(("paris-saint-germain", "olympique-de-marseille"))),
    ("C'est un bras de fer qui oppose Airbus et Boeing depuis des années.", _pairs(("airbus", "boeing"))),
    # A reciprocal verb with three sides: every pair, also after a verb of perception.
    ("La finale a vu s'affronter Renault, Peugeot et Citroën.",
     _pairs(("renault", "peugeot"), ("renault", "citroen"), ("peugeot", "citroen"))),
    ("Renault, Peugeot et Citroën s'affrontent sur le marché des citadines.",
     _pairs(("renault", "peugeot"), ("renault", "citroen"), ("peugeot", "citroen"))),
    # A counted group stands for the names listed after it, when there are exactly as many.
    ("Trois constructeurs s'affrontent sur ce marché : Renault, Peugeot et Citroën.",
     _pairs(("renault", "peugeot"), ("renault", "citroen"), ("peugeot", "citroen"))),
    ("La finale a vu s'affronter deux clubs. D'un côté, le Paris Saint-Germain. De l'autre, l'Olympique "
     "de Marseille (présidé par Pablo Longoria).", _pairs(("paris-saint-germain", "olympique-de-marseille"))),
    # A competition with no party of its own: the sentence's topic ("Pour X,") competes.
    ("Pour Carrefour, cette acquisition doit renforcer sa position dans un marché marqué par une "
     "concurrence féroce avec Lidl et Aldi.",
     _pairs(("carrefour", "lidl"), ("carrefour", "aldi"))),
    # A contest won, or a rival armed, "face à" another.
    ("Le Stade toulousain s'est imposé face au Racing 92 samedi.", _pairs(("stade-toulousain", "racing-92"))),
    ("Cette alliance doit renforcer Airbus face à Boeing.", _pairs(("airbus", "boeing"))),
    # Anticompetitive conduct aimed at a rival.
    ("Le régulateur estime que Google a adopté des pratiques anticoncurrentielles envers Qwant.",
     _pairs(("google", "qwant"))),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_rivalries_are_read(nlp, text, expected):
    assert _rivalries(nlp, text) == expected


#: Sentences on other subjects where no rivalry (nor lawsuit) may be read (precision).
QUIET = [
    # Two candidates for "son rival": no guess.
    "Renault a signé avec Nissan puis a critiqué Toyota, son rival.",
    "Danone a racheté Alpro. Son concurrent a réagi.",
    # "opposer" without a contest noun, and "s'opposer à" (a refusal, not a rivalry).
    "Le syndicat oppose un refus ferme à la direction de Renault.",
    "Renault s'oppose au projet de Stellantis.",
    # "face à" with a verb of no contest.
    "Renault a présenté ses résultats face à la presse.",
    "Renault a cédé face aux syndicats.",
    # Conduct with no rival named.
    "Booking s'est livré à des pratiques déloyales à l'égard des hôtels indépendants.",
    # A counted group with fewer names than it says.
    "Trois constructeurs s'affrontent sur ce marché : Renault et Peugeot.",
    # A competition told without any party.
    "La concurrence avec les plateformes étrangères inquiète les libraires.",
    # "faire appel à" someone is no lawsuit.
    "Renault va faire appel à des consultants.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", QUIET, ids=[s[:40] for s in QUIET])
def test_rivalry_rules_stay_quiet_elsewhere(nlp, text):
    doc = run_dated(nlp, text, datetime.date(2025, 6, 1))
    told = [(e.type, e.sources, e.targets) for e in doc._.events if e.modality in EXPORTED_MODALITIES]
    assert [event for event in told if event[0] in ("COMPETE", "SUE")] == []
