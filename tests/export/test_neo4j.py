"""The Neo4j export: CSV files with neo4j-admin headers read back by pandas, and a LOAD CSV recipe
that can run twice (MERGE on ids, constraints only if absent) in batches.

No Neo4j server runs here (none installs from the package registries this project uses), so the
recipe is checked as text: every statement that writes merges, every LOAD CSV is batched."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from chronique.export import export_store
from chronique.export.neo4j import BATCH_ROWS, NODE_FILES, RELATIONSHIP_FILES
from chronique.store import Store
from tests.export.test_exports import TEXT_A, table_count


def test_neo4j_files_have_import_headers_and_the_store_counts(small: Store, tmp_path: Path) -> None:
    folder = tmp_path / "neo4j"
    export_store(small, "neo4j", folder)
    frames = {name: pd.read_csv(folder / name, dtype=str, keep_default_na=False)
              for name in [*NODE_FILES, *RELATIONSHIP_FILES]}
    counts = small.counts()
    assert len(frames["actors.csv"]) == counts["entities"]
    assert len(frames["documents.csv"]) == counts["documents"]
    assert len(frames["events.csv"]) == counts["events"]
    assert len(frames["event_mentions.csv"]) == counts["event_mentions"]
    assert len(frames["relations.csv"]) == counts["relations"]
    assert len(frames["event_actors.csv"]) == table_count(small, "event_actors")
    assert list(frames["actors.csv"].columns[:2]) == ["id:ID(Actor)", ":LABEL"]
    assert list(frames["event_actors.csv"].columns[:3]) == [":START_ID(Actor)", ":END_ID(Event)", ":TYPE"]
    musk = frames["actors.csv"].set_index("id:ID(Actor)").loc["elon-musk"]
    assert (musk[":LABEL"], musk["aliases:string[]"]) == ("Actor;Person", "Musk;le milliardaire")
    assert set(frames["event_actors.csv"][":TYPE"]) == {"SOURCE_OF", "TARGET_OF"}
    assert frames["documents.csv"].set_index("id:ID(Document)").loc["a", "text"] == TEXT_A


def _statements(cypher: str) -> list[str]:
    """The recipe's statements (each ends with ';' at the end of a line), comments dropped."""
    text = "\n".join(line for line in cypher.splitlines() if not line.lstrip().startswith("//"))
    return [statement.strip() for statement in re.split(r";[ \t]*(?:\n|$)", text) if statement.strip()]


def test_the_recipe_can_run_twice_without_duplicating_anything(small: Store, tmp_path: Path) -> None:
    export_store(small, "neo4j", tmp_path)
    statements = _statements((tmp_path / "import.cypher").read_text("utf-8"))
    creates = [s for s in statements if re.search(r"\bCREATE\b", s)]
    # The only CREATEs are constraints created if absent: no node or relationship is CREATEd.
    assert creates and all(re.fullmatch(r"CREATE CONSTRAINT \w+ IF NOT EXISTS FOR .*", s, re.S) for s in creates)
    assert len(creates) == 3
    loads = [s for s in statements if s.startswith("LOAD CSV")]
    assert len(loads) == 3 + 2 + 1 + 1 + 1  # three node files, SOURCE_OF/TARGET_OF, TOLD_IN, MENTIONED_IN, ROLE
    for load in loads:
        assert "MERGE (" in load and re.search(r"\bCREATE\b", load) is None, load
        assert load.endswith(f"IN TRANSACTIONS OF {BATCH_ROWS} ROWS"), load
        assert "CALL {\n  WITH row" in load
    merges = [m for s in loads for m in re.findall(r"MERGE \(([a-z])(?::(\w+) \{id: [^}]+\})?\)(-\[[^\]]+\]->\(\w\))?", s)]
    assert {label for _, label, _ in merges if label} == {"Actor", "Document", "Event"}  # nodes merged on their id
    relationship_merges = "\n".join(s for s in loads if "]->(" in s)
    for key in ("[r:SOURCE_OF]", "[r:TARGET_OF]", "[t:TOLD_IN {start:", "[m:MENTIONED_IN]", "[r:ROLE {id: row.id}]"):
        assert key in relationship_merges, key
    labels = [s for s in statements if s.startswith("MATCH (a:Actor {type:")]
    assert labels and all(re.fullmatch(r"MATCH \(a:Actor \{type: '\w+'\}\) SET a:\w+", s) for s in labels)


def test_neo4j_recipe_and_readme_name_every_file(small: Store, tmp_path: Path) -> None:
    folder = tmp_path / "neo4j"
    export_store(small, "neo4j", folder)
    readme = (folder / "README.md").read_text("utf-8")
    cypher = (folder / "import.cypher").read_text("utf-8")
    assert "bin/neo4j-admin database import full neo4j" in readme
    for name in NODE_FILES:
        assert f"--nodes=import/{name}" in readme and f"'file:///{name}'" in cypher
    for name in RELATIONSHIP_FILES:
        assert f"--relationships=import/{name}" in readme and f"'file:///{name}'" in cypher
    assert "--multiline-fields=true" in readme and "run it again" in readme
