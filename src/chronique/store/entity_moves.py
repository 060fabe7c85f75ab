"""Moving what hangs on one entity to another: the core of ingest-time absorption (a surname-only
entity taken over by the full name) and of the ``entities merge`` / ``entities split`` commands.

What hangs on an entity: its mentions, its aliases, the quotes it said or that are about it, the
events it takes part in and the relations it is an end of. Mentions move one by one; the other
facts belong to documents, so they follow the mentions of a *whole* document: when every mention
of the entity in a document moves, that document's quotes, event tellings and relation evidence
move with them; when only some do, the document's facts stay where they were. Events and
relations are then folded again (``store.tellings``) as ingest would have folded them.

These functions run inside the caller's transaction and check nothing a user could get wrong:
``store.entity_admin`` does that.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chronique.identity.entities import KnownEntity, identity_key, normalise_name, surname_key
from chronique.store import month_mentions, quote_pairs
from chronique.store.aggregates import add_entity, drop_entity, recount_mentions
from chronique.store.quote_about import documents_of, refresh_documents
from chronique.store.tellings import (
    EvidenceKey,
    Substitute,
    event_actors_of_tellings,
    events_involving,
    refold_events,
    refold_relations,
    relation_ends_of_evidence,
    relations_involving,
)

__all__ = [
    "MoveCounts", "MentionSpan", "FactsOf", "entity", "insert_entity", "rename_entity", "add_aliases",
    "mentions_of", "facts_of", "absorb_entity", "move_mentions", "restore_facts", "record_neighbours",
    "rebuild_neighbours",
]

#: A mention as (document id, start, end): stable across VACUUM, unlike a rowid.
MentionSpan = tuple[str, int, int]


@dataclass(frozen=True)
class MoveCounts:
    """What a move changed: mentions and documents moved, quotes whose speaker or subject
    changed, events and relations involving the entities before and after folding again."""

    mentions: int
    documents: int
    quotes: int
    events_before: int
    events_after: int
    relations_before: int
    relations_after: int


def entity(conn: sqlite3.Connection, entity_id: str) -> KnownEntity | None:
    row = conn.execute("SELECT id, name, type, kb_id FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return KnownEntity(*row) if row else None


def insert_entity(conn: sqlite3.Connection, entity_id: str, name: str, entity_type: str, kb_id: str | None) -> None:
    """A new global entity with the comparison forms of its name."""
    key = identity_key(name, entity_type)
    conn.execute(
        "INSERT INTO entities (id, name, type, kb_id, norm_name, key_name, surname) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (entity_id, name, entity_type, kb_id, normalise_name(name), key, surname_key(key, entity_type)),
    )
    add_entity(conn, entity_id)


def rename_entity(conn: sqlite3.Connection, entity_id: str, name: str, entity_type: str) -> None:
    key = identity_key(name, entity_type)
    conn.execute("UPDATE entities SET name = ?, norm_name = ?, key_name = ?, surname = ? WHERE id = ?",
                 (name, normalise_name(name), key, surname_key(key, entity_type), entity_id))


def add_aliases(conn: sqlite3.Connection, entity_id: str, entity_type: str, aliases: Iterable[str]) -> list[str]:
    """Record aliases (never the entity's own name); return those it did not have yet."""
    current = entity(conn, entity_id)
    added = []
    for alias in dict.fromkeys(aliases):
        if current is not None and alias == current.name:
            continue
        cursor = conn.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, norm, key_norm) VALUES (?, ?, ?, ?)",
            (entity_id, alias, normalise_name(alias), identity_key(alias, entity_type)),
        )
        if cursor.rowcount:
            added.append(alias)
    return added


_PAIRS = """
    SELECT DISTINCT a.entity_id, b.entity_id FROM mentions a
    JOIN mentions b ON b.doc_id = a.doc_id AND b.entity_id <> a.entity_id
"""


def record_neighbours(conn: sqlite3.Connection, doc_id: str) -> None:
    """Add the pairs of entities this document names together (``entity_neighbours``)."""
    conn.execute(f"INSERT OR IGNORE INTO entity_neighbours (entity_id, other_id) {_PAIRS} WHERE a.doc_id = ?",
                 (doc_id,))


def rebuild_neighbours(conn: sqlite3.Connection, entity_ids: Sequence[str]) -> None:
    """Recompute, from the mentions, the pairs involving these entities (after a move)."""
    ids = json.dumps(sorted(set(entity_ids)))
    conn.execute("DELETE FROM entity_neighbours WHERE entity_id IN (SELECT value FROM json_each(?))"
                 " OR other_id IN (SELECT value FROM json_each(?))", (ids, ids))
    for column in ("a.entity_id", "b.entity_id"):
        conn.execute(f"INSERT OR IGNORE INTO entity_neighbours (entity_id, other_id) {_PAIRS}"
                     f" WHERE {column} IN (SELECT value FROM json_each(?))", (ids,))


