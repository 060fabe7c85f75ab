"""Who says a quote: the cue shapes of the press, tried from the most to the least telling.

1. a title or a label ("intitulé « … »", "called '…'"): nobody says it; a gloss in parentheses
   right after a quote ("« Act » (« loi … »)") is read like the quote it glosses;
2. an incise after the quote ("« … », écrit-il", "« … », a indiqué la société", "« … » indique
   X", "'…,' he said");
3. an introduction ending with a colon ("Sam Altman réplique sur X : « … »");
4. a source phrase after it ("« … », selon X", "« … » en réponse du fondateur de Y");
5. a speech verb governing the quoted words ("a accusé Altman d'avoir « volé … »");
6. a source phrase before it ("D'après X, …") or opening its sentence ("Pour X, il s'agit d'un « … »");
7. a quote that opens a sentence right after a quote of a known speaker continues that speaker.

The speaker phrase a cue points at is read by :mod:`chronique.extract.quotes.phrases`; what one
quote's neighbours say (a cue shared by the quotes of one sentence, a headline repeating a
quote) is settled afterwards by :mod:`chronique.extract.quotes.sequence`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronique.extract.quotes.context import QuoteContext
from chronique.extract.quotes.phrases import (
    NO_SUBJECT,
    Reading,
    phrase_speaker,
    recent_subject_person,
    subject_of,
)
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["Attribution", "attribute", "INCISE", "TITLE", "CONTINUED", "UNNAMED"]

#: How far up the parse a speech verb may govern the quoted words.
MAX_CLIMB = 7
#: How far (in characters) the actor may stand after "selon", "d'après"...
SOURCE_REACH = 40
#: How many words may stand between a source phrase and its actor ("selon l'entourage de X").
SOURCE_GAP_WORDS = 2
#: Characters that end a phrase: an actor beyond them is not the complement of a source phrase.
PHRASE_BREAKS = frozenset(",;:.!?«»\"“”()")
LABELS = dependency_scheme("ud")
#: Dependency labels (Universal Dependencies and spaCy English) of subjects and agents.
SUBJECT_DEPS = LABELS.speaker_subjects
#: Clauses hanging on a noun ("une décision considérée comme …").
NOUN_CLAUSE_DEPS = LABELS.noun_clauses
#: Dependency labels that mark a passive clause.
PASSIVE_DEPS = LABELS.passive_markers
#: Dependency labels of the person a speech verb is about or addressed to.
ADDRESSEE_DEPS = LABELS.addressees
#: A clause a speech verb governs after it: its own words, so it is no incise of an earlier quote.
OWN_CONTENT_DEPS = LABELS.complement_clauses
#: How many words may end the quote's sentence before its incise's comma ("» espagnol, a dit X").
MAX_TAIL_WORDS = 2
#: How many paragraph breaks may separate an inverted pronoun's quote from the speaker it continues.
CONTINUATION_BREAKS = 4

#: Names of the rules, kept on each attribution for the rules that read neighbours; UNNAMED is
#: an incise whose speaker is someone the article does not name ("estime un délégué").
TITLE, INCISE, CONTINUED, UNNAMED = "title", "incise", "continued", "unnamed"
#: A quote opening the predicate of its subject ("X a « pris acte … »").
PREDICATE = "predicate"


@dataclass(frozen=True)
class Attribution:
    """The speaker of one quote, the cue that tells it and whom the words are about."""

    speaker: str | None
    cue: str | None = None
    about: str | None = None
    #: Which cue shape decided (``TITLE``, ``INCISE``...), or None.
    rule: str | None = None


NOBODY = Attribution(None)
#: An earlier quote's index and its known speaker.
Known = tuple[int, str]
#: A character range [start, end) of the document.
Window = tuple[int, int]


def attribute(
    context: QuoteContext, index: int, previous: Attribution | None, last_known: Known | None = None
) -> Attribution:
    """The attribution of quote ``index``; ``previous`` is the one of the quote before it and
    ``last_known`` the index and speaker of the latest earlier quote whose speaker is known."""
    before = context.before_window(index)
    after = context.after_window(index)
    title = context.rules.title_cue_at_end.search(context.text, before[0], before[1])
    if title:
        return Attribution(None, title.group().strip(" :"), rule=TITLE)
    if previous is not None and _is_gloss(context, index):
        return previous
    if _is_glossed_term(context, index):
        return Attribution(None, rule=TITLE)
    incise = _incise(context, index, after, last_known)
    if incise is not None and incise.speaker is not None:
        return incise
    for rule in (_colon_introduction, _source_after, _governing_verb, _quoted_predicate, _source_before):
        found = rule(context, index, before, after, last_known)
        if found is not None and found.speaker is not None:
            return found
    if incise is not None:  # an unnamed speaker's incise: do not continue anyone
        return incise
    return _continuation(context, index, before, previous) or NOBODY


# -- the cue shapes ------------------------------------------------------------------------
def _is_gloss(context: QuoteContext, index: int) -> bool:
    """"« Act » (« loi … »)": a quote in parentheses right after another one translates it."""
    if index == 0:
        return False
    gap = context.text[context.spans[index - 1].after_closing : context.spans[index].opening]
    return gap.strip() == "("


#: How long a translation in parentheses after a quoted term may be ("« low profile » (profil bas)"),
#: and how many words such a term has at most.
MAX_GLOSS_CHARACTERS = 40
MAX_TERM_WORDS = 4


def _is_glossed_term(context: QuoteContext, index: int) -> bool:
    """"le principe du « low profile » (profil bas)": a term followed by its translation."""
    span = context.spans[index]
    following = context.text[span.after_closing : span.after_closing + MAX_GLOSS_CHARACTERS + 2].lstrip(" ")
    if not following.startswith("("):
        return False
    closing = following.find(")")
    gloss = following[1:closing] if closing > 0 else ""
    marks = {c for pair in context.rules.marks for c in pair}
    is_term = len(context.text[span.start : span.end].split()) <= MAX_TERM_WORDS
    return is_term and bool(gloss.strip()) and not any(c in marks for c in gloss)


def _incise(context: QuoteContext, index: int, after: Window, last_known: Known | None) -> Attribution | None:
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
        verb = _final_incise_verb(context, list(tokens))
    if verb is None or _has_own_content(context, verb):
        return None
    cue = _cue_text(context, verb)
    reading = subject_of(context, verb, incise_after=span.after_closing) if context.parsed else NO_SUBJECT
    speaker = reading.key
    if reading.pronoun or (speaker is None and _has_pronoun_subject(verb)):
        speaker = _discourse_speaker(context, index, last_known, speaker)
    elif speaker is None and not reading.has_phrase:
        speaker = _nearest_actor(context, verb, after)
    if speaker is None:
        # "« … », estime un délégué syndical": someone we do not know speaks, nobody to continue
        unnamed = (reading.has_phrase and not reading.pronoun) or _unnamed_speaker_between(
            context, verb.idx + len(verb.text), after[1]
        )
        return Attribution(None, cue, rule=UNNAMED) if unnamed else None
    return Attribution(speaker, cue, _addressee(context, verb, speaker), rule=INCISE)


def _final_incise_verb(context: QuoteContext, tokens: list[Token]) -> Token | None:
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


def _has_own_content(context: QuoteContext, verb: Token) -> bool:
    """"« … », soulignant comment …": the verb governs its own clause after it."""
    head = context.doc[context.locution_words.get(verb.i, verb.i)]
    return any(
        child.i > verb.i and child.dep_ in OWN_CONTENT_DEPS and not context.is_cue_token(child)
        and not context.is_quoted(child) and context.actors.at(child) is None  # a name misread as a clause
        for child in (*head.children, *verb.children)
    )


def _cue_text(context: QuoteContext, verb: Token) -> str:
    """The cue as written: the verb, or the whole locution ("fait valoir")."""
    first = context.locution_words.get(verb.i)
    if first is None:
        return verb.text
    last = max(i for i, f in context.locution_words.items() if f == first)
    return context.doc[first : last + 1].text


def _discourse_speaker(
    context: QuoteContext, index: int, last_known: Known | None, resolved: str | None
) -> str | None:
    """Who the "il" of "ajoute-t-il" is: the latest known speaker while nobody else took the
    floor; else the person last the subject of a main clause (the one the press means); else
    what the actor recognizer resolved the pronoun to, unless only a name inside a quote."""
    span = context.spans[index]
    salient = recent_subject_person(context, span.opening)
    if last_known is not None:
        known_index, speaker = last_known
        gap_start = context.spans[known_index].after_closing
        if context.paragraph_breaks_between(gap_start, span.opening) <= CONTINUATION_BREAKS and (
            salient is None or salient == speaker or not _named_between(context, salient, gap_start, span.opening)
        ):
            return speaker
    if salient is not None or resolved is None or _only_quoted(context, resolved, span.opening):
        return salient
    return resolved


def _only_quoted(context: QuoteContext, key: str, position: int) -> bool:
    """Whether every mention of ``key`` before ``position`` lies inside a quote ("[X, NDLR]")."""
    mentions = [m for m in context.actors.outermost_between(0, position) if m.key == key]
    return all(context.is_quoted(t) for m in mentions if (t := _first_token(context, m.start)) is not None)


def _first_token(context: QuoteContext, offset: int) -> Token | None:
    span = context.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _named_between(context: QuoteContext, key: str, start: int, end: int) -> bool:
    return any(m.key == key for m in context.actors.outermost_between(start, end))


def _colon_introduction(
    context: QuoteContext, index: int, before: Window, after: Window, last_known: Known | None
) -> Attribution | None:
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
        reading = subject_of(context, verb)
        key = _discourse_speaker(context, index, last_known, reading.key) if reading.pronoun else reading.key
        if key:
            return Attribution(key, verb.text, _addressee(context, verb, key))
    cue = cues[-1].text if cues else None
    for token in tokens:
        if token.dep_ in SUBJECT_DEPS and (key := context.actor_of_phrase(token)):
            return Attribution(key, cue)
    return Attribution(_first_speaker_in(context, before[0], colon), cue)


def _source_after(
    context: QuoteContext, index: int, before: Window, after: Window, last_known: Known | None
) -> Attribution | None:
    """"« … », selon X" or "« … » en réponse du fondateur de Tesla"."""
    match = context.rules.source_phrase.search(context.text, after[0], after[1])
    if match is None:
        return None
    return Attribution(_source_actor(context, index, match.end(), after[1]), match.group())


def _source_before(
    context: QuoteContext, index: int, before: Window, after: Window, last_known: Known | None
) -> Attribution | None:
    """"Selon X, « … »" or "D'après X : « … »": the last source phrase before the quote."""
    matches = list(context.rules.source_phrase.finditer(context.text, before[0], before[1]))
    opening = context.rules.opening_source_phrase.match(context.text, before[0], before[1])
    if not matches and opening is None:
        return None
    match = matches[-1] if matches else opening
    assert match is not None  # one of the two was found
    return Attribution(_source_actor(context, index, match.end(), before[1]), match.group().strip())


def _governing_verb(
    context: QuoteContext, index: int, before: Window, after: Window, last_known: Known | None
) -> Attribution | None:
    """"a accusé Altman d'avoir « volé … »": a speech verb up the parse from the quoted words."""
    if not context.parsed:
        return _cue_earlier_in_clause(context, before)
    span = context.spans[index]
    tokens = context.tokens(span.start, span.end)
    if tokens is None:
        return None
    first_sentence = tokens[0].sent
    node = context.doc[tokens.start : min(tokens.end, first_sentence.end)].root  # quotes may run on
    for _ in range(MAX_CLIMB):
        head = node.head
        if head is node:
            return None
        if head.idx in (span.opening, span.closing):  # the quotation mark itself
            node = head
            continue
        if context.is_quoted(head):
            return None
        if context.is_cue_token(head):
            reading = subject_of(context, head)
            speaker = reading.key
            if reading.pronoun:
                speaker = _discourse_speaker(context, index, last_known, speaker)
            elif speaker is None and not reading.has_phrase and not _is_passive(head):
                speaker = _actor_right_before(context, head)  # not the patient of "X a été sanctionné"
            if speaker:
                return Attribution(speaker, _cue_text(context, head), _addressee(context, head, speaker))
            if reading.has_phrase and not reading.pronoun:
                return None
            if _modifies_noun(head):
                return None  # "une décision considérée comme « … »": whoever considers it, unsaid
        node = head
    return None


def _quoted_predicate(
    context: QuoteContext, index: int, before: Window, after: Window, last_known: Known | None
) -> Attribution | None:
    """"Le conseil a « pris acte de la décision »": a quote opening the predicate of a clause
    whose active subject stands right before it (auxiliaries, adverbs and clitics between) is
    the subject's words, with or without a speech verb."""
    if not context.parsed:
        return None
    span = context.spans[index]
    tokens = context.tokens(span.start, span.end)
    if tokens is None or tokens[0].pos_ not in ("VERB", "AUX"):
        return None
    predicate = context.doc[tokens.start : min(tokens.end, tokens[0].sent.end)].root
    if _is_passive(predicate):
        return None
    subject = next((c for c in predicate.children if c.dep_ == LABELS.subject and c.i < tokens.start), None)
    if subject is None:
        return None
    gap = context.doc[subject.right_edge.i + 1 : tokens.start]
    if any(t.pos_ not in _SUBJECT_GAP and t.idx != span.opening for t in gap):
        return None
    if _incise(context, index, after, None) is not None:
        return None  # "X a « tourné la page », estime un analyste": the analyst's words
    if _later_incise_in_sentence(context, index, tokens[0].sent.end_char):
        return None  # "X « a caché … » en « … », a estimé la juge": the incise speaks for both
    reading = phrase_speaker(context, subject)
    speaker = _discourse_speaker(context, index, last_known, reading.key) if reading.pronoun else reading.key
    if speaker is None or not context.can_speak(speaker):
        return None
    return Attribution(speaker, None, rule=PREDICATE)


