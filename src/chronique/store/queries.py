"""Read queries over the store, each returning small typed records in a deterministic order.

Every query binds its values as parameters; the only SQL built at run time is a run of ``?``
placeholders whose length is the number of values, never text from a caller.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from chronique.model import EXPORTED_MODALITIES, Document
from chronique.resolve import normalise_name
from chronique.store.records import EntityRow, EventMentionRow, QuoteRow, TimelineEntry

__all__ = ["COUNTED_TABLES", "counts", "entities", "find_entity", "timeline", "quotes", "document"]

#: What ``counts`` reports, in this order (names of tables, fixed here, never from a caller).
COUNTED_TABLES = (
    "documents", "entities", "mentions", "timexes", "money", "quotes", "events",
    "event_mentions", "relations",
)


def _marks(count: int) -> str:
    """``?, ?, ?`` for ``count`` bound values."""
    return ", ".join("?" * count)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table, the figures a user checks after an ingest."""
    return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in COUNTED_TABLES}


_ENTITY_ROWS = """
    SELECT e.id, e.name, e.type, e.kb_id,
           (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
           (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id) AS document_count
    FROM entities e
"""


def _entity_rows(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[EntityRow]:
    """Entity rows with their aliases, most mentioned first, then by name and id."""
    rows = conn.execute(
        f"{_ENTITY_ROWS} {where} ORDER BY mention_count DESC, e.name, e.id", tuple(params)
    ).fetchall()
    aliases: dict[str, list[str]] = {}
    for entity_id, alias in conn.execute(
        f"SELECT entity_id, alias FROM aliases WHERE entity_id IN (SELECT e.id FROM entities e {where})"
        " ORDER BY entity_id, alias",
        tuple(params),
    ):
        aliases.setdefault(entity_id, []).append(alias)
    return [
        EntityRow(id, name, type_, kb_id, tuple(aliases.get(id, ())), mentions, documents)
        for id, name, type_, kb_id, mentions, documents in rows
    ]


def entities(conn: sqlite3.Connection, entity_type: str | None = None) -> list[EntityRow]:
    """Every global entity, or those of one type."""
    if entity_type is None:
        return _entity_rows(conn, "", ())
    return _entity_rows(conn, "WHERE e.type = ?", (entity_type,))


def find_entity(conn: sqlite3.Connection, name: str) -> EntityRow | None:
    """The entity a user means by an id, a kb id, a name or an alias (normalised); the most
    mentioned one when several fit."""
    normalised = normalise_name(name)
    rows = _entity_rows(
        conn,
        "WHERE e.id = ? OR e.kb_id = ? OR e.norm_name = ?"
        " OR e.id IN (SELECT entity_id FROM aliases WHERE norm = ?)",
        (name, name, normalised, normalised),
    )
    return rows[0] if rows else None


def document(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    """The stored document, raw text included."""
    row = conn.execute(
        "SELECT id, text, date, lang, title, url, source, origin FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        return None
    id_, text, date_text, lang, title, url, source, origin = row
    return Document(id_, text, _date(date_text), lang, title, url, source, origin)


def _event_filter(
    actors: Sequence[str], dated_only: bool, include_unexported: bool, any_actor: bool = False
) -> tuple[str, list[object]]:
    """The WHERE clause (over alias ``e``) choosing a timeline's events, and its parameters."""
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    if dated_only:
        clauses.append("COALESCE(e.date_start, e.date_value) IS NOT NULL")
    if not include_unexported:
        clauses.append(f"e.modality IN ({_marks(len(EXPORTED_MODALITIES))})")
        params.extend(sorted(EXPORTED_MODALITIES))
    wanted = list(dict.fromkeys(actors))
    if wanted:
        clauses.append(
            f"e.id IN (SELECT event_id FROM event_actors WHERE entity_id IN ({_marks(len(wanted))})"
            " GROUP BY event_id HAVING COUNT(DISTINCT entity_id) >= ?)"
        )
        params.extend([*wanted, 1 if any_actor else len(wanted)])
    return " AND ".join(clauses), params


_MENTIONS_OF_EVENTS = """
    SELECT em.event_id, em.doc_id, d.date, em.start, em."end", em.trigger,
           substr(d.text, em.start + 1, em."end" - em.start),
           substr(d.text, COALESCE(em.sentence_start, s.start, em.start) + 1,
                  COALESCE(em.sentence_end, s."end", em."end")
                  - COALESCE(em.sentence_start, s.start, em.start)),
           em.modality
    FROM event_mentions em
    JOIN documents d ON d.id = em.doc_id
    JOIN events e ON e.id = em.event_id
    LEFT JOIN sentences s ON s.doc_id = em.doc_id AND em.start < s."end" AND s.start = (
        SELECT MAX(s2.start) FROM sentences s2 WHERE s2.doc_id = em.doc_id AND s2.start <= em.start)
    WHERE {where}
    ORDER BY d.date, em.doc_id, em.start, em.id
"""


def _timeline_mentions(
    conn: sqlite3.Connection, where: str, params: list[object]
) -> dict[str, list[EventMentionRow]]:
    """The mentions of the chosen events, in reading order (document date, document, offset).

    The evidence and its sentence are sliced in SQL: ``substr`` counts characters as Python does.
    """
    by_event: dict[str, list[EventMentionRow]] = {}
    for event_id, doc_id, doc_date, start, end, trigger, evidence, sentence, modality in conn.execute(
        _MENTIONS_OF_EVENTS.format(where=where), params
    ):
        by_event.setdefault(event_id, []).append(
            EventMentionRow(doc_id, _date(doc_date), start, end, trigger, evidence, sentence, modality)
        )
    return by_event


def _timeline_actors(
    conn: sqlite3.Connection, where: str, params: list[object]
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(event id, role) → [(entity id, name)] in the order the event named them."""
    actors: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for event_id, role, entity_id, name in conn.execute(
        "SELECT ea.event_id, ea.role, ea.entity_id, en.name FROM event_actors ea"
        " JOIN entities en ON en.id = ea.entity_id JOIN events e ON e.id = ea.event_id"
        f" WHERE {where} ORDER BY ea.event_id, ea.role, ea.position",
        params,
    ):
        actors.setdefault((event_id, role), []).append((entity_id, name))
    return actors


def timeline(
    conn: sqlite3.Connection,
    actors: Sequence[str] = (),
    *,
    dated_only: bool = True,
    include_unexported: bool = False,
    any_actor: bool = False,
) -> list[TimelineEntry]:
    """Events involving every given entity id (as source or target), oldest first.

    With ``any_actor``, events involving at least one of them (the story of several actors).

    Order: when it happened (``date_start``, else ``date_value``; undated last), then when it was
    first reported (document date, document id, offset), then event id.
    """
    where, params = _event_filter(actors, dated_only, include_unexported, any_actor)
    mentions = _timeline_mentions(conn, where, params)
    actor_names = _timeline_actors(conn, where, params)
    entries = []
    for row in conn.execute(
        "SELECT e.id, e.type, e.date_value, e.date_start, e.date_end, e.amount, e.currency,"
        f" e.modality, e.score FROM events e WHERE {where}",
        params,
    ):
        event_id = row[0]
        sources = actor_names.get((event_id, "source"), [])
        targets = actor_names.get((event_id, "target"), [])
        entries.append(TimelineEntry(
            event_id, row[1], row[2], row[3], row[4],
            tuple(name for _, name in sources), tuple(name for _, name in targets),
            tuple(id_ for id_, _ in sources), tuple(id_ for id_, _ in targets),
            row[5], row[6], row[7], row[8], tuple(mentions.get(event_id, ())),
        ))
    return sorted(entries, key=_timeline_order)


def _timeline_order(entry: TimelineEntry) -> tuple[object, ...]:
    when = entry.date_start or entry.date_value
    first = entry.mentions[0] if entry.mentions else None
    reported = (first.doc_date is None, first.doc_date or date.min, first.doc_id, first.start) if first else ()
    return (when is None, when or "", reported, entry.event_id)


def quotes(conn: sqlite3.Connection, by: str | None = None, about: str | None = None) -> list[QuoteRow]:
    """Quotes, optionally by one speaker and/or about one entity (entity ids), in reading order."""
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    if by is not None:
        clauses.append("q.speaker = ?")
        params.append(by)
    if about is not None:
        clauses.append("q.about = ?")
        params.append(about)
    rows = conn.execute(
        'SELECT q.doc_id, d.date, q.start, q."end", q.text, q.speaker, en.name, q.cue, q.about'
        " FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN entities en ON en.id = q.speaker"
        f" WHERE {' AND '.join(clauses)} ORDER BY d.date, q.doc_id, q.start, q.id",
        params,
    )
    return [
        QuoteRow(doc_id, _date(doc_date), start, end, text, speaker, name, cue, about_)
        for doc_id, doc_date, start, end, text, speaker, name, cue, about_ in rows
    ]
