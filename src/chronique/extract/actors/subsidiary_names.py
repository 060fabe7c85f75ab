"""A subsidiary named after its parent: "Telvia … sa filiale Telvia Pylônes".

A name's first word alone usually stands for that longer name ("Mistral AI … Mistral"); but when
the article introduces the longer name as a part of another company ("sa filiale X Y", "la
branche X Y", "sa division X Y"), the longer name is the part, and its first word alone names
the parent it is called after: the two are two actors, and the parent is the one that sells,
refuses and competes. The cue nouns are the lexicon's ``subsidiary_cues``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span

from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["SubsidiaryCues"]

#: How many lower-case words (a possessive, an adjective) may stand between the cue noun and the
#: name ("sa nouvelle filiale X", "la filiale européenne X" is no such case: the adjective follows).
MAX_GAP = 2


class SubsidiaryCues:
    """Which longer names an article introduces as a part of another company."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.cues = frozenset(fold(c) for c in words.get("subsidiary_cues", []))

    def introduced_as_part(self, span: Span) -> bool:
        """Whether ``span`` follows a subsidiary cue noun ("sa filiale Telvia Pylônes"), with at
        most ``MAX_GAP`` lower-case words between them, a comma closing them ("sa filiale
        roumaine, Telvia Romania"), or is set off by a comma before one ("Telvia Habitat, la
        filiale immobilière du groupe")."""
        return self._cue_before(span) or self._cue_after(span)

    def _cue_after(self, span: Span) -> bool:
        """"X Y, la filiale …", "X Y, sa nouvelle filiale": the cue after the comma, a few
        lower-case words (an article, an adjective) before it."""
        tokens = token_table(span.doc)
        i = span.end
        if i >= len(tokens.texts) or tokens.texts[i] != ",":
            return False
        for j in range(i + 1, min(i + 2 + MAX_GAP, len(tokens.texts))):
            if tokens.folded[j] in self.cues:
                return True
            if not tokens.texts[j].islower() or not tokens.texts[j].replace("'", "").isalpha():
                return False
        return False

    def _cue_before(self, span: Span) -> bool:
        tokens = token_table(span.doc)
        i = span.start - 1
        if i > 0 and tokens.texts[i] == ",":
            i -= 1  # "sa filiale roumaine, Telvia Romania"
        for _ in range(MAX_GAP + 1):
            if i < 0:
                return False
            word = tokens.folded[i]
            if word in self.cues:
                return True
            if not tokens.texts[i].islower() or not tokens.texts[i].isalpha():
                return False
            i -= 1
        return False

    def parents_only(self, holders: Iterable[Any]) -> list[Any]:
        """``holders`` (names with a ``span``) without those introduced as a part: a first word
        alone does not stand for a subsidiary named after it."""
        return [n for n in holders if not self.introduced_as_part(n.span)]
