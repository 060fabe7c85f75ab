"""The incise after a quote ("« … », écrit-il", "« … », a indiqué la société") and who its
pronoun stands for.

The incise is the press's most telling cue, so :mod:`~chronique.extract.quotes.speakers` tries it
first and its other rules ask it whether a later incise speaks for their quote.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from chronique.extract.quotes.attribution import (
    CONTINUATION_BREAKS,
    INCISE,
    MAX_TAIL_WORDS,
    OWN_CONTENT_DEPS,
    SHARED_SUBJECT_DEPS,
    SUBJECT_DEPS,
    UNNAMED,
    Attribution,
    Known,
    Window,
)
from chronique.extract.quotes.context import QuoteContext
from chronique.extract.quotes.phrases import (
    NO_SUBJECT,
    inverted_subject,
    phrase_speaker,
    recent_subject_person,
    subject_of,
)
from chronique.extract.quotes.positions import (
    addressee,
    has_pronoun_subject,
    nearest_actor,
    unnamed_speaker_between,
)
from chronique.text import fold


def read_incise(context: QuoteContext, index: int, after: Window, last_known: Known | None) -> Attribution | None:
    """"« … », écrit-il": a speech verb within a few words after the closing mark.

    The verb may also follow the mark directly ("« … » indique Deezer"). Returns None when there
    is no incise; an incise whose subject names nobody known gives an unknown speaker (a rule
    further down may still find one).
    """
    span = context.spans[index]
    tokens = context.tokens(*after)
    if tokens is None:
        return None
    words = [t for t in tokens if not (t.is_punct or t.is_space)][: context.rules.incise_reach]
    if not words:
        return None
    punctuation = context.rules.incise_punctuation
    verb_first = words[0].pos_ in ("VERB", "AUX") and words[0].idx == tokens[0].idx
    if context.text[span.end - 1] not in punctuation and not verb_first:
        # "« … » espagnol, a justifié X": a word or two may close the sentence before the incise
        lead = next((t for t in list(tokens)[:MAX_TAIL_WORDS + 1] if t.text in punctuation), None)
        if lead is None:
            return None
        words = [t for t in tokens if t.i > lead.i and not (t.is_punct or t.is_space)][: context.rules.incise_reach]
    verb = next((t for t in words if context.is_cue_token(t)), None)
    if verb is None:
        verb = _misread_opening_verb(context, words) or _governed_infinitive(context, tokens, words)
    if verb is None:
        verb = final_incise_verb(context, list(tokens))
    if verb is None or has_own_content(context, verb):
        return None
    cue = cue_text(context, verb)
    reading = subject_of(context, verb, incise_after=span.after_closing) if context.parsed else NO_SUBJECT
    if not reading.has_phrase and context.parsed and (last := _locution_end(context, verb)) is not None:
        # "« … », a fait savoir le gouvernement": the subject hangs on the locution's last word
        reading = subject_of(context, last, incise_after=span.after_closing)
    speaker = reading.key
    if reading.pronoun or (speaker is None and not reading.impersonal and has_pronoun_subject(verb)):
        speaker = discourse_speaker(context, index, last_known, speaker, reading.gender)
    elif speaker is None and not reading.has_phrase:
        speaker = nearest_actor(context, verb, after)
    if speaker is None:
        # "« … », estime un délégué syndical": someone we do not know speaks, nobody to continue
        unnamed = (reading.has_phrase and not reading.pronoun) or unnamed_speaker_between(
            context, verb.idx + len(verb.text), after[1]
        )
        return Attribution(None, cue, rule=UNNAMED) if unnamed else None
    return Attribution(speaker, cue, addressee(context, verb, speaker), rule=INCISE)


#: Tags of the word right after an incise's verb that make it the verb's inverted subject
#: ("tempère son porte-parole", "relève Anna Weber").
_SUBJECT_OPENINGS = frozenset({"DET", "PROPN"})


def _misread_opening_verb(context: QuoteContext, words: list[Token]) -> Token | None:
    """"« … », tempère son porte-parole": the incise's first word, a present-tense form of a
    speech verb by its ending that the tagger read as an adjective or a noun, followed by its
    inverted subject (a determiner or a name)."""
    if len(words) < 2 or words[1].pos_ not in _SUBJECT_OPENINGS:
        return None
    first = words[0]
    return first if first.pos_ not in ("VERB", "AUX") and context.rules.is_cue_finite(first.text) else None


def _governed_infinitive(context: QuoteContext, tokens: Span, words: list[Token]) -> Token | None:
    """"« … », s'est-il contenté de dire", "a-t-il tenu à rappeler": a speech verb in the
    infinitive governed by the incise's verb, standing past the incise's reach because of the
    clitics; its subject is the governing verb's (``subject_of`` climbs to it)."""
    reach = context.rules.incise_reach
    heads = {t.i for t in words}
    later = [t for t in tokens if not (t.is_punct or t.is_space)][reach : reach + 2]
    return next((t for t in later if "Inf" in t.morph.get("VerbForm", []) and t.head.i in heads
                 and t.dep_ in SHARED_SUBJECT_DEPS and context.is_cue_token(t)), None)


