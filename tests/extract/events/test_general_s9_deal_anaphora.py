"""Generalisation, ninth session: a deal named again by a bare definite noun.

"La Commission a ouvert une enquête sur l'opération", "l'association a dénoncé la transaction",
"X s'oppose à cette fusion", "Y a salué l'opération": the noun names no party, but it is the
purchase or bid the document told last, and blaming, investigating, opposing or praising it is
aimed at its buyer
(`events/deal_anaphora.py`, `[syntax] anaphoric_deal_nouns`). When an investment was told after
the purchase, "l'opération" may be that one: nobody is named; a rival's bid for the company
bought does not displace the purchase.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)

BOUGHT = "Les Laboratoires Servier ont annoncé mardi le rachat de la biotech Genfit. "

CASES = [
    ("an inquiry into the deal told before is aimed at its buyer",
     BOUGHT + "La Commission européenne a ouvert mercredi une enquête approfondie sur l'opération.",
     {("ACQUIRE", "Laboratoires Servier", "Genfit"), ("ACCUSE", "Commission européenne", "Laboratoires Servier")}),
    ("blaming the deal told before",
     BOUGHT + "L'association Aides a dénoncé la transaction.",
     {("ACQUIRE", "Laboratoires Servier", "Genfit"), ("ACCUSE", "Aides", "Laboratoires Servier")}),
    ("praising the deal told before",
     BOUGHT + "Le syndicat CFDT a salué l'opération.",
     {("ACQUIRE", "Laboratoires Servier", "Genfit"), ("PRAISE", "CFDT", "Laboratoires Servier")}),
    ("opposing the merger told before",
     "Sanofi a racheté Genfit. Le syndicat CGT s'oppose à cette fusion.",
     {("ACQUIRE", "Sanofi", "Genfit"), ("REJECT", "CGT", "Sanofi")}),
    ("NOTHING: an investment told after the purchase may be 'l'opération'",
     "Sanofi a racheté Genfit. Le fonds Tikehau a investi 20 millions dans Genfit. L'association Aides a dénoncé l'opération.",
     {("ACQUIRE", "Sanofi", "Genfit"), ("INVEST", "Tikehau", "Genfit")}),
    ("a rival's bid told after the purchase does not displace it",
     BOUGHT + "Le groupe Sanofi avait lui aussi manifesté son intérêt pour Genfit. Le syndicat FO a dénoncé la transaction.",
     {("ACQUIRE", "Laboratoires Servier", "Genfit"), ("BID", "Sanofi", "Genfit"),
      ("ACCUSE", "FO", "Laboratoires Servier")}),
    ("NOTHING: no deal told before",
     "L'association Aides a dénoncé l'opération.",
     set()),
    ("NOTHING: an indefinite operation is not the deal told",
     "Sanofi a racheté Genfit. L'association Aides a dénoncé une opération de communication.",
     {("ACQUIRE", "Sanofi", "Genfit")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
