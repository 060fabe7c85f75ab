"""Description nouns that say what kind of actor they stand for, agreed with the actor's name.

"cette compétition", "le championnat", "ce tournoi" stand for a competition the article named
("la Super League", "la Coupe Davis", "l'Open d'Australie"), never for whichever club or company
was named last: the name itself must say the kind (a word of the kind's ``name_words``). The
kinds are data (``lexicons/<lang>/actors.toml: description_kinds``); a kind noun with no agreeing
actor in focus stands for nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chronique.text import fold

__all__ = ["NameKinds"]

#: The prefix of the description type a kind noun gets (``kind:competition``).
KIND_PREFIX = "kind:"

Narrowing = Callable[[list[str]], list[str]]


class NameKinds:
    """The kind nouns of a language, and the name words that show an actor is of that kind."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.noun_kind: dict[str, str] = {}
        self.name_words: dict[str, frozenset[str]] = {}
        self.types: dict[str, tuple[str, ...]] = {}
        for kind, table in words.get("description_kinds", {}).items():
            self.noun_kind.update((fold(noun), kind) for noun in table["nouns"])
            self.name_words[kind] = frozenset(fold(w) for w in table["name_words"])
            self.types[kind] = tuple(table["types"])

    def type_of(self, folded: str, folded_lemma: str) -> str | None:
        """``kind:<kind>`` for a kind noun ("compétition"), else ``None``."""
        kind = self.noun_kind.get(folded) or self.noun_kind.get(folded_lemma)
        return KIND_PREFIX + kind if kind else None

    def accepted(self, description_type: str) -> tuple[str, ...]:
        """The entity types a description of ``description_type`` may stand for."""
        if description_type.startswith(KIND_PREFIX):
            return self.types[description_type.removeprefix(KIND_PREFIX)]
        return (description_type,)

    def narrowing(self, folded: str, folded_lemma: str, entities: dict[str, dict[str, Any]],
                  base: Narrowing | None) -> Narrowing | None:
        """``base`` (agreement in origin), and for a kind noun only the actors whose name says the
        kind: "cette compétition" → "Super League", not "Real Madrid"."""
        kind = self.noun_kind.get(folded) or self.noun_kind.get(folded_lemma)
        if kind is None:
            return base
        wanted = self.name_words[kind]

        def narrow(keys: list[str]) -> list[str]:
            agreeing = [k for k in keys if self._says(entities.get(k, {}), wanted)]
            return base(agreeing) if base is not None else agreeing

        return narrow

    @staticmethod
    def _says(record: dict[str, Any], wanted: frozenset[str]) -> bool:
        names = [*record.get("names", ()), record.get("canonical") or ""]
        return any(fold(word) in wanted for name in names for word in name.replace("-", " ").split())
