"""The benchmark corpus: the example articles and the French TimeBank dev texts, repeated.

The speed of a tagger depends on what it reads, so the corpus is real French news of two kinds:
today's tech articles (``examples/``) and 1999 newswire (French TimeBank dev, dense in dates,
which is what the temporal tagger works hardest on). The TimeBank texts are produced at run time
by the shared scorer (``score.py tml2docs``): the shared data is never copied into the project.

The texts are repeated, document by document, until the corpus holds the requested number of
words. The order and the ids are fixed, so two runs read the same corpus; repeated copies get ids
of their own (``<id>~002``) because the pipeline and the exports key everything on the id.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronique.documents import Rejection, read_paths

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
TIMEBANK_DEV_DIR = ROOT.parent / "shared" / "eval" / "fr-timebank" / "dev"


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


def read_source_records() -> list[CorpusRecord]:
    """Examples first, then TimeBank dev, each read through chronique's own readers.

    Going through ``read_paths`` (rather than parsing the files here) means the benchmark reads
    exactly what ``chronique annotate`` would: same text normalisation, same dates, same ids.
    """
    with tempfile.TemporaryDirectory(prefix="chronique-bench-") as folder:
        timebank_file = Path(folder) / "fr-timebank-dev.jsonl"
        timebank_file.write_text(timebank_dev_jsonl(), encoding="utf-8")
        results = list(read_paths([EXAMPLES_DIR, timebank_file]))
    rejections = [r for r in results if isinstance(r, Rejection)]
    if rejections:
        raise SystemExit(f"the corpus sources could not all be read: {rejections}")
    return [
        CorpusRecord(d.id, d.date.isoformat() if d.date else None, d.lang, d.text)
        for d in results
        if not isinstance(d, Rejection)
    ]


def repeated(records: list[CorpusRecord], target_words: int) -> Iterator[CorpusRecord]:
    """Cycle through ``records`` until ``target_words`` is reached; later copies get new ids."""
    if not records or all(r.words == 0 for r in records):
        raise SystemExit("the corpus sources hold no words")
    total = 0
    copy = 1
    while True:
        for record in records:
            if total >= target_words:
                return
            identifier = record.id if copy == 1 else f"{record.id}~{copy:03d}"
            yield CorpusRecord(identifier, record.date, record.lang, record.text)
            total += record.words
        copy += 1


def build_corpus(target_words: int) -> list[CorpusRecord]:
    """The benchmark corpus of about ``target_words`` words (it stops at the first document over)."""
    return list(repeated(read_source_records(), target_words))


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
