"""The read half of the HTTP API, under ``/api``: everything the CLI answers, as JSON.

Each endpoint reads through the server's one store (see ``library``), resolves actors the way the CLI
does (an id, a kb id, a name or an alias) and answers with chronique's own records, which the
OpenAPI description at ``/openapi.json`` documents field by field. An unknown actor or document
is a 404 with ``{"detail": …}``; a parameter out of bounds is a 422; every bound is declared
here, so that no query can ask the server for unbounded work. Every list is paged (``limit``,
``offset`` and a ``Link: rel="next"`` header; see ``web.paging``); every read goes through
``Chronicle``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator

from chronique.analysis.quotes import ReportedQuote
from chronique.analysis.records import ActorGraph, ActorProfile, PairHistory, SearchHit, SeriesPoint
from chronique.errors import InvalidOptionError
from chronique.model import ENTITY_TYPES, Annotations
from chronique.store.records import EntityRow, QuoteRow, TimelineEntry
from chronique.web.library import DocumentPage, Library, Reading
from chronique.web.paging import DEFAULT_LIMIT, MAX_LIMIT, Limit, Offset, link_after, link_next, one_page
from chronique.web.schemas import ErrorMessage

__all__ = ["router", "resolve_actor", "check_period", "MAX_NAME_LENGTH", "FromDate", "ToDate"]

MAX_NAME_LENGTH = 200
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorMessage, "description": "Unknown actor or document"}}

ActorName = Annotated[str, Path(min_length=1, max_length=MAX_NAME_LENGTH, description="An actor's id, kb id, name or alias.")]
OptionalActor = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_LENGTH, description="An actor's id, kb id, name or alias.")]


def _iso_day(value: object) -> object:
    """Only ``YYYY-MM-DD``: pydantic would also read "0" or "1700000000" as a date."""
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError("expected a date written YYYY-MM-DD")
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
FromDate = Annotated[date | None, BeforeValidator(_iso_day), Query(alias="from", description="Only what happened on or after this day (YYYY-MM-DD).")]
ToDate = Annotated[date | None, BeforeValidator(_iso_day), Query(alias="to", description="Only what happened on or before this day (YYYY-MM-DD).")]

router = APIRouter(prefix="/api")

#: Search ranks its hits (bm25) among the latest matches; deeper pages would only repeat work.
MAX_SEARCH_HITS = 100
MAX_SEARCH_OFFSET = 900


def _library(request: Request) -> Library:
    return request.app.state.library


def resolve_actor(reading: Reading, name: str) -> EntityRow:
    """The actor a client names, or a 404 that says which name is unknown."""
    row = reading.chronicle.find_actor(name)
    if row is None:
        raise HTTPException(404, f"no actor named {name!r}; see /api/entities")
    return row


def check_period(start: date | None, end: date | None) -> None:
    """A 422, in FastAPI's validation shape, when ``from`` comes after ``to``."""
    if start is not None and end is not None and start > end:
        raise RequestValidationError([{
            "type": "value_error", "loc": ("query", "from"), "input": start.isoformat(),
            "msg": f"'from' ({start}) is after 'to' ({end})",
        }])


@router.get("/entities", response_model=list[EntityRow], tags=["actors"])
def list_entities(
    request: Request,
    response: Response,
    type: Annotated[Literal[ENTITY_TYPES] | None, Query(description="Only actors of this type.")] = None,  # type: ignore[valid-type]
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> list[EntityRow]:
    """Actors, most mentioned first, with their aliases; one page at a time."""
    with _library(request).open() as reading:
        rows = reading.chronicle.entities(type, limit=limit + 1, offset=offset)
    return one_page(rows, request, response, limit, offset)


@router.get("/entities/{actor}", response_model=EntityRow, responses=NOT_FOUND, tags=["actors"])
def get_entity(request: Request, actor: ActorName) -> EntityRow:
    """One actor, found by id, kb id, name or alias."""
    with _library(request).open() as reading:
        return resolve_actor(reading, actor)


#: Relations in a profile unless asked for more: each carries its first tellings, and an
#: organisation with 359 people in roles made a profile of 284 KB (78 ms) at 100,000 documents.
PROFILE_RELATIONS = 25


@router.get("/entities/{actor}/profile", response_model=ActorProfile, responses=NOT_FOUND, tags=["actors"])
def get_profile(
    request: Request,
    actor: ActorName,
    events: Annotated[int, Query(ge=0, le=100, description="How many latest events.")] = 10,
    quotes: Annotated[int, Query(ge=0, le=100, description="How many latest quotes by and about.")] = 10,
    counterparts: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="How many counterparts, most interactions first.")] = DEFAULT_LIMIT,
    relations: Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"How many relations (``relation_count`` has them all; default {PROFILE_RELATIONS}).")] = PROFILE_RELATIONS,
) -> ActorProfile:
    """An actor's aliases, roles, counterparts (most interactions first), latest events, quotes.
    An organisation may have hundreds of people in roles: the first ``relations`` are given."""
    with _library(request).open() as reading:
        row = resolve_actor(reading, actor)
        return reading.chronicle.profile(row, events=events, quotes=quotes, counterparts=counterparts,
                                         relations=relations)


