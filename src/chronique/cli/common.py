"""What every ``chronique`` command shares: the Typer app, consoles, common options and helpers.

Commands live in one module per concern (``ingest_commands``, ``query_commands``…); each
registers itself on :data:`app` when ``chronique.cli`` imports it.

Errors: a command raises chronique's own errors (``chronique.errors``) and does not print them;
the app's group (:class:`ChroniqueGroup`) turns any of them into one line on stderr and the exit
status :func:`exit_status` gives its class, for every command, in one place.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup, TyperOption

import chronique
from chronique.errors import ChroniqueError, MissingDatabaseError
from chronique.store import Store
from chronique.store.locations import database_location

__all__ = [
    "app", "console", "errors", "DbOption", "DEFAULT_DB", "PathsArgument", "DateOption", "LangOption",
    "JsonOption", "parse_date", "open_store", "print_json_lines", "EXIT_STATUS", "exit_status",
    "ChroniqueGroup",
]

#: Exit status per error class (the nearest class of an error wins). Every chronique error ends a
#: command with 2, the status Click gives a usage error: the command did nothing, and the line
#: on stderr says why (an unknown actor, a bad period, a missing or unusable database…).
#: 1 is kept for 'ingest' and 'annotate': they ran, but some inputs were rejected.
EXIT_STATUS: dict[type[ChroniqueError], int] = {ChroniqueError: 2}


def exit_status(error: ChroniqueError | type[ChroniqueError]) -> int:
    """The exit status for ``error`` (an instance or a class): the row of its nearest class."""
    kind = error if isinstance(error, type) else type(error)
    return next(EXIT_STATUS[cls] for cls in kind.__mro__ if cls in EXIT_STATUS)


console = Console()
errors = Console(stderr=True)


class ChroniqueGroup(TyperGroup):
    """The ``chronique`` group: a chronique error raised by any command (sub-groups included) is
    printed as ``error: <message>`` on one line of stderr and ends the command with
    :func:`exit_status`; anything else is a bug and keeps its traceback."""

    def invoke(self, ctx: Any) -> Any:  # Any: the Context type is typer's private copy of Click's
        try:
            return super().invoke(ctx)
        except ChroniqueError as error:
            errors.print(f"[red]error:[/red] {escape(str(error))}", soft_wrap=True)
            raise typer.Exit(exit_status(error)) from error


app = typer.Typer(
    cls=ChroniqueGroup,
    help="Dated news articles in, a sourced timeline of who did what to whom and when out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        console.print(f"chronique {chronique.__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool | None, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print chronique's version and exit.")] = None,
) -> None:
    """Dated news articles in, a sourced timeline of who did what to whom and when out."""


_option_type = TyperOption.display_type_rich


def _type_unless_flag(self: TyperOption, ctx: Any) -> str | None:
    """What ``--help`` shows in an option's type column: nothing for a flag (``--json``,
    ``--help``), whose ``<bool>`` only says that it takes no value; the type otherwise."""
    return None if self.is_flag else _option_type(self, ctx)


TyperOption.display_type_rich = _type_unless_flag  # type: ignore[method-assign]

DbOption = Annotated[Path, typer.Option(
    "--db", envvar="CHRONIQUE_DB", parser=database_location, metavar="<path>",
    help="SQLite database file, or a postgresql://user@host/dbname URL.")]
DEFAULT_DB = Path("chronique.db")
PathsArgument = Annotated[
    list[str], typer.Argument(help="Files, folders or '-' for stdin (article .txt/.md, .jsonl, .json).")
]
DateOption = Annotated[
    str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for documents that carry none.")
]
LangOption = Annotated[str | None, typer.Option("--lang", help="Language of documents that do not say (else detected).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")]


def parse_date(value: str | None, option: str = "--date") -> date | None:
    """A YYYY-MM-DD option value as a date, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=option) from error


def open_store(db: Path, must_exist: bool = True, *, read_only: bool = False) -> Store:
    """The store at ``db``; ``MissingDatabaseError`` when a read command finds no file.

    Read commands pass ``read_only``: they take no lock, so they answer while an ingest writes,
    and never migrate (an older schema is an error telling to run 'chronique migrate')."""
    if must_exist and not db.exists():
        raise MissingDatabaseError(db)
    return Store(db, read_only=read_only)


def print_json_lines(records) -> None:
    """One JSON object per line on stdout, for scripts."""
    for record in records:
        console.print_json(json.dumps(record, ensure_ascii=False, default=str), indent=None)
