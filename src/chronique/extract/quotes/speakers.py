"""Who says a quote: the cue shapes of the press, tried from the most to the least telling.

1. a title or a label ("intitulé « … »", "called '…'"): nobody says it;
2. an incise after the quote ("« … », écrit-il", "« … », a indiqué la société", "'…,' he said");
3. an introduction ending with a colon ("Sam Altman réplique sur X : « … »");
4. a source phrase after it ("« … », selon X", "« … » en réponse du fondateur de Y");
5. a speech verb governing the quoted words ("a accusé Altman d'avoir « volé … »");
6. a source phrase before it ("D'après X, …") or opening its sentence ("Pour X, il s'agit d'un « … »");
7. a quote that opens a sentence right after a quote of a known speaker continues that speaker.

Actors come from ``doc._.actor_mentions`` (names, descriptions, resolved pronouns) through the
dependency parse when there is one, and from their position in the cue clause otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronique.extract.quotes.context import QuoteContext
from chronique.nlp.labels import dependency_scheme

__all__ = ["Attribution", "attribute"]

#: How far up the parse a speech verb may govern the quoted words.
MAX_CLIMB = 4
#: How far (in characters) the actor may stand after "selon", "d'après"...
SOURCE_REACH = 40
#: How many words may stand between a source phrase and its actor ("selon l'entourage de X").
SOURCE_GAP_WORDS = 2
#: Characters that end a phrase: an actor beyond them is not the complement of a source phrase.
PHRASE_BREAKS = frozenset(",;:.!?«»\"“”()")
LABELS = dependency_scheme("ud")
#: Dependency labels (Universal Dependencies and spaCy English) of subjects and agents.
SUBJECT_DEPS = LABELS.speaker_subjects
#: Dependency labels of the person a speech verb is about or addressed to.
ADDRESSEE_DEPS = LABELS.addressees
#: Labels that mark a passive verb, and those its agent may carry.
PASSIVE_DEPS = LABELS.passive_markers
OBLIQUE_DEPS = LABELS.speaker_obliques
#: How far back (characters) an inverted pronoun the actor recognizer left open may look.
PRONOUN_REACH = 400
#: Labels through which a verb shares the subject of the verb it hangs on.
SHARED_SUBJECT_DEPS = LABELS.shared_subject_links


@dataclass(frozen=True)
class Attribution:
    """The speaker of one quote, the cue that tells it and whom the words are about."""

    speaker: str | None
    cue: str | None = None
    about: str | None = None


NOBODY = Attribution(None)
#: A character range [start, end) of the document.
Window = tuple[int, int]


def attribute(context: QuoteContext, index: int, previous: Attribution | None) -> Attribution:
    """The attribution of quote ``index``; ``previous`` is the one of the quote before it."""
    before = context.before_window(index)
    after = context.after_window(index)
    title = context.rules.title_cue_at_end.search(context.text, before[0], before[1])
    if title:
        return Attribution(None, title.group().strip(" :"))
    for rule in (_incise, _colon_introduction, _source_after, _governing_verb, _source_before):
        found = rule(context, index, before, after)
        if found is not None and found.speaker is not None:
            return found
    return _continuation(context, index, before, previous) or NOBODY


# -- the cue shapes ------------------------------------------------------------------------
def _incise(context: QuoteContext, index: int, before: Window, after: Window) -> Attribution | None:
    """"« … », écrit-il": a speech verb within a few words after the closing mark."""
    span = context.spans[index]
    lead = context.text[after[0] : after[1]].lstrip()[:1]
    punctuation = context.rules.incise_punctuation
    if lead not in punctuation and context.text[span.end - 1] not in punctuation:
        return None
    tokens = context.tokens(*after)
    if tokens is None:
        return None
    words = [t for t in tokens if not (t.is_punct or t.is_space)][: context.rules.incise_reach]
    verb = next((t for t in words if context.is_cue_token(t)), None)
    if verb is None:
        return None
    speaker = _subject(context, verb) or _nearest_actor(context, verb, after)
    if speaker is None and _has_pronoun_subject(verb):
        speaker = _recent_person(context, span.opening)
    return Attribution(speaker, verb.text, _addressee(context, verb, speaker))


def _colon_introduction(context: QuoteContext, index: int, before: Window, after: Window) -> Attribution | None:
    """"Sam Altman réplique sur X : « … »": the subject of the clause before the colon."""
    intro = context.text[before[0] : before[1]].rstrip()
    if not intro.endswith(":"):
        return None
    colon = before[0] + len(intro) - 1
    tokens = context.tokens(before[0], colon)
    if tokens is None:
        return None
    cues = [t for t in tokens if context.is_cue_token(t)]
    for verb in reversed(cues):
        speaker = _subject(context, verb)
        if speaker:
            return Attribution(speaker, verb.text, _addressee(context, verb, speaker))
    cue = cues[-1].text if cues else None
    for token in tokens:
        if token.dep_ in SUBJECT_DEPS and (key := context.actor_of_phrase(token)):
            return Attribution(key, cue)
    return Attribution(_first_speaker_in(context, before[0], colon), cue)


def _source_after(context: QuoteContext, index: int, before: Window, after: Window) -> Attribution | None:
    """"« … », selon X" or "« … » en réponse du fondateur de Tesla"."""
    match = context.rules.source_phrase.search(context.text, after[0], after[1])
    if match is None:
        return None
    return Attribution(_source_actor(context, index, match.end(), after[1]), match.group())


def _source_before(context: QuoteContext, index: int, before: Window, after: Window) -> Attribution | None:
    """"Selon X, « … »" or "D'après X : « … »": the last source phrase before the quote."""
    matches = list(context.rules.source_phrase.finditer(context.text, before[0], before[1]))
    opening = context.rules.opening_source_phrase.match(context.text, before[0], before[1])
    if not matches and opening is None:
        return None
    match = matches[-1] if matches else opening
    assert match is not None  # one of the two was found
    return Attribution(_source_actor(context, index, match.end(), before[1]), match.group().strip())


def _governing_verb(context: QuoteContext, index: int, before: Window, after: Window) -> Attribution | None:
    """"a accusé Altman d'avoir « volé … »": a speech verb up the parse from the quoted words."""
    if not context.parsed:
        return _cue_earlier_in_clause(context, before)
    span = context.spans[index]
    tokens = context.tokens(span.start, span.end)
    if tokens is None:
        return None
    node = tokens.root
    for _ in range(MAX_CLIMB):
        head = node.head
        if head is node or context.is_quoted(head):
            return None
        if context.is_cue_token(head):
            speaker = _subject(context, head)
            if speaker:
                return Attribution(speaker, head.text, _addressee(context, head, speaker))
        node = head
    return None


def _cue_earlier_in_clause(context: QuoteContext, before: Window) -> Attribution | None:
    """Without a parse: the last speech verb before the quote, and the actor right before it."""
    tokens = context.tokens(*before)
    verb = next((t for t in reversed(tokens) if context.is_cue_token(t)), None) if tokens else None
    if verb is None:
        return None
    return Attribution(_nearest_actor(context, verb, (before[0], verb.idx)), verb.text)


def _continuation(context: QuoteContext, index: int, before: Window, previous: Attribution | None) -> Attribution | None:
    """A quote opening a sentence right after a quote of a known speaker, nobody else named."""
    if previous is None or previous.speaker is None or index == 0:
        return None
    if context.text[before[0] : before[1]].strip():
        return None
    # The previous quote's own cue clause ("…, a-t-il dit à Reuters.") names nobody new.
    gap_start, gap_end = context.after_window(index - 1)[1], context.spans[index].opening
    if context.paragraph_breaks_between(gap_start, gap_end) > 2:
        return None
    gap_mentions = context.actors.outermost_between(gap_start, gap_end)
    others = {m.key for m in gap_mentions if context.can_speak(m.key)} - {previous.speaker}
    return None if others else Attribution(previous.speaker, previous.cue)


# -- finding the actor ---------------------------------------------------------------------
def _subject(context: QuoteContext, verb: Token) -> str | None:
    """The actor that is the subject (or passive agent) of ``verb`` or of the verb it hangs on."""
    for _ in range(3):
        agent = _passive_agent(context, verb)
        if agent:
            return agent
        for child in verb.children:
            if child.dep_ not in SUBJECT_DEPS:
                continue
            if "Rel" in child.morph.get("PronType", []) and verb.dep_.endswith(LABELS.relative_clause_suffix):
                child = verb.head
            key = context.actor_of_phrase(child)
            if key:
                return key
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head is verb or context.is_quoted(verb.head):
            return None
        verb = verb.head
    return None


def _passive_agent(context: QuoteContext, verb: Token) -> str | None:
    """"a été traité d'« escroc » par X": the actor after the agent preposition."""
    if not any(child.dep_ in PASSIVE_DEPS for child in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in OBLIQUE_DEPS:
            marker = child if child.dep_ == LABELS.preposition else next(
                (c for c in child.children if c.dep_ == LABELS.case_marker), None
            )
            if marker is not None and marker.lower_ in context.rules.agent_prepositions:
                phrase = child if child.dep_ != LABELS.preposition else next(iter(child.children), child)
                key = context.actor_of_phrase(phrase)
                if key:
                    return key
    return None


def _has_pronoun_subject(verb: Token) -> bool:
    """Whether the verb's subject is a third-person pronoun ("a-t-il déclaré", "he said")."""
    return any(
        child.dep_ in SUBJECT_DEPS and child.pos_ == "PRON" and "3" in child.morph.get("Person", [])
        for child in verb.children
    )


