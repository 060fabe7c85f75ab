"""Migration m011 (the month graph's actor rows, ``graph_actors``, no longer stored): an m010
store migrates in place and answers as a new one; the kept actor totals stay in step with a
recount from the events."""

from __future__ import annotations

import calendar
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.analysis.graph import ActorGraph
from chronique.store import Store, graph_months
from tests.store.test_quote_about import undo_m011
from tests.store.test_store_opening import schema
from tests.web.test_web_fixtures import build_hand_store


def month_graph(path: Path, month: str) -> ActorGraph:
    """A month's graph as a page reads it (with a limit: from the kept totals)."""
    year, number = (int(part) for part in month.split("-"))
    last = date(year, number, calendar.monthrange(year, number)[1])
    with Store(path, read_only=True) as store:
        return Chronicle(store).graph(start=date(year, number, 1), end=last, limit=100)


def test_an_m010_store_migrates_in_place_and_answers_as_a_new_one(tmp_path: Path) -> None:
    new = build_hand_store(tmp_path / "new.db")
    old = Path(shutil.copyfile(new, tmp_path / "old.db"))
    with closing(sqlite3.connect(old, isolation_level=None)) as conn:
        undo_m011(conn)
        assert conn.execute("SELECT COUNT(*) FROM graph_actors").fetchone()[0] > 3
    with Store(old) as store:
        assert store.applied_migrations == ["m011_no_month_actor_rows"]
    assert schema(old) == schema(new)
    with closing(sqlite3.connect(old)) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'graph_actors'").fetchone() is None
        months = sorted({month for (month,) in conn.execute("SELECT month FROM graph_actor_months")})
        assert graph_months.stored(conn) == graph_months.recount(conn)
    assert months
    for month in months:
        answer = month_graph(old, month)
        assert answer == month_graph(new, month)
        assert answer.nodes


def test_the_actor_totals_count_each_actor_once_per_month_and_event(tmp_path: Path) -> None:
    """What the dropped rows held, the totals still say: the events of each actor in a month."""
    path = build_hand_store(tmp_path / "store.db")
    with closing(sqlite3.connect(path)) as conn:
        rows = graph_months.listed_actors(conn)
        totals = set(conn.execute("SELECT month, entity_id, events FROM graph_actor_months"))
    assert rows and len({event for _, _, event in rows}) > 1
    expected: dict[tuple[str, str], int] = {}
    for month, actor, _ in rows:
        expected[month, actor] = expected.get((month, actor), 0) + 1
    assert totals == {(month, actor, count) for (month, actor), count in expected.items()}
