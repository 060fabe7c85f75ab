"""The analyst's questions on PostgreSQL against SQLite, on the same store of 100,000 documents.

    python tests/store/pg_server.py /tmp/pg      # a throw-away server (or use your own)
    .venv/bin/python bench/pg_latency.py --pg "postgresql:///bench?host=/tmp/pg&user=chronique" \\
        --sqlite bench/out/q100k.db --queries 100 --json bench/out/pg-latency.json
    .venv/bin/python bench/pg_latency.py --pg URL --docs 300 --queries 5   # smoke run

The SQLite store is ``query_latency.py``'s (synthetic news through ``Store.save``; built at
``--sqlite`` when that file holds nothing). The PostgreSQL database gets the same rows: the
schema through ``Store(url)`` (the migrations), then every table copied with ``COPY`` in rowid
order, identity sequences moved past the copied ids, ``ANALYZE``. The questions are drawn once
(``query_latency.Workload``, fixed seed) and asked of both through ``Chronicle``;
p50, p95 and max per kind for each, and PostgreSQL's p95 over SQLite's. The engines take turns
question by question (the machine may be shared: both see the same load), and the load average
is kept with each kind.

Measured, never asserted (docs/benchmark.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
from rich.console import Console
from rich.table import Table

from chronique.analysis import Chronicle
from chronique.store import Store
from query_latency import SEED, Workload, actor_count, machine, open_or_build, percentile, warm_file
from synthetic_store import NewsGenerator

console = Console() if sys.stdout.isatty() else Console(width=140)
status = Console(stderr=True)

#: The tables referenced by others, copied first (foreign keys are checked as rows are copied);
#: every other table of the SQLite store follows (running totals, newer migrations' tables).
FIRST_TABLES = ("documents", "entities", "events", "relations")
#: Tables whose ids PostgreSQL numbers itself (identity columns).
IDENTITY_TABLES = ("quotes", "event_mentions", "ingest_log", "entity_merges")


def _tables(source: sqlite3.Connection) -> list[str]:
    """The store's tables (not the full-text index's own, nor SQLite's), referenced ones first."""
    names = [row[0] for row in source.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        " AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'quotes_fts%' ORDER BY name")]
    return [name for name in FIRST_TABLES if name in names] + [name for name in names if name not in FIRST_TABLES]


def _copy_order(source: sqlite3.Connection, table: str) -> str:
    """``rowid`` (identity ids are numbered as in SQLite), or the primary key of a table without one."""
    try:
        source.execute(f"SELECT rowid FROM {table} LIMIT 0")
        return "rowid"
    except sqlite3.OperationalError:
        key = sorted((row[5], row[1]) for row in source.execute(f"PRAGMA table_info({table})") if row[5])
        return ", ".join(f'"{name}"' for _, name in key)


def copy_to_postgres(sqlite_path: Path, url: str) -> dict[str, Any]:
    """Every row of the SQLite store into the (new, empty) PostgreSQL database at ``url``."""
    started = time.perf_counter()
    with Store(url) as store:
        if store.counts()["documents"]:
            status.print(f"{url} already holds documents: measuring it as it is")
            return {"copied": False}
    rows: dict[str, int] = {}
    with closing(sqlite3.connect(f"{sqlite_path.absolute().as_uri()}?mode=ro", uri=True)) as source, \
            psycopg.connect(url) as target:
        target.execute("SET CONSTRAINTS ALL DEFERRED")  # checked at the commit, whatever the order
        tables = _tables(source)
        for table in reversed(tables):
            target.execute(f"DELETE FROM {table}")  # type: ignore[arg-type]  # some are filled by the migrations
        for table in tables:
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(f'"{column}"' for column in columns)
            count = 0
            with target.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # type: ignore[arg-type]
                for row in source.execute(f"SELECT {names} FROM {table} ORDER BY {_copy_order(source, table)}"):
                    copy.write_row(row)
                    count += 1
            rows[table] = count
            status.print(f"copied {table}: {count:,} rows ({time.perf_counter() - started:,.0f} s)")
        for table in IDENTITY_TABLES:
            target.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"  # type: ignore[arg-type]
                           f" COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)")
        target.commit()
    with psycopg.connect(url, autocommit=True) as target:
        target.execute("VACUUM ANALYZE")
    return {"copied": True, "rows": rows, "seconds": round(time.perf_counter() - started, 1)}


