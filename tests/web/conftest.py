"""Fixtures of the web tests: the hand-built store every API and page test reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.test_web_fixtures import build_hand_store


@pytest.fixture(scope="module")
def hand_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hand_store(tmp_path_factory.mktemp("web") / "hand.db")
