"""The PostgreSQL dialect: the store's SQLite statements, translated, over a psycopg 3 connection.

Every query of ``store/`` is written once, for SQLite. :class:`PgConnection` answers the part
of the ``sqlite3.Connection`` interface the store uses (``execute``, ``executemany``,
``rowcount``, ``lastrowid``, ``in_transaction``, ``total_changes``) and rewrites each statement
once (cached) with :func:`translate`, so that a query answers the same on both engines:

- placeholders ``?`` and ``:name`` become ``%s`` and ``%(name)s``; a JSON list bound to
  ``IN (SELECT value FROM json_each(?))`` is passed as an array to ``= ANY(%s)``;
- ``ORDER BY`` terms get SQLite's NULL order (first ascending, last descending), and index
  columns are built the same way so that PostgreSQL reads them in that order;
- SQLite's functions and forms get their PostgreSQL equivalents: two-argument ``MAX``/``MIN``,
  ``instr``, ``char``, ``date(?, '-N days')``, ``INSERT OR IGNORE/REPLACE``, ``INDEXED BY``,
  ``CROSS JOIN … ON``, ``LIMIT -1``, a subquery in ``FROM`` without alias, the unary ``+`` that only steers
  SQLite's planner, and the few ``PRAGMA`` statements the store makes;
- the schema: ``INTEGER PRIMARY KEY`` becomes an identity column, every table gets a ``rowid``
  (SQLite's implicit one, which queries read), text compares by code point (``COLLATE "C"``),
  ``REAL`` is a double, foreign keys may be deferred, and the FTS5 tables become a ``tsvector``
  column per table searched with the ``chronique_fr`` text search configuration (accents and
  case folded with ``unaccent``; no stemming, no stop words, like FTS5's ``unicode61``);
- ``BEGIN IMMEDIATE`` takes a transaction-scoped advisory lock: one writer at a time, as in
  SQLite, so that several ingests into one database store every document once. Readers never
  wait.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from chronique.store.sql_scan import closing, code_only, spans, top_level_split

__all__ = ["translate", "Translated", "PG_PRELUDE", "one_plan", "is_postgres", "key_order", "bind", "bind_many"]

#: The lock every writer takes first (``BEGIN IMMEDIATE``): the one-writer rule of SQLite.
WRITE_LOCK_KEY = 7_260_415_901


def is_postgres(conn: object) -> bool:
    """Whether the store's connection is a PostgreSQL one (``store.postgres.PgConnection``)."""
    return getattr(conn, "dialect", "sqlite") == "postgresql"


# -- the translation ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Translated:
    """One statement for PostgreSQL: its text(s), which positional parameters are JSON lists to
    bind as arrays, and whether it returns the new row's id (for ``lastrowid``)."""

    statements: tuple[str, ...]
    json_params: frozenset[int] = frozenset()
    returns_id: bool = False
    #: Marked by :func:`one_plan`: planned once per connection, that plan reused for any values.
    one_plan: bool = False
    #: A full-text window (``store.text_reads``): planned with the cost of a page read lowered to
    #: that of a page in memory (``PgConnection``), so that the planner weighs the rows each way
    #: reads, not the pages: the newest quotes walked until 2,000 match (45,000 of them for a word
    #: in one quote in twenty) or only the word's quotes from its index (4,300), then sorted.
    cached_pages: bool = False


#: The statements marked by :func:`one_plan`, whitespace folded.
_ONE_PLAN: set[str] = set()
_KEY_ORDER: set[str] = set()


def one_plan(sql: str) -> str:
    """Mark one of the store's statements as planned best the same way whatever values it is
    given (key look-ups: an actor's name, the rows of the events of one page), and return it.

    PostgreSQL plans every other statement for each call's values (an actor with 3 events and
    one with 50,000 want different plans); planning a key look-up takes as long as running it
    (0.2 ms), so these keep the plan made once per connection. Nothing changes for SQLite.
    """
    _ONE_PLAN.add(" ".join(sql.split()))
    return sql


