"""Extraction quality, measured by the shared referee on `chronique annotate` output.

This is the one place where extraction quality is asserted:

- the founding articles are one end-to-end story test: the events an analyst must see in the
  Musk–Altman feud, with their dates, and who said each quote;
- ``../shared/eval/news-dev`` (48 real French articles chronique was never tuned on) and French
  TimeBank (dev half) carry floors: the figures measured when the floors were last raised. A change
  that makes extraction worse fails here. Raise the floors as extraction improves; never lower
  them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

#: (section, figure) -> lowest acceptable value on ../shared/eval/news-dev (measured 2026-12-06).
NEWS_DEV_FLOORS = {
    ("entities", "f1"): 0.981,  # seats and mergers type unknown companies (0.979 -> 0.982)
    ("entities_typed", "f1"): 0.924,
    ("timexes", "f1"): 0.973,  # days and periods counted from the last named, seasons, rentrée (0.955 -> 0.974)
    ("timexes", "value"): 0.956,
    ("money", "f1"): 0.983,
    ("money", "amount"): 1.0,
    ("quotes", "f1"): 0.987,
    ("quotes", "speaker"): 0.871,
    ("events", "f1"): 0.787,  # s9: deal anaphora, broken phrases, families of French news (0.784 -> 0.788)
    ("events", "p"): 0.992,  # trade nouns: "du club" is no longer the bank named before (0.977 -> 0.992); s9 0.993
    # accuracy over the matched events that gold dates: the reference round matched 5 more dated
    # events that the dating rules leave undated (correct dates 34 -> 36, matched 35 -> 40);
    # no event dated before lost its date; then "désormais" in a dated report, the day a sentence
    # gives the news before a colon, and lead dates reaching "Yahoo!." (36 -> 39 of 40)
    # the rivalry round: "aujourd'hui" dates an appeal to the publication day (41 of 42)
    ("events", "date"): 0.984,
    ("events", "r"): 0.652,  # s8 (0.634 -> 0.648, tp 128 -> 131); s9 (0.648 -> 0.653, tp 132)
    # (refs2: 15 more events matched and dated, 39/40 -> 54/55)
    ("relations", "f1"): 0.746,
    ("relations", "p"): 0.954,
}

#: (section, figure) -> lowest acceptable value on French TimeBank (dev half).
TIMEBANK_FLOORS = {("relaxed", "f1"): 0.954, ("value", "f1"): 0.913}

ACCURACY_KEYS = {"value": "value", "amount": "amount", "speaker": "speaker", "date": "date"}

#: The founding story: (type, source, target, date) an analyst must find in the two articles.
FOUNDING_EVENTS = {
    ("FOUND", "Elon Musk", "OpenAI", "2015"),
    ("FOUND", "Elon Musk", "xAI", "2023"),
    ("BID", "Elon Musk", "OpenAI", "2025-02"),
    ("REJECT", "Sam Altman", "Elon Musk", "2025-02"),
    ("ORDER", "Sam Altman", "Tesla", "2018-07-11"),
    ("CANCEL", "Sam Altman", "Tesla", "2025-10-30"),
    ("PAY", "Tesla", "Sam Altman", None),
    ("REQUEST", "Elon Musk", "Mark Zuckerberg", None),
    ("SUE", "Elon Musk", "OpenAI", None),
    ("PARTNER", "Microsoft", "OpenAI", None),
}


def chronique_annotate(docs: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "chronique", "annotate", str(docs), "-o", str(out)],
        check=True, capture_output=True, text=True, timeout=900,
    )


def referee(shared_eval: Path, *args: str) -> dict:
    completed = subprocess.run(
        [sys.executable, str(shared_eval / "score.py"), *args, "--json"],
        check=True, capture_output=True, text=True,
    )
    return json.loads(completed.stdout)


def figure(scores: dict, section: str, name: str) -> float:
    if name in ACCURACY_KEYS:
        return scores[section][name]["acc"] or 0.0
    return scores[section][name]


@pytest.fixture(scope="module")
def seed_output(shared_eval, tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("quality") / "seeds.jsonl"
    chronique_annotate(shared_eval / "seeds" / "docs.jsonl", out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _named_events(document: dict) -> set[tuple[str, str, str, str | None]]:
    names = {entity["id"]: entity["name"] for entity in document["entities"]}
    found = set()
    for event in document["events"]:
        sources = event["source"] if isinstance(event["source"], list) else [event["source"]]
        targets = event["target"] if isinstance(event["target"], list) else [event["target"]]
        for source in sources:
            for target in targets:
                found.add((event["type"], names.get(source), names.get(target), event.get("date")))
    return found


def test_the_founding_articles_tell_their_story(seed_output):
    told = set().union(*(_named_events(document) for document in seed_output))
    assert FOUNDING_EVENTS - told == set()


def test_every_founding_quote_has_its_speaker(seed_output):
    feud = next(document for document in seed_output if document["id"].startswith("000_"))
    names = {entity["id"]: entity["name"] for entity in feud["entities"]}
    speakers = [names.get(quote["speaker"]) for quote in sorted(feud["quotes"], key=lambda q: q["start"])]
    assert speakers == ["Sam Altman", "Elon Musk", "Elon Musk", None, "Sam Altman", "Elon Musk", "Elon Musk"]


@pytest.fixture(scope="module")
def news_dev_scores(shared_eval, tmp_path_factory) -> dict:
    dev = shared_eval / "news-dev"
    out = tmp_path_factory.mktemp("news-dev") / "out.jsonl"
    chronique_annotate(dev / "docs.jsonl", out)
    return referee(shared_eval, "extract", "--docs", str(dev / "docs.jsonl"),
                   "--gold", str(dev / "gold.jsonl"), "--system", str(out))


@pytest.mark.parametrize(("section", "name"), sorted(NEWS_DEV_FLOORS))
def test_news_dev_scores_stay_above_their_floor(news_dev_scores, section, name):
    assert figure(news_dev_scores, section, name) >= NEWS_DEV_FLOORS[(section, name)], news_dev_scores[section]


def test_every_news_dev_document_is_annotated(news_dev_scores):
    assert news_dev_scores["documents_missing_in_system"] == []


@pytest.fixture(scope="module")
def timebank_scores(shared_eval, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("timebank")
    docs = folder / "docs.jsonl"
    tml = shared_eval / "fr-timebank" / "dev"
    with docs.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, str(shared_eval / "score.py"), "tml2docs", str(tml)],
                       check=True, stdout=out, text=True)
    chronique_annotate(docs, folder / "out.jsonl")
    return referee(shared_eval, "timebank", "--tml", str(tml), "--system", str(folder / "out.jsonl"))


@pytest.mark.parametrize(("section", "name"), sorted(TIMEBANK_FLOORS))
def test_timebank_scores_stay_above_their_floor(timebank_scores, section, name):
    assert timebank_scores[section][name] >= TIMEBANK_FLOORS[(section, name)], timebank_scores[section]
