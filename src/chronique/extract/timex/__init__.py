"""Temporal expressions: find them in text and normalise them to TIMEX3 values.

The public entry point is :func:`tag`, a pure function of the text, the publication date and the
language (no spaCy needed). Language is data: the rules and word lists live in
``resources/lexicons/<lang>/timex.toml``; the modules here are the engine that reads them:

- :mod:`~chronique.extract.timex.lexicon`: load and compile a language's rules (cached per language);
- :mod:`~chronique.extract.timex.engine`: find candidates, settle overlaps, resolve in text order;
- :mod:`~chronique.extract.timex.fields`: read matched text into typed fields;
- :mod:`~chronique.extract.timex.resolve_dates`, :mod:`~chronique.extract.timex.resolve_relative`: fields
  to TIMEX3 values;
- :mod:`~chronique.extract.timex.calendar`, :mod:`~chronique.extract.timex.durations`,
  :mod:`~chronique.intervals`, :mod:`~chronique.extract.timex.numbers`,
  :mod:`~chronique.extract.timex.values`: calendar arithmetic, durations, date ranges, numbers in
  words, and what a valid value looks like.
"""

from __future__ import annotations

from chronique.extract.timex.engine import TenseOf, tag
from chronique.extract.timex.values import is_valid_value
from chronique.intervals import value_range

__all__ = ["tag", "TenseOf", "value_range", "is_valid_value"]
