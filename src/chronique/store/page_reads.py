"""Reads that list things a page at a time: articles, actors, actors whose names hold some words.

Every list the web pages and the HTTP API show is cut in SQL (``LIMIT``/``OFFSET``), so a
request never makes the server hold more rows than one page, whatever the size of the store.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date

from chronique.store.entity_reads import entities_by_ids
from chronique.store.records import EntityRow

__all__ = ["DocumentSummary", "DocumentPage", "document_cursor", "document_page", "documents_mentioning", "entity_page", "entities_matching", "LEAD_CHARACTERS"]

#: How much of an article's text a list shows (for articles without a title).
LEAD_CHARACTERS = 160


@dataclass(frozen=True)
class DocumentSummary:
    """An article in a list: enough to choose one, without its text."""

    id: str
    date: date | None
    title: str | None
    lang: str | None
    source: str | None
    url: str | None
    lead: str  # the first characters of the text, for articles without a title
    characters: int


@dataclass(frozen=True)
class DocumentPage:
    """One page of the stored articles, newest first; ``total`` counts them all. ``next`` is
    the cursor of the page after this one (pass it as ``after``), ``None`` on the last page."""

    total: int
    limit: int
    offset: int
    items: tuple[DocumentSummary, ...]
    next: str | None = None


def document_cursor(summary: DocumentSummary) -> str:
    """Where a page ends: ``date:id`` of its last article (``:id`` when it is undated)."""
    return f"{summary.date.isoformat() if summary.date else ''}:{summary.id}"


#: The articles after a cursor in the order ``date DESC, id`` (undated ones last), in three
#: index ranges of ``documents_by_date`` (the rest of the cursor's day, the days before it, the
#: undated), so that a page costs the same at any depth: one ``OR`` would scan from the top.
_AFTER_DATED = (
    "SELECT id FROM documents WHERE date = ? AND id > ? ORDER BY id LIMIT ?",
    "SELECT id FROM documents WHERE date < ? ORDER BY date DESC, id LIMIT ?",
)
_AFTER_UNDATED = "SELECT id FROM documents WHERE date IS NULL AND id > ? ORDER BY id LIMIT ?"


def _ids_after(conn: sqlite3.Connection, cursor: str, count: int) -> list[str]:
    """The ids of the first ``count`` articles after ``cursor`` (``date:id``)."""
    day, _, doc_id = cursor.partition(":")
    ids: list[str] = []
    if day:
        ids += [row[0] for row in conn.execute(_AFTER_DATED[0], (day, doc_id, count))]
        if len(ids) < count:
            ids += [row[0] for row in conn.execute(_AFTER_DATED[1], (day, count - len(ids)))]
        doc_id = ""
    if len(ids) < count:
        ids += [row[0] for row in conn.execute(_AFTER_UNDATED, (doc_id, count - len(ids)))]
    return ids


def _summaries(conn: sqlite3.Connection, total: int, limit: int, offset: int, where: str = "",
               params: tuple[object, ...] = (), ids: list[str] | None = None, skip: int | None = None) -> DocumentPage:
    """One page: its ids chosen from the index alone (an OFFSET skips index entries, not rows)
    unless given (the first ``skip`` of them left out, ``offset`` unless said), then only those
    rows read."""
    if ids is None:
        chosen, chosen_params = f"SELECT id FROM documents {where} ORDER BY date DESC, id LIMIT ? OFFSET ?", (
            *params, limit + 1, offset)
    else:
        first = offset if skip is None else skip
        chosen, chosen_params = "SELECT value FROM json_each(?)", (json.dumps(ids[first:first + limit + 1]),)
    rows = conn.execute(
        "SELECT id, date, title, lang, source, url, substr(text, 1, ?), length(text) FROM documents"
        f" WHERE id IN ({chosen}) ORDER BY date DESC, id",
        (LEAD_CHARACTERS, *chosen_params),
    ).fetchall()
    items = tuple(
        DocumentSummary(id_, date.fromisoformat(day) if day else None, title, lang, source, url,
                        " ".join(lead.split()), characters)
        for id_, day, title, lang, source, url, lead, characters in rows
    )
    more = len(items) > limit
    items = items[:limit]
    return DocumentPage(total, limit, offset, items, document_cursor(items[-1]) if more and items else None)


#: The first ``count`` articles of one day from a position in it (``date = ?``; ``IS`` for the
#: undated, whose day is NULL), in the page order.
_OF_DAY = ("SELECT id FROM documents WHERE date = ? ORDER BY id LIMIT ? OFFSET ?",
           "SELECT id FROM documents WHERE date IS NULL ORDER BY id LIMIT ? OFFSET ?")


def _ids_at(conn: sqlite3.Connection, offset: int, count: int) -> tuple[int, list[str]]:
    """The total and the ids of the ``count`` articles from position ``offset``: the day holding
    that position is found by summing the documents per day (``document_days``, newest first,
    undated last), then the page is read from that day's position on, as after a cursor. A page
    at offset 90,000 so reads a few thousand day totals instead of skipping 90,000 entries."""
    # Newest first; the undated ('') sort last, as in the page order.
    days = conn.execute("SELECT day, documents FROM document_days WHERE documents > 0 ORDER BY day DESC").fetchall()
    total = sum(documents for _, documents in days)
    seen = 0
    for day, documents in days:
        if offset < seen + documents:
            skip = offset - seen
            ids = [row[0] for row in (conn.execute(_OF_DAY[0], (day, count, skip)) if day
                                      else conn.execute(_OF_DAY[1], (count, skip)))]
            if ids and len(ids) < count:
                ids += _ids_after(conn, f"{day}:{ids[-1]}", count - len(ids))
            return total, ids
        seen += documents
    return total, []


def document_page(conn: sqlite3.Connection, limit: int, offset: int, after: str | None = None) -> DocumentPage:
    """Stored articles by publication date (newest first), then id; every value bound. With
    ``after`` (a page's ``next``), the page that follows that cursor, then ``offset`` more."""
    if after is None:
        total, ids = _ids_at(conn, offset, limit + 1)
        return _summaries(conn, total, limit, offset, ids=ids, skip=0)
    total = conn.execute("SELECT SUM(documents) FROM document_days").fetchone()[0] or 0
    return _summaries(conn, total, limit, offset, ids=_ids_after(conn, after, offset + limit + 1))


def documents_mentioning(conn: sqlite3.Connection, entity_id: str, limit: int, offset: int) -> DocumentPage:
    """The articles that mention an actor (newest first), with how many there are in all (its
    running total). An actor named in most articles finds its page by walking the newest
    articles (one seek each in ``mentions_by_doc_entity``); a rarer one by its own mentions."""
    row = conn.execute("SELECT documents FROM entity_stats WHERE entity_id = ?", (entity_id,)).fetchone()
    total = row[0] if row else 0
    stored = conn.execute("SELECT MAX(rowid) FROM documents").fetchone()[0] or 0
    if total * total > (limit + offset) * stored:
        holding = "WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = documents.id AND m.entity_id = ?)"
    else:
        holding = "WHERE id IN (SELECT doc_id FROM mentions WHERE entity_id = ?)"
    return _summaries(conn, total, limit, offset, holding, (entity_id,))


#: Mentions of an entity, the first key of the actors' order (most mentioned first): its running
#: total (``store.aggregates``).
_MENTION_COUNT = "(SELECT s.mentions FROM entity_stats s WHERE s.entity_id = e.id)"


def entity_page(conn: sqlite3.Connection, entity_type: str | None, limit: int, offset: int = 0) -> list[EntityRow]:
    """One page of the actors (of one type if given) in the order of ``Store.entities``: most
    mentioned first, then by name and id."""
    where, params = ("WHERE e.type = ?", [entity_type]) if entity_type is not None else ("", [])
    # From the most mentioned down ``entity_stats_by_mentions``; names break ties.
    ids = [row[0] for row in conn.execute(
        f"SELECT e.id FROM entity_stats s CROSS JOIN entities e ON e.id = s.entity_id {where}"
        " ORDER BY s.mentions DESC, e.name, e.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )]
    return entities_by_ids(conn, ids)


def entities_matching(conn: sqlite3.Connection, wanted: str, limit: int) -> list[EntityRow]:
    """At most ``limit`` actors whose normalised name, id (lower-cased) or an alias holds
    ``wanted`` (already normalised): those named exactly so first, then the most mentioned."""
    exact = ("(e.norm_name = :w OR lower(e.id) = :w"
             " OR EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND a.norm = :w))")
    ids = [row[0] for row in conn.execute(
        "SELECT e.id FROM entities e"
        " WHERE instr(e.norm_name, :w) > 0 OR instr(lower(e.id), :w) > 0"
        " OR e.id IN (SELECT entity_id FROM aliases WHERE instr(norm, :w) > 0)"
        f" ORDER BY {exact} DESC, {_MENTION_COUNT} DESC, e.name, e.id LIMIT :limit",
        {"w": wanted, "limit": limit},
    )]
    return entities_by_ids(conn, ids)
