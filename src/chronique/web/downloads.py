"""Every list a page shows, also as CSV or JSON: the page's URL with ``?_format=csv`` (or ``json``).

As in datasette, the download is the same question as the page (same actor, same filters, same
page of the list), answered as data: ``_format`` says how, ``_list`` which of the page's lists
(an actor page shows several: ``events``, ``articles``, ``quotes``…; each list's link names it).
CSV has one row per item and one column per field; a field that holds several values (the
mentions of an event, the sources of a quote) is written as JSON text in its cell, so that a
spreadsheet opens the file as it is and a script can still read the structure back.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, is_dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

__all__ = ["Format", "ListName", "download", "download_href", "as_row"]

Format = Annotated[Literal["csv", "json"] | None, Query(alias="_format", description="Download the list as CSV or JSON.")]
ListName = Annotated[str | None, Query(alias="_list", max_length=40, description="Which list of the page to download.")]


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {key: _plain(item) for key, item in asdict(value).items()}
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def as_row(item: Any) -> dict[str, Any]:
    """An item of a list (a record or a mapping) as plain JSON values."""
    plain = _plain(item)
    return plain if isinstance(plain, dict) else {"value": plain}


def _csv(rows: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([
            json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else "" if value is None else value
            for value in (row.get(column) for column in columns)
        ])
    return buffer.getvalue()


def download(lists: Mapping[str, Iterable[Any]], fmt: str, name: str | None, filename: str) -> Response:
    """The list ``name`` (the first one when not given) of a page, as a CSV or JSON answer."""
    chosen = name or next(iter(lists))
    if chosen not in lists:
        raise HTTPException(422, f"no list {chosen!r} on this page; the lists are: {', '.join(lists)}")
    rows = [as_row(item) for item in lists[chosen]]
    stem = f"{filename}-{chosen}"
    if fmt == "json":
        return JSONResponse(rows, headers={"Content-Disposition": f'inline; filename="{stem}.json"'})
    return Response(_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{stem}.csv"'})


def download_href(request: Request, fmt: str, name: str) -> str:
    """The page's own URL (its filters and page numbers kept) asking for one list as ``fmt``."""
    url = request.url.include_query_params(_format=fmt, _list=name)
    return f"{url.path}?{url.query}"
