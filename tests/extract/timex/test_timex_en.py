"""English temporal tagging: the same engine, another lexicon (``lexicons/en/timex.toml``)."""

from __future__ import annotations

from datetime import date

import pytest

from chronique.extract.timex import tag

DCT = date(2025, 11, 3)

EXPRESSIONS = [
    ("On October 30, 2025, Sam Altman posted.", "October 30, 2025", "DATE", "2025-10-30"),
    ("an order dated 11 July 2018", "11 July 2018", "DATE", "2018-07-11"),
    ("an order dated 07/11/2018", "07/11/2018", "DATE", "2018-07-11"),
    ("In 2023, Musk founded xAI.", "2023", "DATE", "2023"),
    ("In February 2025, he made an offer.", "February 2025", "DATE", "2025-02"),
    ("expected by mid-2024", "mid-2024", "DATE", "2024"),
    ("in the third quarter of 2024", "the third quarter of 2024", "DATE", "2024-Q3"),
    ("sales rose in Q3 2024", "Q3 2024", "DATE", "2024-Q3"),
    ("in the summer of 2022", "the summer of 2022", "DATE", "2022-SU"),
    ("during the 1990s", "the 1990s", "DATE", "199"),
    ("the 21st century", "the 21st century", "DATE", "20"),
    ("He arrived yesterday.", "yesterday", "DATE", "2025-11-02"),
    ("He resigned last Monday.", "last Monday", "DATE", "2025-10-27"),
    ("They meet next week.", "next week", "DATE", "2025-W46"),
    ("Sales fell last year.", "last year", "DATE", "2024"),
    ("He left two years ago.", "two years ago", "DATE", "2023"),
    ("The law applies in three months.", "in three months", "DATE", "2026-02"),
    ("He waited seven and a half years.", "seven and a half years", "DURATION", "P7Y6M"),
    ("a refund within 24 hours", "24 hours", "DURATION", "PT24H"),
    ("for a year and a half", "a year and a half", "DURATION", "P1Y6M"),
    ("for two decades", "two decades", "DURATION", "P20Y"),
    ("after several days", "several days", "DURATION", "PXD"),
    ("Meetings are held every Thursday.", "every Thursday", "SET", "XXXX-WXX-4"),
    ("The fair is held every year.", "every year", "SET", "P1Y"),
    ("It is published twice a year.", "twice a year", "SET", "P1Y"),
    ("The meeting starts at 2 p.m.", "2 p.m.", "TIME", "2025-11-03T14:00"),
    ("He spoke this morning.", "this morning", "TIME", "2025-11-03TMO"),
    ("It rained last night.", "last night", "TIME", "2025-11-02TNI"),
    ("The firm is currently in trouble.", "currently", "DATE", "PRESENT_REF"),
    ("More recently, Musk accused Altman.", "More recently", "DATE", "PAST_REF"),
    ("We will do better in the future.", "in the future", "DATE", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "span", "timex_type", "value"), EXPRESSIONS)
def test_english_expressions(text: str, span: str, timex_type: str, value: str) -> None:
    found = tag(text, DCT, "en")
    assert len(found) == 1, found
    assert (found[0].text, found[0].type, found[0].value) == (span, timex_type, value)


@pytest.mark.parametrize(
    "text",
    [
        "Sam Altman replied.",
        "They may march on the capital.",
        "a 45-year-old engineer",
        "a bid of $97.4 billion",
        "the score was 3-1",
        "a city of 2000 residents",
        "He won a second term.",
        "The Daily Telegraph reported.",
    ],
)
def test_english_false_positives(text: str) -> None:
    assert tag(text, DCT, "en") == []
