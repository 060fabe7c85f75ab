"""An actor's first counterparts, read from the running totals without reading them all
(``analysis.profile._candidates``), are the first of the whole ranking: same actors, same
figures, same order, ties at the cut included as the full ranking orders them."""

from __future__ import annotations

import sys
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.analysis.profile import counterparts
from chronique.store import Store
from chronique.store.reader import StoreReader
from tests.conftest import ROOT


def synthetic_store(path: Path, documents: int, actors: int) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        generator = __import__("synthetic_store").NewsGenerator(11, actors)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    with Store(path) as store:
        store.save(list(generator.documents(documents)))
    return path


def test_the_first_counterparts_are_the_first_of_the_whole_ranking(tmp_path: Path) -> None:
    path = synthetic_store(tmp_path / "s.db", 300, 40)
    with Chronicle(path) as chronicle, Store(path, read_only=True) as store:
        reads = StoreReader(store)
        actors = [row.id for row in chronicle.entities(limit=40)]
        compared, quoted = 0, 0
        for actor in actors:
            whole = counterparts(reads, actor)
            quoted += sum(1 for c in whole if c.quotes and c.events)
            for limit in (1, 2, 3, 5, 8, 20):
                assert counterparts(reads, actor, limit) == whole[:limit]
                compared += len(whole) > limit
        assert compared > 20  # cut rankings, not only short ones
        assert quoted > 20  # counterparts by events and quotes
