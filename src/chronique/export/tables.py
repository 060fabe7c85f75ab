"""The store as a folder of tables (Parquet or CSV), one file per table, for pandas, DuckDB, R…

These exports are a copy of the store, not a selection: every row of every fact table, events of
every modality included (each carries its ``modality``, so a reader filters with
``events[events.modality.isin([...])]``), and documents with their full text, since every
span in the other tables points into it. Row counts therefore equal the store's own counts.
Columns are named as in the schema (``docs/exports.md`` lists them); rows come in a fixed order
so that two exports of the same store are identical.

Columns have real types: days (a document's date, the interval an event or a timex covers) are
Arrow ``date32``, the ingestion time a UTC ``timestamp``, amounts and scores ``float64``,
offsets ``int64`` (missing values stay missing), codes and texts strings. A date as the text
gives it (``date_value``: ``2025``, ``2025-02``) keeps its precision as a string. Parquet stores
these types; CSV cannot, so the CSV folder holds ``dtypes.json`` (each column's type) and
quotes every text field (``"031"``): ``docs/exports.md`` shows the one-line read that keeps
codes as text, which a bare ``pandas.read_csv`` does not (pandas ignores quotes when it guesses
types).
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from chronique.errors import InvalidOptionError
from chronique.store import Store
from chronique.store.export_reads import TABLES, Table

if TYPE_CHECKING:  # pandas is imported when an export runs, not when the CLI starts
    import pandas as pd

__all__ = ["TABLES", "TABLE_FORMATS", "DATE_COLUMNS", "TIMESTAMP_COLUMNS", "column_types", "table_frame",
           "read_table", "write_tables", "read_csv_table"]

TABLE_FORMATS = ("parquet", "csv")

#: (table, column) holding a day as ISO YYYY-MM-DD: exported as dates.
DATE_COLUMNS = frozenset({
    ("documents", "date"), ("events", "date_start"), ("events", "date_end"),
    ("timexes", "range_start"), ("timexes", "range_end"),
})
#: (table, column) holding an ISO 8601 time with its offset: exported as UTC timestamps.
TIMESTAMP_COLUMNS = frozenset({("documents", "ingested_at")})

#: SQLite declared type → the kind of the exported column.
_KINDS = {"TEXT": "string", "INTEGER": "Int64", "REAL": "Float64"}


def column_types(table: Table) -> dict[str, str]:
    """Each column's kind: ``string``, ``Int64``, ``Float64`` (pandas' nullable names),
    ``date`` or ``timestamp`` (what ``dtypes.json`` holds)."""
    kinds = {}
    for column in table.columns:
        if (table.name, column) in DATE_COLUMNS:
            kinds[column] = "date"
        elif (table.name, column) in TIMESTAMP_COLUMNS:
            kinds[column] = "timestamp"
        else:
            kinds[column] = _KINDS.get(table.types.get(column, "TEXT"), "string")
    return kinds


def _dtype(kind: str) -> object:
    """The Arrow-backed pandas dtype of a column kind."""
    import pandas as pd
    import pyarrow as pa

    return {
        "string": "string[pyarrow]", "Int64": "int64[pyarrow]", "Float64": "double[pyarrow]",
        "date": pd.ArrowDtype(pa.date32()), "timestamp": pd.ArrowDtype(pa.timestamp("us", tz="UTC")),
    }[kind]


def _day(value: object, table: str, column: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{table}.{column}: {value!r} is not a YYYY-MM-DD date") from None


def table_frame(table: Table) -> pd.DataFrame:
    """A table as a DataFrame with nullable (Arrow-backed) columns of real types (see the module
    docstring): a missing integer stays missing, and an empty table still has typed columns."""
    import pandas as pd

    kinds = column_types(table)
    columns: dict[str, list[object]] = {column: [row[i] for row in table.rows] for i, column in enumerate(table.columns)}
    for column, kind in kinds.items():
        if kind == "date":
            columns[column] = [_day(value, table.name, column) for value in columns[column]]
        elif kind == "timestamp":
            columns[column] = list(pd.to_datetime(pd.Series(columns[column], dtype=object), utc=True, format="ISO8601"))
    return pd.DataFrame({column: pd.Series(values, dtype=object) for column, values in columns.items()},
                        columns=list(table.columns)).astype({column: _dtype(kind) for column, kind in kinds.items()})


def read_table(store: Store, name: str) -> pd.DataFrame:
    """One table of :data:`TABLES` as a typed DataFrame."""
    return table_frame(store.exports.table(name))


def read_csv_table(folder: Path, name: str) -> pd.DataFrame:
    """A table of a CSV export read back with the types of its ``dtypes.json`` (what the
    documented ``pandas.read_csv`` line does)."""
    import pandas as pd

    kinds = json.loads((folder / "dtypes.json").read_text("utf-8"))[name]
    frame = pd.read_csv(folder / f"{name}.csv", dtype={c: k for c, k in kinds.items() if k not in ("date", "timestamp")},
                        parse_dates=[c for c, k in kinds.items() if k in ("date", "timestamp")])
    return frame


def write_tables(store: Store, folder: Path, file_format: str) -> dict[str, int]:
    """Write every table as ``folder/<table>.<format>`` (and, for CSV, ``dtypes.json``);
    returns the rows written per table."""
    if file_format not in TABLE_FORMATS:
        raise InvalidOptionError(f"unknown table format {file_format!r}; choose from {', '.join(TABLE_FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    written, kinds = {}, {}
    for name in TABLES:
        table = store.exports.table(name)
        frame = table_frame(table)
        path = folder / f"{name}.{file_format}"
        if file_format == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        written[name] = len(frame)
        kinds[name] = column_types(table)
    if file_format == "csv":
        (folder / "dtypes.json").write_text(json.dumps(kinds, indent=2) + "\n", "utf-8")
    return written
