"""What every ``chronique`` command shares: the Typer app, consoles, common options and helpers.

Commands live in one module per concern (``ingest_commands``, ``query_commands``…); each
registers itself on :data:`app` when ``chronique.cli`` imports it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from chronique.store import Store

__all__ = [
    "app", "console", "errors", "DbOption", "DEFAULT_DB", "PathsArgument", "DateOption", "LangOption",
    "JsonOption", "parse_date", "open_store", "print_json_lines",
]

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


def parse_date(value: str | None, option: str = "--date") -> date | None:
    """A YYYY-MM-DD option value as a date, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=option)


def open_store(db: Path, must_exist: bool = True) -> Store:
    """The store at ``db``; a clear message and status 2 when a read command finds no file."""
    if must_exist and not db.exists():
        errors.print(f"[red]No database at {db}[/red]: run 'chronique ingest PATH --db {db}' first.")
        raise typer.Exit(2)
    return Store(db)


def print_json_lines(records) -> None:
    """One JSON object per line on stdout, for scripts."""
    for record in records:
        console.print_json(json.dumps(record, ensure_ascii=False, default=str), indent=None)
