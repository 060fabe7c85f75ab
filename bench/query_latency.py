"""How fast the analyst's questions are answered on a store of 100,000 documents.

    .venv/bin/python bench/query_latency.py                          # build 100,000 docs, measure
    .venv/bin/python bench/query_latency.py --db bench/out/q100k.db   # build there once, reuse after
    .venv/bin/python bench/query_latency.py --docs 300 --queries 5    # smoke run, seconds
    .venv/bin/python bench/query_latency.py --db bench/out/q100k.db --http   # also over HTTP

The store is filled with synthetic news (``synthetic_store.py``) through ``Store.save``, the
same path as ingest minus the NLP. Then each kind of question is asked a few hundred times
through ``chronique.analysis.Chronicle``, as the CLI and the web pages ask it (actors by name),
and the latency of every call is kept: p50, p95 and max per kind. The questions are drawn with a
fixed seed: actors by coverage (popular ones come up often, as they do for users), pairs from
random events, search words from both ends of the vocabulary, months at random.

With ``--http`` (or ``--http-only``) every endpoint and page is also asked through the real
server: ``chronique serve`` (uvicorn) on 127.0.0.1 in a process of its own, one kept-alive
connection, each time from request sent to body read, with the largest body in bytes.

Nothing here is asserted by a test: latency depends on the machine, so it is measured and
reported (docs/benchmark.md), never checked.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rich.console import Console
from rich.table import Table

from chronique.analysis import Chronicle
from chronique.ingest import DEFAULT_COMMIT_SIZE
from chronique.store import Store
from synthetic_store import DAYS, FIRST_DAY, NewsGenerator

DEFAULT_DOCS = 100_000
DEFAULT_QUERIES = 300
SEED = 7
BATCH = 500
PAGE = 100  # events per page, as a screen or the CLI's --limit shows them

console = Console() if sys.stdout.isatty() else Console(width=120)
status = Console(stderr=True)


def actor_count(docs: int) -> int:
    """A few thousand actors at 100,000 documents, fewer for small stores."""
    return min(3000, max(60, docs // 30))


# ---------------------------------------------------------------- building
def build_store(path: Path, docs: int, seed: int) -> dict[str, Any]:
    """Write ``docs`` synthetic documents into a new store at ``path``, printing progress."""
    generator = NewsGenerator(seed, actor_count(docs))
    started = time.perf_counter()
    with Store(path) as store:
        batch, done = [], 0
        for annotations in generator.documents(docs):
            batch.append(annotations)
            if len(batch) == BATCH:
                store.save(batch)
                done += len(batch)
                batch = []
                _progress(done, docs, started)
        if batch:
            store.save(batch)
        store.optimize()
        counts = store.counts()
    return {"seconds": round(time.perf_counter() - started, 1), "counts": counts}


def _progress(done: int, docs: int, started: float) -> None:
    """A line every 5,000 documents: how many, how fast, how long is left."""
    if done % 5000 == 0 or done == docs:
        elapsed = time.perf_counter() - started
        rate = done / elapsed if elapsed else 0.0
        status.print(f"built {done:,}/{docs:,} documents in {elapsed:,.0f} s "
                     f"({rate:,.0f}/s, about {(docs - done) / rate if rate else 0:,.0f} s left)")


def open_or_build(db: Path | None, docs: int, seed: int, workdir: Path) -> tuple[Path, dict[str, Any] | None]:
    """The store to measure: ``db`` as it is when it holds documents, else built (there or in
    ``workdir``)."""
    path = db or workdir / "query-latency.db"
    if path.exists():
        with Store(path) as store:
            stored = store.counts()["documents"]
        if stored:
            if stored != docs:
                status.print(f"[yellow]{path} holds {stored:,} documents (not {docs:,}); measuring it as it is[/yellow]")
            return path, None
    status.print(f"building {docs:,} synthetic documents into {path}")
    return path, build_store(path, docs, seed)


# ---------------------------------------------------------------- the questions
class Workload:
    """The questions to ask, drawn once with a fixed seed from the generator and the store."""

    def __init__(self, conn: sqlite3.Connection, generator: NewsGenerator, count: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.conn, self.generator, self.count = conn, generator, count
        actors = generator.actors
        self.popular = [actor.name for actor in actors[:10]]
        acting = {row[0] for row in conn.execute(
            "SELECT DISTINCT en.name FROM event_actors ea JOIN entities en ON en.id = ea.entity_id")}
        tail = [actor.name for actor in actors[len(actors) * 2 // 3:] if actor.name in acting]
        self.rare = tail or sorted(acting)  # the least covered third, when they act at all
        self.event_rows = conn.execute("SELECT MAX(rowid) FROM events").fetchone()[0] or 0

    def drawn_actor(self) -> str:
        return self.generator.actors[self.generator.actor_choice.draw(self.rng)].name

    def period(self, days: int) -> tuple[date, date]:
        start = FIRST_DAY + timedelta(days=self.rng.randrange(DAYS - days))
        return start, start + timedelta(days=days - 1)

    def month(self) -> tuple[date, date]:
        start = FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))
        first = start.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)

    def pair(self) -> tuple[str, str]:
        """The source and target of a random event (popular pairs come up as often as they act)."""
        while True:
            rowid = self.rng.randint(1, self.event_rows)
            rows = self.conn.execute(
                "SELECT en.name FROM events e JOIN event_actors ea ON ea.event_id = e.id"
                " JOIN entities en ON en.id = ea.entity_id WHERE e.rowid = ? ORDER BY ea.role, ea.position",
                (rowid,),
            ).fetchall()
            if len(rows) >= 2 and rows[0][0] != rows[-1][0]:
                return rows[0][0], rows[-1][0]

    def word(self, low: int, high: int) -> str:
        return self.generator.words[self.rng.randrange(low, min(high, len(self.generator.words)))]

    def questions(self) -> dict[str, list[Callable[[Chronicle], Any]]]:
        """Per kind of question, ``count`` calls ready to run."""
        n, rng = self.count, self.rng
        kinds: dict[str, list[Callable[[Chronicle], Any]]] = {}
        kinds["timeline, popular actor, first 100"] = [_timeline(rng.choice(self.popular), limit=PAGE) for _ in range(n)]
        kinds["timeline, popular actor, all"] = [_timeline(rng.choice(self.popular)) for _ in range(min(n, 20))]
        kinds["timeline, rare actor, all"] = [_timeline(rng.choice(self.rare)) for _ in range(n)]
        periods = [(self.drawn_actor(), *self.period(91)) for _ in range(n)]
        kinds["timeline, actor and 3 months, first 100"] = [_timeline(*p, limit=PAGE) for p in periods]
        kinds["timeline, actor and 3 months, all"] = [_timeline(*p) for p in periods]
        pairs = [self.pair() for _ in range(n)]
        kinds["pair A B, first 100 events"] = [_pair(*p, limit=PAGE) for p in pairs]
        kinds["pair A B, all events"] = [_pair(*p) for p in pairs]
        kinds["profile"] = [_profile(self.drawn_actor()) for _ in range(n)]
        kinds["search, common word"] = [_search(self.word(0, 20)) for _ in range(n)]
        kinds["search, rare word"] = [_search(self.word(3000, 5000)) for _ in range(n)]
        kinds["graph, one month"] = [_graph(*self.month()) for _ in range(n)]
        return kinds


def _timeline(
    actor: str, start: date | None = None, end: date | None = None, limit: int | None = None
) -> Callable[[Chronicle], int]:
    return lambda chron: len(chron.timeline(actor, start=start, end=end, limit=limit))


def _pair(a: str, b: str, limit: int | None = None) -> Callable[[Chronicle], int]:
    return lambda chron: len(chron.pair(a, b, limit=limit).events)


def _profile(actor: str) -> Callable[[Chronicle], int]:
    return lambda chron: len(chron.profile(actor).counterparts)


def _search(word: str) -> Callable[[Chronicle], int]:
    return lambda chron: len(chron.search(word))


def _graph(start: date, end: date) -> Callable[[Chronicle], int]:
    return lambda chron: len(chron.graph(start=start, end=end).edges)


# ---------------------------------------------------------------- measuring
def percentile(sorted_values: list[float], share: float) -> float:
    """The nearest-rank percentile of already sorted values."""
    index = max(0, min(len(sorted_values) - 1, round(share * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def measure(chron: Chronicle, calls: list[Callable[[Chronicle], Any]]) -> dict[str, Any]:
    """Run every call once, timing each; the figures in milliseconds."""
    times, sizes = [], []
    for call in calls:
        started = time.perf_counter()
        sizes.append(call(chron))
        times.append((time.perf_counter() - started) * 1000)
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


def warm_file(path: Path) -> float:
    """Read the store file once, so that it is in the OS cache as on a server that has been up;
    the seconds it took."""
    started = time.perf_counter()
    with path.open("rb") as handle:
        while handle.read(1 << 24):
            pass
    return round(time.perf_counter() - started, 2)


def run(path: Path, queries: int, seed: int) -> dict[str, dict[str, Any]]:
    # The questions are drawn through a read-only connection of the benchmark's own.
    with Store(path, read_only=True) as store, closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro",
                                                                       uri=True)) as conn:
        stored = store.counts()["documents"]
        generator = NewsGenerator(seed, actor_count(stored))
        workload = Workload(conn, generator, queries, seed + 1)
        questions = workload.questions()
        chron = Chronicle(store)
        for calls in questions.values():  # warm-up: one of each, not counted
            calls[0](chron)
        results = {}
        for kind, calls in questions.items():
            status.print(f"measuring {kind} ({len(calls)} queries)")
            results[kind] = measure(chron, calls)
    return results


# ---------------------------------------------------------------- over HTTP
def http_paths(workload: Workload, total_documents: int) -> dict[str, list[str]]:
    """Per endpoint or page, ``count`` addresses to ask the server, drawn like the questions."""
    n, rng = workload.count, workload.rng
    q = quote  # names hold spaces and accents

    def month() -> str:
        first, last = workload.month()
        return f"from={first}&to={last}"

    deep = max(0, total_documents - PAGE)
    return {
        "GET / (home page)": ["/"] * n,
        "GET /actors/{actor} (actor page)": [f"/actors/{q(workload.drawn_actor())}" for _ in range(n)],
        "GET /api/timeline?actor= (first 100)": [f"/api/timeline?actor={q(workload.drawn_actor())}" for _ in range(n)],
        "GET /api/timeline?actor= (popular, offset 2000)": [
            f"/api/timeline?actor={q(rng.choice(workload.popular))}&offset=2000" for _ in range(n)],
        "GET /api/pairs/{a}/{b}": [f"/api/pairs/{q(a)}/{q(b)}" for a, b in (workload.pair() for _ in range(n))],
        "GET /api/entities/{actor}/profile": [f"/api/entities/{q(workload.drawn_actor())}/profile" for _ in range(n)],
        "GET /api/graph (one month)": [f"/api/graph?{month()}" for _ in range(n)],
        "GET /api/entities": ["/api/entities"] * n,
        "GET /api/entities (offset 0-2,000)": [f"/api/entities?offset={rng.randrange(2000)}" for _ in range(n)],
        "GET /api/search?q= (common word)": [f"/api/search?q={q(workload.word(0, 20))}" for _ in range(n)],
        "GET /api/search?q= (rare word)": [f"/api/search?q={q(workload.word(3000, 5000))}" for _ in range(n)],
        "GET /api/documents (any offset)": [f"/api/documents?offset={rng.randrange(deep + 1)}" for _ in range(n)],
        "GET /api/documents?after= (any depth)": ["@after"] * n,
        "GET /api/timeline?actor=&after= (popular, after 2000)": [],  # cursors read from the server
    }


class Server:
    """``chronique serve`` on 127.0.0.1 and a free port, in a process of its own; stopped on exit."""

    def __init__(self, path: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "chronique", "serve", "--db", str(path), "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"], stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:
            try:
                self.get("/api/entities?limit=1")
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("chronique serve did not start") from None
                time.sleep(0.2)

    def get(self, path: str, connection: http.client.HTTPConnection | None = None) -> tuple[int, bytes, str | None]:
        conn = connection or http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read(), response.getheader("Link")
        finally:
            if connection is None:
                conn.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def _cursors(server: Server, count: int, rng: random.Random) -> list[str]:
    """Cursors of pages at random depths, gathered by walking the documents by cursor."""
    cursors, address = [], "/api/documents?limit=1000"
    while address and len(cursors) < 500:
        status_code, body, _ = server.get(address)
        page = json.loads(body)
        if page["next"] is None:
            break
        cursors.append(page["next"])
        address = f"/api/documents?limit=1000&after={quote(page['next'])}"
    return [f"/api/documents?after={quote(rng.choice(cursors))}" for _ in range(count)] if cursors else []


def _timeline_cursors(server: Server, workload: Workload) -> list[str]:
    """The timeline of popular actors after their 2,000th event, by cursor: the ``Link`` of the
    page of 1,000 events at offset 1,000 names the event the page after ends with."""
    after: dict[str, str | None] = {}
    addresses = []
    for _ in range(workload.count):
        actor = workload.rng.choice(workload.popular)
        if actor not in after:
            _, _, link = server.get(f"/api/timeline?actor={quote(actor)}&limit=1000&offset=1000")
            after[actor] = link.split("after=", 1)[1].split(">", 1)[0] if link and "after=" in link else None
        if after[actor]:
            addresses.append(f"/api/timeline?actor={quote(actor)}&after={after[actor]}")
    return addresses


def measure_http(server: Server, paths: list[str]) -> dict[str, Any]:
    """Ask every address once over one kept-alive connection, timing each whole answer (request
    sent to body read); the figures in milliseconds, the largest body in bytes."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    times, sizes, failures = [], [], 0
    try:
        server.get(paths[0], connection)  # warm-up, not counted
        for path in paths:
            started = time.perf_counter()
            status_code, body, _ = server.get(path, connection)
            times.append((time.perf_counter() - started) * 1000)
            sizes.append(len(body))
            failures += status_code != 200
    finally:
        connection.close()
    ordered = sorted(times)
    return {
        "queries": len(times), "p50_ms": round(percentile(ordered, 0.50), 2),
        "p95_ms": round(percentile(ordered, 0.95), 2), "max_ms": round(ordered[-1], 2),
        "mean_ms": round(statistics.fmean(ordered), 2), "mean_results": round(statistics.fmean(sizes)),
        "max_results": max(sizes), "failures": failures,
    }


