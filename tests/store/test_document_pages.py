"""Articles at any offset (``Chronicle.documents``, ``page_reads.document_page``): found through the articles per day
(``document_days``), the page is the one the full order gives (newest first, then id, undated
last), across day boundaries, into the undated and past the end."""

from __future__ import annotations

from datetime import date

import pytest

from chronique.analysis import Chronicle
from chronique.model import Annotations, Document
from chronique.store import Store
from tests.builders import sql

DAYS = [date(2024, 5, 1), date(2024, 5, 1), date(2024, 5, 1), date(2024, 4, 30), None, date(2024, 6, 2), None,
        date(2024, 4, 30), date(2023, 1, 9)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("pages") / "p.db"
    store = Store(path)
    store.save([Annotations(Document(f"d{index}", f"Article {index}.", day, "fr")) for index, day in enumerate(DAYS)])
    return store


def test_every_offset_and_size_gives_the_page_of_the_full_order(store: Store) -> None:
    order = [row[0] for row in sql(store, "SELECT id FROM documents ORDER BY date IS NULL, date DESC, id")]
    assert order == ["d5", "d0", "d1", "d2", "d3", "d7", "d8", "d4", "d6"]
    chronicle = Chronicle(store)
    for limit in (1, 2, 4, 20):
        for offset in range(len(order) + 2):
            page = chronicle.documents(limit=limit, offset=offset)
            assert [item.id for item in page.items] == order[offset:offset + limit], (limit, offset)
            assert page.total == len(order)
            assert (page.next is None) == (offset + limit >= len(order))
