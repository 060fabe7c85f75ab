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
        most ``MAX_GAP`` lower-case words between them."""
        tokens = token_table(span.doc)
        i = span.start - 1
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
