"""``chronique evaluate``: annotate documents and show, per event type and per lexicon rule, the
hits, misses and false events against a gold file, each with its sentence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from chronique.cli.common import DateOption, LangOption, app, console, errors, parse_date
from chronique.documents import Rejection
from chronique.errors import InvalidOptionError
from chronique.evaluation import FALSE, HIT, MISS, Counts, EventEvaluation, Outcome, evaluate_events, read_gold
from chronique.ingest import annotate_paths

KINDS = {"hits": HIT, "misses": MISS, "false": FALSE}


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold annotations: one JSON object per document (id, entities, events).")],
    docs: Annotated[list[str], typer.Argument(help="The documents the gold annotates (.jsonl, .json, .txt, folders).")],
    type_: Annotated[list[str] | None, typer.Option("--type", help="Only these event types (repeatable).")] = None,
    rule: Annotated[str | None, typer.Option("--rule", help="Only events whose rule contains this text.")] = None,
    show: Annotated[list[str] | None, typer.Option(
        "--show", help="Which outcomes to list with their sentence: hits, misses, false (repeatable; default misses and false).",
    )] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON line per outcome instead of tables.")] = False,
    date_: DateOption = None,
    lang: LangOption = None,
) -> None:
    """Compare the events chronique finds in DOCS with GOLD: counts per type and per rule, then each
    miss and false event with its sentence (the error analysis behind the quality figures)."""
    wanted = show or ["misses", "false"]
    unknown = [k for k in wanted if k not in KINDS]
    if unknown:
        raise InvalidOptionError(f"--show takes hits, misses or false, not {', '.join(unknown)}")
    gold_records = read_gold(gold)
    annotated = []
    for result in annotate_paths(docs, parse_date(date_), lang):
        if isinstance(result, Rejection):
            errors.print(f"[red]rejected[/red] {result.origin}: {result.reason}")
        else:
            annotated.append(result)
    evaluation = evaluate_events(annotated, gold_records)
    types = {t.upper() for t in type_ or []}
    evaluation = EventEvaluation([
        o for o in evaluation.outcomes
        if (not types or o.type in types) and (rule is None or (o.kind == MISS or rule in (o.rule or "")))
    ])
    if json_:
        for outcome in evaluation.outcomes:
            if outcome.kind in {KINDS[k] for k in wanted}:
                print(json.dumps(_outcome_record(outcome), ensure_ascii=False))
        return
    console.print(_counts_table("events by type", evaluation.by_type(), evaluation.total()))
    console.print(_counts_table("events by rule (hits and false events)", evaluation.by_rule(), None, rules=True))
    for name in wanted:
        listed = [o for o in evaluation.outcomes if o.kind == KINDS[name]]
        console.print(f"\n[bold]{name}[/bold] ({len(listed)})")
        for outcome in listed:
            console.print(_outcome_line(outcome), soft_wrap=True)


def _counts_table(title: str, groups: dict[str, Counts], total: Counts | None, rules: bool = False) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("rule" if rules else "type", "hits", *(() if rules else ("misses",)), "false", "P",
                   *(() if rules else ("R", "F1", "dates"))):
        table.add_column(column, justify="left" if column in ("rule", "type") else "right")
    rows = list(groups.items()) + ([("all", total)] if total is not None else [])
    for name, counts in rows:
        cells = [escape(name), str(counts.hits)]
        if not rules:
            cells.append(str(counts.misses))
        cells += [str(counts.false), f"{counts.precision:.2f}"]
        if not rules:
            cells += [f"{counts.recall:.2f}", f"{counts.f1:.2f}", f"{counts.dated_right}/{counts.dated}"]
        table.add_row(*cells)
    return table


def _outcome_line(outcome: Outcome) -> str:
    dates = ""
    if outcome.kind == HIT and outcome.gold_date:
        dates = f" date gold {outcome.gold_date} system {outcome.system_date}"
    elif outcome.kind == MISS and outcome.gold_date:
        dates = f" @{outcome.gold_date}"
    elif outcome.kind == FALSE and outcome.system_date:
        dates = f" @{outcome.system_date}"
    rule = f" [{escape(outcome.rule)}]" if outcome.rule else ""
    head = escape(f"{outcome.document}: {outcome.type} {outcome.source} -> {outcome.target}{dates}")
    return f"{head}{rule}\n    {escape(outcome.sentence)}"


def _outcome_record(outcome: Outcome) -> dict[str, object]:
    return {
        "kind": outcome.kind, "document": outcome.document, "type": outcome.type, "source": outcome.source,
        "target": outcome.target, "rule": outcome.rule, "gold_date": outcome.gold_date,
        "system_date": outcome.system_date, "sentence": outcome.sentence,
    }
