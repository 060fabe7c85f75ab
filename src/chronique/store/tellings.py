"""Tellings: each article's account of an event or a relation, folded into one stored row.

An event is the same happening as a stored one when type, set of sources and set of targets are
equal (for symmetric types, PARTNER and COMPETE, sources and targets form one set) and the dates
are compatible: ``chronique.identity.events`` holds those rules and picks one event when several
fit; the merged event keeps the most precise date with its interval, the first amount, the most
certain modality and the score of the telling that read most into its context. A relation is the
same as a stored one when (type, source, target, title) are equal.

Every telling keeps its own values (``event_mentions.date_value``…, ``relation_evidence.
valid_from``…), so that when a merge or a split changes who took part, :func:`refold_events` and
:func:`refold_relations` fold the tellings again, in the order they were stored, exactly as
ingest would have folded them had the actors been those from the start. That is what makes a
merge followed by the opposite split give back the same events with the same ids.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence

from chronique.identity.events import StoredEvent, Telling, choose_event, interval_of, more_precise, sentence_key
from chronique.identity.ontology import is_repeated, score_of
from chronique.model import MODALITIES, Event, Relation
from chronique.store.aggregates import account_events

__all__ = [
    "SYMMETRIC_EVENT_TYPES", "Substitute", "ActorOverrides", "EvidenceKey", "EndOverrides", "event_actors_key", "digest_id", "sentence_text",
    "sentence_digest", "place_telling", "insert_event_mention", "insert_relation", "events_involving",
    "relations_involving", "refold_events", "refold_relations", "event_actors_of_tellings",
    "relation_ends_of_evidence",
]

SYMMETRIC_EVENT_TYPES = frozenset({"PARTNER", "COMPETE"})

#: (document id, entity id) → the entity id a telling in that document should now name.
Substitute = Callable[[str, str], str]
#: Actors given outright to some event tellings: event_mentions.id → (sources, targets).
ActorOverrides = Mapping[int, tuple[Sequence[str], Sequence[str]]]
#: A relation telling's identity, (document id, start, end, type, title), → (source, target).
EvidenceKey = tuple[str, int, int, str, "str | None"]
EndOverrides = Mapping[EvidenceKey, tuple[str, str]]


def event_actors_key(event_type: str, sources: Sequence[str], targets: Sequence[str]) -> str:
    """The identity of an event's participants: type, sorted source set, sorted target set."""
    if event_type in SYMMETRIC_EVENT_TYPES:
        return json.dumps([event_type, sorted(set(sources) | set(targets)), []])
    return json.dumps([event_type, sorted(set(sources)), sorted(set(targets))])


def digest_id(prefix: str, *parts: object) -> str:
    """A deterministic id from the parts that define a thing: same input, same ids."""
    return prefix + hashlib.sha1(json.dumps(parts).encode("utf-8")).hexdigest()[:12]


def sentence_text(text: str, event: Event) -> str:
    """The sentence that tells the event (its evidence when the sentence is unknown)."""
    start = event.sentence_start if event.sentence_start is not None else event.start
    end = event.sentence_end if event.sentence_end is not None else event.end
    return text[start:end]


def _ids_json(ids: Iterable[str]) -> str:
    """A JSON list to bind as one parameter and read with ``json_each``."""
    return json.dumps(sorted(set(ids)))


# -- events -----------------------------------------------------------------------------------------

#: The sentences of an event's tellings that have this digest: the digest finds the candidates,
#: the sentences confirm them (only those of one sentence are read, however often the event was told).
_TELLINGS_OF_EVENT = """
    SELECT substr(d.text, COALESCE(em.sentence_start, em.start) + 1,
                  COALESCE(em.sentence_end, em."end") - COALESCE(em.sentence_start, em.start))
    FROM event_mentions em JOIN documents d ON d.id = em.doc_id
    WHERE em.event_id = ? AND em.sentence_digest = ?
"""

