"""A user's corrections of identity: merge two entities, split one, look at one.

``merge_entities(A, B)``: B becomes A (mentions, aliases, quotes, events, relations, and B's kb id
when A has none); events that now tell the same happening are folded into one. The merge is
recorded in ``entity_merges`` with what is needed to undo it, and B's id is redirected to A so
that a later ingest computing it lands on A.

``split_entity(A, aliases=… | documents=…)``: the mentions read with those aliases (compared by
identity key: "Mme Vasseur" is read "Vasseur") or in those documents go to another entity. When
they are exactly the mentions a recorded merge brought into A, the merged entity comes back as
it was (same id, name, aliases, kb id) and so does every fact the merge recorded (quotes, event
tellings with their actors, relation evidence): merge then split round-trips. Otherwise they go
to a new entity, with the facts of every document whose mentions all move. A split by alias pins
the alias to the entity it went to, so later ingests give that name to that entity.

Every function runs inside the caller's transaction and raises, before changing anything,
``UnknownActor`` for a name no entity bears or ``EntityError`` with a message naming what else is
wrong.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from chronique.errors import EntityError, UnknownActor
from chronique.identity.entities import KnownEntity, identity_key, new_entity_id, normalise_name
from chronique.store.entity_moves import (
    FactsOf,
    MentionSpan,
    MoveCounts,
    absorb_entity,
    add_aliases,
    entity,
    facts_of,
    insert_entity,
    mentions_of,
    move_mentions,
    restore_facts,
)

__all__ = [
    "MergeReport", "SplitReport", "DocumentMentions", "EntityDetails", "find_entity_exactly",
    "merge_entities", "split_entity", "entity_details",
]


@dataclass(frozen=True)
class MergeReport:
    """What ``merge_entities`` did: ``absorbed`` is gone, its facts now hang on ``kept``."""

    merge_id: int
    kept: KnownEntity
    absorbed: KnownEntity
    counts: MoveCounts
    aliases_added: tuple[str, ...]
    kb_id_taken: str | None
    undo: tuple[str, ...]  # the split options that undo it: ("--doc", id, …) or ("--alias", name, …)


@dataclass(frozen=True)
class SplitReport:
    """What ``split_entity`` did; ``restored`` when ``target`` is an entity merged earlier."""

    source: KnownEntity
    target: KnownEntity
    restored: bool
    counts: MoveCounts
    pinned: str | None


@dataclass(frozen=True)
class DocumentMentions:
    doc_id: str
    date: str | None
    title: str | None
    mentions: int


@dataclass(frozen=True)
class EntityDetails:
    """One entity as ``chronique entities show`` prints it."""

    entity: KnownEntity
    aliases: tuple[str, ...]
    documents: tuple[DocumentMentions, ...]
    merged_from: tuple[tuple[str, str, str], ...]  # (absorbed id, absorbed name, when)
    pinned_names: tuple[str, ...]


# -- finding the entity a user means ------------------------------------------------------------------


def _describe(candidates: Sequence[KnownEntity]) -> str:
    return "; ".join(f"{e.id} ({e.name}, {e.type})" for e in candidates)


def find_entity_exactly(conn: sqlite3.Connection, reference: str) -> KnownEntity:
    """The one entity a user means by an id, a kb id, a name or an alias; an error when none or
    several fit (several people may share a name: then give the id)."""
    found = entity(conn, reference)
    if found is not None:
        return found
    row = conn.execute("SELECT id FROM entities WHERE kb_id = ?", (reference,)).fetchone()
    if row is not None:
        return entity(conn, row[0])  # type: ignore[return-value]
    normalised = normalise_name(reference)
    for where in ("norm_name = ?", "id IN (SELECT entity_id FROM aliases WHERE norm = ?)"):
        candidates = [KnownEntity(*r) for r in conn.execute(
            f"SELECT id, name, type, kb_id FROM entities WHERE {where} ORDER BY id", (normalised,))]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise EntityError(f"{reference!r} names several entities: {_describe(candidates)}; give the id")
    raise UnknownActor(reference)


# -- merge --------------------------------------------------------------------------------------------


def _check_merge(kept: KnownEntity, absorbed: KnownEntity, force: bool) -> None:
    if kept.id == absorbed.id:
        raise EntityError(f"cannot merge {kept.id} ({kept.name}) into itself")
    if kept.kb_id and absorbed.kb_id and kept.kb_id != absorbed.kb_id and not force:
        raise EntityError(
            f"{kept.name} and {absorbed.name} are two different knowledge-base actors "
            f"({kept.kb_id}, {absorbed.kb_id}); pass --force to merge them anyway")
    if kept.type != absorbed.type and not force:
        raise EntityError(
            f"{kept.name} is a {kept.type} and {absorbed.name} a {absorbed.type}; "
            "pass --force to merge them anyway (the kept entity keeps its type)")


def merge_entities(conn: sqlite3.Connection, keep: str, absorb: str, *, at: str, force: bool = False) -> MergeReport:
    """Merge the entity meant by ``absorb`` into the one meant by ``keep`` and record it."""
    kept, absorbed = find_entity_exactly(conn, keep), find_entity_exactly(conn, absorb)
    _check_merge(kept, absorbed, force)
    aliases = [row[0] for row in conn.execute(
        "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY rowid", (absorbed.id,))]
    spans = mentions_of(conn, absorbed.id)
    facts = facts_of(conn, absorbed.id)
    undo = _undo_options(conn, kept, absorbed, aliases, spans)
    counts, added, taken = absorb_entity(conn, absorbed.id, kept.id)
    conn.execute("INSERT OR REPLACE INTO entity_redirects (old_id, new_id) VALUES (?, ?)", (absorbed.id, kept.id))
    cursor = conn.execute(
        "INSERT INTO entity_merges (kept, absorbed, absorbed_name, absorbed_type, absorbed_kb_id,"
        " absorbed_aliases, added_aliases, kb_id_taken, mentions, facts, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (kept.id, absorbed.id, absorbed.name, absorbed.type, absorbed.kb_id, json.dumps(aliases),
         json.dumps(added), int(taken is not None), json.dumps([list(s) for s in spans]), facts.to_json(), at),
    )
    return MergeReport(int(cursor.lastrowid or 0), entity(conn, kept.id) or kept, absorbed, counts,
                       tuple(added), taken, undo)


def _undo_options(conn: sqlite3.Connection, kept: KnownEntity, absorbed: KnownEntity, aliases: Sequence[str],
                  spans: Sequence[MentionSpan]) -> tuple[str, ...]:
    """How to undo the merge about to happen: by documents when the kept entity is named in none
    of the absorbed one's, else by the absorbed entity's names."""
    documents = sorted({doc_id for doc_id, _, _ in spans})
    shared = {doc_id for doc_id, _, _ in mentions_of(conn, kept.id)} & set(documents)
    if documents and not shared:
        return tuple(option for doc_id in documents for option in ("--doc", doc_id))
    kept_key = identity_key(kept.name, kept.type)
    names = dict.fromkeys(n for n in (absorbed.name, *aliases) if identity_key(n, kept.type) != kept_key)
    return tuple(option for name in names for option in ("--alias", name))


# -- split --------------------------------------------------------------------------------------------


def _spans_by_alias(conn: sqlite3.Connection, source: KnownEntity, alias: str) -> list[MentionSpan]:
    """The mentions of ``source`` that read ``alias`` (by identity key); errors when the entity
    has no such alias or no mention reads it."""
    key = identity_key(alias, source.type)
    if key == identity_key(source.name, source.type):
        raise EntityError(f"{alias!r} is the name of {source.name} ({source.id}), not an alias; split by --doc")
    known = {identity_key(a, source.type) for (a,) in conn.execute(
        "SELECT alias FROM aliases WHERE entity_id = ?", (source.id,))}
    if key not in known:
        raise EntityError(f"{source.name} ({source.id}) has no alias {alias!r}; see 'chronique entities show {source.id}'")
    spans = [
        (doc_id, start, end) for doc_id, start, end, text in conn.execute(
            'SELECT m.doc_id, m.start, m."end", substr(d.text, m.start + 1, m."end" - m.start)'
            " FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?"
            ' ORDER BY m.doc_id, m.start, m."end"', (source.id,))
        if identity_key(text, source.type) == key
    ]
    if not spans:
        raise EntityError(f"no mention of {source.name} ({source.id}) reads {alias!r}")
    return spans


def _spans_by_documents(conn: sqlite3.Connection, source: KnownEntity, documents: Sequence[str]) -> list[MentionSpan]:
    spans = []
    for doc_id in dict.fromkeys(documents):
        found = [(d, s, e) for d, s, e in mentions_of(conn, source.id) if d == doc_id]
        if not found:
            raise EntityError(f"{source.name} ({source.id}) is not mentioned in document {doc_id!r}")
        spans.extend(found)
    return spans


def _mention_text(conn: sqlite3.Connection, span: MentionSpan) -> str:
    doc_id, start, end = span
    row = conn.execute("SELECT substr(text, ? + 1, ? - ?) FROM documents WHERE id = ?",
                       (start, end, start, doc_id)).fetchone()
    return " ".join((row[0] if row else "").split())


def _recorded_merge(conn: sqlite3.Connection, source: KnownEntity, spans: Sequence[MentionSpan]) -> tuple | None:
    """The open merge into ``source`` that this split undoes, if any: the latest whose moved
    mentions hold every selected one, and whose mentions read with the absorbed entity's name or
    an alias are all selected. Its other mentions (pronouns, descriptions) go back too."""
    wanted = {tuple(s) for s in spans}
    for row in conn.execute(
        "SELECT id, absorbed, absorbed_name, absorbed_type, absorbed_kb_id, absorbed_aliases, added_aliases,"
        " kb_id_taken, mentions, facts FROM entity_merges WHERE kept = ? AND undone_at IS NULL ORDER BY id DESC",
        (source.id,),
    ):
        recorded = {tuple(s) for s in json.loads(row[8])}
        forms = {identity_key(form, row[3]) for form in (row[2], *json.loads(row[5]))}
        named = {s for s in recorded if identity_key(_mention_text(conn, s), row[3]) in forms}
        if wanted <= recorded and named <= wanted and entity(conn, row[1]) is None:
            return row
    return None


def _restore_merged(conn: sqlite3.Connection, source: KnownEntity, merge: tuple, at: str) -> KnownEntity:
    """Bring back an entity a merge absorbed, as it was; the kept one gives back what it gained."""
    merge_id, absorbed_id, name, entity_type, kb_id, aliases, added, kb_taken, _, _ = merge
    if kb_taken:
        conn.execute("UPDATE entities SET kb_id = NULL WHERE id = ?", (source.id,))
    insert_entity(conn, absorbed_id, name, entity_type, kb_id)
    conn.execute(
        "DELETE FROM aliases WHERE entity_id = ? AND alias IN (SELECT value FROM json_each(?))",
        (source.id, added))
    add_aliases(conn, absorbed_id, entity_type, json.loads(aliases))
    conn.execute("DELETE FROM entity_redirects WHERE old_id = ?", (absorbed_id,))
    conn.execute("UPDATE entity_merges SET undone_at = ? WHERE id = ?", (at, merge_id))
    return KnownEntity(absorbed_id, name, entity_type, kb_id)


def _new_split_entity(conn: sqlite3.Connection, source: KnownEntity, name: str, spans: Sequence[MentionSpan]) -> KnownEntity:
    """A new entity of the source's type; a homonym's id is qualified by its first document."""
    name = " ".join(name.split())
    if not name:
        raise EntityError("the new entity needs a name (--name)")
    entity_id = new_entity_id(source.type, name)
    if entity(conn, entity_id) is not None:
        entity_id = new_entity_id(source.type, name, min(doc_id for doc_id, _, _ in spans))
        if entity(conn, entity_id) is not None:
            raise EntityError(f"an entity {entity_id} named {name!r} already exists; merge into it instead")
    insert_entity(conn, entity_id, name, source.type, None)
    return KnownEntity(entity_id, name, source.type)


def _surface_forms(conn: sqlite3.Connection, spans: Sequence[MentionSpan]) -> list[str]:
    """The texts of these mentions, in order, without repeats."""
    return list(dict.fromkeys(_mention_text(conn, span) for span in spans))


def _select_spans(conn: sqlite3.Connection, source: KnownEntity, aliases: Sequence[str],
                  documents: Sequence[str]) -> list[MentionSpan]:
    """The mentions a split moves, checked: some, not all."""
    if bool(aliases) == bool(documents):
        raise EntityError("say what to split off: give --alias NAME or --doc DOC_ID (one of the two, repeatable)")
    if aliases:
        spans = sorted({span for alias in aliases for span in _spans_by_alias(conn, source, alias)})
    else:
        spans = _spans_by_documents(conn, source, documents)
    if len(spans) == len(mentions_of(conn, source.id)):
        raise EntityError(f"that would move every mention of {source.name} ({source.id}) and leave it empty")
    return spans


def _pin_aliases(conn: sqlite3.Connection, source: KnownEntity, target: KnownEntity, aliases: Sequence[str],
                 restored: bool) -> str | None:
    """The aliases leave the source and are pinned to the target for later ingests; a new
    target also records them (a restored one has its own aliases back already)."""
    keys = []
    for alias in aliases:
        key = identity_key(alias, source.type)
        conn.execute("DELETE FROM aliases WHERE entity_id = ? AND key_norm = ?", (source.id, key))
        if not restored:
            add_aliases(conn, target.id, target.type, [" ".join(alias.split())])
        conn.execute("INSERT OR REPLACE INTO entity_pins (type, key, entity_id) VALUES (?, ?, ?)",
                     (source.type, key, target.id))
        keys.append(key)
    return ", ".join(dict.fromkeys(keys)) or None


def split_entity(
    conn: sqlite3.Connection, reference: str, *, at: str, aliases: Sequence[str] = (),
    documents: Sequence[str] = (), name: str | None = None,
) -> SplitReport:
    """Split mentions of an entity off to another entity (module docstring); ``name`` forces a
    new entity with that name even when the mentions are exactly those of a recorded merge."""
    source = find_entity_exactly(conn, reference)
    spans = _select_spans(conn, source, aliases, documents)
    merge = None if name else _recorded_merge(conn, source, spans)
    if merge is not None:
        current = set(mentions_of(conn, source.id))
        spans = sorted(tuple(s) for s in json.loads(merge[8]) if tuple(s) in current)
        if len(spans) == len(current):
            raise EntityError(f"that would move every mention of {source.name} ({source.id}) and leave it empty")
        target = _restore_merged(conn, source, merge, at)
        counts = restore_facts(conn, source.id, target.id, spans, FactsOf.from_json(merge[9]))
    else:
        target = _new_split_entity(conn, source, name or (aliases[0] if aliases else source.name), spans)
        add_aliases(conn, target.id, target.type, _surface_forms(conn, spans))
        counts = move_mentions(conn, source.id, target.id, spans)
    pinned = _pin_aliases(conn, source, target, aliases, restored=merge is not None)
    return SplitReport(source, entity(conn, target.id) or target, merge is not None, counts, pinned)


# -- show ---------------------------------------------------------------------------------------------


def entity_details(conn: sqlite3.Connection, reference: str) -> EntityDetails:
    """An entity with its aliases, the documents that mention it, its merges and pinned names."""
    found = find_entity_exactly(conn, reference)
    aliases = tuple(row[0] for row in conn.execute(
        "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (found.id,)))
    documents = tuple(DocumentMentions(*row) for row in conn.execute(
        "SELECT d.id, d.date, d.title, COUNT(*) FROM mentions m JOIN documents d ON d.id = m.doc_id"
        " WHERE m.entity_id = ? GROUP BY d.id ORDER BY d.date, d.id", (found.id,)))
    merged = tuple((absorbed, name, when) for absorbed, name, when in conn.execute(
        "SELECT absorbed, absorbed_name, at FROM entity_merges WHERE kept = ? AND undone_at IS NULL ORDER BY id",
        (found.id,)))
    pins = tuple(row[0] for row in conn.execute(
        "SELECT key FROM entity_pins WHERE entity_id = ? ORDER BY key", (found.id,)))
    return EntityDetails(found, aliases, documents, merged, pins)
