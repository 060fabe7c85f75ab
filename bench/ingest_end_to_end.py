"""What ingest takes per document, from text to stored facts, into a small store and a large one.

``query_latency.py --ingest`` times storage alone: the synthetic generator's ready-made
annotations saved into the store, the NLP left out. A user's ``chronique ingest`` also reads and
annotates every article, and that part does not depend on the store's size. This script
annotates distinct text once (the corpus of ``pipeline_speed.py``, ``speed_corpus``), the model
loaded and warmed beforehand, then stores those same annotations as ``ingest_paths`` does
(``DEFAULT_COMMIT_SIZE`` per save in one ``Store``, the WAL checkpointed at the end) into a
1,000-document store built by the synthetic generator and into a copy of the store given, the
two alternating, and reports per document: annotation, storage at each size, and their sum.

    python bench/ingest_end_to_end.py --db q100k.db --words 150000 --repeats 3

Nothing here is asserted by a test (docs/benchmark.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).parent))

from chronique.ingest import DEFAULT_COMMIT_SIZE, annotate_texts  # noqa: E402
from chronique.model import Annotations  # noqa: E402
from chronique.pipeline import load_pipeline  # noqa: E402
from chronique.store import Store  # noqa: E402
from query_latency import SEED, actor_count  # noqa: E402
from speed_corpus import build_corpus, taken_up_to  # noqa: E402
from speed_workers import as_documents  # noqa: E402
from synthetic_store import NewsGenerator  # noqa: E402

console = Console()


def annotated(words: int) -> tuple[list[Annotations], dict[str, float]]:
    """The corpus annotated once, with the wall and CPU milliseconds per document it took."""
    records = taken_up_to(build_corpus(words), words)
    load_pipeline("fr")
    list(annotate_texts(as_documents(records[:1])))  # warm: language identifier, lexicon memos
    started, cpu = time.perf_counter(), time.process_time()
    results = [a for a in annotate_texts(as_documents(records)) if isinstance(a, Annotations)]
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return results, {"wall_ms": wall / len(results) * 1000, "cpu_ms": cpu / len(results) * 1000}


def stored(path: Path, annotations: list[Annotations]) -> dict[str, float]:
    """Wall and CPU milliseconds per document to save ``annotations`` into the store at ``path``."""
    with Store(path) as store:
        started, cpu = time.perf_counter(), time.process_time()
        for first in range(0, len(annotations), DEFAULT_COMMIT_SIZE):
            store.save(annotations[first:first + DEFAULT_COMMIT_SIZE])
        store.checkpoint()  # as an ingest run ends
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"wall_ms": wall / len(annotations) * 1000, "cpu_ms": cpu / len(annotations) * 1000}


def fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def measure(large_store: Path, words: int, repeats: int, workdir: Path) -> dict[str, Any]:
    with closing(sqlite3.connect(f"{large_store.absolute().as_uri()}?mode=ro", uri=True)) as conn:
        size = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    annotations, annotate = annotated(words)
    small, large = workdir / "small.db", workdir / "large.db"
    samples: dict[str, list[dict[str, float]]] = {"1000": [], str(size): []}
    for _ in range(repeats):
        fresh(small)
        with Store(small) as store:
            store.save(list(NewsGenerator(SEED, actor_count(size)).documents(1000)))
        samples["1000"].append(stored(small, annotations))
        fresh(large)
        shutil.copyfile(large_store, large)
        with Store(large):  # a pending migration is applied before the timing
            pass
        samples[str(size)].append(stored(large, annotations))
    storage = {key: {measure: statistics.median(s[measure] for s in runs) for measure in ("wall_ms", "cpu_ms")}
               for key, runs in samples.items()}
    ingest = {key: {measure: annotate[measure] + figures[measure] for measure in figures}
              for key, figures in storage.items()}
    return {
        "documents_annotated": len(annotations), "words": words, "repeats": repeats, "store_documents": size,
        "annotate_ms_per_document": annotate, "storage_ms_per_document": storage,
        "ingest_ms_per_document": ingest,
        "storage_samples": {key: [round(s["wall_ms"], 2) for s in runs] for key, runs in samples.items()},
        "ratio_ingest": ingest[str(size)]["wall_ms"] / ingest["1000"]["wall_ms"],
        "ratio_ingest_cpu": ingest[str(size)]["cpu_ms"] / ingest["1000"]["cpu_ms"],
        "ratio_storage": storage[str(size)]["wall_ms"] / storage["1000"]["wall_ms"],
        "ratio_storage_cpu": storage[str(size)]["cpu_ms"] / storage["1000"]["cpu_ms"],
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def report_table(report: dict[str, Any]) -> Table:
    size = str(report["store_documents"])
    table = Table(title=f"ms per document ({report['documents_annotated']} distinct documents, "
                        f"{report['words']:,} words; medians of {report['repeats']})")
    for column in ("part", "wall at 1,000", f"wall at {int(size):,}", "ratio", "CPU at 1,000",
                   f"CPU at {int(size):,}", "CPU ratio"):
        table.add_column(column, justify="left" if column == "part" else "right", no_wrap=column == "part")
    annotate = report["annotate_ms_per_document"]
    table.add_row("annotation (same text)", f"{annotate['wall_ms']:.2f}", f"{annotate['wall_ms']:.2f}", "1.00",
                  f"{annotate['cpu_ms']:.2f}", f"{annotate['cpu_ms']:.2f}", "1.00")
    for part, key in (("storage", "storage_ms_per_document"), ("ingest (both)", "ingest_ms_per_document")):
        small, large = report[key]["1000"], report[key][size]
        table.add_row(part, f"{small['wall_ms']:.2f}", f"{large['wall_ms']:.2f}",
                      f"{large['wall_ms'] / small['wall_ms']:.2f}", f"{small['cpu_ms']:.2f}",
                      f"{large['cpu_ms']:.2f}", f"{large['cpu_ms'] / small['cpu_ms']:.2f}")
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, required=True, help="the large store (copied, left as it is)")
    parser.add_argument("--words", type=int, default=150000, help="words of distinct text to ingest")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chronique-e2e-") as folder:
        report = measure(args.db, args.words, args.repeats, Path(folder))
    console.print(report_table(report))
    console.print(f"1-minute load average at the end: {report['load_average_1min']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
