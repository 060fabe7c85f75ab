"""The "Sources" of a report: every sentence a fact rests on, numbered, anchored, grouped by article.

A report never states a fact without a link to the sentence that says it (DESIGN.md, principle
2). Each cited span gets a number in the order the report first cites it and an anchor
(``#src-3``); citing the same span twice gives the same source. The page shows each cited
sentence once, the words every fact was read from highlighted in it, with the numbers of the
facts that cite it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from chronique.analysis import Chronicle

__all__ = ["Source", "CitedSentence", "DocumentSources", "SourceIndex"]


@dataclass(frozen=True)
class Source:
    """One cited span: its number, its anchor, and where its evidence sits in its sentence."""

    number: int
    anchor: str
    doc_id: str
    sentence: str
    evidence: str
    at: int | None  # offset of the evidence in the sentence; None when it cannot be found there


@dataclass(frozen=True)
class CitedSentence:
    """A sentence shown once, with every cited span in it highlighted (``segments``: text and
    whether it is evidence) and the sources that cite it."""

    text: str
    segments: tuple[tuple[str, bool], ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class DocumentSources:
    """An article and the sentences the report cites from it, in reading order."""

    doc_id: str
    label: str
    date: date | None
    url: str | None
    sentences: tuple[CitedSentence, ...]


def _segments(sentence: str, sources: Sequence[Source]) -> tuple[tuple[str, bool], ...]:
    """The sentence cut into plain and highlighted runs; overlapping evidence is merged."""
    spans = sorted((s.at, s.at + len(s.evidence)) for s in sources if s.at is not None and s.evidence)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    segments, position = [], 0
    for start, end in merged:
        segments += [(sentence[position:start], False), (sentence[start:end], True)]
        position = end
    segments.append((sentence[position:], False))
    return tuple((text, marked) for text, marked in segments if text)


class SourceIndex:
    """Numbers the spans a report cites and groups them by article for the "Sources" section."""

    def __init__(self, chron: Chronicle) -> None:
        self._chron = chron
        self._by_span: dict[tuple[str, int, int], Source] = {}

    def cite(self, doc_id: str, start: int, end: int, evidence: str, sentence: str) -> Source:
        """The source of this span (the same one each time the span is cited)."""
        key = (doc_id, start, end)
        sentence, evidence = sentence.strip(), evidence.strip()
        if key not in self._by_span:
            number = len(self._by_span) + 1
            at = sentence.find(evidence) if evidence else -1
            self._by_span[key] = Source(number, f"src-{number}", doc_id, sentence, evidence, at if at >= 0 else None)
        return self._by_span[key]

    def cite_span(self, doc_id: str, start: int, end: int) -> Source:
        """Cite a span known only by its offsets (a quote): its sentence is read from the store."""
        document = self._chron.article(doc_id)
        text = document.text if document else ""
        first, last = self._chron.sentence_around(doc_id, start, end)
        return self.cite(doc_id, start, end, text[start:end], text[first:last].strip())

    def _sentences(self, spans: list[tuple[tuple[int, int], Source]]) -> tuple[CitedSentence, ...]:
        """One entry per sentence, in reading order of its first cited span. A sentence that
        begins another one cited (an event's sentence inside a quote's two) is shown within it:
        same start, so the evidence offsets hold in the longer one."""
        ordered = [source for _, source in sorted(spans, key=lambda item: item[0])]
        longest = sorted({source.sentence for source in ordered}, key=len, reverse=True)
        shown_in = {text: next(longer for longer in longest if longer.startswith(text)) for text in longest}
        by_sentence: dict[str, list[Source]] = {}
        for source in ordered:
            by_sentence.setdefault(shown_in[source.sentence], []).append(source)
        return tuple(CitedSentence(sentence, _segments(sentence, sources), tuple(sources))
                     for sentence, sources in by_sentence.items())

    def documents(self) -> list[DocumentSources]:
        """The cited articles, oldest first, each with its cited sentences."""
        by_doc: dict[str, list[tuple[tuple[int, int], Source]]] = {}
        for (doc_id, start, end), source in self._by_span.items():
            by_doc.setdefault(doc_id, []).append(((start, end), source))
        grouped = []
        for doc_id, spans in by_doc.items():
            document = self._chron.article(doc_id)
            label = (document.title or (PurePath(document.origin).name if document.origin else doc_id)
                     if document else doc_id)
            grouped.append(DocumentSources(
                doc_id, label, document.date if document else None, document.url if document else None,
                self._sentences(spans)))
        return sorted(grouped, key=lambda d: (d.date is None, d.date or date.min, d.doc_id))

    def __len__(self) -> int:
        return len(self._by_span)
