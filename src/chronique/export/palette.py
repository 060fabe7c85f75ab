"""The colours chronique draws conflict and cooperation with, shared by the report and the GEXF export.

One diverging scale everywhere: conflict red, cooperation green, neutral grey in between, so that
a reader who learns it in the report reads Gephi's picture the same way. The interpolation runs
through grey (not yellow) so that a neutral edge does not look like a warning.
"""

from __future__ import annotations

__all__ = ["CONFLICT", "NEUTRAL", "COOPERATION", "signed_colour", "hex_colour"]

RGB = tuple[int, int, int]

CONFLICT: RGB = (192, 57, 43)
NEUTRAL: RGB = (158, 158, 158)
COOPERATION: RGB = (39, 174, 96)


def _mix(a: RGB, b: RGB, share: float) -> RGB:
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b))  # type: ignore[return-value]


def signed_colour(score: float, bound: float = 10.0) -> RGB:
    """The colour of a conflict–cooperation score: red at ``-bound``, grey at 0, green at ``bound``."""
    share = max(-1.0, min(1.0, score / bound)) if bound else 0.0
    return _mix(NEUTRAL, COOPERATION, share) if share >= 0 else _mix(NEUTRAL, CONFLICT, -share)


def hex_colour(rgb: RGB) -> str:
    """``#rrggbb`` for matplotlib and CSS."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)
