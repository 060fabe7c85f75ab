"""What a quote's neighbours tell about its speaker, once every quote has its own attribution.

The press spreads one speaker over several quotes:
- one incise closes a sentence of several quotes ("X « a » en « b », a justifié Y"): it speaks for
  each quote of its sentence;
- a later quote of the same sentence, with no new cue between, continues the same speaker
  ("sanctionnant « l'attitude » de la plateforme, « dont … »");
- a quote standing in a sentence of the paragraph with no cue and no other actor continues the
  previous quote's speaker ("Il s'agit là d'une réponse « définitive »");
- a quote that is a whole sentence, right after a sentence whose subject is a person, is that
  person's ("X a réglé ses comptes avec Y. « … »");
- an answer introduced by its topic ("Sur l'économie : « … »") is the interviewee's: the latest
  known speaker, else the person the paragraph is about;
- a headline quoting words said further on ("« Je n'aurais rien dû lui acheter »") is said by
  whoever says them there (so are words an unnamed "avocat" says that a named one repeats).
Only quotes left without a speaker are filled; a title stays nobody's, and so does a quote
whose incise names someone the article does not ("estime un délégué").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from chronique.extract.quotes.context import QuoteContext
from chronique.extract.quotes.phrases import recent_subject_person, subject_of
from chronique.extract.quotes.speakers import CONTINUED, INCISE, TITLE, UNNAMED, Attribution
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["settle"]

LABELS = dependency_scheme("ud")
PASSIVE_DEPS = LABELS.passive_markers
SUBJECT = LABELS.subject

#: A headline must repeat at least this many words to be read as a quote said further on.
MIN_REPEATED_WORDS = 3
_SENTENCE_END = frozenset(".!?…")


def settle(context: QuoteContext, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with the speakers their neighbours give, filled in where unknown."""
    found = list(attributions)
    for index in range(len(found) - 2, -1, -1):
        following = found[index + 1]
        if _open(found[index]) and following.rule == INCISE and _same_sentence(context, index, index + 1):
            found[index] = replace(following, about=None)
    for index in range(1, len(found)):
        previous = found[index - 1]
        if not _open(found[index]) or previous.speaker is None or previous.rule == TITLE:
            continue
        if _same_sentence(context, index - 1, index) and not _cue_between(context, index - 1, index):
            found[index] = Attribution(previous.speaker, previous.cue, rule=CONTINUED)
        elif _same_paragraph(context, index - 1, index) and _bare_sentence(context, index, previous.speaker) \
                and not _other_named_between(context, index - 1, index, previous.speaker):
            found[index] = Attribution(previous.speaker, previous.cue, rule=CONTINUED)
    for index in range(len(found)):
        topics = _topic_introduction(context, index) if _open(found[index]) else None
        if topics is not None:
            found[index] = _interview_speaker(context, index, found, topics) or found[index]
    for index in range(len(found)):
        if _open(found[index]):
            person = _person_just_before(context, index)
            if person:
                found[index] = Attribution(person, rule=CONTINUED)
    for index in range(len(found)):
        if _open(found[index]):
            subject = _active_subject(context, index)
            if subject:
                found[index] = Attribution(subject, rule=CONTINUED)
    for index in range(len(found)):
        if _open(found[index]) or (found[index].speaker is None and found[index].rule == UNNAMED):
            found[index] = _repeated(context, index, found) or found[index]
    return found


def _open(attribution: Attribution) -> bool:
    return attribution.speaker is None and attribution.rule not in (TITLE, UNNAMED)


def _gap(context: QuoteContext, first: int, second: int) -> str:
    return context.text[context.spans[first].after_closing : context.spans[second].opening]


def _same_sentence(context: QuoteContext, first: int, second: int) -> bool:
    """No sentence end nor paragraph break between the two quotes (nor at the end of the first)."""
    gap = _gap(context, first, second)
    last_word = context.text[context.spans[first].end - 1]
    ends_inside = last_word in _SENTENCE_END and not gap.strip()[:1].islower() and gap.strip()[:1] not in ",;:"
    return "\n" not in gap and not any(c in _SENTENCE_END for c in gap) and not ends_inside


