"""The store's schema, as named migrations applied in order and recorded in ``schema_migrations``.

A migration is a plain function that takes the connection; its name is its identity. Each runs in
its own transaction together with the row that records it, so a crash never leaves a migration
half applied. To change the schema, append a function to :data:`MIGRATIONS`; never edit one that
has shipped. A migration imports no live chronique code: what it computes it computes with its
own frozen copy (``_m003_identity_key``…), so that a later change to, say, how names are
compared can never change what an old migration does to an old database.

Opening a store reads the recorded migrations with a plain read: a store whose schema is current
takes no lock at all, so readers never wait for a writer. Only a writer migrates, and only when
the schema is behind (:func:`apply_migrations`); a reader of a store that is behind gets
:class:`~chronique.errors.OutdatedSchemaError` (:func:`require_current_schema`). A database that records a migration this code does not know was written by a newer
chronique and is refused rather than misread.

Every fact table carries ``doc_id`` and a character span (``start``, ``"end"``, end exclusive)
into ``documents.text``: provenance is part of the schema. ``"end"`` is quoted everywhere
because it is a reserved word in PostgreSQL, the other engine this schema must run on.
"""

from __future__ import annotations

import calendar
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from chronique.errors import OutdatedSchemaError, StoreError
from chronique.store.migrations_m008 import m008_quote_about_and_days
from chronique.store.migrations_m009 import m009_fewer_random_trees
from chronique.store.migrations_m010 import m010_quote_dates_and_month_totals

__all__ = [
    "MIGRATIONS", "apply_migrations", "applied_migrations", "pending_migrations", "require_current_schema",
    "rollback",
]

Migration = Callable[[sqlite3.Connection], None]

_INITIAL_SCHEMA = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, date TEXT, lang TEXT,
        title TEXT, url TEXT, source TEXT, origin TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL)""",
    "CREATE INDEX documents_by_date ON documents(date, id)",
    # norm_name: normalise_name(name), what resolution and look-ups compare.
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, kb_id TEXT UNIQUE,
        norm_name TEXT NOT NULL)""",
    "CREATE INDEX entities_by_type_name ON entities(type, norm_name)",
    "CREATE INDEX entities_by_norm_name ON entities(norm_name)",
    """CREATE TABLE aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL, norm TEXT NOT NULL,
        UNIQUE (entity_id, alias))""",
    "CREATE INDEX aliases_by_norm ON aliases(norm)",
    """CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id), entity_id TEXT NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL)""",
    "CREATE INDEX mentions_by_entity ON mentions(entity_id)",
    "CREATE INDEX mentions_by_doc ON mentions(doc_id, start)",
    """CREATE TABLE timexes (
        doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, range_start TEXT, range_end TEXT)""",
    "CREATE INDEX timexes_by_doc ON timexes(doc_id, start)",
    """CREATE TABLE money (
        doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, amount REAL, currency TEXT NOT NULL)""",
    "CREATE INDEX money_by_doc ON money(doc_id, start)",
    # about: an entity id when the quote's ``about`` named an entity of its document, else as given.
    """CREATE TABLE quotes (
        id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        speaker TEXT REFERENCES entities(id), cue TEXT, about TEXT)""",
    "CREATE INDEX quotes_by_doc ON quotes(doc_id, start)",
    "CREATE INDEX quotes_by_speaker ON quotes(speaker)",
    "CREATE INDEX quotes_by_about ON quotes(about)",
    # actors_key: type + sorted source ids + sorted target ids; with date_value it decides whether
    # a new mention is an existing event (see writer.event_actors_key).
    """CREATE TABLE events (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, actors_key TEXT NOT NULL, date_value TEXT,
        date_start TEXT, date_end TEXT, amount REAL, currency TEXT, modality TEXT NOT NULL,
        score REAL, confidence REAL)""",
    "CREATE INDEX events_by_actors_date ON events(actors_key, date_value)",
    "CREATE INDEX events_by_date_start ON events(date_start)",
    """CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(id), entity_id TEXT NOT NULL REFERENCES entities(id),
        role TEXT NOT NULL CHECK (role IN ('source', 'target')), position INTEGER NOT NULL,
        PRIMARY KEY (event_id, role, position))""",
    "CREATE INDEX event_actors_by_entity ON event_actors(entity_id)",
    # modality and confidence per mention too: each article may hedge differently.
    """CREATE TABLE event_mentions (
        id INTEGER PRIMARY KEY, event_id TEXT NOT NULL REFERENCES events(id),
        doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        trigger TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        sentence_start INTEGER, sentence_end INTEGER, modality TEXT NOT NULL, confidence REAL)""",
    "CREATE INDEX event_mentions_by_event ON event_mentions(event_id)",
    "CREATE INDEX event_mentions_by_doc ON event_mentions(doc_id, start)",
    """CREATE TABLE relations (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL REFERENCES entities(id),
        target TEXT NOT NULL REFERENCES entities(id), title TEXT, valid_from TEXT, valid_to TEXT)""",
    "CREATE INDEX relations_by_source ON relations(source)",
    "CREATE INDEX relations_by_target ON relations(target)",
    """CREATE TABLE relation_evidence (
        relation_id TEXT NOT NULL REFERENCES relations(id), doc_id TEXT NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL)""",
    "CREATE INDEX relation_evidence_by_relation ON relation_evidence(relation_id)",
    "CREATE INDEX relation_evidence_by_doc ON relation_evidence(doc_id, start)",
    """CREATE TABLE sentences (
        doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (doc_id, start))""",
    # No foreign key on doc_id: a rejected input has no document, a duplicate names the stored one.
    """CREATE TABLE ingest_log (
        id INTEGER PRIMARY KEY, origin TEXT, content_hash TEXT, doc_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'rejected')),
        reason TEXT, at TEXT NOT NULL)""",
    "CREATE INDEX ingest_log_by_status ON ingest_log(status)",
)


