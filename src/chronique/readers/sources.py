"""Where documents come from: files, folders, JSON lines, JSON, stdin.

Every input is accounted for: each yields documents or ``Rejection``s, never an exception and
never silence (hidden files excepted), so that one bad file or line costs only itself and the
user is told where and why. Reads are bounded: a file or line over its limit is rejected without
being read whole into memory.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from itertools import chain
from pathlib import Path
from typing import BinaryIO, NamedTuple

from chronique.errors import InputError, RecordError
from chronique.model import Document
from chronique.readers.decoding import MAX_DOCUMENT_BYTES, decode_bytes, normalise_line
from chronique.readers.records import (
    ReadResult,
    Rejection,
    _document_from_article,
    _document_from_record,
)

__all__ = [
    "FILE_FORMATS",
    "MAX_JSON_FILE_BYTES",
    "MAX_RECORD_BYTES",
    "STDIN_ORIGIN",
    "read_paths",
    "read_path",
    "read_directory",
    "read_text_file",
    "read_jsonl",
    "read_json_file",
    "read_stream",
]

#: File extension (lower case) to format, for files met while walking a folder.
FILE_FORMATS = {
    ".txt": "article", ".md": "article", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
}
#: Longest JSON line accepted: a document plus room for escapes (``\u00e9`` is six bytes).
MAX_RECORD_BYTES = 4 * MAX_DOCUMENT_BYTES
#: Largest ``.json`` file: it is parsed whole, so corpora beyond this belong in JSON lines.
MAX_JSON_FILE_BYTES = 10 * MAX_DOCUMENT_BYTES
STDIN_ORIGIN = "<stdin>"

_SKIP_CHUNK_BYTES = 1 << 16


def read_paths(
    paths: Iterable[str | Path],
    default_date: date | None = None,
    default_lang: str | None = None,
    source_languages: Mapping[str, str] | None = None,
) -> Iterator[ReadResult]:
    """Every document in ``paths`` (files, folders, ``-`` for stdin), in order, with rejections.

    ``default_date`` (``--date``) dates the documents that carry no date; ``default_lang`` is
    the language of those that do not say theirs (otherwise left ``None`` for the pipeline).
    ``source_languages`` (``--source-lang``) maps a record's ``source`` (case and spacing
    ignored) to the language of its records that do not say theirs; it wins over
    ``default_lang``.
    """
    defaults = _Defaults(default_date, default_lang, _source_language_table(source_languages or {}))
    for path in paths:
        if str(path) == "-":
            yield from _read_stream(sys.stdin.buffer, STDIN_ORIGIN, defaults)
        else:
            yield from _read_path(Path(path), defaults)


def read_path(
    path: Path, default_date: date | None = None, default_lang: str | None = None
) -> Iterator[ReadResult]:
    """A file or folder named by the user.

    A named file of unknown extension is read anyway, its format sniffed from its content: the
    user asked for it. Only in folders does an unknown extension mean "not for us".
    """
    return _read_path(path, _Defaults(default_date, default_lang))


def read_directory(
    directory: Path, default_date: date | None = None, default_lang: str | None = None
) -> Iterator[ReadResult]:
    """Every file under ``directory``, recursively, in sorted name order so runs are repeatable.

    Hidden files and folders (``.git``, ``.DS_Store``) are skipped; any other file of unknown
    extension is rejected as unsupported, so that no input disappears unexplained.
    """
    return _read_directory(directory, _Defaults(default_date, default_lang))


def read_text_file(
    path: Path, default_date: date | None = None, default_lang: str | None = None
) -> ReadResult:
    """The article in a ``.txt``/``.md`` file: an optional date line, then the text."""
    return _read_text_file(path, _Defaults(default_date, default_lang))


def read_jsonl(
    path: Path, default_date: date | None = None, default_lang: str | None = None
) -> Iterator[ReadResult]:
    """The documents of a JSON-lines file, one per line; a broken line is rejected as
    ``path:LINE`` and the others are read."""
    return _read_jsonl(path, _Defaults(default_date, default_lang))


def read_json_file(
    path: Path, default_date: date | None = None, default_lang: str | None = None
) -> Iterator[ReadResult]:
    """The documents of a ``.json`` file holding one record, or a list of them (origins
    ``path#N``, counted from 1)."""
    return _read_json_file(path, _Defaults(default_date, default_lang))


def read_stream(
    stream: BinaryIO,
    origin: str = STDIN_ORIGIN,
    default_date: date | None = None,
    default_lang: str | None = None,
) -> Iterator[ReadResult]:
    """The documents of a byte stream of unknown format (stdin): JSON lines when the first
    non-blank character is ``{``, otherwise one article."""
    return _read_stream(stream, origin, _Defaults(default_date, default_lang))


class _Defaults(NamedTuple):
    """What ``--date`` and ``--lang`` give to documents that do not say it themselves."""

    publication_date: date | None
    lang: str | None
    #: ``_source_language_table`` of ``--source-lang``: source name (folded) to language.
    source_languages: Mapping[str, str] = {}

    def article(self, text: str, origin: str) -> Document:
        return _document_from_article(
            text, origin=origin, default_date=self.publication_date, default_lang=self.lang
        )

    def record(self, record: object, origin: str) -> Document:
        return _document_from_record(
            record, origin=origin, default_date=self.publication_date, default_lang=self._lang_of(record)
        )

    def _lang_of(self, record: object) -> str | None:
        """The language for a record that does not give its own: its source's, else ``--lang``."""
        source = record.get("source") if isinstance(record, Mapping) else None
        if self.source_languages and isinstance(source, str):
            return self.source_languages.get(_source_key(source), self.lang)
        return self.lang

    def json_line(self, line: bytes, origin: str) -> Document:
        return self.record(_parse_json(_decode_json_line(line)), origin)


def _source_language_table(languages: Mapping[str, str]) -> dict[str, str]:
    """``{source: language}`` with sources folded (``"Le  Monde"`` and ``"le monde"`` are one)
    and languages lower-cased, as ``_Defaults`` looks them up."""
    return {_source_key(source): lang.strip().lower() for source, lang in languages.items()}


def _source_key(source: str) -> str:
    return normalise_line(source).casefold()


def _read_path(path: Path, defaults: _Defaults) -> Iterator[ReadResult]:
    if path.is_dir():
        yield from _read_directory(path, defaults)
    elif not path.exists():
        yield Rejection(str(path), "no such file or directory")
    else:
        yield from _read_file(path, FILE_FORMATS.get(path.suffix.lower(), "sniff"), defaults)


def _read_directory(directory: Path, defaults: _Defaults) -> Iterator[ReadResult]:
    for entry in _walk_sorted(directory, set()):
        if isinstance(entry, Rejection):
            yield entry
            continue
        file_format = FILE_FORMATS.get(entry.suffix.lower())
        if not entry.is_file():  # a pipe or socket would block the walk, a dead link has nothing
            yield Rejection(str(entry), "not a regular file")
        elif file_format is None:
            suffix = entry.suffix or "(no extension)"
            expected = ", ".join(FILE_FORMATS)
            yield Rejection(str(entry), f"unsupported file type {suffix!r}: expected {expected}")
        else:
            yield from _read_file(entry, file_format, defaults)


def _read_file(path: Path, file_format: str, defaults: _Defaults) -> Iterator[ReadResult]:
    if file_format == "article":
        yield _read_text_file(path, defaults)
    elif file_format == "jsonl":
        yield from _read_jsonl(path, defaults)
    elif file_format == "json":
        yield from _read_json_file(path, defaults)
    else:
        try:
            with path.open("rb") as stream:
                yield from _read_stream(stream, str(path), defaults)
        except OSError as error:
            yield Rejection(str(path), _os_reason(error))


def _read_text_file(path: Path, defaults: _Defaults) -> ReadResult:
    origin = str(path)
    try:
        text, _encoding = decode_bytes(_read_bounded(path, MAX_DOCUMENT_BYTES))
    except InputError as error:
        return Rejection(origin, str(error), type(error))
    except OSError as error:
        return Rejection(origin, _os_reason(error))
    return _attempt(origin, lambda: defaults.article(text, origin))


def _read_jsonl(path: Path, defaults: _Defaults) -> Iterator[ReadResult]:
    try:
        with path.open("rb") as stream:
            yield from _records_from_lines(_bounded_lines(stream), str(path), defaults)
    except OSError as error:
        yield Rejection(str(path), _os_reason(error))


def _read_json_file(path: Path, defaults: _Defaults) -> Iterator[ReadResult]:
    origin = str(path)
    try:
        text, _encoding = decode_bytes(_read_bounded(path, MAX_JSON_FILE_BYTES))
        value = _parse_json(text)
    except InputError as error:
        yield Rejection(origin, str(error), type(error))
        return
    except OSError as error:
        yield Rejection(origin, _os_reason(error))
        return
    if isinstance(value, dict):
        yield _attempt(origin, lambda: defaults.record(value, origin))
    elif isinstance(value, list):
        for number, record in enumerate(value, start=1):
            record_origin = f"{origin}#{number}"
            yield _attempt(record_origin, lambda: defaults.record(record, record_origin))
    else:
        yield Rejection(origin, "expected a JSON object or a list of objects", RecordError)


def _read_stream(stream: BinaryIO, origin: str, defaults: _Defaults) -> Iterator[ReadResult]:
    """Sniffs the first non-blank line without holding more than the lines up to it."""
    lines = _bounded_lines(stream)
    leading: list[bytes | None] = []
    for line in lines:
        leading.append(line)
        if line is None or line.strip():
            break
    first = leading[-1] if leading else b""
    if first is not None and first.lstrip().removeprefix(codecs.BOM_UTF8).startswith(b"{"):
        yield from _records_from_lines(chain(leading, lines), origin, defaults)
    else:
        yield _article_from_stream(stream, leading, origin, defaults)


def _article_from_stream(
    stream: BinaryIO, leading: list[bytes | None], origin: str, defaults: _Defaults
) -> ReadResult:
    too_large = Rejection(origin, f"too large: over the limit of {MAX_DOCUMENT_BYTES} bytes")
    if None in leading:
        return too_large
    head = b"".join(line for line in leading if line is not None)
    data = head + stream.read(max(0, MAX_DOCUMENT_BYTES + 1 - len(head)))
    if len(data) > MAX_DOCUMENT_BYTES:
        return too_large
    try:
        text, _encoding = decode_bytes(data)
    except InputError as error:
        return Rejection(origin, str(error), type(error))
    return _attempt(origin, lambda: defaults.article(text, origin))


def _records_from_lines(
    lines: Iterable[bytes | None], origin: str, defaults: _Defaults
) -> Iterator[ReadResult]:
    """One result per non-blank line, numbered from 1 (``None`` stands for an over-long line)."""
    for number, line in enumerate(lines, start=1):
        line_origin = f"{origin}:{number}"
        if line is None:
            reason = f"record too large: over the limit of {MAX_RECORD_BYTES} bytes"
            yield Rejection(line_origin, reason, RecordError)
        elif line.strip():
            yield _attempt(line_origin, lambda: defaults.json_line(line, line_origin))


def _decode_json_line(line: bytes) -> str:
    try:
        return line.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        text, _encoding = decode_bytes(line)  # JSON must be UTF-8, but a legacy export is not lost
        return text


def _parse_json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise RecordError(f"not valid JSON: {error.msg} at {where}") from None
    except (ValueError, RecursionError) as error:  # huge integers, absurd nesting
        raise RecordError(f"not valid JSON: {error}") from None


def _attempt(origin: str, build: Callable[[], Document]) -> ReadResult:
    """The document ``build`` makes, or the rejection its ``InputError`` stands for."""
    try:
        return build()
    except InputError as error:
        return Rejection(origin, str(error), type(error))


def _bounded_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """The stream's lines, each at most ``MAX_RECORD_BYTES``; ``None`` for a longer line, which is
    skipped to its end in chunks rather than held in memory."""
    while True:
        line = stream.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while (chunk := stream.readline(_SKIP_CHUNK_BYTES)) and not chunk.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _read_bounded(path: Path, limit: int) -> bytes:
    """The file's bytes, or an ``InputError`` when it holds more than ``limit``: checked by size
    first, then by reading at most one byte past the limit (pipes and ``/proc`` files have no
    true size)."""
    size = path.stat().st_size
    if size > limit:
        raise InputError(f"too large: {size} bytes, over the limit of {limit} bytes")
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"too large: over the limit of {limit} bytes")
    return data


def _walk_sorted(directory: Path, visited: set[Path]) -> Iterator[Path | Rejection]:
    """Non-hidden entries under ``directory``, depth first in name order; a folder reached twice
    through links is walked once, so link cycles end."""
    real = directory.resolve()
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        yield Rejection(str(directory), _os_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk_sorted(entry, visited)
        else:
            yield entry


def _os_reason(error: OSError) -> str:
    return f"cannot read: {(error.strerror or str(error)).lower()}"
