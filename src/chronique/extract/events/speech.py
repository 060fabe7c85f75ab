"""Events told in speech: a critical or approving cue of a quote, and a wish said of someone.

French news tells many accusations, praises and demands only through the words of a speaker:

- the cue of a quote says the act, the quote says whom it is aimed at: « Bercy a sabordé notre
  filière », a fustigé X (X accuses Bercy); « Vous avez trahi les supporters », a tancé X (X
  accuses whom "vous" addresses); « EDF a fait un travail remarquable », a salué Y (Y praises
  EDF). The target is whom the quote is about (``Quote.about``), else the person "vous"
  addresses, else the subject of the quote's first clause (never the speaker, never "je");
- a wish about someone's act is a request to them: "X exige que la SNCF rétablisse les trains",
  "Y souhaite que l'Agence accélère son examen", "Z juge indispensable que Danone baisse ses
  prix", « Nous voulons que vous construisiez ici », dit W. The target is the subject of the
  wished clause ("vous" in a quote: whom it addresses), the source the subject of the wish.

Word lists live in the ``[speech]`` section of ``lexicons/<lang>/events.toml``. Each finding is
returned as (trigger token, entry, arguments); the component builds the events, so modality
("ne souhaite pas que" is negated), dates and evidence follow the common rules.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from chronique.extract.events.arguments import Arguments
from chronique.extract.events.clause_shapes import climbing_subject, preposition
from chronique.extract.events.deeds import author_of_deed
from chronique.extract.events.discourse import Discourse
from chronique.extract.events.lexicon import EventLexicon, TriggerEntry
from chronique.extract.events.offices import office_of_apposed_title
from chronique.extract.events.syntax import ParseReader
from chronique.identity.ontology import score_of
from chronique.model import EXPORTED_MODALITIES, Event
from chronique.nlp.actor_index import actor_index
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import expanded_bounds, token_table
from chronique.text import fold

__all__ = ["SpeechFinding", "SpeechRules"]

LABELS = dependency_scheme("ud")
#: Confidence of an event read from a quote's cue or from a wish (below a plain verb's 0.8).
SPEECH_CONFIDENCE = 0.6
#: How far (characters) the cue of a quote may stand after the quote's end or before its start.
CUE_AFTER, CUE_BEFORE = 120, 160
#: How many words of a quote are searched for the subject of its first clause.
FIRST_CLAUSE_WORDS = 12


@dataclass(frozen=True)
class SpeechFinding:
    """An event read from speech: its trigger, the entry that names it and its actors."""

    token: Token
    entry: TriggerEntry
    found: Arguments


def _entry(event_type: str, rule: str) -> TriggerEntry:
    return TriggerEntry(type=event_type, kind="speech", lemmas=frozenset(), roles=(),
                        confidence=SPEECH_CONFIDENCE, rule=rule)


CUE_ENTRIES = {kind: _entry(kind, f"{kind} quote cue") for kind in ("ACCUSE", "PRAISE", "THREATEN")}
WISH_ENTRY = _entry("REQUEST", "REQUEST wish")
JUDGMENT_ENTRIES = {"ACCUSE": _entry("ACCUSE", "ACCUSE judgment"), "PRAISE": _entry("PRAISE", "PRAISE judgment")}
#: How many words may open a quote before a verbless judgment (« Triste et décevant que ... »).
OPENING_WORDS = 4
#: Who may hold a judgment: a subject, or the expletive of « C'est inacceptable que ... ».
SUBJECT_LABELS = frozenset(LABELS.subjects) | {LABELS.expletive_subject}


class SpeechRules:
    """The speech rules of one language (see the module docstring)."""

    def __init__(self, words: EventLexicon, reader: ParseReader) -> None:
        self.words = words
        self.reader = reader
        self.cue_types: dict[str, str] = {}
        for name, kind in (("critical_cues", "ACCUSE"), ("approving_cues", "PRAISE"), ("threatening_cues", "THREATEN")):
            self.cue_types.update((lemma, kind) for lemma in words.words("speech", name))
        self.addressee_nouns = words.words("speech", "addressee_nouns")
        self.second_person = words.words("speech", "second_person_words")
        self.first_person = words.words("speech", "first_person_words")
        #: « nous »: the speaker's organisation in acts that are not spoken ones (a deal, a lawsuit).
        self.collective_first_person = words.words("speech", "collective_first_person_words")
        #: "maire": titles whose place is the speaker's « nous » (its authority).
        self.place_head_titles = words.words("speech", "place_head_titles")
        #: "ancien", "ex-": a title set off so is one the speaker no longer holds.
        self.former_title_words = words.words("speech", "former_title_words")
        self.spoken_acts = frozenset(t.upper() for t in words.words("speech", "spoken_acts"))
        self.object_slots = sorted(words.words("speech", "object_slots"))
        self.volition = words.words("speech", "volition_verbs")
        self.wishing = words.words("speech", "wish_verbs")
        self.fillers = words.words("speech", "filler_verbs")
        self.judging = words.words("speech", "judging_verbs")
        self.necessity = words.words("speech", "necessity_words")
        self.clause_marks = words.words("speech", "wished_clause_marks")
        self.judgments: dict[str, str] = {}
        for name, kind in (("blame_adjectives", "ACCUSE"), ("praise_adjectives", "PRAISE")):
            self.judgments.update((word, kind) for word in words.words("speech", name))
        #: The judgment kind of each folded form asked (a pure function of the form, asked of
        #: every candidate word).
        self._judgment_kinds: dict[str, str | None] = {}
        self.judgment_prepositions = words.words("speech", "judgment_prepositions")
        self.impersonal = words.words("speech", "impersonal_subjects")
        self.sanctions = tuple(sorted(words.words("speech", "sanction_phrases"), key=len, reverse=True))

    # -- cues of quotes ----------------------------------------------------------------------
    def may_read(self, folded: str, folded_lemma: str) -> bool:
        """Whether :meth:`wish` or :meth:`judgment` may find something at a word (a verb of wishing
        or judging, a word of blame or praise), so that the component's walk, which skips words
        that evoke no trigger, still gives them to this reader."""
        candidates = self.words.word_candidates(folded, folded_lemma)
        if any(c in self.volition or c in self.wishing or c in self.judging for c in candidates):
            return True
        return any(f in self.judgments for f in _base_forms(folded))

    def quote_cues(self, doc: Doc, discourse: Discourse) -> list[SpeechFinding]:
        """One finding per quote whose cue is a verb of blame, praise or threat."""
        findings: list[SpeechFinding] = []
        for quote in doc._.quotes or []:
            speaker = quote.speaker or (discourse.quote_at(quote.start) or _NO_QUOTE).speaker
            if not quote.cue or not speaker:
                continue
            cue = self._cue_token(doc, quote.cue, quote.start, quote.end)
            kind = self._cue_type(cue) if cue is not None else None
            if cue is None or kind is None or set(self.reader.object_actors(cue)) - {speaker}:
                continue  # no such cue, or the cue names its own target ("a fustigé X"; the parser
                # may make the inverted speaker an object: "a accusé/ Alexandre Bompard/obj")
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is None:
                continue
            targets = self._cue_target(cue, span, quote.about, speaker, discourse, subjects=kind != "THREATEN")
            if targets:
                findings.append(SpeechFinding(cue, CUE_ENTRIES[kind], Arguments([speaker], targets)))
        return findings

    def _cue_token(self, doc: Doc, cue: str, start: int, end: int) -> Token | None:
        """The token of the cue's first word nearest to the quote (after it, else before it)."""
        first = fold(cue.split()[0])
        # the tokens of the window's char_span(…, alignment_mode="expand"), read off the token table
        window = expanded_bounds(doc, max(0, start - CUE_BEFORE), min(len(text_of(doc)), end + CUE_AFTER))
        tokens = token_table(doc)
        idx = tokens.starts
        near = [i for i in range(*window) if tokens.folded[i] == first
                and (end <= idx[i] <= end + CUE_AFTER or start - CUE_BEFORE <= idx[i] < start)] if window else []
        near.sort(key=lambda i: (idx[i] < end, abs(idx[i] - end)))
        return doc[near[0]] if near else None

    def _cue_type(self, cue: Token) -> str | None:
        return next((self.cue_types[lemma] for lemma in self.words.lemma_candidates(cue) if lemma in self.cue_types), None)

    def _cue_target(self, cue: Token, quote: Span, about: str | None, speaker: str, discourse: Discourse,
                    subjects: bool) -> list[str]:
        """Whom a critical cue aims at: whom the quote is about, the person addressed ("à
        l'adresse de X", "vous"), else (blame and praise) the subject of the quote's first clause."""
        if about and about != speaker:
            return [about]
        addressed = self._addressed_by_cue(cue, speaker)
        if addressed:
            return addressed
        addressing = [t for t in quote if fold(t.text) in self.second_person and not self._filler(t)]
        if addressing:
            addressee = self._addressed_in_quote(quote, speaker) or discourse.addressee(quote.start_char, speaker)
            return [addressee] if addressee else []
        return self._first_subject(quote, speaker) if subjects else []

    def _addressed_by_cue(self, cue: Token, speaker: str) -> list[str]:
        """"a lancé X à l'adresse de Y", "a-t-il lancé à Y": the person the cue addresses."""
        for phrase in self.reader.obliques(cue, "à"):
            if fold(phrase.lemma_) in self.addressee_nouns:
                found = [k for g in self.reader.genitive for p in self.reader.obliques(phrase, g) for k in self.reader.actors(p)]
            else:
                found = self.reader.actors(phrase)
            found = [k for k in found if k != speaker]
            if found:
                return found
        return []

    def _filler(self, pronoun: Token) -> bool:
        """« Vous savez, ... »: a second person that addresses nobody in particular."""
        return pronoun.dep_ in LABELS.subjects and any(
            lemma in self.fillers for lemma in self.words.lemma_candidates(pronoun.head))

    def _addressed_in_quote(self, quote: Span, speaker: str) -> str | None:
        """« J'ai dit à Tim, vous ... »: the person a speech verb of the quote addresses."""
        speech = self.words.words("syntax", "speech_verbs")
        for token in quote:
            if not any(lemma in speech for lemma in self.words.lemma_candidates(token)):
                continue
            for phrase in [*self.reader.obliques(token, "à"), *(c for c in token.children if c.dep_ == LABELS.indirect_object)]:
                found = [k for k in self.reader.actors(phrase) if k != speaker]
                if found:
                    return found[0]
        return None

    def _first_subject(self, quote: Span, speaker: str) -> list[str]:
        """The actors of the subject of the quote's first clause ("Bercy a sabordé ...")."""
        for token in quote[:FIRST_CLAUSE_WORDS]:
            if token.dep_ not in LABELS.subjects or not (quote.start <= token.head.i < quote.end):
                continue
            if fold(token.text) in self.first_person or fold(token.text) in self.second_person:
                return []
            if _subordinate(token.head):
                return []  # "Si Bercy ..." or "ce que X a dit": not what the quote asserts
            found = [k for k in self.reader.actors(token) if k != speaker]
            return found
        return []

    # -- persons of a quote -------------------------------------------------------------------
    def fill_persons(self, verb: Token, entry: TriggerEntry, found: Arguments, discourse: Discourse) -> bool:
        """In a quote, "vous"/"te" as the verb's object is whom the speaker addresses and "nous"
        as its subject the speaker (« Je vous accuse ... », « Nous vous remercions »), or, in a
        deal or a lawsuit, the speaker's organisation (« Nous portons plainte », a déclaré Y, maire
        de Z): fill the sides the parse left empty. Whether anything was filled."""
        quote = discourse.quote_at(verb.idx)
        if quote is None or not quote.speaker or entry.kind not in ("verb", "speech"):
            return False
        roles = dict(entry.roles)
        filled = False
        object_role = next((roles[slot] for slot in self.object_slots if slot in roles), None)
        if object_role in ("source", "target") and not getattr(found, object_role + "s"):
            pronoun = self._object_clitic(verb)
            if pronoun is not None:
                addressee = self._addressee(verb.doc, quote.start, quote.end, quote.speaker, discourse)
                if addressee:
                    found.add(object_role, [addressee])
                    filled = True
        subject_role = roles.get("subject")
        if subject_role in ("source", "target") and not getattr(found, subject_role + "s"):
            subject = next((c for c in verb.children if c.dep_ in LABELS.subjects and c.i < verb.i), None)
            if subject is None and entry.type not in self.spoken_acts:
                subject = climbing_subject(verb)  # « Nous avons décidé de porter plainte »
            if subject is not None and fold(subject.text) in self.first_person and actor_index(verb.doc).at(subject) is None:
                if entry.type in self.spoken_acts:
                    found.add(subject_role, [quote.speaker])
                    filled = True
                elif fold(subject.text) in self.collective_first_person:
                    own = self._speakers_organisation(verb.doc, quote.start, quote.end, quote.speaker)
                    allowed = entry.source_types if subject_role == "source" else entry.target_types
                    if allowed:  # the entry's own types: « Nous avons signé avec X » joins no club as a firm
                        types = {e.key: e.type for e in verb.doc._.entities or []}
                        own = [k for k in own if types.get(k) in allowed]
                    if own:
                        found.add(subject_role, own)
                        filled = True
        return filled

    def _speakers_organisation(self, doc: Doc, start: int, end: int, speaker: str) -> list[str]:
        """Whom a speaker's « nous » stands for in a deal or a lawsuit (« Nous portons plainte
        contre X », a déclaré Y, maire de Z): the organisation of the title set in apposition to
        the speaker at the quote's cue ("Y, maire de Z" gives Z); the speaker itself when the
        speaker is an organisation (« Nous rachetons X », indique le groupe W). Nothing for a
        person with no such title: « nous » is then some organisation the quote does not name."""
        entities = {e.key: e for e in doc._.entities or []}
        if speaker in entities and entities[speaker].type == "ORG":
            return [speaker]
        told = next((q for q in doc._.quotes or [] if q.start == start), None)
        cue = self._cue_token(doc, told.cue, start, end) if told is not None and told.cue else None
        if cue is None:
            return []
        index = actor_index(doc)
        for person in (c for c in cue.children if c.dep_ in LABELS.subjects):
            mentioned = index.at(person)
            if mentioned is not None and mentioned != speaker:
                continue
            # "a expliqué Y, présidente de Z": the parser may hang the title on the cue itself.
            titles = [c for c in cue.children if c.pos_ == "NOUN" and c.i > person.i
                      and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","]
            apposed = titles + [c for c in person.children if c.pos_ == "NOUN" and c.i > person.i]
            if any(fold(w.text) in self.former_title_words for title in apposed for w in title.children if w.i < title.i) \
                    or any(fold(title.text).split("-")[0] + "-" in self.former_title_words for title in apposed
                           if "-" in title.text):
                return []  # "a déclaré Y, ancien directeur de Z": Z is no longer his « nous »
            own = office_of_apposed_title(self.reader, person)
            for title in titles:
                own = own or self.reader.office_holder_of_title(title)
            # A place is a speaker's « nous » only for the head of its authority ("maire de Z");
            # "député de la Somme" speaks for no constituency that signs or sues.
            heads_place = any(fold(title.lemma_) in self.place_head_titles or fold(title.text) in self.place_head_titles
                              for title in apposed)
            return [k for k in own if k != speaker and (
                k in entities and entities[k].type == "ORG" or heads_place)]
        return []

    def _object_clitic(self, verb: Token) -> Token | None:
        """A second-person pronoun object before the verb ("vous accuse"; the parser sometimes
        labels it a second subject: "Ils nous/nsubj menacent")."""
        subjects = [c for c in verb.children if c.dep_ in LABELS.subjects]
        for child in verb.children:
            if child.i > verb.i or child.pos_ != "PRON" or fold(child.text) not in self.second_person:
                continue
            if child.dep_ in (LABELS.object, LABELS.indirect_object):
                return child
            if child.dep_ in LABELS.subjects and len(subjects) > 1 and child != subjects[0]:
                return child
        return None

    def _addressee(self, doc: Doc, start: int, end: int, speaker: str, discourse: Discourse) -> str | None:
        """Whom a quote addresses: whom it is about, the person a speech verb in it addresses,
        else the last other person named before it."""
        told = next((q for q in doc._.quotes or [] if q.start == start), None)
        if told is not None and told.about and told.about != speaker:
            return told.about
        cue = self._cue_token(doc, told.cue, start, end) if told is not None and told.cue else None
        addressed = self._addressed_by_cue(cue, speaker) if cue is not None else []
        if addressed:
            return addressed[0]  # "a écrit X à Y"
        span = doc.char_span(start, end, alignment_mode="expand")
        return (self._addressed_in_quote(span, speaker) if span is not None else None) or discourse.addressee(start, speaker)

    # -- wishes ------------------------------------------------------------------------------
    def wish(self, verb: Token, discourse: Discourse) -> SpeechFinding | None:
        """"X exige que Y ...", "X juge indispensable que Y ...": X requests Y's act."""
        if verb.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        lemmas = set(self.words.lemma_candidates(verb))
        addressed_only = bool(lemmas & self.wishing)
        if lemmas & self.volition or addressed_only:
            clause_heads = [verb]
        elif lemmas & self.judging:
            # "juge nécessaire que", "estime indispensable que": the clause hangs on the adjective.
            clause_heads = [c for c in verb.children if fold(c.lemma_) in self.necessity or fold(c.text) in self.necessity]
        else:
            return None
        subject = next((s for head in clause_heads for s in self._wished_subjects(head)), None)
        if subject is None:
            return None
        addressee = self._person(subject, discourse)
        targets = addressee or ([] if addressed_only else self.reader.actors(subject))
        sources, _ = self.reader.subject(verb)
        if not sources:
            quote = discourse.quote_at(verb.idx)
            own = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
            if quote is not None and quote.speaker and own is not None and fold(own.text) in self.first_person:
                sources = [quote.speaker]
        targets = [t for t in targets if t not in sources]
        if not sources or not targets:
            return None
        return SpeechFinding(verb, WISH_ENTRY, Arguments(list(sources), targets))

    # -- sanctions ---------------------------------------------------------------------------
    def threats_of_sanction(self, doc: Doc, events: list[Event]) -> list[Event]:
        """"X met en demeure Y de ..., sous peine de porter l'affaire en justice": a demand told
        with a sanction is also a threat, by the same asker to the same asked."""
        text = text_of(doc)
        threats: list[Event] = []
        for event in events:
            if event.type != "REQUEST" or event.modality not in EXPORTED_MODALITIES:
                continue
            after = fold(text[event.trigger_end : event.sentence_end or event.end])
            found = next(((after.find(p), p) for p in self.sanctions if p in after), None)
            if found is None:
                continue
            start = event.trigger_end + found[0]
            threats.append(replace(
                event, type="THREATEN", score=score_of("THREATEN"), rule="THREATEN sanction clause",
                trigger=text[start : start + len(found[1])], trigger_start=start, trigger_end=start + len(found[1]),
                end=max(event.end, start + len(found[1])),
            ))
        return threats

    # -- judgments ---------------------------------------------------------------------------
    def judgment(self, word: Token, discourse: Discourse) -> SpeechFinding | None:
        """"X s'est dit déçu par Y", « C'est inacceptable que Y ait ... », dit X, « Nous sommes
        satisfaits des engagements pris par Y », dit X: X accuses (or praises) Y."""
        if word.pos_ not in ("ADJ", "VERB"):
            return None
        folded = token_table(word.doc).folded[word.i]
        kind = self._judgment_kinds.get(folded, _UNKNOWN)
        if kind is _UNKNOWN:
            if len(self._judgment_kinds) >= _KINDS_SIZE:
                self._judgment_kinds.clear()
            kind = self._judgment_kinds[folded] = next(
                (self.judgments[f] for f in _base_forms(folded) if f in self.judgments), None)
        if kind is None:
            return None
        targets = [k for s in self._wished_subjects(word) for k in self.reader.actors(s)]
        if not targets:
            targets = [k for phrase in self._judged_phrases(word)
                       for k in (self.reader.actors(phrase) or author_of_deed(self.reader, phrase))]
        judges = self._judges(word, discourse, impersonal_allowed=bool(targets))
        targets = [t for t in dict.fromkeys(targets) if t not in judges]
        if not judges or not targets:
            return None
        return SpeechFinding(word, JUDGMENT_ENTRIES[kind], Arguments(judges, targets))

    def _judged_phrases(self, word: Token) -> list[Token]:
        """Nominal complements of the judgment ("déçu par X", "satisfait des engagements de X");
        the parser may hang the phrase that follows the word elsewhere ("optimistes quant aux
        mesures": the phrase starting right after it)."""
        forms = self.reader.preposition_forms
        phrases = [c for c in word.children if c.pos_ in ("NOUN", "PROPN") and c.i > word.i
                   and preposition(c, forms) in self.judgment_prepositions]
        if word.i + 1 >= len(word.doc):
            return phrases
        opening = word.doc[word.i + 1]
        follows = opening
        for _ in range(3):  # "quant/aux/ mesures": from the words that open the phrase to its noun
            if follows.pos_ in ("ADP", "DET", "ADV") and follows.head.i > follows.i:
                follows = follows.head
        word_form = fold(opening.text)
        if follows.pos_ in ("NOUN", "PROPN") and follows not in phrases and follows.left_edge.i <= opening.i \
                and forms.get(word_form, word_form) in self.judgment_prepositions:
            phrases.append(follows)
        return phrases

    def _judges(self, word: Token, discourse: Discourse, impersonal_allowed: bool) -> list[str]:
        """Who judges: the word's subject ("X s'est dit déçu": the subject of the verb it
        completes); in a quote, "je"/"nous", an impersonal "c'est ... que" or no subject at the
        quote's opening is the speaker."""
        quote = discourse.quote_at(word.idx)
        speaker = quote.speaker if quote is not None else None
        holder = word
        subject = next((c for c in holder.children if c.dep_ in SUBJECT_LABELS), None)
        if subject is None and word.dep_ == LABELS.open_complement and word.head != word:
            holder = word.head  # "s'est dit déçu", "se montre satisfait"
            subject = next((c for c in holder.children if c.dep_ in SUBJECT_LABELS), None)
        if subject is None:
            opening = quote is not None and len(word.doc.char_span(quote.start, word.idx, alignment_mode="expand") or []) <= OPENING_WORDS
            return [speaker] if speaker and opening and impersonal_allowed else []
        found = self.reader.actors(subject)
        if found:
            return found
        text = fold(subject.text)
        if speaker and (text in self.first_person or (text in self.impersonal and impersonal_allowed)):
            return [speaker]
        return []

    def _wished_subjects(self, head: Token) -> list[Token]:
        """Active subjects of the "que" clauses under ``head`` ("exige que la SNCF rétablisse",
        "s'attend à ce que X", "tient à ce que X"); a passive subject is no doer."""
        clauses = [c for c in head.children if c.dep_ in LABELS.complement_clauses
                   or (c.pos_ in ("NOUN", "PROPN") and c.i > head.i)]  # "inacceptable que Lactalis/dep ..."
        # "à ce que X ...": the clause hangs on the pronoun "ce".
        clauses += [g for c in head.children if c.pos_ == "PRON" and c.i > head.i
                    for g in c.children if g.dep_ in LABELS.clause_links]
        found: list[Token] = []
        for clause in clauses:
            if fold(clause.left_edge.text) not in self.clause_marks:
                continue  # the parser hangs "que" on the clause or on its subject: it opens the clause
            if clause.pos_ in ("NOUN", "PROPN"):
                # "souhaite que l'Agence/ccomp ... accélère": the parser made the subject the head.
                found.append(clause)
            found.extend(c for c in clause.children if c.dep_ == LABELS.subject)
        return found

    def _person(self, pronoun: Token, discourse: Discourse) -> list[str]:
        """In a quote, "vous"/"tu" is whom the speaker addresses."""
        quote = discourse.quote_at(pronoun.idx)
        if quote is None or quote.speaker is None or fold(pronoun.text) not in self.second_person or self._filler(pronoun):
            return []
        if actor_index(pronoun.doc).at(pronoun) is not None:
            return []
        addressee = discourse.addressee(quote.start, quote.speaker)
        return [addressee] if addressee else []


#: A judgment kind not yet worked out, and how many forms are remembered before starting afresh.
_UNKNOWN = "?"
_KINDS_SIZE = 100_000


def _base_forms(word: str) -> set[str]:
    """A word and its forms without a plural or feminine ending ("déçues" -> "déçu")."""
    forms = {word}
    for ending in ("es", "s", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            forms.add(word[: -len(ending)])
    return forms


def _subordinate(verb: Token) -> bool:
    """Whether a verb heads a subordinate or relative clause ("si X ...", "ce que X a fait")."""
    return verb.dep_ == LABELS.relative_clause or any(c.dep_ == LABELS.marker for c in verb.children)


@dataclass(frozen=True)
class _NoQuote:
    speaker: str | None = None


_NO_QUOTE = _NoQuote()

