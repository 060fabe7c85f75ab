"""The dependency parse of a ``Doc`` as plain lists, read once per ``Doc``: a parse table.

The event rules walk the parse around every candidate trigger: ``token.children`` builds a
generator and a ``Token`` per child, and each ``.dep_`` or ``.head`` crosses into spaCy again.
:func:`parse_table` keeps, per token index, its head's index and its label (the token table's
columns, :mod:`chronique.nlp.tokens`, read in one ``Doc.to_array`` call), its children's
indexes (in order, as ``Token.children`` gives them) and its sentence's bounds, so that a walk
is list indexing.

It also tells whether a sentence has a word at all (:meth:`ParseTable.any_in_sentence`): a rule
that needs some word in the parse ("porter plainte" needs "plainte") cannot hold when the
trigger's sentence (one dependency tree) has none of its words, whatever the parse.

The table is kept in ``doc.user_data`` and rebuilt if the ``Doc`` no longer has as many tokens.
Ask for it only once the parser has run (chronique's components all run after it).
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property

from spacy.attrs import MORPH
from spacy.symbols import NAMES as SYMBOL_NAMES
from spacy.symbols import conj
from spacy.tokens import Doc, Token

from chronique.nlp.tokens import TokenTable, token_table

__all__ = ["ParseTable", "features_of", "parse_table"]

_TABLE_KEY = "chronique.parse"


class ParseTable:
    """Heads, labels, children and sentence bounds of one parsed ``Doc``, by token index."""

    def __init__(self, doc: Doc) -> None:
        # A weak reference, as the token table's: the table lives in ``doc.user_data``.
        self._doc = weakref.ref(doc)
        self.size = len(doc)
        tokens = token_table(doc)  # heads and labels are read once per Doc, there
        #: Index of each token's head (a root is its own head); the token table's list.
        self.heads: list[int] = tokens.heads
        #: ``token.dep_`` of each token; the token table's list.
        self.deps: list[str] = tokens.deps
        #: Words of each sentence already asked for, by the sentence's first token.
        self._sentence_words: dict[int, frozenset[str]] = {}
        #: The same words by token asked (the rules ask of the same trigger many times).
        self._token_sentence_words: dict[int, frozenset[str]] = {}

    def __len__(self) -> int:
        return self.size

    @cached_property
    def children(self) -> list[Sequence[int]]:
        """Indexes of each token's children, in the order of ``Token.children`` (left to right).
        Read them, never change them: a token without children (about half of them) shares one
        empty tuple, so that a document's table does not make a list per word."""
        found: list[Sequence[int]] = [_NO_CHILDREN] * self.size
        for i, head in enumerate(self.heads):
            if head != i:
                kids = found[head]
                if kids is _NO_CHILDREN:
                    found[head] = [i]
                else:
                    kids.append(i)  # type: ignore[attr-defined]  # a list: made just above
        return found

    def conjuncts(self, i: int) -> list[int]:
        """Indexes of the tokens coordinated with token ``i``, as ``Token.conjuncts`` gives them
        (``[t.i for t in doc[i].conjuncts]``), without the tuple of ``Token`` objects spaCy builds:
        climb the ``conj`` links to the first conjunct, then take the ``conj`` children to the
        right, breadth first, leaving out ``i`` itself."""
        heads, deps, children = self.heads, self.deps, self.children
        start = i
        while start != heads[start] and deps[start] == _CONJ:
            start = heads[start]
        found = [start]
        for word in found:  # grows as conjuncts of conjuncts are found
            for child in children[word]:
                if child > word and deps[child] == _CONJ:
                    found.append(child)
        return [w for w in found if w != i]

    @cached_property
    def features(self) -> list[dict[str, tuple[str, ...]]]:
        """Each token's morphological features, feature name to values: ``features[i].get(name, ())``
        holds the values ``token.morph.get(name)`` lists, without a ``MorphAnalysis`` per asking.
        Read them, never change them (a dict is shared by every token of the same analysis)."""
        if not self.size:
            return []
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this parse table is gone: ask parse_table(doc) again")
        keys = doc.to_array(MORPH).tolist()
        strings = doc.vocab.strings
        for key in set(keys).difference(_FEATURES):
            if len(_FEATURES) >= _FEATURES_LIMIT:
                _FEATURES.clear()
            _FEATURES[key] = _parsed_features(strings[key] if key else "")
        return list(map(_FEATURES.__getitem__, keys))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        """The token table's sentence starts, and the end of the document after them."""
        return [*self._tokens().sentence_starts, self.size]

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """``(token.sent.start, token.sent.end)`` of token ``i``, without a ``Span`` built."""
        starts = self._sentence_starts
        k = bisect_right(starts, i) - 1
        return starts[k], starts[k + 1]

    def sentence_chars(self, i: int) -> tuple[int, int]:
        """``(token.sent.start_char, token.sent.end_char)`` of token ``i``."""
        start, end = self.sentence_bounds(i)
        tokens = self._tokens()
        return tokens.starts[start], tokens.ends[end - 1]

    def any_in_sentence(self, words: frozenset[str], i: int) -> bool:
        """Whether a token of token ``i``'s sentence has one of ``words`` as its folded form or
        folded lemma (``fold(t.text)``, ``fold(t.lemma_)``): a rule that needs one of them in
        the parse around ``i`` (a sentence is one dependency tree) cannot hold when it has none."""
        known = self._token_sentence_words.get(i)
        if known is None:
            start, end = self.sentence_bounds(i)
            known = self._sentence_words.get(start)
            if known is None:
                tokens = self._tokens()
                known = self._sentence_words[start] = frozenset(tokens.folded[start:end]).union(
                    tokens.folded_lemmas[start:end])
            self._token_sentence_words[i] = known
        return not words.isdisjoint(known)

    def _tokens(self) -> TokenTable:
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this parse table is gone: ask parse_table(doc) again")
        return token_table(doc)


#: The children of a token that has none (shared: read, never changed).
_NO_CHILDREN: tuple[int, ...] = ()
#: The label ``Token.conjuncts`` follows: spaCy's own ``conj`` symbol, whatever the scheme.
_CONJ: str = SYMBOL_NAMES[conj]
#: Parsed features by the hash of their analysis, kept across documents (there are few analyses).
_FEATURES: dict[int, dict[str, tuple[str, ...]]] = {}
_FEATURES_LIMIT = 100_000


def _parsed_features(analysis: str) -> dict[str, tuple[str, ...]]:
    """"Mood=Cnd|VerbForm=Fin" as ``{"Mood": ("Cnd",), "VerbForm": ("Fin",)}`` (values split at
    ","), as ``MorphAnalysis.get`` reads it; "_" or "" has none."""
    found: dict[str, tuple[str, ...]] = {}
    if analysis in ("", "_"):
        return found
    for feature in analysis.split("|"):
        name, _, values = feature.partition("=")
        found[name] = found.get(name, ()) + tuple(values.split(","))
    return found


def parse_table(doc: Doc) -> ParseTable:
    """The document's parse table, built on first use and kept in ``doc.user_data``."""
    table = doc.user_data.get(_TABLE_KEY)
    if table is None or table.size != len(doc):
        table = doc.user_data[_TABLE_KEY] = ParseTable(doc)
    return table


def features_of(token: Token) -> dict[str, tuple[str, ...]]:
    """The token's morphological features (:attr:`ParseTable.features`): ``features_of(t).get("VerbForm", ())``
    holds what ``t.morph.get("VerbForm")`` lists."""
    return parse_table(token.doc).features[token.i]
