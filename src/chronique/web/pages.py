"""The HTML pages: home and search, actor, pair, article, articles, network.

Server-rendered with Jinja2 (autoescape on); the little JavaScript there is (the network, the
chart, marking a sentence) lives in ``resources/web/static`` and reads its data from a
``<script type="application/json">`` block or from ``/api``, never from inline code, so the
Content-Security-Policy can forbid inline scripts outright.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from chronique.model import Document
from chronique.web.api import MAX_NAME_LENGTH, FromDate, ToDate, check_period, resolve_actor
from chronique.web.highlight import article_marks, highlight_article
from chronique.web.library import Library
from chronique.web.paging import MAX_LIMIT

__all__ = ["router", "render"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PageName = Annotated[str, Path(min_length=1, max_length=MAX_NAME_LENGTH)]
SearchText = Annotated[str, Query(max_length=200)]
_DOCUMENTS_PER_PAGE = 25
_TIMELINE_ROWS = 300
#: Every list a page shows is bounded: the events of a pair's story a page (``?page=N``), the
#: counterparts of an actor, the links of the network (``?limit=``, strongest first).
_PAIR_EVENTS = 300
_PAIR_QUOTES = 200
_COUNTERPARTS = 100
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
        counts = reading.chronicle.counts()
    return render(request, "home.html", actors=actors, documents=documents, counts=counts)


@router.get("/search")
def search_page(request: Request, q: SearchText = "") -> HTMLResponse:
    """Actors whose names match, then articles and quotes that hold the words."""
    text = q.strip()
    actors, hits = [], []
    if text:
        with _library(request).open() as reading:
            actors = reading.chronicle.actors_matching(text, limit=12)
            hits = reading.chronicle.search(text, limit=30)
    return render(request, "search.html", q=text, actors=actors, hits=hits)


@router.get("/actors/{actor}")
def actor_page(request: Request, actor: PageName) -> HTMLResponse:
    with _library(request).open() as reading:
        row = resolve_actor(reading, actor)
        profile = reading.chronicle.profile(row, events=10, quotes=20, counterparts=_COUNTERPARTS)
        timeline = reading.chronicle.timeline(row, limit=_TIMELINE_ROWS)
    return render(request, "actor.html", profile=profile, actor=row, timeline=timeline)


@router.get("/pairs/{a}/{b}")
def pair_page(
    request: Request, a: PageName, b: PageName, page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    with _library(request).open() as reading:
        first, second = resolve_actor(reading, a), resolve_actor(reading, b)
        if first.id == second.id:
            raise HTTPException(422, f"{a!r} and {b!r} are the same actor: a pair needs two")
        history = reading.chronicle.pair(first, second, limit=_PAIR_EVENTS, offset=(page - 1) * _PAIR_EVENTS,
                                         quotes=_PAIR_QUOTES)
    links = {link.event_id: link for link in history.links}
    series = [
        {"period": p.period, "score": p.score, "cooperation": p.cooperation, "conflict": p.conflict,
         "events": p.events}
        for p in history.series
    ]
    pages = max(1, -(-history.event_count // _PAIR_EVENTS))
    return render(request, "pair.html", history=history, links=links, series=series, page=page, pages=pages)


@router.get("/documents")
def documents_page(request: Request, page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    with _library(request).open() as reading:
        listing = reading.chronicle.documents(limit=_DOCUMENTS_PER_PAGE, offset=(page - 1) * _DOCUMENTS_PER_PAGE)
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


@router.get("/network")
def network_page(
    request: Request,
    start: FromDate = None,
    end: ToDate = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = _NETWORK_EDGES,
) -> HTMLResponse:
    check_period(start, end)
    with _library(request).open() as reading:
        graph = reading.chronicle.graph(start=start, end=end, limit=limit)
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
