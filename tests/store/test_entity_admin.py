"""Correcting identity: ``entities merge``, ``entities split``, ``entities show``.

Stores are built from hand-made annotations (``tests/identity/test_cross_document.py``): six articles
naming Elon Musk, Satya Nadella, Claire Vasseur, Nexaria and three Thomas Martins.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronique.cli.entity_commands  # noqa: F401  (registers 'entities' on the app)
from chronique.cli import app, main
from chronique.errors import EntityError, NotFoundError, StoreError, UnknownActor
from chronique.identity.entities import new_entity_id
from chronique.store import Store
from chronique.store.migrations import MIGRATIONS, apply_migrations
from tests.builders import sql
from tests.identity.test_cross_document import (
    CFO,
    CLAIRE,
    MAYOR,
    NEXARIA,
    RUNNER,
    Actor,
    Article,
    annotate,
    articles,
    stored,
)

runner = CliRunner()


def snapshot(store: Store) -> dict[str, object]:
    """Everything a merge or a split may change, in a comparable form."""
    def rows(query: str) -> list[tuple]:
        return sorted(sql(store, query), key=repr)

    return {
        "counts": store.counts(),
        "entities": rows("SELECT id, name, type, kb_id, key_name, surname FROM entities"),
        "aliases": rows("SELECT entity_id, alias, key_norm FROM aliases"),
        "mentions": rows('SELECT doc_id, entity_id, start, "end" FROM mentions'),
        "quotes": rows("SELECT id, speaker, about FROM quotes"),
        "events": rows("SELECT * FROM events"),
        "event_actors": rows("SELECT * FROM event_actors"),
        "event_mentions": rows("SELECT id, event_id FROM event_mentions"),
        "relations": rows("SELECT * FROM relations"),
        "evidence": rows('SELECT relation_id, doc_id, start, "end" FROM relation_evidence'),
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Store]:
    with stored(articles(), tmp_path / "corpus.db") as store:
        yield store


def dupont_articles() -> list[Article]:
    """One takeover told twice; the second article misspells the buyer's name."""
    kelvia = Actor("k", "Kelvia", "ORG", ("Kelvia",))
    return [
        Article("x", date(2025, 3, 20), "Marc Dupont a racheté Kelvia en mars 2025.",
                [Actor("d", "Marc Dupont", "PERSON", ("Marc Dupont",)), kelvia],
                events=[("ACQUIRE", "d", "k", "Marc Dupont a racheté Kelvia", "racheté", "2025-03")]),
        Article("y", date(2025, 3, 21), "Marc Dupond a racheté Kelvia le 12 mars 2025.",
                [Actor("d", "Marc Dupond", "PERSON", ("Marc Dupond",)), kelvia],
                events=[("ACQUIRE", "d", "k", "Marc Dupond a racheté Kelvia", "racheté", "2025-03-12")]),
    ]


DUPONT, DUPOND = new_entity_id("PERSON", "Marc Dupont"), new_entity_id("PERSON", "Marc Dupond")


# -- merge ----------------------------------------------------------------------------------------------


def test_merge_moves_everything_and_records_it(corpus: Store) -> None:
    report = corpus.merge_entities(CFO, MAYOR)
    assert (report.kept.id, report.absorbed.id, report.counts.mentions, report.counts.documents,
            report.counts.quotes) == (CFO, MAYOR, 2, 1, 1)
    assert report.undo == ("--doc", "d3")
    assert MAYOR not in {row.id for row in corpus.entities()}
    assert [d.doc_id for d in corpus.entity_details(CFO).documents] == ["d1", "d3", "d4"]
    assert {q.speaker_id for q in corpus.quotes() if q.text == "Ce lieu appartient à tous"} == {CFO}
    assert sql(corpus, "SELECT new_id FROM entity_redirects WHERE old_id = ?", (MAYOR,)) == [(CFO,)]
    assert sql(corpus, "SELECT kept, absorbed, undone_at FROM entity_merges") == [(CFO, MAYOR, None)]


def test_merge_folds_events_that_now_tell_the_same_happening() -> None:
    with stored(dupont_articles()) as store:
        assert [(e.date_value, e.source_ids) for e in store.timeline()] == [
            ("2025-03", (DUPONT,)), ("2025-03-12", (DUPOND,))]
        report = store.merge_entities("Marc Dupont", "Marc Dupond")
        assert (report.counts.events_before, report.counts.events_after) == (2, 1)
        [event] = store.timeline()
        assert (event.date_value, event.source_ids, len(event.mentions)) == ("2025-03-12", (DUPONT,), 2)
        assert report.aliases_added == ("Marc Dupond",)


