"""``chronique quotes``: ``--about`` finds the quotes that name an actor, the same words reported
by several articles are one quote with all its sources, and a quote is dated when it was said
where its sentence says so, else by its article and marked ``reported``. Hand-built store."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.analysis import Chronicle
from chronique.cli import app
from chronique.model import Annotations, Document, Entity, Quote, Timex
from chronique.report import report_html
from chronique.store import Store
from tests.builders import sentences, span

runner = CliRunner()

# Two articles reprint the same words; the first dates them in the sentence, the second does not.
FIRST = "Le 3 mars 2025, Sam Altman écrit à propos d'Elon Musk : « Il a peur de nous. » Musk se tait."
SECOND = "Sam Altman avait lancé : « il a peur de nous ». Elon Musk répond « non »."
THIRD = "Elon Musk déclare « nous gagnerons » en 2031."  # a date after the article: not when said


def _people(text: str) -> list[Entity]:
    found = []
    if "Sam Altman" in text:
        found.append(Entity("sam", "Sam Altman", "PERSON", "sam-altman", (), (span(text, "Sam Altman"),)))
    musk = [span(text, w) for w in ("Elon Musk",) if w in text]
    found.append(Entity("musk", "Elon Musk", "PERSON", "elon-musk", ("Musk",), tuple(musk)))
    return found


def _article(doc_id: str, text: str, day: date, quotes: list[Quote], timexes: list[Timex] = ()) -> Annotations:
    return Annotations(document=Document(doc_id, text, day, "fr", doc_id, None, None, doc_id),
                       entities=_people(text), quotes=quotes, timexes=list(timexes), sentences=sentences(text))


@pytest.fixture(scope="module")
def quotes_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("quotes") / "quotes.db"
    first = _article("first", FIRST, date(2025, 3, 5),
                     [Quote(*span(FIRST, "Il a peur de nous."), "Il a peur de nous.", "sam", "écrit")],
                     [Timex(*span(FIRST, "3 mars 2025"), "3 mars 2025", "DATE", "2025-03-03", "2025-03-03", "2025-03-03")])
    second = _article("second", SECOND, date(2025, 3, 9),
                      [Quote(*span(SECOND, "il a peur de nous"), "il a peur de nous", "sam", "avait lancé"),
                       Quote(*span(SECOND, "non"), "non", "musk", "répond")])
    third = _article("third", THIRD, date(2025, 3, 10),
                     [Quote(*span(THIRD, "nous gagnerons"), "nous gagnerons", "musk", "déclare")],
                     [Timex(*span(THIRD, "2031"), "2031", "DATE", "2031", "2031-01-01", "2031-12-31")])
    with Store(path) as store:
        store.save([first, second, third])
    return path


def test_the_same_words_in_two_articles_are_one_quote_with_both_sources(quotes_db):
    with Chronicle(quotes_db) as chron:
        quotes = chron.reported_quotes(by="Sam Altman")
    assert len(quotes) == 1
    assert [source.doc_id for source in quotes[0].sources] == ["first", "second"]
    assert quotes[0].speaker_id == "sam-altman"


def test_a_quote_is_dated_when_said_where_its_sentence_says_so_else_by_its_article(quotes_db):
    with Chronicle(quotes_db) as chron:
        by_text = {q.text: q for q in chron.reported_quotes()}
    said = by_text["Il a peur de nous."]
    assert (said.date, said.date_basis, said.date_words) == ("2025-03-03", "said", "3 mars 2025")
    assert (by_text["non"].date, by_text["non"].date_basis) == ("2025-03-09", "reported")
    assert (by_text["nous gagnerons"].date, by_text["nous gagnerons"].date_basis) == ("2025-03-10", "reported")


def test_about_finds_the_quotes_whose_sentence_names_the_actor_and_not_the_speakers_own(quotes_db):
    with Chronicle(quotes_db) as chron:
        about_musk = chron.reported_quotes(about="Musk")
        about_altman = chron.reported_quotes(about="Sam Altman")
    assert [(q.text, [s.doc_id for s in q.sources], q.about) for q in about_musk] == [
        ("Il a peur de nous.", ["first"], "elon-musk")]  # the second article names Musk in another sentence
    assert about_altman == []  # Altman is named only by his own quotes' sentences


def test_the_quotes_command_prints_one_line_per_quote_with_its_sources(quotes_db):
    result = runner.invoke(app, ["quotes", "--about", "Elon Musk", "--db", str(quotes_db), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [(q["text"], q["date"], q["date_basis"], len(q["sources"])) for q in lines] == [
        ("Il a peur de nous.", "2025-03-03", "said", 1)]
    table = runner.invoke(app, ["quotes", "--db", str(quotes_db)], env={"COLUMNS": "200"})
    assert "(reported)" in table.output and "first 2025-03-05" in table.output


def test_the_report_shows_words_reported_twice_once_citing_both_articles(quotes_db):
    with Chronicle(quotes_db) as chron:
        page, content = report_html(chron, ["Sam Altman"])
    said = [item for group in content.quotes for item in group.items if item.speaker == "Sam Altman"]
    assert len(said) == 1
    assert [said[0].cited.doc_id, *(source.doc_id for source in said[0].also)] == ["first", "second"]
    assert "and in 1 other article" in page


def test_the_api_and_the_actor_page_show_words_reported_twice_once(quotes_db):
    from tests.web.test_web_fixtures import make_app, request

    app = make_app(quotes_db)
    answer = request(app, "GET", "/api/reported-quotes?by=Sam%20Altman")
    assert answer.status_code == 200
    [quote] = answer.json()
    assert [source["doc_id"] for source in quote["sources"]] == ["first", "second"]
    assert (quote["date"], quote["date_basis"]) == ("2025-03-03", "said")
    page = request(app, "GET", "/actors/sam-altman").text
    listed = page[page.index('id="actor-quotes"'):].split("</ul>")[0]
    assert listed.count('class="quote-item"') == 1
    assert "/documents/first#" in listed and "/documents/second#" in listed


@pytest.fixture(scope="module")
def much_quoted_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sam Altman says « Il a peur de nous. » on 1 January, then 80 other things, one a day, then
    the words of 1 January are reprinted (other case, other punctuation) on the last day."""
    path = tmp_path_factory.mktemp("much-quoted") / "quotes.db"
    articles = [_article("d000", FIRST, date(2025, 1, 1),
                         [Quote(*span(FIRST, "Il a peur de nous."), "Il a peur de nous.", "sam", "écrit")])]
    for number in range(1, 81):
        words = f"Nous livrerons le modèle {number}."
        text = f"Sam Altman annonce : « {words} »"
        articles.append(_article(f"d{number:03}", text, date(2025, 1, 1) + timedelta(days=number),
                                 [Quote(*span(text, words), words, "sam", "annonce")]))
    articles.append(_article("d081", SECOND, date(2025, 6, 1),
                             [Quote(*span(SECOND, "il a peur de nous"), "il a peur de nous", "sam", "avait lancé")]))
    with Store(path) as store:
        store.save(articles)
    return path


def test_a_page_of_quotes_holds_every_report_of_its_quotes_however_far_apart(much_quoted_db):
    with Chronicle(much_quoted_db) as chron:
        first = chron.reported_quotes(by="Sam Altman", limit=1)
        everything = chron.reported_quotes(by="Sam Altman")
        pages = [chron.reported_quotes(by="Sam Altman", limit=20, offset=offset) for offset in range(0, 100, 20)]
    assert len(everything) == 81  # 82 reports, two of them the same words
    assert [source.doc_id for source in first[0].sources] == ["d000", "d081"]
    assert first[0].text == "Il a peur de nous."  # the words of the first report
    assert [quote for page in pages for quote in page] == everything
    assert everything[-1].text == "Nous livrerons le modèle 80."
