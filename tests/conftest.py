"""Shared fixtures: paths to the examples and to the shared evaluation kit."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not (SHARED_EVAL / "score.py").exists():
        pytest.fail(f"the shared evaluation kit is missing: {SHARED_EVAL}")
    return SHARED_EVAL


def run_dated(nlp, text: str, published):
    """Run every pipe of ``nlp`` on ``text`` published on ``published`` (sets ``doc._.dct``)."""
    doc = nlp.make_doc(text)
    doc._.dct = published
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc
