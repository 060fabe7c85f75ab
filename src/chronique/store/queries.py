"""Read queries over the store, each returning small typed records in a deterministic order.

Every query binds its values as parameters; the only SQL built at run time is a run of ``?``
placeholders whose length is the number of values, never text from a caller.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from chronique.errors import InvalidOptionError
from chronique.identity.entities import normalise_name
from chronique.model import Document
from chronique.store.dialect import is_postgres, one_plan
from chronique.store.records import (
    EntityRow,
    EventMentionRow,
    Evidence,
    QuoteRow,
    RelationRow,
    TimelineEntry,
)
from chronique.store.selection import EventFilter, select_event_ids

__all__ = [
    "COUNTED_TABLES", "counts", "entities", "entities_by_ids", "entity_names", "find_entity", "find_entity_id",
    "timeline", "timeline_event_ids",
    "events_by_ids", "quotes", "quotes_after", "QuoteCursor", "relations", "document",
]

#: What ``counts`` reports, in this order (names of tables, fixed here, never from a caller).
COUNTED_TABLES = (
    "documents", "entities", "mentions", "timexes", "money", "quotes", "events",
    "event_mentions", "relations",
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table, the figures a user checks after an ingest."""
    return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in COUNTED_TABLES}


#: Entities with their running totals (``store.aggregates``): one row read per entity, never
#: its mentions.
_ENTITY_ROWS = """
    SELECT e.id, e.name, e.type, e.kb_id, COALESCE(s.mentions, 0) AS mention_count,
           COALESCE(s.documents, 0) AS document_count
    FROM entities e LEFT JOIN entity_stats s ON s.entity_id = e.id
"""


