"""Terminal rendering of query results with Rich: tables a person can read at a glance.

Kept apart from the CLI so that commands stay thin and the same renderings can be reused by
other front ends; every function takes plain records and returns a Rich renderable.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from chronique.ingest import IngestReport
from chronique.model import Annotations
from chronique.store.records import EntityRow, QuoteRow, TimelineEntry

__all__ = ["entities_table", "timeline_table", "quotes_table", "ingest_summary", "document_view"]


def _amount(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    for scale, word in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(amount) >= scale:
            return f"{amount / scale:,.4g} {word} {currency or ''}".strip()
    return f"{amount:,.2f} {currency or ''}".strip()


def entities_table(rows: Sequence[EntityRow]) -> Table:
    table = Table(title=f"{len(rows)} entities", show_lines=False)
    for column in ("id", "name", "type", "aliases", "mentions", "documents"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row.id, row.name, row.type, ", ".join(row.aliases),
                      str(row.mention_count), str(row.document_count))
    return table


def timeline_table(entries: Sequence[TimelineEntry], title: str) -> Table:
    table = Table(title=title, show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("event", overflow="fold")
    table.add_column("source sentence", overflow="fold", ratio=3)
    for entry in entries:
        who = f"{', '.join(entry.sources) or '?'} → {', '.join(entry.targets) or '?'}"
        event = Text(f"{entry.type}\n", style="bold")
        event.append(who)
        if entry.amount is not None:
            event.append(f"\n{_amount(entry.amount, entry.currency)}")
        if entry.modality != "asserted":
            event.append(f"\n({entry.modality})", style="italic")
        sentences = Text()
        for index, mention in enumerate(entry.mentions):
            if index:
                sentences.append("\n")
            sentences.append(mention.sentence.strip())
            sentences.append(f"\n  [{mention.doc_id}, {mention.doc_date}]", style="dim")
        table.add_row(entry.date_value or "undated", event, sentences)
    return table


def quotes_table(rows: Sequence[QuoteRow]) -> Table:
    table = Table(title=f"{len(rows)} quotes", show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("speaker")
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("source", overflow="fold")
    for row in rows:
        cue = f" ({row.cue})" if row.cue else ""
        table.add_row(str(row.doc_date or ""), (row.speaker_name or "unknown") + cue,
                      f"« {row.text} »", row.doc_id)
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
        facts.add_row("money", money.text, _amount(money.amount, money.currency))
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


def entities_brief(annotations: Annotations) -> Table:
    table = Table(title="entities")
    for column in ("name", "type", "aliases", "mentions"):
        table.add_column(column, overflow="fold")
    for entity in annotations.entities:
        table.add_row(entity.name, entity.type, ", ".join(entity.aliases), str(len(entity.mentions)))
    return table
