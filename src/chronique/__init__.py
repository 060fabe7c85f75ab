"""chronique: dated news articles in, a sourced temporal knowledge graph out.

The public Python API::

    from chronique import Store, annotate_paths, ingest_paths

    with Store("news.db") as store:
        report = ingest_paths(["articles/"], store)
        musk = store.find_entity("Elon Musk")
        for entry in store.timeline([musk.id]):
            print(entry.date_value, entry.type, entry.sources, entry.targets)

``annotate_text`` annotates one string without a database.
"""

from __future__ import annotations

from datetime import date

from chronique.documents import Rejection, read_paths
from chronique.errors import ChroniqueError, InputError, StoreError, UnsupportedLanguageError
from chronique.ingest import IngestReport, annotate_paths, annotate_texts, ingest_paths
from chronique.model import Annotations, Document, Entity, Event, Money, Quote, Relation, Timex
from chronique.readers import build_document
from chronique.store import Store

__version__ = "0.1.0"

__all__ = [
    "Annotations",
    "ChroniqueError",
    "Document",
    "Entity",
    "Event",
    "IngestReport",
    "InputError",
    "Money",
    "Quote",
    "Rejection",
    "Relation",
    "Store",
    "StoreError",
    "Timex",
    "UnsupportedLanguageError",
    "annotate_paths",
    "annotate_text",
    "annotate_texts",
    "ingest_paths",
    "read_paths",
    "__version__",
]


def annotate_text(text: str, published: date, lang: str | None = None, doc_id: str | None = None) -> Annotations:
    """Annotate one article given as a string (language detected when not given)."""
    document = build_document(text, date=published, origin="<text>", id=doc_id, lang=lang)
    result = next(annotate_texts([document]))
    if isinstance(result, Rejection):
        raise result.to_exception()
    return result
