"""Extraction quality, measured by the shared referee on `chronique annotate` output.

This is the one place where extraction quality is asserted:

- the founding articles are one end-to-end story test: the events an analyst must see in the
  Musk–Altman feud, with their dates, and who said each quote;
- ``../shared/eval/news-dev`` (48 real French articles chronique was never tuned on) and French
  TimeBank (dev half) carry floors: the figures measured when the floors were last raised. A change
  that makes extraction worse fails here. Raise the floors as extraction improves; never lower
  them;
- ``corpora/own`` (the team's own invented articles, gold written before the rules that were then
  tuned on them) carries floors too, its sets scored together by the session that wrote them
  (the name's last part: ``ev-a-s14`` belongs to ``s14``): a change that undoes an earlier round's
  fix on text other than news-dev fails here, and a new session's sets, harder or easier, leave
  the floors of the older ones as they were.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

#: (section, figure) -> lowest acceptable value on ../shared/eval/news-dev (measured 2026-12-06).
NEWS_DEV_FLOORS = {
    ("entities", "f1"): 0.984,  # seats and mergers type unknown companies (0.979 -> 0.982); s12 a bare "le gouvernement", titles of works (-> 0.985)
    ("entities_typed", "f1"): 0.945,  # s9: one kind per actor per article, products' cues (0.925 -> 0.941);
    # s10: an infinitive opening a sentence is no part of the name (-> 0.942); s12 a minister's portfolio is no place, titles of works (-> 0.946)
    ("timexes", "f1"): 0.991,  # ages, gerunds, titled weekdays; "vendredi 15 heures" one TIME (0.974 -> 0.992)
    ("timexes", "value"): 0.973,  # "d'ici vendredi", "il y a plus d'un an" (0.957 -> 0.973)
    ("money", "f1"): 0.991,  # bare figures take the currency stated before (0.983 -> 0.992)
    ("money", "amount"): 1.0,
    ("quotes", "f1"): 0.991,  # a quote cut off by the end of the text (0.987 -> 0.992)
    ("quotes", "speaker"): 0.872,  # answers about an actor (102/117 -> 103/118)
    # s9 descriptions: a description is no other argument of its clause (0.784 -> 0.792)
    ("events", "f1"): 0.815,  # s8: participles, gapping, lists after "dont", fronted titles (0.773 -> 0.784); s9 -> 0.795; s10 descriptions named before their name -> 0.799; s11 parse shapes, deals under review -> 0.809; s12 a pronominal verb read as a passive -> 0.813; s16 a description by a kind that opens a name -> 0.816
    ("events", "p"): 0.992,  # trade nouns: "du club" is no longer the bank named before (0.977 -> 0.992)
    # accuracy over the matched events that gold dates: the reference round matched 5 more dated
    # events that the dating rules leave undated (correct dates 34 -> 36, matched 35 -> 40);
    # no event dated before lost its date; then "désormais" in a dated report, the day a sentence
    # gives the news before a colon, and lead dates reaching "Yahoo!." (36 -> 39 of 40)
    # the rivalry round: "aujourd'hui" dates an appeal to the publication day (41 of 42)
    # s9: two more events matched, one from a sentence that names no date ("Netflix s'apprête donc
    # à … s'offrir le studio centenaire", after the dated one): correct dates 62 -> 63 of 63 -> 65
    # matched dated events, so this ratio fell 0.984 -> 0.969 while no event lost its date. The
    # ratio falls whenever recall adds an undated match; the count of right dates below does not.
    ("events", "date"): 0.969,
    ("events", "date_ok"): 64,  # right event dates, a count (62 -> 63; s11 an announced deal dated -> 64)
    ("events", "r"): 0.693,  # s8 (0.634 -> 0.648, tp 128 -> 131); s9 (-> 0.663, tp 134); s10 (-> 0.668, tp 135); s11 (-> 0.683, tp 138); s12 (-> 0.688, tp 139); s16 (-> 0.693, tp 140)
    # (refs2: 15 more events matched and dated, 39/40 -> 54/55)
    # s14: a denied title ("X, qui n'est pas l'un des fondateurs de Y") no longer states a founder
    # role; that false relation had been credited against another title the gold gives the pair
    # (titles are not scored): tp 77 -> 76; the role told by "va rester quelques mois à la tête
    # de Y" (a raising verb, a duration the parser took for the object) found it again (-> 77)
    ("relations", "f1"): 0.836,  # s9: kinds, known makers a clause away, catalogues, bare titles (0.747 -> 0.831); s12 a bare company title's organisation (-> 0.837)
    ("relations", "p"): 0.986,
    ("relations", "r"): 0.726,  # s12: "explique le PDG X" held at the organisation just told of (0.717 -> 0.726)
}

#: generation -> (section, figure) -> lowest acceptable value on the team's own articles, the
#: sets of ``corpora/own`` whose name ends in ``-<generation>`` scored as one (invented news, gold
#: written before the rules; read since).
OWN_SETS_FLOORS: dict[str, dict[tuple[str, str], float]] = {
    # s14, 24 articles (ev-a-s14, ev-b-s14, rel-s14), at the session's start -> end: events P 0.802
    # -> 0.941, R 0.379 -> 0.522 (tp 69 -> 95); speakers 81 -> 90 of 104; relations F1 0.654 -> 0.747.
    # s15 on the same 24: events 95 -> 96 (a clitic's antecedent), speakers 90 -> 92, relations F1
    # 0.747 -> 0.756.
    "s14": {
        ("events", "f1"): 0.675,
        ("events", "p"): 0.941,
        ("events", "r"): 0.527,
        ("quotes", "speaker"): 0.884,
        ("entities_typed", "f1"): 0.949,
        ("relations", "f1"): 0.755,
    },
    # s15, 24 articles (sides-s15, spk-s15, rel-s15), at the session's start -> end: events P 0.759
    # -> 0.825, R 0.277 -> 0.318 (tp 41 -> 47); speakers 85 -> 99 of 117; typed entities F1 0.912 ->
    # 0.928 (0.931 before the review dropped "la maison X" as an organisation cue: it made houses
    # companies); relations F1 0.497 -> 0.584.
    "s15": {
        ("events", "f1"): 0.458,
        ("events", "p"): 0.824,
        ("events", "r"): 0.317,
        ("quotes", "speaker"): 0.846,
        ("entities_typed", "f1"): 0.928,
        ("relations", "f1"): 0.584,
    },
    # s16, 16 articles (desc-s16: actors told by definite descriptions; ev-s16: events whose two
    # sides the sentence names), at the session's start -> end: events P 0.712 -> 0.783, R 0.321
    # -> 0.412 (tp 42 -> 54 of 131, fp 17 -> 15); speakers 53 -> 55 of 59; typed entities F1 0.959
    # -> 0.959; relations F1 0.624 -> 0.645.
    "s16": {
        ("events", "f1"): 0.53,
        ("events", "p"): 0.77,
        ("events", "r"): 0.40,
        ("quotes", "speaker"): 0.92,
        ("entities_typed", "f1"): 0.95,
        ("relations", "f1"): 0.63,
    },
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
    # This checkout's code, as pytest's ``pythonpath`` gives the tests in process: a git worktree
    # sharing another checkout's environment would otherwise score the code it was installed from.
    src = str(Path(__file__).resolve().parent.parent / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)}
    subprocess.run(
        [sys.executable, "-m", "chronique", "annotate", str(docs), "-o", str(out)],
        check=True, capture_output=True, text=True, timeout=900, env=env,
    )


def referee(shared_eval: Path, *args: str) -> dict:
    completed = subprocess.run(
        [sys.executable, str(shared_eval / "score.py"), *args, "--json"],
        check=True, capture_output=True, text=True,
    )
    return json.loads(completed.stdout)


def figure(scores: dict, section: str, name: str) -> float:
    if name.endswith("_ok"):  # a count of right values: "date_ok" is date["ok"]
        return scores[section][name.removesuffix("_ok")]["ok"]
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


OWN_SETS = Path(__file__).resolve().parent.parent / "corpora" / "own"


def generation_of(set_folder: Path) -> str:
    """The session that wrote a set of ``corpora/own``: the last part of its name."""
    return set_folder.name.rsplit("-", 1)[-1]


@pytest.fixture(scope="module")
def own_sets_scores(shared_eval, tmp_path_factory) -> dict[str, dict]:
    """Every set of ``corpora/own`` annotated in one run, then scored by generation."""
    folder = tmp_path_factory.mktemp("own")
    sets = sorted(path.parent for path in OWN_SETS.glob("*/gold.jsonl"))
    generations = sorted({generation_of(s) for s in sets})

    def joined(chosen: list[Path], name: str, target: Path) -> Path:
        lines = [line for s in chosen for line in (s / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return target

    docs = joined(sets, "docs.jsonl", folder / "docs.jsonl")
    chronique_annotate(docs, folder / "out.jsonl")
    scores = {}
    for generation in generations:
        gold = joined([s for s in sets if generation_of(s) == generation], "gold.jsonl", folder / f"gold-{generation}.jsonl")
        scores[generation] = referee(shared_eval, "extract", "--docs", str(docs), "--gold", str(gold),
                                     "--system", str(folder / "out.jsonl"))
    return scores


def test_every_generation_of_own_sets_has_floors():
    found = {generation_of(path.parent) for path in OWN_SETS.glob("*/gold.jsonl")}
    assert found == set(OWN_SETS_FLOORS), "a set of corpora/own needs floors in OWN_SETS_FLOORS (or a name ending in its session)"


@pytest.mark.parametrize(("generation", "section", "name"),
                         sorted((g, s, n) for g, floors in OWN_SETS_FLOORS.items() for s, n in floors))
def test_the_teams_own_articles_stay_above_their_floor(own_sets_scores, generation, section, name):
    scores = own_sets_scores[generation]
    assert figure(scores, section, name) >= OWN_SETS_FLOORS[generation][(section, name)], scores[section]


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
