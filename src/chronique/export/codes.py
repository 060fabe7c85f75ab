"""Event-data codes derived from an event's CAMEO code and PLOVER type (``resources/export/event_codes.toml``).

GDELT and PLOVER users aggregate events into four "quad classes"; GDELT derives them from the
CAMEO root code, PLOVER from its own categories. The tables are data, so that a user can check
them against the codebooks without reading code.
"""

from __future__ import annotations

from typing import Any

from chronique.data import load_toml

__all__ = ["cameo_root", "cameo_base", "quad_class", "plover_quad", "plover_mode", "plover_context"]


def _table(name: str) -> dict[str, Any]:
    return load_toml("export/event_codes.toml")[name]


def cameo_root(cameo: str | None) -> str:
    """The two-digit root of a CAMEO code ("111" → "11"); empty when there is no code."""
    return cameo[:2] if cameo else ""


def cameo_base(cameo: str | None) -> str:
    """The three-digit base of a CAMEO code ("0311" → "031", "10" → "10"); empty when none."""
    return cameo[:3] if cameo else ""


def plover_quad(plover: str | None) -> int | None:
    """PLOVER's quad category (1–4) of a PLOVER type, None when it has none."""
    return _table("plover_quad").get(plover or "")


def quad_class(cameo: str | None, plover: str | None) -> int | None:
    """GDELT's QuadClass: from the CAMEO root code, else from the PLOVER type, else None."""
    quad = _table("cameo_quad").get(cameo_root(cameo))
    return quad if quad is not None else plover_quad(plover)


def plover_mode(event_type: str) -> str | None:
    """The PLOVER mode that fits a chronique event type, None when PLOVER defines none."""
    return _table("plover_mode").get(event_type)


def plover_context(event_type: str) -> list[str]:
    """The PLOVER contexts of a chronique event type (possibly none)."""
    return list(_table("plover_context").get(event_type, []))
