"""From decoded text or a JSON record to a ``Document``, or the reason it cannot be one.

Two input shapes exist. The *article* format is a date header (`` date 2025-11-03``, ``date:
2025-11-03``…) followed by the article text, on the same line or the next ones: the founding
articles were written down as `` date 2025-11-03 Une demande de remboursement…``. The
*record* format is one JSON object ``{"id", "date", "lang", "text", "title", "url", "source"}``
as in ``shared/eval/seeds/docs.jsonl``. Both end in ``build_document``, which normalises the text
and gives every document a stable id.

The private ``_…`` builders raise ``InputError``s whose message is only the reason; the readers
pair it with the document's origin into a ``Rejection``. The public builders name the origin in
the message, as every ``InputError`` must.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeAlias

from chronique.errors import EmptyDocumentError, InputError, MissingDateError, RecordError
from chronique.model import Document, content_hash
from chronique.readers.decoding import MAX_DOCUMENT_BYTES, normalise_line, normalise_text

__all__ = [
    "Rejection",
    "ReadResult",
    "document_id",
    "parse_publication_date",
    "build_document",
    "document_from_article",
    "document_from_record",
]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\S.*)?")
#: The article header: "date" with an optional colon, then an ISO date (a time part is allowed:
#: ``T08:30``, or a space and ``08:30``), then the end of the line or spaces and the text.
_DATE_HEADER = re.compile(
    r"[ \t]*date[ \t]*:?[ \t]*(\d{4}-\d{1,2}-\d{1,2}(?:T\S*|[ \t]\d{1,2}:\d{2}\S*)?)"
    r"(?:[ \t]*$|[ \t]+(?=\S))",
    re.IGNORECASE,
)
_OPTIONAL_STRING_FIELDS = ("title", "url", "source")
_MISSING_DATE = (
    "no publication date: give it in the record or a first line 'date YYYY-MM-DD', or pass --date"
)


@dataclass(frozen=True)
class Rejection:
    """An input that gave no document: where it is and why, as a sentence a user can act on.

    ``error`` is the ``InputError`` subclass that describes the failure, for callers that sort
    rejections or want to raise them (``to_exception``) in a strict mode.
    """

    origin: str
    reason: str
    error: type[InputError] = InputError

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"

    def to_exception(self) -> InputError:
        """The error this rejection stands for, its message naming the input."""
        return self.error(str(self))


ReadResult: TypeAlias = Document | Rejection


def document_id(text: str) -> str:
    """The id of a document that brings none: ``doc_`` and the start of its content hash.

    Derived from the content only, so the same article read from any file, folder or stdin gets
    the same id, and reading a corpus twice does not duplicate it.
    """
    return "doc_" + content_hash(text)[:16]


def parse_publication_date(value: object) -> date:
    """The date of ``value``: ``YYYY-MM-DD``, or a full ISO datetime of which the date is kept.

    The date is kept as written, not converted to UTC: it is the day the article names as its
    own. Raises ``ValueError`` with the reason otherwise.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise ValueError(f"bad date {value!r}: expected YYYY-MM-DD")
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise ValueError(f"bad date {value!r}: not a valid calendar date or ISO datetime") from None


