"""Relations with one or two given actors at their ends, each with its tellings in reading order
(only the first few of a much-told one, found by walking the articles in date order).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from chronique.store.queries import CHOSEN, rows_together, stored_date
from chronique.store.records import Evidence, RelationRow

__all__ = ["relations", "relation_count"]

_RELATIONS = f"""
    SELECT r.id, r.type, r.source, src.name, r.target, tgt.name, r.title, r.valid_from, r.valid_to
    FROM relations r JOIN entities src ON src.id = r.source JOIN entities tgt ON tgt.id = r.target
    WHERE r.source {CHOSEN} {{joint}} r.target {CHOSEN}
    ORDER BY r.type, src.name, tgt.name, r.title, r.id
"""

_RELATION_EVIDENCE = f"""
    WITH ranked AS (
        SELECT ev.rowid AS evidence_row, ROW_NUMBER() OVER (
                   PARTITION BY ev.relation_id ORDER BY d.date, ev.doc_id, ev.start, ev.rowid) AS position
        FROM relation_evidence ev JOIN documents d ON d.id = ev.doc_id
        WHERE ev.relation_id {CHOSEN}
    )
    SELECT ev.relation_id, ev.doc_id, d.date, ev.start, ev."end",
           substr(d.text, ev.start + 1, ev."end" - ev.start),
           substr(d.text, COALESCE(s.start, ev.start) + 1,
                  COALESCE(s."end", ev."end") - COALESCE(s.start, ev.start))
    FROM ranked
    JOIN relation_evidence ev ON ev.rowid = ranked.evidence_row
    JOIN documents d ON d.id = ev.doc_id
    LEFT JOIN sentences s ON s.doc_id = ev.doc_id AND ev.start < s."end" AND s.start = (
        SELECT MAX(s2.start) FROM sentences s2 WHERE s2.doc_id = ev.doc_id AND s2.start <= ev.start)
    WHERE ranked.position <= ?
    ORDER BY ev.relation_id, ranked.position
"""


#: The first tellings of one much-told relation: the documents walked in date order until
#: ``limit`` of them tell it (each a correlated probe: as a join, SQLite builds a Bloom filter
#: over the relation's every telling first, 50 ms for one told 65,000 times), then those
#: documents' tellings, in the order ``_RELATION_EVIDENCE`` ranks.
_FIRST_TELLINGS = """
    SELECT ev.rowid FROM relation_evidence ev INDEXED BY relation_evidence_by_doc JOIN documents d ON d.id = ev.doc_id
    WHERE ev.relation_id = ? AND ev.doc_id IN (
        SELECT d2.id FROM documents d2 INDEXED BY documents_by_date
        WHERE EXISTS (SELECT 1 FROM relation_evidence e2 INDEXED BY relation_evidence_by_doc
                      WHERE e2.doc_id = d2.id AND e2.relation_id = ?)
        ORDER BY d2.date, d2.id LIMIT ?)
    ORDER BY d.date, ev.doc_id, ev.start, ev.rowid LIMIT ?
"""

_EVIDENCE_ROWS = f"""
    SELECT ev.relation_id, ev.doc_id, d.date, ev.start, ev."end",
           substr(d.text, ev.start + 1, ev."end" - ev.start),
           substr(d.text, COALESCE(s.start, ev.start) + 1,
                  COALESCE(s."end", ev."end") - COALESCE(s.start, ev.start))
    FROM relation_evidence ev
    JOIN documents d ON d.id = ev.doc_id
    LEFT JOIN sentences s ON s.doc_id = ev.doc_id AND ev.start < s."end" AND s.start = (
        SELECT MAX(s2.start) FROM sentences s2 WHERE s2.doc_id = ev.doc_id AND s2.start <= ev.start)
    WHERE ev.rowid {CHOSEN}
    ORDER BY ev.relation_id, d.date, ev.doc_id, ev.start, ev.rowid
"""


def _much_told(totals: dict[str, int], limit: int | None, documents: int) -> list[str]:
    """The relations whose first ``limit`` tellings are found sooner by walking the ``documents``
    in date order than by ranking all of them: a much-covered CEO's role is told in 6,000
    articles, whose dates cost 50 ms to read and sort, while the first three are among the first
    fifty."""
    if limit is None:
        return []
    return sorted(rid for rid, total in totals.items() if total * total > limit * documents)


def _relation_evidence(
    conn: sqlite3.Connection, relation_ids: list[str], totals: dict[str, int], limit: int | None, documents: int,
) -> dict[str, list[Evidence]]:
    """Relation id → its tellings in reading order (the first ``limit`` only, when given)."""
    walked = _much_told(totals, limit, documents)
    ranked = json.dumps([rid for rid in relation_ids if rid not in set(walked)])
    rows = conn.execute(_RELATION_EVIDENCE, (ranked, 2**62 if limit is None else limit)).fetchall()
    chosen = [row[0] for rid in walked for row in conn.execute(_FIRST_TELLINGS, (rid, rid, limit, limit))]
    if chosen:
        rows += conn.execute(_EVIDENCE_ROWS, (json.dumps(chosen),)).fetchall()
    evidence: dict[str, list[Evidence]] = {}
    for relation_id, doc_id, doc_date, start, end, text, sentence in rows:
        evidence.setdefault(relation_id, []).append(Evidence(doc_id, stored_date(doc_date), start, end, text, sentence))
    return evidence


def relation_count(conn: sqlite3.Connection, entity_id: str) -> int:
    """How many relations the entity is at an end of."""
    return int(conn.execute("SELECT COUNT(*) FROM relations WHERE source = ? OR target = ?",
                            (entity_id, entity_id)).fetchone()[0])


def relations(
    conn: sqlite3.Connection, entity_ids: Sequence[str], *, between: bool = False,
    evidence_limit: int | None = None, limit: int | None = None,
) -> list[RelationRow]:
    """Relations with one of these entities at either end (``between``: at both ends), ordered
    by type, then source and target names. Each carries its evidence in reading order (the first
    ``evidence_limit`` tellings only, when given: a much-covered CEO's role is told thousands of
    times) and how many tellings there are in all; the first ``limit`` relations only, when given
    (their evidence alone is read)."""
    chosen = json.dumps(list(dict.fromkeys(entity_ids)))
    sql = _RELATIONS.format(joint="AND" if between else "OR")
    params: list[object] = [chosen, chosen]
    if limit is not None:
        sql, params = sql + " LIMIT ?", [*params, limit]
    rows = conn.execute(sql, params).fetchall()
    if not rows:  # (most pairs of actors: nothing more to read)
        return []
    relation_ids = [row[0] for row in rows]
    # The tellings' counts and the documents' (for _much_told), sent to a server at once.
    counted, last_document = rows_together(conn, [
        (f"SELECT relation_id, COUNT(*) FROM relation_evidence WHERE relation_id {CHOSEN} GROUP BY relation_id",
         (json.dumps(relation_ids),)),
        ("SELECT MAX(rowid) FROM documents", ())])
    totals = dict(counted)
    evidence = _relation_evidence(conn, relation_ids, totals, evidence_limit, last_document[0][0] or 0)
    return [
        RelationRow(rid, type_, source, source_name, target, target_name, title, valid_from, valid_to,
                    tuple(evidence.get(rid, ())), totals.get(rid, 0))
        for rid, type_, source, source_name, target, target_name, title, valid_from, valid_to in rows
    ]
