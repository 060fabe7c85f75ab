"""``chronique report``: one self-contained, escaped, sourced HTML page that renders in Chromium.

Fast tests use the hand-built store of ``test_exports`` and a hand-built hostile article; slow
tests ingest the example articles (and a hostile one) with the real pipeline and take a
screenshot of the report in headless Chromium.
"""

from __future__ import annotations

import html
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from chronique.analysis import Chronicle
from chronique.cli import app
from chronique.model import Annotations, Document, Entity, Event, Quote
from chronique.report import content as content_module
from chronique.report import report_html, write_report
from chronique.store import Store
from tests.export.test_exports import build_small_store

runner = CliRunner()
CHROMIUM = Path("/usr/bin/chromium")
FIXED_TIME = datetime(2025, 12, 1, 9, 30, tzinfo=UTC)
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def external_references(page: str) -> list[str]:
    """Every src/href that is neither an anchor in the page nor a data: URI."""
    return [ref for ref in re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]*)""", page)
            if not ref.startswith(("#", "data:"))]


def text_of(page: str) -> str:
    """What a reader sees: the page without its tags, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def broken_anchors(page: str) -> set[str]:
    ids = set(re.findall(r'id="([^"]+)"', page))
    return {ref for ref in re.findall(r'href="#([^"]+)"', page) if ref not in ids}


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    return build_small_store(tmp_path / "small.db")


def hostile_annotations() -> Annotations:
    """An article whose actor name, quote, title and URL are all attacks on a careless page."""
    name = f"Evil {SCRIPT} Corp"
    text = f"{name} attaque Elon Musk en mars 2025. Elon Musk a écrit « {IMG} »."
    start = text.index("attaque")
    document = Document("hostile", text, date(2025, 3, 5), "fr", "<b>Titre</b><script>alert(2)</script>",
                        "javascript:alert(3)", None, "hostile.txt")
    quote_start = text.index(IMG)
    return Annotations(
        document=document,
        entities=[Entity("evil", name, "ORG", None, (), ((0, len(name)),)),
                  Entity("musk", "Elon Musk", "PERSON", "elon-musk", (), ((text.index("Elon"), text.index("Elon") + 9),))],
        quotes=[Quote(quote_start, quote_start + len(IMG), IMG, "musk", "a écrit", None)],
        events=[Event("ACCUSE", ("evil",), ("musk",), 0, text.index("."), "attaque", start, start + 7,
                      date="2025-03", date_start="2025-03-01", date_end="2025-03-31", score=-2.0,
                      sentence_start=0, sentence_end=text.index(".") + 1)],
        sentences=[(0, text.index(".") + 1), (text.index(".") + 2, len(text))],
    )


def assert_escaped(page: str) -> None:
    assert "<script" not in page.lower()
    assert IMG not in page and "<b>Titre" not in page
    assert html.escape(SCRIPT, quote=False) in page
    assert html.escape(IMG, quote=False) in page
    assert 'href="javascript' not in page


# -- fast ----------------------------------------------------------------------------------------


def test_pair_report_is_self_contained_and_sourced(small_db: Path) -> None:
    with Chronicle(small_db) as chron:
        page, content = report_html(chron, ["Elon Musk", "Sam Altman"], generated_at=FIXED_TIME)
    assert page.count('src="data:image/png;base64,') == 2  # the series chart and the network
    assert external_references(page) == []
    assert broken_anchors(page) == set()
    assert "2025-12-01 09:30 UTC" in page
    # Musk's 2018 Roadster order is his alone; his bid for OpenAI reaches Altman, its CEO.
    assert [row.type for row in content.dated] == ["BID", "REJECT"]
    assert [row.type for row in content.undated] == ["ACCUSE"]
    bid = content.dated[0]
    assert bid.via == "via OpenAI (Sam Altman, ceo)"
    assert [source.doc_id for source in bid.cited] == ["a", "b"]
    assert "Elon Musk a proposé de racheter OpenAI pour 97,4 milliards de dollars en février 2025." in text_of(page)
    assert "<mark>non merci, vraiment</mark>" in page.replace("&#34;", '"')
    assert "97.4 bn USD" in page


def test_report_is_identical_for_the_same_store_and_time(small_db: Path) -> None:
    with Chronicle(small_db) as chron:
        first, _ = report_html(chron, ["Elon Musk"], generated_at=FIXED_TIME)
        second, _ = report_html(chron, ["Elon Musk"], generated_at=FIXED_TIME)
    assert first == second


def test_report_period_leaves_out_what_is_outside(small_db: Path) -> None:
    with Chronicle(small_db) as chron:
        page, content = report_html(chron, start=date(2025, 1, 1), generated_at=FIXED_TIME)
    assert [row.type for row in content.dated] == ["BID", "REJECT"]
    assert content.undated == ()
    assert "from 2025-01-01 on" in page
    assert "Roadster" not in page


