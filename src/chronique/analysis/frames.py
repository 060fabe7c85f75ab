"""Any sequence of analysis (or store) records as a pandas DataFrame, for the tools analysts use.

One row per record, one column per field. Nested values are made plain so that a frame can be
written to JSON, CSV or Parquet as it is: a record inside a record becomes a dict, a tuple
becomes a list, and dates inside those become ISO strings; top-level dates stay ``date``s.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd

__all__ = ["to_frame", "plain"]


def plain(value: Any) -> Any:
    """A JSON-able copy of a (nested) record value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _row(record: Any) -> dict[str, Any]:
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"to_frame takes dataclass records, not {type(record).__name__}")
    row = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        row[field.name] = value if isinstance(value, date) else plain(value)
    return row


def to_frame(records: Iterable[Any], record_type: type | None = None) -> pd.DataFrame:
    """A DataFrame of the records. ``record_type`` gives the columns when there are no records
    (an empty timeline still has a ``date_value`` column)."""
    rows = [_row(record) for record in records]
    if rows:
        return pd.DataFrame(rows, columns=list(rows[0]))
    if record_type is not None and dataclasses.is_dataclass(record_type):
        return pd.DataFrame(columns=[field.name for field in dataclasses.fields(record_type)])
    return pd.DataFrame()
