"""Temporal expressions: find them in text and normalise them to TIMEX3 values.

The public entry point is :func:`tag`, a pure function of the text, the publication date and the
language (no spaCy needed). Language is data: the rules and word lists live in
``resources/lexicons/<lang>/timex.toml``; the modules here are the engine that reads them:

- :mod:`~chronique.temporal.lexicon`: load and compile a language's rules (cached per language);
- :mod:`~chronique.temporal.engine`: find candidates, settle overlaps, resolve in text order;
- :mod:`~chronique.temporal.fields`: read matched text into typed fields;
- :mod:`~chronique.temporal.resolve_dates`, :mod:`~chronique.temporal.resolve_relative`: fields
  to TIMEX3 values;
- :mod:`~chronique.temporal.calendar`, :mod:`~chronique.temporal.durations`,
  :mod:`~chronique.temporal.intervals`, :mod:`~chronique.temporal.numbers`,
  :mod:`~chronique.temporal.values`: calendar arithmetic, durations, date ranges, numbers in
  words, and what a valid value looks like.
"""

from __future__ import annotations

from chronique.temporal.engine import TenseOf, tag
from chronique.temporal.intervals import value_range
from chronique.temporal.values import is_valid_value

__all__ = ["tag", "TenseOf", "value_range", "is_valid_value"]
