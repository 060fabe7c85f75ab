"""What the speaker rules read about one document, indexed once so each quote costs little.

A quote's speaker is told within its paragraph: in the sentence that opens it (up to the opening
mark) or in the one it closes (from the closing mark). These windows stop at the neighbouring
quotes, so that one quote's cue is never read for another. Actors come from the document's
:class:`~chronique.nlp.actor_index.ActorIndex`, so asking "which actor is here" never scans the
whole document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from chronique.extract.quotes.marks import QuotedSpan
from chronique.extract.quotes.rules import QuoteRules
from chronique.nlp.actor_index import OUTERMOST, ActorIndex
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table
from chronique.text import fold, unify_apostrophes

QUOTE_LABELS = dependency_scheme("ud")

__all__ = ["QuoteContext", "SPEAKER_TYPES"]

_NEWLINE = re.compile("\n")

#: Entity types that can say something (a place or a product is a venue or a topic).
SPEAKER_TYPES = frozenset({"PERSON", "ORG"})


def _names_its_head(child: Token) -> bool:
    """A child that names the speaker phrase's head ("le groupe Vivendi", "Elon Musk")."""
    return child.dep_ in QUOTE_LABELS.quote_phrase_name_links


@dataclass
class QuoteContext:
    """One document, its quoted spans and its actors, ready for the speaker rules."""

    doc: Doc
    rules: QuoteRules
    spans: list[QuotedSpan]
    actors: ActorIndex
    entity_types: dict[str, str]
    #: Person key → "m" or "f", as the first name says (those it does not say are left out).
    genders: dict[str, str] = field(default_factory=dict)
    text: str = field(init=False)
    paragraph_breaks: list[int] = field(init=False)
    openings: list[int] = field(init=False)
    parsed: bool = field(init=False)
    #: Token index -> index of the first word, for every word of a speech locution ("fait valoir").
    locution_words: dict[int, int] = field(init=False)
    #: Indices of the quotes whose incise or source names someone the article does not name
    #: ("nuance une élue"), filled as the quotes are read in order.
    unnamed: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.text = unify_apostrophes(text_of(self.doc))
        self.paragraph_breaks = [m.start() for m in _NEWLINE.finditer(self.text)]
        self.openings = [s.opening for s in self.spans]
        self.parsed = self.doc.has_annotation("DEP")
        self.locution_words = _locution_words(self.doc, self.rules.locutions)

    # -- windows -------------------------------------------------------------------------
    def before_window(self, index: int) -> tuple[int, int]:
        """From the start of the sentence (or the previous quote) to the opening mark."""
        span = self.spans[index]
        low = self._paragraph_start(span.opening)
        if index > 0:
            low = max(low, self.spans[index - 1].after_closing)
        return self.rules.last_sentence_end(self.text, low, span.opening), span.opening

    def after_window(self, index: int) -> tuple[int, int]:
        """From the closing mark to the end of the sentence (or the next quote)."""
        span = self.spans[index]
        high = self._paragraph_end(span.after_closing)
        if index + 1 < len(self.spans):
            high = min(high, self.spans[index + 1].opening)
        high = max(high, span.after_closing)
        return span.after_closing, self.rules.first_sentence_end(self.text, span.after_closing, high)

    def _paragraph_start(self, position: int) -> int:
        index = bisect_left(self.paragraph_breaks, position)
        return self.paragraph_breaks[index - 1] + 1 if index > 0 else 0

    def _paragraph_end(self, position: int) -> int:
        index = bisect_left(self.paragraph_breaks, position)
        return self.paragraph_breaks[index] if index < len(self.paragraph_breaks) else len(self.text)

    def paragraph_breaks_between(self, start: int, end: int) -> int:
        return bisect_left(self.paragraph_breaks, end) - bisect_left(self.paragraph_breaks, start)

    # -- tokens and actors ---------------------------------------------------------------
    def tokens(self, start: int, end: int) -> Span | None:
        """The tokens lying inside [start, end), or None when there are none."""
        if start >= end:
            return None
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return span if span is not None and len(span) else None

    def is_quoted(self, token: Token) -> bool:
        """Whether the token lies inside one of the quoted spans."""
        index = bisect_right(self.openings, token.idx) - 1
        return index >= 0 and token.idx < self.spans[index].closing

    def actor_of_phrase(self, head: Token) -> str | None:
        """The actor of the phrase headed by ``head``: the head, else a name part after it.

        Outermost: a speaker is the whole description ("le fondateur de Tesla"), not the
        organisation named inside it.
        """
        found = self.actors.phrase_actors(head, _names_its_head, OUTERMOST)
        return found[0] if found else None

    def can_speak(self, key: str) -> bool:
        """Whether an actor may be a speaker when only its position points at it."""
        entity_type = self.entity_types.get(key)
        return entity_type is None or entity_type in SPEAKER_TYPES

    def is_person(self, key: str) -> bool:
        entity_type = self.entity_types.get(key)
        return entity_type is None or entity_type == "PERSON"

    def is_cue_token(self, token: Token) -> bool:
        """A speech verb or a word of a speech locution.

        By its surface form, or by its lemma when it is not tagged a noun; a pronominal speech
        verb ("s'agace") only with its reflexive pronoun.
        """
        if token.i in self.locution_words:
            return True
        previous = token.doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.pos_ in ("AUX", "PRON") and self.rules.is_cue_participle(token.text):
            return True  # "a-t-elle martelé" with "martelé" read as a noun
        if (previous is not None and fold(unify_apostrophes(previous.text)) in self.rules.participle_object_pronouns
                and self.rules.is_cue_participle(token.text, present=True)):
            return True  # "les qualifiant de « … »" with "les qualifiant" read as a noun phrase
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is not None and fold(following.text) in self.rules.inverted_pronouns | {"-t"} \
                and self.rules.is_cue_finite(token.text):
            return True  # "tempère-t-il" read as an adjective: the inverted subject says it is a verb
        if (previous is not None and fold(unify_apostrophes(previous.text)) in _REFLEXIVE
                and self.rules.is_reflexive_cue_finite(token.text)):
            return True  # "s'indigne X" with "indigne" read as an adjective, "s'enthousiasme" as a noun
        if token.pos_ in ("NOUN", "PROPN", "DET", "ADP", "PRON", "NUM"):
            return fold(token.text) in self.rules.cue_forms
        if self.rules.is_cue_word(token.lemma_, token.text):
            return True
        if token.pos_ == "VERB" and fold(token.lemma_) == fold(token.text) and self.rules.is_cue_finite(token.text):
            return True  # "Elle lui reproche …" with the lemma "reproche"
        if fold(token.lemma_) in self.rules.document_readers:  # "peut-on y lire"
            nearby = token.doc[max(0, token.i - 3) : token.i + 3]
            return any(fold(t.text).strip("-") in _IMPERSONAL for t in nearby)
        return fold(token.lemma_) in self.rules.reflexive_cue_lemmas and _is_reflexive(token)


