"""The store as a folder of tables (Parquet or CSV), one file per table, for pandas, DuckDB, R…

These exports are a copy of the store, not a selection: every row of every fact table, events of
every modality included (each carries its ``modality``, so a reader filters with
``events[events.modality.isin([...])]``), and documents with their full text, since every
span in the other tables points into it. Row counts therefore equal the store's own counts.
Columns are named as in the schema (``docs/exports.md`` lists them); rows come in a fixed order
so that two exports of the same store are identical.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from chronique.errors import InvalidOptionError
from chronique.store import Store
from chronique.store.export_reads import TABLES, Table

if TYPE_CHECKING:  # pandas is imported when an export runs, not when the CLI starts
    import pandas as pd

__all__ = ["TABLES", "TABLE_FORMATS", "table_frame", "read_table", "write_tables"]

TABLE_FORMATS = ("parquet", "csv")


#: SQLite declared type → the Arrow-backed pandas type of the exported column.
_COLUMN_TYPES = {"TEXT": "string[pyarrow]", "INTEGER": "int64[pyarrow]", "REAL": "double[pyarrow]"}


def table_frame(table: Table) -> pd.DataFrame:
    """A table as a DataFrame with nullable (Arrow-backed) columns typed as in the schema: a
    missing integer stays missing instead of turning the column into floats, and an empty table
    still has typed columns."""
    import pandas as pd

    frame = pd.DataFrame.from_records(table.rows, columns=list(table.columns))
    return frame.astype({column: _COLUMN_TYPES[table.types[column]] for column in frame.columns
                         if column in table.types})


def read_table(store: Store, name: str) -> pd.DataFrame:
    """One table of :data:`TABLES` as a typed DataFrame."""
    return table_frame(store.exports.table(name))


def write_tables(store: Store, folder: Path, file_format: str) -> dict[str, int]:
    """Write every table as ``folder/<table>.<format>``; returns the rows written per table."""
    if file_format not in TABLE_FORMATS:
        raise InvalidOptionError(f"unknown table format {file_format!r}; choose from {', '.join(TABLE_FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in TABLES:
        frame = read_table(store, name)
        path = folder / f"{name}.{file_format}"
        if file_format == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False)
        written[name] = len(frame)
    return written
