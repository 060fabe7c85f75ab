"""The HTML pages: home and search, actor, pair, article, articles, network.

Server-rendered with Jinja2 (autoescape on); the little JavaScript there is (the network, the
chart, marking a sentence) lives in ``resources/web/static`` and reads its data from a
``<script type="application/json">`` block or from ``/api``, never from inline code, so the
Content-Security-Policy can forbid inline scripts outright.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from chronique.model import EVENT_TYPES, Document
from chronique.store.records import TimelineEntry
from chronique.web.api import MAX_NAME_LENGTH, FromDate, ToDate, check_period, resolve_actor
from chronique.web.chart import span_chart
from chronique.web.downloads import Format, ListName, download
from chronique.web.highlight import article_marks, highlight_article
from chronique.web.library import Library
from chronique.web.paging import MAX_LIMIT
from chronique.web.passages import passages

__all__ = ["router", "render"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PageName = Annotated[str, Path(min_length=1, max_length=MAX_NAME_LENGTH)]
SearchText = Annotated[str, Query(max_length=200)]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]
EventTypes = Annotated[list[str] | None, Query(alias="type", max_length=len(EVENT_TYPES),
                                              description="Only events of these types (repeat for several).")]
_DOCUMENTS_PER_PAGE = 25
_ACTOR_ARTICLES = 20
_ACTOR_QUOTES = 20
#: An actor page's lists, one page each (``?events_page=``, ``?counterparts_page=``): each event
#: row carries its evidence sentences, and rendering 100 of them, with 100 counterparts, was half
#: of the page's time for a much-covered actor (issue 16: 52 → 22 ms in process at 25 each).
_TIMELINE_ROWS = 25
_COUNTERPARTS = 25
#: Roles shown at the head of an actor page (an organisation may have hundreds of people in
#: roles); the rest are linked (the profile's JSON with all of them).
_ACTOR_RELATIONS = 25
#: Every list a page shows is bounded: the events of a pair's story a page (``?page=N``), the
#: links of the network (``?limit=``, strongest first).
_PAIR_EVENTS = 300
_PAIR_QUOTES = 200
_NETWORK_EDGES = 300


def _library(request: Request) -> Library:
    return request.app.state.library


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``template``; ``q`` (the header's search box) defaults to empty."""
    context.setdefault("q", "")
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


@router.get("/")
def home(request: Request) -> HTMLResponse:
    with _library(request).open() as reading:
        actors = reading.chronicle.entities(limit=12)
        documents = reading.chronicle.documents(limit=5)
        counts = reading.cached("counts", reading.chronicle.counts)
    return render(request, "home.html", actors=actors, documents=documents, counts=counts)


@router.get("/search", response_model=None)
def search_page(request: Request, q: SearchText = "", _format: Format = None, _list: ListName = None
                ) -> HTMLResponse | Response:
    """Actors whose names match, then articles (every sentence holding the words, marked) and
    quotes that hold the words."""
    text = q.strip()
    actors, hits, found = [], [], {}
    if text:
        with _library(request).open() as reading:
            actors = reading.chronicle.actors_matching(text, limit=12)
            hits = reading.chronicle.search(text, limit=30)
            if _format is None:
                found = {hit.doc_id: passages(reading.chronicle, hit.doc_id, text)
                         for hit in hits if hit.kind == "article"}
    if _format is not None:
        return download({"hits": hits, "actors": actors}, _format, _list, "search")
    return render(request, "search.html", q=text, actors=actors, hits=hits, passages=found)


def _types(types: list[str] | None) -> frozenset[str] | None:
    """The event types asked for, checked: an unknown type is a 422, not an empty page."""
    types = [kind for kind in types or () if kind]  # the form's "all types" sends an empty one
    if not types:
        return None
    unknown = sorted(set(types) - set(EVENT_TYPES))
    if unknown:
        raise HTTPException(422, f"unknown event type {', '.join(map(repr, unknown))}; the types are: {', '.join(EVENT_TYPES)}")
    return frozenset(types)


def _of_types(entries: list[TimelineEntry], types: frozenset[str] | None) -> list[TimelineEntry]:
    return entries if types is None else [entry for entry in entries if entry.type in types]


