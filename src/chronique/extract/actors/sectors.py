"""Sectors written as acronyms in a description's complement: "le géant du BTP Vinci", "le
leader de l'IA Mistral".

The model joins the acronym to the name after it ("BTP Vinci") and the cue before it no longer
touches the name; the acronym is no part of the name, and the cue ("le géant") still types it
across the complement (``actors.toml sector_acronyms``, ``sector_links``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span

from chronique.extract.actors.names import CueIndex, NamedSpan
from chronique.nlp.tokens import TokenTable, token_table

__all__ = ["SectorAcronyms"]


class SectorAcronyms:
    """The sector acronyms of one language and the words that join them to a description."""

    def __init__(self, words: dict[str, Any], cues: CueIndex) -> None:
        self.acronyms = frozenset(words.get("sector_acronyms", []))
        self.links = frozenset(words.get("sector_links", []))  # folded forms
        self.cues = cues

    def after(self, tokens: TokenTable, start: int) -> bool:
        """Whether the word before token ``start`` is a sector acronym of a description's
        complement ("du BTP", "de l'IA")."""
        k = start - 1
        return k >= 1 and tokens.texts[k] in self.acronyms and tokens.folded[k - 1] in self.links

    def cue_past(self, text: str, tokens: TokenTable, start: int) -> str | None:
        """The organisation a cue says across a sector acronym's complement ("le géant du BTP X",
        "le leader de l'IA X"), ``None`` otherwise."""
        if not self.after(tokens, start):
            return None
        k = start - 2
        if tokens.folded[k] in ("l'", "la") and k > 0 and tokens.folded[k - 1] == "de":
            k -= 1
        return "ORG" if self.cues.type_before(text, tokens.starts[k]) == "ORG" else None

    def strip(self, doc: Doc, name: NamedSpan) -> NamedSpan:
        """The name without a sector acronym of its description's complement before it ("le
        géant du BTP Vinci" is Vinci)."""
        start = self.first_token_past(token_table(doc), name.span.start, name.span.end)
        if start == name.span.start:
            return name
        return replace(name, span=Span(doc, start, name.span.end, label=name.span.label_))

    def first_token_past(self, tokens: TokenTable, start: int, end: int) -> int:
        """The first token of a name from ``start`` to ``end`` past the sector acronyms of a
        description's complement that open it ("le géant du BTP Vinci", "le champion de l'IA
        Mistral": the sector is no part of the name)."""
        texts = tokens.texts
        while end - start > 1 and texts[start] in self.acronyms and start > 0 \
                and tokens.folded[start - 1] in self.links and texts[start + 1][:1].isupper():
            start += 1
        return start
