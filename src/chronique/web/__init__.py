"""chronique's HTTP server: a JSON API under ``/api`` and the pages a person browses.

    from chronique.web import WebSettings, create_app
    app = create_app(WebSettings(db_path=Path("news.db")))      # run it with uvicorn

``chronique serve`` does exactly this (see docs/web.md). The modules, one concern each:

    app         the factory: routers, error pages, middleware, static and vendor files
    errors      chronique's error classes as HTTP statuses (one table)
    api         read endpoints under /api (entities, timeline, profile, pair, series, quotes,
                search, graph, documents)
    ingest_api  POST /api/documents, off unless a token is configured
    pages       the HTML pages; views: their template environment and helpers
    highlight   an article's text as safe HTML with its facts marked
    library     one store, one Chronicle and one page cache per server process
    security    Content-Security-Policy and other headers, allowed hosts, the body limit
    settings    WebSettings, the ingest token and the allowed hosts
    assets      where templates, static files and the npm libraries are
"""

from typing import TYPE_CHECKING, Any

from chronique.web.settings import WebSettings, read_token

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from chronique.web.app import create_app

__all__ = ["create_app", "WebSettings", "read_token"]


def __getattr__(name: str) -> Any:
    """``create_app`` is imported on first use: it loads FastAPI, which the command line's other
    commands (and ``chronique serve --help``) do not need."""
    if name == "create_app":
        from chronique.web.app import create_app

        return create_app
    raise AttributeError(f"module 'chronique.web' has no attribute {name!r}")
