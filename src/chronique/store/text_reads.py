"""Reads of stored text: full-text matches (SQLite FTS5) and the sentences around a span.

``chronique.analysis.search`` decides what a user's words mean and how hits are shown; this
module only runs the queries it builds (an FTS5 query of quoted strings, bound as a parameter)
and reads back the few articles and quotes that matched. The report reads the sentences its
sources cite from here too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chronique.store.dialect import one_plan
from chronique.store.queries import rows_together

__all__ = [
    "RANKED_WINDOW", "ArticleText", "QuoteText", "ranked_articles", "ranked_quotes", "ranked_texts",
    "sentence_holding", "sentences_holding", "sentence_around",
]

#: At most this many matches are ranked, the most recently stored ones: bm25 costs a few
#: microseconds per match, and a word found in 90,000 articles would cost 150 ms to rank; among
#: that many, the newest are what a reader looks for first.
RANKED_WINDOW = 2000


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


_RANKED_ARTICLES = ("SELECT d.rowid, d.id, d.date, d.title, d.text, m.rank"
                    f" FROM ({_ranked_window('documents_fts')}) AS m JOIN documents d ON d.rowid = m.rowid")
_RANKED_QUOTES = ('SELECT q.id, q.doc_id, d.date, d.title, d.text, q.start, q."end", q.speaker, en.name, m.rank'
                  f" FROM ({_ranked_window('quotes_fts')}) AS m JOIN quotes q ON q.id = m.rowid"
                  " JOIN documents d ON d.id = q.doc_id LEFT JOIN entities en ON en.id = q.speaker")


def _articles(rows: Sequence[tuple]) -> list[tuple[ArticleText, float]]:
    return [(ArticleText(rowid, doc_id, _date(day), title, text), rank)
            for rowid, doc_id, day, title, text, rank in rows]


def _quotes(rows: Sequence[tuple]) -> list[tuple[QuoteText, float]]:
    return [(QuoteText(quote_id, doc_id, _date(day), title, text, start, end, speaker, name), rank)
            for quote_id, doc_id, day, title, text, start, end, speaker, name, rank in rows]


def ranked_articles(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[ArticleText, float]]:
    """The ``limit`` best articles matching an FTS5 ``query``, each with its bm25 rank (beyond
    :data:`RANKED_WINDOW` matches, only the most recently stored ones are ranked); read with
    their texts in the same statement."""
    return _articles(conn.execute(_RANKED_ARTICLES, (query, query, RANKED_WINDOW - 1, limit)).fetchall())


def ranked_quotes(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[QuoteText, float]]:
    """The ``limit`` best quotes matching an FTS5 ``query``, each with its rank, its article's
    text and its speaker's name, in one statement (as :func:`ranked_articles`)."""
    return _quotes(conn.execute(_RANKED_QUOTES, (query, query, RANKED_WINDOW - 1, limit)).fetchall())


def ranked_texts(conn: sqlite3.Connection, query: str, limit: int
                 ) -> tuple[list[tuple[ArticleText, float]], list[tuple[QuoteText, float]]]:
    """:func:`ranked_articles` and :func:`ranked_quotes` of one query, sent to a server at once
    (one round trip for both: ``queries.rows_together``)."""
    params = (query, query, RANKED_WINDOW - 1, limit)
    articles, quotes = rows_together(conn, [(_RANKED_ARTICLES, params), (_RANKED_QUOTES, params)])
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
