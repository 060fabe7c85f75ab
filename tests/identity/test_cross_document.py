"""One entity per real actor across documents: identity keys, surnames, homonyms, stable ids.

The fast tests store hand-built annotations of six short articles (the same stories as the
articles in ``tests/data/cross_doc/``), so they check resolution alone, whatever the NER model
does. The slow tests run the real pipeline on those articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from chronique.identity.entities import new_entity_id
from chronique.model import Annotations, Document, Entity, Event, Quote, Relation
from chronique.store import Store
from tests.builders import sql
from tests.conftest import ROOT

CROSS_DOC = ROOT / "tests" / "data" / "cross_doc"

NEXARIA = new_entity_id("ORG", "Nexaria")
CLAIRE = new_entity_id("PERSON", "Claire Vasseur")
CFO = new_entity_id("PERSON", "Thomas Martin")  # the finance director, first stored
MAYOR = new_entity_id("PERSON", "Thomas Martin", "d3")
RUNNER = new_entity_id("PERSON", "Thomas Martin", "d6")


# -- building annotations by hand ---------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    key: str
    name: str
    type: str
    surfaces: tuple[str, ...]  # the texts of its mentions; every occurrence is a mention
    kb_id: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass
class Article:
    doc_id: str
    day: date
    text: str
    actors: list[Actor]
    relations: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # type, source, target, title, evidence
    events: list[tuple[str, str, str, str, str, str | None]] = field(default_factory=list)  # type, source, target, evidence, trigger, date
    quotes: list[tuple[str, str]] = field(default_factory=list)  # quoted text, speaker key


def _spans(text: str, actors: Sequence[Actor]) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of every surface, longest surfaces first, never overlapping."""
    claimed: list[tuple[int, int]] = []
    spans: dict[str, list[tuple[int, int]]] = {a.key: [] for a in actors}
    surfaces = sorted(((s, a.key) for a in actors for s in a.surfaces), key=lambda item: -len(item[0]))
    for surface, key in surfaces:
        for match in re.finditer(re.escape(surface), text):
            span = match.span()
            if all(span[1] <= start or span[0] >= end for start, end in claimed):
                claimed.append(span)
                spans[key].append(span)
    return {key: sorted(found) for key, found in spans.items()}


def _date_fields(value: str | None) -> dict[str, str | None]:
    if value is None:
        return {}
    if len(value) == 7:
        last = 30 if value.endswith(("04", "06", "09", "11")) else 31
        return {"date": value, "date_start": f"{value}-01", "date_end": f"{value}-{last}"}
    return {"date": value, "date_start": value, "date_end": value}


def annotate(article: Article) -> Annotations:
    text = article.text
    spans = _spans(text, article.actors)
    entities = [Entity(a.key, a.name, a.type, a.kb_id, a.aliases, tuple(spans[a.key])) for a in article.actors]
    relations = []
    for type_, source, target, title, evidence in article.relations:
        start = text.index(evidence)
        relations.append(Relation(type_, source, target, start, start + len(evidence), title))
    events = []
    for type_, source, target, evidence, trigger, when in article.events:
        start = text.index(evidence)
        trigger_start = text.index(trigger, start)
        events.append(Event(type_, (source,), (target,), start, start + len(evidence), trigger, trigger_start,
                            trigger_start + len(trigger), **_date_fields(when)))  # type: ignore[arg-type]
    quotes = []
    for quoted, speaker in article.quotes:
        start = text.index(quoted)
        quotes.append(Quote(start, start + len(quoted), quoted, speaker, "a déclaré"))
    document = Document(article.doc_id, text, article.day, "fr", origin=f"{article.doc_id}.txt")
    return Annotations(document, entities, [], [], quotes, events, relations)


MUSK = Actor("elon-musk", "Elon Musk", "PERSON", ("Elon Musk", "Musk", "patron de Tesla"), "elon-musk",
             ("Musk", "patron de Tesla"))
NADELLA = Actor("satya-nadella", "Satya Nadella", "PERSON", ("Satya Nadella", "PDG de Microsoft"),
                "satya-nadella", ("PDG de Microsoft",))
MICROSOFT = Actor("microsoft", "Microsoft", "ORG", ("Microsoft",), "microsoft")
TESLA = Actor("tesla", "Tesla", "ORG", ("Tesla",), "tesla")


