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

from spacy.tokens import Span, Token

from chronique.extract.quotes.attribution import (
    CONTINUED,
    INCISE,
    LABELS,
    MAX_CLIMB,
    NOBODY,
    NOUN_CLAUSE_DEPS,
    OWN_CONTENT_DEPS,
    PASSIVE_DEPS,
    PREDICATE,
    SUBJECT_DEPS,
    TITLE,
    UNNAMED,
    Attribution,
    Known,
    Window,
)
from chronique.extract.quotes.context import QuoteContext
from chronique.extract.quotes.incise import (
    cue_text,
    discourse_speaker,
    inner_incise,
    later_incise_in_sentence,
    read_incise,
)
from chronique.extract.quotes.phrases import (
    phrase_speaker,
    subject_of,
)
from chronique.extract.quotes.positions import (
    actor_right_after,
    addressee,
    first_speaker_in,
    nearest_actor,
    source_reading,
)
from chronique.nlp.extensions import ActorMention
from chronique.nlp.tokens import first_token_from
from chronique.text import fold

__all__ = ["Attribution", "attribute", "INCISE", "TITLE", "CONTINUED", "UNNAMED"]


def attribute(
    context: QuoteContext, index: int, previous: Attribution | None, last_known: Known | None = None
) -> Attribution:
    """The attribution of quote ``index``; ``previous`` is the one of the quote before it and
    ``last_known`` the index and speaker of the latest earlier quote whose speaker is known."""
    before = context.before_window(index)
    after = context.after_window(index)
    title = context.rules.title_cue_at_end.search(context.text, before[0], before[1])
    if title and not _is_judgement(context, index) and not _is_speech_act(context, title.start()):
        return Attribution(None, title.group().strip(" :"), rule=TITLE)
    if previous is not None and _is_gloss(context, index):
        return previous
    if _is_glossed_term(context, index) or _is_work_title(context, index):
        return Attribution(None, rule=TITLE)
    incise = read_incise(context, index, after, last_known)
    if incise is not None and incise.speaker is not None:
        return incise
    unnamed_source: Attribution | None = None
    for rule in (_colon_introduction, _source_after, _taken_up_after, _governing_verb, _quoted_predicate,
                 _source_before):
        found = rule(context, index, before, after, last_known)
        if found is not None and found.speaker is not None:
            return found
        if found is not None and found.rule == UNNAMED and unnamed_source is None:
            unnamed_source = found
    if incise is not None:  # an unnamed speaker's incise: do not continue anyone
        return incise
    if unnamed_source is not None:  # "selon un expert, « … »": nor the source phrase of one
        return unnamed_source
    return inner_incise(context, index, last_known) or _continuation(context, index, before, previous) or NOBODY


# -- the cue shapes ------------------------------------------------------------------------
def _is_judgement(context: QuoteContext, index: int) -> bool:
    """"juge le projet « irréaliste »": lowercase words headed by an adjective qualify the noun
    before them; a name or a title ("le projet « Horizon »") is capitalised or headed by a noun."""
    span = context.spans[index]
    tokens = context.tokens(span.start, span.end)
    if tokens is None or not context.parsed or not context.text[span.start : span.end][:1].islower():
        return False
    if tokens.root.pos_ == "ADJ":
        return True
    # "L'opération « change l'équilibre du secteur »": a lowercase quote whose root is a verb
    # with the noun before it as subject is that clause's predicate, not the noun's title.
    # (the parser may tag the verb a noun, "menace/NOUN", or hang it on the noun as a modifier)
    root = tokens.root
    if any(c.dep_ in LABELS.subjects and c.i < tokens.start for c in root.children):
        return True
    return root.pos_ == "VERB" and root.dep_ == LABELS.clausal_modifier and root.head.i < tokens.start


def _is_speech_act(context: QuoteContext, cue_start: int) -> bool:
    """"La ministre a appelé « les élus à … »": a title cue that is a speech verb conjugated with
    its subject ("a appelé", "appelle") says the quoted words; only the bare participle or an
    infinitive names something ("un plan appelé « Horizon »", "se faire appeler « le Boss »")."""
    if not context.parsed:
        return False
    at = first_token_from(context.doc, cue_start)
    if at >= len(context.doc):
        return False
    verb = context.doc[at]
    if verb.pos_ != "VERB" or not context.is_cue_token(verb):
        return False
    return any(c.dep_ in LABELS.finite_clause_markers for c in verb.children)


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


