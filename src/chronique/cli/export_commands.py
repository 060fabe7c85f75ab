"""``chronique export``: the store in formats other tools read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from chronique.cli.common import DEFAULT_DB, DbOption, app, open_store
from chronique.export import EXPORT_FORMATS, annotation_lines


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
    with open_store(db) as store:
        lines = annotation_lines(store.iter_annotations())
        if output:
            with output.open("w", encoding="utf-8") as out:
                for line in lines:
                    out.write(line + "\n")
        else:
            for line in lines:
                sys.stdout.write(line + "\n")
