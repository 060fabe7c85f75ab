"""A trade noun stands only for an actor the article did not give another trade.

"la banque d'affaires Wingate … un communiqué du club": "le club" is not the bank, however much
the bank is in focus. When the article itself called an actor by a trade noun ("la banque X",
"X, le cimentier", "le fonds d'investissement X"), a later description with a different trade
noun ("le club", "le laboratoire") stands for another actor. So does a name that opens with a
trade noun: "la Fédération des clubs du Sud-Ouest" is a federation, not "le club" of a later
sentence, whatever word of its name says "clubs" (:meth:`TradeNouns.name_heads`). Nouns that say nothing of a trade
("la société", "le groupe": ``generic_descriptions``) agree with every actor, and nouns of one
trade agree with each other ("le constructeur" and "le fabricant": ``trade_noun_families`` in
``lexicons/<lang>/actors.toml``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from chronique.text import fold

__all__ = ["TradeNouns"]

Narrowing = Callable[[list[str]], list[str]]


class TradeNouns:
    """The organisation trade nouns of a language, and which of them agree with each other."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.trades = frozenset(fold(noun) for noun in words["description_nouns"].get("ORG", ()))
        self.generic = frozenset(fold(noun) for noun in words.get("generic_descriptions", {}).get("nouns", ()))
        self.families: dict[str, set[int]] = {}
        for number, family in enumerate(words.get("trade_noun_families", {}).get("families", ())):
            for noun in family:
                self.families.setdefault(fold(noun), set()).add(number)

    def is_trade(self, noun: str) -> bool:
        """Whether ``noun`` (folded) names a trade: an organisation noun that is not generic."""
        return noun in self.trades and noun not in self.generic

    def agree(self, first: str, second: str) -> bool:
        """Whether two trade nouns (folded) may name the same actor."""
        return first == second or bool(self.families.get(first, set()) & self.families.get(second, set()))

    def narrowing(self, noun: str, titles: Mapping[str, set[str]], base: Narrowing | None) -> Narrowing | None:
        """``base``, then off the actors the article gave only other trades than ``noun`` (folded)."""
        if not self.is_trade(noun):
            return base
        given: dict[str, set[str]] = {}
        for title, keys in titles.items():
            if self.is_trade(title):
                for key in keys:
                    given.setdefault(key, set()).add(title)

        def narrow(keys: list[str]) -> list[str]:
            kept = [key for key in keys
                    if key not in given or any(self.agree(noun, title) for title in given[key])]
            return base(kept) if base is not None else kept

        return narrow

    def name_heads(self, entities: Mapping[str, Mapping[str, Any]]) -> dict[str, set[str]]:
        """Trade noun (folded) → the organisations whose name opens with it ("Fédération des
        clubs du Sud-Ouest" → "fédération", "Caisse alpine de crédit" → "caisse"), the way the
        article's own words give a trade: to add to them before :meth:`narrowing`. A name of
        one word says no trade ("Studio" is a company's whole name)."""
        heads: dict[str, set[str]] = {}
        for key, record in entities.items():
            words = str(record.get("name") or key.partition(":")[2]).replace("'", "' ").split()
            if record.get("type") == "ORG" and len(words) > 1 and self.is_trade(fold(words[0])):
                heads.setdefault(fold(words[0]), set()).add(key)
        return heads