def _entity_rows(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[EntityRow]:
    """Entity rows with their aliases, most mentioned first, then by name and id (the two reads
    sent at once on PostgreSQL: see :func:`_rows_together`)."""
    rows, alias_rows = _rows_together(conn, [
        (f"{_ENTITY_ROWS} {where} ORDER BY mention_count DESC, e.name, e.id", tuple(params)),
        (f"SELECT entity_id, alias FROM aliases WHERE entity_id IN (SELECT e.id FROM entities e {where})"
         " ORDER BY entity_id, alias", tuple(params)),
    ])
    aliases: dict[str, list[str]] = {}
    for entity_id, alias in alias_rows:
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


def entities_by_ids(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> list[EntityRow]:
    """The entities with these ids (unknown ids are skipped), most mentioned first."""
    return _entity_rows(conn, "WHERE e.id IN (SELECT value FROM json_each(?))",
                        (json.dumps(list(dict.fromkeys(entity_ids))),))


#: The entities a user may mean by what they typed: an id, a kb id, a name or an alias. One
#: index look-up each (a chain of ``OR`` with a subquery made PostgreSQL scan every entity).
_NAMED = (
    "WHERE e.id IN (SELECT ? UNION ALL SELECT id FROM entities WHERE kb_id = ?"
    " UNION ALL SELECT id FROM entities WHERE norm_name = ?"
    " UNION ALL SELECT entity_id FROM aliases WHERE norm = ?)"
)


def _named_params(name: str) -> tuple[str, str, str, str]:
    normalised = normalise_name(name)
    return (name, name, normalised, normalised)


def find_entity(conn: sqlite3.Connection, name: str) -> EntityRow | None:
    """The entity a user means by an id, a kb id, a name or an alias (normalised); the most
    mentioned one when several fit."""
    rows = _entity_rows(conn, _NAMED, _named_params(name))
    return rows[0] if rows else None


#: The id :func:`find_entity` gives (its order: most mentioned, then name and id), in one statement.
_FOUND_ID = one_plan(
    f"SELECT e.id FROM entities e LEFT JOIN entity_stats s ON s.entity_id = e.id {_NAMED}"
    " ORDER BY COALESCE(s.mentions, 0) DESC, e.name, e.id LIMIT 1")


def find_entity_id(conn: sqlite3.Connection, name: str) -> str | None:
    """The id :func:`find_entity` would give, without reading aliases."""
    row = conn.execute(_FOUND_ID, _named_params(name)).fetchone()
    return row[0] if row else None


_ENTITY_NAMES = one_plan("SELECT id, name, type, kb_id FROM entities WHERE id IN (SELECT value FROM json_each(?))")


def entity_names(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> dict[str, tuple[str, str, str | None]]:
    """Entity id → (name, type, kb id), without counting anything."""
    return {row[0]: row[1:] for row in conn.execute(_ENTITY_NAMES, (json.dumps(list(dict.fromkeys(entity_ids))),))}


def document(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    """The stored document, raw text included."""
    row = conn.execute(
        "SELECT id, text, date, lang, title, url, source, origin FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        return None
    id_, text, date_text, lang, title, url, source, origin = row
    return Document(id_, text, _date(date_text), lang, title, url, source, origin)


#: The events whose ids are given as one JSON array: one parameter however many ids.
_CHOSEN = "IN (SELECT value FROM json_each(?))"

_MENTIONS_OF_EVENTS = one_plan(f"""
    SELECT em.event_id, em.doc_id, d.date, em.start, em."end", em.trigger,
           substr(d.text, em.start + 1, em."end" - em.start),
           substr(d.text, COALESCE(em.sentence_start, s.start, em.start) + 1,
                  COALESCE(em.sentence_end, s."end", em."end")
                  - COALESCE(em.sentence_start, s.start, em.start)),
           em.modality
    FROM event_mentions em
    JOIN documents d ON d.id = em.doc_id
    LEFT JOIN sentences s ON s.doc_id = em.doc_id AND em.start < s."end"
        AND s.start = (SELECT MAX(s2.start) FROM sentences s2
                       WHERE em.sentence_start IS NULL AND s2.doc_id = em.doc_id AND s2.start <= em.start)
    WHERE em.event_id {_CHOSEN}
    ORDER BY d.date, em.doc_id, em.start, em.id
""")
#: The actors of the chosen events, in the order each event names them.
_ACTORS_OF_EVENTS = one_plan(
    f"SELECT event_id, role, entity_id FROM event_actors WHERE event_id {_CHOSEN} ORDER BY event_id, role, position")
#: Their names (what ``_ACTORS_OF_EVENTS`` would give ``entity_names``), for a batch sent at once.
_NAMES_OF_ACTORS = one_plan(
    f"SELECT id, name, type, kb_id FROM entities WHERE id IN (SELECT entity_id FROM event_actors WHERE event_id {_CHOSEN})")
_EVENT_ROWS = one_plan(
    "SELECT e.id, e.type, e.date_value, e.date_start, e.date_end, e.amount, e.currency,"
    f" e.modality, e.score FROM events e WHERE e.id {_CHOSEN}")


def _timeline_mentions(rows: Iterable[Sequence[Any]]) -> dict[str, list[EventMentionRow]]:
    """The mentions of the chosen events (rows of ``_MENTIONS_OF_EVENTS``), in reading order
    (document date, document, offset).

    The evidence and its sentence are sliced in SQL: ``substr`` counts characters as Python does.
    The stored sentences are looked up only for a mention stored without its sentence's bounds
    (the test sits in the subquery: as a join condition PostgreSQL probed the sentences first).
    """
    by_event: dict[str, list[EventMentionRow]] = {}
    for event_id, doc_id, doc_date, start, end, trigger, evidence, sentence, modality in rows:
        by_event.setdefault(event_id, []).append(
            EventMentionRow(doc_id, _date(doc_date), start, end, trigger, evidence, sentence, modality)
        )
    return by_event


def _timeline_actors(
    rows: Sequence[Sequence[Any]], names: dict[str, str]
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(event id, role) → [(entity id, name)] in the order the event named them (rows of
    ``_ACTORS_OF_EVENTS``). Names are read once per actor, not once per event (a pair of
    much-covered actors shares thousands)."""
    actors: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for event_id, role, entity_id in rows:
        actors.setdefault((event_id, role), []).append((entity_id, names.get(entity_id, entity_id)))
    return actors


def _rows_together(conn: sqlite3.Connection, statements: list[tuple[str, Sequence[object]]]) -> list[list[Any]]:
    """The rows of each of several reads that do not depend on one another: on PostgreSQL sent
    to the server at once (``PgConnection.rows_together``: one round trip, where each costs
    0.1–0.3 ms, more on a busy server), on SQLite one after the other."""
    together = getattr(conn, "rows_together", None)
    if together is not None:
        return list(together(statements))
    return [conn.execute(sql, params).fetchall() for sql, params in statements]


def _rows_of_events(conn: sqlite3.Connection, chosen: str) -> tuple[list[Any], list[Any], dict[str, str], list[Any]]:
    """The mentions, actors, actors' names and rows of the chosen events: the four reads sent at
    once on PostgreSQL (:func:`_rows_together`); SQLite reads the names of the actors it found
    (one look-up each, where the names of the chosen events' actors would read those again)."""
    if is_postgres(conn):
        mentions, actors, names, events = _rows_together(
            conn, [(sql, (chosen,)) for sql in (_MENTIONS_OF_EVENTS, _ACTORS_OF_EVENTS, _NAMES_OF_ACTORS, _EVENT_ROWS)])
    else:
        mentions = conn.execute(_MENTIONS_OF_EVENTS, (chosen,)).fetchall()
        actors = conn.execute(_ACTORS_OF_EVENTS, (chosen,)).fetchall()
        names = conn.execute(_ENTITY_NAMES, (json.dumps(list(dict.fromkeys(row[2] for row in actors))),)).fetchall()
        events = conn.execute(_EVENT_ROWS, (chosen,)).fetchall()
    return mentions, actors, {row[0]: row[1] for row in names}, events


def events_by_ids(conn: sqlite3.Connection, event_ids: Iterable[str]) -> list[TimelineEntry]:
    """The timeline entries of these events (unknown ids are skipped), in timeline order."""
    mention_rows, actor_rows, names, event_rows = _rows_of_events(conn, json.dumps(list(dict.fromkeys(event_ids))))
    mentions = _timeline_mentions(mention_rows)
    actor_names = _timeline_actors(actor_rows, names)
    entries = []
    for row in event_rows:
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


def timeline_event_ids(
    conn: sqlite3.Connection,
    actors: Sequence[str] = (),
    *,
    dated_only: bool = True,
    include_unexported: bool = False,
    any_actor: bool = False,
    start: date | None = None,
    end: date | None = None,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
) -> list[str]:
    """The ids of the events a :func:`timeline` with the same arguments lists: all of them in no
    order, or with ``limit`` one page in timeline order (see ``store.selection``); ``after``:
    only the events after that event in timeline order."""
    spec = EventFilter(tuple(dict.fromkeys(actors)), any_actor, start, end, dated_only, include_unexported,
                       None if after is None else _timeline_cursor(conn, after))
    return select_event_ids(conn, spec, limit=limit, offset=offset)


def _timeline_cursor(conn: sqlite3.Connection, event_id: str) -> tuple[str | None, str]:
    """``(when, id)`` of the event a page ends with (``store.selection`` pages after it)."""
    row = conn.execute("SELECT COALESCE(date_start, date_value) FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        raise InvalidOptionError(f"no event {event_id!r}: a timeline's 'after' is the id of the last event of a page")
    return row[0], event_id


def timeline(
    conn: sqlite3.Connection,
    actors: Sequence[str] = (),
    *,
    dated_only: bool = True,
    include_unexported: bool = False,
    any_actor: bool = False,
    start: date | None = None,
    end: date | None = None,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
) -> list[TimelineEntry]:
    """Events involving every given entity id (as source or target), oldest first.

    With ``any_actor``, events involving at least one of them (the story of several actors).
    With ``start`` and/or ``end``, events whose interval (``date_start``..``date_end``) overlaps
    that period.

    Order: when it happened (``date_start``, else ``date_value``; undated last), then when it was
    first reported (document date, document id, offset), then event id. With ``limit``, one
    page: pages are cut, and listed, in the order of dates then event ids
    (:attr:`TimelineEntry.page_key`), so that pages followed one after another, by ``offset`` or
    by ``after`` = the id of a page's last event, list every event once and in one order; events
    of one day may then come in another order than in the whole timeline.
    """
    ids = timeline_event_ids(
        conn, actors, dated_only=dated_only, include_unexported=include_unexported,
        any_actor=any_actor, start=start, end=end, limit=limit, offset=offset, after=after,
    )
    entries = events_by_ids(conn, ids)
    return entries if limit is None else sorted(entries, key=lambda entry: entry.page_key)


def _timeline_order(entry: TimelineEntry) -> tuple[object, ...]:
    when = entry.date_start or entry.date_value
    first = entry.mentions[0] if entry.mentions else None
    reported = (first.doc_date is None, first.doc_date or date.min, first.doc_id, first.start) if first else ()
    return (when is None, when or "", reported, entry.event_id)


#: Quotes about an entity (``store.quote_about``: named by the speech verb, or in the quote's
#: sentence by someone else), as a set (index ``quote_about_by_entity``) or one quote at a time
#: (its primary key), with the speaker's condition when there is one.
_ABOUT_SET = "q.id IN (SELECT qa.quote_id FROM quote_about qa WHERE qa.entity_id = ?{speaker})"
_ABOUT_ONE = "EXISTS (SELECT 1 FROM quote_about qa WHERE qa.quote_id = q.id AND qa.entity_id = ?)"


def _quote_filter(by: str | None, about: str | None, one_by_one: bool = False) -> tuple[str, list[object]]:
    """The WHERE clause and values of :func:`quotes` (``one_by_one``: the "about" test as a
    per-quote check rather than a set)."""
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    if by is not None and (about is None or one_by_one):
        # (As a set, "about" carries the speaker: the quotes are then the set's, found by id,
        # not every quote of the speaker tested against it.)
        clauses.append("q.speaker = ?")
        params.append(by)
    if about is not None:
        if one_by_one:
            clauses.append(_ABOUT_ONE)
            params.append(about)
        else:
            clauses.append(_ABOUT_SET.format(speaker="" if by is None else " AND qa.speaker = ?"))
            params += [about] if by is None else [about, by]
    return " AND ".join(clauses), params


def _quotes_by_date_first(conn: sqlite3.Connection, by: str | None, about: str | None, limit: int | None) -> bool:
    """Whether a page of quotes is found sooner by walking the documents in date order than by
    sorting every matching quote. A much-quoted actor speaks in one article out of seven: the
    newest ten are among the newest hundred articles, while sorting all 14,000 of them by their
    article's date reads 14,000 documents (about 200 ms). A rarely quoted one is the reverse.
    How many quotes match is counted from one index range (the speaker's quotes, or the quotes
    about the subject, by the speaker when given: ``quote_about_by_entity``)."""
    if limit is None or (by is None and about is None):
        return False
    if about is not None:
        speaker, values = ("", (about,)) if by is None else (" AND speaker = ?", (about, by))
        matching = conn.execute(f"SELECT COUNT(*) FROM quote_about WHERE entity_id = ?{speaker}", values).fetchone()[0]
    else:
        matching = conn.execute("SELECT COUNT(*) FROM quotes WHERE speaker = ?", (by,)).fetchone()[0]
    documents = conn.execute("SELECT MAX(rowid) FROM documents").fetchone()[0] or 0
    return matching * matching > limit * documents


def quotes(
    conn: sqlite3.Connection,
    by: str | None = None,
    about: str | None = None,
    *,
    limit: int | None = None,
    newest_first: bool = False,
    offset: int = 0,
) -> list[QuoteRow]:
    """Quotes, optionally by one speaker and/or about one entity (entity ids), in reading order
    (``newest_first``: the reverse), at most ``limit`` of them after the first ``offset``."""
    return quotes_after(conn, by, about, limit=limit, newest_first=newest_first, offset=offset)[0]


#: Where a walk through quotes in reading order stopped: the last quote's article date, article,
#: start and id (the sort key of :func:`quotes`).
QuoteCursor = tuple[str | None, str, int, int]


def _after_clause(after: QuoteCursor | None, newest_first: bool, column: str) -> tuple[str, list[object]]:
    """The quotes past ``after`` in the walk's order, the article's date read from ``column``
    (dates compared apart, so that an index walk starts at the cursor's date; an undated
    article sorts first)."""
    if after is None:
        return "", []
    day, doc_id, start, quote_id = after
    beyond = "<" if newest_first else ">"
    rest = f"(q.doc_id, q.start, q.id) {beyond} (?, ?, ?)"
    if day is None:
        clause = (f" AND ({column} IS NULL AND {rest})" if newest_first
                  else f" AND ({column} IS NOT NULL OR {rest})")
        return clause, [doc_id, start, quote_id]
    later = f"({column} {beyond} ? OR {column} IS NULL)" if newest_first else f"{column} {beyond} ?"
    return f" AND ({later} OR ({column} = ? AND {rest}))", [day, day, doc_id, start, quote_id]


def quotes_after(
    conn: sqlite3.Connection, by: str | None = None, about: str | None = None, *, limit: int | None = None,
    newest_first: bool = False, offset: int = 0, after: QuoteCursor | None = None,
) -> tuple[list[QuoteRow], QuoteCursor | None]:
    """:func:`quotes` from past ``after`` (a cursor this function returned), and the cursor of
    the last quote read (``None`` when none was): a walk in chunks reads each quote once, where
    growing offsets would walk the first ones again at each chunk."""
    by_speaker = by is not None and about is None
    date_first = not by_speaker and _quotes_by_date_first(conn, by, about, limit)
    where, params = _quote_filter(by, about, one_by_one=date_first)
    # The article's date is on the quote since m010: only the walk by date reads the articles.
    day = "d.date" if date_first else "q.date"
    beyond, beyond_params = _after_clause(after, newest_first, day)
    order = "DESC" if newest_first else "ASC"
    # Either way the same order; walking ``documents_by_date`` (CROSS JOIN keeps the documents
    # outside) stops after ``limit`` quotes instead of sorting them all.
    # (``quotes_by_doc`` named: with the statistics of a big store SQLite would otherwise read
    # every quote of the speaker for each article.)
    # One speaker's quotes are one range of ``quotes_by_speaker_date``, already in this order.
    source = ("documents d INDEXED BY documents_by_date CROSS JOIN quotes q INDEXED BY quotes_by_doc ON q.doc_id = d.id"
              if date_first else "quotes q INDEXED BY quotes_by_speaker_date" if by_speaker else "quotes q")
    params += [*beyond_params, -1 if limit is None else limit, offset]  # SQLite: a negative limit is no limit
    rows = conn.execute(
        f'SELECT q.doc_id, {day}, q.start, q."end", q.text, q.speaker, en.name, q.cue, q.about, q.id'
        f" FROM {source} LEFT JOIN entities en ON en.id = q.speaker"
        f" WHERE {where}{beyond}"
        f" ORDER BY {day} {order}, q.doc_id {order}, q.start {order}, q.id {order} LIMIT ? OFFSET ?",
        params,
    ).fetchall()
    cursor: QuoteCursor | None = (rows[-1][1], rows[-1][0], rows[-1][2], rows[-1][9]) if rows else None
    return [
        QuoteRow(doc_id, _date(doc_date), start, end, text, speaker, name, cue, about_)
        for doc_id, doc_date, start, end, text, speaker, name, cue, about_, _ in rows
    ], cursor


def quotes_said_as(
    conn: sqlite3.Connection, keys: Iterable[tuple[str | None, str]], about: str | None = None,
) -> list[QuoteRow]:
    """Every quote of each ``(speaker, said_key)`` (``quote_reads.said_key``; speaker ``None``:
    no speaker), about ``about`` when given, in reading order: all the reports of one page of
    quotes, each key an index range (``quotes_by_speaker_key``)."""
    rows: list[QuoteRow] = []
    for speaker, key in keys:
        where, params = _quote_filter(speaker, about, one_by_one=True)
        if speaker is None:
            where += " AND q.speaker IS NULL"
        rows += [
            QuoteRow(doc_id, _date(doc_date), start, end, text, speaker_, name, cue, about_)
            for doc_id, doc_date, start, end, text, speaker_, name, cue, about_ in conn.execute(
                'SELECT q.doc_id, d.date, q.start, q."end", q.text, q.speaker, en.name, q.cue, q.about'
                " FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN entities en ON en.id = q.speaker"
                f" WHERE q.said_key = ? AND {where}",
                [key, *params],
            )
        ]
    return sorted(rows, key=lambda r: (r.doc_date or date.max, r.doc_id, r.start))


_RELATIONS = f"""
    SELECT r.id, r.type, r.source, src.name, r.target, tgt.name, r.title, r.valid_from, r.valid_to
    FROM relations r JOIN entities src ON src.id = r.source JOIN entities tgt ON tgt.id = r.target
    WHERE r.source {_CHOSEN} {{joint}} r.target {_CHOSEN}
    ORDER BY r.type, src.name, tgt.name, r.title, r.id
"""

_RELATION_EVIDENCE = f"""
    WITH ranked AS (
        SELECT ev.rowid AS evidence_row, ROW_NUMBER() OVER (
                   PARTITION BY ev.relation_id ORDER BY d.date, ev.doc_id, ev.start, ev.rowid) AS position
        FROM relation_evidence ev JOIN documents d ON d.id = ev.doc_id
        WHERE ev.relation_id {_CHOSEN}
    )
    SELECT ev.relation_id, ev.doc_id, d.date, ev.start, ev."end",
           substr(d.text, ev.start + 1, ev."end" - ev.start),
           substr(d.text, COALESCE(s.start, ev.start) + 1,
                  COALESCE(s."end", ev."end") - COALESCE(s.start, ev.start))
    FROM ranked
    JOIN relation_evidence ev ON ev.rowid = ranked.evidence_row
    JOIN documents d ON d.id = ev.doc_id
    LEFT JOIN sentences s ON s.doc_id = ev.doc_id AND ev.start < s."end" AND s.start = (
        SELECT MAX(s2.start) FROM sentences s2 WHERE s2.doc_id = ev.doc_id AND s2.start <= ev.start)
    WHERE ranked.position <= ?
    ORDER BY ev.relation_id, ranked.position
"""


#: The first tellings of one much-told relation: the documents walked in date order until
#: ``limit`` of them tell it (each a correlated probe: as a join, SQLite builds a Bloom filter
#: over the relation's every telling first, 50 ms for one told 65,000 times), then those
#: documents' tellings, in the order ``_RELATION_EVIDENCE`` ranks.
_FIRST_TELLINGS = """
    SELECT ev.rowid FROM relation_evidence ev INDEXED BY relation_evidence_by_doc JOIN documents d ON d.id = ev.doc_id
    WHERE ev.relation_id = ? AND ev.doc_id IN (
        SELECT d2.id FROM documents d2 INDEXED BY documents_by_date
        WHERE EXISTS (SELECT 1 FROM relation_evidence e2 INDEXED BY relation_evidence_by_doc
                      WHERE e2.doc_id = d2.id AND e2.relation_id = ?)
        ORDER BY d2.date, d2.id LIMIT ?)
    ORDER BY d.date, ev.doc_id, ev.start, ev.rowid LIMIT ?
"""

_EVIDENCE_ROWS = f"""
    SELECT ev.relation_id, ev.doc_id, d.date, ev.start, ev."end",
           substr(d.text, ev.start + 1, ev."end" - ev.start),
           substr(d.text, COALESCE(s.start, ev.start) + 1,
                  COALESCE(s."end", ev."end") - COALESCE(s.start, ev.start))
    FROM relation_evidence ev
    JOIN documents d ON d.id = ev.doc_id
    LEFT JOIN sentences s ON s.doc_id = ev.doc_id AND ev.start < s."end" AND s.start = (
        SELECT MAX(s2.start) FROM sentences s2 WHERE s2.doc_id = ev.doc_id AND s2.start <= ev.start)
    WHERE ev.rowid {_CHOSEN}
    ORDER BY ev.relation_id, d.date, ev.doc_id, ev.start, ev.rowid
"""


def _much_told(conn: sqlite3.Connection, totals: dict[str, int], limit: int | None) -> list[str]:
    """The relations whose first ``limit`` tellings are found sooner by walking the documents in
    date order than by ranking all of them: a much-covered CEO's role is told in 6,000 articles,
    whose dates cost 50 ms to read and sort, while the first three are among the first fifty."""
    if limit is None:
        return []
    documents = conn.execute("SELECT MAX(rowid) FROM documents").fetchone()[0] or 0
    return sorted(rid for rid, total in totals.items() if total * total > limit * documents)


def _relation_evidence(
    conn: sqlite3.Connection, relation_ids: list[str], totals: dict[str, int], limit: int | None,
) -> dict[str, list[Evidence]]:
    """Relation id → its tellings in reading order (the first ``limit`` only, when given)."""
    walked = _much_told(conn, totals, limit)
    ranked = json.dumps([rid for rid in relation_ids if rid not in set(walked)])
    rows = conn.execute(_RELATION_EVIDENCE, (ranked, 2**62 if limit is None else limit)).fetchall()
    chosen = [row[0] for rid in walked for row in conn.execute(_FIRST_TELLINGS, (rid, rid, limit, limit))]
    if chosen:
        rows += conn.execute(_EVIDENCE_ROWS, (json.dumps(chosen),)).fetchall()
    evidence: dict[str, list[Evidence]] = {}
    for relation_id, doc_id, doc_date, start, end, text, sentence in rows:
        evidence.setdefault(relation_id, []).append(Evidence(doc_id, _date(doc_date), start, end, text, sentence))
    return evidence


def relations(
    conn: sqlite3.Connection, entity_ids: Sequence[str], *, between: bool = False,
    evidence_limit: int | None = None,
) -> list[RelationRow]:
    """Relations with one of these entities at either end (``between``: at both ends), ordered
    by type, then source and target names. Each carries its evidence in reading order (the first
    ``evidence_limit`` tellings only, when given: a much-covered CEO's role is told thousands of
    times) and how many tellings there are in all."""
    chosen = json.dumps(list(dict.fromkeys(entity_ids)))
    rows = conn.execute(_RELATIONS.format(joint="AND" if between else "OR"), (chosen, chosen)).fetchall()
    relation_ids = [row[0] for row in rows]
    totals = dict(conn.execute(
        f"SELECT relation_id, COUNT(*) FROM relation_evidence WHERE relation_id {_CHOSEN} GROUP BY relation_id",
        (json.dumps(relation_ids),),
    ).fetchall())
    evidence = _relation_evidence(conn, relation_ids, totals, evidence_limit)
    return [
        RelationRow(rid, type_, source, source_name, target, target_name, title, valid_from, valid_to,
                    tuple(evidence.get(rid, ())), totals.get(rid, 0))
        for rid, type_, source, source_name, target, target_name, title, valid_from, valid_to in rows
    ]
