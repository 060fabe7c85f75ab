"""A command that only reads the store starts fast: the command line loads neither spaCy, nor
pandas, nor FastAPI until a command needs them (ingest, annotate, frames, serve)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "pandas", "pyarrow", "fastapi")


@pytest.mark.parametrize("module", ["chronique.cli", "chronique.analysis", "chronique.web.settings"])
def test_importing_loads_no_heavy_library(module: str):
    code = f"import sys, {module}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert loaded.strip() == "[]"


def test_the_lazy_names_still_answer():
    code = ("import chronique.analysis as a, chronique.web as w; "
            "print(a.to_frame.__name__, w.create_app.__name__)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["to_frame", "create_app"]
