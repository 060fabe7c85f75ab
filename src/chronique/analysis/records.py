"""The answers an analyst gets: small, frozen, typed records built from the store's rows.

Every front end (CLI, HTTP API, HTML report, exports) receives these and nothing else, so they
never depend on SQL column names; ``to_frame`` turns any sequence of them into a DataFrame.
Scores are on the conflict–cooperation scale of ``docs/events.md`` (−10 … +10): *cooperation*
sums the positive scores, *conflict* the negative ones (so it is ≤ 0), *score* sums both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

# Evidence and RelationRow are read straight from the store, so they live with its records.
from chronique.store.records import EntityRow, Evidence, QuoteRow, RelationRow, TimelineEntry

__all__ = [
    "Evidence", "RelationRow", "Counterpart", "ActorProfile", "SeriesPoint", "PeriodSpan", "PairLink",
    "PairHistory", "SearchHit", "GraphNode", "GraphEdge", "ActorGraph",
]


@dataclass(frozen=True)
class Counterpart:
    """Another actor seen through its dealings with one actor.

    ``interactions`` = ``events`` (events they both take part in) + ``quotes`` (quotes by one
    about the other); the scores sum those events' scores.
    """

    entity_id: str
    name: str
    type: str
    interactions: int
    events: int
    quotes: int
    cooperation: float
    conflict: float
    score: float


@dataclass(frozen=True)
class ActorProfile:
    """Everything the store knows about one actor, most telling parts first.

    ``relations``: each with its first three tellings (``evidence_count``: all of them).
    ``counterparts``: most interactions first. ``latest_events``: newest first, undated ones
    last. ``quotes_by``/``quotes_about``: the latest ones, newest first. ``event_count``: every
    exported event the actor takes part in, dated or not. ``relation_count``: every relation the
    actor is at an end of (``relations`` may hold only the first: an organisation with
    hundreds of people in roles).
    """

    actor: EntityRow
    relations: tuple[RelationRow, ...]
    counterparts: tuple[Counterpart, ...]
    latest_events: tuple[TimelineEntry, ...]
    quotes_by: tuple[QuoteRow, ...]
    quotes_about: tuple[QuoteRow, ...]
    event_count: int
    relation_count: int | None = None


@dataclass(frozen=True)
class PeriodSpan:
    """The events of one period of a conflict–cooperation chart, drawn as wide as the period.

    An event known to the day or to the month counts in its month; an event known only to a
    coarser period (a quarter, a year) counts in that whole period, so "2015" is drawn as the
    year 2015, not as January 2015. ``precision`` names the width: ``"month"``, ``"quarter"``,
    ``"year"``, or ``"period"`` for any other range (a season, a decade).
    """

    start: str  # ISO first day
    end: str  # ISO last day (included)
    precision: str  # "month", "quarter", "year" or "period"
    events: int
    cooperation: float
    conflict: float
    score: float
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class SeriesPoint:
    """One month of a conflict–cooperation series and the events behind it.

    An event counts in the month of its ``date_start`` (else of its ``date_value``); ``mean`` is
    ``score / events``. Undated events are not in any series.
    """

    period: str  # "YYYY-MM"
    events: int
    cooperation: float
    conflict: float
    score: float
    mean: float
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class PairLink:
    """Why an event that names only one of a pair belongs to their story: it involves an
    organisation the other holds a role in ("Elon Musk founds OpenAI", led by Sam Altman)."""

    event_id: str
    actor_id: str  # the member of the pair the event reaches through an organisation
    actor_name: str
    via_id: str  # the organisation
    via_name: str
    title: str | None  # the actor's role there ("ceo", "founder")


@dataclass(frozen=True)
class PairHistory:
    """The story of two actors.

    ``events``: oldest first, the events that involve both (as sources or targets in any
    combination) and, unless asked for direct events only, the events between one of them and
    an organisation the other holds a role in; ``links`` says which events are of the second
    kind and through what. When a page was asked for, ``events`` (and ``links``) hold that page
    and ``event_count`` says how many events there are in all; ``series`` always covers all of
    them. ``a_about_b``: quotes by ``a`` about ``b``, reading order. ``relations``: the
    relations between the two (each with its first three tellings).
    """

    a: EntityRow
    b: EntityRow
    events: tuple[TimelineEntry, ...]
    a_about_b: tuple[QuoteRow, ...]
    b_about_a: tuple[QuoteRow, ...]
    series: tuple[SeriesPoint, ...]
    relations: tuple[RelationRow, ...]
    links: tuple[PairLink, ...] = ()
    event_count: int = 0


@dataclass(frozen=True)
class SearchHit:
    """A full-text match, best first.

    For an article, ``start``/``end`` locate the first match of the query in the text (``None``
    when only the title matched); for a quote, the quote itself. ``sentence`` is the whole
    sentence that holds it. ``rank`` is SQLite FTS5's bm25 rank: lower (more negative) is better
    within one kind; articles and quotes are merged by rank relative to the best of their kind.
    For a query with a word too common to rank (``store.text_reads.COMMON_MATCHES``), the
    newest come first and ``rank`` is minus the row's number.
    """

    kind: Literal["article", "quote"]
    doc_id: str
    doc_date: date | None
    title: str | None
    start: int | None
    end: int | None
    snippet: str
    sentence: str
    speaker_id: str | None
    speaker_name: str | None
    rank: float


@dataclass(frozen=True)
class GraphNode:
    """An actor of the graph: ``events`` it takes part in among the graph's, ``mentions`` of it
    in the documents published in the graph's period (in every document without a period)."""

    id: str
    name: str
    type: str
    kb_id: str | None
    mentions: int
    events: int


@dataclass(frozen=True)
class GraphEdge:
    """Two actors who share events (undirected, ``source`` < ``target`` by id).

    ``events`` and ``weight`` are both the number of shared events (``weight`` is the name graph
    tools read). Dates are ISO strings: when the first and the last of those events happened.
    """

    source: str
    target: str
    events: int
    weight: int
    score: float
    cooperation: float
    conflict: float
    first_date: str | None
    last_date: str | None
    types: tuple[str, ...]
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class ActorGraph:
    """Actors and the signed, weighted edges between them over a period (``None``: unbounded).

    A bounded graph (``Chronicle.graph(limit=…)``) holds one page of the strongest edges and their
    actors; ``edge_total`` and ``node_total`` count the edges and actors of the whole graph of the
    period (``None`` on a graph built by hand), so a reader knows what was left out.
    """

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    start: date | None
    end: date | None
    edge_total: int | None = None
    node_total: int | None = None
