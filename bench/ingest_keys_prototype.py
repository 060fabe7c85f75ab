"""Prototype (not the store's schema): the pages a save would write into the event- and
entity-keyed trees if events and documents were referred to by their ingest-order integer
(``events.rowid``, ``documents.rowid``) instead of their random text id.

    .venv/bin/python bench/ingest_keys_prototype.py BASE.db AFTER.db WORK.db

BASE: a store (schema m009 or later); AFTER: a copy of BASE after one ``Store.save`` of the next
documents (``bench/ingest_pages.py AFTER.db``); WORK: a scratch file, written. Each model tree is
a ``WITHOUT ROWID`` table of the tree's key, filled from BASE in the order ingest wrote the rows
(as ingest would have grown it), once with text ids and once with integers; then the rows the
save added (read from AFTER) are inserted, one tree per transaction, and the distinct pages of
that commit are read from the WAL. Nothing here is asserted by a test (docs/benchmark.md).
"""

from __future__ import annotations

import json
import sqlite3
import struct
import sys
import time
from pathlib import Path

_ACTORS = ("SELECT {ev}, ea.role, ea.position, ea.entity_id FROM {db}.event_actors ea"
           " JOIN {db}.events e ON e.id = ea.event_id{where} ORDER BY e.rowid, ea.role, ea.position")
_ACTORS_BY_ENTITY = ("SELECT ea.entity_id, {ev}, ea.role, ea.position FROM {db}.event_actors ea"
                     " JOIN {db}.events e ON e.id = ea.event_id{where} ORDER BY e.rowid, ea.role, ea.position")

#: model tree → (columns and key, the rows over database {db} in ingest order; {ev}/{doc}: the key)
MODELS = {
    "event_actors": ("(k, role, position, entity_id, PRIMARY KEY (k, role, position))", _ACTORS),
    "event_actors_by_entity": ("(entity_id, k, role, position, PRIMARY KEY (entity_id, k, role, position))",
                               _ACTORS_BY_ENTITY),
    "event_mentions_by_event": ("(k, mention, PRIMARY KEY (k, mention))",
                                "SELECT {ev}, em.id FROM {db}.event_mentions em JOIN {db}.events e"
                                " ON e.id = em.event_id{where_em} ORDER BY em.id"),
    "mentions_by_entity_doc": ("(entity_id, k, mention, PRIMARY KEY (entity_id, k, mention))",
                               "SELECT m.entity_id, {doc}, m.rowid FROM {db}.mentions m JOIN {db}.documents d"
                               " ON d.id = m.doc_id{where_m} ORDER BY m.rowid"),
    "pair_events": ("(entity_id, other_id, k, PRIMARY KEY (entity_id, other_id, k))",
                    "SELECT p.entity_id, p.other_id, {ev} FROM {db}.pair_events p JOIN {db}.events e"
                    " ON e.id = p.event_id{where} ORDER BY e.rowid"),
    "graph_actors": ("(month, entity_id, k, PRIMARY KEY (month, entity_id, k))",
                     "SELECT g.month, g.entity_id, {ev} FROM {db}.graph_actors g JOIN {db}.events e"
                     " ON e.id = g.event_id{where} ORDER BY e.rowid"),
    "graph_links": ("(month, entity_id, other_id, k, PRIMARY KEY (month, entity_id, other_id, k))",
                    "SELECT g.month, g.entity_id, g.other_id, {ev} FROM {db}.graph_links g JOIN {db}.events e"
                    " ON e.id = g.event_id{where} ORDER BY e.rowid"),
    # With integer keys the events table itself (rowid) answers these lookups.
    "events_facts": ("(k, modality, score, date_start, date_value, date_end, type, PRIMARY KEY (k))",
                     "SELECT {ev}, e.modality, e.score, e.date_start, e.date_value, e.date_end, e.type"
                     " FROM {db}.events e{where} ORDER BY e.rowid"),
}


def wal_pages(path: str) -> int:
    """Distinct pages in the WAL file of ``path``."""
    wal = Path(f"{path}-wal")
    data = wal.read_bytes() if wal.exists() else b""
    if len(data) < 32:
        return 0
    size = struct.unpack(">I", data[8:12])[0]
    pages, offset = set(), 32
    while offset + 24 + size <= len(data):
        pages.add(struct.unpack(">I", data[offset:offset + 4])[0])
        offset += 24 + size
    return len(pages)


def main(base: str, after: str, work: str) -> dict[str, tuple[int, int, float]]:
    for suffix in ("", "-wal", "-shm"):
        Path(work + suffix).unlink(missing_ok=True)
    conn = sqlite3.connect(work, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "wal_autocheckpoint = 0"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("ATTACH DATABASE ? AS base", (base,))
    conn.execute("ATTACH DATABASE ? AS after", (after,))
    events, event_mentions, mentions = conn.execute(
        "SELECT (SELECT MAX(rowid) FROM base.events), (SELECT MAX(id) FROM base.event_mentions),"
        " (SELECT MAX(rowid) FROM base.mentions)").fetchone()
    new_only = {"where": f" WHERE e.rowid > {events}", "where_em": f" WHERE em.id > {event_mentions}",
                "where_m": f" WHERE m.rowid > {mentions}"}
    results: dict[str, tuple[int, int, float]] = {}
    for shape, ev, doc in (("text", "e.id", "d.id"), ("int", "e.rowid", "d.rowid")):
        for name, (columns, select) in MODELS.items():
            table = f"{name}_{shape}"
            conn.execute(f"CREATE TABLE {table} {columns} WITHOUT ROWID")
            conn.execute(f"INSERT INTO {table} " + select.format(ev=ev, doc=doc, db="base", where="", where_em="",
                                                                  where_m=""))
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            rows = conn.execute(select.format(ev=ev, doc=doc, db="after", **new_only)).fetchall()
            started = time.perf_counter()
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
            conn.execute("COMMIT")
            results[f"{name} {shape}"] = (len(rows), wal_pages(work), round((time.perf_counter() - started) * 1000, 1))
            print(f"{name:24} {shape:4}  rows {len(rows):6,}  pages {results[f'{name} {shape}'][1]:6,}", flush=True)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return results


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))
