"""The SQLite store: atomic batches, duplicates, migrations, resolution and the read side.

Annotations are built by hand (no spaCy) from two short articles: A tells Musk's bid for OpenAI
and Altman's answer; B, published later, names Musk without his kb id, tells the bid again, the
2018 Roadster order, a hypothetical lawsuit and an undated accusation.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from chronique.errors import StoreError
from chronique.identity.entities import new_entity_id
from chronique.model import Annotations, Document, Entity, Money, Quote, Relation, Timex
from chronique.store import Store, writer
from chronique.store.migrations import MIGRATIONS
from tests.builders import event, sentences, span, sql

MUSK, OPENAI, TESLA = "Q317521", "Q21708200", "Q478214"
ALTMAN = new_entity_id("PERSON", "Sam Altman")

TEXT_A = (
    "Elon Musk a proposé de racheter OpenAI pour 97,4 milliards de dollars en février 2025. "
    "Sam Altman a répondu « non merci » au milliardaire."
)
TEXT_B = (
    "Musk avait commandé une Tesla Roadster en 2018. "
    "En février 2025, Musk a offert de racheter OpenAI. "
    "Musk pourrait poursuivre Altman en mars 2025. "
    "Altman accuse Musk."
)


def doc_a() -> Annotations:
    text = TEXT_A
    document = Document("a", text, date(2025, 2, 11), "fr", "L'offre", "https://ex.fr/a", "Ex", "a.jsonl")
    return Annotations(
        document=document,
        entities=[
            Entity("musk", "Elon Musk", "PERSON", MUSK, ("Musk", "le milliardaire"),
                   (span(text, "Elon Musk"), span(text, "milliardaire"))),
            Entity("oai", "OpenAI", "ORG", OPENAI, (), (span(text, "OpenAI"),)),
            Entity("sam", "Sam Altman", "PERSON", None, ("Altman",), (span(text, "Sam Altman"),)),
        ],
        timexes=[Timex(*span(text, "février 2025"), "février 2025", "DATE", "2025-02", "2025-02-01", "2025-02-28")],
        money=[Money(*span(text, "97,4 milliards de dollars"), "97,4 milliards de dollars", 97.4e9, "USD")],
        quotes=[Quote(*span(text, "non merci"), "non merci", "sam", "a répondu", "musk")],
        events=[
            event(text, "BID", ("musk",), ("oai",), "Elon Musk a proposé de racheter OpenAI", "proposé",
                  date="2025-02", date_start="2025-02-01", date_end="2025-02-28", amount=97.4e9,
                  currency="USD", confidence=0.8, sentence_start=0, sentence_end=text.index(".") + 1),
            event(text, "REJECT", ("sam",), ("musk",), "Sam Altman a répondu « non merci »", "répondu",
                  date="2025-02", date_start="2025-02-01", date_end="2025-02-28"),
        ],
        relations=[Relation("ROLE", "sam", "oai", *span(text, "Sam Altman"), title="ceo")],
        sentences=sentences(text),
    )


def doc_b() -> Annotations:
    text = TEXT_B
    document = Document("b", text, date(2025, 11, 2), "fr", None, None, None, "b.jsonl")
    musk_mentions = tuple((i, i + 4) for i in range(len(text)) if text.startswith("Musk", i))
    return Annotations(
        document=document,
        entities=[
            Entity("m", "Musk", "PERSON", None, (), musk_mentions),  # no kb id: found by alias
            Entity("t", "Tesla", "ORG", TESLA, (), (span(text, "Tesla"),)),
            Entity("o", "OpenAI", "ORG", None, (), (span(text, "OpenAI"),)),  # by name
            Entity("al", "Altman", "PERSON", None, (), (span(text, "Altman"),)),  # by alias
        ],
        events=[
            event(text, "ORDER", ("m",), ("t",), "Musk avait commandé une Tesla Roadster en 2018",
                  "commandé", date="2018", date_start="2018-01-01", date_end="2018-12-31"),
            event(text, "BID", ("m",), ("o",), "Musk a offert de racheter OpenAI", "offert",
                  date="2025-02", date_start="2025-02-01", date_end="2025-02-28", confidence=0.6),
            event(text, "SUE", ("m",), ("al",), "Musk pourrait poursuivre Altman en mars 2025",
                  "poursuivre", date="2025-03", date_start="2025-03-01", date_end="2025-03-31",
                  modality="hypothetical"),
            event(text, "ACCUSE", ("al",), ("m",), "Altman accuse Musk", "accuse"),
        ],
        relations=[Relation("ROLE", "al", "o", *span(text, "Altman"), title="ceo")],
        sentences=sentences(text),
    )


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with Store(":memory:" if request.param == "memory" else tmp_path / "chronique.db") as opened:
        yield opened


@pytest.fixture
def on_disk(tmp_path: Path) -> Iterator[Store]:
    """A file store, for the tests that check tables no read function shows (``sql``)."""
    with Store(tmp_path / "chronique.db") as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    store.save([doc_a(), doc_b()])
    return store


# -- saving -----------------------------------------------------------------------------------


def test_save_reports_each_document(store: Store) -> None:
    outcomes = store.save([doc_a(), doc_b()])
    assert [(o.origin, o.doc_id, o.status, o.existing_id) for o in outcomes] == [
        ("a.jsonl", "a", "stored", None),
        ("b.jsonl", "b", "stored", None),
    ]


def test_the_same_actor_under_different_keys_is_one_global_entity(filled: Store) -> None:
    people = {row.id: row for row in filled.entities("PERSON")}
    assert sorted(people) == sorted([MUSK, ALTMAN])
    musk = people[MUSK]
    assert (musk.name, musk.kb_id, musk.mention_count, musk.document_count) == ("Elon Musk", MUSK, 6, 2)
    assert musk.aliases == ("Musk", "le milliardaire")
    assert [row.id for row in filled.entities("ORG")] == [OPENAI, TESLA]


def test_saving_the_same_batch_twice_stores_nothing_new(store: Store) -> None:
    store.save([doc_a(), doc_b()])
    before = store.counts()
    outcomes = store.save([doc_a(), doc_b()])
    assert [(o.status, o.existing_id) for o in outcomes] == [("duplicate", "a"), ("duplicate", "b")]
    assert store.counts() == before


def test_the_same_text_twice_in_a_batch_is_stored_once(store: Store) -> None:
    copy = doc_a()
    # Decomposed accents and a trailing CRLF: the same article for the content hash.
    copy.document = dataclasses.replace(copy.document, id="a-copy", text=unicodedata.normalize("NFD", TEXT_A) + "\r\n")
    outcomes = store.save([doc_a(), copy])
    assert [(o.doc_id, o.status, o.existing_id) for o in outcomes] == [
        ("a", "stored", None), ("a-copy", "duplicate", "a"),
    ]
    assert store.counts()["documents"] == 1
    assert store.counts()["event_mentions"] == 2


def test_a_different_text_under_a_stored_id_is_a_duplicate(store: Store) -> None:
    store.save([doc_a()])
    other = doc_b()
    other.document = dataclasses.replace(other.document, id="a")
    [outcome] = store.save([other])
    assert (outcome.status, outcome.existing_id) == ("duplicate", "a")
    assert store.document("a").text == TEXT_A  # type: ignore[union-attr]


def test_a_batch_killed_midway_leaves_nothing(on_disk: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store = on_disk
    real_insert = writer.insert_annotations
    calls = []

    def insert_then_die(conn: sqlite3.Connection, annotations: Annotations, at: str) -> None:
        calls.append(annotations.document.id)
        if len(calls) == 2:
            raise KeyboardInterrupt("killed during the second document")
        real_insert(conn, annotations, at)

    monkeypatch.setattr(writer, "insert_annotations", insert_then_die)
    with pytest.raises(KeyboardInterrupt):
        store.save([doc_a(), doc_b()])
    assert calls == ["a", "b"]  # the first document was written, then rolled back
    assert set(store.counts().values()) == {0}
    assert sql(store, "SELECT COUNT(*) FROM ingest_log") == [(0,)]
    monkeypatch.undo()
    assert [o.status for o in store.save([doc_a(), doc_b()])] == ["stored", "stored"]


def test_a_database_error_midway_rolls_the_batch_back_and_is_raised(
    on_disk: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = writer.insert_annotations

    def insert_then_fail(conn: sqlite3.Connection, annotations: Annotations, at: str) -> None:
        if annotations.document.id == "b":
            raise sqlite3.OperationalError("database or disk is full")
        real_insert(conn, annotations, at)

    monkeypatch.setattr(writer, "insert_annotations", insert_then_fail)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        on_disk.save([doc_a(), doc_b()])
    assert set(on_disk.counts().values()) == {0}
    assert sql(on_disk, "SELECT COUNT(*) FROM ingest_log") == [(0,)]


def test_a_failing_document_in_the_middle_of_a_batch_is_rejected_alone(on_disk: Store) -> None:
    broken = doc_b()
    broken.events.append(event(TEXT_B, "PAY", ("m",), ("nobody",), "Altman accuse Musk", "accuse"))
    again = doc_a()
    again.document = dataclasses.replace(again.document, id="a2", origin="a2.jsonl")
    outcomes = on_disk.save([doc_a(), broken, again])
    assert [(o.doc_id, o.status, o.existing_id) for o in outcomes] == [
        ("a", "stored", None), ("b", "rejected", None), ("a2", "duplicate", "a")]
    assert outcomes[1].reason is not None
    assert outcomes[1].reason.startswith("not stored (StoreError: document 'b': a PAY event's target")
    assert "'nobody'" in outcomes[1].reason
    assert on_disk.counts()["documents"] == 1
    assert on_disk.counts()["events"] == 2  # doc a's two; nothing of b's four
    assert sql(on_disk, "SELECT COUNT(*) FROM mentions WHERE doc_id = 'b'") == [(0,)]
    assert sql(on_disk, "SELECT origin, doc_id, status FROM ingest_log ORDER BY id") == [
        ("a.jsonl", "a", "stored"), ("b.jsonl", "b", "rejected"), ("a2.jsonl", "a2", "duplicate")]
    [fixed] = on_disk.save([doc_b()])  # the same document, once right, is stored
    assert fixed.status == "stored" and on_disk.counts()["documents"] == 2


def test_an_unknown_entity_key_is_refused_and_nothing_of_it_is_written(store: Store) -> None:
    broken = doc_b()
    broken.events.append(event(TEXT_B, "PAY", ("m",), ("nobody",), "Altman accuse Musk", "accuse"))
    [outcome] = store.save([broken])
    assert outcome.status == "rejected" and "'nobody'" in (outcome.reason or "")
    assert set(store.counts().values()) == {0}


def test_every_input_is_accounted_for_in_the_ingest_log(on_disk: Store) -> None:
    on_disk.save([doc_a(), doc_a()])
    on_disk.log_rejection("empty.txt", "nothing but whitespace")
    rows = sql(on_disk, "SELECT origin, doc_id, status, reason FROM ingest_log ORDER BY id")
    assert rows == [
        ("a.jsonl", "a", "stored", None),
        ("a.jsonl", "a", "duplicate", "same content as document 'a'"),
        ("empty.txt", None, "rejected", "nothing but whitespace"),
    ]


def test_counts(filled: Store) -> None:
    assert filled.counts() == {
        "documents": 2, "entities": 4, "mentions": 11, "timexes": 1, "money": 1, "quotes": 1,
        "events": 5, "event_mentions": 6, "relations": 1,
    }


def test_one_event_told_by_two_documents_is_one_event_with_two_mentions(on_disk: Store) -> None:
    filled = on_disk
    filled.save([doc_a(), doc_b()])
    [bid] = [entry for entry in filled.timeline() if entry.type == "BID"]
    assert [(m.doc_id, m.trigger) for m in bid.mentions] == [("a", "proposé"), ("b", "offert")]
    assert (bid.amount, bid.currency) == (97.4e9, "USD")
    [(relation_evidence,)] = sql(filled, "SELECT COUNT(*) FROM relation_evidence")
    assert (filled.counts()["relations"], relation_evidence) == (1, 2)


def test_an_event_with_another_date_is_another_event(store: Store) -> None:
    later = doc_b()
    later.events[1] = dataclasses.replace(later.events[1], date="2025-03", date_start="2025-03-01")
    store.save([doc_a(), later])
    assert len([e for e in store.timeline() if e.type == "BID"]) == 2


def test_symmetric_events_are_the_same_whichever_way_round(store: Store) -> None:
    first, second = doc_a(), doc_b()
    first.events = [event(TEXT_A, "PARTNER", ("musk",), ("oai",), "Elon Musk", "Musk", date="2015")]
    second.events = [event(TEXT_B, "PARTNER", ("o",), ("m",), "En février 2025", "février", date="2015")]
    store.save([first, second])
    assert (store.counts()["events"], store.counts()["event_mentions"]) == (1, 2)


# -- opening, migrations, files ---------------------------------------------------------------------


def test_reopening_a_file_keeps_data_and_applies_no_migration_twice(tmp_path: Path) -> None:
    path = tmp_path / "chronique.db"
    with Store(path) as first:
        assert first.applied_migrations == [migration.__name__ for migration in MIGRATIONS]
        first.save([doc_a()])
    with Store(path) as again:
        assert again.applied_migrations == []
        rows = sql(again, "SELECT name, COUNT(*) FROM schema_migrations GROUP BY name ORDER BY MIN(rowid)")
        assert rows == [(migration.__name__, 1) for migration in MIGRATIONS]
        assert again.counts()["documents"] == 1
        assert again.save([doc_a(), doc_b()])[0].status == "duplicate"


def test_a_file_store_uses_wal_and_foreign_keys(on_disk: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sql(on_disk, "PRAGMA journal_mode") == [("wal",)]
    synchronous = []

    def insert_a_dangling_mention(conn: sqlite3.Connection, annotations: Annotations, at: str) -> None:
        synchronous.append(conn.execute("PRAGMA synchronous").fetchone()[0])
        conn.execute("""INSERT INTO mentions (doc_id, entity_id, start, "end") VALUES ('nowhere', 'nobody', 0, 1)""")

    monkeypatch.setattr(writer, "insert_annotations", insert_a_dangling_mention)
    [outcome] = on_disk.save([doc_a()])
    assert outcome.status == "rejected" and "FOREIGN KEY" in (outcome.reason or "")
    assert synchronous == [1, 1]  # NORMAL (the batch, then the document under its savepoint)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store(path)


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE birds (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="not a chronique store"):
        Store(path)


def test_a_schema_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chronique.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('m999_from_the_future', '2030-01-01')")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        Store(path)


# -- reading ---------------------------------------------------------------------------------------


def _summary(entries: list) -> list[tuple[str, str | None, tuple[str, ...], tuple[str, ...]]]:
    return [(e.type, e.date_value, e.sources, e.targets) for e in entries]


def test_timeline_is_oldest_first_with_exported_dated_events(filled: Store) -> None:
    assert _summary(filled.timeline()) == [
        ("ORDER", "2018", ("Elon Musk",), ("Tesla",)),
        ("BID", "2025-02", ("Elon Musk",), ("OpenAI",)),
        ("REJECT", "2025-02", ("Sam Altman",), ("Elon Musk",)),
    ]


def test_timeline_of_one_actor(filled: Store) -> None:
    assert [e.type for e in filled.timeline([OPENAI])] == ["BID"]
    assert [e.type for e in filled.timeline([MUSK])] == ["ORDER", "BID", "REJECT"]
    assert filled.timeline(["ent_unknown"]) == []


def test_timeline_of_two_actors(filled: Store) -> None:
    assert _summary(filled.timeline([MUSK, ALTMAN])) == [("REJECT", "2025-02", ("Sam Altman",), ("Elon Musk",))]
    assert [e.type for e in filled.timeline([ALTMAN, MUSK], include_unexported=True)] == ["REJECT", "SUE"]
    assert [e.type for e in filled.timeline([MUSK, ALTMAN], dated_only=False)] == ["REJECT", "ACCUSE"]
    assert [e.type for e in filled.timeline([MUSK, TESLA, OPENAI])] == []


def test_timeline_of_an_actor_known_only_from_an_unexported_event(store: Store) -> None:
    text = "Orsay pourrait poursuivre Vanel en mars 2025."
    store.save([Annotations(
        document=Document("h", text, date(2025, 2, 1), "fr", None, None, None, "h.jsonl"),
        entities=[Entity("o", "Orsay", "ORG", None, (), (span(text, "Orsay"),)),
                  Entity("v", "Vanel", "ORG", None, (), (span(text, "Vanel"),))],
        events=[event(text, "SUE", ("o",), ("v",), text[:-1], "poursuivre", date="2025-03",
                      date_start="2025-03-01", date_end="2025-03-31", modality="hypothetical")],
        sentences=sentences(text),
    )])
    orsay = store.find_entity("Orsay").id
    assert store.timeline([orsay]) == []
    assert [(e.type, e.modality) for e in store.timeline([orsay], include_unexported=True)] == [("SUE", "hypothetical")]


def test_timeline_mentions_carry_evidence_and_sentence(filled: Store) -> None:
    [order] = filled.timeline([TESLA])
    [mention] = order.mentions
    assert (mention.doc_id, mention.doc_date, mention.trigger) == ("b", date(2025, 11, 2), "commandé")
    assert mention.evidence == "Musk avait commandé une Tesla Roadster en 2018"
    assert mention.sentence == "Musk avait commandé une Tesla Roadster en 2018."  # from the sentences table
    [bid] = filled.timeline([OPENAI])
    assert bid.mentions[0].sentence == TEXT_A[: TEXT_A.index(".") + 1]  # from the event's own sentence span
    assert (bid.source_ids, bid.target_ids) == ((MUSK,), (OPENAI,))


def test_find_entity_by_id_name_or_alias(filled: Store) -> None:
    for query in (MUSK, "Elon Musk", "musk", "LE MILLIARDAIRE", "milliardaire"):
        assert filled.find_entity(query).id == MUSK  # type: ignore[union-attr]
    assert filled.find_entity("l’openai").id == OPENAI  # type: ignore[union-attr]
    assert filled.find_entity("Altman").id == ALTMAN  # type: ignore[union-attr]
    assert filled.find_entity("Zuckerberg") is None


def test_entities_are_most_mentioned_first(filled: Store) -> None:
    assert [(e.name, e.mention_count) for e in filled.entities()] == [
        ("Elon Musk", 6), ("OpenAI", 2), ("Sam Altman", 2), ("Tesla", 1),
    ]


def test_quotes_by_speaker_and_about(filled: Store) -> None:
    [quote] = filled.quotes(by=ALTMAN)
    assert (quote.text, quote.speaker_name, quote.cue, quote.about) == ("non merci", "Sam Altman", "a répondu", MUSK)
    assert (quote.doc_id, quote.doc_date) == ("a", date(2025, 2, 11))
    assert TEXT_A[quote.start:quote.end] == "non merci"
    assert filled.quotes(about=MUSK) == [quote]
    assert filled.quotes(by=MUSK) == []
    assert filled.quotes() == [quote]


def test_document_round_trip(filled: Store) -> None:
    assert filled.document("a") == doc_a().document
    assert filled.document("zzz") is None


def _by_span(items: list) -> list:
    return sorted(items, key=lambda item: (item.start, item.end))


def test_annotations_round_trip_with_global_keys(filled: Store) -> None:
    original, rebuilt = doc_a(), filled.annotations("a")
    assert rebuilt is not None
    keys = {"musk": MUSK, "oai": OPENAI, "sam": ALTMAN}
    assert rebuilt.document == original.document
    assert rebuilt.timexes == original.timexes and rebuilt.money == original.money
    assert rebuilt.quotes == [dataclasses.replace(q, speaker=keys["sam"], about=MUSK) for q in original.quotes]
    assert rebuilt.events == _by_span([
        dataclasses.replace(e, sources=tuple(keys[k] for k in e.sources),
                            targets=tuple(keys[k] for k in e.targets))
        for e in original.events
    ])
    assert rebuilt.relations == [dataclasses.replace(original.relations[0], source=ALTMAN, target=OPENAI)]
    assert rebuilt.sentences == original.sentences
    assert [(e.key, e.name, e.mentions) for e in rebuilt.entities] == [
        (MUSK, "Elon Musk", original.entities[0].mentions),
        (OPENAI, "OpenAI", original.entities[1].mentions),
        (ALTMAN, "Sam Altman", original.entities[2].mentions),
    ]


def test_rebuilt_annotations_hold_only_the_document_s_own_facts(filled: Store) -> None:
    rebuilt = filled.annotations("b")
    assert rebuilt is not None
    assert [(e.type, e.trigger, e.modality) for e in rebuilt.events] == [
        ("ORDER", "commandé", "asserted"), ("BID", "offert", "asserted"),
        ("SUE", "poursuivre", "hypothetical"), ("ACCUSE", "accuse", "asserted"),
    ]
    assert {e.key for e in rebuilt.entities} == {MUSK, TESLA, OPENAI, ALTMAN}
    musk = next(e for e in rebuilt.entities if e.key == MUSK)
    assert musk.aliases == ("Musk", "le milliardaire")  # the global aliases
    assert musk.mentions == tuple((i, i + 4) for i in range(len(TEXT_B)) if TEXT_B.startswith("Musk", i))
    assert filled.annotations("zzz") is None
    assert [a.document.id for a in filled.iter_annotations()] == ["a", "b"]


def test_user_strings_are_parameters_not_sql(filled: Store) -> None:
    assert filled.find_entity("'; DROP TABLE entities; --") is None
    assert filled.timeline(["x') OR 1=1 --"]) == []
    assert filled.quotes(by="' OR '1'='1") == []
    assert filled.counts()["entities"] == 4


def test_the_store_never_imports_spacy() -> None:
    code = "import sys, chronique.store, chronique.identity.entities; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