def _same_paragraph(context: QuoteContext, first: int, second: int) -> bool:
    return "\n" not in _gap(context, first, second)


def _cue_between(context: QuoteContext, first: int, second: int) -> bool:
    tokens = context.tokens(context.spans[first].after_closing, context.spans[second].opening)
    return tokens is not None and any(context.is_cue_token(t) for t in tokens)


def _other_named_between(context: QuoteContext, first: int, second: int, speaker: str) -> bool:
    """Whether a person other than ``speaker`` is named between the
    two quotes ("« … », glisse-t-on au rectorat. Sylvie Marchetti reste prudente. « … »": the
    second quote is not the first one's)."""
    start, end = context.spans[first].after_closing, context.spans[second].opening
    return any(m.key != speaker and context.entity_types.get(m.key) == "PERSON"
               for m in context.actors.outermost_between(start, end))


def _sentence(context: QuoteContext, index: int) -> Span | None:
    tokens = context.tokens(context.spans[index].start, context.spans[index].end)
    return tokens[0].sent if tokens is not None and context.parsed else None


def _bare_sentence(context: QuoteContext, index: int, speaker: str) -> bool:
    """The quote's sentence has no cue and names no actor but ``speaker`` outside quotes."""
    sentence = _sentence(context, index)
    if sentence is None:
        return False
    outside = [t for t in sentence if not context.is_quoted(t) and not t.is_punct]
    if any(context.is_cue_token(t) for t in outside):
        return False
    keys = {context.actors.at(t) for t in outside} - {None, speaker}
    return not any(context.can_speak(k) for k in keys if k)


def _person_just_before(context: QuoteContext, index: int) -> str | None:
    """"X a réglé ses comptes avec Y. « … »": a quote making up its sentences, right after a
    sentence of the same paragraph whose subject is a person, is that person's."""
    if not context.parsed:
        return None
    span = context.spans[index]
    before = context.before_window(index)
    after = context.after_window(index)
    rest = context.text[after[0] : after[1]].strip()
    # the quote closes its own sentence inside the marks ("… historique. » La cofondatrice …")
    closed_inside = context.text[span.end - 1] in _SENTENCE_END and rest[:1].isupper()
    if context.text[before[0] : before[1]].strip() or (rest.strip(" .") and not closed_inside):
        return None
    tokens = context.tokens(max(0, span.opening - 400), span.opening)
    words = [t for t in tokens or () if not t.is_space]
    if not words or context.is_quoted(words[-1]):
        return None
    gap = context.text[words[-1].idx : span.opening]
    if "\n" in gap and not _paragraph_of_its_own(context, index, gap, words[-1]):
        return None
    sentence = words[-1].sent
    if any(context.is_quoted(t) for t in sentence) or "\n" in sentence.text.strip():
        return None
    reading = subject_of(context, sentence.root)
    if reading.key and context.entity_types.get(reading.key) == "PERSON":
        return reading.key
    return None


#: How many line breaks may stand between a paragraph and the quote making up the next one.
MAX_BREAKS_BEFORE_OWN_PARAGRAPH = 2


def _paragraph_of_its_own(context: QuoteContext, index: int, gap: str, last: Token) -> bool:
    """"X mène la grève depuis trois semaines.\n\n« Nous ne reprendrons pas … »": a quote making
    up a paragraph of its own right after a paragraph closed by a full sentence (not a heading
    nor an introduction by a colon) continues it."""
    span = context.spans[index]
    if gap.count("\n") > MAX_BREAKS_BEFORE_OWN_PARAGRAPH or last.text not in _SENTENCE_END:
        return False
    end = context.text.find("\n", span.after_closing)
    rest = context.text[span.after_closing : end if end >= 0 else len(context.text)]
    return not rest.strip(" .!?…")