def articles() -> list[Article]:
    """Six articles, in publication order: the stories of tests/data/cross_doc/."""
    return [
        Article("d1", date(2025, 3, 10),
                "La start-up Nexaria lève 40 millions d'euros auprès de Microsoft. Claire Vasseur, "
                "directrice générale de Nexaria, y voit un tournant. Thomas Martin, directeur financier "
                "de Nexaria, va recruter. Le PDG de Microsoft, Satya Nadella, a salué « une équipe "
                "remarquable ».",
                [Actor("n", "Nexaria", "ORG", ("Nexaria",)), MICROSOFT,
                 Actor("cv", "Claire Vasseur", "PERSON", ("Claire Vasseur",)),
                 Actor("tm", "Thomas Martin", "PERSON", ("Thomas Martin",)), NADELLA],
                relations=[("ROLE", "cv", "n", "ceo", "Claire Vasseur, directrice générale de Nexaria"),
                           ("ROLE", "tm", "n", "executive", "Thomas Martin, directeur financier de Nexaria"),
                           ("ROLE", "satya-nadella", "microsoft", "ceo", "Le PDG de Microsoft, Satya Nadella")],
                events=[("INVEST", "microsoft", "n", "Nexaria lève 40 millions d'euros auprès de Microsoft",
                         "lève", "2025-03")],
                quotes=[("une équipe remarquable", "satya-nadella")]),
        Article("d2", date(2025, 4, 14),
                "Elon Musk accuse la start-up Nexaria de copier le logiciel de Tesla. Le patron de Tesla "
                "menace Nexaria SAS. Mme Vasseur a répondu : « sans fondement ».",
                [MUSK, Actor("n", "Nexaria", "ORG", ("Nexaria",)), Actor("ns", "Nexaria SAS", "ORG", ("Nexaria SAS",)),
                 TESLA, Actor("v", "Mme Vasseur", "PERSON", ("Mme Vasseur",))],
                events=[("ACCUSE", "elon-musk", "n", "Elon Musk accuse la start-up Nexaria", "accuse", None)],
                quotes=[("sans fondement", "v")]),
        Article("d3", date(2025, 5, 20),
                "Thomas Martin, maire de Quimper, a inauguré la médiathèque de Quimper. « Ce lieu "
                "appartient à tous », a déclaré Thomas Martin.",
                [Actor("tm", "Thomas Martin", "PERSON", ("Thomas Martin",)), Actor("q", "Quimper", "LOC", ("Quimper",))],
                quotes=[("Ce lieu appartient à tous", "tm")]),
        Article("d4", date(2025, 6, 3),
                "Microsoft et Nexaria SAS ont signé un partenariat. Mme Vasseur a annoncé des embauches. "
                "Le directeur financier de Nexaria, Thomas Martin, suivra le projet. Satya Nadella a "
                "salué l'accord.",
                [MICROSOFT, Actor("ns", "Nexaria SAS", "ORG", ("Nexaria SAS", "Nexaria")),
                 Actor("v", "Vasseur", "PERSON", ("Mme Vasseur",)),
                 Actor("tm", "Thomas Martin", "PERSON", ("Thomas Martin",)), NADELLA],
                relations=[("ROLE", "tm", "ns", "executive", "Le directeur financier de Nexaria, Thomas Martin")],
                events=[("PARTNER", "microsoft", "ns", "Microsoft et Nexaria SAS ont signé un partenariat",
                         "signé", "2025-06")]),
        Article("d5", date(2025, 7, 8),
                "Elon Musk a proposé à Satya Nadella une alliance. Le PDG de Microsoft a refusé. Musk "
                "veut désormais recruter chez Nexaria.",
                [MUSK, NADELLA, Actor("n", "Nexaria", "ORG", ("Nexaria",))],
                events=[("REJECT", "satya-nadella", "elon-musk", "Le PDG de Microsoft a refusé", "refusé", None)]),
        Article("d6", date(2025, 9, 12),
                "Thomas Martin a terminé le marathon. « Je suis très fier », a déclaré Thomas Martin.",
                [Actor("tm", "Thomas Martin", "PERSON", ("Thomas Martin",))],
                quotes=[("Je suis très fier", "tm")]),
    ]


def stored(order: Sequence[Article], path: str | Path = ":memory:") -> Store:
    """A store holding these articles, saved one by one in this order (in a file if ``path``)."""
    store = Store(path)
    for article in order:
        store.save([annotate(article)])
    return store


def groups(store: Store) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """entity id → (name, type, documents that mention it)."""
    result = {}
    for row in store.entities():
        docs = tuple(sorted(d.doc_id for d in store.entity_details(row.id).documents))
        result[row.id] = (row.name, row.type, docs)
    return result


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Store]:
    with stored(articles(), tmp_path / "corpus.db") as store:
        yield store


# -- one entity per actor ------------------------------------------------------------------------------


