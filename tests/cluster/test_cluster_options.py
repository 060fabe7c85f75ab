"""How a run is told to use Dask, and what it says when it cannot: without loading a model."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.cluster import run
from chronique.errors import ConfigurationError

runner = CliRunner()


def test_workers_and_scheduler_together_are_refused_before_any_database_is_written(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2025-03-02\nSam Altman a parlé.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "n.db"),
                                 "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--workers" in result.output and "--scheduler" in result.output and "one of them" in result.output
    assert not (tmp_path / "n.db").exists()


def test_zero_workers_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--workers", "0"])
    assert result.exit_code == 2
    assert "--workers" in result.output


def test_a_scheduler_that_cannot_be_reached_is_named_in_a_configuration_error(monkeypatch):
    monkeypatch.setattr(run, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(ConfigurationError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with run.connect(scheduler="tcp://127.0.0.1:9"):
            pass


def test_the_command_line_loads_dask_only_for_a_distributed_run():
    code = "import sys, chronique.cli, chronique.ingest; print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert loaded.strip() == "[]"
