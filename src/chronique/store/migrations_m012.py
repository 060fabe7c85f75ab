"""Migration m012: finding the stored events a new telling may be reads a bounded number of rows,
whatever the store's size (see ``migrations`` and ``store.tellings``).

Before, a telling's candidates were read through ``events_by_actors_date (actors_key,
date_value)``, each index entry followed to its table row for the dates, so a telling of a much
covered pair read every event of that pair, one table page each (at 1,000,000 documents 2.1 ms
per stored document, the largest single cost of a save). ``events_identity`` holds the dates and
the id in the index itself: the same rows are read from a few adjacent index pages.

The rule for repeated types (an undated accusation is the same happening only when told in the
same document or in the same sentence) read the sentence of every telling of every candidate
from its article's text; a much accused actor's undated accusations grew with the store (5,217
sentences per 500 documents at 1,000,000). Each telling now carries ``sentence_digest``, a digest
of its sentence as ``identity.events.sentence_key`` compares it, so the tellings of the same
sentence are one index lookup, and only those are read to confirm it.

The digests of the tellings already stored are computed here with this migration's own frozen
copy of the sentence key, never the live ``identity.events.sentence_key``. A later change to the
live key must come with a migration that computes the digests again.

Kept apart from ``migrations.py`` for the size of that module; same rules: no live chronique
code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata

__all__ = ["m012_bounded_event_identity"]

# FROZEN (m012).
_M012_BEFORE = (
    "CREATE INDEX events_identity ON events(actors_key, date_value, date_start, date_end, id)",
    "DROP INDEX events_by_actors_date",
    "ALTER TABLE event_mentions ADD COLUMN sentence_digest TEXT",
)
_M012_SENTENCES = """
    SELECT em.id, substr(d.text, COALESCE(em.sentence_start, em.start) + 1,
                         COALESCE(em.sentence_end, em."end") - COALESCE(em.sentence_start, em.start))
    FROM event_mentions em JOIN documents d ON d.id = em.doc_id
    WHERE em.id > ? ORDER BY em.id LIMIT ?
"""
_M012_SET_DIGEST = "UPDATE event_mentions SET sentence_digest = ? WHERE id = ?"
_M012_AFTER = ("CREATE INDEX event_mentions_by_sentence ON event_mentions(sentence_digest)",)
_APOSTROPHES = str.maketrans({char: "'" for char in "’ʼ‘`´"})
_BATCH = 10_000


def _sentence_digest(sentence: str) -> str:
    """m012's sentence key (NFC, apostrophes unified, casefold, spaces collapsed), digested."""
    text = unicodedata.normalize("NFC", sentence).translate(_APOSTROPHES)
    key = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text.casefold())).strip()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def m012_bounded_event_identity(conn: sqlite3.Connection) -> None:
    """Cover the event identity lookup with its index, and digest every telling's sentence."""
    for statement in _M012_BEFORE:
        conn.execute(statement)
    last = -1
    while rows := conn.execute(_M012_SENTENCES, (last, _BATCH)).fetchall():  # a batch at a time: bounded memory
        conn.executemany(_M012_SET_DIGEST, [(_sentence_digest(sentence or ""), mention_id)
                                            for mention_id, sentence in rows])
        last = rows[-1][0]
    for statement in _M012_AFTER:
        conn.execute(statement)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "sqlite_stat1" in tables:  # planner statistics gathered before: gather them for the new indexes
        conn.execute("ANALYZE events")
        conn.execute("ANALYZE event_mentions")