def run_http(path: Path, queries: int, seed: int) -> dict[str, dict[str, Any]]:
    """Every endpoint and page through the real server (``chronique serve``, uvicorn)."""
    with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        workload = Workload(conn, NewsGenerator(seed, actor_count(stored)), queries, seed + 2)
        paths = http_paths(workload, stored)
    server = Server(path)
    try:
        paths["GET /api/documents?after= (any depth)"] = _cursors(server, queries, workload.rng)
        paths["GET /api/timeline?actor=&after= (popular, after 2000)"] = _timeline_cursors(server, workload)
        results = {}
        for kind, addresses in paths.items():
            if addresses:
                status.print(f"measuring {kind} over HTTP ({len(addresses)} requests)")
                results[kind] = measure_http(server, addresses)
    finally:
        server.stop()
    return results


# ---------------------------------------------------------------- ingest cost
INGEST_SAMPLE = 500


def _io_bytes() -> tuple[int, int]:
    """Bytes this process read and wrote through system calls so far (Linux; zeros elsewhere):
    the store's page reads (from the file or the OS cache) and its WAL and checkpoint writes."""
    try:
        fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    except OSError:
        return 0, 0
    return int(fields["rchar"]), int(fields["wchar"])


def _time_adding(path: Path, skip: int, count: int, seed: int, actors: int, per_commit: int) -> dict[str, float]:
    """Per document, saving the generator's documents ``skip``..``skip+count`` into the store at
    ``path``, ``per_commit`` per ``Store.save``, in one ``Store`` (as an ingest run does), the
    WAL checkpointed at the end as a run ends (the NLP excluded, as in the build): wall and CPU
    milliseconds, KiB read and written."""
    documents = NewsGenerator(seed, actors).documents(skip + count)
    for _ in range(skip):
        next(documents)
    batch = list(documents)
    with Store(path) as store:
        read, written = _io_bytes()
        started, cpu = time.perf_counter(), time.process_time()
        for first in range(0, len(batch), per_commit):
            store.save(batch[first:first + per_commit])
        store._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # as ingest_paths ends (Store.checkpoint)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        read_after, written_after = _io_bytes()
    return {"wall_ms": wall / len(batch) * 1000, "cpu_ms": cpu / len(batch) * 1000,
            "read_kib": (read_after - read) / len(batch) / 1024, "written_kib": (written_after - written) / len(batch) / 1024}


