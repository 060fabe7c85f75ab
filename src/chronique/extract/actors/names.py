"""Candidate actor names and the small token tests every name finder shares.

Three finders propose names for the same text: the knowledge base (:mod:`kb_matching`), the
statistical NER and the patterns for unknown names (:mod:`actor_patterns`). Each proposes
:class:`NamedSpan` candidates; :mod:`actors` keeps the best of overlapping ones and groups them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["NamedSpan", "CueIndex", "glued_hyphen", "is_capitalised", "is_name_like", "last_word_before", "line_before",
           "name_like", "seen_last_words", "span_text", "span_words"]

#: Words of a cue or of the text around it: "l'ia" is "l'" and "ia", "p.-d.g." one word.
WORDS = re.compile(r"[^\s']+'?|'")


def line_before(text: str, start: int, width: int = 48) -> str:
    """The ``width`` characters before ``start`` on the same line, lower case, apostrophes
    straight, right-stripped: where a cue for a name at ``start`` must stand (a title on the
    line above is no cue: "l'avenir de l'IA" then "Si ce projet …")."""
    before = text[max(0, start - width) : start]
    return fold(before[before.rfind("\n") + 1 :]).rstrip()


def last_word_before(text: str, start: int, width: int = 48, seen: dict[int, str] | None = None) -> str:
    """The last of the words (:data:`WORDS`) of ``line_before(text, start, width)``, or "" when
    it has none, folding only the last run of non-space characters: a cue must end with it, so
    most names are ruled out without folding the line and reading all its words.

    ``seen``: the document's memo of these words at the default width (:func:`seen_last_words`),
    when the caller has it: several rules ask for the word before the same name."""
    if seen is not None and width == 48:
        word = seen.get(start)
        if word is None:
            word = seen[start] = last_word_before(text, start)
        return word
    before = text[max(0, start - width) : start]
    line = before[before.rfind("\n") + 1 :].rstrip()
    if not line:
        return ""
    return _last_word(line.rsplit(None, 1)[-1])  # no word runs over a space


def seen_last_words(tokens: TokenTable, text: str) -> dict[int, str]:
    """The memo of :func:`last_word_before` for the document's text (``text_of(doc)``), by start,
    kept in the document's token table ``tokens``: the cue nouns, the kinds and the context types
    all ask for the word before the same names."""
    memo = tokens.memo.setdefault(_LAST_WORDS, {})
    found = memo.get(0)
    if found is None or found[0] is not text:
        found = memo[0] = (text, {})
    return found[1]


#: The token table's memo slot of :func:`seen_last_words`.
_LAST_WORDS = "cue last words"


@lru_cache(maxsize=1 << 14)
def _last_word(run: str) -> str:
    """The last of the words (:data:`WORDS`) of a run of non-space characters, folded, or "":
    memoised, as :func:`~chronique.text.fold` is (the same words stand before many names)."""
    words = WORDS.findall(fold(run))
    return words[-1] if words else ""


class CueIndex:
    """Cue phrases ("start-up", "réseau social", "patron de") and the type each gives, looked up
    by the last (or first) words of a text in a few dictionary probes, not one test per cue.

    A cue ending in a word of ``contractions`` also stands for that word's contracted forms
    (the lexicon's ``cue_contractions``: "patron de" for "patron d'", "patron du").
    """

    def __init__(self, cues: Iterable[tuple[str, str]], contractions: Mapping[str, Sequence[str]]) -> None:
        self.table: dict[str, str] = {}
        for cue, entity_type in cues:
            cue = fold(cue)
            forms = [cue]
            for word, contracted in contractions.items():
                if cue.endswith(" " + word):
                    forms += [cue[: -len(word)] + form for form in contracted]
            for form in forms:
                self.table.setdefault(" ".join(WORDS.findall(form)), entity_type)
        self.longest = max((k.count(" ") + 1 for k in self.table), default=0)
        #: The last word of every cue: a text that ends with none of them ends with no cue.
        self.last_words = frozenset(k.rsplit(" ", 1)[-1] for k in self.table)
        #: The first word of every cue: a text that starts with none of them starts with no cue.
        self.first_words = frozenset(k.split(" ", 1)[0] for k in self.table)

    def type_before(self, text: str, start: int, seen: dict[int, str] | None = None) -> str | None:
        """``type_at_end(line_before(text, start))``, the line read only when its last word ends a
        cue (``seen``: :func:`seen_last_words` of the document)."""
        if last_word_before(text, start, seen=seen) not in self.last_words:
            return None
        return self.type_at_end(line_before(text, start))

    def type_before_loosely(self, text: str, start: int, seen: dict[int, str] | None = None) -> str | None:
        """The type of a cue ending right before ``start``, one word (an adjective) allowed before
        the cue's last word: "l'acquisition prédatrice de X", "le club portugais de X"."""
        if last_word_before(text, start, seen=seen) not in self.last_words:
            return None  # both tries below end with the line's last word
        before = line_before(text, start)
        found = self.type_at_end(before)
        if found is None:
            words = WORDS.findall(before[-64:])
            if len(words) >= 3:
                found = self.type_at_end(" ".join(words[:-2] + words[-1:]))
        return found

    def type_at_end(self, before: str) -> str | None:
        """The type of the longest cue that ``before`` ends with, as whole words."""
        words = WORDS.findall(before[-64:])
        if not words or words[-1] not in self.last_words:
            return None  # most texts: no cue ends here, whatever its length
        for size in range(min(self.longest, len(words)), 0, -1):
            found = self.table.get(" ".join(words[-size:]))
            if found:
                return found
        return None

    def type_at_start(self, after: str) -> str | None:
        """The type of the longest cue that ``after`` starts with, as whole words."""
        words = WORDS.findall(after[:64])
        if not words or words[0] not in self.first_words:
            return None  # most texts: no cue starts here, whatever its length
        for size in range(min(self.longest, len(words)), 0, -1):
            found = self.table.get(" ".join(words[:size]))
            if found:
                return found
        return None


@dataclass
class NamedSpan:
    """A candidate name in the text, before grouping.

    ``typed_by_cue`` says the text itself states what it is ("la start-up X", "X SAS");
    ``source`` says which finder proposed it (``kb``, ``model`` or ``pattern``), for tie-breaks.
    ``key`` and ``canonical`` are set when the name stands for another actor than its own words
    (a metonym: "Bruxelles" for the European Commission); ``rule`` says which rule found or typed
    it, for ``show --explain``.
    """

    span: Span
    type: str
    kb_id: str | None = None
    typed_by_cue: bool = False
    source: str = "model"
    key: str | None = None
    canonical: str | None = None
    rule: str = ""


def span_text(span: Span, tokens: TokenTable | None = None) -> str:
    """``span.text``, cut from the document's text by the token table (``Span.text`` joins the
    texts of its tokens, several times slower); ``tokens``: the table of ``span.doc``, when the
    caller has it."""
    return (tokens if tokens is not None else token_table(span.doc)).span_text(span.start, span.end)


def span_words(span: Span, tokens: TokenTable | None = None) -> list[str]:
    """``[t.text for t in span]``, from the token table (no ``Token`` built)."""
    return (tokens if tokens is not None else token_table(span.doc)).texts[span.start : span.end]


def is_capitalised(token: Token) -> bool:
    """A word that starts with a capital letter ("Zelvio", "Économie")."""
    return token.text[:1].isupper()


def is_name_like(token: Token) -> bool:
    """A token that may belong to a brand or product name: capitalised, or mixed case with a
    capital inside ("iPhone", "xAI"), or a model number after a name ("15", "H200", "4o")."""
    return name_like(token.text)


def name_like(text: str) -> bool:
    """:func:`is_name_like` of a token's text (read from the token table, no ``Token`` built)."""
    if not text[:1].isalnum():
        return False
    return text[:1].isupper() or not text.islower() and any(c.isupper() for c in text[1:]) or text[:1].isdigit()


def glued_hyphen(tokens: TokenTable, i: int) -> bool:
    """Whether token ``i`` is a hyphen written with no space on either side, between two words:
    where the tokenizer cut a compound name ("Poupart-Lafarge", "Al-Hilal"). Callers check the
    words on each side."""
    return (0 < i < len(tokens) - 1 and tokens.texts[i] == "-"
            and tokens.ends[i - 1] == tokens.starts[i] and tokens.ends[i] == tokens.starts[i + 1])


#: The types the NER gives the unknown names a clause may retype (a product or a company it took
#: for a place, or left untyped).
UNSURE_MODEL_TYPES = frozenset({"LOC", "OTHER"})


def retypable_model_name(name: NamedSpan, is_place: Callable[[str], bool],
                         types: frozenset[str] = UNSURE_MODEL_TYPES) -> bool:
    """Whether a clause may retype ``name``: the model's guess of one of ``types``, which no
    knowledge base, cue or place rule typed, that no lexicon knows as a place, every word
    capitalised (the context typers of ``launch_types`` and ``role_types``)."""
    span = name.span
    if name.kb_id is not None or name.key is not None or name.typed_by_cue or name.type not in types:
        return False
    if name.source != "model" or name.rule == "place":
        return False
    tokens = token_table(span.doc)
    return not is_place(span_text(span, tokens)) and all(w[:1].isupper() for w in span_words(span, tokens))