#: The stored events with these participants that may fit a telling. Undated ones always may; a
#: dated one when its value is the telling's or its days overlap the telling's (a superset of
#: ``identity.events.dates_compatible``, which decides), or when its stored interval is missing
#: or unsound (``interval_of`` then reads the value). One range of ``events_identity``, which
#: holds every column read here: the index pages only, never one table page per event of a
#: much-covered pair.
_EVENTS_THAT_MAY_FIT = """
    SELECT id, date_value, date_start, date_end FROM events
    WHERE actors_key = ? AND (date_value IS NULL OR date_value = ? OR date_start IS NULL OR date_end IS NULL
        OR substr(date_start, 1, 10) > substr(date_end, 1, 10)
        OR (substr(date_start, 1, 10) <= ? AND substr(date_end, 1, 10) >= ?))
    ORDER BY id
"""

#: Every stored event with these participants, for an undated telling (any may fit it), from the
#: same covering index.
_EVENTS_OF_ACTORS = "SELECT id, date_value, date_start, date_end FROM events WHERE actors_key = ? ORDER BY id"

#: The events the document being written already told (``event_mentions_by_doc``: a few rows,
#: where starting from the events of a much-covered pair would read all their tellings).
_EVENTS_TOLD_BY_DOCUMENT = "SELECT DISTINCT event_id FROM event_mentions WHERE doc_id = ?"

#: The events some telling of which has this sentence digest (``event_mentions_by_sentence``: the
#: reprints of one sentence, where reading the sentences of every candidate grew with the store).
_EVENTS_TOLD_IN_SENTENCE = "SELECT DISTINCT event_id FROM event_mentions WHERE sentence_digest = ?"


def sentence_digest(sentence: str) -> str:
    """The digest of a telling's sentence as the identity rules compare sentences
    (``identity.events.sentence_key``), stored with the telling so that the tellings of one
    sentence are found by an index. Changing ``sentence_key`` needs a migration that computes
    the stored digests again (m012 computed the first ones)."""
    return hashlib.sha1(sentence_key(sentence).encode("utf-8")).hexdigest()[:16]


def _stored_events(conn: sqlite3.Connection, actors_key: str, telling: Telling) -> list[StoredEvent]:
    """The stored events with these participants that may be this telling's, each with what
    ``choose_event`` reads of its tellings: whether this document told it, and (only where the
    rule for repeated types reads them) the sentences that told it (``substr`` counts
    characters as Python does)."""
    if telling.date_value is None:
        rows = conn.execute(_EVENTS_OF_ACTORS, (actors_key,)).fetchall()
    else:
        span = interval_of(telling.date_value, telling.date_start, telling.date_end)
        low, high = (span[0].isoformat(), span[1].isoformat()) if span else ("9999-12-31", "0000-01-01")
        rows = conn.execute(_EVENTS_THAT_MAY_FIT, (actors_key, telling.date_value, high, low)).fetchall()
    if not rows:
        return []
    told_here = frozenset(row[0] for row in conn.execute(_EVENTS_TOLD_BY_DOCUMENT, (telling.doc_id,)))
    repeated = is_repeated(telling.type)
    same_sentence: frozenset[str] | None = None  # read once, and only when the rule needs it
    digest = ""
    events = []
    for event_id, value, start, end in rows:
        sentences: frozenset[str] = frozenset()
        if repeated and (telling.date_value is None or value is None) and event_id not in told_here:
            if same_sentence is None:
                digest = sentence_digest(telling.sentence)
                same_sentence = frozenset(row[0] for row in conn.execute(_EVENTS_TOLD_IN_SENTENCE, (digest,)))
            if event_id in same_sentence:  # the digest finds them; their sentences themselves decide
                sentences = frozenset(sentence_key(sentence or "") for (sentence,) in
                                      conn.execute(_TELLINGS_OF_EVENT, (event_id, digest)))
        documents = frozenset({telling.doc_id}) if event_id in told_here else frozenset()
        events.append(StoredEvent(event_id, value, start, end, documents, sentences))
    return events


