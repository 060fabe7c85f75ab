"""Ingest throughput in one process and on a local Dask cluster of 1 and 2 workers, and what Dask
costs per document (issue 18).

    .venv/bin/python bench/ingest_workers.py                      # about 400 documents, 5 to 10 minutes
    .venv/bin/python bench/ingest_workers.py --words 10000        # quick try
    .venv/bin/python bench/ingest_workers.py --json bench/out/ingest_workers.json

The corpus is the speed benchmark's distinct text (``speed_corpus.build_corpus``: every real
French text the project can read at run time, then generated news, no document repeated), so
that every document is stored rather than found a duplicate.

Each variant runs in a fresh child process (this script with ``--child``) and is timed there
after its start-up: the pipeline loaded (in the process, or in every worker through the worker
plugin) and warmed on a few documents ingested into a throw-away store, so that the figure is
the steady rate a long run has, not the seconds a model takes to load. The child reports wall
time, its own CPU time (for Dask runs: the client's, which reads, checks duplicates, receives
the annotations and stores them) and the workers' CPU time, and the load average before and
after: on a shared machine another process's work stretches wall time.

"Dask overhead per document" is (1-worker Dask time - single-process time) / documents: sending a
chunk and its annotations across processes and the scheduler's round trips, less what a worker
saves by annotating while the client stores (it can come out negative).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from speed_corpus import CorpusRecord, build_corpus, write_corpus

WARM_UP_DOCUMENTS = 8
VARIANTS: dict[str, int] = {"single process": 0, "Dask, 1 worker": 1, "Dask, 2 workers": 2}


def distinct_corpus(words: int) -> list[CorpusRecord]:
    """About ``words`` words of distinct articles: real texts first, then generated news."""
    return build_corpus(words)


# ------------------------------------------------------------------ child: one variant, timed
def _timed(work: Callable[[], Any]) -> tuple[Any, float, float]:
    started, cpu_started = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - started, time.process_time() - cpu_started


def run_child(workers: int, corpus: Path, warm_up: Path, folder: Path) -> dict[str, Any]:
    from chronique.ingest import ingest_paths
    from chronique.store import Store

    load_before = os.getloadavg()[0]
    if workers == 0:
        with Store(folder / "warm.db") as store:
            ingest_paths([warm_up], store, batch_size=1)
        with Store(folder / "bench.db") as store:
            report, seconds, cpu = _timed(lambda: ingest_paths([corpus], store))
        worker_cpu = cpu
    else:
        from chronique.cluster import connect, ingest_paths_on_cluster

        with connect(workers=workers) as client:
            with Store(folder / "warm.db") as store:
                ingest_paths_on_cluster([warm_up], store, client, batch_size=1)
            cpu_before = client.run(time.process_time)
            with Store(folder / "bench.db") as store:
                report, seconds, cpu = _timed(lambda: ingest_paths_on_cluster([corpus], store, client))
            cpu_after = client.run(time.process_time)
            worker_cpu = sum(cpu_after[w] - cpu_before.get(w, 0.0) for w in cpu_after)
    return {"workers": workers, "documents": len(report.stored), "seconds": seconds, "client_cpu_seconds": cpu,
            "worker_cpu_seconds": worker_cpu, "load_before": load_before, "load_after": os.getloadavg()[0],
            "rejected": len(report.rejected), "duplicates": len(report.duplicates)}


# ------------------------------------------------------------------ parent: corpus, children, table
def run_variant(workers: int, corpus: Path, warm_up: Path, workdir: Path) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix=f"w{workers}-", dir=workdir))
    result = folder / "result.json"
    subprocess.run([sys.executable, __file__, "--child", str(workers), str(corpus), str(warm_up), str(folder),
                    str(result)], check=True)
    return json.loads(result.read_text(encoding="utf-8"))


def summary(figures: dict[str, dict[str, Any]]) -> dict[str, Any]:
    single, one, two = (figures[name] for name in VARIANTS)
    documents = single["documents"]
    return {
        "documents": documents,
        "speed-up with 2 workers": single["seconds"] / two["seconds"],
        "Dask overhead per document (ms)": 1000 * (one["seconds"] - single["seconds"]) / documents,
        "client CPU per document, 2 workers (ms)": 1000 * two["client_cpu_seconds"] / documents,
        "worker CPU per document, 2 workers (ms)": 1000 * two["worker_cpu_seconds"] / documents,
        "single-process CPU per document (ms)": 1000 * single["client_cpu_seconds"] / documents,
    }


def print_table(figures: dict[str, dict[str, Any]], totals: dict[str, Any]) -> None:
    print(f"\n{'variant':<18} {'docs':>5} {'seconds':>8} {'docs/s':>7} {'load before/after':>18}")
    for name, f in figures.items():
        print(f"{name:<18} {f['documents']:>5} {f['seconds']:>8.1f} {f['documents'] / f['seconds']:>7.2f}"
              f" {f['load_before']:>9.2f}/{f['load_after']:.2f}")
    print()
    for key, value in totals.items():
        print(f"{key}: {value:.2f}" if isinstance(value, float) else f"{key}: {value}")
    print(f"cores: {os.cpu_count()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60000, help="corpus size in words (default 60000: about 400 documents, 13 chunks)")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--child", nargs=5, metavar=("WORKERS", "CORPUS", "WARM_UP", "FOLDER", "RESULT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        workers, corpus, warm_up, folder, result = args.child
        figures = run_child(int(workers), Path(corpus), Path(warm_up), Path(folder))
        Path(result).write_text(json.dumps(figures), encoding="utf-8")
        return
    with tempfile.TemporaryDirectory(prefix="chronique-ingest-bench-") as workdir:
        records = distinct_corpus(args.words)
        corpus, warm_up = Path(workdir, "corpus.jsonl"), Path(workdir, "warm-up.jsonl")
        write_corpus(records, corpus)
        write_corpus([replace(r, id=f"warm-{r.id}", text=f"{r.text}\n\nÉchauffement.")
                      for r in records[:WARM_UP_DOCUMENTS]], warm_up)
        figures = {}
        for name, workers in VARIANTS.items():
            print(f"{name}: {len(records)} documents ...", file=sys.stderr, flush=True)
            figures[name] = run_variant(workers, corpus, warm_up, Path(workdir))
    totals = summary(figures)
    print_table(figures, totals)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"variants": figures, "summary": totals}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