def key_order(sql: str) -> str:
    """Mark one of the store's statements as ordered by the columns of a key that are never
    NULL, and return it: PostgreSQL then reads it along that key's index as written. Every other
    ``ORDER BY`` gets SQLite's NULL order (``NULLS FIRST``), which an index made by a primary
    key (in PostgreSQL's own NULL order) cannot give: a page of an actor's timeline would sort
    all the actor's events. Nothing changes for SQLite."""
    _KEY_ORDER.add(" ".join(sql.split()))
    return sql


#: Tables whose ``id INTEGER PRIMARY KEY`` becomes an identity column (their ``rowid`` is ``id``).
_IDENTITY_TABLES = frozenset({"quotes", "event_mentions", "ingest_log", "entity_merges"})
#: Tables whose ``rowid`` queries look up or take the largest of: it gets an index.
_ROWID_READ = frozenset({"documents", "events", "relation_evidence"})
#: The key an ``INSERT OR REPLACE`` replaces on.
_REPLACE_KEYS = {"entity_redirects": ("old_id",), "entity_pins": ("type", "key")}

_CONFIG = "chronique_fr"

#: Functions SQLite has built in that the store's statements (and indexes) call; created once,
#: before the first migration. IMMUTABLE so that indexes may use them.
PG_PRELUDE = (
    # SQLite's julianday() of a YYYY-MM-DD date (a day past the month's end counts on, as in
    # SQLite); NULL for anything else. Plain SQL, no exception handler: parallel safe.
    """CREATE OR REPLACE FUNCTION julianday(value text) RETURNS double precision
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' AND substr(value, 1, 4) <> '0000'
        THEN (make_date(substr(value, 1, 4)::int, substr(value, 6, 2)::int, 1) + (substr(value, 9, 2)::int - 1)
              - DATE '2000-01-01') + 2451544.5 END
    $$""",
    # SQLite's date(value, '-N days') of a YYYY-MM-DD date; '' (before every date) otherwise.
    """CREATE OR REPLACE FUNCTION chronique_date_shift(value text, days integer) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' AND substr(value, 1, 4) <> '0000'
        THEN to_char(make_date(substr(value, 1, 4)::int, substr(value, 6, 2)::int, 1)
                     + (substr(value, 9, 2)::int - 1) + days, 'YYYY-MM-DD')
        ELSE '' END
    $$""",
    # An FTS5 query of quoted phrases ("a b" "c") as a tsquery: every phrase, words adjacent.
    f"""CREATE OR REPLACE FUNCTION chronique_tsquery(query text) RETURNS tsquery
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
        phrase text;
        result tsquery;
    BEGIN
        FOR phrase IN SELECT m[1] FROM regexp_matches(query, '"([^"]*)"', 'g') AS m LOOP
            IF result IS NULL THEN result := phraseto_tsquery('{_CONFIG}', phrase);
            ELSE result := result && phraseto_tsquery('{_CONFIG}', phrase);
            END IF;
        END LOOP;
        RETURN result;  -- NULL (no phrase) matches nothing
    END $$""",
)

#: Bytes of a documents row above which PostgreSQL compresses or moves its longest values out
#: of the table (the most it allows; rows longer than a page are still moved out).
_DOCUMENT_TUPLE_TARGET = 8160

#: FTS5's external-content tables become a generated ``tsvector`` column with a GIN index.
_PG_SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH CONFIGURATION {_CONFIG} (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {_CONFIG} ALTER MAPPING FOR"
    " asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart"
    " WITH unaccent, simple",
    # A compound word ("porte-parole") is indexed by its parts only, as FTS5 cuts it.
    f"ALTER TEXT SEARCH CONFIGURATION {_CONFIG} DROP MAPPING FOR asciihword, hword, numhword",
    f"""ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS
        (to_tsvector('{_CONFIG}', COALESCE(title, '')) || to_tsvector('{_CONFIG}', text)) STORED""",
    "CREATE INDEX documents_search ON documents USING gin (search)",
    # An article's row (text and search vector, 2 KB on average) stays whole in the table: with
    # the default target (2 KB) the vector of one row in two went to the TOAST table, and the
    # newest matches of a common word cost a TOAST look-up each (their walk: 8.8 ms → 2.0 ms).
    f"ALTER TABLE documents SET (toast_tuple_target = {_DOCUMENT_TUPLE_TARGET})",
    f"ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('{_CONFIG}', text)) STORED",
    "CREATE INDEX quotes_search ON quotes USING gin (search)",
)

