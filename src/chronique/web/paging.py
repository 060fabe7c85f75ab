"""Paging of every list the HTTP API answers: a bounded default, a maximum, and the next page.

A list endpoint takes ``limit`` (default :data:`DEFAULT_LIMIT`, at most :data:`MAX_LIMIT`; a
larger value is refused with a 422) and ``offset`` (at most :data:`MAX_OFFSET`). When more items
follow the page, the answer carries an RFC 8288 ``Link`` header to the next page::

    Link: </api/timeline?actor=Musk&limit=100&offset=100>; rel="next"

The body stays what it was (a JSON list, or the endpoint's record), so a client that never asks
for a second page sees no change. Endpoints read one item more than the page to know whether a
next page exists, without counting them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, TypeVar

from fastapi import Query, Request, Response

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "MAX_OFFSET", "Limit", "Offset", "link_after", "link_next", "one_page"]

#: Items a list answers when the client does not say.
DEFAULT_LIMIT = 100
#: The most items one request can ask for.
MAX_LIMIT = 1000
#: The furthest a page can start (deeper pages: narrow the question, e.g. with a period).
MAX_OFFSET = 1_000_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many items (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many items (the next page: the offset of the `Link: rel=\"next\"` header).")]

T = TypeVar("T")


def link_next(request: Request, response: Response, limit: int, offset: int) -> None:
    """Point the client to the page after this one (same question, ``offset + limit``), unless
    it would start beyond :data:`MAX_OFFSET`."""
    if offset + limit > MAX_OFFSET:
        return
    url = request.url.include_query_params(limit=limit, offset=offset + limit)
    response.headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'


def link_after(request: Request, response: Response, limit: int, cursor: str) -> None:
    """Point the client to the page after ``cursor`` (keyset paging: ``after=cursor``, no
    offset), which costs the same at any depth."""
    url = request.url.remove_query_params("offset").include_query_params(limit=limit, after=cursor)
    response.headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'


def one_page(items: Sequence[T], request: Request, response: Response, limit: int, offset: int) -> list[T]:
    """The first ``limit`` of ``items`` (read with one more than a page), and a ``Link`` to the
    next page when that one more was there."""
    if len(items) > limit:
        link_next(request, response, limit, offset)
    return list(items[:limit])
