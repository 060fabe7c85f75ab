"""A distributed ingest (real Dask cluster of two worker processes, real model, real SQLite files)
stores exactly what a single-process ingest stores, accounts for every input the same way, and
survives a worker killed in the middle of the run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import dask
import distributed
import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.cluster import connect, ingest_paths_on_cluster, run
from chronique.cluster.worker import worker_stalled
from chronique.ingest import IngestReport, ingest_paths
from chronique.store import Store

pytestmark = pytest.mark.slow
runner = CliRunner()

CROSS_DOC = Path(__file__).resolve().parent.parent / "data" / "cross_doc"
#: Tables of facts compared row for row (everything a document brings, and identity across them).
FACT_TABLES = ("entities", "aliases", "mentions", "events", "event_actors", "event_mentions", "relations",
               "relation_evidence", "quotes", "timexes", "money", "sentences")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """One local cluster of two worker processes (one thread each) for the whole module: starting
    one loads the model in each worker."""
    with connect(workers=2) as dask_client:
        yield dask_client


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """Six articles that share actors across documents, a repeated article, and inputs that are
    rejected for several reasons (empty, undated, broken JSON line, language without pipeline)."""
    folder = tmp_path / "corpus"
    shutil.copytree(CROSS_DOC, folder)
    repeated = next(iter(sorted(CROSS_DOC.glob("*.txt"))))
    shutil.copy(repeated, folder / "zz_same_article_again.txt")
    (folder / "b_empty.txt").write_text("", encoding="utf-8")
    (folder / "e_undated.txt").write_text("Sam Altman a parlé hier.", encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "date": "2025-08-22", "lang": "fr", "text": "Mark Zuckerberg dirige Meta depuis 2004."}),
        '{"id": "j2", "date": "2025-08-22", "text": "broken',
        json.dumps({"id": "j3", "date": "2025-08-23", "lang": "en", "text": "Elon Musk sued OpenAI in 2024."}),
    ]
    (folder / "f_feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _rows(db: Path, table: str, ignored: tuple[str, ...] = ()) -> list[tuple]:
    """A table's rows without the columns that say when (they differ between any two runs)."""
    with closing(sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)) as conn:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(c for c in columns if c != "at" and not c.endswith("_at") and c not in ignored)
        return sorted(conn.execute(f"SELECT {kept} FROM {table}").fetchall(), key=repr)


def _exported(db: Path, tmp_path: Path) -> bytes:
    out = tmp_path / f"{db.stem}.jsonl"
    result = runner.invoke(app, ["export", "--format", "annotations", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _outcomes(report: IngestReport) -> tuple[list, list, list]:
    return report.stored, report.duplicates, [(r.origin, r.reason) for r in report.rejected]


def _single_process(corpus: Path, db: Path, batch_size: int) -> IngestReport:
    with Store(db) as store:
        return ingest_paths([corpus], store, batch_size=batch_size)


def test_a_distributed_ingest_stores_what_a_single_process_ingest_stores(client, corpus, tmp_path):
    single = _single_process(corpus, tmp_path / "single.db", batch_size=3)
    with Store(tmp_path / "dask.db") as store:
        spread = ingest_paths_on_cluster([corpus], store, client, batch_size=3)

    assert _outcomes(spread) == _outcomes(single)
    assert len(spread.stored) == 7 and len(spread.duplicates) == 1 and len(spread.rejected) == 4
    assert "language" in dict(_outcomes(spread)[2])[f"{corpus / 'f_feed.jsonl'}:3"]
    assert _exported(tmp_path / "dask.db", tmp_path) == _exported(tmp_path / "single.db", tmp_path)
    for table in (*FACT_TABLES, "documents"):
        assert _rows(tmp_path / "dask.db", table) == _rows(tmp_path / "single.db", table), table
    # The same log lines; their numbers may differ, as the client notes a duplicate while reading ahead.
    assert _rows(tmp_path / "dask.db", "ingest_log", ("id",)) == _rows(tmp_path / "single.db", "ingest_log", ("id",))
    assert len(_rows(tmp_path / "dask.db", "entities")) >= 8  # the comparison is over a real graph


def test_a_distributed_re_run_finds_every_document_already_stored(client, corpus, tmp_path):
    db = tmp_path / "dask.db"
    with Store(db) as store:
        ingest_paths_on_cluster([corpus], store, client, batch_size=4)
        again = ingest_paths_on_cluster([corpus], store, client, batch_size=4)
        assert store.counts()["documents"] == 7
    assert again.stored == [] and len(again.duplicates) == 8 and len(again.rejected) == 4


def test_killing_a_worker_mid_run_still_stores_every_document_once(client, corpus, tmp_path):
    single = _single_process(corpus, tmp_path / "single.db", batch_size=1)
    pids_before = set(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_a_busy_worker(outcome: str) -> None:
        """After the first outcome, SIGKILL a worker process that has a chunk in hand."""
        if killed:
            return
        busy = [address for address, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    with Store(tmp_path / "dask.db") as store:
        spread = ingest_paths_on_cluster([corpus], store, client, batch_size=1, progress=kill_a_busy_worker)
        documents = store.counts()["documents"]

    assert killed and killed[0] in pids_before
    assert killed[0] not in set(client.run(os.getpid).values())  # that process is gone for good
    assert documents == 7
    assert _outcomes(spread) == _outcomes(single)
    assert _rows(tmp_path / "dask.db", "documents") == _rows(tmp_path / "single.db", "documents")
    assert _exported(tmp_path / "dask.db", tmp_path) == _exported(tmp_path / "single.db", tmp_path)


def test_cli_ingest_on_a_running_scheduler_prints_the_same_summary(client, corpus, tmp_path):
    address = client.scheduler.address
    spread = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "d.db"), "--scheduler", address])
    single = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "s.db")])
    assert spread.exit_code == 0, spread.output
    assert "stored 7, duplicates 1, rejected 4" in spread.output
    assert spread.output.replace("d.db", "s.db") == single.output


