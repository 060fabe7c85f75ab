"""chronique's extractors, one package per concern, each an engine plus its spaCy component.

Packages: ``actors`` (recognizer, knowledge-base matching, name patterns, coreference), ``timex``
(dates, times, durations, sets), ``money``, ``quotes``, ``events``, ``relations``. Each package's
``component`` module registers its factory; the shared ``Doc`` layer they read lives in
:mod:`chronique.nlp`.

Importing a component module registers its factory with ``@Language.factory``;
:func:`register_components` imports them all and registers the ``Doc`` attributes they share
(see :mod:`chronique.nlp.extensions`).
"""

from __future__ import annotations

import importlib

from chronique.nlp.extensions import register_extensions

__all__ = ["register_components"]

COMPONENT_MODULES = (
    "chronique.nlp.sentences",
    "chronique.extract.actors.component",
    "chronique.extract.timex.component",
    "chronique.extract.money.component",
    "chronique.extract.quotes.component",
    "chronique.extract.events.component",
    "chronique.extract.relations.component",
)


def register_components() -> None:
    """Register the shared ``Doc`` attributes and every chronique factory."""
    register_extensions()
    for name in COMPONENT_MODULES:
        importlib.import_module(name)