def test_a_long_story_lists_its_latest_events_and_says_what_it_leaves_out(
    small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(content_module, "MAX_EVENTS", 1)
    monkeypatch.setattr(content_module, "MAX_QUOTES", 0)
    with Chronicle(small_db) as chron:
        page, content = report_html(chron, ["Elon Musk", "Sam Altman"], generated_at=FIXED_TIME)
    assert [row.type for row in content.dated] == ["REJECT"]  # the latest dated event
    assert (content.event_count, content.omitted_events) == (3, 1)
    assert "1 other event left out of this list" in page
    assert content.cooperation == 5.2 and content.conflict == -6.0  # every event still counts
    altman_about_musk = content.quotes[1]
    assert (altman_about_musk.total, altman_about_musk.items) == (1, ())
    assert "The latest 0 of 1." in page


def test_hostile_article_text_is_shown_escaped(tmp_path: Path) -> None:
    with Store(tmp_path / "hostile.db") as store:
        store.save([hostile_annotations()])
        page, content = report_html(Chronicle(store), generated_at=FIXED_TIME)
    assert content.dated[0].sources == (f"Evil {SCRIPT} Corp",)
    assert_escaped(page)
    assert html.escape("<b>Titre</b>", quote=False) in page


def test_cli_writes_the_report(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "Elon Musk", "Sam Altman", "--db", str(small_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "cited sentences: " in result.output
    assert "Elon Musk &amp; Sam Altman" in out.read_text("utf-8")


def test_cli_refuses_three_actors_and_names_an_unknown_one(small_db: Path, tmp_path: Path) -> None:
    three = runner.invoke(app, ["report", "a", "b", "c", "--db", str(small_db), "-o", str(tmp_path / "r.html")])
    assert three.exit_code == 2 and "at most two actors" in three.output
    unknown = runner.invoke(app, ["report", "Nobody Atall", "--db", str(small_db), "-o", str(tmp_path / "r.html")])
    assert unknown.exit_code == 2 and "no actor named 'Nobody Atall'" in unknown.output


# -- slow: the example articles ------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    from chronique.ingest import ingest_paths

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with Store(path) as store:
        ingest_paths([str(examples_dir)], store)
    return path


@pytest.fixture(scope="module")
def musk_altman_report(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "musk-altman.html"
    with Chronicle(example_db) as chron:
        write_report(chron, path, ["Elon Musk", "Sam Altman"], generated_at=FIXED_TIME)
    return path


@pytest.mark.slow
def test_musk_altman_report_tells_the_story_with_its_sources(musk_altman_report: Path) -> None:
    page = musk_altman_report.read_text("utf-8")
    assert "En février 2025, il va jusqu'à proposer de racheter l'organisation pour 97,4 milliards de dollars." \
        in text_of(page)
    assert "Non merci, mais on achètera Twitter" in text_of(page)
    assert page.count('src="data:image/png;base64,') == 2
    assert external_references(page) == []
    assert broken_anchors(page) == set()
    dates = re.findall(r'<td class="date">([^<]+)</td>', page)
    assert dates.index("2015") < dates.index("2025-02") < dates.index("2025-10-30")


@pytest.mark.slow
def test_ingested_hostile_article_is_escaped(tmp_path: Path) -> None:
    from chronique.ingest import ingest_paths

    article = tmp_path / "hostile.txt"
    article.write_text(f"Elon Musk attaque OpenAI en justice {SCRIPT} le 3 mars 2025.\n\n"
                       f"Sam Altman a répondu : « Voici ma réponse {IMG} à Elon Musk », a-t-il écrit.\n", "utf-8")
    with Store(tmp_path / "hostile.db") as store:
        ingest_paths([str(article)], store, date(2025, 3, 4))
        page, _ = report_html(Chronicle(store), generated_at=FIXED_TIME)
    assert "<script" not in page.lower() and IMG not in page
    assert html.escape(IMG, quote=False) in page  # the quote is shown, as text


def has_horizontal_run(mask: np.ndarray, length: int) -> bool:
    """Whether some row holds ``length`` True pixels in a row (a column: pass ``mask.T``)."""
    sums = np.cumsum(np.pad(mask.astype(int), ((0, 0), (1, 0))), axis=1)
    return bool(((sums[:, length:] - sums[:, :-length]) == length).any())


@pytest.mark.slow
def test_report_renders_in_chromium_with_its_charts(musk_altman_report: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: no headless browser to take the screenshot")
    shot = tmp_path / "report.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2000", f"--screenshot={shot}",
         musk_altman_report.as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    assert pixels.shape[:2] == (2000, 1280)
    assert pixels.std() > 30  # not one flat colour
    inked = (pixels < 235).any(axis=2).mean()
    assert inked > 0.08, f"only {inked:.1%} of the page is not near-white"
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    # Bars of the conflict–cooperation chart: on a time axis of years a month's bar is narrow but
    # tall, a long vertical run of saturated red or green, which no text, chip or network edge draws.
    assert has_horizontal_run(((red > 150) & (green < 90) & (blue < 80)).T, 30)
    assert has_horizontal_run(((green > 140) & (red < 90) & (blue < 130)).T, 30)