def ingest_cost(path: Path, seed: int, workdir: Path, repeats: int = 3,
                per_commit: int = DEFAULT_COMMIT_SIZE, sample: int = INGEST_SAMPLE) -> dict[str, Any]:
    """Storage time per document after 1,000 documents and after all of the store's, with the
    same generator (same actors): a 1,000-document store is built, and a copy of the measured
    store is used, so the store itself is left as it was. Each figure is the median of
    ``repeats`` samples of ``sample`` documents, saved ``per_commit`` at a time (ingest's own
    commit size by default) in one ``Store``; the two stores alternate within each repeat. The
    wall clock is the figure of the issue; the CPU time moves less with the machine's load."""
    with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    actors, small, large = actor_count(stored), workdir / "ingest-1k.db", workdir / "ingest-big.db"
    figures: dict[str, list[dict[str, float]]] = {"1000": [], str(stored): []}
    for _ in range(repeats):
        for file in (small, large):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{file}{suffix}").unlink(missing_ok=True)
        with Store(small) as store:
            store.save(list(NewsGenerator(seed, actors).documents(1000)))
        figures["1000"].append(_time_adding(small, 1000, sample, seed, actors, per_commit))
        shutil.copyfile(path, large)
        with Store(large):  # a pending migration is applied (and checkpointed) before the timing
            pass
        figures[str(stored)].append(_time_adding(large, stored, sample, seed, actors, per_commit))
    medians = {measure: {size: round(statistics.median(values[measure] for values in samples), 2)
                         for size, samples in figures.items()} for measure in ("wall_ms", "cpu_ms", "read_kib", "written_kib")}
    return {"ms_per_document": medians["wall_ms"], "cpu_ms_per_document": medians["cpu_ms"],
            "read_kib_per_document": medians["read_kib"], "written_kib_per_document": medians["written_kib"],
            "per_commit": per_commit, "sample": sample, "load_average_1min": round(os.getloadavg()[0], 2),
            "samples": {size: [round(values["wall_ms"], 2) for values in samples] for size, samples in figures.items()},
            "cpu_samples": {size: [round(values["cpu_ms"], 2) for values in samples] for size, samples in figures.items()},
            "ratio": round(medians["wall_ms"][str(stored)] / medians["wall_ms"]["1000"], 2),
            "cpu_ratio": round(medians["cpu_ms"][str(stored)] / medians["cpu_ms"]["1000"], 2)}


