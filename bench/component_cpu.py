"""CPU time of each of chronique's components on a slice of the distinct corpus, spaCy run once.

``speed_workers.py components`` times every stage once, spaCy's included, so a try of a change to
one component costs a model load and the whole parse, and one noisy measurement. This script
parses the slice once (spaCy's stages, with ``chronique_sentence_starts`` before the parser as
in the pipeline), keeps each parsed ``Doc`` as bytes, then runs chronique's components over fresh
copies ``--repeats`` times and reports each component's smallest and median CPU seconds (on a
shared machine the smallest is the least disturbed). The annotations are counted, and their
digest printed, so that two versions of the code can be seen to find the same things.

    python bench/component_cpu.py --words 40000 --repeats 5
    python bench/component_cpu.py --words 40000 --profile chronique_events   # cProfile, CPU clock
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from speed_corpus import CorpusRecord, build_corpus, count_words, read_corpus, taken_up_to

LANG = "fr"


def parsed_bytes(nlp: Any, records: list[CorpusRecord], components: tuple[str, ...]) -> list[bytes]:
    """Each record through spaCy's stages only, kept as ``Doc`` bytes without ``user_data``."""
    from chronique.nlp.extensions import remember_text

    docs = []
    for record in records:
        doc = nlp.make_doc(record.text)
        remember_text(doc, record.text)
        docs.append(doc)
    with nlp.select_pipes(disable=list(components)):
        parsed = list(nlp.pipe(docs, batch_size=32))
    return [doc.to_bytes(exclude=["user_data", "tensor"]) for doc in parsed]


def fresh_docs(nlp: Any, records: list[CorpusRecord], blobs: list[bytes]) -> list[Any]:
    """The parsed Docs again, with what the pipeline gives each before its components run."""
    from spacy.tokens import Doc

    from chronique.nlp.extensions import remember_text
    from chronique.nlp.tokens import token_table

    docs = []
    for record, blob in zip(records, blobs):
        doc = Doc(nlp.vocab).from_bytes(blob, exclude=["user_data", "tensor"])
        remember_text(doc, record.text)
        doc._.dct = date.fromisoformat(record.date) if record.date else None
        token_table(doc)  # built by chronique_sentence_starts before the parser
        docs.append(doc)
    return docs


def run_component(component: Any, docs: list[Any]) -> None:
    if hasattr(component, "pipe"):
        for _ in component.pipe(docs, batch_size=32):
            pass
    else:
        for doc in docs:
            component(doc)


def digest(docs: list[Any]) -> tuple[dict[str, int], str]:
    """How many of each annotation, and a hash of them all (repr of the records)."""
    counts: dict[str, int] = {}
    sha = hashlib.sha256()
    for doc in docs:
        for field in ("entities", "timexes", "money", "quotes", "events", "relations"):
            items = getattr(doc._, field) or []
            counts[field] = counts.get(field, 0) + len(items)
            sha.update(repr(items).encode())
    return counts, sha.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=40000)
    parser.add_argument("--corpus", type=Path, help="a corpus file (speed_corpus.write_corpus); built if absent")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--profile", metavar="COMPONENT", help="cProfile this component (CPU clock) once")
    parser.add_argument("--profile-out", type=Path, help="write the profile's stats here")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from chronique.pipeline import CHRONIQUE_COMPONENTS, load_pipeline

    records = read_corpus(args.corpus) if args.corpus else build_corpus(args.words)
    records = taken_up_to(records, args.words)
    nlp = load_pipeline(LANG)
    blobs = parsed_bytes(nlp, records, CHRONIQUE_COMPONENTS)
    components = [(name, nlp.get_pipe(name)) for name in CHRONIQUE_COMPONENTS]
    run_component(dict(components)["chronique_actors"], fresh_docs(nlp, records[:1], blobs[:1]))  # warm-up

    if args.profile:
        docs = fresh_docs(nlp, records, blobs)
        for name, component in components:
            if name == args.profile:
                profiler = cProfile.Profile(time.process_time)
                profiler.runcall(run_component, component, docs)
                stats = pstats.Stats(profiler, stream=sys.stdout)
                if args.profile_out:
                    stats.dump_stats(str(args.profile_out))
                stats.sort_stats("tottime").print_stats(35)
                stats.sort_stats("cumulative").print_stats(45)
                return
            run_component(component, docs)
        raise SystemExit(f"no component {args.profile!r}")

    seconds: dict[str, list[float]] = {name: [] for name, _ in components}
    signature = None
    for _ in range(args.repeats):
        docs = fresh_docs(nlp, records, blobs)
        for name, component in components:
            started = time.process_time()
            run_component(component, docs)
            seconds[name].append(time.process_time() - started)
        signature = digest(docs)
    assert signature is not None
    words = sum(count_words(r.text) for r in records)
    print(f"{len(records)} documents, {words} words, {args.repeats} repeats, load {os.getloadavg()[0]:.2f}")
    # The first run meets the per-word memos empty, as a real run does at its start; later runs
    # find them filled, so their minimum flatters memoised work.
    print(f"{'component':28} {'first':>7} {'min':>7} {'median':>7}")
    for name, values in seconds.items():
        print(f"{name:28} {values[0]:7.3f} {min(values):7.3f} {statistics.median(values):7.3f}")
    print(f"{'all':28} {sum(v[0] for v in seconds.values()):7.3f} {sum(min(v) for v in seconds.values()):7.3f}")
    print("counts", signature[0], "digest", signature[1])
    if args.json:
        args.json.write_text(json.dumps({"seconds": seconds, "counts": signature[0], "digest": signature[1],
                                         "words": words, "load": os.getloadavg()}, indent=2))


if __name__ == "__main__":
    main()
