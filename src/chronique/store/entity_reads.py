"""Entities with their aliases and running totals, and the entity a user means by what they
typed (an id, a kb id, a name or an alias); kept apart from the other reads because every page
and command starts from one of these.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from chronique.identity.entities import normalise_name
from chronique.store.dialect import one_plan
from chronique.store.queries import rows_together
from chronique.store.records import EntityRow

__all__ = ["ENTITY_NAMES", "entities", "entities_by_ids", "entity_names", "find_entity", "find_entity_id"]

#: Entities with their running totals (``store.aggregates``): one row read per entity, never
#: its mentions.
_ENTITY_ROWS = """
    SELECT e.id, e.name, e.type, e.kb_id, COALESCE(s.mentions, 0) AS mention_count,
           COALESCE(s.documents, 0) AS document_count
    FROM entities e LEFT JOIN entity_stats s ON s.entity_id = e.id
"""


def _rows_sql(where: str) -> str:
    return f"{_ENTITY_ROWS} {where} ORDER BY mention_count DESC, e.name, e.id"


def _aliases_sql(where: str) -> str:
    return (f"SELECT entity_id, alias FROM aliases WHERE entity_id IN (SELECT e.id FROM entities e {where})"
            " ORDER BY entity_id, alias")


def _entity_rows(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[EntityRow]:
    """Entity rows with their aliases, most mentioned first, then by name and id (the two reads
    sent at once on PostgreSQL: see :func:`rows_together`)."""
    rows, alias_rows = rows_together(conn, [(_rows_sql(where), tuple(params)), (_aliases_sql(where), tuple(params))])
    aliases: dict[str, list[str]] = {}
    for entity_id, alias in alias_rows:
        aliases.setdefault(entity_id, []).append(alias)
    return [
        EntityRow(id, name, type_, kb_id, tuple(aliases.get(id, ())), mentions, documents)
        for id, name, type_, kb_id, mentions, documents in rows
    ]


def entities(conn: sqlite3.Connection, entity_type: str | None = None) -> list[EntityRow]:
    """Every global entity, or those of one type."""
    if entity_type is None:
        return _entity_rows(conn, "", ())
    return _entity_rows(conn, "WHERE e.type = ?", (entity_type,))


def entities_by_ids(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> list[EntityRow]:
    """The entities with these ids (unknown ids are skipped), most mentioned first."""
    return _entity_rows(conn, "WHERE e.id IN (SELECT value FROM json_each(?))",
                        (json.dumps(list(dict.fromkeys(entity_ids))),))


#: The entities a user may mean by what they typed: an id, a kb id, a name or an alias. One
#: index look-up each (a chain of ``OR`` with a subquery made PostgreSQL scan every entity).
_NAMED = (
    "WHERE e.id IN (SELECT ? UNION ALL SELECT id FROM entities WHERE kb_id = ?"
    " UNION ALL SELECT id FROM entities WHERE norm_name = ?"
    " UNION ALL SELECT entity_id FROM aliases WHERE norm = ?)"
)


# The two reads of :func:`find_entity` (an actor named in a question: a pair's two, a profile's
# one) are key look-ups whatever the name: planned once per connection (``dialect.one_plan``).
one_plan(_rows_sql(_NAMED))
one_plan(_aliases_sql(_NAMED))


def _named_params(name: str) -> tuple[str, str, str, str]:
    normalised = normalise_name(name)
    return (name, name, normalised, normalised)


def find_entity(conn: sqlite3.Connection, name: str) -> EntityRow | None:
    """The entity a user means by an id, a kb id, a name or an alias (normalised); the most
    mentioned one when several fit."""
    rows = _entity_rows(conn, _NAMED, _named_params(name))
    return rows[0] if rows else None


#: The id :func:`find_entity` gives (its order: most mentioned, then name and id), in one statement.
_FOUND_ID = one_plan(
    f"SELECT e.id FROM entities e LEFT JOIN entity_stats s ON s.entity_id = e.id {_NAMED}"
    " ORDER BY COALESCE(s.mentions, 0) DESC, e.name, e.id LIMIT 1")


def find_entity_id(conn: sqlite3.Connection, name: str) -> str | None:
    """The id :func:`find_entity` would give, without reading aliases."""
    row = conn.execute(_FOUND_ID, _named_params(name)).fetchone()
    return row[0] if row else None


ENTITY_NAMES = one_plan("SELECT id, name, type, kb_id FROM entities WHERE id IN (SELECT value FROM json_each(?))")


def entity_names(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> dict[str, tuple[str, str, str | None]]:
    """Entity id → (name, type, kb id), without counting anything."""
    return {row[0]: row[1:] for row in conn.execute(ENTITY_NAMES, (json.dumps(list(dict.fromkeys(entity_ids))),))}
