"""Relational nouns: the words that state a relation, and what each of them may state.

A noun may state more than one relation, told apart by the types of the actors it joins:
"propriétaire" is a person's ROLE (owner) when it names a person ("Frank McCourt, le
propriétaire de l'OM") and an organisation's parent when it names an organisation ("QSI, le
propriétaire du PSG"); "créateur" is a founder for a person and a maker for a company. Every
sense is data from ``resources/lexicons/<lang>/relations.toml`` (and the role nouns of
``actors.toml``); this module only gives each word list its meaning.

Words are matched on the text of the tokens, so that a hyphenated noun reads the same whether
the tokenizer split it or not ("président-directeur général"), and on the lemma of the last
word, so that plurals are found ("les cofondateurs de Y").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from chronique.nlp.extensions import text_of
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["ROLE", "PRODUCT_OF", "PART_OF", "NounSense", "NounPhrase", "NounLexicon"]

ROLE, PRODUCT_OF, PART_OF = "ROLE", "PRODUCT_OF", "PART_OF"
_SPACES = re.compile(r"\s+")
_TOKEN_SPLIT = re.compile(r"[\s'’\-]+")


@dataclass(frozen=True)
class NounSense:
    """What a relational noun states: the relation, the types of the actor it names (the holder,
    the product, the subsidiary) and of its complement (the organisation, the owner)."""

    relation: str
    named_types: frozenset[str]
    complement_types: frozenset[str]
    titles: tuple[str, ...] = ()
    # "son entreprise xAI", "QSI, propriétaire du PSG": the complement is the relation's source.
    complement_first: bool = False
    # "sous la houlette de X": without a comma after the name before it, the locution tells how
    # the clause's action went ("A a fusionné avec B sous la houlette de X"), not who leads B.
    needs_comma: bool = False

    def fits(self, named_type: str | None, complement_type: str | None) -> bool:
        return named_type in self.named_types and complement_type in self.complement_types


@lru_cache(maxsize=65_536)
def _key(text: str) -> str:
    """The lookup form of a noun: folded, one space between words (memoised: a pure function
    asked for the words at every token)."""
    return _SPACES.sub(" ", fold(text).strip())


def _infinitive(lemma: str) -> bool:
    """Whether a lemma is a French verb's infinitive ("présider", "diriger"): a word tagged a verb
    whose lemma is a noun ("fondatrice" → "fondateur") is a noun the tagger misread."""
    return lemma.endswith(("er", "ir", "re", "oir"))


@lru_cache(maxsize=65_536)
def _first_word(folded: str) -> str:
    """The part of a folded word before any space, apostrophe or hyphen (memoised)."""
    return _TOKEN_SPLIT.split(folded)[0]


def _senses(words: dict[str, Any], role_nouns: dict[str, list[str]]) -> list[tuple[Iterable[str], NounSense]]:
    """Each word list of the lexicon with the sense its nouns carry."""
    org, product, person, other = "ORG", "PRODUCT", "PERSON", "OTHER"
    return [
        (words.get("owned_nouns", ()), NounSense(ROLE, frozenset({org}), frozenset({person}), ("owner",), True)),
        (words.get("part_nouns", ()), NounSense(PART_OF, frozenset({org, product, other}), frozenset({org, other}))),
        (words.get("product_nouns", ()), NounSense(PRODUCT_OF, frozenset({product, org, other}), frozenset({org}))),
        (words.get("maker_nouns", ()), NounSense(PRODUCT_OF, frozenset({org}), frozenset({product, other}), (), True)),
        (words.get("parent_nouns", ()), NounSense(PART_OF, frozenset({org}), frozenset({org, product, other}), (), True)),
        *(
            ([noun], NounSense(ROLE, frozenset({person, other}), frozenset({org, other}), tuple(titles)))
            for noun, titles in role_nouns.items()
        ),
        *(  # "le groupe X, sous la houlette de Y": Y, the complement, leads X
            ([locution], NounSense(ROLE, frozenset({org}), frozenset({person}), tuple(titles), True, True))
            for locution, titles in words.get("led_locutions", {}).items()
        ),
    ]


@dataclass(frozen=True)
class NounPhrase:
    """A relational noun in the text, with the determiners and modifiers before it."""

    start: int  # first token, prefix included
    noun_start: int
    end: int  # token after the noun's words
    head: int  # the syntactic head of the noun's words ("tête" in "à la tête")
    senses: tuple[NounSense, ...]
    possessive: bool
    former: bool
    membership: bool


class NounLexicon:
    """The relational nouns of a language, looked up at a token of a parsed ``Doc``."""

    def __init__(self, words: dict[str, Any], role_nouns: dict[str, list[str]]) -> None:
        self.table: dict[str, tuple[NounSense, ...]] = {}
        for nouns, sense in _senses(words, role_nouns):
            for noun in nouns:
                key = _key(noun)
                senses = self.table.get(key, ())
                # a role noun of relations.toml replaces the same noun read from actors.toml
                kept = tuple(s for s in senses if not (s.relation == ROLE and sense.relation == ROLE
                                                       and s.named_types == sense.named_types))
                self.table[key] = (*kept, sense)
        self.first_words = {_TOKEN_SPLIT.split(key)[0] for key in self.table}
        self.longest = max((len(_TOKEN_SPLIT.split(key)) + key.count("-") + key.count("'")
                            for key in self.table), default=1)
        #: Every beginning of a key: a noun can only go on past a word if the words so far begin one.
        self.prefixes = {key[:n] for key in self.table for n in range(len(key) + 1)}
        # ``str.lower`` folds a sigma by what follows it, the one case where the key of a longer
        # text need not begin with the key of its first words: then every width is tried.
        self.prefix_cut = not any(sigma in key for key in self.table for sigma in "σς")

    def candidate_starts(self, doc: Doc) -> list[int]:
        """Indexes of the tokens that may start a relational noun (in order): :meth:`at` is None
        at every other token. A look at each distinct form and lemma of the token table instead of
        a call per token."""
        tokens = token_table(doc)
        first_words = self.first_words
        forms, lemmas = tokens.by_folded, tokens.by_folded_lemma
        found = [i for form in forms.first if _first_word(form) in first_words for i in forms.of(form)]
        found += lemmas.among(first_words)
        return sorted(set(found))

    def at(self, doc: Doc, i: int) -> tuple[int, tuple[NounSense, ...]] | None:
        """(width in tokens, senses) of the longest relational noun starting at token ``i``."""
        tokens = token_table(doc)
        if _first_word(tokens.folded[i]) not in self.first_words and tokens.folded_lemmas[i] not in self.first_words:
            return None
        text_of_doc = text_of(doc)
        widest = min(self.longest, len(doc) - i)
        if self.prefix_cut:
            widest = self._widest_at(tokens, text_of_doc, i, widest)
        for width in range(widest, 0, -1):
            last = i + width - 1
            last_text = tokens.texts[last]
            acronym = last_text.isupper() and len(last_text) <= 4  # "CEO", "PDG" tagged as names
            verb = tokens.pos[last] == "VERB" and _infinitive(tokens.lemmas[last] or "")
            if ((tokens.pos[last] == "PROPN" or verb) and not acronym) or tokens.is_punct[last]:
                continue  # "ils président", a name; not "fondatrice" the tagger took for a participle
            # the words' text and, for the last, its lemma (read from the token table, whose
            # offsets cut the text exactly as ``Span.text`` and ``Span.text_with_ws`` do)
            text = text_of_doc[tokens.starts[i] : tokens.ends[last]]
            lemma_text = text_of_doc[tokens.starts[i] : tokens.starts[last]] + (tokens.lemmas[last] or last_text)
            for candidate in (text, lemma_text):
                senses = self.table.get(_key(candidate))
                if senses:
                    return width, senses
        return None

    def _widest_at(self, tokens: TokenTable, text: str, i: int, widest: int) -> int:
        """The most words a noun starting at token ``i`` may have: both texts :meth:`at` tries for
        a width (the words' text, and the same with the last word's lemma) begin with the words
        before the last one, so a width whose first words begin no key, and every wider one, is
        no noun (most starts are a common first word, "à" of "à la tête", followed by no key)."""
        start = tokens.starts[i]
        for width in range(2, widest + 1):
            if _key(text[start : tokens.starts[i + width - 1]]) not in self.prefixes:
                return width - 1
        return widest
