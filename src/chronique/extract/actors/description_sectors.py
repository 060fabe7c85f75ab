"""A description that names a sector stands for an actor the article shows in that sector.

"Brixel Capital, l'actionnaire du club, … Le groupe d'investissement a confirmé": the modifier
("d'investissement", "pharmaceutique", "de BTP", "de la distribution") names a sector, and of the
candidates in focus only Brixel Capital shows it (its name says "Capital"). What shows an actor's
sector: the words of its names and of the description phrase the article sets right before or
after them ("le fonds Ardival", "Ardival, le laboratoire lyonnais"). One candidate shows the
sector: that one; two or more: the one in focus (the last subject among them, alone in its
clause), else neither (a wrong actor is worse than none); none: those that show
another sector are left out ("le groupe pharmaceutique" is not "le fonds Ardival"), and focus
decides among the rest ("le géant américain de la tech" after "Google", which shows no sector).

Sectors and their words are data (``references.toml``, ``[sectors]``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Token

from chronique.data import lexicon
from chronique.nlp.extensions import ActorMention
from chronique.nlp.memo import per_lexicon
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["ArticleSectors", "sector_words"]

#: How many words before a name may say its sector ("le fonds d'investissement américain X").
WORDS_BEFORE = 4
#: How many words after a name's comma or bracket may say it ("X, le laboratoire lyonnais").
WORDS_AFTER = 6
#: Words after a description noun that may carry its sector: adjectives and one complement.
MAX_MODIFIER_WORDS = 4
_COMPLEMENT_MARKS = frozenset({"de", "d'", "du", "des"})
_ARTICLES = frozenset({"la", "l'", "le", "les"})


class SectorWords:
    """Folded word → the sectors it names as a modifier, and → the sectors it shows as evidence."""

    def __init__(self, table: dict[str, Any]) -> None:
        self.modifiers: dict[str, set[str]] = defaultdict(set)
        self.evidence: dict[str, set[str]] = defaultdict(set)
        for sector, words in table.items():
            for word in words.get("modifiers", []):
                self.modifiers[fold(word)].add(sector)
            for word in words.get("evidence", []):
                self.evidence[fold(word)].add(sector)


@per_lexicon
def _sector_words(words: dict[str, Any]) -> SectorWords:
    return SectorWords(words.get("sectors", {}))


def sector_words(lang: str) -> SectorWords:
    """The sector lexicon of ``lang`` (empty without a ``references`` lexicon)."""
    try:
        return _sector_words(lexicon(lang, "references"))
    except FileNotFoundError:
        return SectorWords({})


class ArticleSectors:
    """The sectors the article shows for each actor, and the sectors its descriptions say."""

    def __init__(self, doc: Doc, mentions: Iterable[ActorMention]) -> None:
        self.words = sector_words(doc.lang_)
        self.shown: dict[str, set[str]] = defaultdict(set)
        if not self.words.evidence:
            return
        tokens = token_table(doc)
        for mention in mentions:
            if mention.kind != "name":
                continue
            bounds = tokens.expanded_bounds(mention.start, mention.end)
            if bounds is None:
                continue
            first, end = bounds
            for i in (*range(first, end), *_epithet_positions(doc, first, end)):
                self.shown[mention.key] |= self.words.evidence.get(tokens.folded[i], set())

    def said_after(self, doc: Doc, noun: Token) -> list[set[str]]:
        """The sectors a description says, one set per word that says one: its noun ("la
        banque"), its adjectives ("le groupe pharmaceutique") and one complement ("de BTP",
        "d'investissement", "de la distribution"). An actor fits when it shows one sector of
        each set ("la banque publique d'investissement" is a bank, not any fund)."""
        said = [self._named(noun)]
        i, end = noun.i + 1, min(len(doc), noun.i + 1 + MAX_MODIFIER_WORDS)
        while i < end and doc[i].is_lower and doc[i].pos_ == "ADJ":
            said.append(self._named(doc[i]))
            i += 1
        if i + 1 < len(doc) and fold(doc[i].text) in _COMPLEMENT_MARKS:
            i += 1
            if i + 1 < len(doc) and fold(doc[i].text) in _ARTICLES:
                i += 1
            if doc[i].pos_ in ("NOUN", "PROPN", "ADJ") or doc[i].is_upper:
                said.append(self._named(doc[i]))
        return [sectors for sectors in said if sectors]

    def _named(self, token: Token) -> set[str]:
        return self.words.modifiers.get(fold(token.text), set()) | self.words.modifiers.get(fold(token.lemma_), set())

    def shows(self, key: str, said: list[set[str]]) -> bool:
        """Whether the article shows the actor ``key`` in a sector of each set of ``said``."""
        shown = self.shown.get(key, set())
        return bool(said) and all(shown & sectors for sectors in said)

    def narrowing(self, said: list[set[str]], choose: Callable[[list[str]], list[str]] | None = None
                  ) -> Callable[[list[str]], list[str]]:
        """Candidate keys → those a description saying ``said`` may stand for. Several candidates
        showing the sectors are left to ``choose`` (the caller's focus: the subject in focus among
        them), none by default: two funds for "le groupe d'investissement" are either, so neither.
        With none showing them, the candidates that show no sector at all stay, unless the
        description says several sectors and a candidate shows only part of them (then none)."""

        def narrow(keys: list[str]) -> list[str]:
            if not said:
                return keys
            showing = [k for k in keys if self.shows(k, said)]
            if len(showing) > 1:
                return choose(showing) if choose is not None else []
            if showing:
                return showing
            if len(said) > 1 and any(self.shown.get(k, set()) & sectors for k in keys for sectors in said):
                # "la banque publique d'investissement" after a fund: a candidate shows part of what
                # the description says, none all of it; it names an actor not in view, not the
                # company that shows nothing
                return []
            return [k for k in keys if not self.shown.get(k)]

        return narrow


def _epithet_positions(doc: Doc, first: int, end: int) -> list[int]:
    """The words of the description phrase right before a name ("le fonds d'investissement
    américain X": back to its determiner) and of its apposition after a comma or a bracket ("X, le
    laboratoire lyonnais"), each read as nouns, adjectives and bare complements ("d'investissement");
    a complement with an article ("le site de voyages de la SNCF") is another phrase. Read from
    the token table: no ``Token`` is built."""
    tokens = token_table(doc)
    size = len(tokens)
    found = []
    i = first - 1
    while i >= 0 and first - i <= WORDS_BEFORE and _epithet_word(tokens, i):
        found.append(i)
        i -= 1
    if end < size and tokens.texts[end] in (",", "("):
        j = end + 1
        if j < size and tokens.pos[j] == "DET":
            j += 1
        while j < size and j - end <= WORDS_AFTER and _epithet_word(tokens, j):
            found.append(j)
            j += 1
    return found


def _epithet_word(tokens: TokenTable, i: int) -> bool:
    """A lower-case noun or adjective, or a "de" that opens a bare complement ("d'investissement")."""
    is_lower, pos = tokens.is_lower, tokens.pos
    if not is_lower[i]:
        return False
    if pos[i] in ("NOUN", "ADJ"):
        return True
    following = i + 1
    return (tokens.folded[i] in ("de", "d'") and following < len(tokens) and is_lower[following]
            and pos[following] == "NOUN")
