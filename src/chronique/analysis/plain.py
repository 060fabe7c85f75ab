"""Records made plain for JSON: the one conversion every ``--json`` output and frame uses.

Kept apart from :mod:`chronique.analysis.frames` so that printing JSON does not load pandas.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

__all__ = ["plain"]


def plain(value: Any) -> Any:
    """A JSON-able copy of a (nested) record value: records become dicts, tuples lists, dates
    ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
