"""Ministries and the portfolios of ministers: "le ministère de la Culture" is an organisation;
"Transports" in "le ministre des Transports" or "Industrie" in "la ministre déléguée à
l'Industrie" is a portfolio, never an actor of its own (the model takes it for a name).

The words are in ``actors.toml`` [institutions] (``portfolio_heads``, ``portfolio_links``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from chronique.extract.actors.names import NamedSpan
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["Portfolios"]

#: How many words a ministry's portfolio may run to ("de l'Enseignement supérieur et de la Recherche").
MAX_PORTFOLIO_WORDS = 10


class Portfolios:
    """The ministries of a text, and whether a name is a minister's portfolio."""

    def __init__(self, institutions: dict[str, Any], first_names: frozenset[str]) -> None:
        self.heads = frozenset(fold(h) for h in institutions.get("portfolio_heads", []))
        self.ministry_heads = frozenset(fold(h) for h in institutions.get("ministry_heads", []))
        self.links = frozenset(fold(w) for w in institutions.get("portfolio_links", []))
        self.first_names = first_names

    def is_portfolio(self, tokens: TokenTable, start: int) -> bool:
        """Whether the name starting at token ``start`` follows a minister's title and its links
        ("ministre des Transports", "ministre déléguée à l'Industrie"); a person's first name there
        is the minister's master ("le ministre d'Emmanuel Roux"), not a portfolio."""
        word = tokens.texts[start]
        if word in self.first_names or (word.isupper() and len(word) > 1):
            return False  # "les ministres de l'OPEP": an organisation's acronym, not a portfolio
        i = start - 1
        while i >= 0 and start - i <= 4 and tokens.folded[i] in self.links:
            i -= 1
        return i < start - 1 and i >= 0 and tokens.folded[i] in self.heads

    def ministries(self, doc: Doc) -> list[NamedSpan]:
        """"le ministère de la Culture", "le ministère de l'Économie et des Finances": the head,
        its links and the capitalised words of its portfolio, an organisation."""
        found = []
        tokens = token_table(doc)
        folded = tokens.folded
        for i in tokens.positions(self.ministry_heads):
            if folded[i] not in self.ministry_heads:
                continue
            end = self._portfolio_end(tokens, i + 1)
            if end is not None:
                found.append(NamedSpan(Span(doc, i, end, label="ORG"), "ORG", None, True, "pattern",
                                       rule="institution"))
        return found

    def _portfolio_end(self, tokens: TokenTable, i: int) -> int | None:
        """The end of the portfolio after a ministry's head at ``i``: links, then capitalised
        words, again after "et"; ``None`` when no capitalised word follows."""
        texts, folded, sent_starts = tokens.texts, tokens.folded, tokens.sent_starts
        end = None
        k = i
        while k < len(texts) and k - i < MAX_PORTFOLIO_WORDS and not sent_starts[k]:
            if texts[k][:1].isupper():
                end = k + 1
            elif folded[k] in self.links or (end is not None and texts[k].islower() and tokens.pos[k] == "ADJ"):
                if end is None and folded[k] == "et":
                    return None
            else:
                break
            k += 1
        return end
