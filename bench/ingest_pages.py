"""Which B-trees one ``Store.save`` writes, in pages, and how long it takes.

    .venv/bin/python bench/ingest_pages.py COPY.db              # the next 500 documents, one save
    .venv/bin/python bench/ingest_pages.py COPY.db --count 100  # the next 100

The store at ``COPY.db`` is written to (give it a copy: ``cp q100k.db /tmp/copy.db``). Its WAL
is checkpointed first, automatic checkpoints are turned off on the writer's connection, then the
next ``--count`` documents of the benchmark's generator (``query_latency.py``'s seed and actors,
the NLP excluded) are saved in one ``Store.save``. Every frame the commit appended to the WAL is
read back (its header names the page), and each distinct page is put down to the table or
index that owns it with SQLite's ``dbstat``. The pages per B-tree are what grows with the store
when ids are random: each insert into an index keyed by a random id lands on a leaf of its own.

Nothing here is asserted by a test; the figures are reported in docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import struct
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

from chronique.store import Store
from query_latency import SEED, actor_count
from synthetic_store import NewsGenerator

_WAL_HEADER, _FRAME_HEADER = 32, 24


def wal_pages(wal: Path) -> tuple[int, set[int]]:
    """The number of frames in the WAL file and the distinct page numbers they hold."""
    data = wal.read_bytes()
    if len(data) < _WAL_HEADER:
        return 0, set()
    page_size = struct.unpack(">I", data[8:12])[0]
    frames, pages, offset = 0, set(), _WAL_HEADER
    while offset + _FRAME_HEADER + page_size <= len(data):
        pages.add(struct.unpack(">I", data[offset:offset + 4])[0])
        frames += 1
        offset += _FRAME_HEADER + page_size
    return frames, pages


def owners(conn: sqlite3.Connection, pages: set[int]) -> Counter[str]:
    """Pages per owning table or index (``dbstat``); pages no B-tree owns count as ``(other)``."""
    owner = {page: name for name, page in conn.execute("SELECT name, pageno FROM dbstat")}
    return Counter(owner.get(page, "(other)") for page in pages)


def measure(path: Path, count: int, seed: int) -> dict[str, Any]:
    with closing(sqlite3.connect(path)) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    documents = NewsGenerator(seed, actor_count(stored)).documents(stored + count)
    for _ in range(stored):
        next(documents)
    batch = list(documents)
    with Store(path) as store:  # opening may migrate: its pages are checkpointed away below
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store._conn.execute("PRAGMA wal_autocheckpoint = 0")
        started = time.perf_counter()
        store.save(batch)
        elapsed = time.perf_counter() - started
        frames, pages = wal_pages(Path(f"{path}-wal"))
        by_tree = owners(store._conn, pages)
    return {"stored": stored, "documents": len(batch), "ms_per_document": round(elapsed / len(batch) * 1000, 2),
            "wal_frames": frames, "distinct_pages": len(pages), "load_average_1min": round(os.getloadavg()[0], 2),
            "pages_by_tree": dict(by_tree.most_common())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("db", type=Path, help="a COPY of a store (it is written to)")
    parser.add_argument("--count", type=int, default=500, help="documents in the one save (default 500)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = measure(args.db, args.count, args.seed)
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    print(f"{figures['documents']} documents into {figures['stored']:,}: {figures['ms_per_document']} ms/document,"
          f" {figures['wal_frames']:,} WAL frames, {figures['distinct_pages']:,} distinct pages,"
          f" load {figures['load_average_1min']}")
    for name, pages in figures["pages_by_tree"].items():
        print(f"{pages:7,}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
