"""The conflict–cooperation chart of the actor and pair pages, drawn on the server as inline SVG.

The horizontal axis is time, proportional: two bars a year apart sit twelve times further apart
than two bars a month apart. Each bar is as wide as what is known of its events' date
(``analysis.series.period_spans``): a month, or a whole year, drawn paler, when an article says
only "en 2015". Cooperation rises in green above zero, conflict falls in red below it, in the
colours of ``export.palette`` that the report and the GEXF export use; a short dark stroke marks
each period's net score. Nothing joins two periods: between them, nothing is known.

SVG rather than a script: the chart needs no library, prints, and is read by screen readers
through each period's ``<title>``. The ``viewBox`` scales it to any width without scrolling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from chronique.analysis.records import PeriodSpan
from chronique.export.palette import CONFLICT, COOPERATION, hex_colour

__all__ = ["COOPERATION_COLOUR", "CONFLICT_COLOUR", "TimeAxis", "time_axis", "span_chart"]

COOPERATION_COLOUR = hex_colour(COOPERATION)
CONFLICT_COLOUR = hex_colour(CONFLICT)
WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 12, 26
MIN_BAR = 2.0  # a month over twenty years still shows
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class TimeAxis:
    """A proportional time axis from ``start`` (included) to ``end`` (excluded), in days."""

    start: date
    end: date

    def x(self, day: date) -> float:
        """The horizontal position of the start of ``day``."""
        share = (day.toordinal() - self.start.toordinal()) / (self.end.toordinal() - self.start.toordinal())
        return LEFT + share * (WIDTH - LEFT - RIGHT)


def time_axis(spans: Sequence[PeriodSpan]) -> TimeAxis:
    """Whole years around the spans; whole months when they all fall within eighteen months."""
    first = min(date.fromisoformat(s.start) for s in spans)
    last = max(date.fromisoformat(s.end) for s in spans)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= 18:
        start = date(first.year, first.month, 1)
        end = date(last.year + 1, 1, 1) if last.month == 12 else date(last.year, last.month + 1, 1)
        return TimeAxis(start, end)
    return TimeAxis(date(first.year, 1, 1), date(last.year + 1, 1, 1))


def _ticks(axis: TimeAxis) -> list[tuple[date, str]]:
    """Labelled ticks: months on a short axis, years (every few when they are many) on a long one."""
    if axis.end.year - axis.start.year <= 1 and (axis.end - axis.start).days <= 550:
        ticks: list[tuple[date, str]] = []
        day = axis.start
        while day < axis.end:
            ticks.append((day, f"{_MONTHS[day.month - 1]} {day.year}" if day.month == 1 or not ticks else _MONTHS[day.month - 1]))
            day = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
        step = max(1, -(-len(ticks) // 9))
        return ticks[::step]
    years = list(range(axis.start.year, axis.end.year))
    step = max(1, -(-len(years) // 10))
    return [(date(year, 1, 1), str(year)) for year in years[::step]]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _label(span: PeriodSpan) -> str:
    first = date.fromisoformat(span.start)
    when = {"month": f"{_MONTHS[first.month - 1]} {first.year}", "year": str(first.year),
            "quarter": f"Q{(first.month - 1) // 3 + 1} {first.year}"}.get(span.precision, f"{span.start} – {span.end}")
    known = "" if span.precision == "month" else f" (date known only to the {span.precision})"
    return (f"{when}{known}: {span.events} event{'s' if span.events != 1 else ''}, cooperation "
            f"+{_number(span.cooperation)}, conflict {_number(span.conflict)}, net {span.score:+.1f}")


def span_chart(spans: Sequence[PeriodSpan], *, element_id: str, label: str) -> Markup:
    """The chart as an ``<svg>`` element (empty markup when there is no span)."""
    if not spans:
        return Markup("")
    axis = time_axis(spans)
    high = max(0.0, *(s.cooperation for s in spans), *(s.score for s in spans))
    low = min(0.0, *(s.conflict for s in spans), *(s.score for s in spans))
    margin = max(1.0, (high - low) * 0.1)
    high, low = high + (margin if high > 0 else 0.5), low - (margin if low < 0 else 0.5)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    parts = [
        f'<svg id="{escape(element_id)}" class="span-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f' aria-label="{escape(label)}" data-axis-start="{axis.start}" data-axis-end="{axis.end}"'
        f' data-plot-left="{LEFT}" data-plot-right="{WIDTH - RIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for day, text in _ticks(axis):
        x = axis.x(day)
        parts.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM + 4}"/>')
        parts.append(f'<text class="tick-label" x="{x + 2:.1f}" y="{HEIGHT - 8}">{escape(text)}</text>')
    for value in sorted({round(high - margin), 0, round(low + margin)}):
        if low < value < high:
            parts.append(f'<text class="value-label" x="{LEFT - 4}" y="{y(value) + 4:.1f}" text-anchor="end">{value:+d}</text>'
                         if value else f'<text class="value-label" x="{LEFT - 4}" y="{y(0) + 4:.1f}" text-anchor="end">0</text>')
    parts.append(f'<line class="zero" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    for span in spans:
        first, last = date.fromisoformat(span.start), date.fromisoformat(span.end)
        x0, x1 = axis.x(first), axis.x(date.fromordinal(last.toordinal() + 1))
        width = max(MIN_BAR, x1 - x0)
        kind = "exact" if span.precision == "month" else "coarse"
        parts.append(f'<g class="span span-{kind}" data-start="{span.start}" data-end="{span.end}"'
                     f' data-precision="{span.precision}" data-score="{span.score}"><title>{escape(_label(span))}</title>')
        if span.cooperation > 0:
            parts.append(f'<rect class="bar-coop" x="{x0:.2f}" width="{width:.2f}" y="{y(span.cooperation):.2f}"'
                         f' height="{y(0) - y(span.cooperation):.2f}" fill="{COOPERATION_COLOUR}"/>')
        if span.conflict < 0:
            parts.append(f'<rect class="bar-conflict" x="{x0:.2f}" width="{width:.2f}" y="{y(0):.2f}"'
                         f' height="{y(span.conflict) - y(0):.2f}" fill="{CONFLICT_COLOUR}"/>')
        parts.append(f'<line class="net" x1="{x0:.2f}" x2="{x0 + width:.2f}" y1="{y(span.score):.2f}" y2="{y(span.score):.2f}"/>')
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))
