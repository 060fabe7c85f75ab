"""Read commands over the store: ``entities``, ``timeline``, ``quotes``, ``show``."""

from __future__ import annotations

import sys
from dataclasses import asdict
from typing import Annotated, Optional

import typer

from chronique import render
from chronique.cli.common import (
    DEFAULT_DB, DbOption, JsonOption, app, console, errors, open_store, print_json_lines, resolve_actors,
)
from chronique.export import annotation_lines


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[Optional[str], typer.Option("--type", help="PERSON, ORG, PRODUCT, LOC…")] = None,
    as_json: JsonOption = False,
) -> None:
    """List the actors in the store, most mentioned first, with their aliases."""
    with open_store(db) as store:
        rows = store.entities(type_.upper() if type_ else None)
    if as_json:
        print_json_lines(asdict(row) for row in rows)
    else:
        console.print(render.entities_table(rows))


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
    with open_store(db) as store:
        ids = resolve_actors(store, names)
        entries = store.timeline(ids, dated_only=not undated, any_actor=True)
    if as_json:
        print_json_lines(asdict(entry) for entry in entries)
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
    with open_store(db) as store:
        by_id = resolve_actors(store, [by])[0] if by else None
        about_id = resolve_actors(store, [about])[0] if about else None
        rows = store.quotes(by=by_id, about=about_id)
    if as_json:
        print_json_lines(asdict(row) for row in rows)
    else:
        console.print(render.quotes_table(rows))


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="A document id (see 'chronique ingest' output).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The article with what was found in it: entities, dates, money, quotes, events, relations."""
    with open_store(db) as store:
        annotations = store.annotations(doc_id)
    if annotations is None:
        errors.print(f"[red]No document {doc_id!r} in {db}[/red]")
        raise typer.Exit(2)
    if as_json:
        sys.stdout.write(next(annotation_lines([annotations])) + "\n")
    else:
        console.print(render.document_view(annotations))
