"""An actor's profile: roles, counterparts ranked by interaction, latest events, quotes.

The counterparts are aggregated in SQL rather than in Python: a much-covered actor takes part in
tens of thousands of events, and only the totals per counterpart are wanted.
"""

from __future__ import annotations

import sqlite3

from chronique.analysis.records import ActorProfile, Counterpart
from chronique.model import EXPORTED_MODALITIES
from chronique.store import queries
from chronique.store.records import EntityRow
from chronique.store.selection import EventFilter, select_event_ids

__all__ = ["actor_profile", "counterparts", "latest_event_ids", "event_count", "RELATION_EVIDENCE"]

#: Tellings kept per relation in a profile (the first ones; ``RelationRow.evidence_count`` has
#: the total): a much-covered CEO's role is told in thousands of articles.
RELATION_EVIDENCE = 3

_MODALITIES = sorted(EXPORTED_MODALITIES)
_MARKS = ", ".join("?" * len(_MODALITIES))

#: The modality test on ``events_facts``. The unary ``+`` keeps SQLite from using ``modality``
#: as an index column: ``id = ? AND modality IN (4 values)`` would be four seeks per event
#: (200,000 for a much-covered actor) instead of one seek and a check.
_EXPORTED = f"+e.modality IN ({_MARKS})"

#: Per counterpart: shared events (each counted once, whatever roles the two play in it) and the
#: sums of their positive and negative scores.
_SHARED_EVENTS = f"""
    WITH shared AS (
        SELECT DISTINCT other.entity_id, me.event_id, COALESCE(e.score, 0) AS score
        FROM event_actors me
        JOIN events e INDEXED BY events_facts ON e.id = me.event_id
        JOIN event_actors other ON other.event_id = me.event_id
        WHERE me.entity_id = ? AND {_EXPORTED} AND other.entity_id != me.entity_id
    )
    SELECT entity_id, COUNT(*), SUM(MAX(score, 0)), SUM(MIN(score, 0)) FROM shared GROUP BY entity_id
"""

#: Per counterpart: quotes by the actor about it, and by it about the actor.
_SHARED_QUOTES = """
    SELECT other, COUNT(*) FROM (
        SELECT about AS other FROM quotes WHERE speaker = :actor AND about != :actor
        UNION ALL
        SELECT speaker AS other FROM quotes WHERE about = :actor AND speaker != :actor
    ) JOIN entities en ON en.id = other GROUP BY other
"""


def counterparts(conn: sqlite3.Connection, actor_id: str) -> list[Counterpart]:
    """Every actor that shares an event or a quote with this one, most interactions first
    (then by name and id)."""
    events = {row[0]: row[1:] for row in conn.execute(_SHARED_EVENTS, (actor_id, *_MODALITIES))}
    quoted = dict(conn.execute(_SHARED_QUOTES, {"actor": actor_id}).fetchall())
    names = queries.entity_names(conn, [*events, *quoted])
    result = []
    for entity_id, (name, type_, _) in names.items():
        count, cooperation, conflict = events.get(entity_id, (0, 0.0, 0.0))
        cooperation, conflict = float(cooperation), float(conflict)
        quotes = quoted.get(entity_id, 0)
        result.append(Counterpart(
            entity_id, name, type_, count + quotes, count, quotes,
            round(cooperation, 6), round(conflict, 6), round(cooperation + conflict, 6),
        ))
    return sorted(result, key=lambda c: (-c.interactions, c.name, c.entity_id))


def latest_event_ids(conn: sqlite3.Connection, actor_id: str, limit: int) -> list[str]:
    """The actor's ``limit`` most recent exported events: latest start first, undated ones last
    (an undated event is still one of the actor's deeds, and may be all the store knows)."""
    spec = EventFilter((actor_id,), dated_only=False)
    return select_event_ids(conn, spec, limit=limit, newest_first=True) if limit else []


def event_count(conn: sqlite3.Connection, actor_id: str) -> int:
    """How many exported events, dated or not, the actor takes part in."""
    return conn.execute(
        "SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea"
        " JOIN events e INDEXED BY events_facts ON e.id = ea.event_id"
        f" WHERE ea.entity_id = ? AND {_EXPORTED}",
        (actor_id, *_MODALITIES),
    ).fetchone()[0]


def actor_profile(conn: sqlite3.Connection, actor: EntityRow, *, events: int, quotes: int) -> ActorProfile:
    """The whole profile of an already resolved actor."""
    ids = latest_event_ids(conn, actor.id, events)
    entries = {entry.event_id: entry for entry in queries.events_by_ids(conn, ids)}
    return ActorProfile(
        actor=actor,
        relations=tuple(queries.relations(conn, [actor.id], evidence_limit=RELATION_EVIDENCE)),
        counterparts=tuple(counterparts(conn, actor.id)),
        latest_events=tuple(entries[event_id] for event_id in ids),
        quotes_by=tuple(queries.quotes(conn, by=actor.id, limit=quotes, newest_first=True)),
        quotes_about=tuple(queries.quotes(conn, about=actor.id, limit=quotes, newest_first=True)),
        event_count=event_count(conn, actor.id),
    )
