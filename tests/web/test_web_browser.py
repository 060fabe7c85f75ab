"""End to end in a real browser: ``chronique serve`` (uvicorn, a free port, the example articles)
driven by Debian's Chromium through Playwright, headless.

The walk of issue 8: the search box → Elon Musk → the Musk–Altman pair → the sentence of the
97.4 billion dollar bid → the network, with no console error and no request to another host.
A hostile article ingested over HTTP must run nothing. Screenshots must not be blank.
Playwright's own browser download is never used: ``make test`` installs Debian's chromium.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest
from PIL import Image

from tests.web.test_web_fixtures import HOSTILE_TEXT, TOKEN, example_db

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: 'make browser' installs Debian's chromium"),
]


def _wait_for_port(log: Path, process: subprocess.Popen, timeout: float = 60) -> int:
    """The port uvicorn chose (``--port 0``), read from its start-up line."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = re.search(r"Uvicorn running on http://127\.0\.0\.1:(\d+)", log.read_text("utf-8", "replace"))
        if match:
            return int(match.group(1))
        if process.poll() is not None:
            pytest.fail(f"chronique serve exited with {process.returncode}:\n{log.read_text('utf-8')}")
        time.sleep(0.2)
    pytest.fail(f"chronique serve did not start in {timeout} s:\n{log.read_text('utf-8')}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server on a copy of the example store, ingest on (token file)."""
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "demo.db"
    with sqlite3.connect(example_db(tmp_path_factory)) as source, sqlite3.connect(db) as target:
        source.backup(target)
    (folder / "token.txt").write_text(TOKEN + "\n", "utf-8")
    log = folder / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "chronique", "serve", "--db", str(db), "--port", "0",
             "--token-file", str(folder / "token.txt")],
            stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        yield f"http://127.0.0.1:{_wait_for_port(log, process)}"
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


class Watched:
    """A page whose console errors, page errors and requests to other hosts are recorded."""

    def __init__(self, browser, base: str, width: int = 1280) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        host = urlsplit(base).netloc
        self.page.on("request", lambda r: urlsplit(r.url).netloc == host
                     or self.problems.append(f"request to another host: {r.url}"))


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def assert_not_blank(png: bytes, min_ink: float = 0.03) -> None:
    """A picture with something on it: varied pixels and a share that is not near-white."""
    grey = _pixels(png).mean(axis=2)
    ink = float((grey < 235).mean())
    assert grey.std() > 8, "the screenshot is flat"
    assert ink > min_ink, f"only {ink:.1%} of the screenshot is not white"


def coloured_share(png: bytes, colour: str) -> float:
    """Share of pixels clearly red (conflict) or green (cooperation)."""
    r, g, b = (_pixels(png)[..., i] for i in range(3))
    hits = (r > 170) & (g < 120) & (b < 120) if colour == "red" else (g > 120) & (r < 120) & (b < 120)
    return float(hits.mean())


def test_from_the_search_box_to_the_bid_sentence_and_the_network(server, browser, tmp_path):
    watched = Watched(browser, server)
    page = watched.page
    page.goto(server + "/")
    page.fill("#home-search", "Elon Musk")
    page.press("#home-search", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=Elon\+Musk"))

    page.click("#actor-results a:has-text('Elon Musk')")
    page.wait_for_url(re.compile(r"/actors/elon-musk$"))
    assert page.inner_text("#actor-name") == "Elon Musk"
    actor_png = page.screenshot(path=str(tmp_path / "actor.png"), full_page=True)
    assert_not_blank(actor_png)

    page.click("#counterparts tr:has-text('Sam Altman') a.pair-link")
    page.wait_for_url(re.compile(r"/pairs/elon-musk/sam-altman$"))
    page.wait_for_selector("#series-chart g.span")
    assert "Elon Musk" in page.inner_text("#pair-title") and "Sam Altman" in page.inner_text("#pair-title")
    assert_not_blank(page.screenshot(path=str(tmp_path / "pair.png"), full_page=True))
    chart = page.locator("#series-chart").screenshot()
    # a month is 1/132 of an eleven-year axis: thin bars, few pixels, but both colours there
    assert coloured_share(chart, "green") > 0.001 and coloured_share(chart, "red") > 0.001

    bid = page.locator("#pair-events li.event", has_text="97.4 bn USD")
    bid.locator("blockquote.evidence", has_text="97,4 milliards").locator("a.source").click()
    page.wait_for_url(re.compile(r"/documents/doc_[0-9a-f]+#s-\d+-\d+$"))
    target = page.locator("#article-text .sentence.is-target").first
    target.wait_for()
    assert "97,4 milliards de dollars" in target.inner_text()
    assert_not_blank(page.screenshot(path=str(tmp_path / "article.png")))
    assert target.is_visible() and page.evaluate(
        "() => { const r = document.querySelector('.sentence.is-target').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }")

    page.click("nav.topnav a:has-text('Network')")
    page.wait_for_url(re.compile(r"/network$"))
    network = page.locator("#network[data-ready='true']")
    network.wait_for()
    assert int(network.get_attribute("data-nodes")) >= 5 and int(network.get_attribute("data-edges")) >= 5
    assert_not_blank(page.screenshot(path=str(tmp_path / "network.png"), full_page=True))
    graph_png = network.screenshot()
    assert_not_blank(graph_png, min_ink=0.01)  # the graph itself was drawn
    assert coloured_share(graph_png, "red") > 0.0001  # the Musk–Altman feud, in conflict red (0 if none)

    assert watched.problems == []


PAGES = ["/", "/search?q=Altman", "/actors/elon-musk", "/pairs/elon-musk/sam-altman", "/documents", "/network"]


def _bid_article(page, server: str) -> str:
    page.goto(server + "/pairs/elon-musk/sam-altman")
    return page.locator("#pair-events li.event", has_text="97.4 bn USD").locator("a.source").first.get_attribute("href")


@pytest.mark.parametrize("width", [1400, 400])
def test_no_page_scrolls_sideways(server, browser, width):
    watched = Watched(browser, server, width)
    page = watched.page
    for path in [*PAGES, _bid_article(page, server)]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow} px wider than a {width} px window"
    assert watched.problems == []