#: Whole statements PostgreSQL says otherwise (matched on their first words).
_REPLACED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CREATE VIRTUAL TABLE documents_fts", _PG_SEARCH),
    ("CREATE VIRTUAL TABLE quotes_fts", ()),
    ("CREATE TRIGGER ", ()),
    ("INSERT INTO documents_fts(documents_fts)", ()),
    ("INSERT INTO quotes_fts(quotes_fts)", ()),
    ("BEGIN IMMEDIATE", ("BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")),
    ("PRAGMA defer_foreign_keys", ("SET CONSTRAINTS ALL DEFERRED",)),
    ("PRAGMA data_version", ("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint",)),  # an int, grows with writes
    ("PRAGMA optimize", ("ANALYZE",)),
    ("SELECT name FROM sqlite_master WHERE type = 'table'",
     ("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",)),
)

_TABLE_INFO = re.compile(r"PRAGMA table_info\((\w+)\)")
_TABLE_INFO_SQL = (
    "SELECT ordinal_position - 1, column_name, CASE data_type WHEN 'text' THEN 'TEXT'"
    " WHEN 'integer' THEN 'INTEGER' WHEN 'bigint' THEN 'INTEGER' WHEN 'double precision' THEN 'REAL'"
    " ELSE upper(data_type) END FROM information_schema.columns"
    " WHERE table_schema = current_schema() AND table_name = '{0}' AND column_name NOT IN ('rowid', 'search')"
    " ORDER BY ordinal_position"
)

#: Full-text reads (store.text_reads), by FTS table: the table and row id they stand for.
_FTS = {"documents_fts": ("documents", "rowid"), "quotes_fts": ("quotes", "id")}
_FTS_WINDOW = re.compile(
    r"SELECT rowid, rank FROM (\w+) WHERE \1 MATCH \? AND rowid >= COALESCE\("
    r"\(SELECT rowid FROM \1 WHERE \1 MATCH \? ORDER BY rowid DESC LIMIT 1 OFFSET \?\), 0\)"
    r" ORDER BY rank LIMIT \?")

_SPANS_IN_JSON = re.compile(
    r"\(SELECT json_extract\(value, '\$\[0\]'\), json_extract\(value, '\$\[1\]'\),"
    r" json_extract\(value, '\$\[2\]'\) FROM json_each\(\?\)\)")


def _fts(sql: str) -> str | None:
    """The PostgreSQL form of the full-text window (``store.text_reads``, a subquery): the
    newest ``OFFSET + 1`` matches, read newest first along the row id (one walk, where the two
    halves of the SQLite statement would walk them twice), then the best of them by ``rank``,
    ``-ts_rank`` (best first, like FTS5's bm25, which is negative). The second query parameter
    is the same query, only checked."""
    def window(match: re.Match[str]) -> str:
        table, rowid = _FTS[match.group(1)]
        return (f"SELECT w.{rowid} AS rowid, w.rank FROM (SELECT {rowid}, -ts_rank(search, q.query)::float8 AS rank"
                f" FROM {table}, chronique_tsquery(?) AS q(query)"
                f" WHERE search @@ q.query AND ?::text IS NOT NULL ORDER BY {rowid} DESC LIMIT ? + 1) AS w"
                f" ORDER BY w.rank, w.{rowid} LIMIT ?")

    translated, count = _FTS_WINDOW.subn(window, sql)
    return translated if count else None


@lru_cache(maxsize=1024)
def translate(sql: str) -> Translated:
    """The PostgreSQL statement(s) for one of the store's SQLite statements."""
    head = " ".join(sql.split())
    for prefix, replacement in _REPLACED:
        if head.startswith(prefix):
            return Translated(replacement)
    if match := _TABLE_INFO.fullmatch(head):
        return Translated((_TABLE_INFO_SQL.format(match.group(1)),))
    if head.startswith("PRAGMA "):
        return Translated(())
    if head in _ONE_PLAN:
        return replace(_statement(sql), one_plan=True)
    if head in _KEY_ORDER:
        return _statement(sql, null_order=False)
    window = _fts(head)
    if window is not None:
        return replace(_statement(window), cached_pages=True)
    upper = head.upper()
    if upper.startswith("CREATE TABLE"):
        return Translated((_create_table(sql),))
    if upper.startswith("ALTER TABLE"):
        return Translated((_column_types(sql),))
    if upper.startswith("CREATE INDEX") or upper.startswith("CREATE UNIQUE INDEX"):
        return Translated((_create_index(sql),))
    return _statement(sql)


