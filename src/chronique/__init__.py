"""chronique: dated news articles in, a sourced temporal knowledge graph out.

The public Python API::

    from chronique import Store, annotate_paths, ingest_paths

    with Store("news.db") as store:
        report = ingest_paths(["articles/"], store)
        musk = store.find_entity("Elon Musk")
        for entry in store.timeline([musk.id]):
            print(entry.date_value, entry.type, entry.sources, entry.targets)

``annotate_text`` annotates one string without a database. Names are imported on first use, so
that ``import chronique.store`` (or the HTTP layer) does not pay for loading spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS = {
    "Annotations": "chronique.model",
    "Document": "chronique.model",
    "Entity": "chronique.model",
    "Event": "chronique.model",
    "Money": "chronique.model",
    "Quote": "chronique.model",
    "Relation": "chronique.model",
    "Timex": "chronique.model",
    "ChroniqueError": "chronique.errors",
    "InputError": "chronique.errors",
    "StoreError": "chronique.errors",
    "NotFoundError": "chronique.errors",
    "UnknownActor": "chronique.errors",
    "UsageError": "chronique.errors",
    "Chronicle": "chronique.analysis",
    "UnsupportedLanguageError": "chronique.errors",
    "Rejection": "chronique.documents",
    "read_paths": "chronique.documents",
    "Store": "chronique.store",
    "IngestReport": "chronique.ingest",
    "annotate_paths": "chronique.ingest",
    "annotate_texts": "chronique.ingest",
    "annotate_text": "chronique.ingest",
    "ingest_paths": "chronique.ingest",
}

__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from chronique.analysis import Chronicle
    from chronique.documents import Rejection, read_paths
    from chronique.errors import (
        ChroniqueError,
        InputError,
        NotFoundError,
        StoreError,
        UnknownActor,
        UnsupportedLanguageError,
        UsageError,
    )
    from chronique.ingest import IngestReport, annotate_paths, annotate_text, annotate_texts, ingest_paths
    from chronique.model import Annotations, Document, Entity, Event, Money, Quote, Relation, Timex
    from chronique.store import Store


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'chronique' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