def m001_initial_schema(conn: sqlite3.Connection) -> None:
    """Documents, entities and every fact with its provenance (DESIGN.md, "Data model")."""
    for statement in _INITIAL_SCHEMA:
        conn.execute(statement)


_SEARCH_AND_CODES = (
    # The CAMEO code and PLOVER type the event was scored with (its context may change them:
    # a hostile bid is not a friendly one). NULL for events stored before this migration.
    "ALTER TABLE events ADD COLUMN cameo TEXT",
    "ALTER TABLE events ADD COLUMN plover TEXT",
    # Full-text indexes over articles and quotes. External content: the text is stored once, in
    # its own table; the triggers keep the index in step with every insert and delete.
    # remove_diacritics 2: "economie" finds "économie", as a French reader types it.
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
)


def m002_search_and_event_codes(conn: sqlite3.Connection) -> None:
    """Full-text search over articles and quotes (FTS5), and each event's CAMEO/PLOVER codes."""
    for statement in _SEARCH_AND_CODES:
        conn.execute(statement)


_ENTITY_IDENTITY = (
    # key_name: resolve.identity_key(name, type), what cross-document resolution compares
    # ("Nexaria SAS" and "Nexaria" share "nexaria"); surname: the last word of a person's key of
    # two words or more, so that "Vasseur" finds "Claire Vasseur".
    "ALTER TABLE entities ADD COLUMN key_name TEXT",
    "ALTER TABLE entities ADD COLUMN surname TEXT",
    "CREATE INDEX entities_by_type_key ON entities(type, key_name)",
    "CREATE INDEX entities_by_type_surname ON entities(type, surname)",
    "ALTER TABLE aliases ADD COLUMN key_norm TEXT",
    "CREATE INDEX aliases_by_key ON aliases(key_norm)",
    # What each telling of an event said on its own, so that a merge or a split can fold the
    # tellings again exactly as ingest would have (store.tellings). Rows stored before this
    # migration get their event's values.
    "ALTER TABLE event_mentions ADD COLUMN date_value TEXT",
    "ALTER TABLE event_mentions ADD COLUMN date_start TEXT",
    "ALTER TABLE event_mentions ADD COLUMN date_end TEXT",
    "ALTER TABLE event_mentions ADD COLUMN amount REAL",
    "ALTER TABLE event_mentions ADD COLUMN currency TEXT",
    "ALTER TABLE event_mentions ADD COLUMN score REAL",
    "ALTER TABLE event_mentions ADD COLUMN cameo TEXT",
    "ALTER TABLE event_mentions ADD COLUMN plover TEXT",
    """UPDATE event_mentions SET (date_value, date_start, date_end, amount, currency, score, cameo, plover) =
        (SELECT e.date_value, e.date_start, e.date_end, e.amount, e.currency, e.score, e.cameo, e.plover
         FROM events e WHERE e.id = event_mentions.event_id)""",
    "ALTER TABLE relation_evidence ADD COLUMN valid_from TEXT",
    "ALTER TABLE relation_evidence ADD COLUMN valid_to TEXT",
    """UPDATE relation_evidence SET (valid_from, valid_to) =
        (SELECT r.valid_from, r.valid_to FROM relations r WHERE r.id = relation_evidence.relation_id)""",
    # A user's merges (chronique entities merge), with what is needed to undo them: the absorbed
    # entity as it was, the aliases the merge gave the kept one, the mentions it moved (as
    # document and span, which VACUUM cannot renumber) and the facts that hung on it (quotes,
    # event tellings with their actors, relation evidence with its ends). JSON in TEXT columns.
    """CREATE TABLE entity_merges (
        id INTEGER PRIMARY KEY, kept TEXT NOT NULL, absorbed TEXT NOT NULL, absorbed_name TEXT NOT NULL,
        absorbed_type TEXT NOT NULL, absorbed_kb_id TEXT, absorbed_aliases TEXT NOT NULL,
        added_aliases TEXT NOT NULL, kb_id_taken INTEGER NOT NULL, mentions TEXT NOT NULL,
        facts TEXT NOT NULL, at TEXT NOT NULL, undone_at TEXT)""",
    "CREATE INDEX entity_merges_by_kept ON entity_merges(kept)",
    # Where the id of a merged entity now lives: a later ingest computing that id finds the kept one.
    "CREATE TABLE entity_redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL)",
    # Names a user split off to an entity: later ingests give that name to that entity.
    """CREATE TABLE entity_pins (
        type TEXT NOT NULL, key TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (type, key))""",
    # Pairs of entities named in a same document, both ways: the "neighbours" the homonym rule
    # compares, read by index instead of joining every mention of a much-named entity.
    """CREATE TABLE entity_neighbours (
        entity_id TEXT NOT NULL, other_id TEXT NOT NULL, PRIMARY KEY (entity_id, other_id)) WITHOUT ROWID""",
    """INSERT INTO entity_neighbours (entity_id, other_id)
        SELECT DISTINCT a.entity_id, b.entity_id FROM mentions a JOIN mentions b
        ON b.doc_id = a.doc_id AND b.entity_id <> a.entity_id""",
)


