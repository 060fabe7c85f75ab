"""Any sequence of analysis (or store) records as a pandas DataFrame, for the tools analysts use.

One row per record, one column per field. Nested values are made plain so that a frame can be
written to JSON, CSV or Parquet as it is: a record inside a record becomes a dict, a tuple
becomes a list, and dates inside those become ISO strings.

Top-level day columns are real dates, of pandas' Arrow ``date32`` dtype (``date32[day][pyarrow]``:
each cell a ``datetime.date``, ``.dt`` works, Parquet stores a date): a field named ``date``,
``date_start``, ``date_end`` or ``*_date`` whose values are ``date``s or YYYY-MM-DD strings (the
first and last day of an event's interval). A date as the text gives it (``date_value``:
``2025``, ``2025-02``) keeps its precision as a string.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd
import pyarrow as pa

from chronique.analysis.plain import plain

__all__ = ["to_frame", "plain"]


def _row(record: Any) -> dict[str, Any]:
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"to_frame takes dataclass records, not {type(record).__name__}")
    row = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        row[field.name] = value if isinstance(value, date) else plain(value)
    return row


def _is_day_column(name: str) -> bool:
    return name in ("date", "date_start", "date_end") or name.endswith("_date")


def _day(value: Any) -> date | None:
    """A day from a ``date`` or a YYYY-MM-DD string; ValueError for anything else."""
    if value is None or isinstance(value, date):
        return value
    if value is pd.NA or (isinstance(value, float) and value != value):  # a missing value (NaN)
        return None
    if isinstance(value, str) and len(value) == 10:
        return date.fromisoformat(value)
    raise ValueError(value)


def _with_day_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Day columns (see the module docstring) as Arrow dates; a column holding anything else
    (a partial date, a time) is left as it is."""
    for column in [c for c in frame.columns if _is_day_column(str(c))]:
        try:
            days = [_day(value) for value in frame[column]]
        except ValueError:
            continue
        frame[column] = pd.Series(days, index=frame.index, dtype=pd.ArrowDtype(pa.date32()))
    return frame


def to_frame(records: Iterable[Any], record_type: type | None = None) -> pd.DataFrame:
    """A DataFrame of the records, day columns as dates (module docstring). ``record_type``
    gives the columns when there are no records (an empty timeline still has a ``date_value``
    column)."""
    rows = [_row(record) for record in records]
    if rows:
        return _with_day_columns(pd.DataFrame(rows, columns=list(rows[0])))
    if record_type is not None and dataclasses.is_dataclass(record_type):
        return _with_day_columns(pd.DataFrame(columns=[field.name for field in dataclasses.fields(record_type)]))
    return pd.DataFrame()
