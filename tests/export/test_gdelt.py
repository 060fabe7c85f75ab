"""The GDELT export read back as GDELT users read a GDELT 2.0 event file: pandas, no header, the
published column list and types (copied here from the GDELT 2.0 Event Codebook's header file,
not taken from chronique's code), CAMEO codes as text and Goldstein scores from GDELT's table."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from chronique.export import export_store
from chronique.export.gdelt import GDELT_COLUMNS, GDELT_TYPES, chronique_event_id, global_event_id
from chronique.model import Annotations, Document, Entity
from chronique.store import Store
from tests.builders import event, sentences, span
from tests.export.test_exports import exported_event_count

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = [("Type", "INTEGER"), ("FullName", "STRING"), ("CountryCode", "STRING"), ("ADM1Code", "STRING"),
        ("ADM2Code", "STRING"), ("Lat", "FLOAT"), ("Long", "FLOAT"), ("FeatureID", "STRING")]

#: GDELT 2.0 event file columns and types, as GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv gives them.
PUBLISHED: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "INTEGER"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"), ("Year", "INTEGER"),
    ("FractionDate", "FLOAT"),
    *[(f"Actor1{part}", "STRING") for part in _ACTOR], *[(f"Actor2{part}", "STRING") for part in _ACTOR],
    ("IsRootEvent", "INTEGER"), ("EventCode", "STRING"), ("EventBaseCode", "STRING"), ("EventRootCode", "STRING"),
    ("QuadClass", "INTEGER"), ("GoldsteinScale", "FLOAT"), ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"), ("AvgTone", "FLOAT"),
    *[(f"{who}_{part}", kind) for who in ("Actor1Geo", "Actor2Geo", "ActionGeo") for part, kind in _GEO],
    ("DATEADDED", "INTEGER"), ("SOURCEURL", "STRING"),
]
PANDAS_TYPES = {"INTEGER": "Int64", "FLOAT": "Float64", "STRING": "string"}


def read_gdelt(path: Path) -> pd.DataFrame:
    """A GDELT 2.0 event file as its users load it: no header, the published names and types."""
    return pd.read_csv(path, sep="\t", header=None, names=[name for name, _ in PUBLISHED],
                       dtype={name: PANDAS_TYPES[kind] for name, kind in PUBLISHED}, quoting=csv.QUOTE_NONE)


def test_the_published_list_has_61_columns_and_the_export_writes_them_in_order() -> None:
    assert len(PUBLISHED) == 61 == len({name for name, _ in PUBLISHED})
    assert list(GDELT_TYPES.items()) == PUBLISHED
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_every_line_is_61_fields_and_there_is_no_header(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.export.CSV"
    summary = export_store(small, "gdelt", path)
    lines = path.read_text("utf-8").splitlines()
    assert len(lines) == summary.counts["events"] == exported_event_count(small) == 4
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert all(line.split("\t")[0].isdigit() for line in lines)  # no header: every line is an event


def test_the_file_reads_back_with_the_published_types(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.export.CSV"
    export_store(small, "gdelt", path)
    table = read_gdelt(path)
    assert list(table.columns) == [name for name, _ in PUBLISHED]
    assert {str(table[name].dtype) for name, kind in PUBLISHED if kind == "INTEGER"} == {"Int64"}
    assert {str(table[name].dtype) for name, kind in PUBLISHED if kind == "FLOAT"} == {"Float64"}
    coded = table[table.EventCode.notna()]
    assert set(coded.EventCode.str.len()) <= {3, 4} and coded.EventCode.str.isdigit().all()
    assert set(coded.EventBaseCode.str.len()) == {3} and set(coded.EventRootCode.str.len()) == {2}
    assert (coded.EventCode.str[:3] == coded.EventBaseCode).all()
    assert (coded.EventCode.str[:2] == coded.EventRootCode).all()
    assert table.QuadClass.isin([1, 2, 3, 4]).all()
    assert (table.AvgTone == 0).all()
    for who in ("Actor1Geo", "Actor2Geo", "ActionGeo"):  # unknown places as GDELT writes them
        assert (table[f"{who}_Type"] == 0).all() and table[f"{who}_FullName"].isna().all()
        assert table[f"{who}_Lat"].isna().all()
    assert table.DATEADDED.astype(str).str.fullmatch(r"\d{14}").all()


def test_the_bid_row(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.export.CSV"
    export_store(small, "gdelt", path)
    table = read_gdelt(path)
    bid = table[table.EventCode == "031"].iloc[0]
    assert chronique_event_id(int(bid.GLOBALEVENTID)) == "ev_ec8fe06f6c0b"
    assert global_event_id("ev_ec8fe06f6c0b") == 0xEC8FE06F6C0B == bid.GLOBALEVENTID
    assert (bid.SQLDATE, bid.MonthYear, bid.Year, bid.FractionDate) == (20250201, 202502, 2025, 2025.0849)
    assert (bid.Actor1Name, bid.Actor2Name) == ("Elon Musk", "OpenAI")
    assert pd.isna(bid.Actor1Code) and pd.isna(bid.Actor1CountryCode)  # no CAMEO actor codes: empty
    assert (bid.EventBaseCode, bid.EventRootCode, bid.QuadClass, bid.GoldsteinScale) == ("031", "03", 1, 5.2)
    assert (bid.NumMentions, bid.NumSources, bid.NumArticles, bid.IsRootEvent) == (2, 2, 2, 1)
    assert (bid.DATEADDED, bid.SOURCEURL) == (20250211000000, "https://example.org/a")


def test_root_level_codes_become_their_three_digit_code_and_goldstein_is_gdelts(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.export.CSV"
    export_store(small, "gdelt", path)
    table = read_gdelt(path).set_index("EventCode")
    # chronique stores REJECT as CAMEO "12": GDELT writes "120" (Reject, not specified below), -4.0.
    assert (table.loc["120", "EventBaseCode"], table.loc["120", "EventRootCode"]) == ("120", "12")
    assert (table.loc["120", "GoldsteinScale"], table.loc["120", "QuadClass"]) == (-4.0, 3)
    assert table.loc["112", "GoldsteinScale"] == -2.0  # Accuse (GDELT's table), not chronique's own score
    assert table.loc["120", "IsRootEvent"] == 0  # told after a line break: not in the lead paragraph
    order = read_gdelt(path).query("Actor2Name == 'Tesla'").iloc[0]
    assert pd.isna(order.EventCode) and pd.isna(order.GoldsteinScale)  # CAMEO has no code for an order
    assert (order.QuadClass, order.SQLDATE, order.FractionDate) == (2, 20180101, 2018.0027)  # PLOVER COOPERATE
    undated = table.loc["112"]
    assert pd.isna(undated.SQLDATE) and pd.isna(undated.FractionDate)


def _hostile_bid_store(path: Path) -> Store:
    text = "Le 12 mars 2024, Acme a lancé une offre hostile sur Zeta. Acme menace Zeta."
    document = Document("h", text, date(2024, 3, 13), "fr", "Offre hostile", "https://example.org/h", "Ex", "h.txt")
    annotations = Annotations(
        document=document,
        entities=[Entity("acme", "Acme", "ORG", None, (), (span(text, "Acme"),)),
                  Entity("zeta", "Zeta", "ORG", None, (), (span(text, "Zeta"),))],
        events=[event(text, "BID", ("acme",), ("zeta",), "Acme a lancé une offre hostile sur Zeta", "lancé",
                      with_sentence=True, date="2024-03-12", date_start="2024-03-12", date_end="2024-03-12",
                      score=-5.0, cameo="10", plover="DEMAND"),
                event(text, "THREATEN", ("acme",), ("zeta",), "Acme menace Zeta", "menace", with_sentence=True,
                      score=-4.4, cameo="1311", plover="THREATEN")],
        sentences=sentences(text),
    )
    store = Store(path)
    store.save([annotations])
    return store


def test_a_hostile_bid_is_demand_100_and_a_four_digit_code_keeps_its_base(tmp_path: Path) -> None:
    with _hostile_bid_store(tmp_path / "hostile.db") as store:
        export_store(store, "gdelt", tmp_path / "events.export.CSV")
    table = read_gdelt(tmp_path / "events.export.CSV").set_index("EventCode")
    bid = table.loc["100"]
    assert (bid.EventBaseCode, bid.EventRootCode, bid.QuadClass, bid.GoldsteinScale) == ("100", "10", 3, -5.0)
    assert (bid.SQLDATE, bid.FractionDate, bid.IsRootEvent) == (20240312, 2024.1973, 1)
    threat = table.loc["1311"]
    assert (threat.EventBaseCode, threat.EventRootCode, threat.GoldsteinScale) == ("131", "13", -5.8)


@pytest.mark.parametrize(("chronique_id", "number"), [("ev_000000000001", 1), ("ev_ffffffffffff", 2**48 - 1)])
def test_global_event_ids_round_trip(chronique_id: str, number: int) -> None:
    assert global_event_id(chronique_id) == number
    assert chronique_event_id(number) == chronique_id