def test_a_merged_name_resolves_to_the_kept_entity_in_later_ingests() -> None:
    first, second = dupont_articles()
    with stored([first, second]) as store:
        store.merge_entities(DUPONT, DUPOND)
        again = Article("z", date(2025, 4, 1), "Marc Dupond vend Kelvia.",
                        [Actor("d", "Marc Dupond", "PERSON", ("Marc Dupond",)), Actor("k", "Kelvia", "ORG", ("Kelvia",))])
        store.save([annotate(again)])
        assert [(r.id, r.document_count) for r in store.entities("PERSON")] == [(DUPONT, 3)]


def test_a_merge_across_types_redirects_later_ingests_of_the_old_id() -> None:
    typo = Article("t", date(2025, 5, 2), "Nexaria recrute.", [Actor("n", "Nexaria", "PERSON", ("Nexaria",))])
    with stored([articles()[0], typo]) as store:
        mistyped = new_entity_id("PERSON", "Nexaria")
        with pytest.raises(EntityError, match="is a ORG and Nexaria a PERSON; pass --force"):
            store.merge_entities(NEXARIA, mistyped)
        store.merge_entities(NEXARIA, mistyped, force=True)
        store.save([annotate(Article("u", date(2025, 5, 3), "Nexaria embauche.",
                                     [Actor("n", "Nexaria", "PERSON", ("Nexaria",))]))])
        assert [(r.id, r.type, r.document_count) for r in store.entities() if "Nexaria" in r.name] == [
            (NEXARIA, "ORG", 3)]


def test_the_kept_entity_takes_the_kb_id_it_lacked(corpus: Store) -> None:
    report = corpus.merge_entities(RUNNER, "elon-musk")
    assert report.kb_id_taken == "elon-musk"
    corpus.save([annotate(Article("m", date(2025, 10, 1), "Elon Musk court.", [
        Actor("elon-musk", "Elon Musk", "PERSON", ("Elon Musk",), "elon-musk")]))])
    [runner_row] = [r for r in corpus.entities() if r.id == RUNNER]
    assert (runner_row.kb_id, runner_row.document_count) == ("elon-musk", 4)


@pytest.mark.parametrize(
    ("keep", "absorb", "message"),
    [
        (CFO, CFO, "cannot merge .* into itself"),
        ("Thomas Martin", "Claire Vasseur", "'Thomas Martin' names several entities: .*; give the id"),
        ("elon-musk", "satya-nadella", "two different knowledge-base actors .*pass --force"),
        ("Nexaria", "Claire Vasseur", "Nexaria is a ORG and Claire Vasseur a PERSON"),
    ],
)
def test_merge_refuses_nonsense_and_changes_nothing(corpus: Store, keep: str, absorb: str, message: str) -> None:
    before = snapshot(corpus)
    with pytest.raises(EntityError, match=message):
        corpus.merge_entities(keep, absorb)
    assert snapshot(corpus) == before


# -- merge then split round-trips ----------------------------------------------------------------------


def test_merge_then_split_by_documents_round_trips(corpus: Store) -> None:
    before = snapshot(corpus)
    report = corpus.merge_entities(CFO, MAYOR)
    split = corpus.split_entity(CFO, documents=report.undo[1::2])
    assert (split.target.id, split.restored) == (MAYOR, True)
    assert snapshot(corpus) == before


def test_merge_then_split_restores_folded_events_with_their_ids_and_dates(tmp_path: Path) -> None:
    with stored(dupont_articles(), tmp_path / "dupont.db") as store:
        before = snapshot(store)
        store.merge_entities(DUPONT, DUPOND)
        store.split_entity(DUPONT, documents=["y"])
        assert snapshot(store) == before


def test_merging_two_actors_of_the_same_articles_round_trips_by_aliases(corpus: Store) -> None:
    before = snapshot(corpus)
    report = corpus.merge_entities("satya-nadella", "elon-musk", force=True)
    assert report.undo == ("--alias", "Elon Musk", "--alias", "Musk", "--alias", "patron de Tesla")
    assert report.counts.events_before == 2  # the REJECT between them and Musk's ACCUSE
    split = corpus.split_entity("satya-nadella", aliases=report.undo[1::2])
    assert (split.target.id, split.restored, split.target.kb_id) == ("elon-musk", True, "elon-musk")
    after = snapshot(corpus)
    assert after == before
    assert sql(corpus, "SELECT undone_at IS NOT NULL FROM entity_merges") == [(1,)]


