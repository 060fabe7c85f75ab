"""The one exception tree: where it lives, what the library raises for a user's mistake, and how
the command line ends on each error (status and one line on stderr). Its HTTP statuses are in
test_web_errors."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronique
from chronique import errors
from chronique.analysis import Chronicle
from chronique.cli import app
from chronique.cli.common import exit_status
from chronique.errors import (
    ChroniqueError,
    ConfigurationError,
    InvalidOptionError,
    InvalidPeriodError,
    MissingDatabaseError,
    NotFoundError,
    StoreError,
    UnknownActor,
    UnknownDocument,
    UsageError,
)
from chronique.export import export_store
from chronique.report.content import build_content
from chronique.store import Store
from chronique.web import read_token
from tests.web.test_web_fixtures import build_hand_store

runner = CliRunner()


def error_tree() -> set[type[ChroniqueError]]:
    """Every subclass of ChroniqueError, after importing every module of the package (so that a
    class defined anywhere is found), by recursion over ``__subclasses__``."""
    for module in pkgutil.walk_packages(chronique.__path__, "chronique."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[ChroniqueError]] = {ChroniqueError}
    todo = [ChroniqueError]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def test_the_tree_lives_in_one_module_and_its_docstring_draws_every_class():
    tree = error_tree()
    assert len(tree) == 19
    for cls in tree:
        assert cls.__module__ == "chronique.errors", cls
        assert cls.__name__ in errors.__all__
        assert f"── {cls.__name__} " in errors.__doc__ or cls is ChroniqueError, cls.__name__
    assert set(errors.__all__) == {cls.__name__ for cls in tree}


def test_a_lookup_miss_is_not_found_and_never_a_store_failure():
    for miss in (UnknownActor("Nobody"), UnknownDocument("nope")):
        assert isinstance(miss, NotFoundError) and not isinstance(miss, StoreError)
    assert str(UnknownActor("Nobody")).startswith("no actor named 'Nobody' in the store")
    # the old import path still works
    from chronique.analysis.errors import UnknownActor as reexported
    assert reexported is UnknownActor


def test_every_error_ends_a_command_with_status_2():
    assert {cls: exit_status(cls) for cls in error_tree()} == {cls: 2 for cls in error_tree()}


# -- the library raises typed errors for what a user can get wrong -------------------------------


@pytest.mark.parametrize(("format_", "output", "start", "end", "error", "message"), [
    ("pdf", None, None, None, InvalidOptionError, "unknown export format 'pdf'"),
    ("parquet", None, None, None, InvalidOptionError, "writes a folder"),
    ("csv", Path("x"), date(2025, 1, 1), None, InvalidOptionError, "always whole"),
    ("gexf", None, date(2025, 3, 1), date(2025, 1, 1), InvalidPeriodError,
     r"the period starts \(2025-03-01\) after it ends \(2025-01-01\)"),
])
def test_an_export_that_cannot_be_done_is_a_usage_error(format_, output, start, end, error, message):
    with Store() as store, pytest.raises(error, match=message) as raised:
        export_store(store, format_, output, start=start, end=end)
    assert isinstance(raised.value, UsageError)


def test_a_report_on_three_actors_is_a_usage_error():
    with Store() as store, pytest.raises(InvalidOptionError, match="not 3 actors"):
        build_content(Chronicle(store), ["a", "b", "c"])


def test_a_missing_database_and_a_short_token_are_typed(tmp_path: Path):
    with pytest.raises(MissingDatabaseError, match="no database at .*none.db"):
        Chronicle(tmp_path / "none.db")
    short = tmp_path / "token.txt"
    short.write_text("short\n", "utf-8")
    with pytest.raises(ConfigurationError, match="use at least 16"):
        read_token(short, {})


# -- the command line: status 2 and one line, from one place --------------------------------------


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hand_store(tmp_path_factory.mktemp("errors") / "hand.db")


def _stderr_line(result) -> str:
    return " ".join(result.output.split())


@pytest.mark.parametrize(("arguments", "line"), [
    (["timeline", "Nobody"], "error: no actor named 'Nobody' in the store; see 'chronique entities'"),
    (["profile", "[bold]Nobody[/bold]"], "error: no actor named '[bold]Nobody[/bold]' in the store"),
    (["show", "nope"], "error: no document 'nope' in the store"),
    (["entities", "merge", "Nobody", "elon-musk"], "error: no actor named 'Nobody' in the store"),
    (["quotes", "--by", "Nobody"], "error: no actor named 'Nobody' in the store"),
])
def test_a_user_mistake_is_one_line_and_status_2(hand_db: Path, arguments: list[str], line: str):
    result = runner.invoke(app, [*arguments, "--db", str(hand_db)])
    assert result.exit_code == 2, result.output
    assert _stderr_line(result).startswith(line)
    assert "Traceback" not in result.output


def test_a_database_that_cannot_be_used_is_one_line_and_status_2(tmp_path: Path):
    missing = runner.invoke(app, ["entities", "--db", str(tmp_path / "none.db")])
    assert (missing.exit_code, _stderr_line(missing)) == (
        2, f"error: no database at {tmp_path / 'none.db'}: run 'chronique ingest PATH --db {tmp_path / 'none.db'}' first")
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("not a database, only words " * 100, "utf-8")
    broken = runner.invoke(app, ["entities", "--db", str(not_sqlite)])
    assert broken.exit_code == 2
    assert _stderr_line(broken).startswith(f"error: {not_sqlite} is not a usable SQLite database")
