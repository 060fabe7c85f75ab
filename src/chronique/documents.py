"""Read dated articles into ``Document``s: the public face of ``chronique.readers``.

Formats: an article file (``.txt``, ``.md``) whose first line may be `` date YYYY-MM-DD``; JSON
lines (``.jsonl``, ``.ndjson``) of ``{"id", "date", "lang", "text", "title", "url", "source"}``
records; a ``.json`` file of one record or a list of them; a folder (walked recursively, in name
order); ``-`` for stdin (JSON lines when it starts with ``{``, otherwise one article).

    for result in read_paths(["articles/"], default_date=date(2025, 11, 3)):
        if isinstance(result, Rejection):
            print(f"skipped {result.origin}: {result.reason}")

Readers never raise on bad input: every input gives documents or ``Rejection``s that say where
and why, so one broken file or line costs only itself. Documents without an id get
``doc_<first 16 hex of content_hash>``, the same for the same text wherever it is read from.
"""

from __future__ import annotations

from chronique.model import Document
from chronique.readers import (
    FILE_FORMATS,
    MAX_DOCUMENT_BYTES,
    MAX_JSON_FILE_BYTES,
    MAX_RECORD_BYTES,
    STDIN_ORIGIN,
    ReadResult,
    Rejection,
    build_document,
    decode_bytes,
    document_from_article,
    document_from_record,
    document_id,
    normalise_text,
    parse_publication_date,
    read_directory,
    read_json_file,
    read_jsonl,
    read_path,
    read_paths,
    read_stream,
    read_text_file,
)

__all__ = [
    "Document",
    "Rejection",
    "ReadResult",
    "read_paths",
    "read_path",
    "read_directory",
    "read_text_file",
    "read_jsonl",
    "read_json_file",
    "read_stream",
    "build_document",
    "document_from_article",
    "document_from_record",
    "document_id",
    "parse_publication_date",
    "decode_bytes",
    "normalise_text",
    "FILE_FORMATS",
    "MAX_DOCUMENT_BYTES",
    "MAX_RECORD_BYTES",
    "MAX_JSON_FILE_BYTES",
    "STDIN_ORIGIN",
]
