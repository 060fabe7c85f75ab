"""Read commands over the store: ``entities``, ``timeline``, ``quotes``, ``show``.

Also the helpers the analysis commands (``analysis_commands``) share with ``timeline``:
the period options and a ``Chronicle`` over ``--db``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from chronique.analysis import Chronicle
from chronique.analysis.plain import plain
from chronique.cli import render
from chronique.cli.common import (
    DEFAULT_DB,
    DbOption,
    JsonOption,
    app,
    console,
    open_store,
    parse_date,
    print_json_lines,
)
from chronique.errors import UnknownDocument
from chronique.export import annotation_lines

FromOption = Annotated[str | None, typer.Option("--from", help="Only what happened from this day on (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Only what happened up to this day (YYYY-MM-DD).")]


@contextmanager
def open_chronicle(db: Path) -> Iterator[Chronicle]:
    """A Chronicle over ``db`` (``MissingDatabaseError`` when there is no file; an unknown actor
    raises ``UnknownActor``: both end the command with status 2, see ``cli.common``)."""
    with open_store(db, read_only=True) as store:
        yield Chronicle(store)


def print_json_object(record: Any) -> None:
    """One record (dates as ISO strings, nested records as objects) as one line of JSON."""
    sys.stdout.write(json.dumps(plain(record), ensure_ascii=False) + "\n")


@app.command()
def timeline(
    actors: Annotated[list[str] | None, typer.Argument(help="Actors (names, aliases or ids); none for every event.")] = None,
    db: DbOption = DEFAULT_DB,
    from_: FromOption = None,
    to: ToOption = None,
    undated: Annotated[bool, typer.Option("--undated", help="Also list events the text gives no date for.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N events.")] = None,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip the first N events (with --limit: the next page).")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Dated events oldest first, each with its source document and sentence.

    With one actor: the events it takes part in; with several: the events of any of them.
    """
    names = actors or []
    start, end = parse_date(from_, "--from"), parse_date(to, "--to")
    if start and end and start > end:
        raise typer.BadParameter(f"--from {start} is after --to {end}", param_hint="--from")
    with open_chronicle(db) as chron:
        entries = chron.timeline(*names, start=start, end=end, undated=undated, limit=limit, offset=offset)
    if as_json:
        print_json_lines(asdict(entry) for entry in entries)
    else:
        period = f", {_period(start, end)}" if start or end else ""
        title = f"Timeline: {' & '.join(names) or 'all actors'}{period} ({len(entries)} events)"
        console.print(render.timeline_table(entries, title))


def _period(start: date | None, end: date | None) -> str:
    return f"{start or '…'} to {end or '…'}"


@app.command()
def quotes(
    by: Annotated[str | None, typer.Option("--by", help="Only quotes by this actor.")] = None,
    about: Annotated[str | None, typer.Option(
        "--about", help="Only quotes about or to this actor: named by the speech verb, or in the quote's "
        "sentence by someone else.")] = None,
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N quotes.")] = None,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip the first N quotes (with --limit: the next page).")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Quotes with their speakers, dates and sources.

    The same words by the same speaker in several articles are one quote with all its sources,
    dated when said where the text says so (else by the article, marked 'reported')."""
    with open_chronicle(db) as chron:
        quotes = chron.reported_quotes(by=by, about=about, limit=limit, offset=offset)
    if as_json:
        print_json_lines(asdict(quote) for quote in quotes)
    else:
        console.print(render.reported_quotes_table(quotes))


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="A document id (see 'chronique ingest' output).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Read the article again and say, for every actor mention and quote, what it was "
        "taken for and by which rule (loads the language model).")] = False,
) -> None:
    """The article with what was found in it: entities, dates, money, quotes, events, relations."""
    with open_chronicle(db) as chron:
        annotations = chron.document(doc_id)
    if annotations is None:
        raise UnknownDocument(doc_id)
    if explain:
        from chronique.explain import explain_document  # loads spaCy: only when asked

        explanation = explain_document(annotations.document)
        if as_json:
            print_json_object(explanation)
        else:
            console.print(render.explanation_view(explanation))
        return
    if as_json:
        sys.stdout.write(next(annotation_lines([annotations])) + "\n")
    else:
        console.print(render.document_view(annotations))
