"""From paths to annotations, and from annotations to the store: the two jobs of a run.

Reading, language choice, NLP and storage meet here and nowhere else, so that the CLI, the
Python API and (later) the HTTP server all behave alike. Every input ends up accounted for:
stored, duplicate, or rejected with its reason (a document whose language has no pipeline is a
rejection, not a crash; so is a document the pipeline fails on: the others of its batch and of
the run go on). Documents are processed in chunks; inside a chunk they are grouped by
language for ``nlp.pipe`` and handed back in input order. Ingest saves the annotated documents
``DEFAULT_COMMIT_SIZE`` at a time, one transaction each (a commit's cost grows with the store, not
with the documents in it), so a killed run loses at most the documents not yet committed and a
re-run skips what is stored. A document the store refuses is rejected alone (``Store.save``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from chronique.documents import Rejection, build_document, read_paths
from chronique.errors import AnnotationError, InputError, UnsupportedLanguageError
from chronique.model import Annotations, Document
from chronique.readers.language import detect_language, fallback_language

if TYPE_CHECKING:
    from types import ModuleType

    from spacy.language import Language
from chronique.store import Store


def _pipeline() -> ModuleType:
    """The pipeline module, imported when a document is first annotated: it loads spaCy (a third
    of a second before any model), which a command that only reads the store should not pay."""
    import chronique.pipeline

    return chronique.pipeline

__all__ = [
    "IngestReport", "annotate_chunk", "annotate_paths", "annotate_text", "annotate_texts", "ingest_paths",
    "store_chunk", "DEFAULT_BATCH_SIZE", "DEFAULT_COMMIT_SIZE",
]

DEFAULT_BATCH_SIZE = 32
#: Annotated documents stored per transaction by ``ingest_paths`` (at least ``batch_size``). On a
#: store of 100,000 documents a commit writes thousands of index pages whatever it holds; 500
#: documents per commit share them (docs/benchmark.md, "Ingest cost per document").
DEFAULT_COMMIT_SIZE = 500
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
    """Fill in a detected language; reject a language that has no pipeline.

    A text too short to tell, or that the detector is unsure of, gets the fallback language
    (``pipelines.toml``) rather than a guess: "Elon Musk et Sam Altman." is not Danish.
    """
    lang = document.lang or detect_language(document.text, _pipeline().supported_languages(), fallback_language())
    lang = lang.lower()
    try:
        _pipeline().load_pipeline(lang)
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
        documents = [item for i in indexes if isinstance(item := chunk[i], Document)]
        annotated = _annotate_isolated(documents, _pipeline().load_pipeline(lang), batch_size)
        for index, result in zip(indexes, annotated):
            results[index] = result
    return [r for r in results if r is not None]


def _annotate_isolated(
    documents: list[Document], nlp: Language, batch_size: int
) -> list[Annotations | Rejection]:
    """The documents' annotations in order; one the pipeline fails on becomes a rejection.

    The batch runs as one ``nlp.pipe``; when it raises, the documents not yet handed back are
    annotated one by one, so that only the one at fault is rejected (any exception: a bug in a
    component on some text must cost that text, not the run).
    """
    results: list[Annotations | Rejection] = []
    try:
        for annotated in _pipeline().annotate_documents(documents, nlp, batch_size=batch_size):
            results.append(annotated)
    except Exception:  # noqa: BLE001 - any failure is the document's, found out below
        for document in documents[len(results):]:
            try:
                results.extend(list(_pipeline().annotate_documents([document], nlp, batch_size=1)))
            except Exception as error:  # noqa: BLE001
                results.append(_annotation_failure(document, error))
    return results


def _annotation_failure(document: Document, error: Exception) -> Rejection:
    detail = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
    reason = f"annotation failed ({type(error).__name__}{': ' + detail if detail else ''})"
    return Rejection(document.origin or document.id, reason, AnnotationError)


def annotate_chunk(
    items: Sequence[Document | Rejection], batch_size: int = DEFAULT_BATCH_SIZE
) -> list[Annotations | Rejection]:
    """One chunk's annotations (or rejections) in input order: the unit of work of a run, the
    same whether this process does it or a Dask worker does (``chronique.cluster``)."""
    return _annotate_chunk([item if isinstance(item, Rejection) else _with_language(item) for item in items],
                           batch_size)


def annotate_texts(
    items: Iterable[Document | Rejection], batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Annotations | Rejection]:
    """Annotate documents (rejections pass through untouched), in input order."""
    for chunk in _chunks(items, batch_size):
        yield from annotate_chunk(chunk, batch_size)


def annotate_paths(
    paths: Sequence[str | Path],
    default_date: date | None = None,
    default_lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    source_languages: Mapping[str, str] | None = None,
) -> Iterator[Annotations | Rejection]:
    """Read and annotate every document under ``paths`` without touching a database."""
    yield from annotate_texts(read_paths(paths, default_date, default_lang, source_languages), batch_size)


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    default_date: date | None = None,
    default_lang: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    source_languages: Mapping[str, str] | None = None,
    report: IngestReport | None = None,
    commit_size: int | None = None,
) -> IngestReport:
    """Read, annotate and store; documents already stored are not annotated again. Annotated
    documents are stored ``max(commit_size, batch_size)`` at a time (``DEFAULT_COMMIT_SIZE`` when
    not given), one transaction each.

    Outcomes are added to ``report`` as they happen (a new one when not given), so that a
    caller holding it can still tell what was done if the run stops on a database error.
    """
    report = IngestReport() if report is None else report

    def note(outcome: str) -> None:
        if progress:
            progress(outcome)

    def not_yet_stored(items: Iterable[Document | Rejection]) -> Iterator[Document | Rejection]:
        for item in items:
            existing = None if isinstance(item, Rejection) else store.record_if_duplicate(item)
            if existing is None or isinstance(item, Rejection):
                yield item
            else:
                report.duplicates.append((item.origin or item.id, existing))
                note("duplicate")

    documents = read_paths(paths, default_date, default_lang, source_languages)
    results = annotate_texts(not_yet_stored(documents), batch_size)
    per_commit = max(DEFAULT_COMMIT_SIZE if commit_size is None else commit_size, batch_size)
    for chunk in _chunks(results, per_commit):
        store_chunk(chunk, store, report, progress)
    store.checkpoint()  # the writer lets the WAL grow over several commits (store.sqlite)
    return report


def store_chunk(
    chunk: Sequence[Annotations | Rejection], store: Store, report: IngestReport,
    progress: ProgressCallback | None = None,
) -> None:
    """Log a chunk's rejections, then save its annotations in one transaction, in chunk order;
    a document the store refuses is rejected with its reason, the others stored.

    The one writer of a run: whoever annotated the chunk, documents are stored (and their actors
    and events resolved against the corpus) in the order given, so the same order gives the same
    entities.
    """
    for rejection in (r for r in chunk if isinstance(r, Rejection)):
        store.log_rejection(rejection.origin, rejection.reason)
        report.rejected.append(rejection)
        if progress:
            progress("rejected")
    for outcome in store.save([a for a in chunk if isinstance(a, Annotations)]):
        if outcome.status == "stored":
            report.stored.append((outcome.origin or outcome.doc_id, outcome.doc_id))
        elif outcome.status == "rejected":
            report.rejected.append(Rejection(outcome.origin or outcome.doc_id, outcome.reason or "not stored"))
        else:
            report.duplicates.append((outcome.origin or outcome.doc_id, outcome.existing_id or outcome.doc_id))
        if progress:
            progress(outcome.status)


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