def _filters(start: date | None, end: date | None, types: frozenset[str] | None) -> dict[str, Any]:
    return {"start": start, "end": end, "types": sorted(types or ()), "event_types": EVENT_TYPES}


@router.get("/actors/{actor}", response_model=None)
def actor_page(
    request: Request, actor: PageName, start: FromDate = None, end: ToDate = None, type: EventTypes = None,
    articles_page: PageNumber = 1, quotes_page: PageNumber = 1, events_page: PageNumber = 1,
    counterparts_page: PageNumber = 1, about_page: PageNumber = 1, _format: Format = None, _list: ListName = None,
) -> HTMLResponse | Response:
    """Who the actor is, the chart and timeline of their events (filtered by type and period),
    their counterparts, the articles that mention them and their quotes (each list paged: a
    much-covered actor has tens of thousands of events and quotes). The profile is read for
    what the page shows: no latest events (the timeline shows them), one page of counterparts,
    no quotes (each list of quotes is paged apart)."""
    check_period(start, end)
    types = _types(type)
    with _library(request).open() as reading:
        chronicle = reading.chronicle
        row = resolve_actor(reading, actor)
        shown = counterparts_page * _COUNTERPARTS
        profile = chronicle.profile(row, events=0, quotes=0, counterparts=shown + 1, relations=_ACTOR_RELATIONS)
        about = chronicle.quotes(about=row, limit=_ACTOR_QUOTES + 1, offset=(about_page - 1) * _ACTOR_QUOTES,
                                 newest_first=True)
        more_counterparts = len(profile.counterparts) > shown
        profile = dataclasses.replace(profile, counterparts=profile.counterparts[shown - _COUNTERPARTS:shown])
        events = chronicle.timeline(row, start=start, end=end, limit=_TIMELINE_ROWS + 1,
                                    offset=(events_page - 1) * _TIMELINE_ROWS)
        timeline = _of_types(events[:_TIMELINE_ROWS], types)
        spans = chronicle.spans(row, start=start, end=end, types=types, event_ids=_format is not None)
        articles = chronicle.documents_mentioning(row, limit=_ACTOR_ARTICLES,
                                                  offset=(articles_page - 1) * _ACTOR_ARTICLES)
        said = chronicle.reported_quotes(by=row, limit=_ACTOR_QUOTES + 1, offset=(quotes_page - 1) * _ACTOR_QUOTES)
    if _format is not None:
        return download({"events": timeline, "articles": articles.items, "quotes": said[:_ACTOR_QUOTES],
                         "quotes_about": about[:_ACTOR_QUOTES], "counterparts": profile.counterparts,
                         "periods": spans}, _format, _list, "actor")
    chart = span_chart(spans, element_id="series-chart", label=f"Conflict and cooperation of {row.name} over time")
    return render(
        request, "actor.html", profile=profile, actor=row, timeline=timeline, chart=chart, articles=articles,
        articles_page=articles_page, articles_pages=max(1, -(-articles.total // _ACTOR_ARTICLES)),
        said=said[:_ACTOR_QUOTES], quotes_page=quotes_page, more_quotes=len(said) > _ACTOR_QUOTES,
        events_page=events_page, more_events=len(events) > _TIMELINE_ROWS,
        counterparts_page=counterparts_page, more_counterparts=more_counterparts,
        about=about[:_ACTOR_QUOTES], about_page=about_page, more_about=len(about) > _ACTOR_QUOTES,
        **_filters(start, end, types),
    )


@router.get("/pairs/{a}/{b}", response_model=None)
def pair_page(
    request: Request, a: PageName, b: PageName, page: PageNumber = 1, start: FromDate = None, end: ToDate = None,
    type: EventTypes = None, _format: Format = None, _list: ListName = None,
) -> HTMLResponse | Response:
    """The pair's chart on a time axis, their story (filtered by type and period), their quotes."""
    check_period(start, end)
    types = _types(type)
    with _library(request).open() as reading:
        first, second = resolve_actor(reading, a), resolve_actor(reading, b)
        if first.id == second.id:
            raise HTTPException(422, f"{a!r} and {b!r} are the same actor: a pair needs two")
        filtered = start is not None or end is not None or types is not None
        history = reading.chronicle.pair(first, second, limit=None if filtered else _PAIR_EVENTS,
                                         offset=0 if filtered else (page - 1) * _PAIR_EVENTS, quotes=_PAIR_QUOTES)
        spans = reading.chronicle.spans(first, second, start=start, end=end, types=types)
    events = list(history.events)
    if filtered:
        events = [e for e in _of_types(events, types) if _within(e, start, end)]
        count = len(events)
        events = events[(page - 1) * _PAIR_EVENTS: page * _PAIR_EVENTS]
    else:
        count = history.event_count
    if _format is not None:
        return download({"events": events, "quotes": [*history.a_about_b, *history.b_about_a], "periods": spans},
                        _format, _list, "pair")
    links = {link.event_id: link for link in history.links}
    chart = span_chart(spans, element_id="series-chart",
                       label=f"Conflict and cooperation between {first.name} and {second.name} over time")
    pages = max(1, -(-count // _PAIR_EVENTS))
    return render(request, "pair.html", history=history, events=events, event_count=count, links=links,
                  chart=chart, page=page, pages=pages, **_filters(start, end, types))


def _within(entry: TimelineEntry, start: date | None, end: date | None) -> bool:
    """Whether an event's dates overlap the period (undated events only when no period is set)."""
    if start is None and end is None:
        return True
    first = entry.date_start or entry.date_value
    last = entry.date_end or entry.date_start or entry.date_value
    if first is None or last is None:
        return False
    return (end is None or first[:10] <= end.isoformat()) and (start is None or last[:10] >= start.isoformat())


@router.get("/documents", response_model=None)
def documents_page(request: Request, page: PageNumber = 1, _format: Format = None, _list: ListName = None
                   ) -> HTMLResponse | Response:
    with _library(request).open() as reading:
        listing = reading.chronicle.documents(limit=_DOCUMENTS_PER_PAGE, offset=(page - 1) * _DOCUMENTS_PER_PAGE)
    if _format is not None:
        return download({"articles": listing.items}, _format, _list, "articles")
    pages = max(1, -(-listing.total // _DOCUMENTS_PER_PAGE))
    return render(request, "documents.html", listing=listing, page=page, pages=pages)


@router.get("/documents/{doc_id}")
def document_view(request: Request, doc_id: PageName, explain: bool = False) -> HTMLResponse:
    """An article with what was found in it; with ``?explain=true``, every actor mention and quote
    with what it was taken for and by which rule (the article is read again: seconds, not ms)."""
    with _library(request).open() as reading:
        annotations = reading.chronicle.document(doc_id)
    if annotations is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    names = {entity.key: entity.name for entity in annotations.entities}
    doc = annotations.document
    explanation = None
    if explain:
        from chronique.explain import explain_document  # loads spaCy: only when asked

        explanation = explain_document(doc)
    return render(
        request, "document.html", annotations=annotations, doc=doc, names=names, heading=_heading(doc),
        body=highlight_article(annotations, article_marks(annotations)), explanation=explanation,
    )


def _heading(doc: Document) -> str:
    """The title, else the first line of the text (cut at a word), for articles without one."""
    if doc.title:
        return doc.title
    first_line = doc.text.strip().split("\n", 1)[0]
    return first_line if len(first_line) <= 120 else first_line[:120].rsplit(" ", 1)[0] + " …"


@router.get("/network", response_model=None)
def network_page(
    request: Request,
    start: FromDate = None,
    end: ToDate = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = _NETWORK_EDGES,
    _format: Format = None,
    _list: ListName = None,
) -> HTMLResponse | Response:
    check_period(start, end)
    with _library(request).open() as reading:
        graph = reading.chronicle.graph(start=start, end=end, limit=limit)
    if _format is not None:
        return download({"edges": graph.edges, "actors": graph.nodes}, _format, _list, "network")
    names = {node.id: node.name for node in graph.nodes}
    data = {
        "nodes": [{"id": n.id, "name": n.name, "type": n.type, "mentions": n.mentions, "events": n.events}
                  for n in graph.nodes],
        "edges": [{"source": e.source, "target": e.target, "events": e.events, "score": e.score,
                   "types": list(e.types)} for e in graph.edges],
    }
    edges = sorted(graph.edges, key=lambda e: (-e.events, e.source, e.target))
    return render(request, "network.html", graph=graph, data=data, names=names, edges=edges,
                  start=start, end=end)