def database_bytes(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def _figures(times: list[float], sizes: list[int]) -> dict[str, Any]:
    ordered = sorted(times)
    return {
        "queries": len(times),
        "p50_ms": round(percentile(ordered, 0.50), 2),
        "p95_ms": round(percentile(ordered, 0.95), 2),
        "max_ms": round(ordered[-1], 2),
        "mean_ms": round(statistics.fmean(ordered), 2),
        "mean_results": round(statistics.fmean(sizes), 1),
        "max_results": max(sizes),
    }


def run_both(sqlite_path: Path, url: str, queries: int, seed: int, kinds: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """The same questions asked of both, alternating: each question of SQLite then of PostgreSQL
    (which goes first alternates from one question to the next), so that a machine shared with
    other work loads both engines alike. The answers' sizes must agree."""
    with closing(sqlite3.connect(f"{sqlite_path.absolute().as_uri()}?mode=ro", uri=True)) as conn, \
            Store(sqlite_path, read_only=True) as store:
        generator = NewsGenerator(seed, actor_count(store.counts()["documents"]))
        questions = Workload(conn, generator, queries, seed + 1).questions()
    results: dict[str, dict[str, Any]] = {}
    with Store(str(sqlite_path), read_only=True) as lite_store, Store(url, read_only=True) as pg_store:
        engines = {"sqlite": Chronicle(lite_store), "postgresql": Chronicle(pg_store)}
        for kind, calls in questions.items():
            if kinds and not any(wanted in kind for wanted in kinds):
                continue
            status.print(f"measuring {kind} ({len(calls)} queries each, load {os.getloadavg()[0]:.1f})")
            for chron in engines.values():  # warm-up: one of the kind, not counted
                calls[0](chron)
            times: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
            sizes: dict[str, list[int]] = {"sqlite": [], "postgresql": []}
            for index, call in enumerate(calls):
                order = ("sqlite", "postgresql") if index % 2 == 0 else ("postgresql", "sqlite")
                for engine in order:
                    started = time.perf_counter()
                    sizes[engine].append(call(engines[engine]))
                    times[engine].append((time.perf_counter() - started) * 1000)
            if sizes["sqlite"] != sizes["postgresql"]:
                raise SystemExit(f"{kind}: the engines answer differently ({sizes})")
            results[kind] = {engine: _figures(times[engine], sizes[engine]) for engine in engines}
            results[kind]["load_average"] = round(os.getloadavg()[0], 2)
    return results


def results_table(results: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="query latency (ms): SQLite and PostgreSQL, same store, same questions")
    for column in ("question", "queries", "SQLite p50", "SQLite p95", "PostgreSQL p50", "PostgreSQL p95",
                   "p95 PG / SQLite", "load"):
        table.add_column(column, justify="left" if column == "question" else "right")
    for kind, engines in results.items():
        lite, pg = engines["sqlite"], engines["postgresql"]
        table.add_row(kind, str(lite["queries"]), f"{lite['p50_ms']:.1f}", f"{lite['p95_ms']:.1f}",
                      f"{pg['p50_ms']:.1f}", f"{pg['p95_ms']:.1f}", f"{pg['p95_ms'] / max(lite['p95_ms'], 0.01):.2f}",
                      f"{engines['load_average']:.1f}")
    return table


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--pg", required=True, help="postgresql:// URL of an empty database (or one this filled)")
    parser.add_argument("--sqlite", type=Path, help="SQLite store to build once and reuse (default: a temporary file)")
    parser.add_argument("--docs", type=int, default=100_000, help="documents to build (default 100000)")
    parser.add_argument("--queries", type=int, default=100, help="queries per kind (default 100)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the synthetic news and of the questions")
    parser.add_argument("--kinds", nargs="*", help="only the questions whose kind holds one of these words")
    parser.add_argument("--json", metavar="FILE", help="write every figure as JSON to FILE")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="chronique-pg-latency-") as workdir:
        path, built = open_or_build(args.sqlite, args.docs, args.seed, Path(workdir))
        with Store(path):
            pass  # pending migrations first
        copied = copy_to_postgres(path, args.pg)
        warm_file(path)
        results = run_both(path, args.pg, args.queries, args.seed, args.kinds)
        with Store(path) as store:
            counts = store.counts()
        report = {
            "store": {"counts": counts, "sqlite_bytes": path.stat().st_size, "postgresql_bytes": database_bytes(args.pg),
                      "built": built, "copied": copied},
            "machine": machine() | {"postgresql": psycopg.connect(args.pg).info.server_version},
            "seed": args.seed,
            "results": results,
        }
    console.print(results_table(results))
    console.print(f"store: {counts['documents']:,} documents, {counts['events']:,} events; SQLite "
                  f"{report['store']['sqlite_bytes'] / 2**20:,.0f} MiB, PostgreSQL "
                  f"{report['store']['postgresql_bytes'] / 2**20:,.0f} MiB")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return report


if __name__ == "__main__":
    main()