@pytest.mark.parametrize("width", [1400, 400])
def test_the_pair_chart_puts_each_period_where_its_dates_fall(server, browser, width):
    """Bars sit at their first day on a proportional axis, as wide as their period: the year-only
    founding of OpenAI ("2015") spans the whole year, twelve times a month's bar."""
    watched = Watched(browser, server, width)
    page = watched.page
    page.goto(server + "/pairs/elon-musk/sam-altman")
    spans = page.evaluate("""() => {
        const svg = document.getElementById('series-chart');
        const box = svg.getBoundingClientRect();
        const scale = box.width / svg.viewBox.baseVal.width;
        const day = s => Date.parse(s) / 86400000;
        const axis = [day(svg.dataset.axisStart), day(svg.dataset.axisEnd)];
        const plot = [box.left + scale * svg.dataset.plotLeft, box.left + scale * svg.dataset.plotRight];
        return [...svg.querySelectorAll('g.span')].map(g => {
            const bar = g.querySelector('rect').getBoundingClientRect();
            const at = d => plot[0] + (d - axis[0]) / (axis[1] - axis[0]) * (plot[1] - plot[0]);
            return {start: g.dataset.start, precision: g.dataset.precision, left: bar.left, right: bar.right,
                    expectedLeft: at(day(g.dataset.start)), expectedRight: at(day(g.dataset.end) + 1)};
        });
    }""")
    assert len(spans) >= 4
    for span in spans:
        assert span["left"] == pytest.approx(span["expectedLeft"], abs=1.0), span
        if span["expectedRight"] - span["expectedLeft"] > 3:  # tiny bars are drawn at least 2 units wide
            assert span["right"] == pytest.approx(span["expectedRight"], abs=1.0), span
    founding = next(span for span in spans if span["start"] == "2015-01-01")
    assert founding["precision"] == "year"
    month = next(span for span in spans if span["precision"] == "month")
    year_width, month_width = founding["right"] - founding["left"], month["expectedRight"] - month["expectedLeft"]
    assert year_width == pytest.approx(month_width * 365 / 31, rel=0.1)
    # Musk's hostile bid (February 2025), refused by Altman, is drawn in the conflict colour only,
    # below the zero line
    drawn = page.evaluate("""() => {
        const g = document.querySelector('#series-chart g.span[data-start="2025-02-01"]');
        const zero = document.querySelector('#series-chart line.zero').getBoundingClientRect().top;
        return [...g.querySelectorAll('rect')].map(r => ({
            fill: getComputedStyle(r).fill, cls: r.getAttribute('class'),
            below: r.getBoundingClientRect().top >= zero - 1}));
    }""")
    assert [bar["cls"] for bar in drawn] == ["bar-conflict"] and all(bar["below"] for bar in drawn)
    assert watched.problems == []


def test_the_period_filter_narrows_the_network(server, browser):
    watched = Watched(browser, server)
    page = watched.page
    page.goto(server + "/network")
    everything = int(page.locator("#network[data-ready='true']").get_attribute("data-edges"))
    page.fill("#period-from", "2025-01-01")
    page.fill("#period-to", "2025-12-31")
    page.click("#period-form button[type=submit]")
    page.wait_for_url(re.compile(r"/network\?from=2025-01-01&to=2025-12-31$"))
    narrowed = int(page.locator("#network[data-ready='true']").get_attribute("data-edges"))
    assert 0 < narrowed < everything
    assert watched.problems == []


def ingest(server: str, record: dict) -> dict:
    request = urllib.request.Request(
        server + "/api/documents", data=json.dumps(record).encode("utf-8"), method="POST",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=300) as response:
        assert response.status == 201
        return json.loads(response.read())


def test_a_hostile_article_shows_its_markup_as_text_and_runs_nothing(server, browser):
    stored = ingest(server, {"text": HOSTILE_TEXT + " Sam Altman répond le 2 mars 2025.",
                             "date": "2025-03-03", "title": '<script>window.__pwned=3</script>Piège', "lang": "fr"})
    watched = Watched(browser, server)
    page = watched.page
    page.goto(f"{server}/documents/{stored['doc_id']}")
    page.wait_for_selector("#article-text")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#article-text img, #article-text script, #article-text b").count() == 0
    text = page.inner_text("#article-text")
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert page.inner_text("h1") == "<script>window.__pwned=3</script>Piège"
    page.goto(server + "/search?q=pwned")
    assert page.evaluate("() => window.__pwned") is None
    assert watched.problems == []

