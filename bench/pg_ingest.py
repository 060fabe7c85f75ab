"""How fast the writer stores annotated documents into PostgreSQL, with and without COPY.

    python tests/store/pg_server.py /tmp/pg      # a throw-away server (or use your own)
    .venv/bin/python bench/pg_ingest.py --pg "postgresql:///postgres?host=/tmp/pg&user=chronique" \\
        --warm 1000 --docs 1000 --rounds 3 --json bench/out/pg-ingest.json

What a distributed ingest's client does once the workers have annotated: ``Store.save`` of
chunks of 100 documents, each one transaction, with cross-document identity resolved as it
goes. The documents are ``synthetic_store``'s (annotations made without the NLP, so only the
storing is timed). Each round makes two new databases on the server, stores the same ``--warm``
documents into both, then times storing the next ``--docs`` documents into one with the batched
inserts written by ``COPY`` (``store.pg_copy``) and into the other row by row; the order of the
two alternates from round to round, and a SQLite file gets the same documents for reference.
The stores are compared (same counts, same quote ids) before the figures are kept.

Measured, never asserted (docs/benchmark.md).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

from chronique.model import Annotations
from chronique.store import Store, postgres
from query_latency import SEED, actor_count, machine
from synthetic_store import NewsGenerator

BATCH = 100


def _database(server_url: str, name: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # type: ignore[arg-type]
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    base, _, query = server_url.partition("?")
    return f"{base[:base.index('/', base.index('//') + 2)]}/{name}" + (f"?{query}" if query else "")


def _drop(server_url: str, name: str) -> None:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # type: ignore[arg-type]


def _save(location: str, documents: list[Annotations], copy: bool) -> float:
    """Seconds to store ``documents`` in chunks of :data:`BATCH` (``copy``: with COPY)."""
    postgres.COPY_INSERTS = copy
    with Store(location) as store:
        started = time.perf_counter()
        for first in range(0, len(documents), BATCH):
            store.save(documents[first:first + BATCH])
        return time.perf_counter() - started


def _fingerprint(location: str) -> tuple[Any, ...]:
    with Store(location, read_only=True) as store:
        quotes = store._conn.execute("SELECT COUNT(*), COALESCE(SUM(id * start), 0) FROM quotes").fetchone()
        return tuple(sorted(store.counts().items())), tuple(quotes)


def one_round(server_url: str, warm: list[Annotations], timed: list[Annotations], copy_first: bool,
              workdir: Path, index: int) -> dict[str, float]:
    seconds: dict[str, float] = {}
    prints = set()
    for copy in ((True, False) if copy_first else (False, True)):
        name = f"chronique_pg_ingest_{os.getpid()}_{index}_{'copy' if copy else 'rows'}"
        url = _database(server_url, name)
        try:
            _save(url, warm, copy)
            seconds["copy" if copy else "rows"] = _save(url, timed, copy)
            prints.add(_fingerprint(url))
        finally:
            _drop(server_url, name)
    sqlite_path = workdir / f"round{index}.db"
    _save(str(sqlite_path), warm, True)
    seconds["sqlite"] = _save(str(sqlite_path), timed, True)
    prints.add(_fingerprint(str(sqlite_path)))
    if len(prints) != 1:
        raise SystemExit(f"the stores differ: {prints}")
    return seconds


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--pg", required=True, help="postgresql:// URL of a database on the server (new ones are made)")
    parser.add_argument("--warm", type=int, default=1000, help="documents stored before timing (default 1000)")
    parser.add_argument("--docs", type=int, default=1000, help="documents timed (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, alternating which mode goes first")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", metavar="FILE", help="write every figure as JSON to FILE")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    documents = list(NewsGenerator(args.seed, actor_count(args.warm + args.docs)).documents(args.warm + args.docs))
    warm, timed = documents[:args.warm], documents[args.warm:]
    rounds = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="chronique-pg-ingest-") as workdir:
        for index in range(args.rounds):
            seconds = one_round(args.pg, warm, timed, index % 2 == 0, Path(workdir), index)
            rounds.append({mode: round(value / len(timed) * 1000, 2) for mode, value in seconds.items()})
            print(f"round {index + 1}: ms per document {rounds[-1]}", file=sys.stderr)
    medians = {mode: statistics.median(r[mode] for r in rounds) for mode in rounds[0]}
    report = {
        "warm": args.warm, "docs": args.docs, "batch": BATCH, "rounds": rounds,
        "ms_per_document": medians,
        "documents_per_second": {mode: round(1000 / value, 1) for mode, value in medians.items()},
        "copy_speed_up": round(medians["rows"] / medians["copy"], 2),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "machine": machine(),
    }
    print(json.dumps({k: report[k] for k in ("ms_per_document", "documents_per_second", "copy_speed_up",
                                             "load_average")}, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return report


if __name__ == "__main__":
    main()