#: What closes an incise inside the quotation marks ("« Non, a prévenu le syndicat. Jamais »").
_INNER_INCISE_ENDS = frozenset({".", ",", ";", "!", "?", "…"})


def inner_incise(context: QuoteContext, index: int, last_known: Known | None) -> Attribution | None:
    """"« Nous ne céderons pas, a prévenu le syndicat. Les effectifs … »": the press may set the
    incise inside the marks, between two commas or a comma and a full stop. Only a speech verb
    with its subject after it (a named subject, or an inverted pronoun), a few words long, that
    governs no clause of its own; the words around it stay the speaker's quote."""
    if not context.parsed:
        return None
    span = context.spans[index]
    tokens = context.tokens(span.start, span.end)
    if tokens is None:
        return None
    words = list(tokens)
    for position, comma in enumerate(words):
        if comma.text != ",":
            continue
        segment = []
        for token in words[position + 1 :]:
            if token.text in _INNER_INCISE_ENDS:
                break
            segment.append(token)
        else:
            continue  # the segment runs to the closing mark: the quote's own last words
        if not segment or len(segment) > context.rules.incise_reach:
            continue
        verb = next((t for t in segment if context.is_cue_token(t)), None)
        if verb is None or has_own_content(context, verb) or not _opens_finite(segment, verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > verb.i), None)
        key = phrase_speaker(context, subject).key if subject is not None else None
        key = key or inverted_subject(context, verb).key  # the parser may make it the verb's object
        if key is not None:
            return Attribution(key, cue_text(context, verb), rule=INCISE)
        if any(fold(t.text) in context.rules.inverted_pronouns for t in segment):
            speaker = discourse_speaker(context, index, last_known, None)
            if speaker is not None:
                return Attribution(speaker, cue_text(context, verb), rule=INCISE)
    return None


def _opens_finite(segment: list[Token], verb: Token) -> bool:
    """Whether the segment opens on the verb conjugated ("prévient", "a prévenu", "a-t-il dit"):
    a bare participle after a comma ("…, informé Renault") continues the quote's own clause."""
    if verb.i != segment[0].i and not (segment[0].pos_ == "AUX" and verb.i - segment[0].i <= 3):
        return False
    return verb.i != segment[0].i or "Part" not in verb.morph.get("VerbForm", [])


def final_incise_verb(context: QuoteContext, tokens: list[Token]) -> Token | None:
    """"« … », ce qui constitue une infraction, a-t-elle ajouté.": an inverted speech verb
    closing the sentence after a last comma."""
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return None
    tail = [t for t in tokens[commas[-1] + 1 :] if not (t.is_punct or t.is_space)]
    if not tail or len(tail) > context.rules.incise_reach:
        return None
    verb = next((t for t in tail if context.is_cue_token(t)), None)
    if verb is None:
        return None
    inverted = any(fold(t.text) in context.rules.inverted_pronouns for t in tail) or any(
        c.i > verb.i and c.dep_ in SUBJECT_DEPS for c in verb.children
    )
    return verb if inverted else None


def has_own_content(context: QuoteContext, verb: Token) -> bool:
    """"« … », soulignant comment …": the verb governs its own clause after it."""
    head = context.doc[context.locution_words.get(verb.i, verb.i)]
    return any(
        child.i > verb.i and child.dep_ in OWN_CONTENT_DEPS and not context.is_cue_token(child)
        and not context.is_quoted(child) and context.actors.at(child) is None  # a name misread as a clause
        for child in (*head.children, *verb.children)
    )


def _locution_end(context: QuoteContext, verb: Token) -> Token | None:
    """The last word of the locution ``verb`` opens ("fait" of "fait savoir"), ``None`` when the
    verb is a single word."""
    first = context.locution_words.get(verb.i)
    if first is None:
        return None
    last = max(i for i, f in context.locution_words.items() if f == first)
    return context.doc[last] if last != verb.i else None