def test_every_actor_is_one_entity_with_its_documents(corpus: Store) -> None:
    assert groups(corpus) == {
        "elon-musk": ("Elon Musk", "PERSON", ("d2", "d5")),
        "satya-nadella": ("Satya Nadella", "PERSON", ("d1", "d4", "d5")),
        "microsoft": ("Microsoft", "ORG", ("d1", "d4")),
        "tesla": ("Tesla", "ORG", ("d2",)),
        NEXARIA: ("Nexaria", "ORG", ("d1", "d2", "d4", "d5")),
        CLAIRE: ("Claire Vasseur", "PERSON", ("d1", "d2", "d4")),
        CFO: ("Thomas Martin", "PERSON", ("d1", "d4")),
        MAYOR: ("Thomas Martin", "PERSON", ("d3",)),
        RUNNER: ("Thomas Martin", "PERSON", ("d6",)),
        new_entity_id("LOC", "Quimper"): ("Quimper", "LOC", ("d3",)),
    }


@pytest.mark.parametrize(
    ("entity_id", "kb_id", "aliases"),
    [
        ("elon-musk", "elon-musk", ("Musk", "patron de Tesla")),
        ("satya-nadella", "satya-nadella", ("PDG de Microsoft",)),
        (NEXARIA, None, ("Nexaria SAS",)),
        (CLAIRE, None, ("Mme Vasseur", "Vasseur")),
        (CFO, None, ()),
    ],
)
def test_aliases_accumulate_and_kb_ids_are_kept(corpus: Store, entity_id: str, kb_id: str | None,
                                                aliases: tuple[str, ...]) -> None:
    [row] = [row for row in corpus.entities() if row.id == entity_id]
    assert (row.kb_id, row.aliases) == (kb_id, aliases)


def test_facts_hang_on_the_global_entities(corpus: Store) -> None:
    speakers = {(q.text, q.speaker_id) for q in corpus.quotes()}
    assert speakers == {
        ("une équipe remarquable", "satya-nadella"), ("sans fondement", CLAIRE),
        ("Ce lieu appartient à tous", MAYOR), ("Je suis très fier", RUNNER),
    }
    roles = sql(corpus, "SELECT source, target, COUNT(*) FROM relations r JOIN relation_evidence e"
                        " ON e.relation_id = r.id GROUP BY r.id ORDER BY source, target")
    assert sorted(roles) == sorted([(CLAIRE, NEXARIA, 1), (CFO, NEXARIA, 2), ("satya-nadella", "microsoft", 1)])


def test_reingesting_in_another_order_gives_the_same_ids() -> None:
    """The bare "Thomas Martin" of d6 is left out: an ambiguous name depends on what is stored
    when it arrives (docs/entities.md)."""
    forward = groups(stored(articles()[:5]))
    for order in (articles()[4::-1], [articles()[i] for i in (3, 1, 4, 0, 2)]):
        assert groups(stored(order)) == forward
    assert forward[CLAIRE] == ("Claire Vasseur", "PERSON", ("d1", "d2", "d4"))


def test_a_surname_stored_first_is_absorbed_by_the_full_name() -> None:
    first, later = articles()[1], articles()[0]
    with stored([first]) as store:
        alone = new_entity_id("PERSON", "Vasseur")
        assert [(r.id, r.name) for r in store.entities("PERSON") if "Vasseur" in r.name] == [(alone, "Mme Vasseur")]
        store.save([annotate(later)])
        [vasseur] = [r for r in store.entities("PERSON") if "Vasseur" in r.name]
        assert (vasseur.id, vasseur.name, vasseur.aliases) == (CLAIRE, "Claire Vasseur", ("Mme Vasseur",))
        assert {q.speaker_id for q in store.quotes() if q.text == "sans fondement"} == {CLAIRE}


# -- homonyms -------------------------------------------------------------------------------------------


def test_a_bare_name_joins_the_only_namesake_stored() -> None:
    with stored([articles()[0], articles()[5]]) as store:
        assert groups(store)[CFO] == ("Thomas Martin", "PERSON", ("d1", "d6"))


def test_a_bare_name_between_two_namesakes_stays_apart(corpus: Store) -> None:
    martins = {entity_id for entity_id, (name, _, _) in groups(corpus).items() if name == "Thomas Martin"}
    assert martins == {CFO, MAYOR, RUNNER}


