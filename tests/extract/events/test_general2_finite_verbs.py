"""Generalisation round 2: present-tense verbs the tagger misreads.

- "Le groupe X rivalise/Inf avec Y": the tagger may give a finite present the morphology of an
  infinitive; a form with no infinitive ending (``[syntax] infinitive_endings``) is finite, so its
  subject is its own.
- "Le groupe X rivalise/acl en Europe avec Y": the parser may make the subject noun the root and
  the finite verb its modifier; that noun is the verb's subject.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 2, 11)


def _events(nlp, text: str) -> set[tuple[str, str, str]]:
    return named_events(nlp, text, PUBLISHED)


def _pairs(found: set[tuple[str, str, str]]) -> set[tuple[str, frozenset[str]]]:
    return {(kind, frozenset((s, t))) for kind, s, t in found}


CASES = [
    ("a present the tagger read as an infinitive",
     "Le groupe Safran rivalise avec le groupe Rolls-Royce sur les moteurs d'avions régionaux.",
     {("COMPETE", frozenset({"Safran", "Rolls-Royce"}))}),
    ("the same verb hung on its subject noun made the root",
     "Le groupe Safran rivalise désormais en Asie avec le groupe Rolls-Royce.",
     {("COMPETE", frozenset({"Safran", "Rolls-Royce"}))}),
    ("NOTHING: a real infinitive keeps no subject of its own",
     "Pour le groupe Safran, rivaliser avec le moteur LEAP reste difficile.",
     set()),
    ("NOTHING: a participle on a noun is no finite verb",
     "Le rapport publié par le cabinet Roland Berger mardi ne cite aucun nom.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set) -> None:
    assert _pairs(_events(nlp, text)) == expected, why
