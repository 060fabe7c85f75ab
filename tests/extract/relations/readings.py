"""The relations a sentence of our own gives, as the relation tests compare them."""

from __future__ import annotations

import datetime as dt

from tests.conftest import run_dated


def relations(nlp, text: str) -> set[tuple[str, str, str, str | None]]:
    """(type, source, target, title) of each relation of ``text``, published 14 May 2024."""
    doc = run_dated(nlp, text, dt.date(2024, 5, 14))
    return {(r.type, r.source, r.target, r.title) for r in doc._.relations}


def pairs(nlp, text: str) -> set[tuple[str, str, str]]:
    """(type, source, target) of each relation of ``text``: titles aside."""
    return {(kind, source, target) for kind, source, target, _title in relations(nlp, text)}
