"""The makers of products named as an event's side: "une commande pour une Tesla Roadster" is an
order from Tesla (role ``maker`` of the event lexicon)."""

from __future__ import annotations

from chronique.kb import KnowledgeBase

__all__ = ["makers_of"]


def makers_of(kb: KnowledgeBase, keys: list[str], types: dict[str, str]) -> list[str]:
    """The makers of the products among ``keys`` that the document names."""
    makers = []
    for key in keys:
        known = kb.get(key)
        maker = known.maker if known is not None else _brand_of(kb, key)
        if maker and maker in types and maker not in makers:
            makers.append(maker)
    return makers


def _brand_of(kb: KnowledgeBase, key: str) -> str | None:
    """The organisation whose name opens an unknown product's ("Airbus A350" is Airbus's:
    the actors' ``brand-product`` rule typed it so only when the knowledge base knows that
    organisation)."""
    if not key.startswith("product:"):
        return None
    first = key.split(":", 1)[1].split(" ", 1)[0]
    known = [kb.get(k) for k in kb.actors_named(first)]
    return known[0].id if len(known) == 1 and known[0] is not None and known[0].type == "ORG" else None
