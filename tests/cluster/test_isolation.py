"""A call run in a forked child: its value comes back, and a child that dies or hangs costs only
itself (chronique.cluster.isolation, what keeps a worker alive through a document that kills)."""

from __future__ import annotations

import os
import time

from chronique.cluster.isolation import run_in_child


def _parent_pid_seen_by_child() -> int:
    return os.getppid()


def test_a_childs_value_comes_back_to_the_parent():
    outcome = run_in_child(lambda: {"documents": ["a", "b"], "answer": 42}, timeout=30)
    assert outcome.ok
    assert outcome.value == {"documents": ["a", "b"], "answer": 42}


def test_the_call_runs_in_another_process_than_the_callers():
    outcome = run_in_child(_parent_pid_seen_by_child, timeout=30)
    assert outcome.value == os.getpid()


def test_a_value_larger_than_a_pipes_buffer_comes_back_whole():
    text = "x" * 5_000_000
    assert run_in_child(lambda: text, timeout=30).value == text


def test_a_child_that_exits_abruptly_is_reported_dead_and_the_caller_goes_on():
    outcome = run_in_child(lambda: os._exit(3), timeout=30)
    assert (outcome.ok, outcome.died, outcome.stalled, outcome.value) == (False, True, False, None)


def test_a_child_whose_call_raises_is_reported_dead():
    def fail() -> None:
        raise RuntimeError("a fault in the annotation")

    assert run_in_child(fail, timeout=30).died


def test_a_child_still_running_at_the_deadline_is_killed_and_reported_stalled():
    started = time.monotonic()
    outcome = run_in_child(lambda: time.sleep(60), timeout=1)
    assert (outcome.ok, outcome.died, outcome.stalled) == (False, False, True)
    assert time.monotonic() - started < 10
