"""The resolver's view of the stored entities (``chronique.identity.entities.EntityCatalog`` over SQL).

It sees the current transaction's own writes, so entities created earlier in a batch are known
to the documents after them. Names are looked up by identity key (``entities.key_name``,
``aliases.key_norm``), people by surname (``entities.surname``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from chronique.identity.entities import Context, KnownEntity

__all__ = ["SqlCatalog"]

_COLUMNS = "e.id, e.name, e.type, e.kb_id"

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

    def context(self, entity_id: str) -> Context:
        anchors = frozenset(row[0] for row in self._conn.execute(
            "SELECT DISTINCT target FROM relations WHERE source = ?", (entity_id,)))
        neighbours = frozenset(row[0] for row in self._conn.execute(
            "SELECT other_id FROM entity_neighbours WHERE entity_id = ?", (entity_id,)))
        return Context(anchors, neighbours)
