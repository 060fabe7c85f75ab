"""Generalisation, eighth session: a plural common noun that introduces the names it stands for.

"plusieurs fonds, dont Bpifrance et Eurazeo", "des banques, notamment A et B": the names after
the noun's comma and "dont" / "notamment" / "parmi lesquels" are the actors the noun stands for
(the parser hangs "dont A" as a relative clause or a modifier, so the noun's own phrase misses
the second name). A "dont" that opens a true relative clause ("Doctolib, dont le siège …") names
nobody.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

CASES = [
    ("'dont' after a plural subject",
     "Plusieurs fonds, dont Bpifrance et Eurazeo, ont investi dans Doctolib.",
     {("INVEST", "Bpifrance", "Doctolib"), ("INVEST", "Eurazeo", "Doctolib")}),
    ("'notamment' after a plural subject",
     "Plusieurs fonds, notamment Bpifrance et Eurazeo, ont investi dans Doctolib.",
     {("INVEST", "Bpifrance", "Doctolib"), ("INVEST", "Eurazeo", "Doctolib")}),
    ("'dont' after a plural complement",
     "Doctolib a levé 500 millions d'euros auprès de plusieurs fonds, dont Bpifrance et Eurazeo.",
     {("INVEST", "Bpifrance", "Doctolib"), ("INVEST", "Eurazeo", "Doctolib")}),
    ("NOTHING: 'dont' opening a relative clause about a company",
     "Plusieurs fonds ont investi dans Doctolib, dont le siège est à Paris.",
     set()),
    ("NOTHING: a singular noun introduces no list",
     "Le fonds, dont Bpifrance est actionnaire, a publié ses comptes.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
