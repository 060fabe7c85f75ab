"""The server's walls: response headers that make the browser refuse what an article's text might
try to do, the host names it answers to, and the size of what it reads.

The pages escape every slice of article text (``highlight``) and Jinja2 autoescapes every value;
the Content-Security-Policy is the second wall: scripts and styles load only from this origin
and never inline, so even markup that slipped through could not run. No page loads anything
from another host, which the policy also enforces (``default-src 'self'``).

``AllowedHostsMiddleware`` answers 400 to a request whose ``Host`` is not one the server was
told about: a page on another site whose name an attacker points at 127.0.0.1 (DNS rebinding)
would otherwise be same-origin with the API. ``BodyLimitMiddleware`` refuses a body over the limit
with 413 through the app's own error handler, so that the answer is JSON like every other error.
``create_app`` puts ``SecurityHeadersMiddleware`` around both, so their answers carry the headers.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CONTENT_SECURITY_POLICY", "SECURITY_HEADERS", "SecurityHeadersMiddleware", "AllowedHostsMiddleware",
    "BodyLimitMiddleware", "host_name",
]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeadersMiddleware:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (pages, API, static files, refusals)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str) -> str:
    """The host a ``Host`` header names, without its port, in lower case, without a final dot:
    ``"LocalHost.:8000"`` → ``"localhost"``, ``"[::1]:8000"`` → ``"::1"``."""
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end != -1 else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


class AllowedHostsMiddleware:
    """400 with a JSON ``detail`` for a request whose ``Host`` is not in ``allowed`` (``"*"``: any)."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = frozenset(host_name(name) for name in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        host = host_name(Headers(scope=scope).get("host", ""))
        if host in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = repr(host[:100]) if host else "(none)"
        response = JSONResponse(status_code=400, content={"detail": (
            f"host {shown} is not served here; start 'chronique serve' with --allow-host NAME to serve it")})
        await response(scope, receive, send)


class BodyLimitMiddleware:
    """413 for a request body over ``max_bytes``: a declared ``Content-Length`` over it is refused
    at the first read, a body sent in chunks as soon as the bytes read pass it. The refusal is an
    ``HTTPException`` raised where the endpoint reads, which the app's handler answers (JSON under
    ``/api``), inside the headers middleware."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        too_large = HTTPException(413, f"the request body is over the limit of {self.max_bytes:,} bytes")
        read = 0

        async def receive_within_limit() -> Message:
            nonlocal read
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise too_large
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > self.max_bytes:
                    raise too_large
            return message

        await self.app(scope, receive_within_limit, send)
