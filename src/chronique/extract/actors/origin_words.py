"""The adjectives of origin of a language, in all their forms, for the tests that read a word as
an adjective: the tagger often takes one for a name ("le laboratoire lyonnais Galénia": "lyonnais"
PROPN), which cut a description from the name it introduces."""

from __future__ import annotations

from functools import cache

from chronique.data import lexicon
from chronique.extract.actors.institutions import demonym_forms

__all__ = ["origin_adjectives"]


@cache
def origin_adjectives(lang: str) -> frozenset[str]:
    """Every form of the adjectives of origin of ``places.toml`` ("lyonnais", "belges"); none for
    a language without a lexicon of places."""
    try:
        places = lexicon(lang, "places")
    except FileNotFoundError:
        return frozenset()
    endings = places.get("demonym_plural_endings", [])
    return frozenset(form for adjective in places.get("demonyms", ()) for form in demonym_forms(adjective, endings))
