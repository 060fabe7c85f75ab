"""Generalisation, ninth session: a relational noun set off by commas right after a name; a plural
one followed by a list of names.

"Vinted, le grand rival de Leboncoin, a levé …": with an adjective before the noun the parser often
makes the noun the subject of the verb and the name an oblique, so the apposition is read off the
words: a noun phrase between two commas right after a name is said of that name. A phrase with a
verb, or one that a comma does not close (the next item of a list), says nothing of it. "ses
rivaux Orange et SFR" names every listed rival; a singular "son rival" names only the first name.

Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 5, 12)

CASES = [
    ("an adjective before the rival noun",
     "Vinted, le grand rival de Leboncoin, a levé de nouveaux fonds.",
     {("COMPETE", "Vinted", "Leboncoin")}),
    ("an adjective of rank",
     "Decathlon, le principal concurrent d'Intersport, a ouvert trois magasins.",
     {("COMPETE", "Decathlon", "Intersport")}),
    ("a plural rival noun names each listed name",
     "Free a relancé la guerre des prix avec ses rivaux Orange et SFR.",
     {("COMPETE", "Orange", "Free"), ("COMPETE", "SFR", "Free")}),
]

# Phrases after a name and a comma that say nothing of it: a verb inside (the noun is another
# clause's), no closing comma (the next item of a list).
QUIET = [
    "Vinted, dont le fondateur a rejoint le rival de Leboncoin, a levé des fonds.",
    "Vinted, Zalando, le rival de Leboncoin et Kiabi ont levé des fonds.",
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_apposed_rival_noun_is_said_of_the_name_before_it(nlp, why: str, text: str, expected: set) -> None:
    assert expected <= named_events(nlp, text, PUBLISHED)


@pytest.mark.parametrize("text", QUIET)
def test_no_rivalry_for_a_name_the_phrase_is_not_said_of(nlp, text: str) -> None:
    assert not {e for e in named_events(nlp, text, PUBLISHED) if e[0] == "COMPETE"}