# -- m003's frozen copy of the identity keys ---------------------------------------------------
# A copy of chronique.identity.entities (normalise_name, identity_key, surname_key) and of
# resources/identity/names.toml as they were when m003 shipped. FROZEN: these must never change,
# even when the live rules do; a database migrated by m003 must get the keys m003 always gave.
# (A store whose keys no longer match the live rules is a matter for a new migration.)

_M003_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_M003_DETERMINERS = ("l'", "le ", "la ", "les ", "the ")
_M003_HONORIFICS = frozenset((
    "m.", "mme", "mme.", "mlle", "mlle.", "madame", "monsieur", "mademoiselle",
    "dr", "dr.", "docteur", "me", "me.", "maître", "pr", "pr.", "professeur",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame",
))
_M003_LEGAL_FORMS = frozenset((
    "sa", "s.a.", "sas", "s.a.s.", "sasu", "sarl", "eurl", "sca", "snc", "se",
    "inc", "inc.", "corp", "corp.", "corporation", "co.", "ltd", "ltd.", "limited",
    "llc", "l.l.c.", "plc", "pbc", "lp", "llp",
    "gmbh", "ag", "kg", "nv", "n.v.", "bv", "b.v.", "spa", "s.p.a.", "srl", "s.r.l.", "ab", "oy", "asa",
))