def _create_event(conn: sqlite3.Connection, doc_id: str, event: Event, actors_key: str,
                  sources: Sequence[str], targets: Sequence[str]) -> str:
    """A new event; its id is derived from its first telling, so two events never share one."""
    event_id = digest_id("ev_", actors_key, event.date, doc_id, event.start, event.trigger_start)
    conn.execute(
        "INSERT INTO events (id, type, actors_key, date_value, date_start, date_end, amount,"
        " currency, modality, score, confidence, cameo, plover)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, event.type, actors_key, event.date, event.date_start, event.date_end,
         event.amount, event.currency, event.modality, event.score, event.confidence,
         event.cameo, event.plover),
    )
    conn.executemany(
        "INSERT INTO event_actors (event_id, entity_id, role, position) VALUES (?, ?, ?, ?)",
        [(event_id, entity_id, "source", i) for i, entity_id in enumerate(sources)]
        + [(event_id, entity_id, "target", i) for i, entity_id in enumerate(targets)],
    )
    account_events(conn, [event_id], 1)
    return event_id


def _modality_rank(modality: str) -> int:
    """Lower is more certain ("asserted" first); unknown modalities rank last."""
    return MODALITIES.index(modality) if modality in MODALITIES else len(MODALITIES)


def _telling_score(event_type: str, stored: float | None, new: float | None) -> float | None:
    """The score of the telling that read most into its context: the one farthest from the
    type's base score ("OPA hostile" in one article beats a plain "offre" in another)."""
    base = score_of(event_type)
    if stored is None:
        return new
    if new is None or base is None:
        return stored
    return new if abs(new - base) > abs(stored - base) else stored


def _merge_event(conn: sqlite3.Connection, event_id: str, event: Event) -> None:
    """A new telling fills what earlier ones left empty, sharpens the date and can only make the
    event more certain; amount and currency go together."""
    modality, value, start, end, score, cameo, plover = conn.execute(
        "SELECT modality, date_value, date_start, date_end, score, cameo, plover FROM events WHERE id = ?",
        (event_id,),
    ).fetchone()
    new_score = _telling_score(event.type, score, event.score)
    if new_score != score or cameo is None:
        # The codes travel with the score: they name the reading the score comes from.
        cameo, plover = (event.cameo, event.plover) if new_score == event.score else (cameo, plover)
    if _modality_rank(event.modality) < _modality_rank(modality):
        modality = event.modality
    if more_precise(interval_of(event.date, event.date_start, event.date_end), event.date,
                    interval_of(value, start, end), value):
        value, start, end = event.date, event.date_start, event.date_end
    conn.execute(
        "UPDATE events SET modality = ?, confidence = MAX(COALESCE(confidence, 0), ?),"
        " date_value = ?, date_start = ?, date_end = ?,"
        " currency = CASE WHEN amount IS NULL THEN ? ELSE currency END,"
        " amount = COALESCE(amount, ?), score = ?, cameo = ?, plover = ? WHERE id = ?",
        (modality, event.confidence, value, start, end, event.currency, event.amount,
         new_score, cameo, plover, event_id),
    )


def place_telling(conn: sqlite3.Connection, doc_id: str, sentence: str, event: Event,
                  sources: Sequence[str], targets: Sequence[str]) -> str:
    """The id of the event this telling is a mention of, created or updated as needed.

    ``sources`` and ``targets`` are global entity ids, without repeats.
    """
    actors_key = event_actors_key(event.type, sources, targets)
    telling = Telling(event.type, event.date, event.date_start, event.date_end, doc_id, sentence)
    chosen = choose_event(telling, _stored_events(conn, actors_key, telling))
    if chosen is None:
        return _create_event(conn, doc_id, event, actors_key, sources, targets)
    account_events(conn, [chosen.id], -1)
    _merge_event(conn, chosen.id, event)
    account_events(conn, [chosen.id], 1)
    return chosen.id


