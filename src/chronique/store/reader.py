"""``StoreReader``: every read the analysis layer makes, over one open ``Store``.

``chronique.analysis`` (and through it the command line, the web and the report) asks the store
through this one object and never holds a connection: the SQL stays in ``store/`` (``queries``,
``entity_reads``, ``timeline_reads``, ``quote_lists``, ``relation_reads``, ``selection``,
``analysis_reads``, ``text_reads``, ``page_reads``), so a second database engine only has to
answer these methods. Each method is a thin, typed call of one of those functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from chronique.model import Annotations, Document
from chronique.store import (
    analysis_reads,
    entity_reads,
    graph_months,
    page_reads,
    queries,
    quote_lists,
    quote_reads,
    relation_reads,
    text_reads,
    timeline_reads,
)
from chronique.store.analysis_reads import GraphEvent, RoleRow, ScoredEvent
from chronique.store.page_reads import DocumentPage
from chronique.store.rebuild import rebuild_annotations
from chronique.store.records import EntityRow, QuoteRow, RelationRow, TimelineEntry
from chronique.store.sqlite import Store
from chronique.store.text_reads import ArticleText, QuoteText

__all__ = ["StoreReader"]


class StoreReader:
    """Reads over an open :class:`Store` (which stays the caller's to close)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn = store._conn  # same package: the store lends its connection to its reads

    def data_version(self) -> tuple[int, int]:
        """Changes as seen from here: another connection's commits, then this one's own."""
        return self._conn.execute("PRAGMA data_version").fetchone()[0], self._conn.total_changes

    # -- actors ----------------------------------------------------------------------------------

    def entities(self, entity_type: str | None = None) -> list[EntityRow]:
        return entity_reads.entities(self._conn, entity_type)

    def entity_page(self, entity_type: str | None, limit: int, offset: int = 0) -> list[EntityRow]:
        return page_reads.entity_page(self._conn, entity_type, limit, offset)

    def entities_matching(self, wanted: str, limit: int) -> list[EntityRow]:
        return page_reads.entities_matching(self._conn, wanted, limit)

    def find_entity(self, name: str) -> EntityRow | None:
        return entity_reads.find_entity(self._conn, name)

    def find_entity_id(self, name: str) -> str | None:
        return entity_reads.find_entity_id(self._conn, name)

    def entity_names(self, entity_ids: Iterable[str]) -> dict[str, tuple[str, str, str | None]]:
        return entity_reads.entity_names(self._conn, entity_ids)

    def counts(self) -> dict[str, int]:
        return queries.counts(self._conn)

    # -- events, quotes, relations ---------------------------------------------------------------

    def timeline(
        self, actors: Sequence[str] = (), *, dated_only: bool = True, any_actor: bool = False,
        start: date | None = None, end: date | None = None, limit: int | None = None, offset: int = 0,
        after: str | None = None,
    ) -> list[TimelineEntry]:
        return timeline_reads.timeline(self._conn, actors, dated_only=dated_only, any_actor=any_actor,
                                start=start, end=end, limit=limit, offset=offset, after=after)

    def timeline_event_ids(self, actors: Sequence[str] = (), *, dated_only: bool = True) -> list[str]:
        return timeline_reads.timeline_event_ids(self._conn, actors, dated_only=dated_only)

    def events_by_ids(self, event_ids: Iterable[str]) -> list[TimelineEntry]:
        return timeline_reads.events_by_ids(self._conn, event_ids)

    def quotes(
        self, by: str | None = None, about: str | None = None, *, limit: int | None = None, offset: int = 0,
        newest_first: bool = False,
    ) -> list[QuoteRow]:
        return quote_lists.quotes(self._conn, by, about, limit=limit, offset=offset, newest_first=newest_first)

    def quotes_after(
        self, by: str | None = None, about: str | None = None, *, limit: int, after: quote_lists.QuoteCursor | None = None,
    ) -> tuple[list[QuoteRow], quote_lists.QuoteCursor | None]:
        """The next ``limit`` quotes in reading order past ``after``, and where they stop."""
        return quote_lists.quotes_after(self._conn, by, about, limit=limit, after=after)

    def quotes_said_as(self, keys: Iterable[tuple[str | None, str]], about: str | None = None) -> list[QuoteRow]:
        return quote_lists.quotes_said_as(self._conn, keys, about)

    def relations(self, entity_ids: Sequence[str], *, between: bool = False,
                  evidence_limit: int | None = None, limit: int | None = None) -> list[RelationRow]:
        return relation_reads.relations(self._conn, entity_ids, between=between, evidence_limit=evidence_limit,
                                        limit=limit)

    def relation_count(self, entity_id: str) -> int:
        return relation_reads.relation_count(self._conn, entity_id)

    def actor_period_totals(self, actor_id: str, start: date | None,
                            end: date | None) -> list[tuple[str, str, str, int, float, float]]:
        return analysis_reads.actor_period_totals(self._conn, actor_id, start, end)

    def scored_events(self, event_ids: Iterable[str]) -> list[ScoredEvent]:
        return analysis_reads.scored_events(self._conn, event_ids)

    def graph_events(self, start: date | None, end: date | None) -> list[GraphEvent]:
        return analysis_reads.graph_events(self._conn, start, end)

    def month_graph_totals(self, month: str) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
        """Events per linked pair and per actor of the stored events of a calendar month."""
        return graph_months.month_totals(self._conn, month)

    def month_top_pairs(self, month: str, count: int) -> dict[tuple[str, str], int]:
        return graph_months.month_top_pairs(self._conn, month, count)

    def month_pair_counts(self, month: str, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        return graph_months.month_pair_counts(self._conn, month, pairs)

    def month_actor_counts(self, month: str, actors: Iterable[str]) -> dict[str, int]:
        return graph_months.month_actor_counts(self._conn, month, actors)

    def month_sizes(self, month: str) -> tuple[int, int]:
        return graph_months.month_sizes(self._conn, month)

    def month_linked(self, month: str, actors: Iterable[str]) -> set[str]:
        return graph_months.month_linked(self._conn, month, actors)

    def month_lone_actors(self, month: str, count: int) -> list[tuple[str, int]]:
        return graph_months.month_lone_actors(self._conn, month, count)

    def month_graph_facts(self, month: str,
                          pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[graph_months.LinkFacts]]:
        """The stored events of each of these pairs in the month, (event id, score, type, day)
        each, by event id."""
        return graph_months.month_pair_facts(self._conn, month, pairs)

    def long_graph_events(self, month: str) -> list[GraphEvent]:
        """The events lasting more than a year that overlap the month (not stored under months)."""
        return analysis_reads.graph_events_chosen(self._conn, *graph_months.long_event_ids(month))

    def mention_counts(self, actors: list[str], start: date | None, end: date | None) -> dict[str, int]:
        return analysis_reads.mention_counts(self._conn, actors, start, end)

    def shared_event_totals(self, actor_id: str, top: int | None = None,
                            also: Iterable[str] = ()) -> dict[str, tuple[int, float, float]]:
        return analysis_reads.shared_event_totals(self._conn, actor_id, top, also)

    def shared_quote_counts(self, actor_id: str, among: Iterable[str] | None = None,
                            at_least: int = 1) -> dict[str, int]:
        return analysis_reads.shared_quote_counts(self._conn, actor_id, among, at_least)

    def exported_event_count(self, actor_id: str) -> int:
        return analysis_reads.exported_event_count(self._conn, actor_id)

    def latest_event_ids(self, actor_id: str, limit: int) -> list[str]:
        return analysis_reads.latest_event_ids(self._conn, actor_id, limit)

    def events_of_all(self, actors: Iterable[str]) -> list[str]:
        return analysis_reads.events_of_all(self._conn, actors)

    def role_relations(self, holders: Iterable[str]) -> list[RoleRow]:
        return analysis_reads.role_relations(self._conn, holders)

    def pair_buckets(self, a: str, b: str, beyond: Sequence[tuple[str, str]] = (),
                     extra: Iterable[str] = ()) -> list[analysis_reads.PairBucket]:
        return analysis_reads.pair_buckets(self._conn, a, b, beyond, extra)

    def pair_date_buckets(self, a: str, b: str, beyond: Sequence[tuple[str, str]] = (),
                          extra: Iterable[str] = ()) -> list[analysis_reads.DateBucket]:
        return analysis_reads.pair_date_buckets(self._conn, a, b, beyond, extra)

    def pair_scored(self, a: str, b: str, beyond: Sequence[tuple[str, str]] = (),
                    extra: Iterable[str] = ()) -> list[ScoredEvent]:
        return analysis_reads.pair_scored(self._conn, a, b, beyond, extra)

    def pair_events_beyond(self, pair: tuple[str, str], beyond: tuple[str, str],
                           among: Iterable[str] | None = None) -> list[ScoredEvent]:
        return analysis_reads.pair_events_beyond(self._conn, pair, beyond, among)

    # -- documents and their text ----------------------------------------------------------------

    def document(self, doc_id: str) -> Document | None:
        return queries.document(self._conn, doc_id)

    def annotations(self, doc_id: str) -> Annotations | None:
        return rebuild_annotations(self._conn, doc_id)

    def document_page(self, limit: int, offset: int = 0, after: str | None = None) -> DocumentPage:
        return page_reads.document_page(self._conn, limit, offset, after)

    def said_dates(self, quotes: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], tuple[str, str]]:
        return quote_reads.said_dates(self._conn, quotes)

    def documents_mentioning(self, entity_id: str, limit: int, offset: int = 0) -> DocumentPage:
        return page_reads.documents_mentioning(self._conn, entity_id, limit, offset)

    def ranked_articles(self, query: str, limit: int) -> list[tuple[ArticleText, float]]:
        return text_reads.ranked_articles(self._conn, query, limit)

    def ranked_quotes(self, query: str, limit: int) -> list[tuple[QuoteText, float]]:
        return text_reads.ranked_quotes(self._conn, query, limit)

    def ranked_texts(self, query: str, limit: int
                     ) -> tuple[list[tuple[ArticleText, float]], list[tuple[QuoteText, float]]]:
        return text_reads.ranked_texts(self._conn, query, limit)

    def sentence_holding(self, doc_id: str, offset: int) -> tuple[int, int] | None:
        return text_reads.sentence_holding(self._conn, doc_id, offset)

    def sentences_holding(self, wanted: Sequence[tuple[str, int]]) -> list[tuple[int, int] | None]:
        return text_reads.sentences_holding(self._conn, wanted)

    def sentence_around(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        return text_reads.sentence_around(self._conn, doc_id, start, end)