@router.get("/timeline", response_model=list[TimelineEntry], responses=NOT_FOUND, tags=["events"])
def get_timeline(
    request: Request,
    response: Response,
    actor: Annotated[
        list[Annotated[str, Query(min_length=1, max_length=MAX_NAME_LENGTH)]],
        Query(max_length=5, description="Zero to five actors: the events of any of them."),
    ] = [],  # noqa: B006 - FastAPI copies defaults
    start: FromDate = None,
    end: ToDate = None,
    undated: Annotated[bool, Query(description="Also list events the text gives no date for.")] = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    after: Annotated[str | None, Query(min_length=1, max_length=200, description=(
        "The events after this one (the id of the last event of a page, as in the `Link: rel=\"next\"`"
        " header): as fast at any depth as the first page."))] = None,
) -> list[TimelineEntry]:
    """Events oldest first, each with the sentences that tell it; one page at a time (pages are
    cut by date, then event id). The ``Link`` to the next page gives it by cursor (``after``)."""
    check_period(start, end)
    with _library(request).open() as reading:
        ids = [resolve_actor(reading, name).id for name in actor]
        try:
            entries = reading.chronicle.timeline(*ids, start=start, end=end, undated=undated,
                                                 limit=limit + 1, offset=offset, after=after)
        except InvalidOptionError as error:  # an unknown cursor: a 422 in FastAPI's validation shape
            raise RequestValidationError([{
                "type": "value_error", "loc": ("query", "after"), "input": after, "msg": str(error),
            }]) from error
    if len(entries) <= limit:
        return entries
    # A page comes in the order pages are cut (``TimelineEntry.page_key``): the one more read is
    # the last, and the page ends before it.
    page = entries[:limit]
    link_after(request, response, limit, page[-1].event_id)
    return page