def insert_event_mention(conn: sqlite3.Connection, event_id: str, doc_id: str, event: Event,
                         sentence: str) -> None:
    """Record one telling with its own values (what this article alone said) and the digest of
    its ``sentence`` (:func:`sentence_text`)."""
    conn.execute(
        'INSERT INTO event_mentions (event_id, doc_id, start, "end", trigger, trigger_start,'
        " trigger_end, sentence_start, sentence_end, modality, confidence, date_value, date_start,"
        " date_end, amount, currency, score, cameo, plover, sentence_digest)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, doc_id, event.start, event.end, event.trigger, event.trigger_start,
         event.trigger_end, event.sentence_start, event.sentence_end, event.modality,
         event.confidence, event.date, event.date_start, event.date_end, event.amount,
         event.currency, event.score, event.cameo, event.plover, sentence_digest(sentence)),
    )


# -- relations --------------------------------------------------------------------------------------


def insert_relation(conn: sqlite3.Connection, doc_id: str, relation: Relation) -> None:
    """One relation per (type, source, target, title), ends given as global ids; each telling
    adds an evidence row, and the first telling that dates the state dates it."""
    relation_id = digest_id("rel_", relation.type, relation.source, relation.target, relation.title)
    conn.execute(
        "INSERT INTO relations (id, type, source, target, title, valid_from, valid_to)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " valid_from = COALESCE(valid_from, excluded.valid_from),"
        " valid_to = COALESCE(valid_to, excluded.valid_to)",
        (relation_id, relation.type, relation.source, relation.target, relation.title,
         relation.valid_from, relation.valid_to),
    )
    conn.execute(
        'INSERT INTO relation_evidence (relation_id, doc_id, start, "end", valid_from, valid_to)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        (relation_id, doc_id, relation.start, relation.end, relation.valid_from, relation.valid_to),
    )


# -- folding again when actors change ---------------------------------------------------------------