def _active_subject(context: QuoteContext, index: int) -> str | None:
    """"Le groupe va entrer au capital pour « bâtir une alliance »": words quoted inside a sentence
    with no cue, with a verb of their own, are the words of its main clause's active subject, when that is an actor who can
    speak ("Le groupe a été condamné pour « abus »" is passive: nobody known says it)."""
    if not context.parsed:
        return None
    sentence = _sentence(context, index)
    if sentence is None or context.is_quoted(sentence.root):
        return None
    root = sentence.root
    if any(c.dep_ in PASSIVE_DEPS for c in root.children):
        return None
    outside = [t for t in sentence if not context.is_quoted(t)]
    if any(context.is_cue_token(t) for t in outside):
        return None
    words = context.tokens(context.spans[index].start, context.spans[index].end)
    if words is None or not any(t.pos_ == "VERB" for t in words):
        return None  # "une « mise en demeure »": a term for a thing, nobody's words
    if context.rules.source_phrase.search(context.text, sentence.start_char, sentence.end_char):
        return None  # "… une « pépite » selon les analystes": a source nobody knows speaks
    subject = next((c for c in root.children if c.dep_ == SUBJECT and not context.is_quoted(c)), None)
    if subject is None:
        return None
    key = subject_of(context, root).key
    return key if key and context.can_speak(key) else None


def _topic_introduction(context: QuoteContext, index: int) -> frozenset[str] | None:
    """"Sur l'économie du football : « … »": a colon after words that say nothing and name nobody,
    or name only the topic ("Sur l'UEFA : « … »"): the actors named as the topic (maybe none);
    None when the words before the quote are no such introduction."""
    start, end = context.before_window(index)
    intro = context.text[start:end].rstrip()
    if not intro.endswith(":"):
        return None
    tokens = context.tokens(start, start + len(intro))
    if tokens is None:
        return None
    outside = [t for t in tokens if not context.is_quoted(t)]
    if any(context.is_cue_token(t) for t in outside):
        return None
    named = frozenset(key for t in outside if (key := context.actors.at(t)))
    if not named:
        return named
    return named if context.rules.topic_opening.match(intro) else None


def _interview_speaker(context: QuoteContext, index: int, found: list[Attribution],
                       topics: frozenset[str] = frozenset()) -> Attribution | None:
    """The speaker of an interview's answers: the latest known speaker of the last paragraphs,
    else the person the paragraph is about (the main subject of one of its sentences). Actors
    named as the answer's topic (``topics``) are not other speakers."""
    span = context.spans[index]
    for earlier in range(index - 1, -1, -1):
        attribution = found[earlier]
        gap_start = context.spans[earlier].after_closing
        if context.paragraph_breaks_between(gap_start, span.opening) > 2:
            break
        if attribution.speaker is not None:
            named = {m.key for m in context.actors.outermost_between(gap_start, span.opening)}
            others = {k for k in named if context.can_speak(k)} - {attribution.speaker} - topics
            return None if others else Attribution(attribution.speaker, attribution.cue, rule=CONTINUED)
    paragraph_start = context.text.rfind("\n", 0, span.opening) + 1
    person = recent_subject_person(context, span.opening)
    if person and any(m.key == person for m in context.actors.outermost_between(paragraph_start, span.opening)):
        return Attribution(person, rule=CONTINUED)
    return None


def _repeated(context: QuoteContext, index: int, found: list[Attribution]) -> Attribution | None:
    """A headline repeating words a known speaker says further on."""
    span = context.spans[index]
    words = fold(context.text[span.start : span.end]).strip(" .!?…")
    if len(words.split()) < MIN_REPEATED_WORDS:
        return None
    for other, attribution in enumerate(found):
        if other == index or attribution.speaker is None:
            continue
        said = context.spans[other]
        if words in fold(context.text[said.start : said.end]):
            return Attribution(attribution.speaker, attribution.cue, rule=CONTINUED)
    return None
