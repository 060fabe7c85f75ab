"""The ``chronique`` command: each sub-command is a thin wrapper over a library function.

Every command documents itself (``--help``) and has a page in ``docs/commands/``; a test fails
when one is missing. Commands that read a database take ``--db`` (default ``chronique.db`` in
the current folder, or the ``CHRONIQUE_DB`` environment variable). Each module below registers
its commands on the shared :data:`app`; importing them is what makes the commands exist.
"""

from __future__ import annotations

# Registration order is the order of '--help'.
from chronique.cli import (
    analysis_commands,  # noqa: F401
    entity_commands,  # noqa: F401
    evaluate_command,  # noqa: F401
    export_commands,  # noqa: F401
    ingest_commands,  # noqa: F401
    query_commands,  # noqa: F401
    report_commands,  # noqa: F401
    serve_command,  # noqa: F401
)
from chronique.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point; the app's group turns chronique's own errors into one line on stderr and an
    exit status (``cli.common.exit_status``)."""
    app()