def _is_work_title(context: QuoteContext, index: int) -> bool:
    """"face à « Bonjour ! » sur TF1": the quoted words are the title of a work the recognizer
    found (``extract/actors/work_titles.py``), which nobody says."""
    span = context.spans[index]
    words = context.text[span.start : span.end]
    start = span.start + len(words) - len(words.lstrip())
    end = span.start + len(words.rstrip())
    return any(m.start == start and m.end == end and m.rule == "work-title"
               for m in context.actors.outermost_between(start, end))


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
        key = discourse_speaker(context, index, last_known, reading.key, reading.gender) if reading.pronoun else reading.key
        if key is None and _bare_infinitive(context, verb, tokens):
            key = discourse_speaker(context, index, last_known, None)  # "Avant d'ajouter : « … »"
        if key:
            return Attribution(key, verb.text, addressee(context, verb, key))
        if reading.has_phrase and not reading.pronoun:
            # "une lettre de son père, qui écrivait : « … »": someone the article does not name
            return Attribution(None, verb.text, rule=UNNAMED)
    cue = cues[-1].text if cues else None
    for token in tokens:
        if token.dep_ in SUBJECT_DEPS and (key := context.actor_of_phrase(token)):
            return Attribution(key, cue)
    return Attribution(first_speaker_in(context, before[0], colon), cue)


def _bare_infinitive(context: QuoteContext, verb: Token, intro: Span) -> bool:
    """"Avant d'ajouter :", "Et de conclure :": a speech verb in the infinitive, with no subject
    and no actor named in its introduction, continues whoever spoke last."""
    if "Inf" not in verb.morph.get("VerbForm", []) or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return not context.actors.outermost_between(intro[0].idx, intro[-1].idx + len(intro[-1].text))


def _source_after(
    context: QuoteContext, index: int, before: Window, after: Window, last_known: Known | None
) -> Attribution | None:
    """"« … », selon X" or "« … » en réponse du fondateur de Tesla"."""
    match = context.rules.source_phrase.search(context.text, after[0], after[1])
    if match is None:
        return None
    reading = source_reading(context, index, match.end(), after[1])
    return Attribution(reading.key, match.group(), rule=UNNAMED if reading.unnamed else None)


def _taken_up_after(
    context: QuoteContext, index: int, before: Window, after: Window, last_known: Known | None
) -> Attribution | None:
    """"« … » C'est par ces mots que X a ouvert l'assemblée": the sentence after the quote takes
    its words up; the subject of its clause after "que" said them."""
    match = context.rules.taken_up_opening.match(context.text, after[0], after[1])
    if match is None or not context.parsed:
        return None
    clause = context.tokens(match.end(), after[1])
    first_subject = next((t for t in clause or () if (t.dep_ in SUBJECT_DEPS or t.dep_ == LABELS.passive_subject)
                          and not context.is_quoted(t)), None)
    if first_subject is not None and first_subject.dep_ == LABELS.passive_subject:
        return None  # "C'est en ces termes que X a été interpellé par Y": X is who heard them
    named = actor_right_after(context, match.end(), after[1])  # "que X, président de Y, a ouvert"
    if named is None:
        tokens = context.tokens(match.end(), after[1])
        subject = next((t for t in tokens or () if t.dep_ in SUBJECT_DEPS and not context.is_quoted(t)), None)
        if subject is None or subject.head.i == subject.i:
            return None
        reading = subject_of(context, subject.head)
        named = None if reading.pronoun else reading.key
    if named is None or not context.can_speak(named):
        return None
    return Attribution(named, match.group().strip())


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
    reading = source_reading(context, index, match.end(), before[1], opening=not matches)
    return Attribution(reading.key, match.group().strip(), rule=UNNAMED if reading.unnamed else None)


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
        if _sentence_end_between(context, span.opening, span.after_closing, head):
            return None  # "« a ». « b », a dit X": the parse ran two sentences into one
        if context.is_cue_token(head):
            reading = subject_of(context, head)
            speaker = reading.key
            if reading.pronoun:
                speaker = discourse_speaker(context, index, last_known, speaker, reading.gender)
            elif speaker is None and not reading.has_phrase and not _is_passive(head):
                speaker = _actor_right_before(context, head)  # not the patient of "X a été sanctionné"
            if speaker:
                return Attribution(speaker, cue_text(context, head), addressee(context, head, speaker))
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
    if _reported_by_speech_verb(context, predicate):
        return None  # "X a ajouté que Y « fera son travail »": X's words about Y, not Y's
    if context.rules.source_phrase.search(context.text, tokens[0].sent.start_char, span.opening):
        return None  # "Selon son conseil, Me X, il « ignorait tout »": the source's words, not the subject's
    subject = next((c for c in predicate.children if c.dep_ == LABELS.subject and c.i < tokens.start), None)
    if subject is None:
        return None
    gap = context.doc[subject.right_edge.i + 1 : tokens.start]
    if any(t.pos_ not in _SUBJECT_GAP and t.idx != span.opening for t in gap):
        return None
    if read_incise(context, index, after, None) is not None:
        return None  # "X a « tourné la page », estime un analyste": the analyst's words
    if later_incise_in_sentence(context, index, tokens[0].sent.end_char):
        return None  # "X « a caché … » en « … », a estimé la juge": the incise speaks for both
    reading = phrase_speaker(context, subject)
    speaker = discourse_speaker(context, index, last_known, reading.key, reading.gender) if reading.pronoun else reading.key
    if speaker is None or not context.can_speak(speaker):
        return None
    return Attribution(speaker, None, rule=PREDICATE)


