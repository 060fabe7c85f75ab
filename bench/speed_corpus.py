"""The benchmark corpus: every real French text at hand, then generated news, none repeated.

The speed of a tagger depends on what it reads, and repeated text flatters it: spaCy's
lemmatizer and chronique's memoised lookups see each word form once and then only look it up
(on the 56 documents repeated, the lemmatizer's share fell from 16.6 % to 2.9 % and peak memory
was 240 MiB lower than on distinct text). So no document is read twice. The corpus is:

1. the real French texts available at run time: the example articles (``examples/``), the
   founding articles and the 48 news-dev excerpts (``../shared/eval``, read where they lie),
   and French TimeBank dev (1999 newswire dense in dates, converted by the shared scorer's
   ``score.py tml2docs`` right now). Shared data is read, never copied into the project;
   a source that is absent is skipped and named on stderr;
2. then generated articles of distinct sentences (:mod:`distinct_corpus`) up to the requested
   number of words.

The order, the seed and the ids are fixed, so two runs read the same corpus.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from chronique.documents import Rejection, read_paths

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SCORER = SHARED_EVAL / "score.py"
TIMEBANK_DEV_DIR = SHARED_EVAL / "fr-timebank" / "dev"
#: Input documents of the evaluation kit, read in place (never copied).
SHARED_DOCUMENTS = (SHARED_EVAL / "seeds" / "docs.jsonl", SHARED_EVAL / "news-dev" / "docs.jsonl")


@dataclass(frozen=True)
class CorpusRecord:
    """One document of the corpus, as plain JSON-able data (children rebuild what they need)."""

    id: str
    date: str | None
    lang: str | None
    text: str

    @property
    def words(self) -> int:
        return count_words(self.text)


def count_words(text: str) -> int:
    """Words as whitespace-separated strings: the same rule for every variant, cheap and stable."""
    return len(text.split())


def timebank_dev_jsonl() -> str:
    """The TimeBank dev texts as input documents, converted by the shared scorer right now."""
    completed = subprocess.run(
        [sys.executable, str(SCORER), "tml2docs", str(TIMEBANK_DEV_DIR)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return completed.stdout


def read_source_records(target_words: int | None = None) -> list[CorpusRecord]:
    """The real texts, then generated ones to ``target_words``, each read through chronique's readers.

    Going through ``read_paths`` (rather than building documents here) means the benchmark reads
    exactly what ``chronique annotate`` would: same text normalisation, same dates, same ids. A
    text already taken (the founding articles are also the examples) is not taken again.
    """
    from distinct_corpus import generated_articles

    with tempfile.TemporaryDirectory(prefix="chronique-bench-") as folder:
        sources: list[Path] = [EXAMPLES_DIR]
        if SCORER.exists() and TIMEBANK_DEV_DIR.is_dir():
            timebank_file = Path(folder) / "fr-timebank-dev.jsonl"
            timebank_file.write_text(timebank_dev_jsonl(), encoding="utf-8")
            sources.append(timebank_file)
        sources += [path for path in SHARED_DOCUMENTS if path.exists()]
        for missing in [SCORER, *SHARED_DOCUMENTS]:
            if not missing.exists():
                print(f"corpus: {missing} is not here, left out", file=sys.stderr)
        results = list(read_paths(sources))
        rejections = [r for r in results if isinstance(r, Rejection)]
        if rejections:
            raise SystemExit(f"the corpus sources could not all be read: {rejections}")
        records = _distinct([CorpusRecord(d.id, d.date.isoformat() if d.date else None, d.lang, d.text)
                             for d in results if not isinstance(d, Rejection)])
        real_words = sum(r.words for r in records)
        if target_words is None or real_words >= target_words:
            return records
        generated_file = Path(folder) / "generated.jsonl"
        with generated_file.open("w", encoding="utf-8") as out:
            for identifier, published, title, text in generated_articles(target_words - real_words):
                out.write(json.dumps({"id": identifier, "date": published.isoformat(), "lang": "fr",
                                      "title": title, "text": text}, ensure_ascii=False) + "\n")
        generated = [d for d in read_paths([generated_file]) if not isinstance(d, Rejection)]
    return records + [CorpusRecord(d.id, d.date.isoformat() if d.date else None, d.lang, d.text) for d in generated]


def _distinct(records: list[CorpusRecord]) -> list[CorpusRecord]:
    seen: set[str] = set()
    kept = []
    for record in records:
        if record.text not in seen:
            seen.add(record.text)
            kept.append(record)
    return kept


def taken_up_to(records: list[CorpusRecord], target_words: int) -> list[CorpusRecord]:
    """The first records, in order, until ``target_words`` is reached (the last one may go over)."""
    if not records or all(r.words == 0 for r in records):
        raise SystemExit("the corpus sources hold no words")
    taken, total = [], 0
    for record in records:
        if total >= target_words:
            break
        taken.append(record)
        total += record.words
    return taken


def build_corpus(target_words: int) -> list[CorpusRecord]:
    """The benchmark corpus of about ``target_words`` distinct words (it stops at the first document over)."""
    return taken_up_to(read_source_records(target_words), target_words)


def write_corpus(records: list[CorpusRecord], path: Path) -> None:
    """JSON lines in the input format of ``chronique annotate`` (so the CLI run can read it too)."""
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            fields = {"id": record.id, "date": record.date, "lang": record.lang, "text": record.text}
            out.write(json.dumps({k: v for k, v in fields.items() if v is not None}, ensure_ascii=False) + "\n")


def read_corpus(path: Path) -> list[CorpusRecord]:
    """What a child process reads back: the records exactly as the parent wrote them."""
    with path.open(encoding="utf-8") as lines:
        return [
            CorpusRecord(r["id"], r.get("date"), r.get("lang"), r["text"])
            for r in map(json.loads, lines)
        ]
