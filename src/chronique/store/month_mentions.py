"""Each entity's mentions per calendar month of its articles (``actor_month_mentions``, m015).

The month graph gives each actor its mentions in the period's articles; for a period of whole
calendar months they are read here, a key per actor and month, instead of walking the period's
articles and their mentions (:func:`mentions_in_months`).

The invariant, as for ``store.aggregates``: after every write each row equals :func:`recount`
(undated articles count in no month), inside the same transaction. Mentions are counted as they
are inserted (:func:`count`); an absorption adds the absorbed entity's months to the kept one's
(:func:`absorb`: all its mentions move); any other move of mentions counts the entities it
touched again (:func:`recount_entities`, their mentions joined to their articles). Documents are
never deleted.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

__all__ = ["count", "absorb", "recount_entities", "recount", "stored", "mentions_in_months"]

_ADD = ("INSERT INTO actor_month_mentions (entity_id, month, mentions) VALUES (?, ?, ?)"
        " ON CONFLICT (entity_id, month) DO UPDATE SET mentions = actor_month_mentions.mentions + excluded.mentions")


def count(conn: sqlite3.Connection, entity_id: str, day: str | None, mentions: int) -> None:
    """``mentions`` new mentions of an entity in an article published on ``day`` (none counted
    for an undated one)."""
    if mentions and day:
        conn.execute(_ADD, (entity_id, day[:7], mentions))


def absorb(conn: sqlite3.Connection, gone_id: str, kept_id: str) -> None:
    """Every mention of ``gone_id`` now belongs to ``kept_id``: its months add to the kept one's."""
    rows = conn.execute("SELECT month, mentions FROM actor_month_mentions WHERE entity_id = ?", (gone_id,)).fetchall()
    conn.execute("DELETE FROM actor_month_mentions WHERE entity_id = ?", (gone_id,))
    conn.executemany(_ADD, [(kept_id, month, mentions) for month, mentions in rows])


def recount_entities(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> None:
    """Count again, from their mentions and their articles' dates, these entities' months."""
    for entity_id in sorted(set(entity_ids)):
        conn.execute("DELETE FROM actor_month_mentions WHERE entity_id = ?", (entity_id,))
        conn.execute(
            "INSERT INTO actor_month_mentions (entity_id, month, mentions)"
            " SELECT m.entity_id, substr(d.date, 1, 7), COUNT(*) FROM mentions m JOIN documents d ON d.id = m.doc_id"
            " WHERE m.entity_id = ? AND d.date IS NOT NULL GROUP BY m.entity_id, substr(d.date, 1, 7)", (entity_id,))


def recount(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """(entity, month) → mentions, counted again from the mentions and the documents."""
    return {(row[0], row[1]): row[2] for row in conn.execute(
        "SELECT m.entity_id, substr(d.date, 1, 7), COUNT(*) FROM mentions m JOIN documents d ON d.id = m.doc_id"
        " WHERE d.date IS NOT NULL GROUP BY m.entity_id, substr(d.date, 1, 7)")}


def stored(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """(entity, month) → mentions as kept."""
    return {(row[0], row[1]): row[2]
            for row in conn.execute("SELECT entity_id, month, mentions FROM actor_month_mentions")}


def mentions_in_months(conn: sqlite3.Connection, actors: Sequence[str], months: Sequence[str]) -> dict[str, int]:
    """Each actor's mentions in the articles of these months (actors with none left out): a key
    per actor and month."""
    return dict(conn.execute(
        "SELECT entity_id, SUM(mentions) FROM actor_month_mentions"
        " WHERE entity_id IN (SELECT value FROM json_each(?)) AND month IN (SELECT value FROM json_each(?))"
        " GROUP BY entity_id", (json.dumps(sorted(set(actors))), json.dumps(sorted(set(months))))).fetchall())
