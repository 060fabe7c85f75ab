"""Exceptions raised by chronique: one tree, so that a caller catches a whole kind at once.

    ChroniqueError
    ├── InputError                 a document could not be read or is not acceptable
    │   ├── DecodingError          bytes that are not text in any encoding we accept
    │   ├── EmptyDocumentError     nothing but whitespace
    │   ├── MissingDateError       no publication date in the record, the file or --date
    │   ├── RecordError            a JSON line that is broken or lacks required fields
    │   └── AnnotationError        the pipeline failed on this document (the others go on)
    ├── UnsupportedLanguageError   no pipeline for the document's language
    ├── UsageError                 a request that cannot be done as asked; the message says what to change
    │   ├── InvalidPeriodError     a period that starts after it ends
    │   ├── InvalidOptionError     an option value or combination that is refused (format, count…)
    │   └── EntityError            a merge or split refused (ambiguous name, into itself, nothing left)
    ├── NotFoundError              something the user named is not in the store
    │   ├── UnknownActor           no entity has this id, knowledge-base id, name or alias
    │   └── UnknownDocument        no document has this id
    ├── ConfigurationError         the program was started with settings it cannot use (token file…)
    └── StoreError                 the database cannot be used (not SQLite, newer schema, broken batch…)
        ├── MissingDatabaseError   no database file where one must already exist
        └── OutdatedSchemaError    a reader found a schema that only a writer may migrate

Everything but ``StoreError`` and ``ConfigurationError`` is the user's to fix: the web answers it
with a 4xx status, the command line with status 2 (``chronique.web.errors`` and
``chronique.cli.common`` hold the two mappings; tests walk this whole tree through both).
A lookup that finds nothing is a ``NotFoundError``, never a ``StoreError``: the store is fine, the
name is not in it. Internal programming errors (a lexicon with a bad placeholder, an unknown
table name passed by chronique's own code) stay ``ValueError``/``KeyError``: no user can cause them.

Every ``InputError`` names the document (path, and line for JSON lines) in its message, so that
a user can find and fix the input.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "ChroniqueError",
    "InputError",
    "DecodingError",
    "EmptyDocumentError",
    "MissingDateError",
    "RecordError",
    "AnnotationError",
    "UnsupportedLanguageError",
    "UsageError",
    "InvalidPeriodError",
    "InvalidOptionError",
    "OutdatedSchemaError",
    "EntityError",
    "NotFoundError",
    "UnknownActor",
    "UnknownDocument",
    "ConfigurationError",
    "StoreError",
    "MissingDatabaseError",
]


class ChroniqueError(Exception):
    """Base of every error chronique raises on purpose."""


class InputError(ChroniqueError):
    """A document could not be read or accepted; the message names it."""


class DecodingError(InputError):
    """The bytes are binary or in no encoding we can decode without mojibake."""


class EmptyDocumentError(InputError):
    """The document has no text."""


class MissingDateError(InputError):
    """The document has no publication date, and none was given."""


class RecordError(InputError):
    """A JSON line is not valid JSON or lacks a required field."""


class AnnotationError(InputError):
    """Annotating the document raised an error (a fault in chronique or spaCy on this text)."""


class UnsupportedLanguageError(ChroniqueError):
    """The document's language has no pipeline."""


class UsageError(ChroniqueError):
    """A request chronique refuses as asked (a bad option value, period, count); nothing was done."""


class InvalidPeriodError(UsageError):
    """A period whose start comes after its end."""

    def __init__(self, start: date, end: date) -> None:
        super().__init__(f"the period starts ({start}) after it ends ({end})")
        self.start, self.end = start, end


class InvalidOptionError(UsageError):
    """An option value, or a combination of options, that cannot be honoured; the message names it."""


class EntityError(UsageError):
    """A merge or split of entities that cannot be done as asked; the message says why and
    names the entities."""


class NotFoundError(ChroniqueError):
    """Something the user named (an actor, a document) is not in the store."""


class UnknownActor(NotFoundError):
    """No entity has this id, knowledge-base id, name or alias."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        hint = f"did you mean {' or '.join(map(repr, suggestions))}? " if suggestions else ""
        super().__init__(f"no actor named {name!r} in the store; {hint}see 'chronique entities' for the actors it knows")
        self.name = name
        self.suggestions = suggestions


class UnknownDocument(NotFoundError):
    """No stored document has this id."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"no document {doc_id!r} in the store")
        self.doc_id = doc_id


class ConfigurationError(ChroniqueError):
    """A setting the program was started with is unusable (an unreadable or too short token)."""


class StoreError(ChroniqueError):
    """The database cannot be opened, migrated or written as asked."""


class MissingDatabaseError(StoreError):
    """No database file at the path, where a command needs one that already exists."""

    def __init__(self, path: object) -> None:
        super().__init__(f"no database at {path}: run 'chronique ingest PATH --db {path}' first")
        self.path = path


class OutdatedSchemaError(StoreError):
    """A store opened for reading whose schema is behind this chronique: readers never migrate
    (that would take the write lock); the message says which command brings it up to date."""
