"""Migration m010: each quote carries its article's date, and a speaker's quotes are one index
range in reading order (see ``migrations``).

A page of an actor's quotes (the actor page, the profile's newest) was found either by walking
the articles in date order and probing each for the speaker's quotes, or by sorting all of the
speaker's quotes by their article's date: at 1,000,000 documents a much-quoted speaker has one
quote in 60 articles (4,000 probes for 64 quotes, about 60 ms) and 15,000 quotes to sort (over
400 ms). With the date on the quote, ``quotes_by_speaker_date`` holds them in the order a page
reads them. An article's date is fixed when it is stored, and a quote is written with its
article, so the column never needs rewriting; the index follows ``quotes.speaker`` when an
entity move changes it.

Kept apart from ``migrations.py`` for the size of that module; same rules: no live chronique
code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3

__all__ = ["m010_quote_dates"]

# FROZEN (m010).
_M010_STATEMENTS = (
    "ALTER TABLE quotes ADD COLUMN date TEXT",
    "UPDATE quotes SET date = (SELECT d.date FROM documents d WHERE d.id = quotes.doc_id)",
    "CREATE INDEX quotes_by_speaker_date ON quotes(speaker, date, doc_id, start, id)",
)


def m010_quote_dates(conn: sqlite3.Connection) -> None:
    """``quotes.date`` (the article's date, NULL when it has none) and the index of a speaker's
    quotes in reading order."""
    for statement in _M010_STATEMENTS:
        conn.execute(statement)
