"""The quotes two actors share, as running totals (``quote_pairs``, migration m014).

A row (entity, other) holds the quotes whose speaker is one of the two and which are about the
other, both being stored entities ("about" may be free text): the same figure under (other,
entity), so that an actor's counterparts are one index range. The profile ranks counterparts by
events (``pair_stats``) plus these quotes without reading a quote.

The invariant, as for ``store.aggregates``: after every write each row equals :func:`recount`,
inside the same transaction. A new document's quotes are counted in as they are written
(:func:`count_document`, its quotes read back by ``quotes_by_doc``); an entity move (absorption,
merge, split, undoing) recounts the pairs of the entities it touched (:func:`recount_entities`,
two index ranges per entity) or, for an absorption, moves the absorbed entity's totals
to the kept one (:func:`absorb`).
Documents are never deleted.

Every statement here is plain SQL (``INSERT … ON CONFLICT … DO UPDATE`` is also PostgreSQL's).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

__all__ = ["count_document", "absorb", "recount_entities", "recount", "stored"]

_ADD = ("INSERT INTO quote_pairs (entity_id, other_id, quotes) VALUES (?, ?, ?)"
        " ON CONFLICT (entity_id, other_id) DO UPDATE SET quotes = quote_pairs.quotes + excluded.quotes")

#: One entity's quote counterparts: quotes it said about another entity, and quotes another
#: entity said about it, each side counted along its index (``quotes_by_speaker_about``,
#: ``quotes_by_about_speaker``) and checked to be an entity.
_OF_ENTITY = """
    SELECT g.other, SUM(g.n) FROM (
        SELECT q.about AS other, COUNT(*) AS n FROM quotes q WHERE q.speaker = ? AND q.about <> ? GROUP BY q.about
        UNION ALL
        SELECT q.speaker AS other, COUNT(*) AS n FROM quotes q WHERE q.about = ? AND q.speaker <> ? GROUP BY q.speaker
    ) g JOIN entities en ON en.id = g.other GROUP BY g.other
"""


def count_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Count in the quotes of a document just written (its entities already stored)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for speaker, about in conn.execute(
            "SELECT q.speaker, q.about FROM quotes q JOIN entities s ON s.id = q.speaker"
            " JOIN entities t ON t.id = q.about WHERE q.doc_id = ? AND q.speaker <> q.about", (doc_id,)):
        pairs[(speaker, about)] += 1
        pairs[(about, speaker)] += 1
    if pairs:
        conn.executemany(_ADD, [(a, b, n) for (a, b), n in sorted(pairs.items())])


def absorb(conn: sqlite3.Connection, gone_id: str, kept_id: str) -> None:
    """Every quote of ``gone_id`` (speaker or about) now belongs to ``kept_id`` and ``gone_id`` is
    deleted: its pairs add to the kept entity's, except those with the kept entity itself (their
    quotes are now the kept entity's about itself, which count for no pair)."""
    partners = conn.execute("SELECT other_id, quotes FROM quote_pairs WHERE entity_id = ?", (gone_id,)).fetchall()
    conn.executemany("DELETE FROM quote_pairs WHERE entity_id = ? AND other_id = ?",
                     [(other, gone_id) for other, _ in partners])
    conn.execute("DELETE FROM quote_pairs WHERE entity_id = ?", (gone_id,))
    conn.executemany(_ADD, [row for other, count in partners if other != kept_id
                            for row in ((kept_id, other, count), (other, kept_id, count))])


def recount_entities(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> None:
    """Count again, from the quotes, every pair one of these entities is part of: after some of
    their quotes changed hands (mentions moved, a merge undone), or an entity was deleted (its
    rows go). A pair's two rows are found from one side: the partners of X are the others of the
    range (X, …), and each (partner, X) is one key."""
    ids = sorted(set(entity_ids))
    for entity_id in ids:
        partners = [row[0] for row in conn.execute("SELECT other_id FROM quote_pairs WHERE entity_id = ?", (entity_id,))]
        conn.executemany("DELETE FROM quote_pairs WHERE entity_id = ? AND other_id = ?",
                         [(other, entity_id) for other in partners])
        conn.execute("DELETE FROM quote_pairs WHERE entity_id = ?", (entity_id,))
    rows: dict[tuple[str, str], int] = {}
    for entity_id in ids:
        if conn.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is None:
            continue  # deleted: no rows
        for other, count in conn.execute(_OF_ENTITY, (entity_id, entity_id, entity_id, entity_id)):
            rows[(entity_id, other)] = rows[(other, entity_id)] = count
    conn.executemany("INSERT INTO quote_pairs (entity_id, other_id, quotes) VALUES (?, ?, ?)",
                     [(a, b, n) for (a, b), n in sorted(rows.items())])


def recount(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """(entity, other) → quotes, counted again from the quotes (what the stored rows must equal)."""
    rows: dict[tuple[str, str], int] = {}
    for speaker, about, count in conn.execute(
            "SELECT q.speaker, q.about, COUNT(*) FROM quotes q JOIN entities s ON s.id = q.speaker"
            " JOIN entities t ON t.id = q.about WHERE q.speaker <> q.about GROUP BY q.speaker, q.about"):
        rows[(speaker, about)] = rows.get((speaker, about), 0) + count
        rows[(about, speaker)] = rows.get((about, speaker), 0) + count
    return rows


def stored(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """(entity, other) → quotes as kept in ``quote_pairs``."""
    return {(row[0], row[1]): row[2] for row in conn.execute("SELECT entity_id, other_id, quotes FROM quote_pairs")}