def cue_text(context: QuoteContext, verb: Token) -> str:
    """The cue as written: the verb, or the whole locution ("fait valoir")."""
    first = context.locution_words.get(verb.i)
    if first is None:
        return verb.text
    last = max(i for i, f in context.locution_words.items() if f == first)
    return context.doc[first : last + 1].text


def discourse_speaker(
    context: QuoteContext, index: int, last_known: Known | None, resolved: str | None, gender: str | None = None
) -> str | None:
    """Who the "il" of "ajoute-t-il" is: the latest known speaker while nobody else took the
    floor; else the person last the subject of a main clause (the one the press means); else
    what the actor recognizer resolved the pronoun to, unless only a name inside a quote. A
    ``gender`` ("elle") passes over a person whose first name says the other one."""
    span = context.spans[index]
    if _follows_unnamed(context, index):
        return None  # "« … », nuance une élue. « … », prévient-elle": the unnamed speaker goes on
    salient = recent_subject_person(context, span.opening)
    if last_known is not None:
        known_index, speaker = last_known
        gap_start = context.spans[known_index].after_closing
        if resolved is not None and resolved != speaker and _agrees(context, resolved, gender) \
                and _only_newcomer(context, gap_start, span.opening, speaker, gender) == resolved:
            return resolved  # "« … », dit X.\n\nPour Y, la rivalité est saine. « … », estime-t-il."
        if context.paragraph_breaks_between(gap_start, span.opening) <= CONTINUATION_BREAKS and (
            salient is None or salient == speaker or not _named_between(context, salient, gap_start, span.opening)
        ) and _agrees(context, speaker, gender):
            return speaker
    if salient is not None and _agrees(context, salient, gender):
        return salient
    if resolved is None or _only_quoted(context, resolved, span.opening) or not _agrees(context, resolved, gender):
        return None  # "Elle ajoute" after a man's words: nobody rather than him
    return resolved


def _follows_unnamed(context: QuoteContext, index: int) -> bool:
    """Whether the quote right before, in the same paragraph, is someone's the article does not
    name, with no person named since: a pronoun then goes on with that speaker."""
    if index - 1 not in context.unnamed:
        return False
    start, end = context.spans[index - 1].after_closing, context.spans[index].opening
    if context.paragraph_breaks_between(start, end):
        return False
    return not any(context.is_person(m.key) for m in context.actors.outermost_between(start, end))


def _only_newcomer(context: QuoteContext, start: int, end: int, speaker: str, gender: str | None) -> str | None:
    """The one person of the pronoun's gender named by name in [start, end) outside quotes, when
    the latest known speaker is not named there again: someone new the pronoun may stand for
    ("Pour Y, la rivalité est saine. « … », estime-t-il" after X's words). None for nobody, for
    two, or when the speaker is named again."""
    named: set[str] = set()
    for mention in context.actors.outermost_between(start, end):
        token = _first_token(context, mention.start)
        if mention.kind != "name" or token is None or context.is_quoted(token):
            continue
        if mention.key == speaker:
            return None
        if context.entity_types.get(mention.key) == "PERSON" and _agrees(context, mention.key, gender):
            named.add(mention.key)
    return next(iter(named)) if len(named) == 1 else None


def _agrees(context: QuoteContext, key: str, gender: str | None) -> bool:
    """Whether the pronoun's gender fits the person ``key`` (by the first name; unknown fits)."""
    return gender is None or context.genders.get(key) in (None, gender)


def _only_quoted(context: QuoteContext, key: str, position: int) -> bool:
    """Whether every mention of ``key`` before ``position`` lies inside a quote ("[X, NDLR]")."""
    mentions = [m for m in context.actors.outermost_between(0, position) if m.key == key]
    return all(context.is_quoted(t) for m in mentions if (t := _first_token(context, m.start)) is not None)


def _first_token(context: QuoteContext, offset: int) -> Token | None:
    span = context.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _named_between(context: QuoteContext, key: str, start: int, end: int) -> bool:
    return any(m.key == key for m in context.actors.outermost_between(start, end))


def later_incise_in_sentence(context: QuoteContext, index: int, sentence_end: int) -> bool:
    """Whether a later quote of the sentence ending at ``sentence_end`` has an incise."""
    for later in range(index + 1, len(context.spans)):
        if context.spans[later].opening >= sentence_end:
            return False
        if read_incise(context, later, context.after_window(later), None) is not None:
            return True
    return False