def test_the_same_name_with_another_type_is_another_actor() -> None:
    person = Article("p", date(2025, 1, 2), "Jordan a marqué trois buts.",
                     [Actor("j", "Jordan", "PERSON", ("Jordan",))])
    country = Article("c", date(2025, 1, 3), "La Jordanie, ou Jordan, a signé un accord.",
                      [Actor("j", "Jordan", "LOC", ("Jordan",))])
    with stored([person, country]) as store:
        assert {(r.id, r.type) for r in store.entities()} == {
            (new_entity_id("PERSON", "Jordan"), "PERSON"), (new_entity_id("LOC", "Jordan"), "LOC")}


def test_namesakes_with_roles_in_different_organisations_stay_apart() -> None:
    text_a = "Thomas Martin, directeur financier de Nexaria, recrute. Microsoft investit dans Nexaria."
    text_b = "Thomas Martin, président de Kelvia, rencontre Microsoft."
    a = Article("a", date(2025, 1, 2), text_a,
                [Actor("tm", "Thomas Martin", "PERSON", ("Thomas Martin",)), Actor("n", "Nexaria", "ORG", ("Nexaria",)),
                 MICROSOFT],
                relations=[("ROLE", "tm", "n", "executive", "Thomas Martin, directeur financier de Nexaria")])
    b = Article("b", date(2025, 1, 3), text_b,
                [Actor("tm", "Thomas Martin", "PERSON", ("Thomas Martin",)), Actor("k", "Kelvia", "ORG", ("Kelvia",)),
                 MICROSOFT],
                relations=[("ROLE", "tm", "k", "chair", "Thomas Martin, président de Kelvia")])
    with stored([a, b]) as store:  # Microsoft is named beside both: the roles still tell them apart
        assert sorted(r.id for r in store.entities("PERSON")) == sorted([
            new_entity_id("PERSON", "Thomas Martin"), new_entity_id("PERSON", "Thomas Martin", "b")])


def test_an_organisation_named_in_unrelated_stories_stays_one() -> None:
    a = Article("a", date(2025, 1, 2), "Nexaria ouvre un bureau à Lyon.",
                [Actor("n", "Nexaria", "ORG", ("Nexaria",)), Actor("l", "Lyon", "LOC", ("Lyon",))])
    b = Article("b", date(2025, 1, 3), "Tesla achète des puces à Nexaria.",
                [Actor("n", "Nexaria", "ORG", ("Nexaria",)), TESLA])
    with stored([a, b]) as store:
        assert groups(store)[NEXARIA] == ("Nexaria", "ORG", ("a", "b"))


# -- the real pipeline on the articles -------------------------------------------------------------------


def _ingest(paths: Sequence[Path]) -> Store:
    from chronique import ingest_paths

    store = Store()
    for path in paths:
        ingest_paths([str(path)], store)
    return store


def _by_origin(store: Store) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """entity id → (name, type, article file names that mention it)."""
    result = {}
    for row in store.entities():
        files = tuple(sorted({Path(store.document(d.doc_id).origin).name[:10]  # type: ignore[union-attr, arg-type]
                              for d in store.entity_details(row.id).documents}))
        result[row.id] = (row.name, row.type, files)
    return result


@pytest.fixture(scope="module")
def article_paths() -> list[Path]:
    return sorted(CROSS_DOC.glob("*.txt"))


@pytest.mark.slow
def test_the_articles_give_one_entity_per_actor(article_paths: list[Path]) -> None:
    with _ingest(article_paths) as store:
        found = _by_origin(store)
        rows = {row.id: row for row in store.entities()}
    assert found["elon-musk"][2] == ("2025-04-14", "2025-07-08")
    assert found["satya-nadella"][2] == ("2025-03-10", "2025-06-03", "2025-07-08")
    assert "Nadella" in rows["satya-nadella"].aliases and "Musk" in rows["elon-musk"].aliases
    assert found[CLAIRE] == ("Claire Vasseur", "PERSON", ("2025-03-10", "2025-04-14", "2025-06-03"))
    assert "Vasseur" in rows[CLAIRE].aliases
    assert found[NEXARIA] == ("Nexaria", "ORG", ("2025-03-10", "2025-04-14", "2025-06-03", "2025-07-08"))
    assert "Nexaria SAS" in rows[NEXARIA].aliases
    martins = sorted(files for name, _, files in found.values() if name == "Thomas Martin")
    assert martins == [("2025-03-10", "2025-06-03"), ("2025-05-20",), ("2025-09-12",)]


@pytest.mark.slow
def test_the_articles_in_reverse_order_give_the_same_ids(article_paths: list[Path]) -> None:
    without_bare = [p for p in article_paths if "marathon" not in p.name]
    with _ingest(without_bare) as forward, _ingest(without_bare[::-1]) as backward:
        assert _by_origin(backward) == _by_origin(forward)
