"""Kept so that ``from chronique.analysis.errors import UnknownActor`` still works.

``UnknownActor`` lives in :mod:`chronique.errors` with the rest of the tree (a ``NotFoundError``:
the command line answers it with status 2, the web with 404).
"""

from __future__ import annotations

from chronique.errors import UnknownActor

__all__ = ["UnknownActor"]
