"""From paths to annotations, and from annotations to the store: the two jobs of a run.

Reading, language choice, NLP and storage meet here and nowhere else, so that the CLI, the
Python API and (later) the HTTP server all behave alike. Every input ends up accounted for:
stored, duplicate, or rejected with its reason (a document whose language has no pipeline is a
rejection, not a crash). Documents are processed in chunks; inside a chunk they are grouped by
language for ``nlp.pipe`` and handed back in input order. Ingest saves each chunk in one
transaction, so a killed run loses at most the chunk in flight and a re-run skips what is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from pathlib import Path

from chronique.documents import Rejection, build_document, read_paths
from chronique.errors import InputError, UnsupportedLanguageError
from chronique.model import Annotations, Document
from chronique.pipeline import annotate_documents, load_pipeline, supported_languages
from chronique.readers.language import detect_language
from chronique.store import Store

__all__ = [
    "IngestReport", "annotate_paths", "annotate_text", "annotate_texts", "ingest_paths", "DEFAULT_BATCH_SIZE",
]

DEFAULT_BATCH_SIZE = 32
#: Called after each document with its outcome: "stored", "duplicate", "rejected" or "annotated".
ProgressCallback = Callable[[str], None]


@dataclass
class IngestReport:
    """What happened to every input of an ingest run."""

    stored: list[tuple[str, str]] = field(default_factory=list)  # (origin, doc id)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, id already stored)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.stored) + len(self.duplicates) + len(self.rejected)


def _with_language(document: Document) -> Document | Rejection:
    """Fill in a detected language; reject a language that has no pipeline."""
    lang = (document.lang or detect_language(document.text, supported_languages())).lower()
    try:
        load_pipeline(lang)
    except UnsupportedLanguageError as error:
        return Rejection(document.origin or document.id, f"unsupported language: {error}")
    return document if document.lang == lang else replace(document, lang=lang)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _annotate_chunk(chunk: Sequence[Document | Rejection], batch_size: int) -> list[Annotations | Rejection]:
    """Annotate the documents of a chunk, one ``nlp.pipe`` per language, keeping input order."""
    results: list[Annotations | Rejection | None] = [None] * len(chunk)
    by_language: dict[str, list[int]] = {}
    for index, item in enumerate(chunk):
        if isinstance(item, Rejection):
            results[index] = item
        else:
            by_language.setdefault(item.lang or "", []).append(index)
    for lang, indexes in by_language.items():
        documents = [chunk[i] for i in indexes]
        annotated = annotate_documents(documents, load_pipeline(lang), batch_size=batch_size)
        for index, annotations in zip(indexes, annotated):
            results[index] = annotations
    return [r for r in results if r is not None]


def annotate_texts(
    items: Iterable[Document | Rejection], batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Annotations | Rejection]:
    """Annotate documents (rejections pass through untouched), in input order."""
    prepared = (item if isinstance(item, Rejection) else _with_language(item) for item in items)
    for chunk in _chunks(prepared, batch_size):
        yield from _annotate_chunk(chunk, batch_size)


def annotate_paths(
    paths: Sequence[str | Path],
    default_date: date | None = None,
    default_lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Annotations | Rejection]:
    """Read and annotate every document under ``paths`` without touching a database."""
    yield from annotate_texts(read_paths(paths, default_date, default_lang), batch_size)


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    default_date: date | None = None,
    default_lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read, annotate and store; documents already stored are not annotated again."""
    report = IngestReport()

    def note(outcome: str) -> None:
        if progress:
            progress(outcome)

    def not_yet_stored(items: Iterable[Document | Rejection]) -> Iterator[Document | Rejection]:
        for item in items:
            existing = None if isinstance(item, Rejection) else store.record_if_duplicate(item)
            if existing is None:
                yield item
            else:
                report.duplicates.append((item.origin or item.id, existing))
                note("duplicate")

    results = annotate_texts(not_yet_stored(read_paths(paths, default_date, default_lang)), batch_size)
    for chunk in _chunks(results, batch_size):
        for rejection in (r for r in chunk if isinstance(r, Rejection)):
            store.log_rejection(rejection.origin, rejection.reason)
            report.rejected.append(rejection)
            note("rejected")
        for outcome in store.save([a for a in chunk if isinstance(a, Annotations)]):
            if outcome.status == "stored":
                report.stored.append((outcome.origin, outcome.doc_id))
            else:
                report.duplicates.append((outcome.origin, outcome.existing_id or outcome.doc_id))
            note(outcome.status)
    return report


def annotate_text(
    text: str, published: date, lang: str | None = None, doc_id: str | None = None
) -> Annotations:
    """Annotate one article given as a string (language detected when not given)."""
    try:
        document = build_document(text, date=published, origin="<text>", id=doc_id, lang=lang)
    except InputError as error:
        raise type(error)(f"<text>: {error}") from error
    result = next(annotate_texts([document]))
    if isinstance(result, Rejection):
        raise result.to_exception()
    return result
