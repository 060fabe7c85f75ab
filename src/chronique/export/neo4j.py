"""The store as a Neo4j graph: CSV files with ``neo4j-admin`` import headers, a LOAD CSV recipe, a README.

Nodes are actors (labelled ``Actor`` plus their kind: ``Person``, ``Organization``…), documents
(with their text: the provenance every span points into) and events; relationships are who took
part in which event (``SOURCE_OF``, ``TARGET_OF``), where each event is told (``TOLD_IN``, with
the sentence), where each actor is mentioned (``MENTIONED_IN``, with a count) and the relations
between actors (``ROLE``, ``PRODUCT_OF``, ``PART_OF``, with the documents that state them).
Like the table exports it is a copy of the store: events of every modality, each with its
``modality``. The same files load two ways, with identical property names: ``neo4j-admin
database import full`` (fast, offline; the command is in the README written next to the files)
or ``import.cypher`` (LOAD CSV, into a running database). The recipe can run twice: it MERGEs
every node and relationship on its id and creates constraints only if absent; it loads in
batches (``CALL { … } IN TRANSACTIONS``) so that a large export fits in memory.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from chronique.data import load_toml
from chronique.store import Store
from chronique.store.export_reads import ExportReader

__all__ = ["NODE_FILES", "RELATIONSHIP_FILES", "BATCH_ROWS", "write_neo4j"]

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
#: Rows per transaction in ``import.cypher`` (``CALL { … } IN TRANSACTIONS OF n ROWS``).
BATCH_ROWS = 1000
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


def _actor_rows(reads: ExportReader) -> list[Row]:
    labels = _actor_labels()
    return [
        (a.id, _array(["Actor", labels[a.type]] if a.type in labels else ["Actor"]), a.name, a.type, a.kb_id,
         _array(a.aliases), a.mentions, a.documents)
        for a in reads.actors()
    ]


def _document_rows(reads: ExportReader) -> list[Row]:
    return [(row[0], "Document", *row[1:]) for row in reads.documents()]


def _event_rows(reads: ExportReader) -> list[Row]:
    return [(row[0], "Event", *row[1:]) for row in reads.every_event()]


def _event_actor_rows(reads: ExportReader) -> list[Row]:
    return [
        (entity_id, event_id, "SOURCE_OF" if role == "source" else "TARGET_OF", position)
        for event_id, entity_id, role, position in reads.participations()
    ]


def _telling_rows(reads: ExportReader) -> list[Row]:
    return [
        (event_id, m.doc_id, "TOLD_IN", m.start, m.end, m.trigger, m.modality, m.sentence)
        for event_id, mentions in sorted(reads.tellings(every_modality=True).items()) for m in mentions
    ]


def _mention_rows(reads: ExportReader) -> list[Row]:
    return [(entity_id, doc_id, "MENTIONED_IN", count) for entity_id, doc_id, count in reads.mention_counts()]


def _relation_rows(reads: ExportReader) -> list[Row]:
    return [
        (r.source, r.target, r.type, r.id, r.title, r.valid_from, r.valid_to, _array(r.doc_ids))
        for r in reads.relations()
    ]


_ROWS = {
    "actors.csv": _actor_rows, "documents.csv": _document_rows, "events.csv": _event_rows,
    "event_actors.csv": _event_actor_rows, "event_mentions.csv": _telling_rows,
    "mentions.csv": _mention_rows, "relations.csv": _relation_rows,
}


def _relation_types(reads: ExportReader) -> list[str]:
    """The relation types present, checked to be plain identifiers before they enter Cypher text."""
    return [t for t in reads.relation_types() if _RELATIONSHIP_TYPE.match(t)]


def _render(template: str, **values: object) -> str:
    """A text template of ``resources/export/neo4j/`` (Cypher and Markdown: no HTML escaping)."""
    env = Environment(loader=PackageLoader("chronique", "resources/export/neo4j"), autoescape=False,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    return env.get_template(template).render(**values)


def write_neo4j(store: Store, folder: Path) -> dict[str, int]:
    """Write the CSV files, ``import.cypher`` and ``README.md`` into ``folder``; rows per file."""
    folder.mkdir(parents=True, exist_ok=True)
    reads = store.exports
    written = {}
    for name, header in {**NODE_FILES, **RELATIONSHIP_FILES}.items():
        written[name] = _write_csv(folder / name, header, _ROWS[name](reads))
    values = {"node_files": list(NODE_FILES), "relationship_files": list(RELATIONSHIP_FILES),
              "actor_labels": sorted(_actor_labels().items()), "relation_types": _relation_types(reads),
              "array_delimiter": ARRAY_DELIMITER, "rows": written, "batch_rows": BATCH_ROWS}
    (folder / "import.cypher").write_text(_render("import.cypher.j2", **values), "utf-8")
    (folder / "README.md").write_text(_render("README.md.j2", **values), "utf-8")
    return written
