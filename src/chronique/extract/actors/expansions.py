"""Long organisation names defined by their acronym in brackets.

The press spells out an institution once, with its acronym after it: "la Direction nationale
d'aide et de contrôle de gestion (DNACG)", "l'Autorité de sûreté nucléaire (ASN)". The model
cuts such a name at its first lower-case link ("Direction nationale"), which then stands for
nobody the article names and takes the descriptions meant for others. The acronym says how far
the name goes: the words before the bracket whose initials, links left out, spell it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from chronique.extract.actors.names import NamedSpan
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["AcronymExpansions"]

#: The fewest letters an acronym must have to spell a name (two letters match too much).
MIN_LETTERS = 3
#: The most words (links included) a spelled-out name may span.
MAX_WORDS = 14


class AcronymExpansions:
    """Finds "Name of several words (ACRONYM)" where the acronym spells the name's initials."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.links = frozenset(fold(w) for w in words.get("acronym_expansion_links", ()))

    def find(self, doc: Doc) -> list[NamedSpan]:
        """The spelled-out names of the document, as organisations typed by their acronym."""
        tokens = token_table(doc)
        texts = tokens.texts
        found: list[NamedSpan] = []
        for i in range(1, len(texts) - 2):
            if texts[i] != "(" or texts[i + 2] != ")":
                continue
            acronym = texts[i + 1]
            if not (acronym.isalpha() and acronym[:1].isupper() and MIN_LETTERS <= len(acronym)
                    and sum(c.isupper() for c in acronym) >= 2):
                continue
            start = self._start(tokens, i, acronym)
            if start is not None:
                span = Span(doc, start, i, label="ORG")
                found.append(NamedSpan(span, "ORG", None, True, "pattern", rule="acronym-expansion"))
        return found

    def _start(self, tokens, bracket: int, acronym: str) -> int | None:
        """The first word of the name before ``bracket`` that ``acronym`` spells: the initials
        of its words read backwards, links skipped, must spell the acronym exactly, the first word
        capitalised and not the sentence's first (whose capital says nothing)."""
        texts, folded = tokens.texts, tokens.folded
        letters = fold(acronym)
        want = len(letters)
        i = bracket - 1
        seen = 0
        while i >= 0 and bracket - i <= MAX_WORDS:
            word = texts[i]
            if not word[:1].isalpha() or tokens.sent_starts[i] and seen + 1 < want:
                return None
            if folded[i] not in self.links:
                seen += 1
                if fold(word[:1]) != letters[want - seen]:
                    return None
                if seen == want:
                    ok = word[:1].isupper() and not tokens.sent_starts[i] and bracket - i > want
                    return i if ok else None
            i -= 1
        return None
