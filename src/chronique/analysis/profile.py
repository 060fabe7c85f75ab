"""An actor's profile: roles, counterparts ranked by interaction, latest events, quotes.

The counterparts are aggregated in SQL rather than in Python: a much-covered actor takes part in
tens of thousands of events, and only the totals per counterpart are wanted.
"""

from __future__ import annotations

from chronique.analysis.records import ActorProfile, Counterpart
from chronique.store.reader import StoreReader
from chronique.store.records import EntityRow

__all__ = ["actor_profile", "counterparts", "RELATION_EVIDENCE"]

#: Tellings kept per relation in a profile (the first ones; ``RelationRow.evidence_count`` has
#: the total): a much-covered CEO's role is told in thousands of articles.
RELATION_EVIDENCE = 3


def counterparts(reads: StoreReader, actor_id: str, limit: int | None = None) -> list[Counterpart]:
    """Every actor that shares an event or a quote with this one (the first ``limit``), most
    interactions first (then by name and id)."""
    if limit is None or limit < 1:
        quoted = reads.shared_quote_counts(actor_id)
        events = reads.shared_event_totals(actor_id)
    else:
        events, quoted = _candidates(reads, actor_id, limit)
    totals = {entity_id: events.get(entity_id, (0, 0.0, 0.0))[0] + quoted.get(entity_id, 0)
              for entity_id in (*events, *quoted)}
    if limit is not None:  # names are read only for the counterparts shown; ties kept for the order
        cut = sorted(totals.values(), reverse=True)[limit - 1] if 0 < limit < len(totals) else 0
        totals = {entity_id: total for entity_id, total in totals.items() if limit and total >= cut}
    names = reads.entity_names(totals)
    result = []
    for entity_id, (name, type_, _) in names.items():
        count, cooperation, conflict = events.get(entity_id, (0, 0.0, 0.0))
        quotes = quoted.get(entity_id, 0)
        result.append(Counterpart(
            entity_id, name, type_, count + quotes, count, quotes,
            round(cooperation, 6), round(conflict, 6), round(cooperation + conflict, 6),
        ))
    ranked = sorted(result, key=lambda c: (-c.interactions, c.name, c.entity_id))
    return ranked if limit is None else ranked[:limit]


def _candidates(reads: StoreReader, actor_id: str, limit: int
                ) -> tuple[dict[str, tuple[int, float, float]], dict[str, int]]:
    """The events and quotes shared with the counterparts that may rank among the first
    ``limit``, read from the running totals without reading all of them (a much-covered actor has
    6,000 counterparts by events and 3,000 by quotes).

    The ``limit`` most sharing events (ties kept) are read with their quotes; the ``limit``-th
    largest of their totals, ``floor``, is a total the last counterpart shown reaches. Any other
    counterpart shares fewer events than the least of those read (none at all when every one
    sharing events was read), so it may reach ``floor`` only with at least ``floor`` minus that
    many quotes: those few are read with their events."""
    events = reads.shared_event_totals(actor_id, limit)
    quoted = reads.shared_quote_counts(actor_id, among=events) if events else {}
    totals = sorted((count + quoted.get(entity_id, 0) for entity_id, (count, _, _) in events.items()), reverse=True)
    floor = totals[limit - 1] if len(totals) >= limit else 0
    fewest = min((count for count, _, _ in events.values()), default=1)
    # Fewer read than asked: every counterpart sharing events was read, the others share none.
    most_outside = fewest - 1 if len(events) >= limit else 0
    more = {entity_id: count for entity_id, count in
            reads.shared_quote_counts(actor_id, at_least=max(1, floor - most_outside)).items()
            if entity_id not in events}
    if more:
        events = {**events, **reads.shared_event_totals(actor_id, limit, also=more)}
    return events, {**quoted, **more}


def actor_profile(
    reads: StoreReader, actor: EntityRow, *, events: int, quotes: int, counterparts_limit: int | None = None,
    relations_limit: int | None = None,
) -> ActorProfile:
    """The whole profile of an already resolved actor (at most ``counterparts_limit`` counterparts
    and ``relations_limit`` relations, ``relation_count`` saying how many there are)."""
    ids = reads.latest_event_ids(actor.id, events)
    entries = {entry.event_id: entry for entry in reads.events_by_ids(ids)}
    return ActorProfile(
        actor=actor,
        relations=tuple(reads.relations([actor.id], evidence_limit=RELATION_EVIDENCE, limit=relations_limit)),
        counterparts=tuple(counterparts(reads, actor.id, counterparts_limit)),
        latest_events=tuple(entries[event_id] for event_id in ids),
        quotes_by=tuple(reads.quotes(by=actor.id, limit=quotes, newest_first=True)),
        quotes_about=tuple(reads.quotes(about=actor.id, limit=quotes, newest_first=True)),
        event_count=reads.exported_event_count(actor.id),
        relation_count=reads.relation_count(actor.id),
    )
