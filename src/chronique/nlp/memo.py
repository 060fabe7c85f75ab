"""Answers about one token, worked out once per ``Doc`` however many rules ask.

The events component asks the same questions of the same token many times over: every trigger
entry of a word (a verb may have several frames) asks for its subject and object, each of those
asks whether the verb is passive, and each frame noun asks for its chain of frame nouns and its
governing verb again. Each answer is a walk over ``Token.children`` and ``Token.head`` that gives
the same result for the same token of the same parsed ``Doc``. :func:`per_token` remembers it in
the document's token table (:attr:`~chronique.nlp.tokens.TokenTable.memo`), so it lives and dies
with the ``Doc``.

What is remembered is frozen so that a hit behaves as a fresh call did: a ``Token`` is kept as
its index and rebuilt with ``doc[i]`` (spaCy builds a new ``Token`` at every access anyway, so
callers compare tokens with ``==``, never ``is``), and a list is kept as a tuple and handed out as a new list (callers may extend
what they get). Only answers made of tokens, lists, tuples, strings, numbers, booleans and
``None`` can be remembered; anything else is a ``TypeError``, so a method whose answer could be
shared by mistake cannot be decorated. A decorated method must read nothing that changes while
its component runs over a ``Doc`` (the parse, the actor mentions, the lexicons do not); the
answers are forgotten when ``doc._.actor_mentions`` is given a new list.

:func:`per_lexicon` does the same for what a rule builds from a lexicon's word lists: once per
lexicon, not once per document.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from spacy.tokens import Doc, Token

from chronique.nlp.tokens import token_table

__all__ = ["per_lexicon", "per_token"]

Reader = TypeVar("Reader")
Answer = TypeVar("Answer")
Built = TypeVar("Built")
#: Lexicons a :func:`per_lexicon` builder remembers before it starts afresh (tests make many).
MAX_LEXICONS = 16


class _TokenAt:
    """A token kept by its index."""

    __slots__ = ("i",)

    def __init__(self, i: int) -> None:
        self.i = i


class _ListOf(tuple[Any, ...]):
    """A list kept as a tuple (handed out as a new list)."""

    __slots__ = ()


_PLAIN = (str, bool, int, float, type(None))
#: The plain kinds themselves, for a test by class before the ``isinstance`` one (subclasses).
_PLAIN_KINDS = frozenset(_PLAIN)


def _freeze(value: Any) -> Any:
    kind = value.__class__
    if kind in _PLAIN_KINDS:
        return value
    if kind is list:  # most answers: a list of keys or of tokens
        return _ListOf(map(_freeze, value))
    if kind is Token:
        return _TokenAt(value.i)
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, Token):
        return _TokenAt(value.i)
    if isinstance(value, list):
        return _ListOf(_freeze(item) for item in value)
    if isinstance(value, tuple):
        return tuple(_freeze(item) for item in value)
    raise TypeError(f"per_token cannot remember a {type(value).__name__}")


def _thaw(value: Any, doc: Doc) -> Any:
    kind = value.__class__
    if kind is _TokenAt:
        return doc[value.i]
    if kind is _ListOf:
        return [item if item.__class__ in _PLAIN_KINDS else _thaw(item, doc) for item in value]
    if isinstance(value, tuple):
        return tuple(_thaw(item, doc) for item in value)
    return value


def per_token(method: Callable[[Reader, Token], Answer]) -> Callable[[Reader, Token], Answer]:
    """Remember ``method(self, token)`` per reader and per token of the token's ``Doc``."""

    @wraps(method)
    def remembered(self: Reader, token: Token) -> Answer:
        doc = token.doc
        memos = token_table(doc).memo
        key = (method, id(self))
        memo = memos.get(key)
        if memo is None:
            memo = memos[key] = {}
        mentions = doc.user_data.get(_MENTIONS_KEY)  # type: ignore[call-overload]  # an extension's tuple key
        if memo.get(_MENTIONS_SLOT, _MISSING) is not mentions:
            memo.clear()  # new actor mentions (a component run again, a test's): answers may differ
            memo[_MENTIONS_SLOT] = mentions
        i = token.i
        frozen = memo.get(i, _MISSING)
        if frozen is _MISSING:
            answer = method(self, token)
            memo[i] = _freeze(answer)
            return answer
        kind = frozen.__class__
        if kind is _TokenAt:
            return doc[frozen.i]  # what _freeze kept of an Answer
        if kind in _PLAIN_KINDS:
            return frozen
        return _thaw(frozen, doc)  # what _freeze kept of an Answer

    return remembered


_MISSING = object()
#: Where spaCy keeps ``doc._.actor_mentions`` (as :mod:`chronique.nlp.actor_index` reads it), and
#: the memo's slot (no token's index) for the mentions its answers were given under.
_MENTIONS_KEY = ("._.", "actor_mentions", None, None)
_MENTIONS_SLOT = -1


def per_lexicon(build: Callable[[dict[str, Any]], Built]) -> Callable[[dict[str, Any]], Built]:
    """Remember ``build(words)`` per lexicon: the tables a rule makes of its word lists (folded
    nouns by type, trade noun families…) were made again for every document.

    A lexicon is loaded once and never changed, so it is known by its identity (the object is
    kept with what was built from it, so its ``id`` cannot be reused meanwhile). What ``build``
    returns is shared by every call: it must be read, never changed.
    """
    kept: dict[int, tuple[dict[str, Any], Built]] = {}

    @wraps(build)
    def once(words: dict[str, Any]) -> Built:
        found = kept.get(id(words))
        if found is None or found[0] is not words:
            if len(kept) >= MAX_LEXICONS:
                kept.clear()
            found = kept[id(words)] = (words, build(words))
        return found[1]

    return once
