"""Migration m003: the identity keys of names and aliases, each telling's own values, a user's
merges, redirects and pins, and the pairs of entities named together (see ``migrations``).

It keys the names already stored with its own frozen copy of the identity rules (below), never
the live ``chronique.identity.entities``: an old database must get the keys m003 always gave.

Kept apart from ``migrations.py`` for the size of that module, as m008 and later are; same rules:
no live chronique code, and the SQL is FROZEN once shipped.
"""

from __future__ import annotations

import sqlite3
import unicodedata

__all__ = ["m003_entity_identity"]

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
