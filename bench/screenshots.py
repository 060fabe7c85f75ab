"""The screenshots of docs/web.md: the actor, pair, article and search pages at 1400 and 400 px.

    python bench/screenshots.py [--db chronique-demo.db] [--out docs/screenshots]

Starts ``chronique serve`` on the store (``make demo`` builds the demo one from ``examples/``),
opens each page in Debian's headless Chromium through Playwright at both widths, saves a
PNG of each page from its top (``actor-1400.png``, ``pair-400.png``…; at most
:data:`MAX_HEIGHT` pixels tall, in 256 colours, so that the pictures stay small in the
repository) and says, for each, whether the page is wider than the window (a sideways
scroll). Exits 1 when one is.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WIDTHS = (1400, 400)
MAX_HEIGHT = 2400
PAGES = {
    "actor": "/actors/elon-musk",
    "pair": "/pairs/elon-musk/sam-altman",
    "article": None,  # the bid article: found from the pair page
    "search": "/search?q=Altman",
}


def _serve(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    out = log.open("wb")
    process = subprocess.Popen([sys.executable, "-m", "chronique", "serve", "--db", str(db), "--port", "0"],
                               stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", log.read_text("utf-8", "replace"))
        if found:
            return process, found.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"chronique serve did not start:\n{log.read_text('utf-8', 'replace')}")


def _save_small(png: bytes, target: Path) -> None:
    import io

    from PIL import Image

    picture = Image.open(io.BytesIO(png)).convert("RGB")
    picture = picture.crop((0, 0, picture.width, min(picture.height, MAX_HEIGHT)))
    picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


def _article_path(page, base: str) -> str:
    page.goto(base + PAGES["pair"])
    link = page.locator("#pair-events li.event", has_text="bn USD").locator("a.source").first
    return link.get_attribute("href")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("chronique-demo.db"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    wide = []
    with tempfile.TemporaryDirectory() as folder:
        process, base = _serve(args.db, Path(folder) / "serve.log")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                for width in WIDTHS:
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    for name, path in PAGES.items():
                        page.goto(base + (path or _article_path(page, base)))
                        page.wait_for_load_state("networkidle")
                        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
                        target = args.out / f"{name}-{width}.png"
                        _save_small(page.screenshot(full_page=True), target)
                        print(f"{target}: {'WIDER than the window by ' + str(overflow) + ' px' if overflow > 0 else 'fits'}")
                        if overflow > 0:
                            wide.append(target.name)
                    page.close()
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)
    return 1 if wide else 0


if __name__ == "__main__":
    sys.exit(main())
