"""The store as a Neo4j graph: CSV files with ``neo4j-admin`` import headers, a LOAD CSV recipe, a README.

Nodes are actors (labelled ``Actor`` plus their kind: ``Person``, ``Organization``…), documents
(with their text: the provenance every span points into) and events; relationships are who took
part in which event (``SOURCE_OF``, ``TARGET_OF``), where each event is told (``TOLD_IN``, with
the sentence), where each actor is mentioned (``MENTIONED_IN``, with a count) and the relations
between actors (``ROLE``, ``PRODUCT_OF``, ``PART_OF``, with the documents that state them).
Like the table exports it is a copy of the store: events of every modality, each with its
``modality``. The same files load two ways, with identical property names: ``neo4j-admin
database import full`` (fast, offline; the command is in the README written next to the files)
or ``import.cypher`` (LOAD CSV, into a running database).
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from chronique.data import load_toml
from chronique.export.events import event_mentions

__all__ = ["NODE_FILES", "RELATIONSHIP_FILES", "write_neo4j"]

#: file → header, in neo4j-admin's format (``name:type``, ``:ID(space)``, ``:LABEL`` …).
NODE_FILES: dict[str, tuple[str, ...]] = {
    "actors.csv": ("id:ID(Actor)", ":LABEL", "name", "type", "kb_id", "aliases:string[]",
                   "mentions:int", "documents:int"),
    "documents.csv": ("id:ID(Document)", ":LABEL", "date:date", "lang", "title", "url", "source", "text"),
    "events.csv": ("id:ID(Event)", ":LABEL", "type", "date_value", "date_start:date", "date_end:date",
                   "amount:float", "currency", "modality", "score:float", "cameo", "plover"),
}
RELATIONSHIP_FILES: dict[str, tuple[str, ...]] = {
    "event_actors.csv": (":START_ID(Actor)", ":END_ID(Event)", ":TYPE", "position:int"),
    "event_mentions.csv": (":START_ID(Event)", ":END_ID(Document)", ":TYPE", "start:int", "end:int",
                           "trigger", "modality", "sentence"),
    "mentions.csv": (":START_ID(Actor)", ":END_ID(Document)", ":TYPE", "count:int"),
    "relations.csv": (":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "id", "title", "valid_from",
                      "valid_to", "doc_ids:string[]"),
}
ARRAY_DELIMITER = ";"
_RELATIONSHIP_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")

Row = Sequence[object]


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Row]) -> int:
    """RFC 4180 CSV (doubled quotes, quoted line breaks), as neo4j-admin and LOAD CSV read it."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
            count += 1
    return count


def _array(values: Iterable[str]) -> str:
    """A neo4j-admin string array; the delimiter inside an element becomes a comma."""
    return ARRAY_DELIMITER.join(value.replace(ARRAY_DELIMITER, ",") for value in values)


def _actor_labels() -> dict[str, str]:
    return load_toml("export/neo4j/labels.toml")["actor_labels"]


def _actor_rows(conn: sqlite3.Connection) -> list[Row]:
    labels = _actor_labels()
    aliases: dict[str, list[str]] = {}
    for entity_id, alias in conn.execute("SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias"):
        aliases.setdefault(entity_id, []).append(alias)
    rows = conn.execute(
        "SELECT e.id, e.name, e.type, e.kb_id, COUNT(m.entity_id), COUNT(DISTINCT m.doc_id)"
        " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id ORDER BY e.id"
    )
    return [
        (id_, _array(["Actor", labels[type_]] if type_ in labels else ["Actor"]), name, type_, kb_id,
         _array(aliases.get(id_, [])), mentions, documents)
        for id_, name, type_, kb_id, mentions, documents in rows
    ]


def _document_rows(conn: sqlite3.Connection) -> list[Row]:
    return [(row[0], "Document", *row[1:]) for row in conn.execute(
        "SELECT id, date, lang, title, url, source, text FROM documents ORDER BY date, id")]


def _event_rows(conn: sqlite3.Connection) -> list[Row]:
    return [(row[0], "Event", *row[1:]) for row in conn.execute(
        "SELECT id, type, date_value, date_start, date_end, amount, currency, modality, score, cameo,"
        " plover FROM events ORDER BY id")]


def _event_actor_rows(conn: sqlite3.Connection) -> list[Row]:
    return [
        (entity_id, event_id, "SOURCE_OF" if role == "source" else "TARGET_OF", position)
        for event_id, entity_id, role, position in conn.execute(
            "SELECT event_id, entity_id, role, position FROM event_actors ORDER BY event_id, role, position")
    ]


def _telling_rows(conn: sqlite3.Connection) -> list[Row]:
    return [
        (event_id, m.doc_id, "TOLD_IN", m.start, m.end, m.trigger, m.modality, m.sentence)
        for event_id, mentions in sorted(event_mentions(conn).items()) for m in mentions
    ]


def _mention_rows(conn: sqlite3.Connection) -> list[Row]:
    return [(entity_id, doc_id, "MENTIONED_IN", count) for entity_id, doc_id, count in conn.execute(
        "SELECT entity_id, doc_id, COUNT(*) FROM mentions GROUP BY entity_id, doc_id ORDER BY entity_id, doc_id")]


def _relation_rows(conn: sqlite3.Connection) -> list[Row]:
    evidence: dict[str, list[str]] = {}
    for relation_id, doc_id in conn.execute(
        "SELECT DISTINCT relation_id, doc_id FROM relation_evidence ORDER BY relation_id, doc_id"
    ):
        evidence.setdefault(relation_id, []).append(doc_id)
    return [
        (source, target, type_, id_, title, valid_from, valid_to, _array(evidence.get(id_, [])))
        for id_, type_, source, target, title, valid_from, valid_to in conn.execute(
            "SELECT id, type, source, target, title, valid_from, valid_to FROM relations ORDER BY id")
    ]


_ROWS = {
    "actors.csv": _actor_rows, "documents.csv": _document_rows, "events.csv": _event_rows,
    "event_actors.csv": _event_actor_rows, "event_mentions.csv": _telling_rows,
    "mentions.csv": _mention_rows, "relations.csv": _relation_rows,
}


def _relation_types(conn: sqlite3.Connection) -> list[str]:
    """The relation types present, checked to be plain identifiers before they enter Cypher text."""
    types = [row[0] for row in conn.execute("SELECT DISTINCT type FROM relations ORDER BY type")]
    return [t for t in types if _RELATIONSHIP_TYPE.match(t)]


def _render(template: str, **values: object) -> str:
    """A text template of ``resources/export/neo4j/`` (Cypher and Markdown: no HTML escaping)."""
    env = Environment(loader=PackageLoader("chronique", "resources/export/neo4j"), autoescape=False,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    return env.get_template(template).render(**values)


def write_neo4j(conn: sqlite3.Connection, folder: Path) -> dict[str, int]:
    """Write the CSV files, ``import.cypher`` and ``README.md`` into ``folder``; rows per file."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, header in {**NODE_FILES, **RELATIONSHIP_FILES}.items():
        written[name] = _write_csv(folder / name, header, _ROWS[name](conn))
    values = {"node_files": list(NODE_FILES), "relationship_files": list(RELATIONSHIP_FILES),
              "actor_labels": sorted(_actor_labels().items()), "relation_types": _relation_types(conn),
              "array_delimiter": ARRAY_DELIMITER, "rows": written}
    (folder / "import.cypher").write_text(_render("import.cypher.j2", **values), "utf-8")
    (folder / "README.md").write_text(_render("README.md.j2", **values), "utf-8")
    return written
