"""Titles of works in quotation marks, announced by the noun of their kind.

The model rarely finds a title in guillemets ("le nouveau roman de X, « La Nuit des pierres »",
"l'émission « Télématin »"), and takes one it finds for a company; the press announces most
titles by the kind of work they name, a few words before the opening mark. Such a title is a
product (``actors.toml [work_titles]``). A string that reads as someone's speech (a personal
pronoun, a reporting incise after it) is no title.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from chronique.extract.actors.names import NamedSpan
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["WorkTitleFinder"]

_OPENING = {"«": "»", "“": "”", '"': '"'}
_CLAUSE_ENDS = frozenset({".", ";", "!", "?"})


class WorkTitleFinder:
    """Finds the quoted titles a noun of a kind of work announces."""

    def __init__(self, words: dict[str, Any]) -> None:
        lexicon = words.get("work_titles", {})
        # as the tokenizer may cut them: "long-métrage" whole or at its hyphen
        nouns = {form for n in lexicon.get("nouns", ())
                 for form in (tuple(fold(n).split()), tuple(fold(n).replace("-", " - ").split()))}
        self.nouns_by_first: dict[str, list[tuple[str, ...]]] = {}
        for noun in sorted(nouns, key=len, reverse=True):
            self.nouns_by_first.setdefault(noun[0], []).append(noun)
        self.window: int = lexicon.get("window", 8)
        self.longest: int = lexicon.get("longest", 12)
        self.speech_words = frozenset(fold(w) for w in lexicon.get("speech_words", ()))
        self.links = frozenset(fold(w) for w in lexicon.get("links", ()))
        self.window_prepositions = frozenset(fold(w) for w in lexicon.get("window_prepositions", ()))

    def find(self, doc: Doc) -> list[NamedSpan]:
        tokens = token_table(doc)
        bounds: set[tuple[int, int]] = set()
        taken = -1  # the last token of the last title found: a title is never a noun's window
        for i in tokens.positions(frozenset(self.nouns_by_first)):
            if i <= taken:
                continue
            end = self._noun_end(tokens, i)
            if end is None:
                continue
            title = self._title_before(doc, tokens, i)
            if title is not None:
                bounds.add(title)
            for start, stop in self._titles_after(doc, tokens, end):
                bounds.add((start, stop))
                taken = stop
        return [NamedSpan(Span(doc, start, stop, label="PRODUCT"), "PRODUCT", None, True, "pattern", rule="work-title")
                for start, stop in sorted(bounds)]

    def _title_before(self, doc: Doc, tokens: TokenTable, noun: int) -> tuple[int, int] | None:
        """"« La Nuit des pierres », le nouveau roman de X": a title the noun's phrase, set after
        it by a comma, describes (at most an article and two words between the comma and the
        noun)."""
        for comma in range(noun - 1, max(noun - 5, 0), -1):
            if tokens.texts[comma] == ",":
                break
            if tokens.pos[comma] not in ("DET", "ADJ", "ADV"):
                return None
        else:
            return None
        closing = comma - 1
        if closing < 1 or tokens.texts[closing] not in _OPENING.values():
            return None
        for opening in range(closing - 1, max(closing - self.longest - 2, -1), -1):
            if tokens.texts[opening] in _OPENING and _OPENING[tokens.texts[opening]] == tokens.texts[closing]:
                return (opening + 1, closing) if self._is_title(doc, tokens, opening + 1, closing, incise=False) else None
        return None

    def _noun_end(self, tokens: TokenTable, i: int) -> int | None:
        """The token after the noun of a kind of work starting at ``i`` (its text or, for one
        word, its lemma), else ``None``."""
        folded = tokens.folded
        for noun in self.nouns_by_first.get(folded[i], ()):
            if tuple(folded[i : i + len(noun)]) == noun:
                return i + len(noun)
        return None

    def _titles_after(self, doc: Doc, tokens: TokenTable, end: int) -> list[tuple[int, int]]:
        """The titles (token bounds, marks excluded) quoted within the window after a noun: the
        first, then those a link joins to it ("« A » et « B »"). The window holds the noun's
        own complements and examples ("le roman de X", "la série à succès", "des films de X
        comme « A »"); a preposition of another kind
        ends it: "un film sur « La Poste »" is about a company, "l'essai … en « Coupe du monde »"
        no work."""
        titles: list[tuple[int, int]] = []
        i, limit = end, min(end + self.window + 1, len(tokens))
        while i < limit:
            text = tokens.texts[i]
            if text in _OPENING:
                break
            if text in _CLAUSE_ENDS or tokens.pos[i] in ("VERB", "AUX") or (i > end and tokens.sent_starts[i]):
                return titles
            if tokens.pos[i] == "ADP" and tokens.folded[i] not in self.window_prepositions:
                return titles
            i += 1
        else:
            return titles
        while i < len(tokens) and tokens.texts[i] in _OPENING:
            closing = self._closing(tokens, i)
            if closing is None or not self._is_title(doc, tokens, i + 1, closing):
                break
            titles.append((i + 1, closing))
            after = closing + 1
            while after < len(tokens) and tokens.folded[after] in self.links and tokens.texts[after] not in _OPENING:
                after += 1
            if after == closing + 1:
                break
            i = after
        return titles

    def _closing(self, tokens: TokenTable, opening: int) -> int | None:
        """The index of the mark closing the one at ``opening``, within a title's length."""
        mark = _OPENING[tokens.texts[opening]]
        for k in range(opening + 1, min(opening + self.longest + 2, len(tokens))):
            if tokens.texts[k] == mark:
                return k
            if tokens.texts[k] in _OPENING and mark != '"':
                return None
        return None

    def _is_title(self, doc: Doc, tokens: TokenTable, start: int, end: int, incise: bool = True) -> bool:
        """Whether the quoted words read as a title: some words, opening on a capital or a
        digit, no personal pronoun, not followed by a reporting incise (", explique X")."""
        if end <= start or end - start > self.longest:
            return False
        first = tokens.texts[start]
        if not (first[:1].isupper() or first[:1].isdigit()):
            return False
        if any(tokens.folded[k] in self.speech_words for k in range(start, end)):
            return False
        return not (incise and self._incise_after(doc, tokens, end + 1))

    def _incise_after(self, doc: Doc, tokens: TokenTable, after: int) -> bool:
        """Whether a reporting incise follows the closing mark: a comma, then a finite verb or
        an auxiliary (", explique X", ", a-t-il dit"); not a participle (", relancée en 2024")."""
        if after + 1 >= len(tokens) or tokens.texts[after] != ",":
            return False
        verb = after + 1
        if tokens.pos[verb] == "AUX":
            return True
        return tokens.pos[verb] == "VERB" and "Part" not in doc[verb].morph.get("VerbForm", [])
