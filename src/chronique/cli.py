"""The ``chronique`` command: each sub-command is a thin wrapper over a library function.

Every command documents itself (``--help``) and has a page in ``docs/commands/``; a test fails
when one is missing. Commands that read a database take ``--db`` (default ``chronique.db`` in
the current folder, or the ``CHRONIQUE_DB`` environment variable).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from chronique import render
from chronique.documents import Rejection
from chronique.errors import ChroniqueError
from chronique.export import EXPORT_FORMATS, annotation_lines, write_annotations
from chronique.ingest import DEFAULT_BATCH_SIZE, annotate_paths, ingest_paths
from chronique.store import Store

__all__ = ["app"]

app = typer.Typer(
    help="Dated news articles in, a sourced timeline of who did what to whom and when out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", envvar="CHRONIQUE_DB", help="SQLite database file.")]
DEFAULT_DB = Path("chronique.db")
PathsArgument = Annotated[
    list[str], typer.Argument(help="Files, folders or '-' for stdin (article .txt/.md, .jsonl, .json).")
]
DateOption = Annotated[
    Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) for documents that carry none.")
]
LangOption = Annotated[Optional[str], typer.Option("--lang", help="Language of documents that do not say (else detected).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")]


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint="--date")


def _open_store(db: Path, must_exist: bool = True) -> Store:
    if must_exist and not db.exists():
        errors.print(f"[red]No database at {db}[/red]: run 'chronique ingest PATH --db {db}' first.")
        raise typer.Exit(2)
    return Store(db)


def _print_json_lines(records) -> None:
    for record in records:
        console.print_json(json.dumps(record, ensure_ascii=False, default=str), indent=None)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    date_: DateOption = None,
    lang: LangOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction.")] = DEFAULT_BATCH_SIZE,
) -> None:
    """Read articles, extract their facts and store them in the database.

    Ends with a summary: stored, duplicates and rejected inputs, each with its path and reason.
    Exits with status 1 only when inputs were given and none could be stored or was already there.
    """
    default_date = _parse_date(date_)
    with _open_store(db, must_exist=False) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=errors, transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=None)
        report = ingest_paths(paths, store, default_date, lang, batch_size,
                              progress=lambda outcome: progress.advance(task))
    console.print(render.ingest_summary(report))
    console.print(f"database: {db.resolve()}")
    if report.total and not report.stored and not report.duplicates:
        raise typer.Exit(1)


@app.command()
def annotate(
    paths: PathsArgument,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    date_: DateOption = None,
    lang: LangOption = None,
) -> None:
    """Extract facts without a database: one JSON line per document (the format score.py reads)."""
    default_date = _parse_date(date_)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    written = rejected = 0
    try:
        for result in annotate_paths(paths, default_date, lang):
            if isinstance(result, Rejection):
                errors.print(f"[red]rejected[/red] {result.origin}: {result.reason}")
                rejected += 1
            else:
                written += write_annotations([result], out)
                out.flush()
    finally:
        if output:
            out.close()
    errors.print(f"annotated {written} document(s), rejected {rejected}")
    if rejected and not written:
        raise typer.Exit(1)


@app.command()
def export(
    format_: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "annotations",
    db: DbOption = DEFAULT_DB,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
) -> None:
    """Export the store: 'annotations' gives the same JSON lines as 'annotate', with global entity ids."""
    if format_ not in EXPORT_FORMATS:
        raise typer.BadParameter(f"unknown format {format_!r}; choose from {', '.join(EXPORT_FORMATS)}",
                                 param_hint="--format")
    with _open_store(db) as store:
        lines = annotation_lines(store.iter_annotations())
        if output:
            with output.open("w", encoding="utf-8") as out:
                for line in lines:
                    out.write(line + "\n")
        else:
            for line in lines:
                sys.stdout.write(line + "\n")


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[Optional[str], typer.Option("--type", help="PERSON, ORG, PRODUCT, LOC…")] = None,
    as_json: JsonOption = False,
) -> None:
    """List the actors in the store, most mentioned first, with their aliases."""
    with _open_store(db) as store:
        rows = store.entities(type_.upper() if type_ else None)
    if as_json:
        _print_json_lines(asdict(row) for row in rows)
    else:
        console.print(render.entities_table(rows))


def _resolve_actors(store: Store, names: list[str]) -> list[str]:
    ids = []
    for name in names:
        row = store.find_entity(name)
        if row is None:
            errors.print(f"[red]No actor named {name!r} in the store[/red]; see 'chronique entities'.")
            raise typer.Exit(2)
        ids.append(row.id)
    return ids


@app.command()
def timeline(
    actors: Annotated[Optional[list[str]], typer.Argument(help="Zero, one or two actors (names or aliases).")] = None,
    db: DbOption = DEFAULT_DB,
    undated: Annotated[bool, typer.Option("--undated", help="Also list events the text gives no date for.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Dated events oldest first, each with its source document and sentence.

    With one actor: the events it takes part in; with two: the events of either.
    """
    names = actors or []
    if len(names) > 2:
        raise typer.BadParameter("give at most two actors")
    with _open_store(db) as store:
        ids = _resolve_actors(store, names)
        entries = store.timeline(ids, dated_only=not undated, any_actor=True)
    if as_json:
        _print_json_lines(asdict(entry) for entry in entries)
    else:
        title = f"Timeline: {' & '.join(names) or 'all actors'} ({len(entries)} events)"
        console.print(render.timeline_table(entries, title))


@app.command()
def quotes(
    by: Annotated[Optional[str], typer.Option("--by", help="Only quotes by this actor.")] = None,
    about: Annotated[Optional[str], typer.Option("--about", help="Only quotes about or to this actor.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Quotes with their speakers, dates and sources."""
    with _open_store(db) as store:
        by_id = _resolve_actors(store, [by])[0] if by else None
        about_id = _resolve_actors(store, [about])[0] if about else None
        rows = store.quotes(by=by_id, about=about_id)
    if as_json:
        _print_json_lines(asdict(row) for row in rows)
    else:
        console.print(render.quotes_table(rows))


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="A document id (see 'chronique ingest' output).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The article with what was found in it: entities, dates, money, quotes, events, relations."""
    with _open_store(db) as store:
        annotations = store.annotations(doc_id)
    if annotations is None:
        errors.print(f"[red]No document {doc_id!r} in {db}[/red]")
        raise typer.Exit(2)
    if as_json:
        sys.stdout.write(next(annotation_lines([annotations])) + "\n")
    else:
        console.print(render.document_view(annotations))


def main() -> None:
    """Entry point that turns chronique's own errors into one clear line and status 2."""
    try:
        app()
    except ChroniqueError as error:
        errors.print(f"[red]error:[/red] {error}")
        raise SystemExit(2) from error
