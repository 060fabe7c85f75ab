"""What the extractors read of every token, computed once per ``Doc``: a token table.

Iterating a ``Doc`` builds a Python ``Token`` object per token, and ``token.text``,
``token.lower_`` or ``token.lemma_`` each cross into spaCy again; the extractors ask these of
every token many times over (an actor index per rule, a lexicon lookup per token and per
lexicon). :func:`token_table` reads the character offsets of all tokens in one
``Doc.to_array`` call, cuts their texts out of the document's text (read once, see
:func:`~chronique.nlp.extensions.text_of`), and keeps the folded forms (:func:`chronique.text.fold`)
and the lemmas for when they are first asked. The table is kept in ``doc.user_data`` and
rebuilt if the ``Doc`` no longer has as many tokens (a retokenised ``Doc``).

Lemmas are read when first asked: ask for them only once the lemmatizer has run (chronique's
components all run after it).
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable
from functools import cached_property
from itertools import compress
from typing import Any

from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_STOP, LEMMA, LENGTH, LIKE_NUM, POS, SENT_START
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from chronique.nlp.extensions import text_of
from chronique.text import fold

__all__ = ["Occurrences", "TokenTable", "expanded_bounds", "first_token_from", "token_table"]

_TABLE_KEY = "chronique.tokens"


class TokenTable:
    """Per-token offsets, texts, folded forms and lemmas of one ``Doc``, as plain lists."""

    def __init__(self, doc: Doc) -> None:
        # A weak reference: the table lives in ``doc.user_data``, and a strong one would make a
        # cycle that keeps every Doc (and its C memory) alive until the cyclic collector runs.
        self._doc = weakref.ref(doc)
        columns = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        #: Character offset of each token's first character.
        self.starts: list[int] = [row[0] for row in columns]
        #: Character offset just after each token.
        self.ends: list[int] = [row[0] + row[1] for row in columns]
        text = text_of(doc)
        #: The document's text (``doc.text``, as :func:`~chronique.nlp.extensions.text_of` reads it).
        self.text = text
        #: Each token's text (``token.text``).
        self.texts: list[str] = [text[start:end] for start, end in zip(self.starts, self.ends)]

        #: How many tokens the ``Doc`` had when the table was made.
        self.size = len(self.starts)
        #: Per-token answers an extractor computes once per ``Doc`` and asks again (keyed by
        #: the asker's own key, then token index): they live and die with the table.
        self.memo: dict[object, dict[int, Any]] = {}

    def __len__(self) -> int:
        return self.size

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the document's text (``Span.text`` joins its tokens)."""
        return self.text[self.starts[start] : self.ends[end - 1]] if end > start else ""

    @cached_property
    def folded(self) -> list[str]:
        """``fold(token.text)`` of each token: lower case, apostrophes unified."""
        return _folded(self.texts)

    @cached_property
    def lemmas(self) -> list[str]:
        """``token.lemma_`` of each token (read when first asked: after the lemmatizer)."""
        if not len(self):
            return []
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this token table is gone: ask token_table(doc) again")
        return _strings(doc, doc.to_array([LEMMA]).tolist())

    @cached_property
    def folded_lemmas(self) -> list[str]:
        """``fold(token.lemma_)`` of each token."""
        return _folded(self.lemmas)

    @cached_property
    def pos(self) -> list[str]:
        """``token.pos_`` of each token (read when first asked: after the tagger and the
        attribute ruler, which may change it; chronique's components that ask run after both)."""
        return list(map(POS_NAMES.__getitem__, self._column(POS)))

    @cached_property
    def is_punct(self) -> list[bool]:
        """``token.is_punct`` of each token."""
        return list(map(bool, self._column(IS_PUNCT)))

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Index of the first token of each sentence, in order: the ``start`` of each span
        ``doc.sents`` gives (read when first asked: after the parser), without a ``Span`` built
        per sentence at each asking."""
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this token table is gone: ask token_table(doc) again")
        if not doc.has_annotation("SENT_START"):
            list(doc.sents)  # spaCy's own error for a Doc without sentences
        column = self._column(SENT_START)
        return [0, *compress(range(1, len(column)), map((1).__eq__, column[1:]))] if column else []

    @cached_property
    def sentence_start_chars(self) -> list[int]:
        """Character offset of each sentence's start (``span.start_char`` of ``doc.sents``)."""
        return [self.starts[i] for i in self.sentence_starts]

    def expanded_bounds(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """``(span.start, span.end)`` of ``doc.char_span(start_char, end_char, alignment_mode="expand")``,
        or ``None`` when that is ``None``.

        Every character of a ``Doc``'s text belongs to one token (its text and the space after it;
        runs of spaces are tokens of their own), which spaCy finds by bisection: so does this, on
        the starts.
        """
        size = len(self.text) if self.size else 0
        if not (0 <= start_char < size and 0 <= end_char - 1 < size):
            return None
        start = bisect_right(self.starts, start_char) - 1
        end = bisect_right(self.starts, end_char - 1)
        if start_char == self.ends[start]:
            start += 1  # the space after a token is not part of the span
        return start, end

    def positions(self, words: Container[str], lemmas: bool = False) -> list[int]:
        """Positions, in order, of the tokens whose folded form (with ``lemmas``: or folded lemma)
        is one of ``words``: what a walk over every token testing ``folded[i] in words`` finds,
        by a look at each distinct form of the document instead (a lexicon's few words are rare).
        """
        found = self.by_folded.among(words)
        if lemmas:
            found += self.by_folded_lemma.among(words)
            return sorted(set(found))
        return sorted(found)

    @cached_property
    def by_folded(self) -> Occurrences:
        """Where each folded form stands."""
        return Occurrences(self.folded)

    @cached_property
    def by_folded_lemma(self) -> Occurrences:
        """Where each folded lemma stands."""
        return Occurrences(self.folded_lemmas)

    @cached_property
    def _parse(self) -> tuple[list[int], list[int], list[int]]:
        """DEP, HEAD (as an offset) and SENT_START of each token, in one ``Doc.to_array`` call
        (read when first asked: after the parser)."""
        if not len(self):
            return [], [], []
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this token table is gone: ask token_table(doc) again")
        array = doc.to_array([DEP, HEAD, SENT_START])
        signed = array.view("int64")  # HEAD and SENT_START may be negative; DEP is a hash, unsigned
        return array[:, 0].tolist(), signed[:, 1].tolist(), signed[:, 2].tolist()

    @cached_property
    def deps(self) -> list[str]:
        """``token.dep_`` of each token (after the parser)."""
        doc = self._doc()
        return _strings(doc, self._parse[0]) if doc is not None and len(self) else []

    @cached_property
    def heads(self) -> list[int]:
        """``token.head.i`` of each token (after the parser)."""
        return [i + offset for i, offset in enumerate(self._parse[1])]

    def in_subtree(self, i: int, root: int) -> bool:
        """Whether token ``i`` is ``root`` or one of its descendants: ``i in {t.i for t in
        doc[root].subtree}``, by walking up the heads instead of building the subtree's tokens."""
        heads = self.heads
        for _ in range(self.size):  # a tree is never deeper than its tokens
            if i == root:
                return True
            head = heads[i]
            if head == i:
                return False
            i = head
        return False

    @cached_property
    def sent_starts(self) -> list[bool]:
        """``bool(token.is_sent_start)`` of each token (after the parser)."""
        return list(map((1).__eq__, self._parse[2]))

    @cached_property
    def like_num(self) -> list[bool]:
        """``token.like_num`` of each token."""
        return [bool(value) for value in self._column(LIKE_NUM)]

    @cached_property
    def is_stop(self) -> list[bool]:
        """``token.is_stop`` of each token."""
        return [bool(value) for value in self._column(IS_STOP)]

    @cached_property
    def is_space(self) -> list[bool]:
        """``token.is_space`` of each token (``text.isspace()``)."""
        return [text.isspace() for text in self.texts]

    @cached_property
    def is_lower(self) -> list[bool]:
        """``token.is_lower`` of each token (``text.islower()``)."""
        return [text.islower() for text in self.texts]

    @cached_property
    def lowers(self) -> list[str]:
        """``token.lower_`` of each token (``text.lower()``)."""
        return [text.lower() for text in self.texts]

    def _column(self, attribute: int) -> list[int]:
        if not len(self):
            return []
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this token table is gone: ask token_table(doc) again")
        return doc.to_array([attribute]).tolist()  # one column: a list of ints


#: Strings by their hash (a hash names one string in every vocabulary), and folded forms by
#: text, kept across documents: most of a document's words were seen before, and a dict lookup
#: costs less than a ``StringStore`` lookup (a new ``str`` each time) or a call to ``fold``.
_STRINGS: dict[int, str] = {}
_FOLDED: dict[str, str] = {}
#: Entries kept before a table starts afresh (bounds memory on a long run).
_KNOWN_LIMIT = 200_000


def _through(known: dict[Any, str], items: list[Any], compute: Callable[[Any], str]) -> list[str]:
    """``compute(item)`` of each item, kept in ``known`` across documents (started afresh past
    :data:`_KNOWN_LIMIT` entries)."""
    try:
        return list(map(known.__getitem__, items))  # most documents: every item known already
    except KeyError:
        pass
    missing = set(items).difference(known)
    if missing:
        if len(known) + len(missing) > _KNOWN_LIMIT:
            known.clear()
            missing = set(items)
        for item in missing:
            known[item] = compute(item)
    return [known[item] for item in items]


class Occurrences:
    """Where each distinct form of a list of forms stands: the first position of each form and,
    after each position, the next one of the same form (-1 after its last). Two flat containers
    rather than a list per form: a document has hundreds of forms, and every list would be one
    more object for the garbage collector to track while the ``Doc`` lives."""

    __slots__ = ("first", "following")

    def __init__(self, forms: list[str]) -> None:
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        following = [-1] * len(forms)
        for i, form in enumerate(forms):
            previous = last.get(form)
            if previous is None:
                first[form] = i
            else:
                following[previous] = i
            last[form] = i
        #: Each distinct form → the position where it first stands.
        self.first = first
        #: Each position → the next position of the same form, or -1.
        self.following = following

    def among(self, words: Container[str]) -> list[int]:
        """The positions, in no set order, of the forms that are in ``words``: by a look-up of
        each word when ``words`` is a smaller set than the distinct forms (a lexicon of a few
        words), else by a test of each distinct form (a lexicon of thousands of first names)."""
        first = self.first
        if isinstance(words, (set, frozenset, dict)) and len(words) < len(first):
            chosen: Iterable[str] = [word for word in words if word in first]
        else:
            chosen = [form for form in first if form in words]
        return [i for form in chosen for i in self.of(form)]

    def of(self, form: str) -> list[int]:
        """The positions of ``form``, in order (none when it is not in the list)."""
        found = []
        i = self.first.get(form, -1)
        while i != -1:
            found.append(i)
            i = self.following[i]
        return found


def _strings(doc: Doc, keys: list[int]) -> list[str]:
    """``doc.vocab.strings[key]`` of each key."""
    strings = doc.vocab.strings
    return _through(_STRINGS, keys, lambda key: strings[key])


def _folded(texts: list[str]) -> list[str]:
    """``fold(text)`` of each text."""
    return _through(_FOLDED, texts, fold)


def token_table(doc: Doc) -> TokenTable:
    """The document's token table, built on first use and kept in ``doc.user_data``."""
    table = doc.user_data.get(_TABLE_KEY)
    if table is None or table.size != len(doc):
        table = doc.user_data[_TABLE_KEY] = TokenTable(doc)
    return table


def first_token_from(doc: Doc, char: int) -> int:
    """Index of the first token that starts at or after character ``char`` (``len(doc)`` if none).

    The same as ``next((t.i for t in doc if t.idx >= char), len(doc))``, by bisection.
    """
    return bisect_left(token_table(doc).starts, char)


def expanded_bounds(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """``(span.start, span.end)`` of ``doc.char_span(start_char, end_char, alignment_mode="expand")``,
    or ``None`` when that is ``None``, without building the tokens and the ``Span`` it builds
    (:meth:`TokenTable.expanded_bounds`)."""
    return token_table(doc).expanded_bounds(start_char, end_char)
