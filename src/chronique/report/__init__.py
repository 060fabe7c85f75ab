"""``chronique report``: one self-contained HTML dossier on every actor, one actor or a pair.

::

    from chronique.analysis import Chronicle
    from chronique.report import write_report

    with Chronicle("news.db") as chron:
        write_report(chron, "musk-altman.html", ["Elon Musk", "Sam Altman"])

The page holds the timeline, a chart of the conflict–cooperation series, a picture of the actor
network, the quotes and a "Sources" section where every fact's sentence is shown with its
evidence highlighted; each fact links to it. It loads nothing from the network (CSS inline,
pictures as data URIs) and escapes all article text. ``docs/report.md`` describes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from chronique.analysis import Chronicle
from chronique.report.content import ReportContent, build_content
from chronique.report.html import render_html
from chronique.store.locations import database_location

__all__ = ["ReportSummary", "report_html", "write_report", "build_content", "ReportContent"]


@dataclass(frozen=True)
class ReportSummary:
    """What a written report holds: its path, events, quotes and cited sentences."""

    path: Path
    events: int
    quotes: int
    sources: int


def report_html(
    chron: Chronicle,
    actors: Sequence[str] = (),
    *,
    start: date | None = None,
    end: date | None = None,
    generated_at: datetime | None = None,
    database: str | None = None,
) -> tuple[str, ReportContent]:
    """The page and the content it shows. ``generated_at`` defaults to now (UTC): give it to get
    byte-identical pages from the same store."""
    content = build_content(chron, actors, start, end)
    html = render_html(content, database=database or database_location(chron.store.path).name,
                       generated_at=generated_at or datetime.now(UTC))
    return html, content


def write_report(
    chron: Chronicle,
    output: str | Path,
    actors: Sequence[str] = (),
    *,
    start: date | None = None,
    end: date | None = None,
    generated_at: datetime | None = None,
) -> ReportSummary:
    """Write the report to ``output`` (UTF-8) and say what it holds."""
    html, content = report_html(chron, actors, start=start, end=end, generated_at=generated_at)
    path = Path(output)
    path.write_text(html, encoding="utf-8")
    quotes = sum(group.total for group in content.quotes)
    return ReportSummary(path, content.event_count, quotes, content.source_count)
