"""Every export is read back with the library that reads its format and checked against the store.

Fast tests use a small store built by hand (no spaCy): two articles about Musk's bid for OpenAI,
Altman's answer, a 2018 Roadster order, an undated accusation and a hypothetical lawsuit that no
event-data export may contain. Slow tests do the same on the store of the example articles.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from chronique.analysis import Chronicle
from chronique.cli import app
from chronique.export import EXPORT_FORMATS, annotation_lines, export_store, write_annotations
from chronique.export.tables import TABLES, read_csv_table
from chronique.model import EXPORTED_MODALITIES, Annotations, Document, Entity, Money, Quote, Relation, Timex
from chronique.store import Store
from tests.builders import event as _event
from tests.builders import sentences, span, sql


def event(*args, **fields):
    """Exported events carry their sentence: the GDELT and PLOVER rows quote it."""
    return _event(*args, with_sentence=True, **fields)

runner = CliRunner()

# A text with a line break, commas and double quotes: CSV and TSV quoting must survive it.
TEXT_A = (
    "Elon Musk a proposé de racheter OpenAI pour 97,4 milliards de dollars en février 2025.\n"
    "Sam Altman a répondu \"non merci, vraiment\" au milliardaire."
)
TEXT_B = (
    "Musk avait commandé une Tesla Roadster en 2018. "
    "En février 2025, Musk a offert de racheter OpenAI. "
    "Musk pourrait poursuivre Altman en mars 2025. "
    "Altman accuse Musk."
)


def doc_a() -> Annotations:
    text = TEXT_A
    document = Document("a", text, date(2025, 2, 11), "fr", "L'offre", "https://example.org/a", "Ex", "a.txt")
    bid = event(text, "BID", ("musk",), ("oai",), "Elon Musk a proposé de racheter OpenAI", "proposé",
                date="2025-02", date_start="2025-02-01", date_end="2025-02-28", amount=97.4e9, currency="USD",
                score=5.2, cameo="031", plover="AGREE", modality="proposed")
    reject = event(text, "REJECT", ("sam",), ("musk",), "Sam Altman a répondu", "répondu",
                   date="2025-02", date_start="2025-02-01", date_end="2025-02-28", score=-4.0, cameo="12",
                   plover="REJECT")
    return Annotations(
        document=document,
        entities=[
            Entity("musk", "Elon Musk", "PERSON", "elon-musk", ("Musk", "le milliardaire"),
                   (span(text, "Elon Musk"), span(text, "milliardaire"))),
            Entity("oai", "OpenAI", "ORG", "openai", (), (span(text, "OpenAI"),)),
            Entity("sam", "Sam Altman", "PERSON", "sam-altman", ("Altman",), (span(text, "Sam Altman"),)),
        ],
        timexes=[Timex(*span(text, "février 2025"), "février 2025", "DATE", "2025-02", "2025-02-01", "2025-02-28")],
        money=[Money(*span(text, "97,4 milliards de dollars"), "97,4 milliards de dollars", 97.4e9, "USD")],
        quotes=[Quote(*span(text, "non merci, vraiment"), "non merci, vraiment", "sam", "a répondu", "musk")],
        events=[bid, reject],
        relations=[Relation("ROLE", "sam", "oai", *span(text, "Sam Altman"), title="ceo")],
        sentences=sentences(text),
    )


def doc_b() -> Annotations:
    text = TEXT_B
    document = Document("b", text, date(2025, 11, 2), "fr", None, None, None, "b.txt")
    musk_mentions = tuple((i, i + 4) for i in range(len(text)) if text.startswith("Musk", i))
    return Annotations(
        document=document,
        entities=[
            Entity("m", "Elon Musk", "PERSON", "elon-musk", ("Musk",), musk_mentions),
            Entity("t", "Tesla", "ORG", "tesla", (), (span(text, "Tesla"),)),
            Entity("o", "OpenAI", "ORG", "openai", (), (span(text, "OpenAI"),)),
            Entity("al", "Sam Altman", "PERSON", "sam-altman", ("Altman",), (span(text, "Altman"),)),
        ],
        events=[
            event(text, "ORDER", ("m",), ("t",), "Musk avait commandé une Tesla Roadster en 2018", "commandé",
                  date="2018", date_start="2018-01-01", date_end="2018-12-31", score=3.2, plover="COOPERATE"),
            event(text, "BID", ("m",), ("o",), "Musk a offert de racheter OpenAI", "offert",
                  date="2025-02", date_start="2025-02-01", date_end="2025-02-28", score=5.2, cameo="031",
                  plover="AGREE", modality="proposed"),
            event(text, "SUE", ("m",), ("al",), "Musk pourrait poursuivre Altman en mars 2025", "poursuivre",
                  date="2025-03", date_start="2025-03-01", date_end="2025-03-31", modality="hypothetical",
                  score=-2.0, cameo="115", plover="ACCUSE"),
            event(text, "ACCUSE", ("al",), ("m",), "Altman accuse Musk", "accuse", score=-2.0, cameo="112",
                  plover="ACCUSE"),
        ],
        relations=[Relation("ROLE", "al", "o", *span(text, "Altman"), title="ceo")],
        sentences=sentences(text),
    )


def build_small_store(path: Path) -> Path:
    """The hand-built store, saved to ``path`` (also used by the report tests)."""
    with Store(path) as store:
        store.save([doc_a(), doc_b()])
    return path


def exported_event_count(store: Store, start: date | None = None) -> int:
    """Events the text says happened, straight from the events table."""
    marks = ", ".join("?" * len(EXPORTED_MODALITIES))
    query = f"SELECT COUNT(*) FROM events WHERE modality IN ({marks})"
    params: list[object] = sorted(EXPORTED_MODALITIES)
    if start is not None:
        query += " AND COALESCE(date_end, date_start) >= ?"
        params.append(start.isoformat())
    return sql(store, query, params)[0][0]


def table_count(store: Store, table: str) -> int:
    assert table in TABLES  # a fixed name, never from input
    return sql(store, f"SELECT COUNT(*) FROM {table}")[0][0]


def read_plover(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


# -- the public names stay ------------------------------------------------------------------------


def test_the_annotations_export_is_unchanged(small: Store) -> None:
    out = io.StringIO()
    summary = export_store(small, "annotations", stream=out)
    expected = "".join(line + "\n" for line in annotation_lines(small.iter_annotations()))
    assert out.getvalue() == expected
    assert summary.counts == {"documents": 2}
    assert write_annotations(small.iter_annotations(), io.StringIO()) == 2
    assert set(EXPORT_FORMATS) == {"annotations", "graphml", "gexf", "gdelt", "plover", "timelinejs", "parquet", "csv",
                                   "neo4j"}


# -- graphs ---------------------------------------------------------------------------------------


def _actors_of_exported_events(store: Store) -> int:
    marks = ", ".join("?" * len(EXPORTED_MODALITIES))
    return sql(store, "SELECT COUNT(DISTINCT ea.entity_id) FROM event_actors ea JOIN events e ON e.id = ea.event_id"
                      f" WHERE e.modality IN ({marks})", sorted(EXPORTED_MODALITIES))[0][0]


def test_graphml_reads_back_as_the_actor_graph(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "actors.graphml"
    summary = export_store(small, "graphml", path)
    network = nx.read_graphml(path)
    graph = Chronicle(small).graph()
    assert network.number_of_nodes() == len(graph.nodes) == _actors_of_exported_events(small) == 4
    assert network.number_of_edges() == len(graph.edges) == summary.counts["edges"] == 3
    assert network.nodes["elon-musk"]["label"] == "Elon Musk"
    assert network.nodes["elon-musk"]["type"] == "PERSON"
    rivalry = network.edges["elon-musk", "sam-altman"]  # REJECT and ACCUSE; the hypothetical SUE is out
    assert (rivalry["weight"], rivalry["score"], rivalry["conflict"]) == (2, -6.0, -6.0)
    assert (rivalry["first_date"], rivalry["types"]) == ("2025-02-01", "ACCUSE;REJECT")


def test_gexf_is_dynamic_with_a_spell_per_event_date(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "actors.gexf"
    export_store(small, "gexf", path)
    network = nx.read_gexf(path)
    assert network.graph["mode"] == "dynamic"
    assert network.number_of_nodes() == 4 and network.number_of_edges() == 3
    assert network.edges["elon-musk", "tesla"]["spells"] == [("2018-01-01", "2018-12-31")]
    assert network.edges["elon-musk", "openai"]["spells"] == [("2025-02-01", "2025-02-28")]
    assert network.edges["elon-musk", "openai"]["weight"] == 1
    assert network.nodes["elon-musk"]["spells"] == [("2018-01-01", "2018-12-31"), ("2025-02-01", "2025-02-28")]
    text = path.read_text("utf-8")
    assert 'timeformat="date"' in text and "<viz:color" in text


def test_graph_period_keeps_the_events_of_the_period(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "recent.graphml"
    summary = export_store(small, "graphml", path, start=date(2025, 1, 1))
    network = nx.read_graphml(path)
    assert sorted(network.nodes) == ["elon-musk", "openai", "sam-altman"]
    assert summary.counts == {"nodes": 3, "edges": 2}


# -- the command ----------------------------------------------------------------------------------


def test_cli_writes_a_format_and_says_what(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["export", "--format", "plover", "--db", str(small_db), "-o", str(out),
                                 "--from", "2025-01-01", "--to", "2025-02-28"])
    assert result.exit_code == 0, result.output
    assert "wrote 2 events" in result.output
    assert len(read_plover(out)) == 2


@pytest.mark.parametrize(("arguments", "message"), [
    (["--format", "parquet"], "writes a folder"),
    (["--format", "csv", "-o", "x", "--from", "2025-01-01"], "always whole"),
    (["--format", "gexf", "--from", "2025-03-01", "--to", "2025-01-01"], "is after"),
    (["--format", "pdf"], "unknown format 'pdf'"),
])
def test_cli_refuses_what_cannot_be_done(small_db: Path, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["export", "--db", str(small_db), *arguments])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_exports_are_deterministic(small: Store, tmp_path: Path) -> None:
    for run in ("one", "two"):
        for file_format in ("gdelt", "plover", "graphml"):
            export_store(small, file_format, tmp_path / f"{run}.{file_format}")
        export_store(small, "timelinejs", tmp_path / f"{run}.timelinejs", actors=("Elon Musk",))
        export_store(small, "neo4j", tmp_path / f"{run}-neo4j")
        export_store(small, "csv", tmp_path / f"{run}-csv")
    for file_format in ("gdelt", "plover", "graphml", "timelinejs"):
        assert (tmp_path / f"one.{file_format}").read_bytes() == (tmp_path / f"two.{file_format}").read_bytes()
    for folder in ("neo4j", "csv"):
        for path in (tmp_path / f"one-{folder}").iterdir():
            assert path.read_bytes() == (tmp_path / f"two-{folder}" / path.name).read_bytes(), path.name


# -- the example articles -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    from chronique.ingest import ingest_paths

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with Store(path) as store:
        ingest_paths([str(examples_dir)], store)
    return path


@pytest.mark.slow
def test_every_export_of_the_examples_reads_back_with_the_store_counts(example_db: Path, tmp_path: Path) -> None:
    from tests.export.test_gdelt import read_gdelt
    from tests.export.test_plover import check_record
    from tests.export.test_timelinejs import check_timeline

    with Store(example_db) as store:
        counts = store.counts()
        events = exported_event_count(store)
        summaries = {file_format: export_store(store, file_format, tmp_path / file_format,
                                               actors=("Elon Musk",) if file_format == "timelinejs" else ())
                     for file_format in EXPORT_FORMATS}
        graph = Chronicle(store).graph()
        actors = _actors_of_exported_events(store)
    assert counts["documents"] == 2 and events >= 10
    assert len(read_gdelt(tmp_path / "gdelt")) == events
    plover = read_plover(tmp_path / "plover")
    assert len(plover) == summaries["plover"].counts["events"] >= events // 2
    for record in plover:
        check_record(record)
    timeline = json.loads((tmp_path / "timelinejs").read_text("utf-8"))
    check_timeline(timeline)
    assert len(timeline["events"]) == summaries["timelinejs"].counts["events"] >= 5
    assert len((tmp_path / "annotations").read_text("utf-8").splitlines()) == counts["documents"]
    for file_format in ("parquet", "csv"):
        for name in ("documents", "entities", "mentions", "events", "quotes", "relations", "timexes", "money"):
            path = tmp_path / file_format / f"{name}.{file_format}"
            rows = pq.read_table(path).num_rows if file_format == "parquet" else len(read_csv_table(path.parent, name))
            assert rows == counts[name], (file_format, name)
    neo4j_events = pd.read_csv(tmp_path / "neo4j" / "events.csv", dtype=str)
    assert len(neo4j_events) == counts["events"]
    for reader, file_format in ((nx.read_graphml, "graphml"), (nx.read_gexf, "gexf")):
        network = reader(tmp_path / file_format)
        assert network.number_of_nodes() == len(graph.nodes) == actors, file_format
        assert network.number_of_edges() == len(graph.edges), file_format


@pytest.mark.slow
def test_the_gdelt_row_of_the_bid(example_db: Path, tmp_path: Path) -> None:
    from tests.export.test_gdelt import read_gdelt

    with Store(example_db) as store:
        export_store(store, "gdelt", tmp_path / "events.export.CSV")
    table = read_gdelt(tmp_path / "events.export.CSV")
    bids = table[(table.Actor1Name == "Elon Musk") & (table.Actor2Name == "OpenAI") & (table.SQLDATE == 20250201)]
    bid = bids.iloc[0]
    # the bid is fought (refused by the Altman whom Musk accuses): CAMEO 100 "demand", conflict
    assert (bid.EventCode, bid.GoldsteinScale, bid.QuadClass) == ("100", -5.0, 3)
    assert bid.NumArticles == 2