def _statement(sql: str, null_order: bool = True) -> Translated:
    sql = _SPANS_IN_JSON.sub(
        "(SELECT x->>0, (x->>1)::int, (x->>2)::int FROM json_array_elements(CAST(? AS json)) AS x)", sql)
    sql = re.sub(r"\bNOT IN \(SELECT value FROM json_each\(\?\)\)", "<> ALL(?\x00)", sql)
    sql = re.sub(r"\bIN \(SELECT value FROM json_each\(\?\)\)", "= ANY(?\x00)", sql)
    sql = re.sub(r"\bdate\(\?, '(-?\d+) days'\)", r"chronique_date_shift(?, \1)", sql)
    if "INDEXED BY events_facts" in sql:
        # SQLite is told to look the chosen events up by id (store.selection); PostgreSQL would
        # rather walk every event in time order (events_in_time_order) until the page is full,
        # 80,000 of them for an actor's quarter. The order's first term as an integer, which no
        # index holds, keeps it on the chosen events too: read them, then sort those few.
        sql = re.sub(r"ORDER BY COALESCE\(e\.date_start, e\.date_value\) IS NULL\b",
                     "ORDER BY (COALESCE(e.date_start, e.date_value) IS NULL)::int", sql)
    sql = re.sub(r"\s+(INDEXED BY \w+|NOT INDEXED)\b", "", sql)
    sql = re.sub(r"\bCROSS JOIN\b", "JOIN", sql)
    sql = re.sub(r"\binstr\(", "strpos(", sql)
    sql = re.sub(r"\bchar\((\d+)\)", r"chr(\1)", sql)
    sql = re.sub(r"(?<=[\s(])\+(?=[A-Za-z_])", "", sql)
    # SQLite's "(x IS NULL) = 0": IS FALSE (never NULL either way) keeps the boolean an index
    # column PostgreSQL sees as fixed, so an index on it is read in order (backwards too);
    # "= false" would become "x IS NOT NULL", which is not.
    sql = re.sub(r"IS NULL\) = ([01])\b", lambda m: f"IS NULL) IS {'TRUE' if m.group(1) == '1' else 'FALSE'}", sql)
    sql = re.sub(r"\bLIMIT \?", "LIMIT NULLIF(?, -1)", sql)  # SQLite: LIMIT -1 is no limit
    returns_id = False
    insert = re.match(r"\s*INSERT OR (IGNORE|REPLACE) INTO (\w+)\s*\(([^)]*)\)", sql)
    if insert:
        sql = sql.replace(f"OR {insert.group(1)} ", "", 1).rstrip() + _on_conflict(insert)
    elif match := re.match(r"\s*INSERT INTO (\w+)\s*\(([^)]*)\)", sql):
        sql = _qualified_update(sql, match.group(1), match.group(2))
        returns_id = match.group(1) in _IDENTITY_TABLES and "RETURNING" not in sql.upper()
        if returns_id:
            sql = sql.rstrip() + " RETURNING id"
    sql = _rewrite_calls(sql)
    sql = _null_order(sql) if null_order else sql
    sql = _alias_subqueries(sql)
    text, json_params = _placeholders(sql)
    return Translated((text,), frozenset(json_params), returns_id)


def _qualified_update(sql: str, table: str, columns: str) -> str:
    """In ``ON CONFLICT … DO UPDATE SET``, a column read bare is the stored row's (SQLite);
    PostgreSQL wants it named ``table.column`` (``excluded.column`` is the new row's)."""
    head, found, tail = sql.partition("DO UPDATE SET")
    if not found:
        return sql
    names = "|".join(re.escape(column.strip()) for column in columns.split(","))
    tail = re.sub(rf"(?<![\w.\"])({names})\b(?!\s*=[^=])", rf"{table}.\1", tail)
    return head + found + tail