#: Words that may stand inside a locution without being part of it ("fait aussi valoir",
#: "fait-il valoir").
_LOCUTION_GAPS = frozenset({"ADV", "PRON"})
_REFLEXIVE = frozenset({"se", "s'", "s’"})
_IMPERSONAL = frozenset({"on"})


def _locution_words(doc: Doc, locutions: tuple[tuple[str, ...], ...]) -> dict[int, int]:
    """Every token of every speech locution of the document, mapped to the locution's first word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for locution in locutions:
        by_first.setdefault(locution[0], []).append(locution)
    found: dict[int, int] = {}
    tokens = token_table(doc)
    for i in tokens.positions(by_first, lemmas=True):  # where a first word stands (by form or lemma)
        candidates = by_first.get(tokens.folded_lemmas[i]) or by_first.get(tokens.folded[i])
        if not candidates:
            continue
        token = doc[i]
        for locution in candidates:
            matched = _match(doc, token.i, locution[1:])
            if matched:
                for index in (token.i, *matched):
                    found.setdefault(index, token.i)
                break
    return found


def _match(doc: Doc, start: int, words: tuple[str, ...]) -> list[int]:
    """The indices of ``words`` following token ``start`` (adverbs and clitics may stand between)."""
    matched: list[int] = []
    position, gaps = start + 1, 0
    for word in words:
        while position < len(doc):
            token = doc[position]
            if word in (fold(token.text), fold(token.lemma_)):
                matched.append(position)
                position += 1
                break
            if token.pos_ not in _LOCUTION_GAPS or gaps >= 2:
                return []
            gaps += 1
            position += 1
        else:
            return []
    return matched


def _is_reflexive(token: Token) -> bool:
    """"s'agace", "se félicite", "s'est agacé": a reflexive pronoun right before the verb."""
    doc = token.doc
    for index in range(token.i - 1, max(-1, token.i - 3), -1):
        if fold(doc[index].text) in _REFLEXIVE:
            return True
        if doc[index].pos_ != "AUX":
            return False
    return False