def _modifies_noun(verb: Token) -> bool:
    """"une décision considérée comme", "une mesure jugée": a participle (or the adjective the
    tagger made of it) hanging on a noun, whose judge is unsaid."""
    participle = verb.pos_ == "ADJ" or "Part" in verb.morph.get("VerbForm", [])
    return participle and (verb.dep_ in NOUN_CLAUSE_DEPS or verb.dep_ == LABELS.adjectival_modifier)


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in PASSIVE_DEPS for child in verb.children)


def _later_incise_in_sentence(context: QuoteContext, index: int, sentence_end: int) -> bool:
    """Whether a later quote of the sentence ending at ``sentence_end`` has an incise."""
    for later in range(index + 1, len(context.spans)):
        if context.spans[later].opening >= sentence_end:
            return False
        if _incise(context, later, context.after_window(later), None) is not None:
            return True
    return False


def _actor_right_before(context: QuoteContext, verb: Token) -> str | None:
    """The subject the parse missed: the actor just before the verb ("Bruno Le Maire dit avoir"),
    with only auxiliaries, adverbs, clitics or an apposition between ("X, avocat de Y, a fait savoir")."""
    first = context.doc[context.locution_words.get(verb.i, verb.i)]
    sentence_start = first.sent.start_char if context.parsed else 0
    mentions = context.actors.outermost_between(max(sentence_start, first.idx - 200), first.idx)
    if not mentions:
        return None
    key = mentions[-1].key
    between = context.tokens(mentions[-1].end, first.idx)
    if between is not None:
        words = list(between)
        if words and words[0].text == ",":
            closing = max(i for i, t in enumerate(words) if t.text == ",")
            words = words[closing + 1 :] if closing > 0 else words
        if any(t.pos_ not in _SUBJECT_GAP for t in words):
            return None
    return key if context.can_speak(key) else None


