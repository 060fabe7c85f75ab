"""``Chronicle``: the analyst's questions over a chronique store, answered with typed records.

A thin façade: it resolves the actors a user names (id, knowledge-base id, name or alias) and
hands the work to one module per question (``profile``, ``pair``, ``series``, ``search``,
``graph``), all of which read the store through its connection and never write.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import TracebackType

from chronique.analysis import graph as graph_module
from chronique.analysis import pair as pair_module
from chronique.analysis import profile as profile_module
from chronique.analysis import search as search_module
from chronique.analysis import series as series_module
from chronique.analysis.errors import UnknownActor
from chronique.analysis.records import ActorGraph, ActorProfile, PairHistory, SearchHit, SeriesPoint
from chronique.errors import MissingDatabaseError
from chronique.model import Annotations
from chronique.store import Store, queries
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
            if str(source) != ":memory:" and not Path(source).exists():
                raise MissingDatabaseError(source)
            self.store, self._owns_store = Store(source, read_only=True), True
        self._conn = self.store._conn
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

    def entities(self, type: str | None = None) -> list[EntityRow]:
        """Every actor (of one type: PERSON, ORG, PRODUCT…), most mentioned first."""
        return self.store.entities(type)

    def actor(self, name_or_id: ActorRef) -> EntityRow:
        """The actor meant by an id, kb id, name or alias; ``UnknownActor`` when none fits.

        Rows are kept until the store changes: counting a much-covered actor's mentions reads
        100,000 index entries, and the same actors are asked about again and again.
        """
        if isinstance(name_or_id, EntityRow):
            return name_or_id
        version = (self._conn.execute("PRAGMA data_version").fetchone()[0], self._conn.total_changes)
        if version != self._version:
            self._actors.clear()
            self._version = version
        if name_or_id not in self._actors:
            row = queries.find_entity(self._conn, name_or_id)
            if row is None:
                raise UnknownActor(name_or_id)
            self._actors[name_or_id] = row
        return self._actors[name_or_id]

    def actor_id(self, name_or_id: ActorRef) -> str:
        """Only the id of :meth:`actor` (cheaper: no counting of mentions)."""
        if isinstance(name_or_id, EntityRow):
            return name_or_id.id
        entity_id = queries.find_entity_id(self._conn, name_or_id)
        if entity_id is None:
            raise UnknownActor(name_or_id)
        return entity_id

    def _ids(self, actors: tuple[ActorRef, ...]) -> list[str]:
        return [self.actor_id(actor) for actor in actors]

    # -- questions -----------------------------------------------------------------------------

    def timeline(
        self, *actors: ActorRef, start: date | None = None, end: date | None = None, undated: bool = False,
        limit: int | None = None, offset: int = 0,
    ) -> list[TimelineEntry]:
        """Events of any of the actors (every event when none is given), oldest first; with a
        period, those whose dates overlap it; ``undated`` adds the events with no date, last.
        ``limit``/``offset``: one page (pages are cut by date, then event id)."""
        entries = queries.timeline(
            self._conn, self._ids(actors), dated_only=not undated, any_actor=True, start=start, end=end,
            limit=limit, offset=offset if limit is not None else 0,
        )
        return entries if limit is not None else entries[offset:]

    def profile(self, actor: ActorRef, *, events: int = 10, quotes: int = 10) -> ActorProfile:
        """Who the actor is, their roles, counterparts, latest ``events`` events and quotes."""
        return profile_module.actor_profile(self._conn, self.actor(actor), events=events, quotes=quotes)

    def pair(
        self, a: ActorRef, b: ActorRef, *, direct_only: bool = False, limit: int | None = None, offset: int = 0,
    ) -> PairHistory:
        """The story of two actors: shared events (and, unless ``direct_only``, events through an
        organisation one of them holds a role in), quotes of each about the other, the series.
        ``limit``/``offset``: one page of the events (the series still covers them all)."""
        return pair_module.pair_history(
            self._conn, self.actor(a), self.actor(b), direct_only=direct_only, limit=limit, offset=offset)

    def series(
        self, a: ActorRef, b: ActorRef | None = None, *, start: date | None = None, end: date | None = None,
        fill: bool = False, direct_only: bool = False,
    ) -> list[SeriesPoint]:
        """The conflict–cooperation score by month, oldest first: of every event of ``a``, or of
        the pair's events (as in :meth:`pair`) when ``b`` is given."""
        if b is None:
            ids = queries.timeline_event_ids(self._conn, [self.actor_id(a)])
            events: list = series_module.scored_events(self._conn, ids)
        else:
            events = pair_module.pair_scored_events(
                self._conn, self.actor_id(a), self.actor_id(b), direct_only=direct_only)
        return series_module.monthly_series(events, start=start, end=end, fill=fill)

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles and quotes that hold every word of ``text`` (accents optional), best first."""
        return search_module.search(self._conn, text, limit)

    def graph(self, *, start: date | None = None, end: date | None = None) -> ActorGraph:
        """Actors and signed, weighted edges between those who share events in the period."""
        return graph_module.actor_graph(self._conn, start, end)

    def quotes(self, by: ActorRef | None = None, about: ActorRef | None = None) -> list[QuoteRow]:
        """Quotes by one actor and/or about one actor, in reading order."""
        return queries.quotes(
            self._conn, by=self.actor(by).id if by is not None else None,
            about=self.actor(about).id if about is not None else None,
        )

    def document(self, doc_id: str) -> Annotations | None:
        """A stored article with everything found in it (global entity ids), or ``None``."""
        return self.store.annotations(doc_id)