# ---------------------------------------------------------------- reporting
def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(), "load_average_1min": round(os.getloadavg()[0], 2),
    }


def results_table(results: dict[str, dict[str, Any]], title: str = "query latency (ms)",
                  sizes: str = "results") -> Table:
    table = Table(title=title)
    for column in ("question", "queries", "p50", "p95", "max", f"mean {sizes}", f"max {sizes}"):
        table.add_column(column, justify="left" if column == "question" else "right")
    for kind, figures in results.items():
        table.add_row(kind, str(figures["queries"]), f"{figures['p50_ms']:.1f}", f"{figures['p95_ms']:.1f}",
                      f"{figures['max_ms']:.1f}", f"{figures['mean_results']:,}", f"{figures['max_results']:,}")
    return table


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS, help="documents to build (default 100000)")
    parser.add_argument("--queries", type=int, default=DEFAULT_QUERIES, help="queries per kind (default 300)")
    parser.add_argument("--db", type=Path, help="store to build once and reuse (default: a temporary file)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the synthetic news and of the questions")
    parser.add_argument("--http", action="store_true",
                        help="also ask every endpoint and page through the real server (chronique serve, 127.0.0.1)")
    parser.add_argument("--http-only", action="store_true", help="only the HTTP measures")
    parser.add_argument("--ingest", action="store_true",
                        help="also the storage time per document after 1,000 documents and after the store's")
    parser.add_argument("--ingest-commit", type=int, default=DEFAULT_COMMIT_SIZE, metavar="N",
                        help=f"documents per Store.save in --ingest (default {DEFAULT_COMMIT_SIZE}, ingest's)")
    parser.add_argument("--ingest-sample", type=int, default=INGEST_SAMPLE, metavar="N",
                        help=f"documents per timed sample in --ingest, in one Store (default {INGEST_SAMPLE})")
    parser.add_argument("--json", nargs="?", const="-", metavar="FILE",
                        help="write every figure as JSON to FILE (to stdout without FILE)")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.queries < 1:
        parser.error("--docs and --queries must be at least 1")
    return args


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="chronique-latency-") as workdir:
        path, built = open_or_build(args.db, args.docs, args.seed, Path(workdir))
        with Store(path):  # pending migrations (new indexes) are applied before anything is timed
            pass
        warmed = warm_file(path)
        load_before = os.getloadavg()[0]
        results = {} if args.http_only else run(path, args.queries, args.seed)
        over_http = run_http(path, args.queries, args.seed) if args.http or args.http_only else {}
        ingest = (ingest_cost(path, args.seed, Path(workdir), per_commit=args.ingest_commit, sample=args.ingest_sample)
                  if args.ingest else None)
        with Store(path) as store:
            counts = store.counts()
        report = {
            "store": {"path": str(path), "bytes": path.stat().st_size, "counts": counts, "built": built},
            "machine": machine() | {"load_average_before": round(load_before, 2), "file_warm_up_seconds": warmed},
            "seed": args.seed,
            "results": results,
            "http": over_http,
            "ingest": ingest,
        }
    if args.json == "-":
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        if results:
            console.print(results_table(results))
        if ingest:
            console.print(f"storage per document: {ingest['ms_per_document']} ms wall (ratio {ingest['ratio']}),"
                          f" {ingest['cpu_ms_per_document']} ms CPU (ratio {ingest['cpu_ratio']})")
        if over_http:
            console.print(results_table(over_http, "over HTTP: whole answer, ms (sizes in bytes)", "bytes"))
        console.print(f"store: {counts['documents']:,} documents, {counts['events']:,} events, "
                      f"{counts['entities']:,} entities, {report['store']['bytes'] / 2**20:,.0f} MiB")
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return report


if __name__ == "__main__":
    main()
