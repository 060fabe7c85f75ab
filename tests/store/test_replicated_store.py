"""``bench/replicate_store.py``: a store N times as large for the query benchmark must be a store
chronique reads like any other, its running aggregates equal to a recount of its tables."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from chronique.analysis import Chronicle
from chronique.store import Store, actor_events, graph_months, month_mentions, quote_pairs
from chronique.store.aggregates import recount, recount_pair_events, stored_pair_events, stored_totals
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def bench_module(name: str):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_a_store_copied_three_times_holds_three_times_the_facts_and_its_totals_hold(tmp_path: Path) -> None:
    generator = bench_module("synthetic_store").NewsGenerator(5, 30)
    source, target = tmp_path / "one.db", tmp_path / "three.db"
    with Store(source) as store:
        store.save(list(generator.documents(80)))
        once = store.counts()
    bench_module("replicate_store").replicate(source, target, 3)
    with Store(target, read_only=True) as store:
        thrice = store.counts()
    assert thrice == {**once, **{table: once[table] * 3 for table in (
        "documents", "mentions", "timexes", "money", "quotes", "events", "event_mentions")}}
    with closing(sqlite3.connect(target)) as conn:
        assert stored_totals(conn) == recount(conn)
        assert stored_pair_events(conn) == recount_pair_events(conn)
        assert graph_months.stored(conn) == graph_months.recount(conn)
        assert actor_events.stored(conn) == actor_events.recount(conn)
        assert quote_pairs.stored(conn) == quote_pairs.recount(conn) != {}
        assert month_mentions.stored(conn) == month_mentions.recount(conn) != {}
    with Chronicle(source) as small, Chronicle(target) as large:
        actor = small.entities(limit=1)[0]
        assert len(large.timeline(actor.id)) == 3 * len(small.timeline(actor.id))
        word = small.documents(limit=1).items[0].title.split()[0]
        assert len(large.search(word, limit=500)) == min(500, 3 * len(small.search(word, limit=500)))
