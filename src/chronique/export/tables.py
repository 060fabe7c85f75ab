"""The store as a folder of tables (Parquet or CSV), one file per table, for pandas, DuckDB, R…

These exports are a copy of the store, not a selection: every row of every fact table, events of
every modality included (each carries its ``modality``, so a reader filters with
``events[events.modality.isin([...])]``), and documents with their full text, since every
span in the other tables points into it. Row counts therefore equal the store's own counts.
Columns are named as in the schema (``docs/exports.md`` lists them); rows come in a fixed order
so that two exports of the same store are identical.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from chronique.errors import InvalidOptionError

if TYPE_CHECKING:  # pandas is imported when an export runs, not when the CLI starts
    import pandas as pd

__all__ = ["TABLES", "TABLE_FORMATS", "read_table", "write_tables"]

#: table name → the query that reads it (fixed SQL, no caller text).
TABLES: dict[str, str] = {
    "documents": "SELECT id, date, lang, title, url, source, origin, content_hash, ingested_at, text"
                 " FROM documents ORDER BY date, id",
    "entities": "SELECT id, name, type, kb_id FROM entities ORDER BY id",
    "aliases": "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias",
    "mentions": 'SELECT doc_id, entity_id, start, "end" FROM mentions ORDER BY doc_id, start, "end", entity_id',
    "events": "SELECT id, type, date_value, date_start, date_end, amount, currency, modality, score,"
              " confidence, cameo, plover FROM events ORDER BY id",
    "event_actors": "SELECT event_id, entity_id, role, position FROM event_actors"
                    " ORDER BY event_id, role, position",
    "event_mentions": 'SELECT id, event_id, doc_id, start, "end", trigger, trigger_start, trigger_end,'
                      " sentence_start, sentence_end, modality, confidence FROM event_mentions ORDER BY id",
    "quotes": 'SELECT id, doc_id, start, "end", text, speaker, cue, about FROM quotes ORDER BY id',
    "relations": "SELECT id, type, source, target, title, valid_from, valid_to FROM relations ORDER BY id",
    "relation_evidence": 'SELECT relation_id, doc_id, start, "end" FROM relation_evidence'
                         ' ORDER BY relation_id, doc_id, start, "end"',
    "timexes": 'SELECT doc_id, start, "end", text, type, value, range_start, range_end FROM timexes'
               ' ORDER BY doc_id, start, "end"',
    "money": 'SELECT doc_id, start, "end", text, amount, currency FROM money ORDER BY doc_id, start, "end"',
}

TABLE_FORMATS = ("parquet", "csv")


#: SQLite declared type → the Arrow-backed pandas type of the exported column.
_COLUMN_TYPES = {"TEXT": "string[pyarrow]", "INTEGER": "int64[pyarrow]", "REAL": "double[pyarrow]"}


def _column_types(conn: sqlite3.Connection, name: str) -> dict[str, str]:
    """Each column's type from the schema, so that even an empty table exports typed columns."""
    return {row[1]: _COLUMN_TYPES[row[2]] for row in conn.execute(f"PRAGMA table_info({name})")
            if row[2] in _COLUMN_TYPES}


def read_table(conn: sqlite3.Connection, name: str) -> pd.DataFrame:
    """One table as a DataFrame with nullable (Arrow-backed) columns typed as in the schema: a
    missing integer stays missing instead of turning the column into floats."""
    import pandas as pd

    frame = pd.read_sql_query(TABLES[name], conn, dtype_backend="pyarrow")
    types = _column_types(conn, name)
    return frame.astype({column: types[column] for column in frame.columns if column in types})


def write_tables(conn: sqlite3.Connection, folder: Path, file_format: str) -> dict[str, int]:
    """Write every table as ``folder/<table>.<format>``; returns the rows written per table."""
    if file_format not in TABLE_FORMATS:
        raise InvalidOptionError(f"unknown table format {file_format!r}; choose from {', '.join(TABLE_FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in TABLES:
        frame = read_table(conn, name)
        path = folder / f"{name}.{file_format}"
        if file_format == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False)
        written[name] = len(frame)
    return written
