"""Titles that name a public office resolve to its holder at the article's date (rule ``title-kb``),
unless the article gives the title to someone itself; bare titles stay article-only."""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.kb import load_knowledge_base
from tests.conftest import component_pipeline, run_dated


@pytest.fixture(scope="module")
def nlp():
    return component_pipeline("chronique_actors")


def holder_of(nlp, text: str, title: str, published: dt.date) -> tuple[str | None, str | None]:
    """(actor key, rule) of the mention whose text ends with ``title`` (determiner in), or (None, None)."""
    doc = run_dated(nlp, text, published)
    for mention in doc._.actor_mentions:
        if mention.rule == "title-kb" and doc.text[mention.start : mention.end].endswith(title):
            return mention.key, mention.rule
    return None, None


def test_office_holders_are_known_by_month():
    kb = load_knowledge_base()
    assert kb.office_holder("uk-prime-minister", "2019-03-14").id == "theresa-may"
    assert kb.office_holder("uk-prime-minister", "2019-11-02").id == "boris-johnson"
    assert kb.office_holder("uk-prime-minister", "2019-07-25") is None  # the month of the hand-over
    assert kb.office_holder("de-chancellor", "2023-06-01").id == "olaf-scholz"
    assert kb.office_holder("fr-president", None) is None
    assert kb.get("theresa-may").gender == "f" and kb.get("theresa-may").type == "PERSON"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        ("Le Premier ministre britannique a défendu son accord devant les députés.",
         "Premier ministre britannique", dt.date(2019, 3, 12), "theresa-may"),
        ("Le Premier ministre britannique a défendu son accord devant les députés.",
         "Premier ministre britannique", dt.date(2019, 10, 20), "boris-johnson"),
        ("Le président de la République inaugurera le nouveau pont samedi.",
         "président de la République", dt.date(2022, 3, 8), "emmanuel-macron"),
        ("Le chancelier allemand a reçu les syndicats de la sidérurgie.",
         "chancelier allemand", dt.date(2023, 4, 2), "olaf-scholz"),
        ("Les agriculteurs attendent une réponse du président américain sur les droits de douane.",
         "président américain", dt.date(2010, 6, 1), "barack-obama"),
        ("Le locataire de la Maison-Blanche a signé le décret mardi.",
         "locataire de la Maison-Blanche", dt.date(2005, 2, 9), "george-w-bush"),
        ("Le président du Conseil européen a convoqué un sommet extraordinaire.",
         "président du Conseil européen", dt.date(2016, 2, 3), "donald-tusk"),
        ("Le Premier ministre japonais visitera la région sinistrée.",
         "Premier ministre japonais", dt.date(2016, 4, 20), "shinzo-abe"),
    ],
)
def test_a_complete_office_title_resolves_to_its_holder_at_the_date(nlp, text, title, published, expected):
    assert holder_of(nlp, text, title, published) == (expected, "title-kb")


@pytest.mark.slow
def test_a_title_the_article_gives_keeps_the_articles_holder(nlp):
    text = ("Le chancelier allemand Hugo Brenner a promis des aides aux éleveurs. "
            "Le chancelier allemand a ensuite quitté la salle.")
    doc = run_dated(nlp, text, dt.date(2023, 4, 2))
    keys = {m.key for m in doc._.actor_mentions if m.rule == "title-kb"}
    assert keys == set()
    assert "olaf-scholz" not in {m.key for m in doc._.actor_mentions}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Le président a ouvert la séance du conseil municipal.",  # no office named
        "Le chef de l'État a ouvert la séance.",  # no country
        "L'ancien président américain a publié ses mémoires.",  # not the holder at the date
        "Le président de la République tchèque a reçu les élus.",  # another republic
        "Le président américain sortant a quitté la capitale.",  # a hand-over is under way
    ],
)
def test_an_incomplete_or_qualified_title_gets_no_holder_from_the_knowledge_base(nlp, text):
    doc = run_dated(nlp, text, dt.date(2022, 3, 8))
    assert [m for m in doc._.actor_mentions if m.rule == "title-kb"] == []


@pytest.mark.slow
def test_the_commission_president_is_found_whichever_rule_reads_the_title(nlp):
    doc = run_dated(nlp, "La présidente de la Commission européenne présentera le budget jeudi.", dt.date(2021, 9, 15))
    assert "ursula-von-der-leyen" in {m.key for m in doc._.actor_mentions}
