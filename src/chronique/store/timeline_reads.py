"""Events in timeline order, each with its actors and its tellings (the evidence and its
sentence): a timeline of one or several actors, one page of it, or the events of given ids.

Which events a timeline holds is chosen by ``store.selection``; here they are read and put in
order, the four reads of a batch sent to PostgreSQL at once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from chronique.errors import InvalidOptionError
from chronique.store.dialect import is_postgres, one_plan
from chronique.store.entity_reads import ENTITY_NAMES
from chronique.store.queries import CHOSEN, rows_together, stored_date
from chronique.store.records import EventMentionRow, TimelineEntry
from chronique.store.selection import EventFilter, chosen_events, select_event_ids

__all__ = ["events_by_ids", "timeline", "timeline_event_ids"]

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
    WHERE em.event_id {CHOSEN}
    ORDER BY d.date, em.doc_id, em.start, em.id
""")
#: The actors of the chosen events, in the order each event names them.
_ACTORS_OF_EVENTS = one_plan(
    f"SELECT event_id, role, entity_id FROM event_actors WHERE event_id {CHOSEN} ORDER BY event_id, role, position")
#: Their names (what ``_ACTORS_OF_EVENTS`` would give ``entity_names``), for a batch sent at once.
_NAMES_OF_ACTORS = one_plan(
    f"SELECT id, name, type, kb_id FROM entities WHERE id IN (SELECT entity_id FROM event_actors WHERE event_id {CHOSEN})")
_EVENT_ROWS = one_plan(
    "SELECT e.id, e.type, e.date_value, e.date_start, e.date_end, e.amount, e.currency,"
    f" e.modality, e.score FROM events e WHERE e.id {CHOSEN}")


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
            EventMentionRow(doc_id, stored_date(doc_date), start, end, trigger, evidence, sentence, modality)
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


def _rows_of_events(conn: sqlite3.Connection, chosen: str) -> tuple[list[Any], list[Any], dict[str, str], list[Any]]:
    """The mentions, actors, actors' names and rows of the chosen events: the four reads sent at
    once on PostgreSQL (:func:`rows_together`); SQLite reads the names of the actors it found
    (one look-up each, where the names of the chosen events' actors would read those again)."""
    if is_postgres(conn):
        mentions, actors, names, events = rows_together(
            conn, [(sql, (chosen,)) for sql in (_MENTIONS_OF_EVENTS, _ACTORS_OF_EVENTS, _NAMES_OF_ACTORS, _EVENT_ROWS)])
    else:
        mentions = conn.execute(_MENTIONS_OF_EVENTS, (chosen,)).fetchall()
        actors = conn.execute(_ACTORS_OF_EVENTS, (chosen,)).fetchall()
        names = conn.execute(ENTITY_NAMES, (json.dumps(list(dict.fromkeys(row[2] for row in actors))),)).fetchall()
        events = conn.execute(_EVENT_ROWS, (chosen,)).fetchall()
    return mentions, actors, {row[0]: row[1] for row in names}, events


def events_by_ids(conn: sqlite3.Connection, event_ids: Iterable[str]) -> list[TimelineEntry]:
    """The timeline entries of these events (unknown ids are skipped), in timeline order."""
    return _entries(*_rows_of_events(conn, json.dumps(list(dict.fromkeys(event_ids)))))


#: The four reads of :func:`_rows_of_events`, for ``PgConnection.rows_of_chosen``.
_READS_OF_EVENTS = (_MENTIONS_OF_EVENTS, _ACTORS_OF_EVENTS, _NAMES_OF_ACTORS, _EVENT_ROWS)


def _chosen_entries(conn: sqlite3.Connection, chosen: tuple[str, list[object]] | list[str]) -> list[TimelineEntry]:
    """The entries of the events ``selection.chosen_events`` answered: on PostgreSQL the statement
    listing them is sent with the four reads of their rows (one round trip: the ids stay on the
    server), elsewhere run first."""
    if isinstance(chosen, list):
        return events_by_ids(conn, chosen)
    of_chosen = getattr(conn, "rows_of_chosen", None)
    if of_chosen is None:
        return events_by_ids(conn, [row[0] for row in conn.execute(*chosen)])
    mentions, actors, names, events = of_chosen(chosen, _READS_OF_EVENTS)
    return _entries(mentions, actors, {row[0]: row[1] for row in names}, events)


def _entries(mention_rows: list[Any], actor_rows: list[Any], names: dict[str, str],
             event_rows: list[Any]) -> list[TimelineEntry]:
    """The timeline entries of the rows the four reads of some events gave, in timeline order."""
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
    spec = _filter(conn, actors, dated_only, include_unexported, any_actor, start, end, after)
    return select_event_ids(conn, spec, limit=limit, offset=offset)


def _filter(conn: sqlite3.Connection, actors: Sequence[str], dated_only: bool, include_unexported: bool,
            any_actor: bool, start: date | None, end: date | None, after: str | None) -> EventFilter:
    return EventFilter(tuple(dict.fromkeys(actors)), any_actor, start, end, dated_only, include_unexported,
                       None if after is None else _timeline_cursor(conn, after))


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
    spec = _filter(conn, actors, dated_only, include_unexported, any_actor, start, end, after)
    entries = _chosen_entries(conn, chosen_events(conn, spec, limit=limit, offset=offset))
    return entries if limit is None else sorted(entries, key=lambda entry: entry.page_key)


def _timeline_order(entry: TimelineEntry) -> tuple[object, ...]:
    when = entry.date_start or entry.date_value
    first = entry.mentions[0] if entry.mentions else None
    reported = (first.doc_date is None, first.doc_date or date.min, first.doc_id, first.start) if first else ()
    return (when is None, when or "", reported, entry.event_id)
