"""Build the spaCy pipeline for a language and stream documents through it.

The statistical model gives tokens, sentences, the dependency parse and raw named entities;
chronique's own components (registered factories in ``chronique.extract``) add actors, dates,
money, quotes, events and relations as ``Doc`` attributes. Documents go through
``nlp.pipe(..., as_tuples=True)`` in batches so that the model works at full speed, and each
``Doc`` is turned into plain :class:`~chronique.model.Annotations` before it leaves this module.
A document longer than :data:`~chronique.parts.MAX_PART_CHARS` goes through in parts, merged
back into one ``Annotations`` (:mod:`chronique.parts`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from chronique.data import lexicon
from chronique.errors import UnsupportedLanguageError
from chronique.extract import register_components
from chronique.model import Annotations, Document
from chronique.nlp.extensions import remember_text
from chronique.nlp.lemma_index import index_by_hash
from chronique.nlp.model_ops import numpy_matrix_products, one_blas_thread
from chronique.parts import MAX_PART_CHARS, merge_parts, part_bounds

__all__ = ["PipelineSpec", "supported_languages", "load_pipeline", "annotate_documents", "doc_to_annotations"]

#: chronique's components in the order they run; each reads what the ones before it wrote.
CHRONIQUE_COMPONENTS = (
    "chronique_actors",
    "chronique_timex",
    "chronique_money",
    "chronique_quotes",
    "chronique_quote_persons",
    "chronique_events",
    "chronique_relations",
)


class PipelineSpec(dict[str, Any]):
    """One language's entry of ``resources/pipelines.toml``: model package and unused pipes."""


@lru_cache(maxsize=1)
def _pipeline_specs() -> dict[str, PipelineSpec]:
    text = resources.files("chronique").joinpath("resources/pipelines.toml").read_text("utf-8")
    return {lang: PipelineSpec(spec) for lang, spec in tomllib.loads(text).items() if isinstance(spec, dict)}


@lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    """Languages with a pipeline whose model package is installed."""
    return tuple(sorted(lang for lang, spec in _pipeline_specs().items() if spacy.util.is_package(spec["model"])))


@lru_cache(maxsize=4)
def load_pipeline(lang: str) -> Language:
    """The full chronique pipeline for ``lang`` (cached: loading a model takes seconds)."""
    spec = _pipeline_specs().get(lang)
    if spec is None:
        known = ", ".join(sorted(_pipeline_specs())) or "none"
        raise UnsupportedLanguageError(f"no pipeline for language {lang!r} (chronique knows: {known})")
    if not spacy.util.is_package(spec["model"]):
        raise UnsupportedLanguageError(
            f"the spaCy model package {spec['model']!r} for language {lang!r} is not installed"
        )
    register_components()
    one_blas_thread()
    with numpy_matrix_products():  # the same parses, a third faster (chronique.nlp.model_ops)
        nlp = spacy.load(spec["model"], exclude=list(spec.get("exclude", [])))
    _add_tokenizer_exceptions(nlp, lang)
    index_by_hash(nlp)  # the same lemmas, without scanning a list of 66,000 verbs per new word
    nlp.add_pipe("chronique_sentence_starts", config={"lang": lang},
                 before="parser" if "parser" in nlp.pipe_names else None)
    for name in CHRONIQUE_COMPONENTS:
        nlp.add_pipe(name, config={"lang": lang})
    return nlp


def _add_tokenizer_exceptions(nlp: Language, lang: str) -> None:
    """Keep words the model's tokenizer cuts wrongly whole (``lexicons/<lang>/tokenizer.toml``).

    Two kinds: hyphenated words such as "start-up", each form a special case, and the words
    that match one of the lexicon's ``whole_token_patterns`` (names such as "Moody's", which
    the French tokenizer cuts after the apostrophe as if it were an elided "l'").
    """
    try:
        entries = lexicon(lang, "tokenizer")
    except FileNotFoundError:
        return
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for word in entries.get("single_tokens", []):
        for form in {word, word[:1].upper() + word[1:]}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    patterns = [re.compile(pattern) for pattern in entries.get("whole_token_patterns", [])]
    if patterns:
        tokenizer.token_match = _whole_token_matcher(patterns, tokenizer.token_match)


def _whole_token_matcher(
    patterns: list[re.Pattern[str]], model_match: Callable[[str], object] | None
) -> Callable[[str], bool]:
    """A ``token_match`` that keeps what ``patterns`` match whole, else asks the model's own."""

    def whole_token(text: str) -> bool:
        if any(pattern.match(text) for pattern in patterns):
            return True
        return bool(model_match(text)) if model_match is not None else False

    return whole_token


def annotate_documents(
    documents: Iterable[Document], nlp: Language, batch_size: int = 16
) -> Iterator[Annotations]:
    """Run documents of one language through ``nlp``, in order, one :class:`Annotations` each.

    A document over the length limit (the smaller of ``MAX_PART_CHARS`` and ``nlp.max_length``)
    is annotated in parts that follow each other in the stream and are merged when its last
    one comes out. A batch holds ``batch_size`` texts, or fewer when they would add up to more
    than the limit: spaCy's memory grows with the characters of a batch, not with its count.
    """
    limit = min(MAX_PART_CHARS, nlp.max_length)
    parts: list[tuple[int, Annotations]] = []
    for batch in _batches(_parts(documents, limit), batch_size, limit):
        prepared = []
        for document, start, end, parts_left in batch:
            text = document.text[start:end]  # the text itself when it is one part
            doc = nlp.make_doc(text)
            remember_text(doc, text)  # read once here, not rebuilt from the tokens by each component
            doc._.dct = document.date
            prepared.append((doc, (document, start, parts_left)))
        for doc, (document, start, parts_left) in nlp.pipe(prepared, as_tuples=True, batch_size=batch_size):
            if start == 0 and parts_left == 0:
                yield doc_to_annotations(doc, document)
                continue
            parts.append((start, doc_to_annotations(doc, document)))
            if parts_left == 0:
                yield merge_parts(document, parts)
                parts = []


#: A text to annotate: the document, its part's start and end, and how many parts follow.
_Part = tuple[Document, int, int, int]


def _parts(documents: Iterable[Document], limit: int) -> Iterator[_Part]:
    for document in documents:
        bounds = part_bounds(document.text, limit)
        for index, (start, end) in enumerate(bounds):
            yield document, start, end, len(bounds) - 1 - index


def _batches(parts: Iterable[_Part], batch_size: int, max_chars: int) -> Iterator[list[_Part]]:
    batch: list[_Part] = []
    chars = 0
    for part in parts:
        length = part[2] - part[1]
        if batch and (len(batch) >= batch_size or chars + length > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(part)
        chars += length
    if batch:
        yield batch


def doc_to_annotations(doc: Doc, document: Document) -> Annotations:
    """Copy what the components found out of the ``Doc`` into plain records."""
    return Annotations(
        document=document,
        entities=list(doc._.entities or []),
        timexes=list(doc._.timexes or []),
        money=list(doc._.money or []),
        quotes=list(doc._.quotes or []),
        events=list(doc._.events or []),
        relations=list(doc._.relations or []),
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
    )
