"""Build the spaCy pipeline for a language and stream documents through it.

The statistical model gives tokens, sentences, the dependency parse and raw named entities;
chronique's own components (registered factories in ``chronique.extract``) add actors, dates,
money, quotes, events and relations as ``Doc`` attributes. Documents go through
``nlp.pipe(..., as_tuples=True)`` in batches so that the model works at full speed, and each
``Doc`` is turned into plain :class:`~chronique.model.Annotations` before it leaves this module.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from chronique.data import lexicon
from chronique.errors import UnsupportedLanguageError
from chronique.extract import register_components
from chronique.model import Annotations, Document

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
    nlp = spacy.load(spec["model"], exclude=list(spec.get("exclude", [])))
    _add_tokenizer_exceptions(nlp, lang)
    nlp.add_pipe("chronique_sentence_starts", config={"lang": lang},
                 before="parser" if "parser" in nlp.pipe_names else None)
    for name in CHRONIQUE_COMPONENTS:
        nlp.add_pipe(name, config={"lang": lang})
    return nlp


def _add_tokenizer_exceptions(nlp: Language, lang: str) -> None:
    """Keep hyphenated words such as "start-up" whole (``lexicons/<lang>/tokenizer.toml``)."""
    try:
        words = lexicon(lang, "tokenizer").get("single_tokens", [])
    except FileNotFoundError:
        return
    for word in words:
        for form in {word, word[:1].upper() + word[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def annotate_documents(
    documents: Iterable[Document], nlp: Language, batch_size: int = 16
) -> Iterator[Annotations]:
    """Run documents of one language through ``nlp``, in order, one :class:`Annotations` each."""

    def prepared() -> Iterator[tuple[Doc, Document]]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.dct = document.date
            yield doc, document

    for doc, document in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        yield doc_to_annotations(doc, document)


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
