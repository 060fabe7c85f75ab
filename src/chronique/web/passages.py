"""Every place an article holds the words searched for, each in its sentence, words marked.

Search ranks articles (``analysis.search``) and names one sentence per article; a reader who
wants to judge the hit wants them all. For each article hit this reads the article's text once,
finds every match of the query (accents and case ignored, as the index does), takes the stored
sentence around each and marks the matched words with ``<mark>``. The HTML is assembled from
escaped slices, as in ``highlight``: article text is hostile input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from chronique.analysis import Chronicle
from chronique.analysis.search import locate_all, query_parts

__all__ = ["Passage", "passages", "MAX_PASSAGES"]

#: Sentences shown per article at most (the page says how many more there are).
MAX_PASSAGES = 12


@dataclass(frozen=True)
class Passage:
    """One sentence of an article with the searched words marked; ``start``/``end`` is its span."""

    start: int
    end: int
    html: Markup


def _marked(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> Markup:
    pieces, cursor = [], start
    for low, high in spans:
        low, high = max(low, start), min(high, end)
        if low >= high:
            continue
        pieces += [str(escape(text[cursor:low])), "<mark>", str(escape(text[low:high])), "</mark>"]
        cursor = high
    pieces.append(str(escape(text[cursor:end])))
    return Markup(" ".join("".join(pieces).split()))


def passages(chronicle: Chronicle, doc_id: str, query: str) -> tuple[list[Passage], int]:
    """The sentences of an article holding the words of ``query`` (the first
    :data:`MAX_PASSAGES` of them) and how many times the words occur in the article in all."""
    document = chronicle.article(doc_id)
    parts = query_parts(query)
    if document is None or not parts:
        return [], 0
    text = document.text
    matches = locate_all(text, parts)
    sentences: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for start, end in matches:
        if len(sentences) == MAX_PASSAGES and not any(low <= start < high for low, high in sentences):
            break
        around = chronicle.sentence_around(doc_id, start, end)
        sentences.setdefault(around, []).append((start, end))
    shown = [Passage(low, high, _marked(text, low, high, spans))
             for (low, high), spans in sentences.items()]
    return shown, len(matches)
