"""The template environment of the pages, and the small helpers their templates call.

Autoescape is on for every template: a value from the store (a name, a quote, a sentence) is
text, never markup. The only ``Markup`` a template receives is the highlighted article, which
``highlight`` builds from escaped slices. Links to facts carry the span of their evidence
(``/documents/ID#s-START-END``) so that every fact can be opened where it was said.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from starlette.templating import Jinja2Templates

from chronique.web.assets import TEMPLATES_DIR
from chronique.web.downloads import download_href
from chronique.web.highlight import format_amount, sentence_anchor

__all__ = [
    "build_templates", "actor_href", "pair_href", "fact_href", "score_class", "signed",
    "json_data",
]


def actor_href(entity_id: str) -> str:
    return f"/actors/{quote(entity_id, safe='')}"


def pair_href(a: str, b: str) -> str:
    return f"/pairs/{quote(a, safe='')}/{quote(b, safe='')}"


def fact_href(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """The article page, scrolled to and marking the sentence of the span when one is given."""
    href = f"/documents/{quote(doc_id, safe='')}"
    return f"{href}#{sentence_anchor(start, end)}" if start is not None and end is not None else href


def score_class(score: float | None) -> str:
    """CSS class of a conflict–cooperation score: ``coop`` (> 0), ``conflict`` (< 0), ``neutral``."""
    if score is None or score == 0:
        return "neutral"
    return "coop" if score > 0 else "conflict"


def signed(score: float | None) -> str:
    return "–" if score is None else f"{score:+.1f}"


def json_data(value: object) -> Markup:
    """JSON for a ``<script type="application/json">`` block: ``<``, ``>``, ``&`` escaped so that
    no string in the data can close the block."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def build_templates() -> Jinja2Templates:
    """Jinja2 templates with autoescape on, undefined names as errors, and the helpers above."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.globals.update(
        actor_href=actor_href, pair_href=pair_href, fact_href=fact_href, download_href=download_href,
    )
    env.filters.update(
        score_class=score_class, signed=signed, amount=lambda row: format_amount(row.amount, row.currency),
        json_data=json_data,
    )
    return Jinja2Templates(env=env)