def _m003_normalise_name(name: str) -> str:
    """FROZEN (m003): NFC, casefolded, apostrophes unified, spaces collapsed, one leading
    determiner dropped."""
    text = unicodedata.normalize("NFC", name).translate(_M003_APOSTROPHES)
    text = unicodedata.normalize("NFC", text.casefold())
    text = " ".join(text.split())
    for determiner in _M003_DETERMINERS:
        if text.startswith(determiner) and len(text) > len(determiner):
            return text[len(determiner):].lstrip()
    return text


def _m003_identity_key(name: str, entity_type: str) -> str:
    """FROZEN (m003): the normalised name without a person's leading honorifics or an
    organisation's trailing legal forms; a name made only of those is kept whole."""
    words = _m003_normalise_name(name).split()
    if entity_type == "PERSON":
        while len(words) > 1 and words[0] in _M003_HONORIFICS:
            words = words[1:]
    elif entity_type == "ORG":
        while len(words) > 1 and words[-1] in _M003_LEGAL_FORMS:
            words = words[:-1]
            words[-1] = words[-1].rstrip(",")
    return " ".join(words)


def _m003_surname_key(key: str, entity_type: str) -> str | None:
    """FROZEN (m003): the last word of a person's key of two words or more, else None."""
    words = key.split()
    return words[-1] if entity_type == "PERSON" and len(words) > 1 else None


def m003_entity_identity(conn: sqlite3.Connection) -> None:
    """Identity keys of names and aliases, each telling's own values, merges, redirects, pins,
    and the pairs of entities named together."""
    for statement in _ENTITY_IDENTITY:
        conn.execute(statement)
    for entity_id, name, entity_type in conn.execute("SELECT id, name, type FROM entities").fetchall():
        key = _m003_identity_key(name, entity_type)
        conn.execute("UPDATE entities SET key_name = ?, surname = ? WHERE id = ?",
                     (key, _m003_surname_key(key, entity_type), entity_id))
    for rowid, alias, entity_type in conn.execute(
        "SELECT a.rowid, a.alias, e.type FROM aliases a JOIN entities e ON e.id = a.entity_id"
    ).fetchall():
        conn.execute("UPDATE aliases SET key_norm = ? WHERE rowid = ?",
                     (_m003_identity_key(alias, entity_type), rowid))


#: The span class of an event's interval: 0 up to 31 days, 1 up to 366, 2 longer (or unreadable).
#: ``store.selection`` repeats this exact expression so that SQLite uses the index built on it.
_SPAN_CLASS = (
    "CASE WHEN julianday(COALESCE(date_end, date_start)) - julianday(date_start) <= 31 THEN 0"
    " WHEN julianday(COALESCE(date_end, date_start)) - julianday(date_start) <= 366 THEN 1 ELSE 2 END"
)

_ANALYSIS_INDEXES = (
    # An actor's events, and an event's actors, read from the index alone (timelines, pairs,
    # counterparts); an actor's mentions and documents counted from the index alone.
    "CREATE INDEX event_actors_by_entity_event ON event_actors(entity_id, event_id)",
    "CREATE INDEX event_actors_by_event ON event_actors(event_id, role, position, entity_id)",
    "CREATE INDEX mentions_by_entity_doc ON mentions(entity_id, doc_id)",
    # What one actor said about another (a pair's quotes), without reading all the speaker's.
    "CREATE INDEX quotes_by_speaker_about ON quotes(speaker, about)",
    # What series, graphs and counterparts read of an event, without touching the table.
    "CREATE INDEX events_facts ON events(id, modality, score, date_start, date_value, date_end)",
    # Events in time order (undated last): the first page of a much-covered actor's timeline,
    # an actor's latest events.
    "CREATE INDEX events_in_time_order ON events("
    "COALESCE(date_start, date_value) IS NULL, COALESCE(date_start, date_value), id)",
    # Events of a period: by span class, then start. An event of class 0 that overlaps a period
    # starts at most 31 days before it, one of class 1 at most 366 days: each class is one short
    # range of this index instead of every event that started before the period ends.
    f"CREATE INDEX events_by_span_start ON events(({_SPAN_CLASS}), date_start, date_end, id)",
)


