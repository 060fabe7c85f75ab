"""``chronique serve``: the HTTP API and the web pages over a database, with uvicorn."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from chronique.cli.common import DEFAULT_DB, DbOption, app, errors, open_store
from chronique.web.settings import ALLOWED_HOSTS_ENV, TOKEN_ENV


class LogLevel(str, Enum):
    """uvicorn's log levels: what the server prints for each request and at start-up."""

    critical = "critical"
    error = "error"
    warning = "warning"
    info = "info"
    debug = "debug"


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: a free port, shown in the log).")] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", help=f"File whose first line is the token that turns on POST /api/documents (else ${TOKEN_ENV})."),
    ] = None,
    assets: Annotated[
        Path | None,
        typer.Option("--assets", help="Folder holding the npm front-end libraries (default: web/node_modules of the checkout)."),
    ] = None,
    log_level: Annotated[LogLevel, typer.Option("--log-level", help="What the server logs (info: one line per request).")] = LogLevel.info,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host",
        help=f"Also answer requests for this host name (repeatable; '*' for any; also ${ALLOWED_HOSTS_ENV}, comma-separated)."),
    ] = None,
) -> None:
    """Serve the pages (search, actors, pairs, articles, network) and the JSON API (/api, /openapi.json).

    Ingest over HTTP is off unless a token is given with --token-file or the CHRONIQUE_TOKEN
    environment variable; then POST /api/documents needs 'Authorization: Bearer <token>'. Without
    a token the database must exist; with one, a missing database is created.

    Only requests for localhost, 127.0.0.1, ::1, the --host address and the --allow-host names are
    answered (400 otherwise), so that another site cannot reach the server through DNS rebinding.
    """
    import uvicorn

    from chronique.web import WebSettings, create_app, read_token
    from chronique.web.settings import allowed_hosts

    token = read_token(token_file)
    with open_store(db, must_exist=token is None):
        pass  # refuses a file that is not a chronique database, and migrates an older one
    settings = WebSettings(db_path=db.resolve(), token=token, assets_dir=assets.resolve() if assets else None,
                           allowed_hosts=allowed_hosts(host, allow_host or []))
    errors.print(f"chronique: serving {settings.db_path} (ingest over HTTP {'on' if token else 'off'};"
                 f" hosts: {', '.join(settings.allowed_hosts)})")
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level.value)
