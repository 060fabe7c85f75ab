"""The resolver's view of the stored entities (``chronique.identity.entities.EntityCatalog`` over SQL).

It sees the current transaction's own writes, so entities created earlier in a batch are known
to the documents after them. Names are looked up by identity key (``entities.key_name``,
``aliases.key_norm``), people by surname (``entities.surname``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from chronique.identity.entities import Context, KnownEntity, restrict_context

__all__ = ["SqlCatalog"]

_COLUMNS = "e.id, e.name, e.type, e.kb_id"

#: (ids of a given list an entity is tied to, one id outside the list, any id): each an index range
#: (``relations_by_source``, the primary key of ``entity_neighbours``), never the whole set.
_ANCHORS = (
    "SELECT DISTINCT target FROM relations WHERE source = ? AND target IN ({marks})",
    "SELECT 1 FROM relations WHERE source = ? AND target NOT IN ({marks}) LIMIT 1",
    "SELECT 1 FROM relations WHERE source = ? LIMIT 1",
)
_NEIGHBOURS = (
    "SELECT other_id FROM entity_neighbours WHERE entity_id = ? AND other_id IN ({marks})",
    "SELECT 1 FROM entity_neighbours WHERE entity_id = ? AND other_id NOT IN ({marks}) LIMIT 1",
    "SELECT 1 FROM entity_neighbours WHERE entity_id = ? LIMIT 1",
)

class SqlCatalog:
    """Stored entities for ``resolve_entity``. Neighbours come from ``entity_neighbours``, which
    the writer fills once a document's entities are all resolved: the document being written is
    not part of any stored context."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def _rows(self, where: str, params: tuple[str, ...]) -> list[KnownEntity]:
        return [KnownEntity(*row) for row in self._conn.execute(
            f"SELECT DISTINCT {_COLUMNS} FROM entities e {where} ORDER BY e.id", params)]

    def by_id(self, entity_id: str) -> KnownEntity | None:
        rows = self._rows("WHERE e.id = ?", (entity_id,))
        return rows[0] if rows else None

    def by_kb_id(self, kb_id: str) -> KnownEntity | None:
        rows = self._rows("WHERE e.kb_id = ?", (kb_id,))
        return rows[0] if rows else None

    def redirect(self, entity_id: str) -> str | None:
        row = self._conn.execute("SELECT new_id FROM entity_redirects WHERE old_id = ?", (entity_id,)).fetchone()
        return row[0] if row else None

    def pinned(self, entity_type: str, key: str) -> str | None:
        row = self._conn.execute(
            "SELECT entity_id FROM entity_pins WHERE type = ? AND key = ?", (entity_type, key)).fetchone()
        return row[0] if row else None

    def by_name(self, entity_type: str, key: str) -> Sequence[KnownEntity]:
        return self._rows("WHERE e.type = ? AND e.key_name = ?", (entity_type, key))

    def by_alias(self, entity_type: str, key: str) -> Sequence[KnownEntity]:
        return self._rows("JOIN aliases a ON a.entity_id = e.id WHERE e.type = ? AND a.key_norm = ?",
                          (entity_type, key))

    def by_surname(self, entity_type: str, surname: str) -> Sequence[KnownEntity]:
        return self._rows("WHERE e.type = ? AND e.surname = ?", (entity_type, surname))

    def context(self, entity_id: str, near: Context | None = None) -> Context:
        """The whole context, or with ``near`` the restricted one (``identity.entities.
        restrict_context``): a few index seeks, whatever the number of the entity's
        neighbours (a much-named actor has tens of thousands)."""
        if near is None:
            anchors = frozenset(row[0] for row in self._conn.execute(
                "SELECT DISTINCT target FROM relations WHERE source = ?", (entity_id,)))
            neighbours = frozenset(row[0] for row in self._conn.execute(
                "SELECT other_id FROM entity_neighbours WHERE entity_id = ?", (entity_id,)))
            return Context(anchors, neighbours)
        shared_anchors, other_anchors = self._split(_ANCHORS, entity_id, near.anchors)
        shared_neighbours, other_neighbours = self._split(_NEIGHBOURS, entity_id, near.neighbours)
        return restrict_context(near, shared_anchors, other_anchors, shared_neighbours, other_neighbours)

    def _split(self, sql: tuple[str, str, str], entity_id: str, wanted: frozenset[str]) -> tuple[list[str], bool]:
        """The ids among ``wanted`` the entity's row set holds, and whether it holds any other."""
        if not wanted:
            return [], self._conn.execute(sql[2], (entity_id,)).fetchone() is not None
        marks, ids = ", ".join("?" * len(wanted)), sorted(wanted)
        shared = [row[0] for row in self._conn.execute(sql[0].format(marks=marks), (entity_id, *ids))]
        other = self._conn.execute(sql[1].format(marks=marks), (entity_id, *ids)).fetchone() is not None
        return shared, other