_SUBJECT_GAP = frozenset({"AUX", "ADV", "PRON", "PART", "SPACE"})


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
    return None if others else Attribution(previous.speaker, previous.cue, rule=CONTINUED)


# -- finding the actor by position ---------------------------------------------------------
def _has_pronoun_subject(verb: Token) -> bool:
    """Whether the verb's subject is a third-person pronoun ("a-t-il déclaré", "he said")."""
    return any(
        child.dep_ in SUBJECT_DEPS and child.pos_ == "PRON" and "3" in child.morph.get("Person", [])
        for child in verb.children
    )


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
        if _unnamed_speaker_between(context, verb.idx + len(verb.text), mention.start):
            return None  # "précise une source citée par Bloomberg": the source speaks
        if not _is_venue(context, mention.start, clause_start):
            # the first actor that is no venue is the subject: one that cannot speak names nobody
            return mention.key if context.can_speak(mention.key) else None
        clause_start = mention.end  # "à l'AFP Jean Dupont": the venue ends where its actor does
    return None


def _unnamed_speaker_between(context: QuoteContext, start: int, end: int) -> bool:
    """Whether a word for an unnamed speaker ("une source", "un proche") stands in [start, end)."""
    tokens = context.tokens(start, end)
    words = context.rules.anonymous_speakers | context.rules.voice_nouns
    return tokens is not None and any(fold(t.text) in words or fold(t.lemma_) in words for t in tokens)


