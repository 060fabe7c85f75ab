"""What runs on a Dask worker: the pipeline loaded once per worker process, and the annotation of
one chunk of documents.

The worker never touches the store: it hands back plain ``Annotations`` (or ``Rejection``s), which
the client stores in input order. So a task can run twice (its worker was killed and Dask ran it
again elsewhere) without anything being stored twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from distributed import Worker, WorkerPlugin

from chronique.ingest import annotate_chunk
from chronique.model import Annotations, Document
from chronique.readers.records import Rejection

__all__ = ["PipelinePlugin", "annotate_on_worker", "worker_ready"]


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


def worker_ready() -> bool:
    """A task that does nothing: it runs only once a worker has started and loaded its pipelines
    (a worker takes tasks after its plugins' ``setup``), so the client can wait for that before
    it starts timing a document."""
    return True
