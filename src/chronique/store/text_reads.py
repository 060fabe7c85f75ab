"""Reads of stored text: full-text matches (SQLite FTS5) and the sentences around a span.

``chronique.analysis.search`` decides what a user's words mean and how hits are shown; this
module only runs the queries it builds (an FTS5 query of quoted strings, bound as a parameter)
and reads back the few articles and quotes that matched. The report reads the sentences its
sources cite from here too.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chronique.store.dialect import is_postgres, one_plan
from chronique.store.queries import rows_together

__all__ = [
    "COMMON_MATCHES", "RANKED_WINDOW", "ArticleText", "QuoteText", "ranked_articles", "ranked_quotes", "ranked_texts",
    "sentence_holding", "sentences_holding", "sentence_around",
]

#: At most this many matches are ranked, the most recently stored ones: bm25 costs a few
#: microseconds per match, and a word found in 90,000 articles would cost 150 ms to rank; among
#: that many, the newest are what a reader looks for first.
RANKED_WINDOW = 2000
#: A word or phrase found in at least this many articles (or quotes) is too common for FTS5's
#: bm25 to rank: bm25 weighs each part of a query by how rare it is, and FTS5 learns that by
#: walking every row that holds the part, whatever the window (80 ns a row: 72 ms for a word in
#: 990,000 of 1,000,000 articles, 4 ms at this count). A query with such a part lists its newest
#: matches first (SQLite; the PostgreSQL form ranks its window without that walk).
COMMON_MATCHES = 50_000


@dataclass(frozen=True)
class ArticleText:
    """A matched article: its full-text row id, id, date, title and text."""

    rowid: int
    doc_id: str
    doc_date: date | None
    title: str | None
    text: str


@dataclass(frozen=True)
class QuoteText:
    """A matched quote, with the text of its article (for its sentence) and its speaker."""

    quote_id: int
    doc_id: str
    doc_date: date | None
    title: str | None
    text: str
    start: int
    end: int
    speaker_id: str | None
    speaker_name: str | None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _ranked_window(table: str) -> str:
    """rowid and bm25 rank of the ``?`` best matches of an FTS5 query (bound twice) among the
    newest :data:`RANKED_WINDOW` matches (the window's oldest row a subquery, bound ``?``): one
    statement, which the PostgreSQL dialect makes one walk of the newest matches, ranked as they
    are read."""
    return (f"SELECT rowid, rank FROM {table} WHERE {table} MATCH ? AND rowid >= COALESCE("
            f"(SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?), 0)"
            " ORDER BY rank LIMIT ?")


def _newest(table: str) -> str:
    """rowid and a rank of the ``?`` newest matches of an FTS5 query: minus the row id, so that
    the newest is the best (bm25 ranks are negative, best lowest), for a query too common to rank."""
    return f"SELECT rowid, -rowid AS rank FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?"


def _articles_of(matches: str) -> str:
    return f"SELECT d.rowid, d.id, d.date, d.title, d.text, m.rank FROM ({matches}) AS m JOIN documents d ON d.rowid = m.rowid"


def _quotes_of(matches: str) -> str:
    return ('SELECT q.id, q.doc_id, d.date, d.title, d.text, q.start, q."end", q.speaker, en.name, m.rank'
            f" FROM ({matches}) AS m JOIN quotes q ON q.id = m.rowid"
            " JOIN documents d ON d.id = q.doc_id LEFT JOIN entities en ON en.id = q.speaker")


_RANKED_ARTICLES = _articles_of(_ranked_window("documents_fts"))
_RANKED_QUOTES = _quotes_of(_ranked_window("quotes_fts"))
_NEWEST_ARTICLES = _articles_of(_newest("documents_fts"))
_NEWEST_QUOTES = _quotes_of(_newest("quotes_fts"))
#: A part of a query as ``analysis.search.fts_query`` writes it: a quoted string.
_QUERY_PART = re.compile(r'"[^"]*"')


def _too_common(conn: sqlite3.Connection, table: str, query: str) -> bool:
    """Whether some part of ``query`` matches :data:`COMMON_MATCHES` rows of ``table`` or more
    (walked from the newest: 3 ms for a part that has them, less for one that has not)."""
    if is_postgres(conn):
        return False
    probe = f"SELECT 1 FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
    return any(conn.execute(probe, (part, COMMON_MATCHES - 1)).fetchone() for part in _QUERY_PART.findall(query))


def _article_read(conn: sqlite3.Connection, query: str, limit: int) -> tuple[str, tuple[object, ...]]:
    if _too_common(conn, "documents_fts", query):
        return _NEWEST_ARTICLES, (query, limit)
    return _RANKED_ARTICLES, (query, query, RANKED_WINDOW - 1, limit)


def _quote_read(conn: sqlite3.Connection, query: str, limit: int) -> tuple[str, tuple[object, ...]]:
    if _too_common(conn, "quotes_fts", query):
        return _NEWEST_QUOTES, (query, limit)
    return _RANKED_QUOTES, (query, query, RANKED_WINDOW - 1, limit)


def _articles(rows: Sequence[tuple]) -> list[tuple[ArticleText, float]]:
    return [(ArticleText(rowid, doc_id, _date(day), title, text), rank)
            for rowid, doc_id, day, title, text, rank in rows]


def _quotes(rows: Sequence[tuple]) -> list[tuple[QuoteText, float]]:
    return [(QuoteText(quote_id, doc_id, _date(day), title, text, start, end, speaker, name), rank)
            for quote_id, doc_id, day, title, text, start, end, speaker, name, rank in rows]


def ranked_articles(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[ArticleText, float]]:
    """The ``limit`` best articles matching an FTS5 ``query``, each with its bm25 rank (beyond
    :data:`RANKED_WINDOW` matches, only the most recently stored ones are ranked; a query with a
    part in :data:`COMMON_MATCHES` articles or more: the newest); read with their texts in the
    same statement."""
    return _articles(conn.execute(*_article_read(conn, query, limit)).fetchall())


def ranked_quotes(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[QuoteText, float]]:
    """The ``limit`` best quotes matching an FTS5 ``query``, each with its rank, its article's
    text and its speaker's name, in one statement (as :func:`ranked_articles`)."""
    return _quotes(conn.execute(*_quote_read(conn, query, limit)).fetchall())


def ranked_texts(conn: sqlite3.Connection, query: str, limit: int
                 ) -> tuple[list[tuple[ArticleText, float]], list[tuple[QuoteText, float]]]:
    """:func:`ranked_articles` and :func:`ranked_quotes` of one query, sent to a server at once
    (one round trip for both: ``queries.rows_together``)."""
    articles, quotes = rows_together(conn, [_article_read(conn, query, limit), _quote_read(conn, query, limit)])
    return _articles(articles), _quotes(quotes)


def sentence_holding(conn: sqlite3.Connection, doc_id: str, offset: int) -> tuple[int, int] | None:
    """The bounds of the last stored sentence of the document starting at or before ``offset``
    (it holds ``offset`` when its end is after it), or ``None``."""
    row = conn.execute(
        'SELECT start, "end" FROM sentences WHERE doc_id = ? AND start <= ? ORDER BY start DESC LIMIT 1',
        (doc_id, offset),
    ).fetchone()
    return (row[0], row[1]) if row else None


#: The last stored sentence starting at or before each (document, offset) asked: one statement
#: for a whole page of search hits, where one look-up per hit costs a round trip each on a server.
_SENTENCES_HOLDING = one_plan("""
    WITH wanted(doc_id, pos, n) AS
        (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?))
    SELECT w.n, s.start, s."end" FROM wanted w JOIN sentences s ON s.doc_id = w.doc_id
      AND s.start = (SELECT MAX(b.start) FROM sentences b WHERE b.doc_id = w.doc_id AND b.start <= w.pos)
""")


def sentences_holding(conn: sqlite3.Connection, wanted: Sequence[tuple[str, int]]) -> list[tuple[int, int] | None]:
    """:func:`sentence_holding` of each ``(doc_id, offset)``, in the order given, in one query."""
    if not wanted:
        return []
    found: list[tuple[int, int] | None] = [None] * len(wanted)
    spans = json.dumps([[doc_id, offset, index] for index, (doc_id, offset) in enumerate(wanted)])
    for index, start, end in conn.execute(_SENTENCES_HOLDING, (spans,)):
        found[index] = (start, end)
    return found


def sentence_around(conn: sqlite3.Connection, doc_id: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) holding [start, end), from the stored sentence bounds; the
    span itself when the store has none."""
    first = conn.execute(
        "SELECT MAX(start) FROM sentences WHERE doc_id = ? AND start <= ?", (doc_id, start)).fetchone()[0]
    last = conn.execute(
        'SELECT MIN("end") FROM sentences WHERE doc_id = ? AND "end" >= ?', (doc_id, end)).fetchone()[0]
    return (start if first is None else first), (end if last is None else last)