def m004_analysis_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for the analyst's questions (timelines, pairs, profiles, series, graphs) at
    100,000 documents and more; see docs/benchmark.md."""
    for statement in _ANALYSIS_INDEXES:
        conn.execute(statement)


_QUERY_SPEED_INDEXES = (
    # What a graph reads of an event (``events_facts`` plus its type), from the index alone: a
    # month's graph looks up 4,000 events by id, each a read of the table row without it.
    "CREATE INDEX events_graph_facts ON events(id, modality, type, score, date_start, date_value)",
    # Which actors the documents of a period name, from the index alone (a graph's node sizes).
    "CREATE INDEX mentions_by_doc_entity ON mentions(doc_id, entity_id)",
)


def m005_query_speed(conn: sqlite3.Connection) -> None:
    """Covering indexes for the actor graph over a period; see docs/benchmark.md."""
    for statement in _QUERY_SPEED_INDEXES:
        conn.execute(statement)


#: The exported modalities as m006 counted them (FROZEN, like every migration's SQL).
_M006_EXPORTED = "('asserted', 'failed', 'proposed', 'reported')"

_RUNNING_AGGREGATES = (
    # Per entity: mentions, documents naming it, exported events it takes part in (entity lists
    # and profiles read these instead of counting an actor's 100,000 mentions per request).
    """CREATE TABLE entity_stats (
        entity_id TEXT PRIMARY KEY, mentions INTEGER NOT NULL DEFAULT 0,
        documents INTEGER NOT NULL DEFAULT 0, events INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX entity_stats_by_mentions ON entity_stats(mentions, entity_id)",
    # Two indexes every write paid for and no read needs: each is the first column of a wider
    # one (mentions_by_entity_doc, event_actors_by_entity_event) that answers the same seeks.
    "DROP INDEX mentions_by_entity",
    "DROP INDEX event_actors_by_entity",
    # Per ordered pair: exported events shared, sums of their positive and negative scores.
    """CREATE TABLE pair_stats (
        entity_id TEXT NOT NULL, other_id TEXT NOT NULL, events INTEGER NOT NULL,
        positive REAL NOT NULL, negative REAL NOT NULL, PRIMARY KEY (entity_id, other_id))""",
    f"""INSERT INTO entity_stats (entity_id, mentions, documents, events)
        SELECT e.id,
               (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
               (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id),
               (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea JOIN events ev ON ev.id = ea.event_id
                WHERE ea.entity_id = e.id AND ev.modality IN {_M006_EXPORTED})
        FROM entities e""",
    f"""INSERT INTO pair_stats (entity_id, other_id, events, positive, negative)
        SELECT a.entity_id, b.entity_id, COUNT(*), SUM(CASE WHEN s.score > 0 THEN s.score ELSE 0 END),
               SUM(CASE WHEN s.score < 0 THEN s.score ELSE 0 END)
        FROM (SELECT DISTINCT ea.event_id, ea.entity_id FROM event_actors ea) a
        JOIN (SELECT DISTINCT ea.event_id, ea.entity_id FROM event_actors ea) b
            ON b.event_id = a.event_id AND b.entity_id <> a.entity_id
        JOIN (SELECT id, COALESCE(score, 0) AS score FROM events WHERE modality IN {_M006_EXPORTED}) s
            ON s.id = a.event_id
        GROUP BY a.entity_id, b.entity_id""",
    # Per entity and chart period: exported events and their score sums (filled below).
    """CREATE TABLE actor_periods (
        entity_id TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL, precision TEXT NOT NULL,
        events INTEGER NOT NULL, positive REAL NOT NULL, negative REAL NOT NULL,
        PRIMARY KEY (entity_id, first_day, last_day))""",
)


def m006_running_aggregates(conn: sqlite3.Connection) -> None:
    """Running aggregates (``store.aggregates``), filled from what is stored and kept up to date
    by every write after; two redundant indexes dropped (cheaper ingest)."""
    for statement in _RUNNING_AGGREGATES:
        conn.execute(statement)
    _m006_fill_actor_periods(conn)


# -- m006's frozen copy of the chart periods ---------------------------------------------------
# A copy of chronique.intervals.value_range and chronique.store.periods.period_of as they were
# when m006 shipped. FROZEN, like m003's copy of the identity keys.

