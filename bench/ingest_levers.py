"""One ingest lever at a time: the storage cost per document of the next documents of the
benchmark's generator saved into a COPY of a store, in one ``Store`` as an ingest run does.

    .venv/bin/python bench/ingest_levers.py STORE.db                       # 2,000 documents, 500 per save
    .venv/bin/python bench/ingest_levers.py STORE.db --per-save 2000       # commit size
    .venv/bin/python bench/ingest_levers.py STORE.db --cache-kib 2000 --autocheckpoint 1000   # SQLite's defaults

``STORE.db`` is copied to ``--work`` (its own file is not written), the copy flushed to disk,
then the timing runs from the first save to a checkpoint of the WAL at the end (what
``ingest_paths`` does when it ends): wall and CPU milliseconds per document, and the bytes the
process read and wrote through system calls per document (``/proc/self/io``: page reads from
the file or the OS cache, WAL and checkpoint writes), which the machine's load does not move.
The writer's page cache and checkpoint threshold are the store's own unless given. Nothing here
is asserted by a test; the figures are in docs/benchmark.md ("Seventh session: ingest").
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from chronique.store import Store
from query_latency import SEED, _io_bytes, actor_count
from synthetic_store import NewsGenerator


def measure(source: Path, work: Path, count: int, per_save: int, cache_kib: int | None,
            autocheckpoint: int | None, seed: int = SEED) -> dict[str, Any]:
    with closing(sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, work)
    with Store(work):  # a pending migration, checkpointed when the store closes
        pass
    os.sync()  # the copy's dirty pages, not the saves, pay for its writeback
    documents = NewsGenerator(seed, actor_count(max(stored, 100_000))).documents(stored + count)
    for _ in range(stored):
        next(documents)
    batch = list(documents)
    per_save_ms: list[float] = []
    with Store(work) as store:
        if cache_kib is not None:
            store._conn.execute(f"PRAGMA cache_size = -{cache_kib}")
        if autocheckpoint is not None:
            store._conn.execute(f"PRAGMA wal_autocheckpoint = {autocheckpoint}")
        read, written = _io_bytes()
        started, cpu = time.perf_counter(), time.process_time()
        for first in range(0, len(batch), per_save):
            save_started = time.perf_counter()
            store.save(batch[first:first + per_save])
            per_save_ms.append(round((time.perf_counter() - save_started) * 1000 / per_save, 2))
        store._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # as ingest_paths ends (Store.checkpoint)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        read_after, written_after = _io_bytes()
    return {"stored": stored, "documents": count, "per_save": per_save, "cache_kib": cache_kib,
            "autocheckpoint": autocheckpoint, "wall_ms_per_document": round(wall * 1000 / count, 2),
            "cpu_ms_per_document": round(cpu * 1000 / count, 2), "per_save_wall_ms_per_document": per_save_ms,
            "read_kib_per_document": round((read_after - read) / 1024 / count, 1),
            "written_kib_per_document": round((written_after - written) / 1024 / count, 1),
            "load_average_1min": round(os.getloadavg()[0], 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("db", type=Path, help="the store to start from (copied, not written)")
    parser.add_argument("--work", type=Path, default=Path("bench/out/ingest-levers.db"), help="the copy (written)")
    parser.add_argument("--count", type=int, default=2000, help="documents saved (default 2000)")
    parser.add_argument("--per-save", type=int, default=500, help="documents per Store.save (default 500)")
    parser.add_argument("--cache-kib", type=int, help="the writer's page cache (default: the store's)")
    parser.add_argument("--autocheckpoint", type=int, help="WAL pages before a checkpoint (0: none until the end)")
    args = parser.parse_args(argv)
    args.work.parent.mkdir(parents=True, exist_ok=True)
    print(json.dumps(measure(args.db, args.work, args.count, args.per_save, args.cache_kib, args.autocheckpoint)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
