"""chronique's spaCy components, one concern each, registered as factories.

Importing a component module registers its factory with ``@Language.factory``;
:func:`register_components` imports them all and registers the ``Doc`` attributes they share
(see :mod:`chronique.components.extensions`).
"""

from __future__ import annotations

import importlib

from chronique.components.extensions import register_extensions

__all__ = ["register_components"]

COMPONENT_MODULES = ("sentences", "actors", "timex", "money", "quotes", "events", "relations")


def register_components() -> None:
    """Register the shared ``Doc`` attributes and every chronique factory."""
    register_extensions()
    for name in COMPONENT_MODULES:
        importlib.import_module(f"chronique.components.{name}")
