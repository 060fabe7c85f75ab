"""Annotating one document in a child process of the worker, so that a document that crashes
its process (a fault in a native library, a runaway allocation the kernel kills) or never ends
takes down only that child, never the worker.

Why a child and not the worker itself: a document retried on a worker that it kills makes Dask's
nanny start a new worker, and the client then has to wait for it, tell its death apart from the
document's, and live with the moments when a nanny does not count a worker started yet. Each of
those waits hung or misattributed a death under load in earlier runs. A child forked from a
worker that has already loaded its model starts in milliseconds with the model in shared pages;
its death or its silence is its document's own, and the worker goes on to the next document.

``fork`` is what makes the child cheap (the model is not loaded again) and is what Dask's worker
processes cannot do through ``multiprocessing`` (they are daemonic, and a daemonic process may
have no ``multiprocessing`` children), hence ``os.fork`` and a pipe. Where there is no fork
(Windows), the document is annotated in the worker itself, as before.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["ChildOutcome", "run_in_child"]

Result = TypeVar("Result")

#: How much of the child's answer is read from the pipe at a time (bytes).
READ_SIZE = 1 << 20


@dataclass(frozen=True)
class ChildOutcome(Generic[Result]):
    """What became of a call run in a child: its value, or why there is none."""

    value: Result | None = None
    died: bool = False  # the child ended without handing back a whole answer
    stalled: bool = False  # the child was still running at the deadline, and was killed

    @property
    def ok(self) -> bool:
        return not (self.died or self.stalled)


def run_in_child(call: Callable[[], Result], timeout: float) -> ChildOutcome[Result]:
    """``call()`` in a forked child, its pickled value handed back through a pipe; the child is
    killed when it is still running after ``timeout`` seconds."""
    if not hasattr(os, "fork"):
        return ChildOutcome(value=call())
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer, then leave without running the worker's clean-up
        os.close(read_end)
        _answer_and_exit(call, write_end)
    os.close(write_end)
    try:
        answer, finished = _read_until(read_end, time.monotonic() + timeout)
    finally:
        os.close(read_end)
    if not finished:
        _kill(pid)
        return ChildOutcome(stalled=True)
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not answer:
        return ChildOutcome(died=True)
    try:
        return ChildOutcome(value=pickle.loads(answer))
    except (pickle.UnpicklingError, EOFError, ValueError):  # a child that died mid-write
        return ChildOutcome(died=True)


def _answer_and_exit(call: Callable[[], object], write_end: int) -> None:
    code = 1
    try:
        payload = pickle.dumps(call(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        code = 0
    finally:
        os._exit(code)


def _read_until(read_end: int, deadline: float) -> tuple[bytes, bool]:
    """Everything the child writes, and whether it closed its end before ``deadline`` (a child
    that exits, of whatever cause, closes it)."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"", False
        ready, _, _ = select.select([read_end], [], [], left)
        if not ready:
            continue
        chunk = os.read(read_end, READ_SIZE)
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)

