"""Render a report's content as one self-contained HTML page (``resources/report/report.html.j2``).

Article text is hostile input: a name or a sentence may hold ``<script>``. The Jinja2
environment escapes every value (autoescape on, for every template); the page loads nothing
from anywhere: CSS is inlined, pictures are data URIs, article URLs are shown as text, not links.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from jinja2 import Environment, PackageLoader, StrictUndefined

from chronique import __version__
from chronique.formatting import format_amount
from chronique.report.charts import MAX_NODES, data_uri, network_chart, series_chart
from chronique.report.content import ReportContent

__all__ = ["KeyFigures", "key_figures", "render_html"]

MINUS = "\u2212"


@dataclass(frozen=True)
class KeyFigures:
    events: int
    cooperation: float
    conflict: float
    score: float
    documents: int
    quotes: int


def key_figures(content: ReportContent) -> KeyFigures:
    """The totals the page opens with: every event of the scope (shown or not), their positive
    and negative scores, the articles cited and the quotes."""
    return KeyFigures(content.event_count, content.cooperation, content.conflict,
                      round(content.cooperation + content.conflict, 6), len(content.documents),
                      sum(group.total for group in content.quotes))


def _sign(score: float | None) -> str:
    return "pos" if (score or 0) > 0 else "neg" if (score or 0) < 0 else "zero"


def _signed(score: float | None) -> str:
    """+3.5, −4 (a real minus sign), 0."""
    if not score:
        return "0"
    text = f"{abs(score):.1f}".removesuffix(".0")
    return ("+" if score > 0 else MINUS) + text


def _count(number: int, noun: str) -> str:
    """1 event, 2 events, 0 quotes."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"from {start.isoformat()} to {end.isoformat()}"
    if start:
        return f"from {start.isoformat()} on"
    if end:
        return f"up to {end.isoformat()}"
    return "all dates"


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("chronique", "resources/report"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    env.filters.update(sign=_sign, signed=_signed, money=format_amount, count=_count)
    return env


def render_html(content: ReportContent, *, database: str, generated_at: datetime) -> str:
    """The page. Everything in it follows from ``content`` except ``generated_at``."""
    series_png = series_chart(content.spans)
    network_png = network_chart(content.graph, [actor.id for actor in content.actors])
    return _environment().get_template("report.html.j2").render(
        c=content,
        figures=key_figures(content),
        period=_period(content.start, content.end),
        database=database,
        generated_at=generated_at.strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        series_uri=data_uri(series_png) if series_png else None,
        network_uri=data_uri(network_png) if network_png else None,
        max_nodes=MAX_NODES,
    )
