"""A worker that died while its nanny was still starting is started again by the client.

Dask's nanny restarts only a worker it counted started; a worker killed a moment before (by a
document that kills every worker, sent as soon as a new worker answers) left the local cluster
without a worker for good, and the run waiting for ever. Real local cluster of one worker process.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from distributed.core import Status

from chronique.cluster import connect, ingest_paths_on_cluster
from chronique.cluster.local_workers import orphaned_nannies, result_reviving_workers
from chronique.store import Store

pytestmark = pytest.mark.slow

CROSS_DOC = Path(__file__).resolve().parent.parent / "data" / "cross_doc"


def worker_ready() -> bool:
    """A task that does nothing: it runs once a worker is up with its plugins set up."""
    return True


def _wait_until(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the cluster did not reach the expected state"
        time.sleep(0.1)


def test_a_worker_its_nanny_missed_dying_is_started_again_and_the_run_finishes(tmp_path):
    article = sorted(CROSS_DOC.glob("*.txt"))[0]
    with connect(workers=1) as client:
        client.submit(worker_ready, pure=False).result(timeout=120)
        nanny = next(iter(client.cluster.workers.values()))
        # The race, made on purpose: the worker dies while its nanny is still "starting", so
        # the nanny does not restart it, then the nanny counts itself started.
        nanny.status = Status.starting
        os.kill(nanny.process.pid, signal.SIGKILL)
        _wait_until(lambda: not client.scheduler_info()["workers"])
        nanny.status = Status.running
        time.sleep(1.0)
        assert not nanny.is_alive()
        assert orphaned_nannies(client) == [nanny]

        assert result_reviving_workers(client, client.submit(worker_ready, pure=False), timeout=120) is True
        assert nanny.is_alive()
        assert orphaned_nannies(client) == []
        with Store(tmp_path / "revived.db") as store:
            report = ingest_paths_on_cluster([article], store, client)
    assert [Path(origin).name for origin, _id in report.stored] == [article.name]
    assert report.rejected == []


def test_a_remote_client_has_no_nanny_of_its_own_to_look_after():
    class RemoteClient:
        cluster = None

    assert orphaned_nannies(RemoteClient()) == []  # type: ignore[arg-type]