def events_involving(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> list[str]:
    """Ids of the events any of these entities takes part in."""
    return [row[0] for row in conn.execute(
        "SELECT DISTINCT event_id FROM event_actors WHERE entity_id IN (SELECT value FROM json_each(?))"
        " ORDER BY event_id", (_ids_json(entity_ids),))]


def relations_involving(conn: sqlite3.Connection, entity_ids: Iterable[str]) -> list[str]:
    """Ids of the relations any of these entities is an end of."""
    ids = _ids_json(entity_ids)
    return [row[0] for row in conn.execute(
        "SELECT id FROM relations WHERE source IN (SELECT value FROM json_each(?))"
        " OR target IN (SELECT value FROM json_each(?)) ORDER BY id", (ids, ids))]


_TELLINGS_TO_REFOLD = """
    SELECT em.id, em.event_id, em.doc_id, e.type, em.start, em."end", em.trigger, em.trigger_start,
           em.trigger_end, em.date_value, em.date_start, em.date_end, em.amount, em.currency,
           em.modality, em.confidence, em.score, em.sentence_start, em.sentence_end, em.cameo, em.plover
    FROM event_mentions em JOIN events e ON e.id = em.event_id
    WHERE em.event_id IN (SELECT value FROM json_each(?)) ORDER BY em.id
"""


def _event_actors(conn: sqlite3.Connection, ids: str) -> dict[str, tuple[list[str], list[str]]]:
    """event id → (sources, targets) in the order the event names them."""
    actors: dict[str, tuple[list[str], list[str]]] = {}
    for event_id, entity_id, role in conn.execute(
        "SELECT event_id, entity_id, role FROM event_actors WHERE event_id IN (SELECT value FROM json_each(?))"
        " ORDER BY event_id, role, position", (ids,),
    ):
        sources, targets = actors.setdefault(event_id, ([], []))
        (sources if role == "source" else targets).append(entity_id)
    return actors


def refold_events(conn: sqlite3.Connection, event_ids: Iterable[str], substitute: Substitute,
                  overrides: ActorOverrides | None = None) -> None:
    """Drop these events and fold their tellings again, in stored order, with each telling's
    actors passed through ``substitute`` (or taken from ``overrides``). The caller passes every
    event that involves an entity whose tellings change, so that the folding sees exactly what
    a fresh ingest would."""
    ids = _ids_json(event_ids)
    tellings = conn.execute(_TELLINGS_TO_REFOLD, (ids,)).fetchall()
    actors = _event_actors(conn, ids)
    account_events(conn, json.loads(ids), -1)
    conn.execute("PRAGMA defer_foreign_keys = ON")  # tellings are detached until placed again
    conn.execute("UPDATE event_mentions SET event_id = '' WHERE event_id IN (SELECT value FROM json_each(?))", (ids,))
    conn.execute("DELETE FROM event_actors WHERE event_id IN (SELECT value FROM json_each(?))", (ids,))
    conn.execute("DELETE FROM events WHERE id IN (SELECT value FROM json_each(?))", (ids,))
    texts: dict[str, str] = {}
    for mention_id, event_id, doc_id, event_type, *values in tellings:
        if overrides and mention_id in overrides:
            new_sources, new_targets = (list(ids) for ids in overrides[mention_id])
        else:
            sources, targets = actors.get(event_id, ([], []))
            new_sources = list(dict.fromkeys(substitute(doc_id, s) for s in sources))
            new_targets = list(dict.fromkeys(substitute(doc_id, t) for t in targets))
        event = Event(event_type, tuple(new_sources), tuple(new_targets), *values)
        if doc_id not in texts:
            texts[doc_id] = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        placed = place_telling(conn, doc_id, sentence_text(texts[doc_id], event), event, new_sources, new_targets)
        conn.execute("UPDATE event_mentions SET event_id = ? WHERE id = ?", (placed, mention_id))


def refold_relations(conn: sqlite3.Connection, relation_ids: Iterable[str], substitute: Substitute,
                     overrides: EndOverrides | None = None) -> None:
    """Drop these relations and insert their evidence again, in stored order, with both ends
    passed through ``substitute`` (or taken from ``overrides``)."""
    ids = _ids_json(relation_ids)
    rows = conn.execute(
        'SELECT ev.doc_id, r.type, r.source, r.target, ev.start, ev."end", r.title, ev.valid_from,'
        " ev.valid_to FROM relation_evidence ev JOIN relations r ON r.id = ev.relation_id"
        " WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY ev.rowid", (ids,),
    ).fetchall()
    conn.execute("DELETE FROM relation_evidence WHERE relation_id IN (SELECT value FROM json_each(?))", (ids,))
    conn.execute("DELETE FROM relations WHERE id IN (SELECT value FROM json_each(?))", (ids,))
    for doc_id, relation_type, source, target, start, end, title, *valid in rows:
        ends = (overrides or {}).get((doc_id, start, end, relation_type, title))
        source, target = ends if ends else (substitute(doc_id, source), substitute(doc_id, target))
        insert_relation(conn, doc_id, Relation(relation_type, source, target, start, end, title, *valid))


def event_actors_of_tellings(conn: sqlite3.Connection, event_ids: Iterable[str]) -> dict[int, tuple[list[str], list[str]]]:
    """event_mentions.id → the actors of the event it tells, for these events."""
    ids = _ids_json(event_ids)
    actors = _event_actors(conn, ids)
    return {mention_id: actors.get(event_id, ([], [])) for mention_id, event_id in conn.execute(
        "SELECT id, event_id FROM event_mentions WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (ids,))}


def relation_ends_of_evidence(conn: sqlite3.Connection, relation_ids: Iterable[str]) -> dict[EvidenceKey, tuple[str, str]]:
    """Each evidence row of these relations, by its identity, → the relation's ends."""
    return {(doc_id, start, end, type_, title): (source, target) for doc_id, start, end, type_, title, source, target
            in conn.execute(
                'SELECT ev.doc_id, ev.start, ev."end", r.type, r.title, r.source, r.target FROM relation_evidence ev'
                " JOIN relations r ON r.id = ev.relation_id WHERE r.id IN (SELECT value FROM json_each(?))",
                (_ids_json(relation_ids),))}
