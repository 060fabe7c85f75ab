"""The client side of a distributed ingest: read, hand chunks to the workers, store in order.

The client reads the inputs and asks the store, before any NLP, which documents are already
there, exactly as a single-process run does (``chronique.ingest.ingest_paths``); it cuts the rest
into the same chunks and submits each to the cluster, a few ahead of the one it is waiting for.
It then stores the chunks' annotations one chunk at a time *in input order* with the same
``store_chunk``: one writer, the same order of storing, so cross-document identity (entities,
events) comes out as in a single-process run, whichever worker finished first.

A worker that dies takes its tasks with it; Dask runs them again on another worker (its nanny
starts a new one), and since results are stored only here, once each, nothing is lost or stored
twice. A chunk that keeps killing workers (Dask gives up after its ``allowed-failures``) is run
again one document per task, so that only the document at fault is rejected.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import dask
from distributed import Client, Future, KilledWorker, LocalCluster

from chronique.cluster.local_workers import result_reviving_workers
from chronique.cluster.worker import PipelinePlugin, annotate_on_worker, worker_ready
from chronique.errors import AnnotationError, ConfigurationError
from chronique.ingest import DEFAULT_BATCH_SIZE, IngestReport, ProgressCallback, store_chunk
from chronique.model import Annotations, Document
from chronique.readers.language import fallback_language
from chronique.readers.records import Rejection
from chronique.readers.sources import read_paths
from chronique.store import Store

__all__ = ["connect", "ingest_paths_on_cluster", "worker_environment", "CONNECT_TIMEOUT", "WORKER_DIED", "WORKER_STALLED"]

#: How long to wait for a scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT = "20s"
#: Chunks submitted ahead of the one being stored, per worker: enough that no worker waits for
#: the client, few enough that the annotations waiting to be stored stay small.
CHUNKS_AHEAD_PER_WORKER = 2
#: Dask settings of the workers a local cluster starts: no statistical profiler (it walks the
#: task's stack every 10 ms, for a dashboard chronique does not start: 5-10 % of a worker's CPU
#: time in bench/ingest_workers.py). Nannies hand their settings to the workers they start.
WORKER_CONFIG: dict[str, object] = {"distributed.worker.profile.enabled": False}
#: Why a document is rejected when every worker that annotated it died (Dask's ``allowed-failures``).
WORKER_DIED = "annotation failed (the worker process died each time it annotated this document)"
#: How long one document, retried on its own, may wait for a worker to annotate it (seconds).
ALONE_TIMEOUT = 300
#: How long to wait, before a document is timed on its own, for a worker to be up with its
#: pipelines loaded (a worker restarted by its nanny loads the model again: seconds, more on a
#: busy machine), so that a restart is not counted against the document (seconds).
WORKER_START_TIMEOUT = 300
#: How long to let a worker that has just answered settle before a document is sent to it (its
#: nanny's start-up ends a moment after the worker takes its first task), seconds.
WORKER_SETTLE_SECONDS = 2.0
#: Why such a document is rejected when no worker annotated it in that time.
WORKER_STALLED = f"annotation failed (no worker annotated this document within {ALONE_TIMEOUT} s)"


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: on the scheduler at ``scheduler`` (``tcp://host:port``), or on a new local
    cluster of ``workers`` processes with one thread each (spaCy's pipeline is not thread-safe to
    share, and one process per core is what makes a run scale), closed on exit."""
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise ConfigurationError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
        with client:
            yield client
        return
    with (
        dask.config.set(WORKER_CONFIG | {"distributed.nanny.pre-spawn-environ": worker_environment()}),
        # No dashboard; the scheduler's HTTP server (health, metrics) on a free port, so that
        # two runs on one machine do not fight over Dask's 8787.
        LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None,
                     scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR) as cluster,
        Client(cluster) as client,
    ):
        yield client


def worker_environment() -> dict[str, object]:
    """The variables a nanny sets before it starts a worker process: Dask's, less the one that has
    glibc give freed memory back to the system at every 64 KiB. spaCy allocates and frees much
    per document: with it, a worker spent a sixth more CPU per document (bench/ingest_workers.py),
    for a memory use that stays flat anyway once the model is loaded. The nanny reads this when
    it is created, so a worker it restarts gets the same."""
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


@dataclass
class _Chunk:
    """Inputs annotated together, and the duplicates found while reading them (already logged)."""

    items: list[Document | Rejection] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, id already stored)


def _chunks_to_annotate(items: Iterable[Document | Rejection], store: Store, batch_size: int) -> Iterator[_Chunk]:
    """The inputs cut as ``ingest_paths`` cuts them: a document already stored is logged as a
    duplicate and left out, everything else (rejections of the readers included) fills chunks
    of ``batch_size``."""
    chunk = _Chunk()
    for item in items:
        existing = None if isinstance(item, Rejection) else store.record_if_duplicate(item)
        if existing is not None and isinstance(item, Document):
            chunk.duplicates.append((item.origin or item.id, existing))
            continue
        chunk.items.append(item)
        if len(chunk.items) == batch_size:
            yield chunk
            chunk = _Chunk()
    if chunk.items or chunk.duplicates:
        yield chunk


def _languages(default_lang: str | None, source_languages: Mapping[str, str] | None) -> list[str]:
    """The pipelines a worker loads when it starts: the fallback language and those the run names."""
    wanted = [fallback_language(), *([default_lang] if default_lang else []), *(source_languages or {}).values()]
    return list(dict.fromkeys(lang.lower() for lang in wanted))


def _worker_count(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def ingest_paths_on_cluster(
    paths: Sequence[str | Path],
    store: Store,
    client: Client,
    default_date: date | None = None,
    default_lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    source_languages: Mapping[str, str] | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """``chronique.ingest.ingest_paths`` with the annotation done by the workers of ``client``:
    the same outcomes, stored in the same order, so the same store at the end."""
    report = IngestReport() if report is None else report
    client.register_plugin(PipelinePlugin(_languages(default_lang, source_languages)))
    ahead = CHUNKS_AHEAD_PER_WORKER * _worker_count(client)
    submitted: deque[tuple[_Chunk, Future | None]] = deque()
    documents = read_paths(paths, default_date, default_lang, source_languages)
    try:
        for chunk in _chunks_to_annotate(documents, store, batch_size):
            task = client.submit(annotate_on_worker, chunk.items, batch_size, pure=False) if chunk.items else None
            submitted.append((chunk, task))
            while len(submitted) > ahead:
                _store_when_done(*submitted.popleft(), client, store, batch_size, report, progress)
        while submitted:
            _store_when_done(*submitted.popleft(), client, store, batch_size, report, progress)
    finally:
        for chunk, task in submitted:  # a run stopped by an error or ^C: drop what nobody will store
            report.duplicates.extend(chunk.duplicates)  # logged in the store as they were read
            if task is not None:
                task.cancel()
    return report


def _store_when_done(
    chunk: _Chunk, task: Future | None, client: Client, store: Store, batch_size: int,
    report: IngestReport, progress: ProgressCallback | None,
) -> None:
    for duplicate in chunk.duplicates:
        report.duplicates.append(duplicate)
        if progress:
            progress("duplicate")
    if task is None:
        return
    try:
        results = result_reviving_workers(client, task)
    except KilledWorker:
        results = _annotate_one_per_task(client, chunk.items, batch_size)
    store_chunk(results, store, report, progress)


def _annotate_one_per_task(
    client: Client, items: Sequence[Document | Rejection], batch_size: int
) -> list[Annotations | Rejection]:
    """A chunk whose task killed every worker it ran on, one document at a time: the document
    that kills its worker each time is rejected, the others are annotated.

    One at a time, each result gathered before the next is sent: Dask counts a worker's death
    against every task the worker was running, and a result computed but not yet gathered dies
    with its worker and is computed again, perhaps beside the document that kills. Alone, a
    death is the document's own; it is tried once more (a worker may die of something else) and
    rejected only when it kills its worker again.
    """
    results: list[Annotations | Rejection] = []
    for item in items:
        if isinstance(item, Rejection):
            results.append(item)
            continue
        results.extend(_annotate_alone(client, item, batch_size))
    return results


def _annotate_alone(client: Client, item: Document, batch_size: int) -> list[Annotations | Rejection]:
    """One document on its own task, tried twice: its annotations, or why it is rejected. A task
    no worker finishes in ``ALONE_TIMEOUT`` seconds (a cluster left without a working worker) is
    given up, so that a run goes on instead of waiting for ever."""
    reason = WORKER_DIED
    for _attempt in range(2):
        _wait_for_a_ready_worker(client)
        task = client.submit(annotate_on_worker, [item], batch_size, pure=False)
        try:
            return list(result_reviving_workers(client, task, timeout=ALONE_TIMEOUT))
        except KilledWorker:
            reason = WORKER_DIED
        except TimeoutError:
            _restart_workers_running(client, task)  # a wedged worker would hold every later task
            task.cancel()
            reason = WORKER_STALLED
    return [Rejection(item.origin or item.id, reason, AnnotationError)]


def _wait_for_a_ready_worker(client: Client) -> None:
    """Return once some worker has run an empty task, or after ``WORKER_START_TIMEOUT`` seconds
    (the document's own timeout then decides). A worker restarted after a death or a stall takes
    tasks only once its model is loaded: that time is the cluster's, not the document's."""
    ping = client.submit(worker_ready, pure=False)
    try:
        result_reviving_workers(client, ping, timeout=WORKER_START_TIMEOUT)
    except (TimeoutError, KilledWorker, CancelledError):  # no worker, or none that lasted
        ping.cancel()
        return
    # A worker takes tasks as soon as it has registered, a moment before its nanny counts it as
    # started; a document that killed it in that moment would leave the nanny never restarting
    # it (it restarts only a worker it saw start), and the cluster without a worker for good.
    time.sleep(WORKER_SETTLE_SECONDS)


def _restart_workers_running(client: Client, task: Future) -> None:
    """Restart the workers still running ``task``: a worker wedged in a document (a native
    library that never returns) keeps its thread, and would hold every task sent after it."""
    running = [worker for worker, keys in client.processing().items() if task.key in keys]
    if running:
        client.restart_workers(running, raise_for_error=False)
