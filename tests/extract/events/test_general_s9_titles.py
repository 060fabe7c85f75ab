"""Generalisation, ninth session: a title opening the sentence, its holder between commas.

"La ministre des Transports, Élise Marchal, a accusé X": the parser often makes the name a
conjunct of the title, so the subject (the title) named nobody. One person named alone between
commas after a sentence-opening title is that title's holder (`appositions.person_after_title`);
a name introduced by a preposition ("selon X") is no holder.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("a minister named after her title accuses",
     "La ministre des Transports, Élise Marchal, a accusé Hugo Levasseur de mentir.",
     {("ACCUSE", "Élise Marchal", "Hugo Levasseur")}),
    ("the same subject for a gerund after the verb",
     "La ministre des Transports, Élise Marchal, a répondu en accusant Hugo Levasseur de mentir.",
     {("ACCUSE", "Élise Marchal", "Hugo Levasseur")}),
    ("a regional president named after her title praises",
     "La présidente de la région, Carole Delga, a salué le groupe Airbus.",
     {("PRAISE", "Carole Delga", "Airbus")}),
    ("NOTHING: a name between commas introduced by a preposition holds no title",
     "La ministre des Transports, selon Élise Marchal, a accusé Hugo Levasseur de mentir.",
     set()),
    ("NOTHING: a title with no name after it names no one",
     "La ministre des Transports a accusé Hugo Levasseur de mentir, selon Élise Marchal.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
