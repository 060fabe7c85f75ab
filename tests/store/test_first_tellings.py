"""A much-told relation's first tellings (``evidence_limit``) are the first of all its tellings in
reading order (article date, undated first, then article id and position), however they are
found: walked article by article for a relation told in most articles, ranked otherwise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from chronique.model import Annotations, Document, Entity, Relation
from chronique.store import Store
from chronique.store.reader import StoreReader
from tests.builders import sentences, span

DAYS = [date(2025, 3, 2), None, date(2024, 6, 1), date(2025, 3, 2), date(2023, 1, 5), None, date(2024, 6, 1)]


def article(doc_id: str, day: date | None, told: int) -> Annotations:
    """Alice told ``told`` times as Acme's chief, once an article sentence."""
    text = " ".join(["Alice, patronne d'Acme, parle."] * told) + f" Fin de {doc_id}."
    starts = [index for index in range(len(text)) if text.startswith("Alice, patronne d'Acme", index)]
    alice = Entity("a", "Alice Martin", "PERSON", None, ("Alice",), tuple((s, s + 5) for s in starts))
    acme = Entity("c", "Acme", "ORG", None, ("Acme",), tuple((s + 18, s + 22) for s in starts))
    relations = [Relation("ROLE", "a", "c", s, s + len("Alice, patronne d'Acme"), title="ceo") for s in starts]
    assert span(text, "Alice") == (starts[0], starts[0] + 5)
    return Annotations(Document(doc_id, text, day, "fr"), [alice, acme], [], [], [], [], relations,
                       sentences=sentences(text))


def test_the_first_tellings_of_a_much_told_relation_are_the_first_in_reading_order(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        store.save([article(f"doc-{n}", day, told=1 + n % 2) for n, day in enumerate(DAYS)])
        alice, reads = store.find_entity("Alice Martin"), StoreReader(store)
        assert alice is not None
        every = reads.relations([alice.id])
        assert len(every) == 1 and every[0].evidence_count == 10
        reading = [(e.doc_id, e.start) for e in every[0].evidence]
        assert [doc for doc, _ in reading] == ["doc-1", "doc-1", "doc-5", "doc-5", "doc-4", "doc-2", "doc-6",
                                               "doc-0", "doc-3", "doc-3"]
        for limit in (1, 2, 3, 4):  # told in every article: walked (10 ** 2 > limit × 7)
            (first,) = reads.relations([alice.id], evidence_limit=limit)
            assert [(e.doc_id, e.start) for e in first.evidence] == reading[:limit]
            assert first.evidence_count == 10