def _recent_person(context: QuoteContext, position: int) -> str | None:
    """The last person named shortly before ``position``: what an unresolved "il" points at.

    The actor recognizer resolves most pronouns; this covers the inverted ones it leaves open.
    """
    mentions = context.actors.outermost_between(max(0, position - PRONOUN_REACH), position)
    people = [m for m in mentions if m.end <= position and context.is_person(m.key)]
    return people[-1].key if people else None


def _addressee(context: QuoteContext, verb: Token, speaker: str | None) -> str | None:
    """The person the speech verb is about or addressed to ("accuse Altman", "répond à Musk")."""
    for child in verb.children:
        if child.dep_ in ADDRESSEE_DEPS:
            key = context.actor_of_phrase(child)
            if key and key != speaker and context.is_person(key):
                return key
    return None


def _nearest_actor(context: QuoteContext, verb: Token, window: Window) -> str | None:
    """Without a usable parse: the actor right before the verb ("Altman said"), else after it."""
    mentions = context.actors.outermost_between(*window)
    before = [m for m in mentions if m.end <= verb.idx and context.can_speak(m.key)]
    if before and not any(c in PHRASE_BREAKS for c in context.text[before[-1].end : verb.idx]):
        return before[-1].key
    clause_start = verb.idx + len(verb.text)
    for mention in (m for m in mentions if m.start >= verb.idx + len(verb.text)):
        if context.can_speak(mention.key) and not _is_venue(context, mention.start, clause_start):
            return mention.key
        clause_start = mention.end  # "à l'AFP Jean Dupont": the venue ends where its actor does
    return None


