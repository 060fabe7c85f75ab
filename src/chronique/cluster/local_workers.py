"""Waiting on a task of a local cluster, and starting again a worker its nanny left dead.

Dask's nanny starts a new worker process when its worker exits, but only once the nanny counts
itself started, and a worker takes tasks from the moment it registers with the scheduler, a
little before that. A chunk that kills the worker in that moment (Dask sends a chunk whose
worker died to the next worker that registers, on a busy machine as soon as it does) leaves the
nanny running with no worker for good, and a one-worker cluster with none: the client would then
wait for ever (seen in the tests of such a document, under load, before documents were retried
in child processes: ``chronique.cluster.isolation``). The nannies of a cluster started by
``connect`` live in the client's own process, so the client can see that state, a running nanny
whose process is gone, and ask the nanny to start its worker again, as it would have itself.
On a remote scheduler the nannies are not the client's to see: there, waiting is all it does.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from distributed import Client, Future, Nanny
from distributed.core import Status

__all__ = ["CHECK_SECONDS", "orphaned_nannies", "result_reviving_workers"]

logger = logging.getLogger(__name__)

#: How often a wait on a task looks for nannies left without a worker (seconds). A nanny that
#: restarts its worker has a new process within a moment: one seen without a process at two
#: looks this far apart was left so.
CHECK_SECONDS = 2.0


def orphaned_nannies(client: Client) -> list[Nanny]:
    """The nannies of the client's local cluster that run without a live worker process."""
    workers: dict[Any, Any] = getattr(getattr(client, "cluster", None), "workers", None) or {}
    return [nanny for nanny in list(workers.values())
            if isinstance(nanny, Nanny) and nanny.status == Status.running and not nanny.is_alive()]


def result_reviving_workers(client: Client, task: Future, timeout: float | None = None) -> Any:
    """``task.result(timeout)``, starting again, meanwhile, the worker of any nanny of a local
    cluster seen without one at two looks in a row (``TimeoutError`` when ``timeout`` passes)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    seen_orphaned: set[int] = set()
    while True:
        wait = CHECK_SECONDS if deadline is None else max(0.0, min(CHECK_SECONDS, deadline - time.monotonic()))
        try:
            return task.result(timeout=wait)
        except TimeoutError:
            if deadline is not None and time.monotonic() >= deadline:
                raise
        orphaned = orphaned_nannies(client)
        for nanny in orphaned:
            if id(nanny) in seen_orphaned:
                _start_worker_again(client.cluster, nanny)
        seen_orphaned = {id(nanny) for nanny in orphaned}


def _start_worker_again(cluster: Any, nanny: Nanny) -> None:
    """Have ``nanny`` start a worker process, as it does itself when its worker exits (on the
    event loop of ``cluster``, the local cluster that holds it)."""
    logger.warning("the worker of nanny %s exited unnoticed: starting it again", nanny.address)
    try:
        cluster.sync(nanny.instantiate)
    except Exception:  # the next look tries again; the caller's timeout bounds the wait
        logger.exception("could not start the worker of nanny %s again", nanny.address)