def test_a_surname_merged_into_a_full_name_round_trips_by_alias(tmp_path: Path) -> None:
    vasseur = Article("v", date(2025, 8, 1), "Mme Vasseur quitte Kelvia.",
                      [Actor("v", "Vasseur", "PERSON", ("Mme Vasseur",)), Actor("k", "Kelvia", "ORG", ("Kelvia",))])
    with stored([articles()[0], vasseur], tmp_path / "vasseur.db") as store:  # no shared actor: kept apart
        alone = new_entity_id("PERSON", "Vasseur")
        assert {r.id for r in store.entities("PERSON")} >= {CLAIRE, alone}
        before = snapshot(store)
        report = store.merge_entities(CLAIRE, alone)
        assert report.undo == ("--doc", "v")
        store.split_entity(CLAIRE, aliases=["Mme Vasseur"])
        assert snapshot(store) == before


# -- split ----------------------------------------------------------------------------------------------


def test_split_by_alias_makes_a_new_entity_and_pins_the_alias(corpus: Store) -> None:
    report = corpus.split_entity("Claire Vasseur", aliases=["Vasseur"], name="Marc Vasseur")
    marc = new_entity_id("PERSON", "Marc Vasseur")
    assert (report.target.id, report.restored, report.counts.mentions, report.counts.documents) == (marc, False, 2, 2)
    assert report.pinned == "vasseur"
    assert {q.speaker_id for q in corpus.quotes() if q.text == "sans fondement"} == {marc}
    claire = corpus.entity_details(CLAIRE)
    assert (claire.aliases, [d.doc_id for d in claire.documents]) == ((), ["d1"])
    corpus.save([annotate(Article("later", date(2025, 12, 1), "Mme Vasseur a démissionné de Nexaria.",
                                  [Actor("v", "Vasseur", "PERSON", ("Mme Vasseur",)),
                                   Actor("n", "Nexaria", "ORG", ("Nexaria",))]))])
    assert [d.doc_id for d in corpus.entity_details(marc).documents] == ["d2", "d4", "later"]


def test_split_by_document_makes_a_homonym_with_the_document_s_facts(corpus: Store) -> None:
    report = corpus.split_entity(CFO, documents=["d4"])
    homonym = new_entity_id("PERSON", "Thomas Martin", "d4")
    assert (report.target.id, report.target.name, report.restored, report.pinned) == (
        homonym, "Thomas Martin", False, None)
    ends = sql(corpus, "SELECT r.source, e.doc_id FROM relations r JOIN relation_evidence e ON e.relation_id = r.id"
                       " WHERE r.target = ? ORDER BY e.doc_id", (NEXARIA,))
    assert ends == [(CLAIRE, "d1"), (CFO, "d1"), (homonym, "d4")]


def test_merging_or_splitting_an_unknown_name_is_not_found_not_a_store_failure(corpus: Store) -> None:
    before = snapshot(corpus)
    for attempt in (lambda: corpus.merge_entities("Nobody", CFO), lambda: corpus.merge_entities(CFO, "Nobody"),
                    lambda: corpus.split_entity("Nobody", documents=["d1"])):
        with pytest.raises(UnknownActor, match="no actor named 'Nobody'") as raised:
            attempt()
        assert isinstance(raised.value, NotFoundError) and not isinstance(raised.value, StoreError)
    assert snapshot(corpus) == before


@pytest.mark.parametrize(
    ("entity", "options", "message"),
    [
        (CFO, {}, "give --alias NAME or --doc DOC_ID"),
        (CFO, {"aliases": ["x"], "documents": ["d1"]}, "give --alias NAME or --doc DOC_ID"),
        (CLAIRE, {"aliases": ["Claire"]}, "has no alias 'Claire'"),
        (CLAIRE, {"aliases": ["Claire Vasseur"]}, "is the name of Claire Vasseur .*split by --doc"),
        (CFO, {"documents": ["d3"]}, "is not mentioned in document 'd3'"),
        (CFO, {"documents": ["d1", "d4"]}, "would move every mention of Thomas Martin"),
    ],
)
def test_split_refuses_nonsense_and_changes_nothing(corpus: Store, entity: str, options: dict, message: str) -> None:
    before = snapshot(corpus)
    with pytest.raises(EntityError, match=message):
        corpus.split_entity(entity, **options)
    assert snapshot(corpus) == before


