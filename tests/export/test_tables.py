"""The table exports read back by pyarrow and pandas with exact column names and types, and
``to_frame``'s day columns as real dates."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from chronique.analysis import Chronicle, to_frame
from chronique.export import export_store
from chronique.export.tables import TABLES, read_csv_table
from chronique.store import Store
from chronique.store.records import TimelineEntry
from tests.export.test_exports import TEXT_A, table_count

EVENTS_SCHEMA = pa.schema([
    ("id", pa.large_string()), ("type", pa.large_string()), ("date_value", pa.large_string()),
    ("date_start", pa.date32()), ("date_end", pa.date32()), ("amount", pa.float64()),
    ("currency", pa.large_string()), ("modality", pa.large_string()), ("score", pa.float64()),
    ("confidence", pa.float64()), ("cameo", pa.large_string()), ("plover", pa.large_string()),
])
DOCUMENTS_SCHEMA = pa.schema([
    ("id", pa.large_string()), ("date", pa.date32()), ("lang", pa.large_string()), ("title", pa.large_string()),
    ("url", pa.large_string()), ("source", pa.large_string()), ("origin", pa.large_string()),
    ("content_hash", pa.large_string()), ("ingested_at", pa.timestamp("us", tz="UTC")), ("text", pa.large_string()),
])


@pytest.mark.parametrize("file_format", ["parquet", "csv"])
def test_tables_hold_every_row_of_the_store(small: Store, tmp_path: Path, file_format: str) -> None:
    folder = tmp_path / file_format
    summary = export_store(small, file_format, folder)
    names = {f"{name}.{file_format}" for name in TABLES} | ({"dtypes.json"} if file_format == "csv" else set())
    assert {p.name for p in folder.iterdir()} == names
    for name in TABLES:
        path = folder / f"{name}.{file_format}"
        rows = pq.read_table(path).num_rows if file_format == "parquet" else len(read_csv_table(folder, name))
        assert rows == summary.counts[name] == table_count(small, name), name
    for name, count in small.counts().items():
        assert summary.counts[name] == count, name


def test_parquet_columns_have_real_types(small: Store, tmp_path: Path) -> None:
    export_store(small, "parquet", tmp_path)
    assert pq.read_schema(tmp_path / "events.parquet").remove_metadata() == EVENTS_SCHEMA
    assert pq.read_schema(tmp_path / "documents.parquet").remove_metadata() == DOCUMENTS_SCHEMA
    assert pq.read_schema(tmp_path / "timexes.parquet").field("range_start").type == pa.date32()
    assert pq.read_schema(tmp_path / "money.parquet").field("amount").type == pa.float64()
    assert pq.read_schema(tmp_path / "event_mentions.parquet").field("sentence_start").type == pa.int64()
    events = pd.read_parquet(tmp_path / "events.parquet").set_index("id")
    bid = events.loc["ev_ec8fe06f6c0b"]
    assert (bid.date_value, bid.date_start, bid.date_end) == ("2025-02", date(2025, 2, 1), date(2025, 2, 28))
    assert (bid.cameo, bid.amount) == ("031", 97.4e9)
    assert events.loc["ev_74010328e0f2", "cameo"] == "12"
    assert pd.isna(events.loc["ev_fecb51402391", "date_start"])  # undated stays missing
    ingested = pd.read_parquet(tmp_path / "documents.parquet").ingested_at[0]
    assert ingested.tzinfo is not None and ingested < datetime.now(UTC)


def test_an_empty_store_exports_empty_typed_tables(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        export_store(store, "parquet", tmp_path / "parquet")
    events = pq.read_table(tmp_path / "parquet" / "events.parquet")
    assert events.num_rows == 0
    assert events.schema.remove_metadata() == EVENTS_SCHEMA
    assert pq.read_schema(tmp_path / "parquet" / "mentions.parquet").field("start").type == pa.int64()


def test_csv_quotes_codes_and_reads_back_typed_with_its_dtypes(small: Store, tmp_path: Path) -> None:
    export_store(small, "csv", tmp_path)
    lines = (tmp_path / "events.csv").read_text("utf-8").splitlines()
    assert lines[0].startswith('"id","type","date_value"')
    assert '"2025-02","2025-02-01","2025-02-28",97400000000.0,"USD","proposed",5.2,0.5,"031","AGREE"' in lines[4]
    kinds = json.loads((tmp_path / "dtypes.json").read_text("utf-8"))
    assert kinds["events"] == {"id": "string", "type": "string", "date_value": "string", "date_start": "date",
                               "date_end": "date", "amount": "Float64", "currency": "string", "modality": "string",
                               "score": "Float64", "confidence": "Float64", "cameo": "string", "plover": "string"}
    # The documented read: pandas.read_csv with dtype= and parse_dates= from dtypes.json.
    events = pd.read_csv(tmp_path / "events.csv",
                         dtype={c: k for c, k in kinds["events"].items() if k not in ("date", "timestamp")},
                         parse_dates=[c for c, k in kinds["events"].items() if k in ("date", "timestamp")])
    assert sorted(events.cameo.dropna()) == ["031", "112", "115", "12"]
    assert {str(events[c].dtype) for c in ("cameo", "plover", "date_value")} == {"string"}
    assert str(events.date_start.dtype).startswith("datetime64") and str(events.amount.dtype) == "Float64"
    documents = read_csv_table(tmp_path, "documents").set_index("id")
    assert documents.loc["a", "text"] == TEXT_A  # line break, commas and quotes survive
    assert str(documents.ingested_at.dtype).startswith("datetime64") and documents.ingested_at.dt.tz is not None


def test_to_frame_gives_timeline_days_as_dates(small: Store) -> None:
    chron = Chronicle(small)
    frame = to_frame(chron.timeline("Elon Musk", undated=True))
    assert str(frame.date_start.dtype) == str(frame.date_end.dtype) == "date32[day][pyarrow]"
    assert frame.date_start.tolist()[:2] == [date(2018, 1, 1), date(2025, 2, 1)]
    assert frame.date_value.tolist()[0] == "2018"  # the precision the text gives stays a string
    assert pd.isna(frame.date_start.iloc[-1])  # the undated accusation
    assert frame.date_start.dt.year.tolist()[:1] == [2018]
    empty = to_frame([], TimelineEntry)
    assert str(empty.date_start.dtype) == "date32[day][pyarrow]"
    edges = to_frame(chron.graph().edges)
    assert str(edges.first_date.dtype) == "date32[day][pyarrow]"
