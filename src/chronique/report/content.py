"""What a report says, gathered from the query layer: the story, its series, its network, its quotes.

A report covers every actor, one actor, or a pair, over a period or all time. Its facts are
``chronique.analysis`` answers, never recomputed here; this module only chooses which answers a
reader needs for that scope, keeps those in the period, and cites every one of them through a
:class:`~chronique.report.sources.SourceIndex`, so that the page links each fact to its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from chronique.analysis import ActorGraph, Chronicle, PairHistory, PairLink, RelationRow
from chronique.analysis.quotes import quote_key
from chronique.analysis.records import Counterpart, PeriodSpan, SeriesPoint
from chronique.analysis.series import monthly_series, period_spans, split_scores
from chronique.errors import InvalidOptionError
from chronique.report.sources import DocumentSources, Source, SourceIndex
from chronique.store.records import EntityRow, QuoteRow, TimelineEntry

__all__ = [
    "MAX_EVENTS", "MAX_QUOTES", "TimelineRow", "QuoteGroup", "QuoteItem", "RelationItem", "ReportContent",
    "build_content",
]

T = TypeVar("T")

#: A page stays readable (and a few MB at most) on a store of any size: beyond these, the report
#: shows the latest events and quotes and says how many it leaves out; the key figures and the
#: series always count every event.
MAX_EVENTS = 500
MAX_QUOTES = 100


@dataclass(frozen=True)
class TimelineRow:
    """One event as the report lists it, with the sources that tell it."""

    date: str | None
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    amount: float | None
    currency: str | None
    score: float | None
    modality: str
    via: str | None  # why a pair's story holds an event that names only one of them
    cited: tuple[Source, ...]


@dataclass(frozen=True)
class QuoteItem:
    speaker: str | None
    text: str
    cue: str | None
    date: date | None
    cited: Source
    also: tuple[Source, ...] = ()  # the other articles reporting the same words by the same speaker


@dataclass(frozen=True)
class QuoteGroup:
    """Quotes under one heading: the latest ``MAX_QUOTES`` of ``total``, in reading order."""

    title: str
    items: tuple[QuoteItem, ...]
    total: int


@dataclass(frozen=True)
class RelationItem:
    source: str
    label: str
    target: str
    period: str
    cited: tuple[Source, ...]


@dataclass(frozen=True)
class ReportContent:
    """Everything the template shows, in the order it shows it."""

    title: str
    scope: str
    actors: tuple[EntityRow, ...]
    start: date | None
    end: date | None
    event_count: int  # every event of the scope and period, shown or not
    cooperation: float
    conflict: float
    dated: tuple[TimelineRow, ...]
    undated: tuple[TimelineRow, ...]
    omitted_events: int
    series: tuple[SeriesPoint, ...]
    graph: ActorGraph
    quotes: tuple[QuoteGroup, ...]
    relations: tuple[RelationItem, ...]
    counterparts: tuple[Counterpart, ...]
    documents: tuple[DocumentSources, ...]
    source_count: int
    spans: tuple[PeriodSpan, ...] = ()  # the chart's periods, each as wide as its dates are known


def in_period(entry: TimelineEntry, start: date | None, end: date | None) -> bool:
    """Whether an event's dates overlap the period (an undated event is in no period)."""
    if start is None and end is None:
        return True
    if not entry.date_start:
        return False
    last = entry.date_end or entry.date_start
    return (end is None or entry.date_start <= end.isoformat()) and (start is None or last >= start.isoformat())


def _quote_in_period(quote: QuoteRow, start: date | None, end: date | None) -> bool:
    """Quotes are placed at the date they were reported."""
    if start is None and end is None:
        return True
    if quote.doc_date is None:
        return False
    return (start is None or quote.doc_date >= start) and (end is None or quote.doc_date <= end)


def _latest(items: Sequence[T], count: int) -> Sequence[T]:
    """The last ``count`` items (none for 0: ``items[-0:]`` would be all of them)."""
    return items[max(0, len(items) - count):]


def _timeline_rows(entries: Iterable[TimelineEntry], index: SourceIndex, via: dict[str, str]) -> list[TimelineRow]:
    rows = []
    for entry in entries:
        cited = tuple(dict.fromkeys(
            index.cite(m.doc_id, m.start, m.end, m.evidence, m.sentence) for m in entry.mentions))
        rows.append(TimelineRow(
            entry.date_value, entry.type, entry.sources, entry.targets, entry.amount, entry.currency,
            entry.score, entry.modality, via.get(entry.event_id), cited))
    return rows


def _quote_group(title: str, quotes: Sequence[QuoteRow], index: SourceIndex) -> QuoteGroup:
    """The latest quotes under a heading; the same words by the same speaker in several articles
    are one item citing each of them (dated by the first report)."""
    reports: dict[tuple[str, str], list[QuoteRow]] = {}
    for quote in quotes:
        reports.setdefault(quote_key(quote), []).append(quote)
    firsts = [rows[0] for rows in reports.values()]
    items = []
    for q in _latest(firsts, MAX_QUOTES):
        others = reports[quote_key(q)][1:]
        items.append(QuoteItem(q.speaker_name, q.text, q.cue, q.doc_date, index.cite_span(q.doc_id, q.start, q.end),
                               tuple(index.cite_span(o.doc_id, o.start, o.end) for o in others)))
    return QuoteGroup(title, tuple(items), len(firsts))


