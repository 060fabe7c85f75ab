"""Exceptions raised by chronique.

    ChroniqueError
    ├── InputError                 a document could not be read or is not acceptable
    │   ├── DecodingError          bytes that are not text in any encoding we accept
    │   ├── EmptyDocumentError     nothing but whitespace
    │   ├── MissingDateError       no publication date in the record, the file or --date
    │   ├── RecordError            a JSON line that is broken or lacks required fields
    │   └── AnnotationError        the pipeline failed on this document (the others go on)
    ├── UnsupportedLanguageError   no pipeline for the document's language
    └── StoreError                 the database file cannot be used (wrong schema, not SQLite…)
        └── EntityError            a merge or split the store refuses (unknown, ambiguous, absurd)

Every ``InputError`` names the document (path, and line for JSON lines) in its message, so that
a user can find and fix the input.
"""

from __future__ import annotations

__all__ = [
    "ChroniqueError",
    "InputError",
    "DecodingError",
    "EmptyDocumentError",
    "MissingDateError",
    "RecordError",
    "AnnotationError",
    "UnsupportedLanguageError",
    "StoreError",
    "EntityError",
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


class StoreError(ChroniqueError):
    """The database cannot be opened or migrated."""


class EntityError(StoreError):
    """A merge or split of entities that cannot be done as asked; the message says why and
    names the entities."""
