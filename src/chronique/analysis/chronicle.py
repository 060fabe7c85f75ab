"""``Chronicle``: the analyst's questions over a chronique store, answered with typed records.

A thin façade: it resolves the actors a user names (id, knowledge-base id, name or alias) and
hands the work to one module per question (``profile``, ``pair``, ``series``, ``search``,
``graph``), all of which read the store through ``store.reader.StoreReader`` (the SQL lives in
``store/``) and never write. The command line, the web pages and API and the report read
through it too: lists (``entities``, ``documents``, ``quotes``, ``timeline``, ``search``,
``graph``) take ``limit``/``offset`` so that a caller can ask for one page of them.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType

from chronique.analysis import graph as graph_module
from chronique.analysis import pair as pair_module
from chronique.analysis import profile as profile_module
from chronique.analysis import quotes as quotes_module
from chronique.analysis import search as search_module
from chronique.analysis import series as series_module
from chronique.analysis.errors import UnknownActor
from chronique.analysis.records import ActorGraph, ActorProfile, PairHistory, PeriodSpan, SearchHit, SeriesPoint
from chronique.errors import MissingDatabaseError
from chronique.identity.entities import normalise_name
from chronique.model import Annotations, Document
from chronique.store import Store
from chronique.store.locations import database_location
from chronique.store.page_reads import DocumentPage
from chronique.store.reader import StoreReader
from chronique.store.records import EntityRow, QuoteRow, TimelineEntry

__all__ = ["Chronicle", "ActorRef"]

#: How a caller names an actor: a string a user typed, or a row already looked up.
ActorRef = str | EntityRow


class Chronicle:
    """Answers over one store. ``Chronicle(path)`` opens (and closes) the file; ``Chronicle(store)``
    uses an open ``Store`` and leaves it open."""

    def __init__(self, source: str | Path | Store) -> None:
        if isinstance(source, Store):
            self.store, self._owns_store = source, False
        else:
            if str(source) != ":memory:" and not database_location(source).exists():
                raise MissingDatabaseError(source)
            self.store, self._owns_store = Store(source, read_only=True), True
        self._reads = StoreReader(self.store)
        self._actors: dict[str, EntityRow] = {}
        self._version: tuple[int, int] | None = None

    def close(self) -> None:
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> Chronicle:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- actors --------------------------------------------------------------------------------

    def entities(self, type: str | None = None, *, limit: int | None = None, offset: int = 0) -> list[EntityRow]:
        """Every actor (of one type: PERSON, ORG, PRODUCT…), most mentioned first; with
        ``limit``, one page of them after the first ``offset``."""
        if limit is None:
            return self._reads.entities(type)[offset:]
        return self._reads.entity_page(type, limit, offset)

    def actors_matching(self, text: str, *, limit: int = 12) -> list[EntityRow]:
        """Actors whose name, id or an alias holds the words typed (case ignored, as look-ups
        do): those named exactly so first, then the most mentioned; at most ``limit``."""
        wanted = normalise_name(text)
        if not wanted or limit <= 0:
            return []
        hits = []
        for row in self._reads.entities_matching(wanted, limit):
            names = [normalise_name(name) for name in (row.name, row.id, *row.aliases)]
            if any(wanted in name for name in names):
                hits.append((wanted not in names, -row.mention_count, row.name, row))
        return [row for *_, row in sorted(hits, key=lambda hit: hit[:3])]

    def suggestions(self, typed: str, *, limit: int = 3) -> tuple[str, ...]:
        """Names of actors close to a misspelt one ("Elon Muks" → "Elon Musk"): candidates are
        the actors whose name or alias holds the first letters of one of the typed words, ranked
        by ``difflib``'s similarity of names (at least 0.6)."""
        words = [word for word in normalise_name(typed).split() if len(word) >= 3]
        candidates: dict[str, str] = {}
        for word in words:
            for row in self._reads.entities_matching(word[:4], 50):
                for name in (row.name, *row.aliases):
                    candidates.setdefault(normalise_name(name), row.name)
        close = difflib.get_close_matches(normalise_name(typed), list(candidates), n=limit * 2, cutoff=0.6)
        return tuple(dict.fromkeys(candidates[name] for name in close))[:limit]

    def find_actor(self, name_or_id: str) -> EntityRow | None:
        """:meth:`actor`, or ``None`` when no actor fits."""
        try:
            return self.actor(name_or_id)
        except UnknownActor:
            return None

    def counts(self) -> dict[str, int]:
        """Rows per kind of record (documents, entities, mentions, events…)."""
        return self._reads.counts()

    def actor(self, name_or_id: ActorRef) -> EntityRow:
        """The actor meant by an id, kb id, name or alias; ``UnknownActor`` when none fits.

        Rows are kept until the store changes: counting a much-covered actor's mentions reads
        100,000 index entries, and the same actors are asked about again and again.
        """
        if isinstance(name_or_id, EntityRow):
            return name_or_id
        version = self._reads.data_version()
        if version != self._version:
            self._actors.clear()
            self._version = version
        if name_or_id not in self._actors:
            row = self._reads.find_entity(name_or_id)
            if row is None:
                raise UnknownActor(name_or_id, self.suggestions(name_or_id))
            self._actors[name_or_id] = row
        return self._actors[name_or_id]

    def actor_id(self, name_or_id: ActorRef) -> str:
        """Only the id of :meth:`actor` (cheaper: no counting of mentions)."""
        if isinstance(name_or_id, EntityRow):
            return name_or_id.id
        entity_id = self._reads.find_entity_id(name_or_id)
        if entity_id is None:
            raise UnknownActor(name_or_id, self.suggestions(name_or_id))
        return entity_id

    def _ids(self, actors: tuple[ActorRef, ...]) -> list[str]:
        return [self.actor_id(actor) for actor in actors]

    # -- questions -----------------------------------------------------------------------------

    def timeline(
        self, *actors: ActorRef, start: date | None = None, end: date | None = None, undated: bool = False,
        limit: int | None = None, offset: int = 0, after: str | None = None,
    ) -> list[TimelineEntry]:
        """Events of any of the actors (every event when none is given), oldest first; with a
        period, those whose dates overlap it; ``undated`` adds the events with no date, last.
        ``limit``/``offset``: one page (pages are cut by date, then event id); ``after``: the
        events after that event (the last of a page), as fast at any depth as the first page."""
        entries = self._reads.timeline(
            self._ids(actors), dated_only=not undated, any_actor=True, start=start, end=end,
            limit=limit, offset=offset if limit is not None else 0, after=after,
        )
        return entries if limit is not None else entries[offset:]

    def profile(
        self, actor: ActorRef, *, events: int = 10, quotes: int = 10, counterparts: int | None = None,
        relations: int | None = None,
    ) -> ActorProfile:
        """Who the actor is, their roles (the first ``relations`` of them, when given),
        counterparts (the first ``counterparts`` of them, when given), latest ``events`` events
        and quotes."""
        return profile_module.actor_profile(
            self._reads, self.actor(actor), events=events, quotes=quotes, counterparts_limit=counterparts,
            relations_limit=relations)

    def pair(
        self, a: ActorRef, b: ActorRef, *, direct_only: bool = False, limit: int | None = None, offset: int = 0,
        quotes: int | None = None,
    ) -> PairHistory:
        """The story of two actors: shared events (and, unless ``direct_only``, events through an
        organisation one of them holds a role in), quotes of each about the other, the series.
        ``limit``/``offset``: one page of the events (the series still covers them all);
        ``quotes``: at most that many quotes each way."""
        return pair_module.pair_history(
            self._reads, self.actor(a), self.actor(b), direct_only=direct_only, limit=limit, offset=offset,
            quotes=quotes)

    def series(
        self, a: ActorRef, b: ActorRef | None = None, *, start: date | None = None, end: date | None = None,
        fill: bool = False, direct_only: bool = False,
    ) -> list[SeriesPoint]:
        """The conflict–cooperation score by month, oldest first: of every event of ``a``, or of
        the pair's events (as in :meth:`pair`) when ``b`` is given."""
        if b is None:
            ids = self._reads.timeline_event_ids([self.actor_id(a)])
            events: list = self._reads.scored_events(ids)
        else:
            events = pair_module.pair_scored_events(
                self._reads, self.actor_id(a), self.actor_id(b), direct_only=direct_only)
        return series_module.monthly_series(events, start=start, end=end, fill=fill)

    def spans(
        self, a: ActorRef, b: ActorRef | None = None, *, start: date | None = None, end: date | None = None,
        types: frozenset[str] | None = None, direct_only: bool = False, event_ids: bool = True,
    ) -> list[PeriodSpan]:
        """The conflict–cooperation score by the period events happened in, each period as wide
        as what is known of the date (a month, or a whole year for "2015"): of every event of
        ``a``, or of the pair's events when ``b`` is given; ``types``: only events of those types.
        ``event_ids=False``: the spans without the ids of their events, which for one actor of
        any type come from the store's running totals (a chart of 20,000 events reads a few
        hundred rows)."""
        if b is None and types is None and not event_ids:
            return [PeriodSpan(first, last, precision, events, round(positive, 6), round(negative, 6),
                               round(round(positive, 6) + round(negative, 6), 6), ())
                    for first, last, precision, events, positive, negative
                    in self._reads.actor_period_totals(self.actor_id(a), start, end)]
        if b is not None and types is None:
            return pair_module.pair_spans(self._reads, self.actor_id(a), self.actor_id(b), start=start, end=end,
                                          direct_only=direct_only)
        if b is None:
            ids = self._reads.timeline_event_ids([self.actor_id(a)])
        else:
            ids = [e.event_id for e in pair_module.pair_scored_events(
                self._reads, self.actor_id(a), self.actor_id(b), direct_only=direct_only)]
        events: list = self._reads.events_by_ids(ids) if types else self._reads.scored_events(ids)
        if types:
            events = [event for event in events if event.type in types]
        return series_module.period_spans(events, start=start, end=end)

    def search(self, text: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles and quotes that hold every word of ``text`` (accents optional), best first
        (``offset``: skip the best that many)."""
        return search_module.search(self._reads, text, limit, offset)

    def graph(
        self, *, start: date | None = None, end: date | None = None, limit: int | None = None, offset: int = 0,
    ) -> ActorGraph:
        """Actors and signed, weighted edges between those who share events in the period. With
        ``limit``: at most that many edges, the strongest first (after the first ``offset``), and
        at most twice as many actors (see ``analysis.graph``)."""
        return graph_module.actor_graph(self._reads, start, end, limit=limit, offset=offset)

    def quotes(
        self, by: ActorRef | None = None, about: ActorRef | None = None, *, limit: int | None = None,
        offset: int = 0, newest_first: bool = False,
    ) -> list[QuoteRow]:
        """Quotes by one actor and/or about one actor, in reading order (``newest_first``: the
        reverse; ``limit``/``offset``: one page of them)."""
        return self._reads.quotes(
            by=self.actor(by).id if by is not None else None,
            about=self.actor(about).id if about is not None else None, limit=limit, offset=offset,
            newest_first=newest_first,
        )

    def reported_quotes(
        self, by: ActorRef | None = None, about: ActorRef | None = None, *, limit: int | None = None,
        offset: int = 0,
    ) -> list[quotes_module.ReportedQuote]:
        """Like :meth:`quotes`, but the same words by the same speaker reported by several
        articles are one quote with all its sources, dated when said where the text says so
        (see ``analysis.quotes``); ``limit``/``offset`` page the grouped quotes."""
        about_id = self.actor(about).id if about is not None else None
        by_id = self.actor(by).id if by is not None else None
        grouped = (quotes_module.group_quotes(self._reads, self._reads.quotes(by=by_id, about=about_id), None, offset)
                   if limit is None else quotes_module.page_of_quotes(self._reads, by_id, about_id, limit, offset))
        return grouped if about_id is None else [replace(quote, about=about_id) for quote in grouped]

    def document(self, doc_id: str) -> Annotations | None:
        """A stored article with everything found in it (global entity ids), or ``None``."""
        return self._reads.annotations(doc_id)

    def article(self, doc_id: str) -> Document | None:
        """A stored article alone (text and metadata, no annotations), or ``None``."""
        return self._reads.document(doc_id)

    def documents(self, *, limit: int = 50, offset: int = 0, after: str | None = None) -> DocumentPage:
        """One page of the stored articles, newest first, with how many there are in all;
        ``after``: the page after that cursor (a page's ``next``), as fast at any depth."""
        return self._reads.document_page(limit, offset, after)

    def documents_mentioning(self, actor: ActorRef, *, limit: int = 50, offset: int = 0) -> DocumentPage:
        """One page of the articles that mention an actor, newest first, with how many in all."""
        return self._reads.documents_mentioning(self.actor_id(actor), limit, offset)

    def sentence_around(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        """The span of the stored sentence(s) holding [start, end) (the span itself when the
        store has no sentence bounds for it)."""
        return self._reads.sentence_around(doc_id, start, end)
