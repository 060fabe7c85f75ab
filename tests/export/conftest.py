"""The hand-built store every export test reads (built by ``test_exports.build_small_store``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chronique.store import Store
from tests.export.test_exports import build_small_store


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    return build_small_store(tmp_path / "small.db")


@pytest.fixture
def small(small_db: Path) -> Iterator[Store]:
    with Store(small_db) as store:
        yield store
