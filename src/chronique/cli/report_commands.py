"""``chronique report``: one self-contained HTML dossier (``docs/report.md``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chronique.cli.common import DEFAULT_DB, DbOption, app, errors, open_store, parse_date


@app.command()
def report(
    actors: Annotated[list[str] | None, typer.Argument(
        help="Zero, one or two actors (names or aliases): the whole store, an actor, or a pair.")] = None,
    output: Annotated[Path, typer.Option(
        "-o", "--output", help="The HTML file to write.")] = Path("chronique-report.html"),
    db: DbOption = DEFAULT_DB,
    from_: Annotated[str | None, typer.Option(
        "--from", help="Only what happened (events) or was reported (quotes) on or after this date, YYYY-MM-DD.")] = None,
    to: Annotated[str | None, typer.Option(
        "--to", help="Only what happened or was reported on or before this date, YYYY-MM-DD.")] = None,
) -> None:
    """Write one HTML file with the timeline, the conflict–cooperation chart, the actor network,
    the quotes and every fact linked to its source sentence; it opens offline in any browser."""
    from chronique.analysis import Chronicle
    from chronique.report import write_report

    names = actors or []
    if len(names) > 2:
        raise typer.BadParameter("give at most two actors", param_hint="ACTORS")
    start, end = parse_date(from_, "--from"), parse_date(to, "--to")
    if start and end and start > end:
        raise typer.BadParameter(f"--from {start} is after --to {end}", param_hint="--from/--to")
    with open_store(db, read_only=True) as store, Chronicle(store) as chron:
        summary = write_report(chron, output, names, start=start, end=end)
    errors.print(f"report: {summary.path} (events: {summary.events}, quotes: {summary.quotes}, "
                 f"cited sentences: {summary.sources})")