def _reported_by_speech_verb(context: QuoteContext, predicate: Token) -> bool:
    """Whether the clause of ``predicate`` is the complement of a speech verb outside the quote
    ("a ajouté que …", "a assuré que …"): its quoted words are the speech verb's subject's."""
    head = predicate.head
    return (head.i != predicate.i and predicate.dep_ in OWN_CONTENT_DEPS and not context.is_quoted(head)
            and context.is_cue_token(head))


#: Words that end a sentence when they stand outside quotes.
_SENTENCE_ENDS = frozenset(".!?")


def _sentence_end_between(context: QuoteContext, opening: int, after_closing: int, head: Token) -> bool:
    """Whether a full stop outside quotes stands between the quote and the head the parse gave it
    (the model sometimes hangs "« … ». « … », a indiqué X" on one verb)."""
    low, high = (after_closing, head.idx) if head.idx >= after_closing else (head.idx + len(head.text), opening)
    tokens = context.tokens(low, high)
    return tokens is not None and any(t.text in _SENTENCE_ENDS and not context.is_quoted(t) for t in tokens)


def _modifies_noun(verb: Token) -> bool:
    """"une décision considérée comme", "une mesure jugée": a participle (or the adjective the
    tagger made of it) hanging on a noun, whose judge is unsaid."""
    participle = verb.pos_ == "ADJ" or "Part" in verb.morph.get("VerbForm", [])
    return participle and (verb.dep_ in NOUN_CLAUSE_DEPS or verb.dep_ == LABELS.adjectival_modifier)


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in PASSIVE_DEPS for child in verb.children)


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
            if closing == 0 and _named_in_apposition(context, mentions[-1]):
                closing = 1  # "la directrice de Y, Claire Morel, se dit …": the title's holder
            words = words[closing + 1 :] if closing > 0 else words
        words = _without_asides(words, context.rules.subject_asides)
        if any(t.pos_ not in _SUBJECT_GAP and t.lemma_ not in context.rules.auxiliary_lemmas for t in words):
            return None  # (an auxiliary the tagger read as the verb, "a/VERB de son côté dénoncé", is one)
    return key if context.can_speak(key) else None


def _without_asides(words: list[Token], asides: tuple[tuple[str, ...], ...]) -> list[Token]:
    """The words between a subject and its verb without the asides the press sets there ("X a de
    son côté dénoncé", "X a pour sa part estimé"), which the parser often makes the verb's head."""
    kept: list[Token] = []
    longest = max((len(a) for a in asides), default=0)
    k = 0
    while k < len(words):
        folded = [fold(t.text) for t in words[k : k + longest]]
        width = next((len(a) for a in asides if tuple(folded[: len(a)]) == a), 0)
        if width:
            k += width
            continue
        kept.append(words[k])
        k += 1
    return kept


_SUBJECT_GAP = frozenset({"AUX", "ADV", "PRON", "PART", "SPACE"})


def _named_in_apposition(context: QuoteContext, mention: ActorMention) -> bool:
    """A person's name set between commas right after a title phrase ("la directrice de Y,
    Claire Morel, …"): the subject itself, not the complement of an apposition ("X, avocat de Y,
    …", where Y is no speaker)."""
    if context.entity_types.get(mention.key) != "PERSON":
        return False
    before = context.text[: mention.start].rstrip()
    return before.endswith(",")


def _cue_earlier_in_clause(context: QuoteContext, before: Window) -> Attribution | None:
    """Without a parse: the last speech verb before the quote, and the actor right before it."""
    tokens = context.tokens(*before)
    verb = next((t for t in reversed(tokens) if context.is_cue_token(t)), None) if tokens else None
    if verb is None:
        return None
    return Attribution(nearest_actor(context, verb, (before[0], verb.idx)), verb.text)


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