_M006_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_M006_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_M006_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_M006_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_M006_YEARS = re.compile(r"^(\d{2,4})$")
_M006_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                     "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _m006_months(year: int, first: int, last: int) -> tuple[date, date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _m006_bounds(value: str) -> tuple[date, date] | None:
    if match := _M006_DAY.match(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := _M006_MONTH.match(value):
        return _m006_months(int(match[1]), int(match[2]), int(match[2]))
    if match := _M006_WEEK.match(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return (monday + timedelta(days=5) if match[3] else monday), monday + timedelta(days=6)
    if match := _M006_PART.match(value):
        return _m006_months(int(match[1]), *_M006_PART_MONTHS[match[2]])
    if match := _M006_YEARS.match(value):
        span = 10 ** (4 - len(match[1]))
        first_year = max(int(match[1]) * span, 1)
        return date(first_year, 1, 1), date(min(first_year + span - 1, 9999), 12, 31)
    return None


def _m006_value_range(value: str) -> tuple[str, str] | None:
    try:
        bounds = _m006_bounds(value)
    except ValueError:
        return None
    return (bounds[0].isoformat(), bounds[1].isoformat()) if bounds else None


def _m006_month_end(day: date) -> date:
    following = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _m006_period(value: str | None, start: str | None, end: str | None) -> tuple[str, str, str] | None:
    first, last = (start[:10] if start else None), (end[:10] if end else None)
    if value and (first is None or last is None):
        bounds = _m006_value_range(value)
        if bounds:
            first, last = first or bounds[0], last or bounds[1]
    if first is None:
        return None
    low, high = date.fromisoformat(first), date.fromisoformat(last or first)
    if high < low or (low.year, low.month) == (high.year, high.month):
        month = date(low.year, low.month, 1)
        return month.isoformat(), _m006_month_end(month).isoformat(), "month"
    precision = "period"
    if low.day == 1 and high == _m006_month_end(high):
        months = (high.year - low.year) * 12 + high.month - low.month + 1
        if months == 3 and low.month % 3 == 1:
            precision = "quarter"
        elif months == 12 and low.month == 1:
            precision = "year"
    return low.isoformat(), high.isoformat(), precision


def _m006_fill_actor_periods(conn: sqlite3.Connection) -> None:
    """Each exported dated event counted once in each of its actors' chart periods."""
    totals: dict[tuple[str, str, str, str], tuple[int, float, float]] = {}
    for entity_id, _event_id, value, start, end, score in conn.execute(
        "SELECT DISTINCT ea.entity_id, e.id, e.date_value, e.date_start, e.date_end, COALESCE(e.score, 0)"
        f" FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE e.modality IN {_M006_EXPORTED}"
    ).fetchall():
        period = _m006_period(value, start, end)
        if period is not None:
            events, positive, negative = totals.get((entity_id, *period), (0, 0.0, 0.0))
            totals[(entity_id, *period)] = (events + 1, positive + max(score, 0.0), negative + min(score, 0.0))
    conn.executemany(
        "INSERT INTO actor_periods (entity_id, first_day, last_day, precision, events, positive, negative)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", [(*key, *value) for key, value in totals.items()])


# -- m007: the words of each quote as a reader compares them -----------------------------------
# A copy of chronique.store.quote_reads.said_key as it was when m007 shipped. FROZEN.
_M007_APOSTROPHES = str.maketrans({char: "'" for char in "’ʼ‘`´"})
_M007_EDGES = " .,;:!?…\"'«»“”"


def _m007_said_key(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).translate(_M007_APOSTROPHES)
    folded = unicodedata.normalize("NFC", folded.casefold())
    return " ".join(folded.split()).strip(_M007_EDGES)


def m007_quote_keys(conn: sqlite3.Connection) -> None:
    """``quotes.said_key`` (the words folded: the same words by the same speaker are one quote)
    and an index on (speaker, said_key): the other reports of the quotes of one page are index
    seeks, not a read of every quote of a much-quoted speaker. ``quotes_by_about`` becomes
    (about, speaker): who quotes an actor is counted from the index alone (a profile's
    counterparts). ``quotes_by_speaker`` is dropped: it is the first column of two wider indexes
    that answer the same seeks."""
    conn.execute("ALTER TABLE quotes ADD COLUMN said_key TEXT")
    rows = conn.execute("SELECT id, text FROM quotes").fetchall()
    conn.executemany("UPDATE quotes SET said_key = ? WHERE id = ?",
                     [(_m007_said_key(text), quote_id) for quote_id, text in rows])
    conn.execute("CREATE INDEX quotes_by_speaker_key ON quotes(speaker, said_key)")
    conn.execute("DROP INDEX quotes_by_speaker")
    conn.execute("CREATE INDEX quotes_by_about_speaker ON quotes(about, speaker)")
    conn.execute("DROP INDEX quotes_by_about")


#: Every migration in the order it must be applied. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    m001_initial_schema, m002_search_and_event_codes, m003_entity_identity,
    m004_analysis_indexes, m005_query_speed, m006_running_aggregates, m007_quote_keys,
    m008_quote_about_and_days, m009_fewer_random_trees, m010_quote_dates_and_month_totals,
)


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is open (SQLite may already have rolled back after an error)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _ensure_migrations_table(conn: sqlite3.Connection) -> None:
    """Create ``schema_migrations``, refusing a database that holds tables but is not chronique's."""
    _refuse_foreign(conn)
    if "schema_migrations" not in _user_tables(conn):
        conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")


def _user_tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_")}


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    """A database with tables but no ``schema_migrations`` is not a chronique store."""
    tables = _user_tables(conn)
    if tables and "schema_migrations" not in tables:
        raise StoreError("the database holds tables but no schema_migrations: not a chronique store")


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the database, in the order they were applied."""
    if "schema_migrations" not in _user_tables(conn):
        return []
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]


def pending_migrations(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """The migrations not yet recorded, read without any lock (plain reads, no transaction).

    Raises ``StoreError`` for a database that is not chronique's or that records a migration this
    code does not know (written by a newer chronique: refused rather than misread).
    """
    _refuse_foreign(conn)
    done = applied_migrations(conn)
    known = [migration.__name__ for migration in migrations]
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"the database schema is from a newer version of chronique (unknown migrations: "
            f"{', '.join(unknown)}); upgrade chronique to open it"
        )
    return [name for name in known if name not in done]


def require_current_schema(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
    """What a reader checks: the schema is current, else ``OutdatedSchemaError`` saying what to run.

    A reader never migrates: migrating writes, and a reader must not take the write lock.
    """
    pending = pending_migrations(conn, migrations)
    if not pending:
        return
    if len(pending) == len(migrations):
        raise OutdatedSchemaError("the database holds no chronique schema yet: run 'chronique ingest' or "
                                  "'chronique migrate' on it first")
    raise OutdatedSchemaError(
        f"the database schema is older than this chronique (missing migrations: {', '.join(pending)}); "
        f"run 'chronique migrate' on it (or any command that writes, such as 'chronique ingest')"
    )


def apply_migrations(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction; return their names.

    The check is a plain read: a current schema costs no lock. Only when something is pending is
    the write lock taken, and each migration is checked again under it, so that two writers
    opening the same old store at once apply each migration once.
    ``conn`` must be in autocommit mode (``isolation_level=None``) so that the explicit
    ``BEGIN``/``COMMIT`` here are the only transaction boundaries.
    """
    pending = pending_migrations(conn, migrations)
    if not pending:
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        _ensure_migrations_table(conn)
        if hasattr(conn, "prepare_schema"):  # PostgreSQL: the functions SQLite has built in
            conn.prepare_schema()
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return [migration.__name__ for migration in migrations
            if migration.__name__ in pending and _apply_one(conn, migration)]


def _apply_one(conn: sqlite3.Connection, migration: Migration) -> bool:
    """Run one migration and record it, all or nothing; False when another writer already did."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (migration.__name__,)).fetchone():
            conn.execute("COMMIT")
            return False
        migration(conn)
        conn.execute(
            "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
            (migration.__name__, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        conn.execute("COMMIT")
        return True
    except BaseException:
        rollback(conn)
        raise
