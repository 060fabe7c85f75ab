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
    ("entities", "f1"): 1.0,
    ("entities_typed", "f1"): 1.0,
    ("timexes", "f1"): 1.0,
    ("timexes", "value"): 1.0,
    ("money", "f1"): 1.0,
    ("money", "amount"): 1.0,
    ("quotes", "f1"): 1.0,
    ("quotes", "speaker"): 1.0,
    ("events", "f1"): 0.94,
    ("events", "date"): 1.0,
    ("relations", "f1"): 1.0,
}

#: (section, figure) -> lowest acceptable value on French TimeBank (dev half).
TIMEBANK_FLOORS = {("relaxed", "f1"): 0.95, ("value", "f1"): 0.91}

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


@pytest.fixture(scope="module")
def timebank_scores(shared_eval, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("timebank")
    docs = folder / "docs.jsonl"
    tml = shared_eval / "fr-timebank" / "dev"
    with docs.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, str(shared_eval / "score.py"), "tml2docs", str(tml)],
                       check=True, stdout=out, text=True)
    chronique_annotate(docs, folder / "out.jsonl")
    completed = subprocess.run(
        [sys.executable, str(shared_eval / "score.py"), "timebank", "--tml", str(tml),
         "--system", str(folder / "out.jsonl"), "--json"],
        check=True, capture_output=True, text=True,
    )
    return json.loads(completed.stdout)


@pytest.mark.parametrize(("section", "name"), sorted(TIMEBANK_FLOORS))
def test_timebank_scores_stay_above_their_floor(timebank_scores, section, name):
    assert timebank_scores[section][name] >= TIMEBANK_FLOORS[(section, name)], timebank_scores[section]