@router.get("/pairs/{a}/{b}", response_model=PairHistory, responses=NOT_FOUND, tags=["actors"])
def get_pair(
    request: Request, response: Response, a: ActorName, b: ActorName, limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> PairHistory:
    """The story of two actors: their events (one page of them; ``event_count`` counts them
    all), what each said about the other (at most ``limit`` quotes each way), the monthly
    conflict–cooperation series (over every event), the relations between them."""
    with _library(request).open() as reading:
        first, second = resolve_actor(reading, a), resolve_actor(reading, b)
        if first.id == second.id:
            raise RequestValidationError([{
                "type": "value_error", "loc": ("path", "b"), "input": b,
                "msg": f"{a!r} and {b!r} are the same actor ({first.id}); give two different actors",
            }])
        history = reading.chronicle.pair(first, second, limit=limit, offset=offset, quotes=limit)
    if history.event_count > offset + limit:
        link_next(request, response, limit, offset)
    return history


@router.get("/series", response_model=list[SeriesPoint], responses=NOT_FOUND, tags=["events"])
def get_series(
    request: Request,
    a: Annotated[str, Query(min_length=1, max_length=MAX_NAME_LENGTH, description="An actor.")],
    b: OptionalActor = None,
    start: FromDate = None,
    end: ToDate = None,
) -> list[SeriesPoint]:
    """The conflict–cooperation score per month of one actor's events, or of a pair's."""
    check_period(start, end)
    with _library(request).open() as reading:
        ids = [resolve_actor(reading, name).id for name in (a, b) if name is not None]
        if len(ids) == 2 and ids[0] == ids[1]:
            raise RequestValidationError([{
                "type": "value_error", "loc": ("query", "b"), "input": b,
                "msg": f"{a!r} and {b!r} are the same actor ({ids[0]}); give two different actors, or only 'a'",
            }])
        return reading.chronicle.series(*ids, start=start, end=end)


@router.get("/quotes", response_model=list[QuoteRow], responses=NOT_FOUND, tags=["quotes"])
def get_quotes(
    request: Request, response: Response, by: OptionalActor = None, about: OptionalActor = None,
    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> list[QuoteRow]:
    """Quotes in reading order, by one speaker and/or about one actor; one page at a time."""
    with _library(request).open() as reading:
        by_row = resolve_actor(reading, by) if by else None
        about_row = resolve_actor(reading, about) if about else None
        rows = reading.chronicle.quotes(by=by_row, about=about_row, limit=limit + 1, offset=offset)
    return one_page(rows, request, response, limit, offset)


@router.get("/reported-quotes", response_model=list[ReportedQuote], responses=NOT_FOUND, tags=["quotes"])
def get_reported_quotes(
    request: Request, response: Response, by: OptionalActor = None, about: OptionalActor = None,
    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
) -> list[ReportedQuote]:
    """Quotes as a reader counts them: the same words by the same speaker reported by several
    articles are one quote with all its sources (``sources``), dated when said where the text
    says so (``date_basis`` "said"), else by the first article (``"reported"``)."""
    with _library(request).open() as reading:
        by_row = resolve_actor(reading, by) if by else None
        about_row = resolve_actor(reading, about) if about else None
        quotes = reading.chronicle.reported_quotes(by=by_row, about=about_row, limit=limit + 1, offset=offset)
    return one_page(quotes, request, response, limit, offset)


@router.get("/search", response_model=list[SearchHit], tags=["search"])
def search(
    request: Request,
    response: Response,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find in articles and quotes.")],
    limit: Annotated[int, Query(ge=1, le=MAX_SEARCH_HITS, description=f"At most this many hits (at most {MAX_SEARCH_HITS}).")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_SEARCH_OFFSET, description="Skip the best this many hits (the next page).")] = 0,
) -> list[SearchHit]:
    """Full-text search over articles and quotes, best first, each hit with its sentence."""
    with _library(request).open() as reading:
        hits = reading.chronicle.search(q, limit=limit + 1, offset=offset)
    return one_page(hits, request, response, limit, offset)


@router.get("/graph", response_model=ActorGraph, tags=["actors"])
def get_graph(
    request: Request, response: Response, start: FromDate = None, end: ToDate = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many edges, the strongest first (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}); at most twice as many actors.")] = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> ActorGraph:
    """Actors and the signed, weighted edges of the events between them over a period: the
    strongest edges first, one page of them (``edge_total``/``node_total`` count the whole graph)."""
    check_period(start, end)
    with _library(request).open() as reading:
        graph = reading.chronicle.graph(start=start, end=end, limit=limit, offset=offset)
    if (graph.edge_total or 0) > offset + limit:
        link_next(request, response, limit, offset)
    return graph


@router.get("/documents", response_model=DocumentPage, tags=["documents"])
def list_documents(
    request: Request, response: Response, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
    after: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME_LENGTH + 11, pattern=r"^(\d{4}-\d{2}-\d{2})?:.+$",
                                       description="The page after this cursor (a page's `next`, `DATE:ID`): as fast at any depth as the first page.")] = None,
) -> DocumentPage:
    """Stored articles, newest first, a page at a time (``total`` counts them all). ``next`` and
    the ``Link: rel="next"`` header give the following page by cursor (``after``)."""
    with _library(request).open() as reading:
        page = reading.chronicle.documents(limit=limit, offset=offset, after=after)
    if page.next is not None:
        link_after(request, response, limit, page.next)
    return page


@router.get("/documents/{doc_id}", response_model=Annotations, responses=NOT_FOUND, tags=["documents"])
def get_document(
    request: Request,
    doc_id: Annotated[str, Path(min_length=1, max_length=MAX_NAME_LENGTH, description="A document id.")],
) -> Annotations:
    """An article's text with everything found in it, each fact with its character span."""
    with _library(request).open() as reading:
        annotations = reading.chronicle.document(doc_id)
    if annotations is None:
        raise HTTPException(404, f"no document {doc_id!r}; see /api/documents")
    return annotations
