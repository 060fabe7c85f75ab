"""Terminal rendering of query results with Rich: tables a person can read at a glance.

Kept apart from the CLI so that commands stay thin and the same renderings can be reused by
other front ends; every function takes plain records and returns a Rich renderable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from chronique.analysis.quotes import ReportedQuote
from chronique.analysis.records import (
    ActorGraph,
    ActorProfile,
    Counterpart,
    PairHistory,
    PairLink,
    SearchHit,
    SeriesPoint,
)
from chronique.formatting import format_amount
from chronique.model import Annotations
from chronique.store.records import EntityRow, QuoteRow, RelationRow, TimelineEntry

if TYPE_CHECKING:  # these modules load spaCy: imported only for the type checker
    from chronique.explain import Explanation
    from chronique.ingest import IngestReport

__all__ = [
    "entities_table", "timeline_table", "quotes_table", "ingest_summary", "document_view", "relations_table",
    "counterparts_table", "profile_view", "series_table", "pair_view", "search_table", "graph_view",
]


def entities_table(rows: Sequence[EntityRow]) -> Table:
    table = Table(title=f"{len(rows)} entities", show_lines=False)
    for column in ("id", "name", "type", "aliases", "mentions", "documents"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row.id, row.name, row.type, ", ".join(row.aliases),
                      str(row.mention_count), str(row.document_count))
    return table


def timeline_table(entries: Sequence[TimelineEntry], title: str, notes: Sequence[str] | None = None) -> Table:
    """Events with their actors and source sentences; ``notes`` adds a last column, one per entry."""
    table = Table(title=title, show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("event", overflow="fold")
    table.add_column("source sentence", overflow="fold", ratio=3)
    if notes is not None:
        table.add_column("via", overflow="fold")
    for index, entry in enumerate(entries):
        who = f"{', '.join(entry.sources) or '?'} → {', '.join(entry.targets) or '?'}"
        event = Text(f"{entry.type}\n", style="bold")
        event.append(who)
        if entry.amount is not None:
            event.append(f"\n{format_amount(entry.amount, entry.currency)}")
        if entry.modality != "asserted":
            event.append(f"\n({entry.modality})", style="italic")
        sentences = Text()
        for position, mention in enumerate(entry.mentions):
            if position:
                sentences.append("\n")
            sentences.append(mention.sentence.strip())
            sentences.append(f"\n  [{mention.doc_id}, {mention.doc_date}]", style="dim")
        cells: list[str | Text] = [entry.date_value or "undated", event, sentences]
        table.add_row(*cells, *([notes[index]] if notes is not None else []))
    return table


def quotes_table(rows: Sequence[QuoteRow], title: str | None = None) -> Table:
    table = Table(title=f"{title} ({len(rows)})" if title else f"{len(rows)} quotes", show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("speaker")
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("source", overflow="fold")
    for row in rows:
        cue = f" ({row.cue})" if row.cue else ""
        table.add_row(str(row.doc_date or ""), (row.speaker_name or "unknown") + cue,
                      f"« {row.text} »", row.doc_id)
    return table


def reported_quotes_table(quotes: Sequence[ReportedQuote]) -> Table:
    """One row per quote: its date (when said, or ``reported`` with the article's date), speaker,
    words, and every article that reports it."""
    table = Table(title=f"{len(quotes)} quotes", show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("speaker")
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("sources", overflow="fold")
    for quote in quotes:
        when = quote.date or ""
        if quote.date_basis == "reported" and when:
            when += "\n(reported)"
        cue = f" ({quote.sources[0].cue})" if quote.sources[0].cue else ""
        table.add_row(when, (quote.speaker_name or "unknown") + cue, f"« {quote.text} »",
                      "\n".join(f"{row.doc_id} {row.doc_date or ''}".strip() for row in quote.sources))
    return table


def ingest_summary(report: IngestReport) -> Group:
    parts: list = [Text(
        f"stored {len(report.stored)}, duplicates {len(report.duplicates)}, "
        f"rejected {len(report.rejected)} (of {report.total} inputs)",
        style="bold",
    )]
    if report.duplicates:
        parts.append(Text("duplicates (already stored as):", style="yellow"))
        parts += [Text(f"  {origin} = {doc_id}") for origin, doc_id in report.duplicates]
    if report.rejected:
        parts.append(Text("rejected:", style="red"))
        parts += [Text(f"  {r.origin}: {r.reason}") for r in report.rejected]
    return Group(*parts)


def document_view(annotations: Annotations) -> Group:
    """The article followed by what was found in it, each fact with its text."""
    document = annotations.document
    names = {e.key: e.name for e in annotations.entities}
    text = annotations.document.text
    parts: list = [
        Text(f"{document.id}  {document.date}  {document.lang or ''}  {document.title or ''}", style="bold"),
        Text(text),
        entities_brief(annotations),
    ]
    facts = Table(title="facts", show_lines=False)
    for column in ("kind", "text", "value"):
        facts.add_column(column, overflow="fold")
    for timex in annotations.timexes:
        facts.add_row("date", timex.text, f"{timex.type} {timex.value}")
    for money in annotations.money:
        facts.add_row("money", money.text, format_amount(money.amount, money.currency))
    for quote in annotations.quotes:
        facts.add_row("quote", quote.text, names.get(quote.speaker or "", "speaker unknown"))
    for event in annotations.events:
        who = f"{', '.join(names.get(k, k) for k in event.sources)} → {', '.join(names.get(k, k) for k in event.targets)}"
        facts.add_row("event", text[event.start : event.end], f"{event.type} {who} {event.date or ''} ({event.modality})")
    for relation in annotations.relations:
        facts.add_row("relation", text[relation.start : relation.end],
                      f"{relation.type} {names.get(relation.source, relation.source)} → "
                      f"{names.get(relation.target, relation.target)} {relation.title or ''}")
    parts.append(facts)
    return Group(*parts)


def explanation_view(explanation: Explanation) -> Group:
    """Every actor mention and quote of an article with what it was taken for, and why."""
    mentions = Table(title=f"actor mentions of {explanation.doc_id}")
    for column in ("span", "text", "actor", "kind", "rule"):
        mentions.add_column(column, overflow="fold")
    for mention in explanation.mentions:
        mentions.add_row(f"{mention.start}-{mention.end}", mention.text, f"{mention.actor} ({mention.type})",
                         mention.kind, mention.rule)
    quotes = Table(title="quotes")
    for column in ("span", "quote", "speaker", "cue", "rule"):
        quotes.add_column(column, overflow="fold")
    for quote in explanation.quotes:
        quotes.add_row(f"{quote.start}-{quote.end}", quote.text, quote.speaker or "speaker unknown",
                       quote.cue or "", quote.rule or "")
    return Group(mentions, quotes)


def entities_brief(annotations: Annotations) -> Table:
    table = Table(title="entities")
    for column in ("name", "type", "aliases", "mentions"):
        table.add_column(column, overflow="fold")
    for entity in annotations.entities:
        table.add_row(entity.name, entity.type, ", ".join(entity.aliases), str(len(entity.mentions)))
    return table


# -- analysis: profile, pair, search, graph ------------------------------------------------------


def _score(value: float) -> Text:
    """A signed score, green when cooperative, red when conflictual."""
    style = "green" if value > 0 else "red" if value < 0 else ""
    return Text(f"{value:+.1f}" if value else "0", style=style)


def _bar(value: float, largest: float, width: int = 20) -> Text:
    """A bar as long as the score is large, to the right for cooperation, left for conflict."""
    size = round(abs(value) / largest * width) if largest else 0
    if value < 0:
        return Text(" " * (width - size) + "█" * size, style="red") + Text("│" + " " * width)
    return Text(" " * width + "│") + Text("█" * size, style="green")


def _period(start: str | None, end: str | None) -> str:
    if not start and not end:
        return ""
    return f"{start or '…'} – {end or '…'}"


def relations_table(rows: Sequence[RelationRow], title: str = "roles and relations") -> Table:
    table = Table(title=f"{title} ({len(rows)})")
    for column in ("relation", "source", "target", "title", "valid", "evidence"):
        table.add_column(column, overflow="fold", ratio=3 if column == "evidence" else None)
    for row in rows:
        first = row.evidence[0] if row.evidence else None
        evidence = Text(first.sentence.strip() if first else "")
        if first:
            more = max(row.evidence_count, len(row.evidence)) - 1
            evidence.append(f"\n  [{first.doc_id}, {first.doc_date}]" + (f" and {more} more" if more else ""),
                            style="dim")
        table.add_row(row.type, row.source_name, row.target_name, row.title or "",
                      _period(row.valid_from, row.valid_to), evidence)
    return table


def counterparts_table(rows: Sequence[Counterpart], title: str = "counterparts", limit: int = 20) -> Table:
    table = Table(title=f"{title}, most interactions first ({len(rows)})")
    for column in ("actor", "type", "interactions", "events", "quotes", "cooperation", "conflict", "score"):
        table.add_column(column, justify="left" if column in ("actor", "type") else "right")
    for row in rows[:limit]:
        table.add_row(row.name, row.type, str(row.interactions), str(row.events), str(row.quotes),
                      _score(row.cooperation), _score(row.conflict), _score(row.score))
    if len(rows) > limit:
        table.caption = f"{len(rows) - limit} more with --json"
    return table


def profile_view(profile: ActorProfile) -> Group:
    """Who an actor is, their roles, counterparts, latest events and quotes."""
    actor = profile.actor
    header = Text(f"{actor.name}", style="bold")
    header.append(f"  {actor.type}" + (f"  kb: {actor.kb_id}" if actor.kb_id else "") + f"  id: {actor.id}")
    header.append(f"\naliases: {', '.join(actor.aliases) or '—'}")
    header.append(f"\n{actor.mention_count} mentions in {actor.document_count} documents, "
                  f"{profile.event_count} events")
    return Group(
        header,
        _unless_empty(profile.relations, relations_table, "roles and relations"),
        _unless_empty(profile.counterparts, counterparts_table, "counterparts"),
        _unless_empty(profile.latest_events, lambda rows, title: timeline_table(rows, title),
                      f"latest events ({len(profile.latest_events)} of {profile.event_count})"),
        _unless_empty(profile.quotes_by, quotes_table, f"latest quotes by {actor.name}"),
        _unless_empty(profile.quotes_about, quotes_table, f"latest quotes about {actor.name}"),
    )


def _unless_empty(rows: Sequence, table: Callable[[Sequence, str], Table], title: str) -> Table | Text:
    """The table of the rows, or one dim line saying there are none (an empty table is noise)."""
    return table(rows, title) if rows else Text(f"{title}: none", style="dim")


def series_table(points: Sequence[SeriesPoint], events: Sequence[TimelineEntry], title: str) -> Table:
    """Month by month: the score (cooperation / conflict under it), a bar, the events behind it."""
    by_id = {entry.event_id: entry for entry in events}
    largest = max((abs(point.score) for point in points), default=0.0)
    table = Table(title=title, show_lines=True)
    table.add_column("month", no_wrap=True)
    table.add_column("events", justify="right")
    table.add_column("score\ncoop. / confl.", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("events behind it", overflow="fold", ratio=1)
    for point in points:
        behind = "\n".join(
            f"{entry.type} {', '.join(entry.sources) or '?'} → {', '.join(entry.targets) or '?'} ({entry.score or 0:+.1f})"
            for entry in (by_id[event_id] for event_id in point.event_ids if event_id in by_id)
        )
        score = _score(point.score) + Text("\n") + _score(point.cooperation) + Text(" / ") + _score(point.conflict)
        table.add_row(point.period, str(point.events), score, _bar(point.score, largest, 8), behind)
    return table


def _via_note(link: PairLink | None) -> str:
    if link is None:
        return ""
    return f"{link.via_name} ({link.actor_name}{', ' + link.title if link.title else ''})"


def pair_view(history: PairHistory) -> Group:
    """Two actors' story: every interaction in order, what each said of the other, the series."""
    a, b = history.a.name, history.b.name
    via = {link.event_id: link for link in history.links}
    notes = [_via_note(via.get(entry.event_id)) for entry in history.events] if via else None
    shown = (f"{len(history.events)} of {history.event_count} events" if history.event_count > len(history.events)
             else f"{len(history.events)} events")
    events = timeline_table(history.events, f"{a} & {b}: {shown}, oldest first", notes)
    if via:
        events.caption = "via: the event names one of them and an organisation where the other holds a role"
    return Group(
        events,
        _unless_empty(history.a_about_b, quotes_table, f"what {a} said about {b}"),
        _unless_empty(history.b_about_a, quotes_table, f"what {b} said about {a}"),
        series_table(history.series, history.events, "conflict–cooperation score by month (undated events left out)"),
        _unless_empty(history.relations, relations_table, "relations between them"),
    )


def search_table(hits: Sequence[SearchHit], query: str) -> Table:
    table = Table(title=f"{len(hits)} results for {query!r}, best first", show_lines=True)
    for column in ("#", "kind", "date", "document", "speaker", "sentence"):
        table.add_column(column, overflow="fold", ratio=4 if column == "sentence" else None,
                         no_wrap=column in ("#", "date"))
    for index, hit in enumerate(hits, 1):
        sentence = Text(hit.sentence or hit.snippet)
        sentence.highlight_words(_query_words(query), style="bold yellow", case_sensitive=False)
        if hit.title:
            sentence.append(f"\n  {hit.title}", style="dim")
        table.add_row(str(index), hit.kind, str(hit.doc_date or ""), hit.doc_id, hit.speaker_name or "", sentence)
    return table


def _query_words(query: str) -> list[str]:
    return [word for word in re.findall(r"[^\W_]+", query) if len(word) > 1]


def graph_view(graph: ActorGraph, limit: int = 50) -> Group:
    """The actors and their signed edges, heaviest first (the whole graph with --json)."""
    period = _period(graph.start.isoformat() if graph.start else None, graph.end.isoformat() if graph.end else None)
    names = {node.id: node.name for node in graph.nodes}
    nodes = Table(title=f"{len(graph.nodes)} actors{' over ' + period if period else ''}, most events first")
    for column in ("actor", "type", "events", "mentions", "kb id"):
        nodes.add_column(column, justify="right" if column in ("events", "mentions") else "left")
    for node in sorted(graph.nodes, key=lambda n: (-n.events, n.name))[:limit]:
        nodes.add_row(node.name, node.type, str(node.events), str(node.mentions), node.kb_id or "")
    edges = Table(title=f"{len(graph.edges)} edges, most shared events first", show_lines=False)
    for column in ("actor", "actor", "events", "cooperation", "conflict", "score", "first", "last", "types"):
        edges.add_column(column, overflow="fold",
                         justify="right" if column in ("events", "cooperation", "conflict", "score") else "left")
    for edge in sorted(graph.edges, key=lambda e: (-e.weight, e.score, e.source, e.target))[:limit]:
        edges.add_row(names.get(edge.source, edge.source), names.get(edge.target, edge.target), str(edge.weight),
                      _score(edge.cooperation), _score(edge.conflict), _score(edge.score),
                      edge.first_date or "", edge.last_date or "", ", ".join(edge.types))
    for table, total in ((nodes, len(graph.nodes)), (edges, len(graph.edges))):
        if total > limit:
            table.caption = f"the first {limit} of {total}; all with --json"
    return Group(nodes, edges)
