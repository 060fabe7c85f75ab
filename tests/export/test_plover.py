"""The PLOVER export checked against the PLOVER manual's "Data Fields" chapter: its field names
and their shapes (copied here from the manual's tables, not from chronique's code), its minimal
example record, and its category, mode, context and score tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from chronique.export import export_store
from chronique.export.codes import PLOVER_CATEGORIES, PLOVER_CONTEXTS
from chronique.store import Store

# The manual's "PLOVER JSON" table: field → the JSON types its content allows.
RECORD_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (str,), "has_event": (bool,), "date": (str,), "time": (str,), "enddate": (str, type(None)),
    "endtime": (str,), "actor": (list,), "recipient": (list,), "event": (list,), "event_loc": (dict,),
    "event_text": (list,), "quad_code": (int,), "event_scale": (float, int), "mode": (list, type(None)),
    "context": (list, type(None)), "link": (str,), "text": (str, type(None)), "text_info": (dict, type(None)),
    "cite_info": (dict, type(None)), "coder": (str,), "coded_date": (str,), "coded_time": (str,), "comment": (str,),
}
REQUIRED = {"id", "date", "actor", "event"}
# "Information object for entities", "for text" and "for citations".
ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity",
                 "office", "gender", "age"}
TEXT_INFO_FIELDS = {"sequence", "start", "end", "text_story"}
CITE_INFO_FIELDS = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright",
                    "coder", "codebook", "version"}
# The manual's smallest record (its date unquoted in the manual, a string in JSON).
MANUAL_EXAMPLE = {"id": "PHOXv1-20160724-0042", "date": "2016-07-24", "actor": [{"code": "USA"}],
                  "recipient": [{"code": "CAN"}], "event": ["CONSULT"]}


def read_plover(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def check_record(record: dict[str, Any]) -> None:
    """A record as the manual specifies it; extra named fields are allowed, ours are listed."""
    assert REQUIRED <= set(record), record
    assert set(record) - set(RECORD_FIELDS) <= {"chronique"}, set(record) - set(RECORD_FIELDS)
    for name, value in record.items():
        if name in RECORD_FIELDS:
            assert isinstance(value, RECORD_FIELDS[name]), (name, value)
    assert len(record["date"]) == 10 and record["date"][4] == "-" and record["date"][7] == "-"
    assert all(category in PLOVER_CATEGORIES for category in record["event"])
    for entity in record["actor"] + record.get("recipient", []):
        assert set(entity) - ENTITY_FIELDS <= {"chronique_id", "chronique_type"}, entity
    if record.get("quad_code") is not None:
        assert record["quad_code"] in (1, 2, 3, 4)
    if record.get("event_scale") is not None:
        assert -10 <= record["event_scale"] <= 10
    if record.get("text_info"):
        assert set(record["text_info"]) <= TEXT_INFO_FIELDS
    if record.get("cite_info"):
        assert set(record["cite_info"]) <= CITE_INFO_FIELDS
    for context in record.get("context") or []:
        assert context in PLOVER_CONTEXTS


def test_the_manuals_example_passes_the_check() -> None:
    check_record(MANUAL_EXAMPLE)


def test_every_record_has_the_manuals_fields_and_shapes(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    summary = export_store(small, "plover", path)
    records = read_plover(path)
    # BID, REJECT and the 2018 ORDER; the undated ACCUSE cannot be (date is required), the
    # hypothetical SUE is not a fact.
    assert len(records) == summary.counts["events"] == 3
    assert summary.counts["left out (undated or no PLOVER category)"] == 1
    for record in records:
        check_record(record)


def test_the_bid_record(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    export_store(small, "plover", path)
    bid = next(r for r in read_plover(path) if r["chronique"]["type"] == "BID")
    assert (bid["date"], bid["enddate"], bid["event"], bid["quad_code"]) == ("2025-02-01", "2025-02-28", ["AGREE"], 1)
    assert (bid["event_scale"], bid["mode"], bid["context"]) == (2.5, None, None)
    assert bid["actor"] == [{"code": None, "sector": None, "entity_text": "Elon Musk", "identifier_id": "Q317521",
                             "identifier_text": "Elon Musk", "chronique_id": "elon-musk", "chronique_type": "PERSON"}]
    assert [a["entity_text"] for a in bid["recipient"]] == ["OpenAI"]
    assert bid["event_text"] == ["proposé", "offert"]  # one text per wording, in reading order
    assert bid["text"] == "Elon Musk a proposé de racheter OpenAI pour 97,4 milliards de dollars en février 2025."
    assert bid["text_info"] == {"start": 0, "end": len(bid["text"])}
    assert bid["cite_info"] == {"citation": "a", "url": "https://example.org/a", "title": "L'offre",
                                "language": "fr", "publication": "Ex", "coder": "chronique"}
    assert [m["doc_id"] for m in bid["chronique"]["mentions"]] == ["a", "b"]
    assert bid["chronique"]["amount"] == 97.4e9 and bid["chronique"]["modality"] == "proposed"


def test_pandas_reads_the_records_with_the_manuals_columns(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    export_store(small, "plover", path)
    frame = pd.read_json(path, lines=True, dtype={"date": str, "enddate": str})
    assert list(frame.columns) == ["id", "date", "enddate", "actor", "recipient", "event", "event_text", "quad_code",
                                   "event_scale", "mode", "context", "text", "text_info", "cite_info", "coder",
                                   "chronique"]
    assert str(frame.quad_code.dtype) == "int64" and str(frame.event_scale.dtype) == "float64"
    assert frame.explode("event").event.tolist() == ["COOPERATE", "REJECT", "AGREE"]


def test_the_score_and_quad_tables_are_the_manuals() -> None:
    from chronique.export.codes import plover_mode, plover_quad, plover_scale

    assert len(PLOVER_CATEGORIES) == 16 and "DEMAND" not in PLOVER_CATEGORIES
    assert [plover_quad(c) for c in ("AGREE", "AID", "REQUEST", "SANCTION", "ASSAULT")] == [1, 2, 3, 3, 4]
    assert (plover_scale("COOPERATE", None), plover_scale("ASSAULT", None)) == (9.5, -9.0)
    assert plover_scale("ACCUSE", None) == -3.0  # the manual's lost minus sign, restored (see plover.toml)
    assert plover_mode("CANCEL", "SANCTION") == "discontinue" and plover_scale("SANCTION", "discontinue") == -6.0
    assert plover_mode("INVEST", "AID") is None  # AID has no modes
