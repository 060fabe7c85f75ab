"""A throw-away PostgreSQL server for the store tests that compare the two engines.

One server per test session (``pg_server``), a new database per test (``pg_url``). Without the
server binaries the tests fail, as ``make test`` installs them; set ``CHRONIQUE_SKIP_POSTGRES=1``
to have them skipped instead, with that reason, on a machine that cannot have them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest

from tests.store.pg_server import SKIP_ENV, PgServer, find_bindir

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if find_bindir() is None:
        if os.environ.get(SKIP_ENV) == "1":
            pytest.skip(f"no PostgreSQL server binaries (initdb, pg_ctl) and {SKIP_ENV}=1")
        pytest.fail(f"no PostgreSQL server binaries: 'apt-get install postgresql' (or set {SKIP_ENV}=1 to skip)")
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A new empty database on the session's server."""
    return pg_server.create(f"test_{os.getpid()}_{next(_names)}")
