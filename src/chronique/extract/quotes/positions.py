"""Finding the speaker by position: the actor right before or after a cue, a source phrase's
complement, the person a speech verb is addressed to.

These are the fallbacks of the cue shapes in :mod:`~chronique.extract.quotes.speakers` when the
parse does not tie the speaker to its verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronique.extract.quotes.attribution import (
    ADDRESSEE_DEPS,
    PHRASE_BREAKS,
    SOURCE_GAP_WORDS,
    SOURCE_REACH,
    SUBJECT_DEPS,
    Window,
)
from chronique.extract.quotes.context import QuoteContext
from chronique.extract.quotes.phrases import Reading, phrase_speaker, recent_subject_person
from chronique.extract.quotes.title_names import title_holder
from chronique.text import fold


def has_pronoun_subject(verb: Token) -> bool:
    """Whether the verb's subject is a third-person pronoun ("a-t-il déclaré", "he said")."""
    return any(
        child.dep_ in SUBJECT_DEPS and child.pos_ == "PRON" and "3" in child.morph.get("Person", [])
        for child in verb.children
    )


def addressee(context: QuoteContext, verb: Token, speaker: str | None) -> str | None:
    """The person the speech verb is about or addressed to ("accuse Altman", "répond à Musk")."""
    for child in verb.children:
        if child.dep_ in ADDRESSEE_DEPS:
            key = context.actor_of_phrase(child)
            if key and key != speaker and context.is_person(key):
                return key
    return None


def nearest_actor(context: QuoteContext, verb: Token, window: Window) -> str | None:
    """Without a usable parse: the actor right before the verb ("Altman said"), else after it."""
    mentions = context.actors.outermost_between(*window)
    before = [m for m in mentions if m.end <= verb.idx and context.can_speak(m.key)]
    if before and not any(c in PHRASE_BREAKS for c in context.text[before[-1].end : verb.idx]):
        return before[-1].key
    clause_start = verb.idx + len(verb.text)
    for mention in (m for m in mentions if m.start >= verb.idx + len(verb.text)):
        if unnamed_speaker_between(context, verb.idx + len(verb.text), mention.start):
            return None  # "précise une source citée par Bloomberg": the source speaks
        if _only_an_aside(context, clause_start, mention.start):
            # "« … », regrette pour sa part X": an aside ("pour sa part") is no venue
            return mention.key if context.can_speak(mention.key) else None
        if not is_venue(context, mention.start, clause_start):
            # the first actor that is no venue is the subject: one that cannot speak names nobody
            return mention.key if context.can_speak(mention.key) else None
        clause_start = mention.end  # "à l'AFP Jean Dupont": the venue ends where its actor does
    return None


def _only_an_aside(context: QuoteContext, start: int, end: int) -> bool:
    """Whether the words in [start, end) are one of the asides the press sets before an inverted
    subject ("pour sa part", "de son côté", "quant à lui")."""
    words = tuple(fold(context.text[start:end]).replace("'", "' ").split())
    return bool(words) and words in context.rules.subject_asides


def unnamed_speaker_between(context: QuoteContext, start: int, end: int) -> bool:
    """Whether a word for an unnamed speaker ("une source", "un proche") stands in [start, end)."""
    tokens = context.tokens(start, end)
    words = context.rules.anonymous_speakers | context.rules.voice_nouns
    return tokens is not None and any(fold(t.text) in words or fold(t.lemma_) in words for t in tokens)


def first_speaker_in(context: QuoteContext, start: int, end: int) -> str | None:
    """The first actor of a clause that is not a place or a channel ("sur X")."""
    clause_start = start
    for mention in context.actors.outermost_between(start, end):
        if context.can_speak(mention.key) and not is_venue(context, mention.start, clause_start):
            return mention.key
        clause_start = max(clause_start, mention.end)
    return None


def source_actor(context: QuoteContext, index: int, position: int, limit: int) -> str | None:
    """The actor a source phrase names; "selon lui" is the person named just before the quote;
    "selon la requête" is the document's author; "selon une source" is nobody known."""
    return source_reading(context, index, position, limit).key


@dataclass(frozen=True)
class SourceReading:
    """Whom a source phrase names: an actor's key, or nobody; ``unnamed`` when it names someone
    the article does not ("selon un expert", "pour les supporters", "selon une source interne"),
    whose words no neighbouring speaker may take over."""

    key: str | None
    unnamed: bool = False


def source_reading(
    context: QuoteContext, index: int, position: int, limit: int, opening: bool = False
) -> SourceReading:
    """The reading of a source phrase ending at ``position``. After "selon" or "d'après"
    (``opening`` False) any noun or name that is no known actor is someone unnamed; after a
    sentence-opening "pour" only a word for people, a name or a plural group is ("pour les
    riverains", "pour les concessionnaires", not "pour la première fois")."""
    following = context.tokens(position, min(limit, position + SOURCE_REACH))
    first = next((t for t in following if not (t.is_punct or t.is_space)), None) if following is not None else None
    head = None
    if first is not None and context.parsed:
        head = first if first.pos_ in ("PRON", "PROPN", "NOUN") else first.head
        if head.idx >= position and fold(head.lemma_) in context.rules.document_nouns:
            return SourceReading(phrase_speaker(context, head).key)
        if head.idx >= position and is_anonymous(context, head):
            return SourceReading(None, unnamed=True)
        if head.idx >= position and head.pos_ == "NOUN":
            # "selon un porte-parole de la banque" (a voice speaks for its owner), "selon le
            # directeur général de X, Paul Y" (a title's holder); not "selon l'avocat de X"
            voice = fold(head.lemma_) in context.rules.voice_nouns
            owner = phrase_speaker(context, head).key if voice else title_holder(context, head)
            if owner is not None:
                return SourceReading(owner)
    key = actor_right_after(context, position, limit)
    if key is None and first is not None and first.pos_ == "PRON" and "3" in first.morph.get("Person", []):
        key = recent_subject_person(context, context.spans[index].opening)
    if key is not None or head is None or head.idx < position or head.pos_ == "PRON":
        return SourceReading(key)
    if not opening:
        return SourceReading(None, unnamed=head.pos_ in ("NOUN", "PROPN"))
    words = context.rules.voice_nouns
    voice = fold(head.lemma_) in words or fold(head.text) in words
    group = head.pos_ == "NOUN" and "Plur" in head.morph.get("Number", [])  # "pour les concessionnaires"
    return SourceReading(None, unnamed=head.pos_ == "PROPN" or voice or group)


def is_anonymous(context: QuoteContext, head: Token) -> bool:
    reading: Reading = phrase_speaker(context, head)
    words = context.rules.anonymous_speakers
    return reading.key is None and (fold(head.text) in words or fold(head.lemma_) in words)


def actor_right_after(context: QuoteContext, position: int, limit: int) -> str | None:
    """The actor that is the complement of a source phrase ending at ``position``."""
    for mention in context.actors.outermost_between(position, min(limit, position + SOURCE_REACH)):
        gap = context.text[position : mention.start]
        close = len(gap.replace("'", "' ").split()) <= SOURCE_GAP_WORDS
        if mention.start >= position and close and not any(c in PHRASE_BREAKS for c in gap):
            return mention.key
        return None
    return None


def is_venue(context: QuoteContext, mention_start: int, clause_start: int) -> bool:
    """Whether a venue preposition ("sur", "à", "on") introduces the mention."""
    low = max(clause_start, mention_start - 30)
    return context.rules.venue_at_end.search(context.text, low, mention_start) is not None