def _relation_items(relations: Iterable[RelationRow], index: SourceIndex) -> list[RelationItem]:
    items = []
    for relation in dict((r.relation_id, r) for r in relations).values():
        label = relation.title or relation.type.lower().replace("_", " ")
        period = "–".join(part or "…" for part in (relation.valid_from, relation.valid_to)) \
            if relation.valid_from or relation.valid_to else ""
        cited = tuple(index.cite(e.doc_id, e.start, e.end, e.text, e.sentence) for e in relation.evidence)
        items.append(RelationItem(relation.source_name, label, relation.target_name, period, cited))
    return items


@dataclass
class _Scope:
    """What one scope (everything, one actor, a pair) contributes before citation."""

    title: str
    scope: str
    actors: tuple[EntityRow, ...]
    entries: list[TimelineEntry]
    via: dict[str, str]
    quote_groups: list[tuple[str, list[QuoteRow]]]
    relations: list[RelationRow]
    counterparts: tuple[Counterpart, ...] = ()


def _everything(chron: Chronicle, start: date | None, end: date | None) -> _Scope:
    entries = chron.timeline(start=start, end=end, undated=start is None and end is None)
    return _Scope("Every actor", "all actors in the store", (), entries, {},
                  [("Every quote", chron.quotes())], [])


def _one_actor(chron: Chronicle, name: str, start: date | None, end: date | None) -> _Scope:
    actor = chron.actor(name)
    profile = chron.profile(actor)
    entries = chron.timeline(actor, start=start, end=end, undated=start is None and end is None)
    quotes = [(f"Said by {actor.name}", chron.quotes(by=actor)),
              (f"Said about {actor.name}", chron.quotes(about=actor))]
    return _Scope(actor.name, actor.name, (actor,), entries, {}, quotes, list(profile.relations),
                  profile.counterparts)


def _pair_quotes(chron: Chronicle, story: PairHistory) -> list[tuple[str, list[QuoteRow]]]:
    a, b = story.a, story.b
    about = {(q.doc_id, q.start) for q in (*story.a_about_b, *story.b_about_a)}
    others = [q for q in (*chron.quotes(by=a), *chron.quotes(by=b)) if (q.doc_id, q.start) not in about]
    others.sort(key=lambda q: (q.doc_date or date.min, q.doc_id, q.start))
    return [(f"{a.name} about {b.name}", list(story.a_about_b)),
            (f"{b.name} about {a.name}", list(story.b_about_a)),
            (f"Other quotes by {a.name} or {b.name}", others)]


def _via(link: PairLink) -> str:
    """Why an event naming one of the pair is in their story: "via OpenAI (Sam Altman, ceo)"."""
    holder = f"{link.actor_name}, {link.title}" if link.title else link.actor_name
    return f"via {link.via_name} ({holder})"


def _pair(chron: Chronicle, names: Sequence[str], start: date | None, end: date | None) -> _Scope:
    story = chron.pair(names[0], names[1])
    a, b = story.a, story.b
    via = {link.event_id: _via(link) for link in story.links}
    relations = [*story.relations, *chron.profile(a).relations, *chron.profile(b).relations]
    return _Scope(f"{a.name} & {b.name}", f"{a.name} and {b.name}", (a, b), list(story.events), via,
                  _pair_quotes(chron, story), relations)


def _focused_graph(graph: ActorGraph, focus: Sequence[EntityRow]) -> ActorGraph:
    """The actors' neighbourhood when the report is about some actors, else the whole graph."""
    if not focus:
        return graph
    ids = {actor.id for actor in focus}
    edges = tuple(e for e in graph.edges if e.source in ids or e.target in ids)
    kept = ids | {e.source for e in edges} | {e.target for e in edges}
    return ActorGraph(tuple(n for n in graph.nodes if n.id in kept), edges, graph.start, graph.end)


def build_content(chron: Chronicle, actors: Sequence[str] = (), start: date | None = None,
                  end: date | None = None) -> ReportContent:
    """The report's content for zero, one or two actors over a period (``None``: unbounded)."""
    if len(actors) > 2:
        raise InvalidOptionError(f"a report covers every actor, one actor or a pair, not {len(actors)} actors")
    scope = (_everything(chron, start, end) if not actors else
             _one_actor(chron, actors[0], start, end) if len(actors) == 1 else _pair(chron, actors, start, end))
    entries = [e for e in scope.entries if in_period(e, start, end)]
    shown_dated = _latest([e for e in entries if e.date_value], MAX_EVENTS)
    shown_undated = [e for e in entries if not e.date_value][:MAX_EVENTS]
    index = SourceIndex(chron)
    dated = _timeline_rows(shown_dated, index, scope.via)
    undated = _timeline_rows(shown_undated, index, scope.via)
    quotes = [_quote_group(title, [q for q in rows if _quote_in_period(q, start, end)], index)
              for title, rows in scope.quote_groups]
    relations = _relation_items(scope.relations, index)
    cooperation, conflict = split_scores(e.score for e in entries)
    return ReportContent(
        scope.title, scope.scope, scope.actors, start, end, len(entries), cooperation, conflict,
        tuple(dated), tuple(undated), len(entries) - len(dated) - len(undated),
        tuple(monthly_series(entries, start=start, end=end)),
        _focused_graph(chron.graph(start=start, end=end), scope.actors),
        tuple(quotes), tuple(relations), scope.counterparts, tuple(index.documents()), len(index),
        tuple(period_spans(entries, start=start, end=end)),
    )
