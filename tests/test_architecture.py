"""docs/architecture.md describes the house as it is: every path it names exists."""

from __future__ import annotations

import re

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "chronique"
PAGE = ROOT / "docs" / "architecture.md"

#: `a/b.py`, `a/`, `a/b/` or `resources/x.toml` written in backticks.
_PATH = re.compile(r"`([a-z_]+(?:/[a-z_.]+)*(?:\.py|\.toml|/))`")


def named_paths() -> list[str]:
    return sorted(set(_PATH.findall(PAGE.read_text("utf-8"))))


def test_the_page_names_the_main_rooms():
    names = named_paths()
    for room in ("readers/", "nlp/", "extract/quotes/", "extract/events/", "extract/timex/",
                 "extract/money/", "extract/actors/", "identity/", "store/", "analysis/"):
        assert room in names


def test_every_module_and_folder_the_page_names_exists():
    missing = []
    for name in named_paths():
        # a bare file name in a table row stands for a file of the folder that row describes
        candidates = [PACKAGE / name, PACKAGE / "resources" / name, ROOT / name]
        if "/" not in name.rstrip("/"):
            candidates += list(PACKAGE.glob(f"**/{name}"))
        if not any(path.exists() for path in candidates):
            missing.append(name)
    assert missing == []