def _first_speaker_in(context: QuoteContext, start: int, end: int) -> str | None:
    """The first actor of a clause that is not a place or a channel ("sur X")."""
    clause_start = start
    for mention in context.actors.outermost_between(start, end):
        if context.can_speak(mention.key) and not _is_venue(context, mention.start, clause_start):
            return mention.key
        clause_start = max(clause_start, mention.end)
    return None


def _source_actor(context: QuoteContext, index: int, position: int, limit: int) -> str | None:
    """The actor a source phrase names; "selon lui" is the person named just before the quote;
    "selon la requête" is the document's author; "selon une source" is nobody known."""
    following = context.tokens(position, min(limit, position + SOURCE_REACH))
    first = next((t for t in following if not (t.is_punct or t.is_space)), None) if following is not None else None
    if first is not None and context.parsed:
        head = first if first.pos_ in ("PRON", "PROPN", "NOUN") else first.head
        if head.idx >= position and fold(head.lemma_) in context.rules.document_nouns:
            return phrase_speaker(context, head).key
        if head.idx >= position and _is_anonymous(context, head):
            return None
    key = _actor_right_after(context, position, limit)
    if key is None and first is not None and first.pos_ == "PRON" and "3" in first.morph.get("Person", []):
        key = recent_subject_person(context, context.spans[index].opening)
    return key


def _is_anonymous(context: QuoteContext, head: Token) -> bool:
    reading: Reading = phrase_speaker(context, head)
    words = context.rules.anonymous_speakers
    return reading.key is None and (fold(head.text) in words or fold(head.lemma_) in words)


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