def _first_speaker_in(context: QuoteContext, start: int, end: int) -> str | None:
    """The first actor of a clause that is not a place or a channel ("sur X")."""
    clause_start = start
    for mention in context.actors.outermost_between(start, end):
        if context.can_speak(mention.key) and not _is_venue(context, mention.start, clause_start):
            return mention.key
        clause_start = max(clause_start, mention.end)
    return None


def _source_actor(context: QuoteContext, index: int, position: int, limit: int) -> str | None:
    """The actor a source phrase names; "selon lui" is the person named just before the quote."""
    key = _actor_right_after(context, position, limit)
    if key is None:
        following = context.tokens(position, min(limit, position + SOURCE_REACH))
        pronoun = following[0] if following is not None else None
        if pronoun is not None and pronoun.pos_ == "PRON" and "3" in pronoun.morph.get("Person", []):
            key = _recent_person(context, context.spans[index].opening)
    return key


def _actor_right_after(context: QuoteContext, position: int, limit: int) -> str | None:
    """The actor that is the complement of a source phrase ending at ``position``."""
    for mention in context.actors.outermost_between(position, min(limit, position + SOURCE_REACH)):
        gap = context.text[position : mention.start]
        close = len(gap.replace("'", "' ").split()) <= SOURCE_GAP_WORDS
        if mention.start >= position and close and not any(c in PHRASE_BREAKS for c in gap):
            return mention.key
        return None
    return None


def _is_venue(context: QuoteContext, mention_start: int, clause_start: int) -> bool:
    """Whether a venue preposition ("sur", "à", "on") introduces the mention."""
    low = max(clause_start, mention_start - 30)
    return context.rules.venue_at_end.search(context.text, low, mention_start) is not None