def mentions_of(conn: sqlite3.Connection, entity_id: str) -> list[MentionSpan]:
    return [tuple(row) for row in conn.execute(
        'SELECT doc_id, start, "end" FROM mentions WHERE entity_id = ? ORDER BY doc_id, start, "end"', (entity_id,))]


def _refold_around(conn: sqlite3.Connection, ids: Sequence[str], substitute: Substitute) -> tuple[int, int, int, int]:
    """Fold again every event and relation involving ``ids``; counts before and after."""
    events, relations = events_involving(conn, ids), relations_involving(conn, ids)
    refold_events(conn, events, substitute)
    refold_relations(conn, relations, substitute)
    return (len(events), len(events_involving(conn, ids)),
            len(relations), len(relations_involving(conn, ids)))


def absorb_entity(conn: sqlite3.Connection, gone_id: str, kept_id: str) -> tuple[MoveCounts, list[str], str | None]:
    """Everything of ``gone_id`` now belongs to ``kept_id``, and ``gone_id`` is deleted.

    Returns the counts, the aliases the kept entity gained (the absorbed name among them) and the
    kb id it took over (when it had none and the absorbed entity had one).
    """
    gone, kept = entity(conn, gone_id), entity(conn, kept_id)
    assert gone is not None and kept is not None
    conn.execute("PRAGMA defer_foreign_keys = ON")
    documents = conn.execute("SELECT COUNT(DISTINCT doc_id) FROM mentions WHERE entity_id = ?", (gone_id,)).fetchone()[0]
    quoting = documents_of(conn, [gone_id])
    mentions = conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (kept_id, gone_id)).rowcount
    quotes = conn.execute("UPDATE quotes SET speaker = ? WHERE speaker = ?", (kept_id, gone_id)).rowcount
    quotes += conn.execute("UPDATE quotes SET about = ? WHERE about = ?", (kept_id, gone_id)).rowcount
    refresh_documents(conn, quoting)
    events = _refold_around(conn, [gone_id, kept_id], lambda doc, eid: kept_id if eid == gone_id else eid)
    forms = [gone.name] + [row[0] for row in conn.execute(
        "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY rowid", (gone_id,))]
    conn.execute("DELETE FROM aliases WHERE entity_id = ?", (gone_id,))
    added = add_aliases(conn, kept_id, kept.type, forms)
    taken = gone.kb_id if gone.kb_id and not kept.kb_id else None
    conn.execute("UPDATE entity_pins SET entity_id = ? WHERE entity_id = ?", (kept_id, gone_id))
    conn.execute("UPDATE entity_redirects SET new_id = ? WHERE new_id = ?", (kept_id, gone_id))
    conn.execute("DELETE FROM entities WHERE id = ?", (gone_id,))
    drop_entity(conn, gone_id)
    recount_mentions(conn, [kept_id])
    quote_pairs.absorb(conn, gone_id, kept_id)
    month_mentions.absorb(conn, gone_id, kept_id)
    if taken:
        conn.execute("UPDATE entities SET kb_id = ? WHERE id = ?", (taken, kept_id))
    rebuild_neighbours(conn, [gone_id, kept_id])
    counts = MoveCounts(mentions, documents, quotes, events[0], events[1], events[2], events[3])
    return counts, added, taken


@dataclass(frozen=True)
class FactsOf:
    """What hung on an entity, as a merge found it, so that undoing the merge puts each fact
    back exactly: quotes by id, event tellings by id with their actors, relation evidence by
    identity with its ends."""

    speaker_quotes: tuple[int, ...]
    about_quotes: tuple[int, ...]
    tellings: dict[int, tuple[list[str], list[str]]]
    evidence: dict[EvidenceKey, tuple[str, str]]

    def to_json(self) -> str:
        return json.dumps({
            "speaker_quotes": list(self.speaker_quotes), "about_quotes": list(self.about_quotes),
            "tellings": [[mention_id, *actors] for mention_id, actors in sorted(self.tellings.items())],
            "evidence": [[*key, *ends] for key, ends in sorted(self.evidence.items(), key=repr)],
        })

    @classmethod
    def from_json(cls, text: str) -> FactsOf:
        data = json.loads(text)
        return cls(
            tuple(data["speaker_quotes"]), tuple(data["about_quotes"]),
            {row[0]: (row[1], row[2]) for row in data["tellings"]},
            {(row[0], row[1], row[2], row[3], row[4]): (row[5], row[6]) for row in data["evidence"]},
        )