def build_document(
    text: str,
    *,
    date: date | None,
    origin: str,
    id: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """A ``Document`` with normalised text and a stable id, or an ``InputError`` (reason only).

    The text is not stripped: offsets of annotations given with a record (gold, earlier
    exports) must keep pointing at the same characters.
    """
    text = normalise_text(text)
    if not text.strip():
        raise EmptyDocumentError("empty document")
    if len(text.encode("utf-8")) > MAX_DOCUMENT_BYTES:
        raise InputError(f"too large: the text is over the limit of {MAX_DOCUMENT_BYTES} bytes")
    if date is None:
        raise MissingDateError(_MISSING_DATE)
    return Document(
        id=id or document_id(text),
        text=text,
        date=date,
        lang=lang,
        title=normalise_line(title) or None if title else None,
        url=url.strip() or None if url else None,
        source=normalise_line(source) or None if source else None,
        origin=origin,
    )


def document_from_article(
    text: str, *, origin: str, default_date: date | None = None, default_lang: str | None = None
) -> Document:
    """The document in an article-format text; raises an ``InputError`` naming ``origin``."""
    with _named(origin):
        return _document_from_article(
            text, origin=origin, default_date=default_date, default_lang=default_lang
        )


def document_from_record(
    record: Mapping[str, Any],
    *,
    origin: str,
    default_date: date | None = None,
    default_lang: str | None = None,
) -> Document:
    """The document in a JSON record; raises an ``InputError`` naming ``origin``."""
    with _named(origin):
        return _document_from_record(
            record, origin=origin, default_date=default_date, default_lang=default_lang
        )


def _document_from_article(
    text: str, *, origin: str, default_date: date | None, default_lang: str | None
) -> Document:
    """The date line wins over ``default_date``: the file knows its own date, --date is a fallback.

    Only the date is a header; everything after it, on its line or the next ones, is the
    article, stripped of the blank lines and spaces around it (layout, not content).
    """
    text = normalise_text(text)
    header_date, body = _split_date_header(text)
    body = body.strip()
    if not body:
        raise EmptyDocumentError("empty document")
    return build_document(body, date=header_date or default_date, origin=origin, lang=default_lang)


def _split_date_header(text: str) -> tuple[date | None, str]:
    """The date that opens the first non-blank line, if one does, and the text after it.

    The header is the whole line (`` date 2025-11-03``) or its start (`` date 2025-11-03 Une
    demande…``); what follows the date on that line is already the article.
    """
    leading_blank = len(text) - len(text.lstrip())
    line_end = text.find("\n", leading_blank)
    first_line = text[leading_blank:] if line_end == -1 else text[leading_blank:line_end]
    match = _DATE_HEADER.match(first_line)
    if match is None:
        return None, text
    try:
        header_date = parse_publication_date(match.group(1))
    except ValueError as error:
        raise InputError(f"{error} in the date line") from None
    return header_date, text[leading_blank + match.end() :]


def _document_from_record(
    record: object, *, origin: str, default_date: date | None, default_lang: str | None
) -> Document:
    """A record's own fields win over the defaults; a present but wrong field is an error, not a
    reason to fall back on a default, so that a typo in a date is seen rather than hidden."""
    if not isinstance(record, Mapping):
        raise RecordError(f"not a JSON object but {type(record).__name__}")
    if "text" not in record or record["text"] is None:
        raise RecordError("missing field 'text'")
    text = record["text"]
    if not isinstance(text, str):
        raise RecordError(f"field 'text' must be a string, not {type(text).__name__}")
    optional = {name: _optional_string(record, name) for name in _OPTIONAL_STRING_FIELDS}
    lang = _optional_string(record, "lang")
    return build_document(
        text,
        date=_record_date(record, default_date),
        origin=origin,
        id=_record_id(record),
        lang=lang.strip().lower() or None if lang else default_lang,
        **optional,
    )


def _record_date(record: Mapping[str, Any], default_date: date | None) -> date | None:
    value = record.get("date")
    if value is None or value == "":
        return default_date
    try:
        return parse_publication_date(value)
    except ValueError as error:
        raise RecordError(str(error)) from None


def _record_id(record: Mapping[str, Any]) -> str | None:
    """The record's id as a string; ``None`` (derive one) when absent or blank."""
    value = record.get("id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RecordError(f"field 'id' must be a string, not {type(value).__name__}")
    return str(value).strip() or None


def _optional_string(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise RecordError(f"field {name!r} must be a string, not {type(value).__name__}")


@contextmanager
def _named(origin: str) -> Iterator[None]:
    """Re-raise an ``InputError`` with ``origin`` in its message, keeping its class."""
    try:
        yield
    except InputError as error:
        raise type(error)(f"{origin}: {error}") from error