def _on_conflict(insert: re.Match[str]) -> str:
    if insert.group(1) == "IGNORE":
        return " ON CONFLICT DO NOTHING"
    keys = _REPLACE_KEYS[insert.group(2)]
    columns = [column.strip() for column in insert.group(3).split(",")]
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns if column not in keys)
    return f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"


def _rewrite_calls(sql: str) -> str:
    """SQLite's scalar ``MAX(a, b)``/``MIN(a, b)`` as ``GREATEST``/``LEAST``."""
    while True:
        masked = code_only(sql)
        for match in re.finditer(r"\b(MAX|MIN)\(", masked, re.IGNORECASE):
            open_index = match.end() - 1
            close = closing(masked, open_index)
            if len(top_level_split(sql[open_index + 1:close], masked[open_index + 1:close])) > 1:
                name = "GREATEST" if match.group(1).upper() == "MAX" else "LEAST"
                sql = sql[:match.start()] + name + sql[open_index:]
                break
        else:
            return sql


_CLAUSE_END = re.compile(r"\b(LIMIT|OFFSET|UNION|EXCEPT|INTERSECT|RETURNING|ON CONFLICT)\b|;", re.IGNORECASE)


def _null_order(sql: str) -> str:
    """Each ``ORDER BY`` term with SQLite's NULL order: first when ascending, last descending."""
    masked = code_only(sql)
    pieces: list[str] = []
    position = 0
    for match in re.finditer(r"\bORDER BY\b", masked, re.IGNORECASE):
        start = match.end()
        end, depth = len(masked), 0
        for index in range(start, len(masked)):
            if masked[index] == "(":
                depth += 1
            elif masked[index] == ")":
                if depth == 0:
                    end = index
                    break
                depth -= 1
            elif depth == 0 and _CLAUSE_END.match(masked, index) and (index == 0 or not masked[index - 1].isalnum()):
                end = index
                break
        terms = top_level_split(sql[start:end], masked[start:end])
        pieces.append(sql[position:start])
        pieces.append(",".join(_with_null_order(term) for term in terms))
        position = end
    pieces.append(sql[position:])
    return "".join(pieces)


#: A key that is never NULL (``id`` is every table's primary key, ``rowid`` an identity): left
#: in PostgreSQL's own NULL order, so that an index on it is read either way (``DESC`` too).
_NEVER_NULL = re.compile(r"\s*(\w+\.)?(id|rowid)(\s+(ASC|DESC))?\s*", re.IGNORECASE)


def _with_null_order(term: str) -> str:
    stripped = term.rstrip()
    tail = term[len(stripped):]
    if re.search(r"\bNULLS (FIRST|LAST)$", stripped, re.IGNORECASE) or _NEVER_NULL.fullmatch(term):
        return term
    if re.search(r"\bDESC$", stripped, re.IGNORECASE):
        return f"{stripped} NULLS LAST{tail}"
    return f"{stripped} NULLS FIRST{tail}"


_NOT_ALIASES = frozenset({
    "", "JOIN", "LEFT", "RIGHT", "INNER", "CROSS", "FULL", "WHERE", "GROUP", "ORDER", "LIMIT", "OFFSET",
    "UNION", "EXCEPT", "INTERSECT", "ON", "USING", "HAVING", "WINDOW",
})


def _alias_subqueries(sql: str) -> str:
    """A name for every subquery in ``FROM``/``JOIN``, which PostgreSQL (before 16) requires."""
    count = 0
    while True:
        masked = code_only(sql)
        for match in re.finditer(r"\b(FROM|JOIN)\s*\(\s*(SELECT|WITH)\b", masked, re.IGNORECASE):
            open_index = masked.index("(", match.start())
            close = closing(masked, open_index)
            following = re.match(r"\s*(\w*)", masked[close + 1:])
            word = following.group(1).upper() if following else ""
            if word in _NOT_ALIASES or masked[close + 1:].lstrip().startswith(")"):
                count += 1
                sql = f"{sql[:close + 1]} AS _sub{count}{sql[close + 1:]}"
                break
        else:
            return sql


