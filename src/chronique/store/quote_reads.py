"""When quoted words were said, where the article says so: a date in the quote's sentence.

"Le 30 octobre 2025, Sam Altman publie sur X : « … »" dates the words to 30 October 2025, not to
the article's day. The date is read from the stored timexes: the first ``DATE`` of the sentence(s)
holding the quote, outside the quoted words (a date inside them is what they speak of, not when
they were spoken), written as a calendar value (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and not
after the article's own date (an article cannot report words said after it). When there is none,
``analysis.quotes`` falls back to the article's date and says so.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from chronique.text import fold_key

__all__ = ["said_dates", "said_key"]

_EDGES = " .,;:!?…\"'«»“”"


def said_key(text: str) -> str:
    """The quoted words as a reader compares them: case, apostrophes, spacing and the punctuation
    around them ignored. Stored with each quote (``quotes.said_key``) so that the other reports
    of a quote are an index seek, not a read of every quote of its speaker."""
    return " ".join(fold_key(text).split()).strip(_EDGES)

_CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

_DATES_IN_SENTENCE = """
    SELECT t.value, t.text FROM timexes t JOIN documents d ON d.id = t.doc_id
    WHERE t.doc_id = :doc AND t.type = 'DATE'
      AND t.start >= COALESCE((SELECT MAX(s.start) FROM sentences s WHERE s.doc_id = :doc AND s.start <= :start), :start)
      AND t."end" <= COALESCE((SELECT MIN(s."end") FROM sentences s WHERE s.doc_id = :doc AND s."end" >= :end), :end)
      AND (t."end" <= :start OR t.start >= :end)
      AND (d.date IS NULL OR substr(t.value, 1, 10) <= d.date)
    ORDER BY t.start
"""


def said_dates(conn: sqlite3.Connection, quotes: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], tuple[str, str]]:
    """For each quote ``(doc_id, start, end)`` whose sentence dates it, ``(value, words)``: the
    calendar value and the words of the article that gave it, keyed by ``(doc_id, start)``."""
    found: dict[tuple[str, int], tuple[str, str]] = {}
    for doc_id, start, end in quotes:
        for value, words in conn.execute(_DATES_IN_SENTENCE, {"doc": doc_id, "start": start, "end": end}):
            if _CALENDAR.fullmatch(value):
                found[(doc_id, start)] = (value, words)
                break
    return found
