"""What a resolver knows besides the matched fields: the publication date, the tense, the anchor.

Kept apart so that resolvers stay pure functions of (fields, rule parameters, context).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["ResolveContext", "Resolved"]


@dataclass(frozen=True)
class ResolveContext:
    """``dct``: the publication date. ``tense``: -1/0/+1 for the clause's tense, ``None`` if
    unknown. ``anchor``: the last day the text mentioned (for "à 14 h", "dans la nuit"), or the
    publication date when it mentioned none."""

    dct: date | None
    tense: int | None
    anchor: date | None


@dataclass(frozen=True)
class Resolved:
    """A TIMEX3 type and value, ready to be checked and emitted."""

    timex_type: str
    value: str

