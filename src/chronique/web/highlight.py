"""An article as HTML with what chronique found in it highlighted, built safely from its spans.

Article text is hostile input: it may hold ``<script>`` or ``<img onerror>``. So the HTML is
never made by inserting tags into the text; it is assembled from slices of the text, each one
escaped on its own, between tags this module writes. Facts overlap (an actor inside a quote,
a date inside an event's evidence, a quote across two sentences), so the text is cut at every
span boundary into segments; each segment is wrapped in the marks that cover it, outermost
first. Sentences are the containers: ``<span class="sentence" id="s-START-END">``, so that a
link ``/documents/ID#s-START-END`` (any span, see ``article.js``) finds and marks its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from chronique.formatting import format_amount
from chronique.model import Annotations

__all__ = ["Mark", "article_marks", "highlight_article", "sentence_anchor", "format_amount"]

#: Nesting order of marks, outermost first: a quote holds events, an event holds actors.
_LAYERS = ("quote", "event", "relation", "trigger", "entity", "date", "money")


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``kind`` is one of ``_LAYERS``; ``href`` makes it a link."""

    start: int
    end: int
    kind: str
    label: str
    css: str = ""
    href: str | None = None


def sentence_anchor(start: int, end: int) -> str:
    """The fragment that points the article page at a span: ``s-START-END``."""
    return f"s-{start}-{end}"


def _score_css(score: float | None) -> str:
    if score is None:
        return "neutral"
    return "coop" if score > 0 else "conflict" if score < 0 else "neutral"


def article_marks(annotations: Annotations) -> list[Mark]:
    """Every span worth showing: quotes, events (evidence and trigger), relations, actors,
    dates and money, each with a label a reader sees on hover."""
    names = {entity.key: entity.name for entity in annotations.entities}

    def who(keys: Iterable[str]) -> str:
        return ", ".join(names.get(key, key) for key in keys) or "?"

    marks = [
        Mark(q.start, q.end, "quote", f"quote by {names.get(q.speaker or '', 'unknown speaker')}")
        for q in annotations.quotes
    ]
    for event in annotations.events:
        summary = f"{event.type}: {who(event.sources)} → {who(event.targets)}"
        if event.date:
            summary += f" · {event.date}"
        if event.score is not None:
            summary += f" · score {event.score:+.1f}"
        css = _score_css(event.score)
        marks.append(Mark(event.start, event.end, "event", summary, css))
        marks.append(Mark(event.trigger_start, event.trigger_end, "trigger", summary, css))
    for relation in annotations.relations:
        label = f"{relation.type}: {who([relation.source])} → {who([relation.target])}"
        marks.append(Mark(relation.start, relation.end, "relation", label))
    for entity in annotations.entities:
        href = f"/actors/{quote(entity.key, safe='')}"
        for start, end in entity.mentions:
            marks.append(Mark(start, end, "entity", f"{entity.name} · {entity.type}",
                              f"ent-{entity.type.lower()}", href))
    for timex in annotations.timexes:
        marks.append(Mark(timex.start, timex.end, "date", f"{timex.type} {timex.value}"))
    for money in annotations.money:
        marks.append(Mark(money.start, money.end, "money", format_amount(money.amount, money.currency)))
    length = len(annotations.document.text)
    return [m for m in marks if 0 <= m.start < m.end <= length]


def _open_tag(mark: Mark) -> Markup:
    classes = escape(f"mark mark-{mark.kind} {mark.css}".strip())
    if mark.href is not None:
        return Markup('<a class="{}" href="{}" title="{}">').format(classes, mark.href, mark.label)
    return Markup('<span class="{}" title="{}">').format(classes, mark.label)


def _close_tag(mark: Mark) -> Markup:
    return Markup("</a>") if mark.href is not None else Markup("</span>")


def _segment_html(text: str, start: int, end: int, covering: Sequence[Mark]) -> Markup:
    """One segment of text, escaped, inside every mark covering it.

    Links cannot nest, so a segment keeps one: the innermost ("OpenAI" in "le patron d'OpenAI"
    links to OpenAI, the rest of the description to the person it describes).
    """
    links = [m for m in covering if m.href is not None]
    innermost = min(links, key=lambda m: (m.end - m.start, m.start)) if links else None
    opened = sorted(
        (m for m in covering if m.href is None or m is innermost),
        key=lambda m: (_LAYERS.index(m.kind), m.start, -m.end),
    )
    inner = Markup('<span class="seg" data-start="{}" data-end="{}">{}</span>').format(
        start, end, text[start:end]
    )
    return Markup("").join([*map(_open_tag, opened), inner, *map(_close_tag, reversed(opened))])


def _containers(sentences: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int, bool]]:
    """The text cut into sentences and the gaps between them: (start, end, is_sentence)."""
    pieces: list[tuple[int, int, bool]] = []
    position = 0
    for start, end in sorted(sentences):
        start, end = max(start, position), min(end, length)
        if start >= end:
            continue
        if start > position:
            pieces.append((position, start, False))
        pieces.append((start, end, True))
        position = end
    if position < length:
        pieces.append((position, length, False))
    return pieces


def _segments(cuts: Sequence[int], marks: Sequence[Mark]) -> Iterator[tuple[int, int, tuple[Mark, ...]]]:
    """(start, end, covering marks) for each run between two cuts, in one sweep over the text."""
    by_start = sorted(marks, key=lambda m: m.start)
    active: list[Mark] = []
    index = 0
    for start, end in zip(cuts, cuts[1:]):
        while index < len(by_start) and by_start[index].start <= start:
            active.append(by_start[index])
            index += 1
        active = [m for m in active if m.end > start]
        yield start, end, tuple(active)


def highlight_article(annotations: Annotations, marks: Sequence[Mark] | None = None) -> Markup:
    """The article text as safe HTML: sentences holding escaped segments wrapped in marks."""
    text = annotations.document.text
    marks = article_marks(annotations) if marks is None else marks
    containers = _containers(annotations.sentences, len(text))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks),
                   *(start for start, _, _ in containers)})
    segments = list(_segments(cuts, marks))
    parts: list[Markup] = []
    position = 0
    for start, end, is_sentence in containers:
        inner: list[Markup] = []
        while position < len(segments) and segments[position][1] <= end:
            inner.append(_segment_html(text, *segments[position]))
            position += 1
        body = Markup("").join(inner)
        if is_sentence:
            parts.append(Markup(
                '<span class="sentence" id="{}" data-start="{}" data-end="{}">{}</span>'
            ).format(sentence_anchor(start, end), start, end, body))
        else:
            parts.append(body)
    return Markup("").join(parts)