def _placeholders(sql: str) -> tuple[str, list[int]]:
    """``?`` → ``%s``, ``:name`` → ``%(name)s``, a literal ``%`` doubled; which positional
    parameters are JSON lists (marked ``?\\x00`` by the rewrites above)."""
    out: list[str] = []
    json_params: list[int] = []
    position = 0
    for start, end, kind in spans(sql):
        piece = sql[start:end].replace("%", "%%")
        if kind != "code":
            out.append(piece)
            continue
        index = 0
        while index < len(piece):
            char = piece[index]
            if char == "?":
                if piece[index + 1:index + 2] == "\x00":
                    json_params.append(position)
                    index += 1
                out.append("%s")
                position += 1
            elif char == ":" and (name := re.match(r":([A-Za-z_]\w*)", piece[index:])) and (
                    index == 0 or piece[index - 1] != ":"):
                out.append(f"%({name.group(1)})s")
                index += len(name.group(0)) - 1
            else:
                out.append(char)
            index += 1
    return "".join(out), json_params


# -- the schema ------------------------------------------------------------------------------------

def _column_types(sql: str) -> str:
    sql = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', sql)
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)
    return re.sub(r"\bREFERENCES (\w+)\((\w+)\)", r"REFERENCES \1(\2) DEFERRABLE INITIALLY IMMEDIATE", sql)


def _create_table(sql: str) -> str:
    sql = re.sub(r"\)\s*WITHOUT ROWID\s*$", ")", sql.strip())
    if re.search(r"\bid INTEGER PRIMARY KEY\b", sql):
        sql = sql.replace("id INTEGER PRIMARY KEY", "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", 1)
        rowid = "rowid BIGINT GENERATED ALWAYS AS (id) STORED"
    else:
        rowid = "rowid BIGINT GENERATED ALWAYS AS IDENTITY"
        if re.match(r"\s*CREATE TABLE (\w+)", sql).group(1) in _ROWID_READ:  # type: ignore[union-attr]
            rowid += " UNIQUE"
    sql = _column_types(sql)
    return f"{sql[:-1].rstrip()}, {rowid})"


def _create_index(sql: str) -> str:
    """Every index column in SQLite's NULL order; an expression in parentheses."""
    masked = code_only(sql)
    open_index = masked.index("(", re.search(r"\bON\s+\w+", masked, re.IGNORECASE).end())  # type: ignore[union-attr]
    close = closing(masked, open_index)
    body = sql[open_index + 1:close]
    columns = []
    for part in top_level_split(body, masked[open_index + 1:close]):
        column = part.strip()
        if not re.fullmatch(r'"?\w+"?', column) and not column.startswith("("):
            column = f"({column})"
        columns.append(column if _NEVER_NULL.fullmatch(column) else f"{column} NULLS FIRST")
    name = re.match(r"\s*CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?(\w+)", sql, re.IGNORECASE)
    include = _INCLUDED.get(name.group(1), "") if name else ""
    return (f"{sql[:open_index + 1]}{', '.join(columns)}{sql[close]}" + (f" INCLUDE ({include})" if include else "")
            + sql[close + 1:])


#: Columns a PostgreSQL index carries besides its keys (``INCLUDE``), for reads it then answers
#: alone. ``events_by_span_start``: the events of a period are checked (exported modality, dated)
#: in the index range itself (``store.selection``), where looking each of them up by id in
#: ``events_facts`` took 8,000 index probes for a much-covered actor's quarter.
_INCLUDED = {"events_by_span_start": "modality, date_value"}


# -- binding -------------------------------------------------------------------------------------

def bind(translated: Translated, params: Sequence[Any] | Mapping[str, Any]) -> Sequence[Any] | Mapping[str, Any]:
    """The parameters for PostgreSQL: JSON lists (for ``= ANY``) decoded to Python lists."""
    if not translated.json_params or isinstance(params, Mapping):
        return params
    return [json.loads(value) if index in translated.json_params else value for index, value in enumerate(params)]


def bind_many(translated: Translated, rows: Iterable[Sequence[Any]]) -> Iterable[Sequence[Any]]:
    return (bind(translated, row) for row in rows)  # type: ignore[misc]