class _PoisonPlugin(distributed.WorkerPlugin):
    """Stands in for a fault no real document can be made to trigger on demand: the worker
    process dies (as on a segfault in a native library) whenever it annotates a text with POISON."""

    name = "test-poison"

    def setup(self, worker: distributed.Worker) -> None:
        import chronique.cluster.worker as on_worker

        annotate = on_worker.annotate_chunk

        def annotate_or_die(items, batch_size):
            if any("POISON" in getattr(item, "text", "") for item in items):
                os._exit(1)
            return annotate(items, batch_size)

        on_worker.annotate_chunk = annotate_or_die


def test_a_document_that_kills_every_worker_is_rejected_and_the_rest_of_its_chunk_stored(tmp_path):
    articles = sorted(CROSS_DOC.glob("*.txt"))[:2]
    poison = tmp_path / "poison.txt"
    poison.write_text(" date 2025-05-01\nPOISON: Sam Altman a parlé à Paris.", encoding="utf-8")
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),  # Dask gives up at the first death
        connect(workers=1) as one_worker,
        Store(tmp_path / "dask.db") as store,
    ):
        one_worker.register_plugin(_PoisonPlugin())
        report = ingest_paths_on_cluster([articles[0], poison, articles[1]], store, one_worker, batch_size=8)
        documents = store.counts()["documents"]
    assert [Path(origin).name for origin, _id in report.stored] == [articles[0].name, articles[1].name]
    assert [(r.origin, r.reason) for r in report.rejected] == [(str(poison), run.WORKER_DIED)]
    assert documents == 2


def test_local_workers_run_one_thread_without_profiler_and_keep_glibcs_memory_trimming(client):
    environments = client.run(lambda: (os.environ.get("OMP_NUM_THREADS"), os.environ.get("MALLOC_TRIM_THRESHOLD_")))
    assert list(environments.values()) == [("1", None), ("1", None)]
    assert [info["nthreads"] for info in client.scheduler_info()["workers"].values()] == [1, 1]
    assert list(client.run(lambda: dask.config.get("distributed.worker.profile.enabled")).values()) == [False, False]


class _StallPlugin(distributed.WorkerPlugin):
    """A document whose chunk kills its worker, and which, annotated on its own, never ends (a
    worker wedged in a native library): the stand-in for a cluster that no longer answers."""

    name = "test-stall"

    def setup(self, worker: distributed.Worker) -> None:
        import time

        import chronique.cluster.worker as on_worker

        annotate = on_worker.annotate_chunk

        def annotate_die_or_stall(items, batch_size):
            if any("STALL" in getattr(item, "text", "") for item in items):
                if len(items) > 1:
                    os._exit(1)
                time.sleep(3600)
            return annotate(items, batch_size)

        on_worker.annotate_chunk = annotate_die_or_stall


def test_a_document_no_worker_finishes_alone_is_rejected_and_the_run_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "ALONE_TIMEOUT", 5)
    articles = sorted(CROSS_DOC.glob("*.txt"))[:2]
    stall = tmp_path / "stall.txt"
    stall.write_text(" date 2025-05-01\nSTALL: Sam Altman a parlé à Paris.", encoding="utf-8")
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        connect(workers=1) as one_worker,
        Store(tmp_path / "dask.db") as store,
    ):
        one_worker.register_plugin(_StallPlugin())
        report = ingest_paths_on_cluster([articles[0], stall, articles[1]], store, one_worker, batch_size=8)
    assert [Path(origin).name for origin, _id in report.stored] == [articles[0].name, articles[1].name]
    assert [(r.origin, r.reason) for r in report.rejected] == [(str(stall), worker_stalled(5))]
