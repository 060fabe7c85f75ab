"""Migration m007: each quote's words folded as a reader compares them (``quotes.said_key``), and
the quote indexes that use them (see ``migrations``).

The words are folded with m007's own frozen copy of ``store.quote_reads.said_key`` (below).

Kept apart from ``migrations.py`` for the size of that module, as m008 and later are; same rules:
no live chronique code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3
import unicodedata

__all__ = ["m007_quote_keys"]

# -- m007: the words of each quote as a reader compares them -----------------------------------
# A copy of chronique.store.quote_reads.said_key as it was when m007 shipped. FROZEN.
_M007_APOSTROPHES = str.maketrans({char: "'" for char in "’ʼ‘`´"})
_M007_EDGES = " .,;:!?…\"'«»“”"


def _m007_said_key(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).translate(_M007_APOSTROPHES)
    folded = unicodedata.normalize("NFC", folded.casefold())
    return " ".join(folded.split()).strip(_M007_EDGES)


def m007_quote_keys(conn: sqlite3.Connection) -> None:
    """``quotes.said_key`` (the words folded: the same words by the same speaker are one quote)
    and an index on (speaker, said_key): the other reports of the quotes of one page are index
    seeks, not a read of every quote of a much-quoted speaker. ``quotes_by_about`` becomes
    (about, speaker): who quotes an actor is counted from the index alone (a profile's
    counterparts). ``quotes_by_speaker`` is dropped: it is the first column of two wider indexes
    that answer the same seeks."""
    conn.execute("ALTER TABLE quotes ADD COLUMN said_key TEXT")
    rows = conn.execute("SELECT id, text FROM quotes").fetchall()
    conn.executemany("UPDATE quotes SET said_key = ? WHERE id = ?",
                     [(_m007_said_key(text), quote_id) for quote_id, text in rows])
    conn.execute("CREATE INDEX quotes_by_speaker_key ON quotes(speaker, said_key)")
    conn.execute("DROP INDEX quotes_by_speaker")
    conn.execute("CREATE INDEX quotes_by_about_speaker ON quotes(about, speaker)")
    conn.execute("DROP INDEX quotes_by_about")
