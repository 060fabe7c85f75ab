"""One event per happening: tellings with the same type, actors and compatible dates are merged.

Annotations are built by hand (no spaCy): each document is a few sentences about Musk, OpenAI
and Altman, and each event names the sentence that tells it. The rules are in
``chronique.identity.events`` and ``docs/events.md``.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from chronique.identity.events import (
    StoredEvent,
    Telling,
    choose_event,
    dates_compatible,
    interval_of,
    sentence_key,
)
from chronique.identity.ontology import is_repeated
from chronique.intervals import value_range
from chronique.model import Annotations, Document, Entity, Event
from chronique.store import Store

MUSK, OPENAI, ALTMAN = "Q317521", "Q21708200", "ent_altman"
_ids = itertools.count()


def _dated(value: str | None) -> dict[str, str | None]:
    bounds = value_range(value) if value else None
    return {"date": value, "date_start": bounds[0] if bounds else None,
            "date_end": bounds[1] if bounds else None}


def telling(text: str, sentence: str, type_: str, source: str, target: str, value: str | None,
            **fields: object) -> Event:
    """An event told by ``sentence`` (a substring of ``text``), dated ``value``."""
    start = text.index(sentence)
    return Event(type_, (source,), (target,), start, start + len(sentence), sentence.split()[2],
                 start, start + 1, sentence_start=start, sentence_end=start + len(sentence),
                 **_dated(value), **fields)  # type: ignore[arg-type]


def article(sentences: list[str], events: list[tuple], doc_id: str | None = None) -> Annotations:
    """A document made of ``sentences``; ``events`` are (sentence index, type, source, target,
    date value, extra fields) with actors among "musk", "openai", "altman"."""
    text = " ".join(sentences)
    doc_id = doc_id or f"doc{next(_ids)}"
    entities = [
        Entity("musk", "Elon Musk", "PERSON", MUSK, (), ((0, 4),)),
        Entity("openai", "OpenAI", "ORG", OPENAI, (), ((0, 4),)),
        Entity("altman", "Sam Altman", "PERSON", None, (), ((0, 4),)),
    ]
    told = [telling(text, sentences[i], t, s, g, v, **(extra[0] if extra else {}))
            for i, t, s, g, v, *extra in events]
    return Annotations(Document(doc_id, text, date(2025, 11, 3), "fr"), entities, events=told)


@pytest.fixture
def store():
    with Store() as opened:
        yield opened


def _events(store: Store) -> list[tuple[str, str | None, int]]:
    return [(e.type, e.date_value, len(e.mentions))
            for e in store.timeline(dated_only=False, include_unexported=True)]


# -- across documents ---------------------------------------------------------------------------

BID_MONTH = article(["Musk a proposé de racheter OpenAI en février 2025."],
                    [(0, "BID", "musk", "openai", "2025-02", {"amount": 97.4e9, "currency": "USD"})])
BID_DAY = article(["Le 12 février 2025, Musk offre de racheter OpenAI."],
                  [(0, "BID", "musk", "openai", "2025-02-12")])


@pytest.mark.parametrize("order", [(BID_MONTH, BID_DAY), (BID_DAY, BID_MONTH)], ids=["month-first", "day-first"])
def test_two_articles_telling_one_bid_make_one_event_with_the_most_precise_date(store, order):
    store.save(list(order))
    counts = store.counts()
    assert (counts["events"], counts["event_mentions"]) == (1, 2)
    [bid] = store.timeline()
    assert (bid.date_value, bid.date_start, bid.date_end) == ("2025-02-12", "2025-02-12", "2025-02-12")
    assert (bid.amount, bid.currency) == (97.4e9, "USD")  # filled in from the telling that had it


def test_a_year_holds_a_month_and_the_month_wins(store):
    store.save([
        article(["En 2025, Musk accuse Altman."], [(0, "ACCUSE", "musk", "altman", "2025")]),
        article(["En octobre 2025, Musk accuse Altman."], [(0, "ACCUSE", "musk", "altman", "2025-10")]),
    ])
    assert _events(store) == [("ACCUSE", "2025-10", 2)]


def test_two_different_dated_accusations_are_two_events(store):
    store.save([
        article(["En 2023, Musk accuse Altman."], [(0, "ACCUSE", "musk", "altman", "2023")]),
        article(["En octobre 2025, Musk accuse Altman."], [(0, "ACCUSE", "musk", "altman", "2025-10")]),
    ])
    assert _events(store) == [("ACCUSE", "2023", 1), ("ACCUSE", "2025-10", 1)]
    assert (store.counts()["events"], store.counts()["event_mentions"]) == (2, 2)


def test_an_undated_one_off_event_joins_a_dated_telling_of_another_document(store):
    store.save([BID_MONTH, article(["Depuis, Musk cherche à racheter OpenAI."],
                                   [(0, "BID", "musk", "openai", None)])])
    assert _events(store) == [("BID", "2025-02", 2)]


def test_undated_accusations_in_two_documents_stay_apart(store):
    store.save([
        article(["Ce jour-là, Musk accuse Altman."], [(0, "ACCUSE", "musk", "altman", None)]),
        article(["Une fois encore, Musk accuse Altman."], [(0, "ACCUSE", "musk", "altman", None)]),
    ])
    assert _events(store) == [("ACCUSE", None, 1), ("ACCUSE", None, 1)]


def test_the_same_sentence_in_two_documents_is_one_accusation(store):
    store.save([
        article(["Ce jour-là, Musk accuse Altman.", "Fin."], [(0, "ACCUSE", "musk", "altman", None)]),
        article(["Reprise.", "Ce jour-là,  Musk accuse Altman."], [(1, "ACCUSE", "musk", "altman", None)]),
    ])
    assert _events(store) == [("ACCUSE", None, 2)]


def test_a_dated_accusation_does_not_absorb_an_undated_one_of_another_document(store):
    store.save([
        article(["En 2023, Musk accuse Altman."], [(0, "ACCUSE", "musk", "altman", "2023")]),
        article(["Ce jour-là, Musk accuse Altman."], [(0, "ACCUSE", "musk", "altman", None)]),
    ])
    assert _events(store) == [("ACCUSE", "2023", 1), ("ACCUSE", None, 1)]


def test_symmetric_events_merge_either_way_round_with_compatible_dates(store):
    store.save([
        article(["En 2015, Musk s'allie à OpenAI."], [(0, "PARTNER", "musk", "openai", "2015")]),
        article(["En juin 2015, OpenAI s'allie à Musk."], [(0, "PARTNER", "openai", "musk", "2015-06")]),
    ])
    assert _events(store) == [("PARTNER", "2015-06", 2)]


# -- within one document ------------------------------------------------------------------------


def test_an_undated_telling_in_the_same_document_is_merged(store):
    store.save([article(
        ["En 2023, Musk accuse Altman de trahison.", "Musk accuse Altman sans relâche."],
        [(0, "ACCUSE", "musk", "altman", "2023"), (1, "ACCUSE", "musk", "altman", None)],
    )])
    assert _events(store) == [("ACCUSE", "2023", 2)]


def test_an_undated_telling_joins_the_most_precise_dated_event_wherever_it_stands(store):
    store.save([article(
        ["En 2023, Musk accuse Altman.", "Musk accuse encore Altman.",
         "Le 30 octobre 2025, Musk accuse Altman."],
        [(0, "ACCUSE", "musk", "altman", "2023"), (1, "ACCUSE", "musk", "altman", None),
         (2, "ACCUSE", "musk", "altman", "2025-10-30")],
    )])
    assert _events(store) == [("ACCUSE", "2023", 1), ("ACCUSE", "2025-10-30", 2)]


def test_the_context_score_of_any_telling_is_kept(store):
    store.save([BID_MONTH, article(["Le 12 février 2025, Musk lance une OPA hostile."],
                                   [(0, "BID", "musk", "openai", "2025-02-12", {"score": -5.0})])])
    [bid] = store.timeline()
    assert bid.score == -5.0


# -- the pure rules -----------------------------------------------------------------------------


@pytest.mark.parametrize("a, b, expected", [
    ("2025-02", "2025-02-12", True),
    ("2025", "2025-02", True),
    ("2025-02-12", "2025-02-12", True),
    ("2025-02", "2025-03", False),
    ("2023", "2025-10", False),
    ("2025-Q1", "2025-02", True),
    ("2025-W06", "2025-02", True),  # 3-9 February 2025
    ("2025-W05", "2025-02", False),  # 27 January-2 February: overlaps without nesting
    ("XXXX-SU", "2025-07", False),  # no calendar position: only equal values match
])
def test_dates_compatible(a, b, expected):
    span = lambda v: interval_of(v, None, None)  # noqa: E731
    assert dates_compatible(a, span(a), b, span(b)) is expected
    assert dates_compatible(b, span(b), a, span(a)) is expected


def test_an_unsound_stored_interval_gives_way_to_the_value():
    assert interval_of("2025-03", "2025-03-01", "2025-02-28") == (date(2025, 3, 1), date(2025, 3, 31))
    assert interval_of("2025", "2025-01-01", "2025-12-31") == (date(2025, 1, 1), date(2025, 12, 31))
    assert interval_of(None, None, None) is None


def test_the_choice_among_compatible_events_is_deterministic():
    told = Telling("BID", None, None, None, "new", "Musk veut OpenAI.")
    year = StoredEvent("ev_a", "2025", None, None, frozenset({"x"}), frozenset())
    may = StoredEvent("ev_b", "2025-05", None, None, frozenset({"y"}), frozenset())
    march = StoredEvent("ev_c", "2025-03", None, None, frozenset({"z"}), frozenset())
    undated = StoredEvent("ev_0", None, None, None, frozenset({"w"}), frozenset())
    # The most precise first; March and May are as long: the earlier one.
    assert choose_event(told, [undated, year, may, march]).id == "ev_c"
    assert choose_event(told, [undated, year]).id == "ev_a"
    here = StoredEvent("ev_d", "2024", None, None, frozenset({"new"}), frozenset())
    assert choose_event(told, [year, may, here]).id == "ev_d"  # told by the same document first
    assert choose_event(Telling("BID", "2026", None, None, "n", ""), [year, may]) is None


def test_repeated_kinds_come_from_the_ontology():
    assert [t for t in ("ACCUSE", "PRAISE", "THREATEN", "REQUEST", "ORDER", "PAY", "BID", "FOUND", "SUE")
            if is_repeated(t)] == ["ACCUSE", "PRAISE", "THREATEN", "REQUEST", "ORDER", "PAY"]
    assert sentence_key("Musk  accuse\nAltman’s") == sentence_key("musk accuse altman's")
