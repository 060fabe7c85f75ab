"""The codes of the event-data exports, read from their published tables (``resources/export/``).

GDELT writes CAMEO event codes with their Goldstein score (GDELT's ``CAMEO.goldsteinscale.txt``,
not chronique's own score) and a quad class derived from the CAMEO root; PLOVER writes its own
categories, modes, contexts, quad categories and conflict–cooperation scores (the PLOVER
manual). The tables are data, with a note of where each comes from, so that a user can check
them against the codebooks without reading code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from chronique.data import load_toml, resource_text

__all__ = [
    "cameo_event_code", "cameo_root", "cameo_base", "goldstein", "quad_class",
    "plover_category", "plover_quad", "plover_mode", "plover_contexts", "plover_scale",
    "PLOVER_CATEGORIES", "PLOVER_CONTEXTS",
]


def _plover() -> dict[str, Any]:
    return load_toml("export/plover.toml")


PLOVER_CATEGORIES: tuple[str, ...] = tuple(_plover()["categories"])
PLOVER_CONTEXTS: tuple[str, ...] = tuple(_plover()["contexts"]["names"])


@cache
def _goldstein_table() -> dict[str, str]:
    """CAMEO event code → Goldstein score as GDELT writes it ("5.2", "-10.0")."""
    rows = resource_text("export/gdelt/cameo_goldstein.tsv").splitlines()[1:]
    return dict(tuple(row.split("\t")) for row in rows if row.strip())  # type: ignore[misc]


def cameo_event_code(cameo: str | None) -> str:
    """The CAMEO code as GDELT writes an EventCode: three or four digits, a root-level code
    ("10", demand) as its "not specified below" code ("100"); empty when there is none."""
    if not cameo:
        return ""
    return cameo + "0" if len(cameo) == 2 else cameo


def cameo_root(code: str) -> str:
    """The two-digit root of an event code ("111" → "11"); empty when there is no code."""
    return code[:2]


def cameo_base(code: str) -> str:
    """The level-two code of an event code ("0311" → "031", "100" → "100"); empty when none."""
    return code[:3]


def goldstein(code: str) -> str:
    """The Goldstein score of an event code from GDELT's table (a four-digit code missing from
    it takes its base's), as GDELT writes it; empty when there is no code."""
    table = _goldstein_table()
    for candidate in (code, code[:3], code[:2]):
        if candidate in table:
            return table[candidate]
    return ""


def quad_class(code: str, category: str | None) -> int | None:
    """GDELT's QuadClass: from the CAMEO root, as GDELT derives it; for an event CAMEO does not
    code, the quad category of its PLOVER category (the same four classes); else None."""
    quad = load_toml("export/event_codes.toml")["cameo_quad"].get(cameo_root(code)) if code else None
    return quad if quad is not None else plover_quad(category)


def plover_category(label: str | None) -> str | None:
    """The PLOVER category of chronique's PLOVER label (DEMAND → REQUEST, as CAMEO2PLOVER
    converts CAMEO 10); None when the event has none."""
    if not label:
        return None
    if label in PLOVER_CATEGORIES:
        return label
    converted = _plover()["category_of_label"].get(label)
    return converted if converted in PLOVER_CATEGORIES else None


def plover_quad(category: str | None) -> int | None:
    """The quad category (1–4) of a PLOVER category, None without one."""
    return _plover()["categories"][category]["quad"] if category in PLOVER_CATEGORIES else None


def plover_mode(event_type: str, category: str | None) -> str | None:
    """The PLOVER mode of a chronique event type, when its category defines that mode."""
    mode = _plover()["mode_of_type"].get(event_type)
    if category not in PLOVER_CATEGORIES or mode not in _plover()["categories"][category]["modes"]:
        return None
    return str(mode)


def plover_contexts(event_type: str) -> list[str]:
    """The PLOVER contexts of a chronique event type (often none)."""
    return [c for c in _plover()["contexts_of_type"].get(event_type, []) if c in PLOVER_CONTEXTS]


def plover_scale(category: str | None, mode: str | None) -> float | None:
    """PLOVER's conflict–cooperation score of a category (and mode), None without a category."""
    if category not in PLOVER_CATEGORIES:
        return None
    entry = _plover()["categories"][category]
    return float(entry["modes"][mode]) if mode in entry["modes"] else float(entry["score"])
