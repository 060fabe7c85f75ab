"""Small builders for hand-made annotations: spans found by their words, sentences cut at full
stops, events placed on their evidence. Shared by the tests that fill a store without the NLP
pipeline (store, exports, analysis, web), and ``sql``, which reads a store file the way a test
checks a database: through a connection of its own."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from chronique.model import Event
from chronique.store import Store


def span(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` first occur in ``text``, end exclusive."""
    start = text.index(words)
    return start, start + len(words)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a simple text: each ends at a full stop followed by a space, a line
    break or the end."""
    result, start = [], 0
    for index, char in enumerate(text):
        if char == "." and (index + 1 == len(text) or text[index + 1] in " \n"):
            result.append((start, index + 1))
            start = index + 2
    return result


def event(text: str, type_: str, sources: tuple[str, ...], targets: tuple[str, ...], evidence: str,
          trigger: str, *, with_sentence: bool = False, **fields: Any) -> Event:
    """An event told by ``evidence`` (its first occurrence) with ``trigger`` inside it; with
    ``with_sentence``, the sentence around the evidence too."""
    start, end = span(text, evidence)
    trigger_start = text.index(trigger, start)
    if with_sentence:
        fields["sentence_start"], fields["sentence_end"] = next(
            (s, e) for s, e in sentences(text) if s <= start < e)
    return Event(type_, sources, targets, start, end, trigger, trigger_start, trigger_start + len(trigger),
                 **fields)


def sql(store: Store, query: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
    """The rows of ``query`` over the file of ``store`` (a file store, not ``:memory:``), read by
    a read-only connection of the test's own: for tables no read function shows."""
    assert store.path != ":memory:", "sql() reads the store's file: build the store on disk"
    uri = f"{Path(store.path).absolute().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        return conn.execute(query, tuple(params)).fetchall()
