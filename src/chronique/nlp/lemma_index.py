"""spaCy's rule lemmatizer with its word lists searched by hash instead of one by one.

The French rule lemmatizer (``spacy.lang.fr.lemmatizer.FrenchLemmatizer``, like spaCy's base
``Lemmatizer``) asks ``string in index`` for every word it has not seen with that part of
speech, once for the word and once per suffix rule that applies, where ``index`` is the
``lemma_index`` table's *list* of known lemmas for the part of speech: 28,022 nouns, 66,191
verbs, ... scanned from the start each time. On distinct text most words are new, and the
lemmatizer took about a sixth of the model's time.

:func:`index_by_hash` swaps each of those lists for a :class:`IndexedWords`: the same list (same
items, same order, same truthiness, same equality), whose ``in`` reads a ``frozenset`` built once.
Membership of a string is the same by hash as by scan, so every lemma is exactly the one spaCy
would give; only the time changes. The model on disk is untouched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language

__all__ = ["IndexedWords", "index_by_hash"]

INDEX_TABLE = "lemma_index"


class IndexedWords(list[str]):
    """A list of words whose membership test is a hash lookup (a snapshot: not to be mutated)."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        super().__init__(words)
        self._members = frozenset(self)

    def __contains__(self, word: object) -> bool:
        try:
            return word in self._members
        except TypeError:  # an unhashable probe: fall back to the list's own scan
            return list.__contains__(self, word)

    def __reduce__(self) -> tuple[Any, ...]:
        return (IndexedWords, (list(self),))


def index_by_hash(nlp: Language) -> int:
    """Give every lemmatizer of ``nlp`` indexed word lists; the number of lists swapped."""
    swapped = 0
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is None or not hasattr(pipe, "rule_lemmatize") or not lookups.has_table(INDEX_TABLE):
            continue
        table = lookups.get_table(INDEX_TABLE)
        for key, words in list(table.items()):
            if type(words) is list:
                table[key] = IndexedWords(words)
                swapped += 1
    return swapped
