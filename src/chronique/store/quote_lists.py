"""Lists of quotes, by one speaker and/or about one entity, in reading order or newest first,
by page or walked in chunks with a cursor; and every report of given words.

Kept apart for the choice each list makes between walking the articles in date order and
reading one index range of the quotes (see ``_quotes_by_date_first``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date

from chronique.store.queries import stored_date
from chronique.store.records import QuoteRow

__all__ = ["QuoteCursor", "quotes", "quotes_after", "quotes_said_as"]

#: Quotes about an entity (``store.quote_about``: named by the speech verb, or in the quote's
#: sentence by someone else), as a set (index ``quote_about_by_entity``) or one quote at a time
#: (its primary key), with the speaker's condition when there is one.
_ABOUT_SET = "q.id IN (SELECT qa.quote_id FROM quote_about qa WHERE qa.entity_id = ?{speaker})"
_ABOUT_ONE = "EXISTS (SELECT 1 FROM quote_about qa WHERE qa.quote_id = q.id AND qa.entity_id = ?{speaker})"


def _quote_filter(by: str | None, about: str | None, one_by_one: bool = False) -> tuple[str, list[object]]:
    """The WHERE clause and values of :func:`quotes` (``one_by_one``: the "about" test as a
    per-quote check rather than a set)."""
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    if by is not None and about is None:
        clauses.append("q.speaker = ?")
        params.append(by)
    # With "about", its rows carry the speaker (``quote_about.speaker``): as a set, the quotes
    # are the set's, found by id, not every quote of the speaker tested against it; one by one,
    # the walk by date below keeps no test on ``q`` outside the check (see ``quotes_after``).
    if about is not None:
        if one_by_one:
            clauses.append(_ABOUT_ONE.format(speaker="" if by is None else " AND qa.speaker = ?"))
            params += [about] if by is None else [about, by]
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
    # every quote of the speaker for each article.) A LEFT JOIN, whose WHERE holds no test SQLite
    # sees as rejecting a missing quote (the "about" check is a subquery), so that it stays one:
    # an inner join had SQLite build a Bloom filter over every quote's article before the walk
    # (24 ms of the 25 the newest quotes about the most quoted actor took at 100,000 documents;
    # 1.5 ms without).
    # One speaker's quotes are one range of ``quotes_by_speaker_date``, already in this order.
    source = ("documents d INDEXED BY documents_by_date LEFT JOIN quotes q INDEXED BY quotes_by_doc ON q.doc_id = d.id"
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
        QuoteRow(doc_id, stored_date(doc_date), start, end, text, speaker, name, cue, about_)
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
            QuoteRow(doc_id, stored_date(doc_date), start, end, text, speaker_, name, cue, about_)
            for doc_id, doc_date, start, end, text, speaker_, name, cue, about_ in conn.execute(
                'SELECT q.doc_id, d.date, q.start, q."end", q.text, q.speaker, en.name, q.cue, q.about'
                " FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN entities en ON en.id = q.speaker"
                f" WHERE q.said_key = ? AND {where}",
                [key, *params],
            )
        ]
    return sorted(rows, key=lambda r: (r.doc_date or date.max, r.doc_id, r.start))
