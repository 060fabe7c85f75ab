"""Extraction quality, measured by the shared referee on `chronique annotate` output.

The floors are what chronique reached when they were last raised: a change that makes
extraction worse fails here. Raise them as extraction improves; never lower them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

#: (section, figure) -> lowest acceptable value on ../shared/eval/seeds.
SEED_FLOORS = {
    ("entities", "f1"): 0.90,
    ("entities_typed", "f1"): 0.90,
    ("timexes", "f1"): 0.85,
    ("timexes", "value"): 0.85,
    ("money", "f1"): 1.0,
    ("money", "amount"): 1.0,
    ("quotes", "f1"): 0.85,
    ("quotes", "speaker"): 0.70,
    ("events", "f1"): 0.50,
    ("relations", "f1"): 0.50,
}

#: figure -> lowest acceptable value on French TimeBank (dev half).
TIMEBANK_FLOORS = {"relaxed_f1": 0.0, "value_f1": 0.0}

ACCURACY_KEYS = {"value": "value", "amount": "amount", "speaker": "speaker", "date": "date"}


def chronique_annotate(docs: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "chronique", "annotate", str(docs), "-o", str(out)],
        check=True, capture_output=True, text=True, timeout=600,
    )


def figure(scores: dict, section: str, name: str) -> float:
    if name in ACCURACY_KEYS:
        return scores[section][name]["acc"] or 0.0
    return scores[section][name]


@pytest.fixture(scope="module")
def seed_scores(shared_eval, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("quality") / "seeds.jsonl"
    chronique_annotate(shared_eval / "seeds" / "docs.jsonl", out)
    completed = subprocess.run(
        [sys.executable, str(shared_eval / "score.py"), "extract",
         "--docs", str(shared_eval / "seeds" / "docs.jsonl"),
         "--gold", str(shared_eval / "seeds" / "gold.jsonl"), "--system", str(out), "--json"],
        check=True, capture_output=True, text=True,
    )
    return json.loads(completed.stdout)


@pytest.mark.parametrize(("section", "name"), sorted(SEED_FLOORS))
def test_seed_scores_stay_above_their_floor(seed_scores, section, name):
    assert figure(seed_scores, section, name) >= SEED_FLOORS[(section, name)], seed_scores[section]


def test_every_seed_document_is_annotated(seed_scores):
    assert seed_scores["documents_missing_in_system"] == []
