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
again on one worker one document at a time, each in a child process of the worker
(``chronique.cluster.isolation``), so that only the document at fault is rejected and no worker
dies of it again.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import dask
from distributed import Client, Future, KilledWorker, LocalCluster

from chronique.cluster.local_workers import result_reviving_workers
from chronique.cluster.worker import (
    ALONE_ATTEMPTS,
    WORKER_DIED,
    WORKER_STALLED,
    PipelinePlugin,
    annotate_each_alone_on_worker,
    annotate_on_worker,
)
from chronique.errors import AnnotationError, ConfigurationError
from chronique.ingest import DEFAULT_BATCH_SIZE, IngestReport, ProgressCallback, store_chunk
from chronique.model import Annotations, Document
from chronique.readers.language import fallback_language
from chronique.readers.records import Rejection
from chronique.readers.sources import read_paths
from chronique.store import Store

logger = logging.getLogger(__name__)

__all__ = ["connect", "ingest_paths_on_cluster", "worker_environment", "CONNECT_TIMEOUT", "WORKER_DIED", "WORKER_STALLED",
           "CHUNK_NOT_ANNOTATED", "CHUNK_WORKERS_DIED"]

#: How long to wait for a scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT = "20s"
#: Chunks submitted ahead of the one being stored, per worker: enough that no worker waits for
#: the client, few enough that the annotations waiting to be stored stay small.
CHUNKS_AHEAD_PER_WORKER = 2
#: Dask settings of the workers a local cluster starts: no statistical profiler (it walks the
#: task's stack every 10 ms, for a dashboard chronique does not start: 5-10 % of a worker's CPU
#: time in bench/ingest_workers.py). Nannies hand their settings to the workers they start.
WORKER_CONFIG: dict[str, object] = {"distributed.worker.profile.enabled": False}
#: How long one document, retried on its own in a child process of a worker, may take (seconds).
ALONE_TIMEOUT = 300
#: How long a chunk retried one document at a time may wait for a worker to take it, on top of
#: its documents' own time: the nanny of the worker the chunk killed starts a new one, which
#: loads the model again (seconds, more on a busy machine).
WORKER_START_TIMEOUT = 300
#: Why the documents of a chunk are rejected when even the worker retrying them one by one, in
#: child processes, died every time (something else than a document kills the workers).
CHUNK_WORKERS_DIED = "annotation failed (the workers died each time they ran this document's chunk)"
#: Why they are rejected when no worker finished that retry in its time.
CHUNK_NOT_ANNOTATED = "annotation failed (no worker finished this document's chunk in time)"


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
        results = _annotate_each_alone(client, chunk.items, batch_size)
    store_chunk(results, store, report, progress)


def _annotate_each_alone(client: Client, items: Sequence[Document | Rejection], batch_size: int) -> list[Annotations | Rejection]:
    """A chunk whose task killed every worker it ran on, one document at a time in child
    processes of one worker (``annotate_each_alone_on_worker``): the document at fault is
    rejected, the others annotated, and the worker that does it does not die.

    The wait is bounded: a worker to start (its nanny restarts the one the chunk killed) and
    each document's own time. Past it, or when even that task's worker keeps dying (of something
    else than a document: they die in children), the chunk's documents are rejected and the run
    goes on."""
    documents = sum(1 for item in items if isinstance(item, Document))
    timeout = ALONE_TIMEOUT
    task = client.submit(annotate_each_alone_on_worker, list(items), batch_size, timeout, pure=False)
    try:
        return list(result_reviving_workers(
            client, task, timeout=WORKER_START_TIMEOUT + documents * ALONE_ATTEMPTS * timeout))
    except KilledWorker:
        reason = CHUNK_WORKERS_DIED
    except TimeoutError:
        _restart_workers_running(client, task)  # a wedged worker would hold every later task
        task.cancel()
        reason = CHUNK_NOT_ANNOTATED
    logger.warning("chunk of %d documents given up on: %s", documents, reason)
    return [item if isinstance(item, Rejection) else Rejection(item.origin or item.id, reason, AnnotationError)
            for item in items]


def _restart_workers_running(client: Client, task: Future) -> None:
    """Restart the workers still running ``task``: a worker wedged (a native library that never
    returns) keeps its thread, and would hold every task sent after it."""
    running = [worker for worker, keys in client.processing().items() if task.key in keys]
    if running:
        client.restart_workers(running, raise_for_error=False)
