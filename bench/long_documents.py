"""Annotation time and memory of one long document, at several lengths: do they grow linearly?

Each length runs in a child process of its own (model loaded, one warm-up sentence, then one
document of that many characters through ``chronique.pipeline.annotate_documents``), so that
its peak memory is its own. The text is distinct French news made of generated sentences
(``synthetic_store.NewsGenerator``: actors, dates, quotes, events, filler words), its articles
joined as paragraphs, never repeated. Figures: docs/benchmark.md. No test asserts them.

    .venv/bin/python bench/long_documents.py                      # 10k, 100k, 1M characters
    .venv/bin/python bench/long_documents.py --chars 10000 50000  # other lengths
    .venv/bin/python bench/long_documents.py --json bench/out/long.json
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_LENGTHS = (10_000, 100_000, 1_000_000)


def french_text(characters: int, seed: int = 7) -> str:
    """About ``characters`` characters of distinct generated French news, in paragraphs."""
    sys.path.insert(0, str(HERE))
    from synthetic_store import NewsGenerator

    generator = NewsGenerator(seed, actor_count=3000)
    paragraphs: list[str] = []
    total = index = 0
    while total < characters:
        paragraphs.append(generator.document(index).document.text)
        total += len(paragraphs[-1]) + 2
        index += 1
    return "\n\n".join(paragraphs)[:characters].rstrip()


def measure(characters: int) -> dict[str, object]:
    """One length, in this process: what the child prints as JSON."""
    from chronique.parts import MAX_PART_CHARS, part_bounds
    from chronique.pipeline import annotate_documents, load_pipeline
    from chronique.readers import build_document

    text = french_text(characters)
    document = build_document(text, date=date(2025, 1, 1), origin="<bench>", lang="fr")
    started = time.perf_counter()
    nlp = load_pipeline("fr")
    list(annotate_documents([build_document("Elon Musk a parlé.", date=date(2025, 1, 1), origin="w", lang="fr")], nlp))
    load_seconds = time.perf_counter() - started
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    [annotations] = list(annotate_documents([document], nlp))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "characters": len(text),
        "words": len(text.split()),
        "parts": len(part_bounds(text, min(MAX_PART_CHARS, nlp.max_length))),
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "ms_per_1000_chars": round(1000 * wall / len(text) * 1000, 1),
        "load_seconds": round(load_seconds, 1),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "rss_after_load_mib": rss_after_load // 1024,
        "entities": len(annotations.entities),
        "mentions": sum(len(e.mentions) for e in annotations.entities),
        "timexes": len(annotations.timexes),
        "events": len(annotations.events),
        "sentences": len(annotations.sentences),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, nargs="+", default=list(DEFAULT_LENGTHS), help="document lengths")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(measure(options.child)))
        return
    rows = []
    for characters in options.chars:
        load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
        child = subprocess.run([sys.executable, __file__, "--child", str(characters)],
                               check=True, capture_output=True, text=True)
        row = json.loads(child.stdout.strip().splitlines()[-1]) | {"load_before": load}
        rows.append(row)
        print(f"{row['characters']:>9,} chars {row['parts']:>3} part(s) {row['seconds']:>8.1f} s "
              f"({row['ms_per_1000_chars']:.0f} ms / 1,000 chars, CPU {row['cpu_seconds']:.1f} s) "
              f"peak RSS {row['peak_rss_mib']:,} MiB (after load {row['rss_after_load_mib']:,}) "
              f"load avg {load}", flush=True)
    if options.json:
        options.json.parent.mkdir(parents=True, exist_ok=True)
        options.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
