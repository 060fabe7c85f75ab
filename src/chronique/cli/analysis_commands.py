"""The analyst's commands: ``profile``, ``pair``, ``search``, ``graph`` (over ``chronique.analysis``).

Each prints Rich tables in a terminal and, with ``--json``, JSON for scripts: one object for a
profile, a pair or a graph; one line per hit for a search.
"""

from __future__ import annotations

from typing import Annotated

import typer

from chronique.analysis.plain import plain
from chronique.analysis.search import query_parts
from chronique.cli import render
from chronique.cli.common import DEFAULT_DB, DbOption, JsonOption, app, console, parse_date, print_json_lines
from chronique.cli.query_commands import FromOption, ToOption, open_chronicle, print_json_object

ObjectJsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")]


@app.command()
def profile(
    actor: Annotated[str, typer.Argument(help="An actor: name, alias or id.")],
    db: DbOption = DEFAULT_DB,
    events: Annotated[int, typer.Option("--events", min=0, help="How many of the latest events to show.")] = 10,
    quotes: Annotated[int, typer.Option("--quotes", min=0, help="How many of the latest quotes by and about to show.")] = 10,
    as_json: ObjectJsonOption = False,
) -> None:
    """Who an actor is: aliases, KB id, roles, counterparts ranked by interaction, latest events, quotes."""
    with open_chronicle(db) as chron:
        result = chron.profile(actor, events=events, quotes=quotes)
    if as_json:
        print_json_object(result)
    else:
        console.print(render.profile_view(result))


@app.command()
def pair(
    a: Annotated[str, typer.Argument(help="The first actor: name, alias or id.")],
    b: Annotated[str, typer.Argument(help="The second actor.")],
    db: DbOption = DEFAULT_DB,
    direct_only: Annotated[bool, typer.Option(
        "--direct-only", help="Only events naming both, not those through an organisation one of them holds a role in.",
    )] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N events (the series keeps them all).")] = None,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip the first N events (with --limit: the next page).")] = 0,
    as_json: ObjectJsonOption = False,
) -> None:
    """Two actors' story: their interactions in order, what each said of the other, the score by month.

    Every event with its source sentence and document; the quotes of each about the other; the
    conflict–cooperation score per month with the events behind it.
    """
    with open_chronicle(db) as chron:
        result = chron.pair(a, b, direct_only=direct_only, limit=limit, offset=offset)
    if as_json:
        print_json_object(result)
    else:
        console.print(render.pair_view(result))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find (accents optional); \"quoted words\" form a phrase.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many results.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over articles and quotes: each hit with its sentence, document id and date."""
    if not query_parts(text):
        raise typer.BadParameter(f"{text!r} holds no word to search for", param_hint="TEXT")
    with open_chronicle(db) as chron:
        hits = chron.search(text, limit=limit)
    if as_json:
        print_json_lines(plain(hit) for hit in hits)
    else:
        console.print(render.search_table(hits, text))


@app.command()
def graph(
    from_: FromOption = None,
    to: ToOption = None,
    db: DbOption = DEFAULT_DB,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows of each table in the terminal (not in --json).")] = 50,
    as_json: ObjectJsonOption = False,
) -> None:
    """The actor network over a period: actors and signed, weighted edges between those who share events."""
    start, end = parse_date(from_, "--from"), parse_date(to, "--to")
    if start and end and start > end:
        raise typer.BadParameter(f"--from {start} is after --to {end}", param_hint="--from")
    with open_chronicle(db) as chron:
        result = chron.graph(start=start, end=end)
    if as_json:
        print_json_object(result)
    else:
        console.print(render.graph_view(result, top))
