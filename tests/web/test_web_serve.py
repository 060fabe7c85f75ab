"""``chronique serve`` refuses to start on what it cannot serve, and reads the token as documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.errors import ChroniqueError
from chronique.web import read_token
from tests.web.test_web_fixtures import TOKEN

runner = CliRunner()


def test_a_missing_database_is_refused_without_a_token(tmp_path: Path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no database at" in result.output and "chronique ingest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_a_token_comes_from_the_file_first_then_the_environment(tmp_path: Path):
    token_file = tmp_path / "token.txt"
    token_file.write_text(f"  {TOKEN}  \nignored second line\n", "utf-8")
    assert read_token(token_file, {"CHRONIQUE_TOKEN": "x" * 20}) == TOKEN
    assert read_token(None, {"CHRONIQUE_TOKEN": "y" * 20}) == "y" * 20
    assert read_token(None, {}) is None


@pytest.mark.parametrize("content", ["", "short\n"])
def test_an_empty_or_short_token_is_refused_with_the_reason(tmp_path: Path, content: str):
    token_file = tmp_path / "token.txt"
    token_file.write_text(content, "utf-8")
    with pytest.raises(ChroniqueError, match="use at least 16"):
        read_token(token_file, {})


def test_an_unreadable_token_file_is_named(tmp_path: Path):
    with pytest.raises(ChroniqueError, match="cannot read the token file .*nope"):
        read_token(tmp_path / "nope", {})
