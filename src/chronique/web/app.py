"""The app factory: one FastAPI application serving the JSON API, the pages and their files.

``create_app(WebSettings(db_path=...))`` is what ``chronique serve`` runs under uvicorn and what
the tests drive in-process through ``httpx.ASGITransport``. Errors are answered in the caller's
language: JSON ``{"detail": …}`` under ``/api``, an HTML page elsewhere; chronique's own errors
get their status from one table (``web.errors``). The interactive API
consoles FastAPI offers (``/docs``, ``/redoc``) are off: they load their code from a CDN, and
no page of chronique fetches anything from outside; the description stays at ``/openapi.json``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import chronique
from chronique.errors import ChroniqueError
from chronique.web import api, ingest_api, pages
from chronique.web.assets import INSTALL_HINT, STATIC_DIR, VendorFiles
from chronique.web.errors import http_status, public_detail
from chronique.web.library import Library
from chronique.web.security import (
    SECURITY_HEADERS,
    AllowedHostsMiddleware,
    BodyLimitMiddleware,
    SecurityHeadersMiddleware,
)
from chronique.web.settings import WebSettings
from chronique.web.views import build_templates

__all__ = ["create_app"]

logger = logging.getLogger("chronique.web")

_DESCRIPTION = (
    "Read the temporal knowledge graph chronique builds from news articles: actors, timelines, "
    "profiles, pairs, quotes, full-text search, the actor network and the articles with their "
    "annotations (character spans into the text). `POST /api/documents` ingests an article when "
    "the server was started with a token."
)

_ROUTERS = (api.router, ingest_api.router, pages.router)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at this path: Starlette's 405 names only the first route's
    (``/api/documents`` has a GET route and a POST route)."""
    methods: set[str] = set()
    for router in _ROUTERS:
        for route in router.routes:
            if isinstance(route, APIRoute) and route.path_regex.match(request.url.path):
                methods |= route.methods or set()
    return ", ".join(sorted(methods))


async def _on_http_error(request: Request, error: StarletteHTTPException) -> Response:
    if error.status_code == 405:
        error = StarletteHTTPException(405, error.detail, headers={"Allow": _allowed_methods(request)})
    if _wants_json(request):
        return await http_exception_handler(request, error)
    response = pages.render(request, "error.html", status_code=error.status_code,
                            status=error.status_code, message=str(error.detail))
    response.headers.update(error.headers or {})
    return response


async def _on_invalid_request(request: Request, error: RequestValidationError) -> Response:
    if _wants_json(request):
        return await request_validation_exception_handler(request, error)
    message = "; ".join(f"{'.'.join(map(str, e.get('loc', ())[1:]))}: {e.get('msg')}" for e in error.errors())
    return pages.render(request, "error.html", status_code=422, status=422, message=message)


async def _on_chronique_error(request: Request, error: ChroniqueError) -> Response:
    """chronique's own errors, with the status ``web.errors`` gives their class (logged when 5xx)."""
    status = http_status(error)
    if status >= 500:
        logger.error("%s %s: %s: %s", request.method, request.url.path, type(error).__name__, error)
    return await _on_http_error(request, HTTPException(status, public_detail(error)))


async def _on_unexpected_error(request: Request, error: Exception) -> Response:
    """A 500 for a bug, in the caller's language. Starlette sends it from outside every
    middleware (and then logs the traceback), so it gets the security headers here."""
    response = await _on_http_error(request, StarletteHTTPException(500, "internal error; the server log says why"))
    for name, value in SECURITY_HEADERS:
        response.headers[name.decode("ascii")] = value.decode("ascii")
    return response


def _vendor_route(app: FastAPI, vendor: VendorFiles) -> None:
    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor_file(name: str) -> FileResponse:
        path = vendor.path(name)
        if path is None:
            raise HTTPException(404, f"no front-end file {name!r}: {INSTALL_HINT}")
        return FileResponse(path, media_type="text/javascript")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The server's one store is closed when the server stops."""
    yield
    app.state.library.close()


def create_app(settings: WebSettings) -> FastAPI:
    """The whole server for ``settings``; logs what to run when the front-end files are missing."""
    app = FastAPI(
        title="chronique", version=chronique.__version__, description=_DESCRIPTION,
        docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.library = Library(settings.db_path)
    app.state.templates = build_templates()
    vendor = VendorFiles(settings.vendor_dir)
    app.state.vendor = vendor
    missing = vendor.missing()
    app.state.templates.env.globals["vendor_ready"] = not missing
    if missing:
        logger.warning("front-end libraries missing (%s): %s", ", ".join(missing), INSTALL_HINT)
    # The last added runs first: headers on every answer, then the host check, then the body limit.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(AllowedHostsMiddleware, allowed=settings.allowed_hosts)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _on_invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(ChroniqueError, _on_chronique_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _on_unexpected_error)
    for router in _ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _vendor_route(app, vendor)
    return app
