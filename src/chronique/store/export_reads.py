"""The reads the export formats make (``chronique.export``), each in a fixed, deterministic order.

The exports are faces: they format what they are given and never see SQL. What they need of
the store is here, reached through ``Store.exports`` (an :class:`ExportReader`):

- whole tables, as the table exports (Parquet, CSV) copy them: :meth:`ExportReader.table`;
- the events of the event-data formats (GDELT, PLOVER), their actors and their tellings with the
  sentence that tells them: :meth:`~ExportReader.events`, :meth:`~ExportReader.event_actors`,
  :meth:`~ExportReader.tellings`;
- the tellings of chosen events (TimelineJS slides): :meth:`~ExportReader.tellings_of`;
- the dates of events (GEXF spells): :meth:`~ExportReader.event_intervals`;
- the rows of the Neo4j copy: actors with their counts, documents, events, who took part,
  mentions per document, relations with the documents that state them.

Only fixed SQL runs here; the clauses built at run time are the period filter and the list of
event ids, made of fixed text with the values bound as parameters.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from chronique.model import EXPORTED_MODALITIES

__all__ = [
    "TABLES", "ExportedMention", "Table", "EventRow", "EventActorRow", "ActorCounts", "RelationRow",
    "ExportReader", "event_filter",
]

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


@dataclass(frozen=True)
class Table:
    """One exported table: its columns, each column's declared SQLite type (``TEXT``,
    ``INTEGER``, ``REAL``; so that even an empty table exports typed columns), and its rows."""

    name: str
    columns: tuple[str, ...]
    types: dict[str, str]
    rows: list[tuple[object, ...]]


@dataclass(frozen=True)
class ExportedMention:
    """One article's telling of an event, with what a reader needs to find and cite it."""

    doc_id: str
    doc_date: str | None
    title: str | None
    url: str | None
    source: str | None
    lang: str | None
    start: int
    end: int
    trigger: str
    sentence: str
    modality: str
    sentence_start: int  # the sentence's offsets in the article (the evidence's when unknown)
    sentence_end: int
    in_lead: bool  # told in the article's first paragraph (no line break before it)


@dataclass(frozen=True)
class EventRow:
    """An event's own values, as the event-data formats write them."""

    id: str
    type: str
    date_value: str | None
    date_start: str | None
    date_end: str | None
    amount: float | None
    currency: str | None
    modality: str
    score: float | None
    cameo: str | None
    plover: str | None


@dataclass(frozen=True)
class EventActorRow:
    """A participant of an event (``role`` is ``source`` or ``target``), as its global entity."""

    event_id: str
    role: str
    entity_id: str
    name: str
    type: str
    kb_id: str | None


@dataclass(frozen=True)
class ActorCounts:
    """An entity with its aliases and how often it is mentioned, in how many documents."""

    id: str
    name: str
    type: str
    kb_id: str | None
    aliases: tuple[str, ...]
    mentions: int
    documents: int


@dataclass(frozen=True)
class RelationRow:
    """A relation between two entities, with the documents that state it (sorted)."""

    id: str
    type: str
    source: str
    target: str
    title: str | None
    valid_from: str | None
    valid_to: str | None
    doc_ids: tuple[str, ...]