def test_show_lists_aliases_documents_and_merges(corpus: Store) -> None:
    corpus.merge_entities(CFO, MAYOR)
    details = corpus.entity_details(CFO)
    assert (details.entity.name, details.entity.kb_id, details.aliases) == ("Thomas Martin", None, ())
    assert [(d.doc_id, d.date, d.mentions) for d in details.documents] == [
        ("d1", "2025-03-10", 1), ("d3", "2025-05-20", 2), ("d4", "2025-06-03", 1)]
    assert [(absorbed, name) for absorbed, name, _ in details.merged_from] == [(MAYOR, "Thomas Martin")]


# -- the schema migration ------------------------------------------------------------------------------


def test_a_store_from_before_the_migration_gets_keys_and_telling_values(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, MIGRATIONS[:2])
    conn.executescript("""
        INSERT INTO documents (id, content_hash, text, ingested_at) VALUES ('d', 'h', 'Mme Vasseur.', 'now');
        INSERT INTO entities (id, name, type, norm_name) VALUES ('ent_v', 'Claire Vasseur', 'PERSON', 'claire vasseur');
        INSERT INTO aliases (entity_id, alias, norm) VALUES ('ent_v', 'Mme Vasseur', 'mme vasseur');
        INSERT INTO events (id, type, actors_key, date_value, modality, score) VALUES ('ev', 'PAY', 'k', '2025', 'asserted', 1.5);
        INSERT INTO event_mentions (event_id, doc_id, start, "end", trigger, trigger_start, trigger_end, modality)
            VALUES ('ev', 'd', 0, 5, 'x', 0, 1, 'asserted');
    """)
    conn.close()
    with Store(path) as store:
        assert store.applied_migrations == [migration.__name__ for migration in MIGRATIONS[2:]]
        assert sql(store, "SELECT key_name, surname FROM entities") == [("claire vasseur", "vasseur")]
        assert sql(store, "SELECT key_norm FROM aliases") == [("vasseur",)]
        assert sql(store, "SELECT date_value, score FROM event_mentions") == [("2025", 1.5)]


# -- the command line -----------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Store(path) as store:
        for article in articles():
            store.save([annotate(article)])
    return path


def test_entities_alone_still_lists_the_actors(db: Path) -> None:
    result = runner.invoke(app, ["entities", "--db", str(db), "--type", "person", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["name"], r["mention_count"]) for r in rows][:2] == [("Satya Nadella", 5), ("Elon Musk", 4)]
    assert {r["type"] for r in rows} == {"PERSON"}


def test_merge_and_split_on_the_command_line(db: Path) -> None:
    merged = runner.invoke(app, ["entities", "--db", str(db), "merge", CFO, MAYOR])  # --db before the sub-command
    assert merged.exit_code == 0, merged.output
    assert f"merged {MAYOR} (Thomas Martin, PERSON) into {CFO} (Thomas Martin, PERSON)" in merged.output
    assert "mentions moved: 2 (in 1 document(s))" in merged.output
    assert f"undo with: chronique entities split {CFO} --doc d3" in merged.output
    split = runner.invoke(app, ["entities", "split", CFO, "--doc", "d3", "--db", str(db)])
    assert split.exit_code == 0, split.output
    assert f"split {CFO} (Thomas Martin) → {MAYOR} (Thomas Martin, PERSON), restored from an earlier merge" in split.output
    shown = runner.invoke(app, ["entities", "show", MAYOR, "--db", str(db), "--json"])
    record = json.loads(shown.output)
    assert [d["doc_id"] for d in record["documents"]] == ["d3"]


def test_a_refused_request_is_one_line_and_status_2(db: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["chronique", "entities", "merge", CFO, CFO, "--db", str(db)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip() == f"error: cannot merge {CFO} (Thomas Martin) into itself"


# -- on a store the real pipeline built ----------------------------------------------------------------


@pytest.mark.slow
def test_merge_then_split_round_trips_on_the_articles(examples_dir: Path, tmp_path: Path) -> None:
    from chronique import ingest_paths
    from tests.identity.test_cross_document import CROSS_DOC

    with Store(tmp_path / "articles.db") as store:
        ingest_paths([str(CROSS_DOC), str(examples_dir)], store)
        before = snapshot(store)
        assert before["counts"]["documents"] == 8  # type: ignore[index]
        martins = [r.id for r in store.entities("PERSON") if r.name == "Thomas Martin"]
        for keep, absorb, force in [(martins[0], martins[1], False), ("sam-altman", "elon-musk", True)]:
            report = store.merge_entities(keep, absorb, force=force)
            assert snapshot(store) != before
            options = report.undo[1::2]
            split = (store.split_entity(keep, documents=options) if report.undo[0] == "--doc"
                     else store.split_entity(keep, aliases=options))
            assert (split.target.id, split.restored) == (absorb, True)
            assert snapshot(store) == before