def facts_of(conn: sqlite3.Connection, entity_id: str) -> FactsOf:
    """The quotes, event tellings and relation evidence involving an entity, as they are now."""
    return FactsOf(
        tuple(row[0] for row in conn.execute("SELECT id FROM quotes WHERE speaker = ? ORDER BY id", (entity_id,))),
        tuple(row[0] for row in conn.execute("SELECT id FROM quotes WHERE about = ? ORDER BY id", (entity_id,))),
        event_actors_of_tellings(conn, events_involving(conn, [entity_id])),
        relation_ends_of_evidence(conn, relations_involving(conn, [entity_id])),
    )


def _existing(conn: sqlite3.Connection, ids: Iterable[str]) -> bool:
    return all(entity(conn, entity_id) is not None for entity_id in ids)


def _move_spans(conn: sqlite3.Connection, source_id: str, target_id: str, spans: Sequence[MentionSpan]) -> int:
    return conn.execute(
        'UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND (doc_id, start, "end") IN'
        " (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')"
        " FROM json_each(?))",
        (target_id, source_id, json.dumps([list(span) for span in spans])),
    ).rowcount


def move_mentions(conn: sqlite3.Connection, source_id: str, target_id: str, spans: Sequence[MentionSpan]) -> MoveCounts:
    """Move these mentions of ``source_id`` to ``target_id`` (which must exist), with the facts
    of the documents whose every mention of ``source_id`` moves."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    moved = _move_spans(conn, source_id, target_id, spans)
    documents = sorted({doc_id for doc_id, _, _ in spans})
    whole = {doc_id for doc_id in documents if conn.execute(
        "SELECT 1 FROM mentions WHERE entity_id = ? AND doc_id = ? LIMIT 1", (source_id, doc_id)).fetchone() is None}
    quotes = 0
    for doc_id in sorted(whole):
        quotes += conn.execute("UPDATE quotes SET speaker = ? WHERE speaker = ? AND doc_id = ?",
                               (target_id, source_id, doc_id)).rowcount
        quotes += conn.execute("UPDATE quotes SET about = ? WHERE about = ? AND doc_id = ?",
                               (target_id, source_id, doc_id)).rowcount
    refresh_documents(conn, documents)
    events = _refold_around(
        conn, [source_id, target_id],
        lambda doc, eid: target_id if eid == source_id and doc in whole else eid)
    rebuild_neighbours(conn, [source_id, target_id])
    recount_mentions(conn, [source_id, target_id])
    quote_pairs.recount_entities(conn, [source_id, target_id])
    month_mentions.recount_entities(conn, [source_id, target_id])
    return MoveCounts(moved, len(documents), quotes, *events)


def restore_facts(conn: sqlite3.Connection, source_id: str, target_id: str, spans: Sequence[MentionSpan],
                  facts: FactsOf) -> MoveCounts:
    """Undo a merge: these mentions, and every fact recorded in ``facts``, go back from
    ``source_id`` to ``target_id``. Tellings whose recorded actors no longer all exist (merged
    away since) keep their current actors."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    moved = _move_spans(conn, source_id, target_id, spans)
    quotes = 0
    for column, quote_ids in (("speaker", facts.speaker_quotes), ("about", facts.about_quotes)):
        quotes += conn.execute(
            f"UPDATE quotes SET {column} = ? WHERE {column} = ? AND id IN (SELECT value FROM json_each(?))",
            (target_id, source_id, json.dumps(list(quote_ids)))).rowcount
    quoted = {row[0] for row in conn.execute("SELECT DISTINCT doc_id FROM quotes WHERE id IN (SELECT value FROM json_each(?))",
                                             (json.dumps([*facts.speaker_quotes, *facts.about_quotes]),))}
    refresh_documents(conn, quoted | {doc_id for doc_id, _, _ in spans})
    ids = [source_id, target_id]
    events, relations = events_involving(conn, ids), relations_involving(conn, ids)
    tellings = {k: v for k, v in facts.tellings.items() if _existing(conn, [*v[0], *v[1]])}
    evidence = {k: v for k, v in facts.evidence.items() if _existing(conn, v)}
    refold_events(conn, events, lambda doc, eid: eid, tellings)
    refold_relations(conn, relations, lambda doc, eid: eid, evidence)
    rebuild_neighbours(conn, ids)
    recount_mentions(conn, ids)
    quote_pairs.recount_entities(conn, ids)
    month_mentions.recount_entities(conn, ids)
    documents = len({doc_id for doc_id, _, _ in spans})
    return MoveCounts(moved, documents, quotes, len(events), len(events_involving(conn, ids)),
                      len(relations), len(relations_involving(conn, ids)))
