"""``chronique export``: the store in formats other tools read (``docs/exports.md``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronique.cli.common import DEFAULT_DB, DbOption, app, errors, open_store, parse_date
from chronique.export import ACTOR_FORMATS, DATED_FORMATS, EXPORT_FORMATS, FOLDER_FORMATS, export_store

FromOption = Annotated[str | None, typer.Option(
    "--from", help=f"Only events that happened on or after this date (YYYY-MM-DD); {', '.join(sorted(DATED_FORMATS))}.")]
ToOption = Annotated[str | None, typer.Option(
    "--to", help=f"Only events that happened on or before this date (YYYY-MM-DD); {', '.join(sorted(DATED_FORMATS))}.")]


ActorOption = Annotated[list[str] | None, typer.Option(
    "--actor", help="timelinejs: the actor whose timeline to write; twice for a pair's story.")]


def _check_request(format_: str, output: Path | None, start: object, end: object, actors: list[str]) -> None:
    """Usage errors, each naming the option that is wrong (status 2)."""
    if format_ not in EXPORT_FORMATS:
        raise typer.BadParameter(f"unknown format {format_!r}; choose from {', '.join(EXPORT_FORMATS)}",
                                 param_hint="--format")
    if format_ in FOLDER_FORMATS and output is None:
        raise typer.BadParameter(f"the {format_} export writes a folder of files: give it with -o FOLDER",
                                 param_hint="-o/--output")
    if (start or end) and format_ not in DATED_FORMATS:
        raise typer.BadParameter(f"the {format_} export is always whole; --from/--to apply to "
                                 f"{', '.join(sorted(DATED_FORMATS))}", param_hint="--from/--to")
    if start and end and start > end:  # type: ignore[operator]
        raise typer.BadParameter(f"--from {start} is after --to {end}", param_hint="--from/--to")
    if format_ in ACTOR_FORMATS and len(actors) not in (1, 2):
        raise typer.BadParameter(f"the {format_} export is of one actor or a pair: give --actor once or twice",
                                 param_hint="--actor")
    if actors and format_ not in ACTOR_FORMATS:
        raise typer.BadParameter(f"--actor applies to {', '.join(sorted(ACTOR_FORMATS))}", param_hint="--actor")


@app.command()
def export(
    format_: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "annotations",
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="File to write (default stdout), or the folder for parquet, csv and neo4j.")] = None,
    from_: FromOption = None,
    to: ToOption = None,
    actor: ActorOption = None,
) -> None:
    """Export the store for other tools: Gephi (graphml, gexf), pandas (parquet, csv), event data
    (gdelt, plover), Neo4j (neo4j), TimelineJS (timelinejs, with --actor), or the same JSON
    lines as 'annotate' (annotations).

    Event formats omit hypothetical and negated events; tables and Neo4j copy the whole store.
    """
    start, end = parse_date(from_, "--from"), parse_date(to, "--to")
    actors = tuple(actor or ())
    _check_request(format_, output, start, end, list(actors))
    with open_store(db, read_only=True) as store:
        summary = export_store(store, format_, output, start=start, end=end, actors=actors)
    if format_ != "annotations" or output is not None:
        what = ", ".join(f"{count} {name}" for name, count in summary.counts.items())
        errors.print(f"{format_}: wrote {what} to {summary.destination if output else 'stdout'}")
