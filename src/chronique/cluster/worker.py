"""What runs on a Dask worker: the pipeline loaded once per worker process, and the annotation of
one chunk of documents.

The worker never touches the store: it hands back plain ``Annotations`` (or ``Rejection``s), which
the client stores in input order. So a task can run twice (its worker was killed and Dask ran it
again elsewhere) without anything being stored twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from distributed import Worker, WorkerPlugin

from chronique.cluster.isolation import run_in_child
from chronique.errors import AnnotationError
from chronique.ingest import annotate_chunk
from chronique.model import Annotations, Document
from chronique.readers.records import Rejection

__all__ = ["PipelinePlugin", "annotate_each_alone_on_worker", "annotate_on_worker", "ALONE_ATTEMPTS",
           "WORKER_DIED", "WORKER_STALLED"]

#: Why a document is rejected when the child process annotating it died at every attempt.
WORKER_DIED = "annotation failed (the process annotating this document died each time)"
#: How many times a document whose child died is tried: a child may die of something else (the
#: kernel's out-of-memory killer picks the largest process, not the guilty one).
ALONE_ATTEMPTS = 2


def worker_stalled(timeout: float) -> str:
    """Why a document is rejected when its annotation was still running after ``timeout`` s."""
    return f"annotation failed (this document was still being annotated after {timeout:g} s)"


#: The reason given with the default timeout of ``chronique.cluster.run``.
WORKER_STALLED = worker_stalled(300)


class PipelinePlugin(WorkerPlugin):
    """Loads the pipelines of ``languages`` when a worker starts (and again in a worker the nanny
    restarts), so that no task pays the seconds a model takes to load and a task's time is its
    documents'. Other languages load on first use, once per worker process as well (the
    pipeline cache of ``chronique.pipeline``)."""

    name = "chronique-pipeline"

    def __init__(self, languages: Sequence[str]) -> None:
        self.languages = tuple(languages)

    def setup(self, worker: Worker) -> None:
        from chronique.pipeline import load_pipeline

        for lang in self.languages:
            load_pipeline(lang)


def annotate_on_worker(items: Sequence[Document | Rejection], batch_size: int) -> list[Annotations | Rejection]:
    """One chunk's annotations in input order (a document the pipeline fails on is a rejection)."""
    return annotate_chunk(items, batch_size)


def annotate_each_alone_on_worker(
    items: Sequence[Document | Rejection], batch_size: int, timeout: float
) -> list[Annotations | Rejection]:
    """A chunk that killed the workers it ran on, one document at a time, each in a child process
    of this worker (``chronique.cluster.isolation``): a document whose child dies at every
    attempt, or is still running after ``timeout`` seconds, is rejected; the others are
    annotated as ``annotate_on_worker`` would, and this worker lives on."""
    results: list[Annotations | Rejection] = []
    for item in items:
        if isinstance(item, Rejection):
            results.append(item)
            continue
        results.extend(_annotate_alone(item, batch_size, timeout))
    return results


def _annotate_alone(item: Document, batch_size: int, timeout: float) -> list[Annotations | Rejection]:
    reason = WORKER_DIED
    for _attempt in range(ALONE_ATTEMPTS):
        # annotate_chunk looked up at call time: a test stands a crash in for it on the worker
        outcome = run_in_child(lambda: annotate_chunk([item], batch_size), timeout)
        if outcome.ok and outcome.value is not None:
            return outcome.value
        if outcome.stalled:  # a second try would only wait as long again
            reason = worker_stalled(timeout)
            break
    return [Rejection(item.origin or item.id, reason, AnnotationError)]
