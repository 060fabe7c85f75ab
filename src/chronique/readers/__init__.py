"""Document readers: files, folders, JSON lines, JSON and stdin in; ``Document``s or
``Rejection``s out. ``chronique.documents`` is the public face; this package is split by concern:

    decoding   bytes to clean text (encodings, binary files, normalisation)
    records    article text or a JSON record to a ``Document``, with a stable id
    sources    files, folders, streams: what to read and in which order
"""

from __future__ import annotations

from chronique.readers.decoding import MAX_DOCUMENT_BYTES, decode_bytes, normalise_text
from chronique.readers.records import (
    ReadResult,
    Rejection,
    build_document,
    document_from_article,
    document_from_record,
    document_id,
    parse_publication_date,
)
from chronique.readers.sources import (
    FILE_FORMATS,
    MAX_JSON_FILE_BYTES,
    MAX_RECORD_BYTES,
    STDIN_ORIGIN,
    read_directory,
    read_json_file,
    read_jsonl,
    read_path,
    read_paths,
    read_stream,
    read_text_file,
)

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_RECORD_BYTES",
    "MAX_JSON_FILE_BYTES",
    "FILE_FORMATS",
    "STDIN_ORIGIN",
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
]
