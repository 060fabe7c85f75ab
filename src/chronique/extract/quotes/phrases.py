"""Which actor a speaker phrase names: the subject of a speech verb, a source, a document.

A cue gives a phrase ("Sam Altman", "le porte-parole de Google", "une source", "le communiqué");
this module says which actor, if any, stands behind it. A phrase the parse shows but that names
no actor (an anonymous source, an unresolved description) is *known to be nobody we know*: the
rules then leave the speaker unknown rather than guess a neighbour (a wrong speaker is worse than
none). Actors come from the document's :class:`~chronique.nlp.actor_index.ActorIndex`, which holds
names, descriptions and the pronouns the actor recognizer resolved.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from chronique.extract.quotes.context import QuoteContext
from chronique.extract.quotes.title_names import (
    feminine_title_for_a_man,
    name_after_comma,
    name_before_comma,
    naming_apposition,
)
from chronique.nlp.actor_index import OUTERMOST
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["Reading", "NO_SUBJECT", "subject_of", "phrase_speaker", "document_author", "recent_subject_person"]

#: The most tokens a body noun of several words spans ("conseil d'administration": 3).
_LONGEST_BODY_NOUN = 4

LABELS = dependency_scheme("ud")
SUBJECT_DEPS = LABELS.speaker_subjects
PASSIVE_DEPS = LABELS.passive_markers
OBLIQUE_DEPS = LABELS.speaker_obliques
SHARED_SUBJECT_DEPS = LABELS.shared_subject_links
#: How far back (characters) a document or an earlier subject may be looked for.
DOCUMENT_REACH = 1500
#: How far back (characters) an inverted pronoun the actor recognizer left open may look.
PRONOUN_REACH = 400
#: Pronouns that read a document ("peut-on y lire") rather than name a speaker.
IMPERSONAL = frozenset({"on"})


@dataclass(frozen=True)
class Reading:
    """What a speaker phrase says: the actor (``key``), and whether a phrase was there at all."""

    key: str | None
    has_phrase: bool = True
    #: A third-person pronoun ("ajoute-t-il"), ``key`` being what the actor recognizer resolved
    #: it to: the caller may follow the discourse instead.
    pronoun: bool = False
    #: The pronoun's gender ("m" for "il", "f" for "elle"), None when it says none.
    gender: str | None = None
    #: "on" with no host or document the rules can read ("glisse-t-on au rectorat"): someone
    #: the article does not name, whom no discourse rule may make a person.
    impersonal: bool = False


NO_SUBJECT = Reading(None, has_phrase=False)
#: "« … », glisse-t-on au rectorat" with no host the rules can read: someone speaks whom the
#: article does not name; never the person a "il" would be.
UNNAMED_ON = Reading(None, impersonal=True)


def subject_of(context: QuoteContext, verb: Token, incise_after: int | None = None) -> Reading:
    """The speaker phrase of ``verb``: its subject or passive agent, or those of the verb above.

    The first subject found decides, even when it names no actor: "précise une source citée par
    Reuters" is the source's word, not Reuters'. The verb of an incise after a quote closing at
    ``incise_after`` ("« … », précise la société") does not share the subject of a clause before it
    (that clause holds the quote), and the noun right after it is its inverted subject even where
    the parser made it an object.
    """
    for _ in range(3):
        voice = _speaking_through(context, verb)
        if voice:
            return Reading(voice)
        agent = _passive_agent(context, verb)
        if agent:
            return Reading(agent)
        readings: list = []
        for child in verb.children:
            if (len(child.text.strip("-")) <= 1 and child.pos_ == "PRON") or context.is_quoted(child):
                continue  # the euphonic "-t-" of "a-t-il"; words of the quote itself
            if any(c.dep_ == LABELS.case_marker and c.i < child.i for c in child.children):
                continue  # "a de son côté commenté X": a phrase with a preposition is no subject
            inverted_clitic = child.pos_ == "PRON" and child.text.startswith("-")
            if child.dep_ not in SUBJECT_DEPS and not inverted_clitic:
                continue
            if "Rel" in child.morph.get("PronType", []) and verb.dep_.endswith(LABELS.relative_clause_suffix):
                child = verb.head
            if child.lower_.strip("-") in IMPERSONAL:
                found = _impersonal_source(context, verb)
                if found is not None:
                    return found
                readings.append((child, UNNAMED_ON))
                continue
            readings.append((child, phrase_speaker(context, child)))
        if len(readings) > 1:
            readings = _nearest_subject(readings, verb)
        readings = [reading for _child, reading in readings]
        if not readings:  # "Un porte-parole de Google a confirmé" with "a" read as the verb
            readings = [
                phrase_speaker(context, child)
                for aux in verb.children if aux.dep_.startswith(LABELS.auxiliary_prefix)
                for child in aux.children if child.dep_ in SUBJECT_DEPS and not context.is_quoted(child)
            ]
        if not readings and (clitic := _inverted_pronoun(context, verb)) is not None:
            if clitic.lower_.strip("-t") in IMPERSONAL:
                found = _impersonal_source(context, verb)
                readings.append(found or UNNAMED_ON)
            else:
                readings.append(phrase_speaker(context, clitic))
        if readings:  # "la société OpenAI" may come out as two subjects: the actor wins
            return next((r for r in readings if r.key), readings[0])
        # the incise's verb hangs on the quote, or the quote on it (the parser made it the root)
        if incise_after is not None and (verb.head.idx < incise_after or (verb.head.i == verb.i and verb.idx >= incise_after)):
            return inverted_subject(context, verb)
        main = verb.sent.root if context.parsed else verb
        if _is_gerund(context, verb) and main.i < verb.i and not context.is_quoted(main):
            verb = main  # "X a salué « … », tout en assurant que …": a gerund shares the main clause's subject
            continue
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head == verb or context.is_quoted(verb.head):
            return NO_SUBJECT
        host = _participle_host(verb)
        if host is not None:  # "a reçu une lettre de X l'accusant de « … »": the letter's words
            return phrase_speaker(context, host)
        verb = verb.head
    return NO_SUBJECT


def _is_gerund(context: QuoteContext, verb: Token) -> bool:
    """"en assurant", "tout en ajoutant": a present participle after its gerund marker, which the
    parser often hangs on a noun of the clause before."""
    if verb.i == 0 or "Part" not in verb.morph.get("VerbForm", []) or "Pres" not in verb.morph.get("Tense", []):
        return False
    return fold(verb.doc[verb.i - 1].text) in context.rules.gerund_markers  # however the parser hung "tout en"


#: How far apart (in tokens) two subjects may be to be one phrase the parser split ("la société OpenAI").
SPLIT_SUBJECT_GAP = 2


def inverted_subject(context: QuoteContext, verb: Token) -> Reading:
    """The subject after an incise's verb, which the parser may label an object: the first such
    phrase that names someone, past a day the parser also made an object ("a prévenu mardi/obj
    Bruno/dep Le Maire"); else the first phrase, naming nobody."""
    after = [c for c in verb.children if c.i > verb.i and (c.dep_ in LABELS.patients or c.dep_ == LABELS.unspecified)]
    first = next((c for c in after if c.dep_ in LABELS.patients), None)
    for candidate in after:
        reading = phrase_speaker(context, candidate)
        if reading.key:
            return reading
    return phrase_speaker(context, first) if first is not None else NO_SUBJECT


def _nearest_subject(readings: list[tuple[Token, Reading]], verb: Token) -> list[tuple[Token, Reading]]:
    """Of several subjects the parser gave one verb, the one nearest to it, or an actor right
    next to that one ("la société OpenAI" cut in two): "X, le patron de Y, la lettre le met en
    demeure" is said by the letter, whatever the apposition before it names."""
    nearest = min(readings, key=lambda pair: abs(pair[0].i - verb.i))
    if nearest[1].key:
        return [nearest]
    split = [pair for pair in readings if pair[1].key and abs(pair[0].i - nearest[0].i) <= SPLIT_SUBJECT_GAP]
    return split[:1] or [nearest]


def _inverted_pronoun(context: QuoteContext, verb: Token) -> Token | None:
    """"a-t-elle ajouté": the inverted subject pronoun next to the verb, wherever the parse hung it."""
    doc = verb.doc
    low, high = (verb.sent.start, verb.sent.end) if context.parsed else (0, len(doc))
    for index in range(max(low, verb.i - 3), min(high, verb.i + 3)):
        if fold(doc[index].text) in context.rules.inverted_pronouns:
            return doc[index]
    return None


def pronoun_gender(token: Token) -> str | None:
    """"m" for "il" ("-t-il"), "f" for "elle", from the tagger's gender or the form; None for a
    plural or a pronoun that says no gender."""
    if "Plur" in token.morph.get("Number", []):
        return None
    gender = token.morph.get("Gender", [])
    if gender:
        return "f" if gender[0] == "Fem" else "m" if gender[0] == "Masc" else None
    form = fold(token.text).lstrip("-t").lstrip("-")
    return {"il": "m", "elle": "f"}.get(form)


def phrase_speaker(context: QuoteContext, head: Token) -> Reading:
    """The actor of the phrase headed by ``head``, read as a speaker.

    A name or resolved description is that actor; "le porte-parole de Google" and "le communiqué
    du club" are their owner; a document with no owner is its author's; "une source" is nobody.
    """
    key = context.actors.at(head, OUTERMOST)
    if key is not None and feminine_title_for_a_man(context, head, key):
        return Reading(None)  # "plaide l'avocate" resolved to Arnaud Leclerc: a woman the rules cannot name
    is_pronoun = head.pos_ == "PRON" and "3" in head.morph.get("Person", [])
    if key or is_pronoun:
        return Reading(key, pronoun=is_pronoun, gender=pronoun_gender(head) if is_pronoun else None)
    named_after = name_after_comma(context, head) or name_before_comma(context, head)
    if named_after is not None:
        return Reading(named_after)
    word = fold(head.text)
    lemma = fold(head.lemma_)
    rules = context.rules
    body = word in rules.body_nouns or lemma in rules.body_nouns or _opens_body_noun(context, head)
    if word in rules.voice_nouns or lemma in rules.voice_nouns or lemma in rules.document_nouns or body:
        is_document = lemma in rules.document_nouns
        owner = _owner(context, head) or (_writer(context, head) if is_document else None)
        if owner is None and (word in rules.spokesperson_nouns or lemma in rules.spokesperson_nouns):
            owner = _organisation_in_focus(context, head)
        if owner is None and body:
            owner = _owner_named_before(context, head)
        if owner or not is_document:
            return Reading(owner)
        return Reading(document_author(context, head.idx))
    return Reading(naming_apposition(context, head) or _former_role_holder(context, head))


def _previous_sentence_end(context: QuoteContext, head: Token) -> Token | None:
    """The full stop (outside quotes) that ends the sentence before the one of ``head``, in the
    same paragraph; None at a paragraph's start."""
    for token in reversed(head.doc[: head.i]):
        if "\n" in token.text:
            return None
        if token.text in _FULL_STOPS and not context.is_quoted(token):
            return token
    return None


_FULL_STOPS = frozenset({".", "!", "?"})


def _former_role_holder(context: QuoteContext, head: Token) -> str | None:
    """"X, lui, n'a pas caché son amertume. « … », a réagi l'ancien défenseur": a definite
    description of a former role ("l'ancien défenseur", "l'ancienne élue") that names nobody
    stands for the person subject of the sentence right before, in the same paragraph, when
    the noun's gender does not say otherwise. A present title ("le ministre") may be someone
    new: it is left to the actor recognizer."""
    if not context.parsed or head.pos_ != "NOUN" or "Sing" not in head.morph.get("Number", []):
        return None
    children = [c for c in head.children if c.i < head.i]
    definite = any("Def" in c.morph.get("Definite", []) for c in children)
    if not definite or not any(fold(c.text) in context.rules.former_markers for c in children):
        return None
    phrase_end = head.right_edge.idx + len(head.right_edge.text)
    if any(head.idx < m.start <= phrase_end + 1 for m in context.actors.outermost_between(head.idx, phrase_end + 2)):
        return None  # "a déclaré l'ancien numéro un mondial Paul Roux": the description names someone
    end = _previous_sentence_end(context, head)
    if end is None:
        return None
    previous = end.sent  # (the parser may run it into the quote's sentence: its root is still the one before)
    if context.is_quoted(previous.root):
        return None
    persons = [m for m in context.actors.outermost_between(previous.start_char, end.idx)
               if context.entity_types.get(m.key) == "PERSON" and not _inside_quote(context, m.start)]
    if len({m.key for m in persons}) > 1 or _role_held_before(context, head, previous.start, end.i):
        return None  # two people the description may fit; the role's new holder is not its former one
    key = _main_subject(context, previous, persons) if persons else None
    return None if key is None or feminine_title_for_a_man(context, head, key) else key


def _role_held_before(context: QuoteContext, head: Token, start: int, end: int) -> bool:
    """"X a été nommé directeur général mardi. « … », a réagi l'ancien directeur général": the
    sentence before gives the role's noun to someone as a present role (no former marker before
    it), so the former holder is another person."""
    role = fold(head.lemma_)
    for token in head.doc[start:end]:
        if token.pos_ == "NOUN" and fold(token.lemma_) == role and not context.is_quoted(token):
            if not any(fold(c.text) in context.rules.former_markers for c in token.children):
                return True
    return False


def _opens_body_noun(context: QuoteContext, head: Token) -> bool:
    """Whether a body noun of several words starts at ``head`` ("le conseil d'administration",
    "le service de presse", "le comité de direction"): the head alone ("conseil") is none."""
    doc = head.doc
    return any(fold(doc[head.i : head.i + width].text) in context.rules.body_nouns
               for width in range(2, min(_LONGEST_BODY_NOUN, len(doc) - head.i) + 1))


def _organisation_in_focus(context: QuoteContext, voice: Token) -> str | None:
    """"X estime que … Un porte-parole a expliqué": the organisation that is the main subject of
    the sentence right before, in the same paragraph; nobody when that subject is someone else.
    An incise inside the organisation's own sentence ("X « conteste ces accusations », a indiqué
    un porte-parole") speaks for that sentence's subject."""
    if not context.parsed:
        return None
    opening_subject = _organisation_opening_the_quote(context, voice)
    if opening_subject is not None:
        return opening_subject
    if voice.sent.start == 0:
        return None
    previous = context.doc[voice.sent.start - 1].sent
    if "\n" in context.text[previous.end_char - 1 : voice.sent.start_char + 1].strip(" "):
        return None  # another paragraph
    key = subject_of(context, previous.root).key
    return key if key and context.entity_types.get(key) == "ORG" else None


def _organisation_opening_the_quote(context: QuoteContext, voice: Token) -> str | None:
    """"Lafarge, filiale de Holcim, « conteste ces accusations », a indiqué un porte-parole": the
    sentence opens with an organisation (and its apposition), then the quote says what it does;
    read off the words, not the parse, which often hangs such a name anywhere. Any verb before
    the quote ("Le ministre juge que Lafarge « a menti »") and it is not that shape."""
    sentence = voice.sent
    opening = next((span.opening for span in context.spans
                    if sentence.start_char <= span.opening < voice.idx), None)
    if opening is None:
        return None
    words = [t for t in sentence if t.idx < opening and not t.is_punct and not t.is_space]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    keys = [context.actors.at(t, OUTERMOST) for t in words]
    first = next((key for key in keys if key), None)
    if first is None or context.entity_types.get(first) != "ORG":
        return None
    before_name = words[: keys.index(first)]
    if any(t.pos_ not in ("DET", "NOUN", "ADJ") for t in before_name):
        return None  # "Selon X", "Pour X": not the subject
    return first


def _owner_named_before(context: QuoteContext, head: Token) -> str | None:
    """"la direction" alone: the one owner the article gave that body before ("la direction de
    la Fnac … « … », a reconnu la direction" is the Fnac); ``None`` with none, or two. A
    demonstrative counts only after the noun it repeats ("la direction de X et celle de Y": Y
    too), not after another noun ("les salariés de X et ceux de Y" give "la direction" no owner)."""
    owners: set[str] = set()
    for token in head.doc[: head.i]:
        repeats = token.lower_ == head.lower_ or (bool(owners) and token.lower_ in context.rules.demonstratives)
        if repeats and (key := _owner(context, token)) is not None:
            owners.add(key)
    return next(iter(owners)) if len(owners) == 1 else None


def _owner(context: QuoteContext, head: Token) -> str | None:
    """"le porte-parole de Google": the actor of a "de X" complement of the noun."""
    doc = head.doc
    for child in head.children:
        if child.i > head.i and child.dep_ in LABELS.restating_links:
            key = context.actor_of_phrase(child)
            if key is None and child.is_lower and child.i + 1 < len(doc) and doc[child.i + 1].head.i == child.i:
                # "un communiqué du groupe Miraval" with the name tagged an adjective of "groupe"
                key = context.actors.at(doc[child.i + 1], OUTERMOST)
            if key and context.can_speak(key):
                return key
    return None


def _writer(context: QuoteContext, document: Token) -> str | None:
    """"un courrier écrit par X", "une lettre signée par X": the agent of the participle (also
    when the parser made the participle the verb of the document: "un courrier écrit par X.")."""
    participles = [c for c in document.children if c.dep_.startswith(LABELS.clausal_modifier_prefix)]
    if document.dep_ in SUBJECT_DEPS and "Part" in document.head.morph.get("VerbForm", []):
        participles.append(document.head)
    for child in participles:
        for argument in child.children:
            marker = next((c for c in argument.children if c.dep_ == LABELS.case_marker), None)
            if marker is not None and marker.lower_ in context.rules.agent_prepositions:
                key = context.actor_of_phrase(argument)
                if not (key and context.can_speak(key)):  # "le maire de Lyon Paul Verdier"
                    key = naming_apposition(context, argument)
                if key and context.can_speak(key):
                    return key
    return None


def _participle_host(verb: Token) -> Token | None:
    """The object noun a present participle follows with no comma between ("a reçu une lettre de
    X l'accusant de …"): the participle, whatever the parser hung it on, says what that noun
    does; after a comma ("a quitté la salle, accusant …") it is the subject's act."""
    if "Part" not in verb.morph.get("VerbForm", []) or "Pres" not in verb.morph.get("Tense", []):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "PRON" and doc[i].i in {c.i for c in verb.children}:
        i -= 1  # the participle's clitics ("l'accusant")
    if i < 0 or doc[i].is_punct:
        return None
    return next((c for c in verb.head.children if c.dep_ in LABELS.patients and c.right_edge.i == i), None)


def _impersonal_source(context: QuoteContext, verb: Token) -> Reading | None:
    """Who "on" is for a speech verb: a document's author ("peut-on lire dans le rapport de la
    Cour des comptes", else the last document named before), or the organisation whose premises
    or side the clause names ("assure-t-on chez Renault", "on estime du côté de Velora").
    ``None`` when the clause names neither: "on" stays a pronoun."""
    rules = context.rules
    for child in verb.children:
        marks = {fold(c.text) for c in child.children if c.dep_ == LABELS.case_marker and c.i < child.i}
        if not marks:
            continue
        lemma = fold(child.lemma_)
        if lemma in rules.document_nouns and marks & rules.impersonal_document_marks:
            owner = _owner(context, child) or _writer(context, child)
            if owner:
                return Reading(owner)
        if marks & rules.impersonal_hosts:
            key = context.actors.at(child, OUTERMOST)
            if key is not None and context.can_speak(key):
                return Reading(key)
        if lemma in rules.impersonal_host_nouns:
            owner = _owner(context, child)
            if owner:
                return Reading(owner)
    host = _host_right_after(context, verb)
    if host is not None:
        return Reading(host)
    if fold(verb.lemma_) in rules.document_readers:
        return Reading(document_author(context, verb.idx))
    return None


def _host_right_after(context: QuoteContext, verb: Token) -> str | None:
    """"assure-t-on chez Renault": the host phrase right after an inverted "on", read off the words
    (the parser often hangs "chez Renault" on the quote)."""
    doc = verb.doc
    j = verb.i + 1
    while j < len(doc) and doc[j].pos_ in ("PRON", "ADV") and doc[j].text.startswith("-"):
        j += 1
    if j + 1 >= len(doc) or fold(doc[j].text) not in context.rules.impersonal_hosts:
        return None
    key = context.actors.at(doc[j + 1], OUTERMOST)
    return key if key is not None and context.can_speak(key) else None


def _speaking_through(context: QuoteContext, verb: Token) -> str | None:
    """"La FNSEA a dénoncé par la voix de son président X": the actor named in the channel phrase
    (a person before an organisation), who speaks the words for the subject."""
    rules = context.rules
    # the phrase may also stand in an incise of the subject: "Le syndicat X, par la voix de son
    # délégué, Y, a réclamé …" (the parser hangs it on the subject)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    for child in [*verb.children, *(g for s in subjects for g in s.children if g.i > s.i)]:
        if fold(child.lemma_) not in rules.voice_channels and fold(child.text) not in rules.voice_channels:
            continue
        if not any(c.dep_ == LABELS.case_marker and fold(c.text) in rules.channel_prepositions for c in child.children):
            continue
        end = child.right_edge.idx + len(child.right_edge.text)
        after = child.right_edge.i + 1
        if after + 1 < len(verb.doc) and verb.doc[after].text == "," and after + 1 < verb.i:
            named = context.actors.at(verb.doc[after + 1], OUTERMOST)  # "… de son délégué, Y,"
            mention = next((m for m in context.actors.outermost_between(verb.doc[after + 1].idx, verb.idx)
                            if m.key == named), None) if named else None
            if mention is not None and named is not None and context.entity_types.get(named) == "PERSON":
                end = mention.end
        keys = [m.key for m in context.actors.outermost_between(child.idx, end) if context.can_speak(m.key)]
        persons = [k for k in keys if context.entity_types.get(k) == "PERSON"]
        if persons or keys:
            return (persons or keys)[-1]
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


def document_author(context: QuoteContext, position: int) -> str | None:
    """The author of the last document named before ``position`` ("Dans un communiqué, X …").

    The document's owner ("le communiqué du club") or else the subject of the clause that names
    it ("X a porté plainte", "Dans un communiqué, X déclare"). Only the current paragraph and the
    two before it are read.
    """
    low = max(0, position - DOCUMENT_REACH)
    tokens = context.tokens(low, position)
    if tokens is None:
        return None
    breaks = 0
    for token in reversed(tokens):
        if "\n" in token.text:
            breaks += token.text.count("\n")
            if breaks > 4:
                return None
            continue
        if context.is_quoted(token) or fold(token.lemma_) not in context.rules.document_nouns:
            continue
        owner = _owner(context, token) or _writer(context, token)
        if owner:
            return owner
        clause = token.head
        for _ in range(3):
            if clause.pos_ in ("VERB", "AUX"):
                return subject_of(context, clause).key if clause != token else None
            if clause.head == clause:
                break
            clause = clause.head
        return None
    return None


def recent_subject_person(context: QuoteContext, position: int) -> str | None:
    """The person an unresolved "il"/"elle" of a speech verb most likely is.

    The subject of the main clause of the latest sentence before ``position`` whose subject is a
    person (the salient one), else the last person named. Words inside quotes are not the
    discourse, nor are actors named only there ("je le [Montebourg, NDLR] soutiens").
    """
    low = max(0, position - PRONOUN_REACH)
    quoted_only = _keys_named_only_in_quotes(context, position)
    mentions = [
        m for m in context.actors.outermost_between(low, position)
        if m.end <= position and context.is_person(m.key) and not _inside_quote(context, m.start)
        and m.key not in quoted_only
    ]
    if not mentions:
        return None
    if context.parsed:
        sentences: list[Span] = []
        for mention in mentions:
            sentence = context.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if sentence is not None and len(sentence) and (not sentences or sentences[-1] != sentence.sent):
                sentences.append(sentence.sent)
        for sentence in reversed(sentences):
            key = _main_subject(context, sentence, mentions)
            if key:
                return key
    return mentions[-1].key


def _main_subject(context: QuoteContext, sentence: Span, mentions: list) -> str | None:
    """The person subject of the sentence's main clause: by the parse, else by position (the
    first person of the sentence standing right before a verb, an apposition between)."""
    inside = [m for m in mentions if sentence.start_char <= m.start < sentence.end_char]
    reading = subject_of(context, sentence.root)
    if reading.key and any(m.key == reading.key for m in inside):
        return reading.key
    for mention in inside:
        phrase = context.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if phrase is not None and len(phrase) and _before_its_verb(phrase):
            return mention.key
    return None


def _keys_named_only_in_quotes(context: QuoteContext, position: int) -> set[str]:
    """Actors whose every name before ``position`` is inside a quote ("je le [Montebourg, NDLR]")."""
    outside: set[str] = set()
    inside: set[str] = set()
    for mention in context.actors.outermost_between(0, position):
        if mention.kind == "pronoun":
            continue
        (inside if _inside_quote(context, mention.start) else outside).add(mention.key)
    return inside - outside


def _before_its_verb(phrase: Span) -> bool:
    """"X expliquait", "X, patron de Y, a dit": a verb right after the phrase (or its apposition),
    the phrase not opening a subordinate clause ("ce qu'il comptait")."""
    doc = phrase.doc
    if phrase.start > phrase.sent.start and doc[phrase.start - 1].pos_ in ("SCONJ", "PRON"):
        return False
    following = phrase.end
    if following < len(doc) and doc[following].text == ",":
        comma = next((t.i for t in doc[following + 1 : min(len(doc), following + 10)] if t.text == ","), None)
        following = comma + 1 if comma is not None else following
    return following < len(doc) and doc[following].pos_ in ("VERB", "AUX")


def _inside_quote(context: QuoteContext, offset: int) -> bool:
    token = _token_at(context, offset)
    return token is not None and context.is_quoted(token)


def _token_at(context: QuoteContext, offset: int) -> Token | None:
    span = context.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