def event_filter(start: date | None = None, end: date | None = None) -> tuple[str, list[object]]:
    """The WHERE clause (over alias ``e``) choosing the exported events, and its parameters.

    Only events of an exported modality (:data:`~chronique.model.EXPORTED_MODALITIES`). With a
    period, an event is kept when its date interval overlaps it; undated events are then left
    out, since nothing says they happened in the period.
    """
    clauses = [f"e.modality IN ({', '.join('?' * len(EXPORTED_MODALITIES))})"]
    params: list[object] = list(sorted(EXPORTED_MODALITIES))
    if start is not None:
        clauses.append("COALESCE(e.date_end, e.date_start) >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append("e.date_start <= ?")
        params.append(end.isoformat())
    return " AND ".join(clauses), params


_ACTORS = """
    SELECT ea.event_id, ea.role, en.id, en.name, en.type, en.kb_id
    FROM event_actors ea JOIN entities en ON en.id = ea.entity_id JOIN events e ON e.id = ea.event_id
    WHERE {where} ORDER BY ea.event_id, ea.role, ea.position
"""

# The sentence is the stored one, else the sentence row that holds the evidence, else the
# evidence itself (``substr`` counts characters as Python does).
_MENTIONS = """
    SELECT em.event_id, em.doc_id, d.date, d.title, d.url, d.source, d.lang, em.start, em."end",
           em.trigger,
           substr(d.text, COALESCE(em.sentence_start, s.start, em.start) + 1,
                  COALESCE(em.sentence_end, s."end", em."end")
                  - COALESCE(em.sentence_start, s.start, em.start)),
           em.modality,
           COALESCE(em.sentence_start, s.start, em.start), COALESCE(em.sentence_end, s."end", em."end"),
           instr(substr(d.text, 1, em.start), char(10)) = 0
    FROM event_mentions em
    JOIN documents d ON d.id = em.doc_id
    JOIN events e ON e.id = em.event_id
    LEFT JOIN sentences s ON s.doc_id = em.doc_id AND em.start < s."end" AND s.start = (
        SELECT MAX(s2.start) FROM sentences s2 WHERE s2.doc_id = em.doc_id AND s2.start <= em.start)
    WHERE {where}
    ORDER BY d.date, em.doc_id, em.start, em.id
"""

_EVENTS = """
    SELECT e.id, e.type, e.date_value, e.date_start, e.date_end, e.amount, e.currency, e.modality,
           e.score, e.cameo, e.plover
    FROM events e WHERE {where}
    ORDER BY e.date_start IS NULL, e.date_start, e.date_value, e.id
"""

#: Event ids bound per query (SQLite allows 999 parameters in older builds).
_ID_CHUNK = 500

#: SQLite declares these column types; anything else is left to the reader.
_DECLARED_TYPES = frozenset({"TEXT", "INTEGER", "REAL"})


def _telling(row: tuple[Any, ...]) -> ExportedMention:
    """A row of ``_MENTIONS`` (event id first, the lead flag last) as a telling."""
    (_, doc_id, doc_date, title, url, source, lang, start, end, trigger, sentence, modality,
     sentence_start, sentence_end, in_lead) = row
    return ExportedMention(doc_id, doc_date, title, url, source, lang, start, end, trigger, sentence, modality,
                           sentence_start, sentence_end, bool(in_lead))


class ExportReader:
    """The export reads over one open connection (get one with ``Store.exports``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # -- whole tables ------------------------------------------------------------------------

    def table(self, name: str) -> Table:
        """Every row of one table of :data:`TABLES`, in its fixed order."""
        cursor = self._conn.execute(TABLES[name])
        columns = tuple(column[0] for column in cursor.description)
        rows = cursor.fetchall()
        types = {row[1]: row[2] for row in self._conn.execute(f"PRAGMA table_info({name})")
                 if row[2] in _DECLARED_TYPES}
        return Table(name, columns, types, rows)

    # -- event-data formats ----------------------------------------------------------------------

    def events(self, start: date | None = None, end: date | None = None) -> list[EventRow]:
        """Exported-modality events (overlapping the period, if given), oldest first, undated last."""
        where, params = event_filter(start, end)
        return [EventRow(*row) for row in self._conn.execute(_EVENTS.format(where=where), params)]

    def event_actors(
        self, start: date | None = None, end: date | None = None
    ) -> dict[tuple[str, str], list[EventActorRow]]:
        """(event id, role) → the participants in position order, for the events ``events`` gives."""
        where, params = event_filter(start, end)
        actors: dict[tuple[str, str], list[EventActorRow]] = {}
        for row in self._conn.execute(_ACTORS.format(where=where), params):
            actors.setdefault((row[0], row[1]), []).append(EventActorRow(*row))
        return actors

    def tellings(
        self, start: date | None = None, end: date | None = None, *, every_modality: bool = False
    ) -> dict[str, list[ExportedMention]]:
        """Event id → its tellings in reading order, for the events ``events`` gives (every
        event, whatever its modality or date, with ``every_modality``)."""
        where, params = ("1 = 1", []) if every_modality else event_filter(start, end)
        mentions: dict[str, list[ExportedMention]] = {}
        for row in self._conn.execute(_MENTIONS.format(where=where), params):
            mentions.setdefault(row[0], []).append(_telling(row))
        return mentions

    def tellings_of(self, event_ids: list[str]) -> dict[str, list[ExportedMention]]:
        """Event id → its tellings in reading order, for the given events (any modality)."""
        mentions: dict[str, list[ExportedMention]] = {}
        for chunk_start in range(0, len(event_ids), _ID_CHUNK):
            chunk = event_ids[chunk_start:chunk_start + _ID_CHUNK]
            where = f"em.event_id IN ({', '.join('?' * len(chunk))})"
            for row in self._conn.execute(_MENTIONS.format(where=where), chunk):
                mentions.setdefault(row[0], []).append(_telling(row))
        return mentions

    def event_intervals(self) -> dict[str, tuple[str, str]]:
        """Event id → (first day, last day) of when it happened, for the dated events."""
        return {
            event_id: (start, end or start)
            for event_id, start, end in self._conn.execute(
                "SELECT id, date_start, date_end FROM events WHERE date_start IS NOT NULL")
        }

    # -- the graph copy (Neo4j) --------------------------------------------------------------

    def actors(self) -> list[ActorCounts]:
        """Every entity by id, with its aliases (sorted) and its mention and document counts."""
        aliases: dict[str, list[str]] = {}
        for entity_id, alias in self._conn.execute("SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias"):
            aliases.setdefault(entity_id, []).append(alias)
        rows = self._conn.execute(
            "SELECT e.id, e.name, e.type, e.kb_id, COUNT(m.entity_id), COUNT(DISTINCT m.doc_id)"
            " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id ORDER BY e.id"
        )
        return [ActorCounts(id_, name, type_, kb_id, tuple(aliases.get(id_, ())), mentions, documents)
                for id_, name, type_, kb_id, mentions, documents in rows]

    def documents(self) -> list[tuple[str, str | None, str | None, str | None, str | None, str | None, str]]:
        """(id, date, lang, title, url, source, text) of every document, by date then id."""
        return self._conn.execute(
            "SELECT id, date, lang, title, url, source, text FROM documents ORDER BY date, id").fetchall()

    def every_event(self) -> list[tuple[object, ...]]:
        """(id, type, date_value, date_start, date_end, amount, currency, modality, score, cameo,
        plover) of every event, whatever its modality, by id."""
        return self._conn.execute(
            "SELECT id, type, date_value, date_start, date_end, amount, currency, modality, score, cameo,"
            " plover FROM events ORDER BY id").fetchall()

    def participations(self) -> list[tuple[str, str, str, int]]:
        """(event id, entity id, role, position) of every participant, by event, role, position."""
        return self._conn.execute(
            "SELECT event_id, entity_id, role, position FROM event_actors ORDER BY event_id, role, position"
        ).fetchall()

    def mention_counts(self) -> list[tuple[str, str, int]]:
        """(entity id, document id, mentions) for every entity named in a document."""
        return self._conn.execute(
            "SELECT entity_id, doc_id, COUNT(*) FROM mentions GROUP BY entity_id, doc_id"
            " ORDER BY entity_id, doc_id").fetchall()

    def relations(self) -> list[RelationRow]:
        """Every relation by id, with the documents that state it."""
        evidence: dict[str, list[str]] = {}
        for relation_id, doc_id in self._conn.execute(
            "SELECT DISTINCT relation_id, doc_id FROM relation_evidence ORDER BY relation_id, doc_id"
        ):
            evidence.setdefault(relation_id, []).append(doc_id)
        return [
            RelationRow(id_, type_, source, target, title, valid_from, valid_to, tuple(evidence.get(id_, ())))
            for id_, type_, source, target, title, valid_from, valid_to in self._conn.execute(
                "SELECT id, type, source, target, title, valid_from, valid_to FROM relations ORDER BY id")
        ]

    def relation_types(self) -> list[str]:
        """The relation types present, sorted."""
        return [row[0] for row in self._conn.execute("SELECT DISTINCT type FROM relations ORDER BY type")]
