"""The two ways past one machine combine: Dask workers annotate, the client stores into a
PostgreSQL database, and the result is what one process stores into a SQLite file.

A real local cluster of two worker processes and the real model, a throw-away PostgreSQL server
(``conftest.py``), the cross-document corpus of the cluster tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import distributed
import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.cluster import connect, ingest_paths_on_cluster
from chronique.ingest import ingest_paths
from chronique.store import Store

pytestmark = pytest.mark.slow
runner = CliRunner()
CROSS_DOC = Path(__file__).resolve().parent.parent / "data" / "cross_doc"


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with connect(workers=2) as dask_client:
        yield dask_client


def _exported(db: str, out: Path) -> str:
    result = runner.invoke(app, ["export", "--format", "annotations", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_workers_storing_into_postgresql_give_what_one_process_gives_into_sqlite(client, pg_url, tmp_path):
    sqlite_db = str(tmp_path / "single.db")
    with Store(sqlite_db) as store:
        single = ingest_paths([CROSS_DOC], store, batch_size=2)
    with Store(pg_url) as store:
        spread = ingest_paths_on_cluster([CROSS_DOC], store, client, batch_size=2)
        counts = store.counts()

    assert len(spread.stored) == len(single.stored) == counts["documents"] == 6
    assert spread.rejected == single.rejected == []
    exported = _exported(pg_url, tmp_path / "pg.jsonl")
    assert exported == _exported(sqlite_db, tmp_path / "sqlite.jsonl")
    assert len(exported.splitlines()) == 6
