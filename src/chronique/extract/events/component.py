"""Event extraction: who did what to whom, when, from trigger words and the dependency parse.

Each token that the language's event lexicon lists as a trigger ("fonder", "racheter", "offre
de rachat", "intentée ... contre") is tried against its entries in order; the first entry whose
constraints hold and whose slots give both a source and a target actor makes an event. Modality
("aurait sollicité" is reported, "proposer de racheter" proposed, "si" hypothetical, "ne ... pas"
negated; an event told inside a quote is reported), date (the governing timex) and amount are
then added. Inside quotes, a speaker
who says "tu as volé ..." or calls someone "escroc" accuses them. Last, each event's
conflict–cooperation score is set from its type and turned by its context ("offre hostile", an
insult, a refund within a dispute: ``chronique.extract.events.scoring``), which needs the whole document.
Output: ``doc._.events``.

Skipped on purpose: events whose actor is only known from discourse reasoning beyond a few
sentences ("Une demande de remboursement pour une Tesla" with the requester named later).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from chronique.extract.events.arguments import ArgumentFinder, Arguments
from chronique.extract.events.clause_shapes import participle_adjunct
from chronique.extract.events.dating import EventDater, amount_of, carry_dates, carry_lead_dates
from chronique.extract.events.deal_anaphora import deal_buyers, names_deal_again
from chronique.extract.events.discourse import Discourse, QuoteSpan
from chronique.extract.events.implicit import calls_upon, dismisses_claims, speaking_for
from chronique.extract.events.lexicon import TRIGGER_POS, EventLexicon, TriggerEntry, load_event_lexicon
from chronique.extract.events.modality import ModalityReader, clause_path
from chronique.extract.events.retellings import carry_retelling_dates
from chronique.extract.events.scoring import rescore, scope_of
from chronique.extract.events.speech import SpeechRules
from chronique.extract.events.syntax import ParseReader
from chronique.identity.events import dates_compatible, interval_of
from chronique.identity.ontology import is_repeated, score_of
from chronique.kb import KnowledgeBase, load_knowledge_base
from chronique.model import EXPORTED_MODALITIES, Event, Timex
from chronique.nlp.extensions import register_extensions, text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import features_of, parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["EventExtractor", "make_event_extractor"]

register_extensions()

#: Confidence kept when an actor came from discourse (an addressee, the author of an offer).
DISCOURSE_PENALTY = 0.75
#: A noun trigger in these relations to a verb takes that verb's date and modality.
LABELS = dependency_scheme("ud")
NOUN_ARGUMENT_DEPS = LABELS.noun_argument_links
#: Complements of an event noun whose dates are the noun's ("nmod" chains, not clauses).
NOUN_COMPLEMENT_DEPS = frozenset({LABELS.nominal_modifier})
#: Types whose two sides are one set (as the store reads them: ``store.tellings``).
SYMMETRIC_TYPES = frozenset({"PARTNER", "COMPETE"})
#: Base confidence of the quote rules (an insult, a wrongdoing told to "tu").
QUOTE_CONFIDENCE = 0.55
#: Distinct words remembered by the walk before it starts afresh (bounds memory on a long run).
_WALK_MEMO_SIZE = 200_000


@Language.factory(
    "chronique_events",
    default_config={"lang": "fr"},
    assigns=["doc._.events"],
    requires=[
        "doc._.actor_index", "doc._.actor_mentions", "doc._.entities", "doc._.timexes", "doc._.money",
        "doc._.quotes", "doc.sents", "token.dep", "token.pos", "token.lemma", "token.morph",
    ],
)
def make_event_extractor(nlp: Language, name: str, lang: str) -> EventExtractor:
    return EventExtractor(load_event_lexicon(lang), load_knowledge_base(), lang)


class EventExtractor:
    """Finds dyadic events; see the module docstring."""

    def __init__(self, words: EventLexicon, kb: KnowledgeBase, lang: str = "fr") -> None:
        self.words = words
        self.lang = lang
        self.reader = ParseReader(words, kb)
        self.finder = ArgumentFinder(words, self.reader, kb)
        self.modality = ModalityReader(words)
        self.speech = SpeechRules(words, self.reader)
        #: (folded form, folded lemma) -> (may evoke a trigger entry, may be read by the speech
        #: rules): pure functions of the two strings, asked of every word of every document.
        self._walk_memo: dict[tuple[str, str], tuple[bool, bool]] = {}
        #: :meth:`_may_answer` of each of the lexicon's entry lists, by identity.
        self._answering: dict[int, bool] = {}
        self.second_person = words.words("syntax", "second_person")
        self.first_person = words.words("syntax", "first_person")
        self.wrongdoing = words.words("quotes", "wrongdoing_verbs")
        self.insults = words.words("quotes", "insults")
        self.praise = words.words("quotes", "praise_words")
        self.answer_types = words.words("replies", "answers_types")
        self.answer_types = frozenset(t.upper() for t in self.answer_types)
        #: "faire appel à X" calls upon X: an appeal with such a complement has no adversary to find.
        self.calling_preps = words.words("syntax", "calling_prepositions")
        #: "balayer ces accusations": claims whose only author in the document is the target.
        self.claim_nouns = words.words("replies", "claim_nouns")
        self.claim_types = frozenset(t.upper() for t in words.words("replies", "claim_types"))
        #: Appeals whose adversary came from the discourse: a complaint noun never retells one.
        self.appeal_rules = frozenset(e.rule for group in words.verbs.values() for e in group if e.counterpart == "opponent")
        #: The rules of sentences by a judge: their sources judge the sentences told without one.
        self.judge_rules = frozenset(e.rule for group in words.verbs.values() for e in group if e.counterpart == "judge")

    def __call__(self, doc: Doc) -> Doc:
        context = _DocumentContext(doc, self.words, self.reader)
        events: list[Event] = []
        answers: list[Token] = []
        tokens = token_table(doc)
        quoted = _quoted(tokens.starts, context.discourse.quotes)
        walk_memo = self._walk_memo
        for i, (tag, form, lemma) in enumerate(zip(tokens.pos, tokens.folded, tokens.folded_lemmas)):
            may_trigger, may_read = walk_memo.get((form, lemma)) or self._may(form, lemma)
            if (tag not in TRIGGER_POS or not may_trigger) and not may_read and not quoted[i]:
                continue  # no trigger entry, no wish or judgment, no quote: nothing below would find anything
            token = doc[i]
            # The quote rules find nothing outside a quote, the speech rules nothing at a word
            # they cannot read (``SpeechRules.may_read``): as ``a or b or c``, without the calls.
            event = self._from_lexicon(token, context, events)
            if not event:
                event = self._from_quote(token, context) if quoted[i] else None
            if not event:
                event = self._from_speech(token, context) if may_read else None
            if event is not None:
                events.extend(event)
            elif self._may_answer(self.words.entries_for(token)):
                answers.append(token)
        for token in answers:
            # "X a rejeté l'offre de rachat de Y formulée par Z": the offer told after the reply
            # is known now.
            events.extend(self._from_lexicon(token, context, events) or [])
        for finding in self.speech.quote_cues(doc, context.discourse):
            # « Bercy a sabordé notre filière », a fustigé X: the cue accuses whom the quote aims at.
            events.extend(self._events(finding.token, finding.entry, finding.found, 1.0, context))
        for token, entry, found, certainty in context.orphans:
            events.extend(self._retelling(token, entry, found, certainty, context, events))
        events.extend(self.speech.threats_of_sanction(doc, events))
        kept = carry_dates(doc, _deduplicate(events))
        kept = carry_lead_dates(doc, kept, context.lead_dates, context.dater.lead_end)
        kept = carry_retelling_dates(doc, kept)
        doc._.events = rescore(kept, [scope_of(doc, event, self.words) for event in kept], self.lang)
        return doc

    def _may_answer(self, entries: list[TriggerEntry]) -> bool:
        """Whether an entry answers or accuses (tried again once every event is known). Worked
        out once per list: the lists are the lexicon's own (an empty one has none)."""
        if not entries:
            return False
        found = self._answering.get(id(entries))
        if found is None:
            found = self._answering[id(entries)] = any(e.answers or e.counterpart == "accused" for e in entries)
        return found

    def _may(self, folded: str, folded_lemma: str) -> tuple[bool, bool]:
        """Whether a word may evoke a trigger entry, and whether the speech rules may read it."""
        if len(self._walk_memo) >= _WALK_MEMO_SIZE:
            self._walk_memo.clear()
        found = self._walk_memo[(folded, folded_lemma)] = (
            self.words.may_trigger(folded, folded_lemma), self.speech.may_read(folded, folded_lemma))
        return found

    # -- lexicon triggers --------------------------------------------------------------------
    def _from_lexicon(self, token: Token, context: _DocumentContext, events: list[Event]) -> list[Event] | None:
        made: list[Event] = []
        for entry in self.words.entries_for(token):
            if not self.finder.fits(token, entry) or not self._cue_present(token, entry):
                continue
            if entry.kind == "noun" and self.finder.told_by_its_verb(token, entry, events):
                continue  # "prendre une participation dans X": the verb's INVEST, not also a purchase
            found = self.finder.find(token, entry, context.types, first=self._first_side(token, entry, context))
            certainty = found.certainty * self._complete(token, entry, found, context, events)
            if found.sources and found.targets:
                made.extend(self._events(token, entry, found, certainty, context))
                if not entry.and_then:
                    return made
            elif not found.sources and entry.kind == "noun" and not is_repeated(entry.type) and not made:
                context.orphans.append((token, entry, found, certainty))
            if not made and not (found.sources and found.targets):
                self._note_lead_date(token, entry, context)
        return made or None

    def _first_side(self, token: Token, entry: TriggerEntry, context: _DocumentContext) -> str | None:
        """The side of a verb's event that nothing but its slots can give (:meth:`_complete`
        fills sides only in a quote, from a judgment, a counterpart or an answered offer), so
        that the other side need not be read when this one is empty: the target when no side
        can be filled (the cheaper to read, and the more often empty), else the source."""
        if entry.kind != "verb" or entry.counterpart in ("judge", "source") or context.discourse.quote_at(token.idx) is not None:
            return None
        return "target" if entry.counterpart is None and not entry.answers else "source"

    def _note_lead_date(self, token: Token, entry: TriggerEntry, context: _DocumentContext) -> None:
        """The date of a happening the lead tells without readable actors, for its later telling
        (:func:`chronique.extract.events.dating.carry_lead_dates`)."""
        if token.idx >= context.dater.lead_end or is_repeated(entry.type) or entry.kind == "quote":
            return
        # The scope, modality and date read the entry only through its kind and whether it is
        # relational: worked out once per token for the entries that share both.
        key = (token.i, entry.kind, self.finder.relational(entry))
        if key not in context.lead_timexes:
            path, _ = self._scope(token, entry)
            exported = self.modality.modality(path, []) in EXPORTED_MODALITIES
            context.lead_timexes[key] = context.dater.date(self._dating_path(token, entry, path), token.idx) if exported else None
        timex = context.lead_timexes[key]
        if timex is not None:
            context.lead_dates.setdefault(entry.type, set()).add((timex.value, timex.range_start, timex.range_end))

    def _retelling(self, token: Token, entry: TriggerEntry, found: Arguments, certainty: float,
                   context: _DocumentContext, events: list[Event]) -> list[Event]:
        """"l'annonce de l'acquisition de Figma en septembre 2022" names no buyer: when the
        document tells a purchase of (or bid for) Figma elsewhere, this is that happening again,
        with its buyer and its type."""
        kinds = {entry.type, entry.when_proposed} - {None}
        candidates = [e for e in events if e.type in kinds and e.modality in EXPORTED_MODALITIES
                      and e.rule not in self.appeal_rules]
        if not candidates:
            # "X a renoncé à son projet d'acquisition de Y ... l'annonce de l'acquisition en
            # septembre 2022": a deal given up was offered; its telling is the offer's.
            # Only a later sentence retells it: "X a stoppé son projet de rachat de Y" stays a CANCEL.
            candidates = [e for e in events if e.type == "CANCEL" and e.modality in EXPORTED_MODALITIES
                          and (e.sentence_end or 0) <= token.idx and self._cancels_deal(token.doc, e, kinds)]
        if found.targets:
            told = next((e for e in candidates if set(e.targets) == set(found.targets)), None)
        else:
            # "l'acquisition" with no complement: the one purchase the document tells.
            definite = any(c.pos_ == "DET" and ("Def" in c.morph.get("Definite", []) or "Dem" in c.morph.get("PronType", []))
                           for c in token.children)
            happenings = {(e.type, e.sources, e.targets) for e in candidates}
            told = candidates[0] if definite and len(happenings) == 1 else None
        if told is None or self.modality.modality(*self._scope(token, entry)) not in EXPORTED_MODALITIES:
            return []
        again = Arguments(list(told.sources), list(found.targets or told.targets), found.certainty)
        told_type = (entry.when_proposed or entry.type) if told.type == "CANCEL" else told.type
        same_kind = replace(entry, type=told_type, when_proposed=None)
        return self._events(token, same_kind, again, certainty * DISCOURSE_PENALTY, context)

    def _cancels_deal(self, doc: Doc, cancel: Event, kinds: set[str | None]) -> bool:
        """Whether a CANCEL gives up a deal its own clause names with a noun of ``kinds``
        ("renoncer à son projet d'acquisition de Y"), not an order or a partnership."""
        span = doc.char_span(cancel.start, cancel.end, alignment_mode="expand")
        return span is not None and any(
            t.pos_ == "NOUN" and any(e.kind == "noun" and e.type in kinds for e in self.words.entries_for(t)) for t in span)

    def _cue_present(self, token: Token, entry: TriggerEntry) -> bool:
        """A reply must hold a refusal ("Non merci") in the words that follow it."""
        if not entry.needs_cue:
            return True
        cues = self.words.words("replies", entry.needs_cue)
        following = fold(text_of(token.doc)[token.idx : token.idx + 160])
        return any(cue in following for cue in cues)

    def _complete(self, token: Token, entry: TriggerEntry, found: Arguments, context, events) -> float:
        """Fill a missing side from discourse: "tu", the author of an offer, an order's seller."""
        penalty = 1.0
        subject_role = dict(entry.roles).get("subject")
        if subject_role and not getattr(found, subject_role + "s", None):
            addressee = self._addressee_of_subject(token, context)
            if addressee:
                getattr(found, subject_role + "s").append(addressee)
                penalty *= DISCOURSE_PENALTY
        if entry.answers and found.sources and not found.targets:
            if dismisses_claims(self.reader, token, self.claim_nouns):
                # "balayer ces accusations": claims aimed at the replier, not the last offer told.
                replier = found.sources + speaking_for(self.reader, token)  # "X, président de Y, a rejeté …"
                found.targets = context.discourse.accuser(events, token.idx, replier, self.claim_types)
            else:
                found.targets = context.discourse.answered(events, token.idx, found.sources, self.answer_types)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "target" and found.sources and not found.targets:
            found.targets = context.discourse.counterpart(events, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "judge" and found.targets and not found.sources:
            judgment = context.discourse.judgment(events, token.idx, found.targets, self.judge_rules)
            if judgment is not None:
                found.sources = [s for s in judgment.sources if s not in found.targets and context.types.get(s) == "ORG"]
                found.continues = judgment
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "accused" and found.sources and not found.targets:
            # "Après une plainte déposée par X, l'Autorité a sanctionné Y": the complaint is
            # against whom its sentence tells another party accusing or suing.
            start, _ = _sentence_bounds(token)
            found.targets = context.discourse.accused(events, start, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "funded" and found.sources and not found.targets:
            # "L'opération, à laquelle ont participé X et Y": the round told just before.
            found.targets = context.discourse.funded(events, token.idx, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "opponent" and found.sources and not found.targets \
                and not calls_upon(self.reader, token, self.calling_preps):
            found.targets = context.discourse.opponent(events, token.idx, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "deal_buyer" and found.sources and not found.targets \
                and names_deal_again(self.reader, self.words, token):
            # "La Commission a ouvert une enquête sur l'opération": the deal told last, its buyer.
            found.targets = deal_buyers(events, token.idx, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "source" and found.targets and not found.sources:
            found.sources = context.discourse.counterpart(events, found.targets)
            penalty *= DISCOURSE_PENALTY
        if self.speech.fill_persons(token, entry, found, context.discourse):
            penalty *= DISCOURSE_PENALTY  # « Je vous accuse »: "vous" is whom the speaker addresses
        return penalty

    def _addressee_of_subject(self, token: Token, context: _DocumentContext) -> str | None:
        """In a quote, a subject "tu"/"vous" is the person the speaker addresses; "je" is the speaker."""
        quote = context.discourse.quote_at(token.idx)
        if quote is None or quote.speaker is None:
            return None
        for node in clause_path(token):
            subject = next((c for c in node.children if c.dep_ in LABELS.subjects), None)
            if subject is not None:
                if context.discourse.is_second_person(subject, self.second_person):
                    return context.discourse.addressee(quote.start, quote.speaker)
                if context.discourse.is_second_person(subject, self.first_person):
                    return quote.speaker  # "J'ai confiance en Bob": the speaker
                return None
        return None

    # -- speech rules (chronique.extract.events.speech) ----------------------------------------
    def _from_speech(self, token: Token, context: _DocumentContext) -> list[Event] | None:
        """"X exige que Y ...": a request to Y; "X s'est dit déçu par Y": X accuses Y."""
        finding = self.speech.wish(token, context.discourse) or self.speech.judgment(token, context.discourse)
        if finding is None:
            return None
        return self._events(finding.token, finding.entry, finding.found, 1.0, context)

    # -- quote rules -------------------------------------------------------------------------
    def _from_quote(self, token: Token, context: _DocumentContext) -> list[Event] | None:
        """"Tu as volé ..." or "escroc" in a quote: the speaker accuses whom they speak of."""
        quote = context.discourse.quote_at(token.idx)
        if quote is None:
            return None
        lemmas = set(self.words.lemma_candidates(token))
        if lemmas & self.wrongdoing and token.pos_ in ("VERB", "AUX", "ADJ"):
            speaker = quote.speaker
            targets = self._wrongdoers(token, quote, context) if speaker else []
        elif lemmas & self.insults:
            speaker = quote.speaker or next(iter(context.discourse.reply_author(token)), None)
            addressee = context.discourse.addressee(token.idx, speaker) if speaker else None
            targets = [addressee] if addressee else []
        elif (lemmas | {fold(token.text)}) & self.praise and token.pos_ in ("ADJ", "NOUN"):
            speaker = quote.speaker
            predicate, targets = self._praised(token) if speaker else (token, [])
            targets = [t for t in targets if t != speaker]
            if not speaker or not targets:
                return None
            # The predicate carries the clause's negation ("n'est pas un joueur exemplaire").
            found = Arguments([speaker], targets, QUOTE_CONFIDENCE)
            return self._events(predicate, _PRAISE_QUOTE_ENTRY, found, 1.0, context)
        else:
            return None
        targets = [t for t in targets if t != speaker]
        if not speaker or not targets:
            return None
        found = Arguments([speaker], targets, QUOTE_CONFIDENCE)
        return self._events(token, _QUOTE_ENTRY, found, 1.0, context)

    def _praised(self, word: Token) -> tuple[Token, list[str]]:
        """The predicate a word of praise is or qualifies, and whom it is said of: its subject
        ("X est exemplaire", "X est une institution exemplaire"), never a noun it only modifies."""
        predicate = word
        if not any(c.dep_ == LABELS.copula for c in predicate.children):
            predicate = word.head
            if word.dep_ != LABELS.adjectival_modifier or not any(c.dep_ == LABELS.copula for c in predicate.children):
                return word, []
        found, direct = self.reader.subject(predicate)
        return predicate, (found if direct else [])

    def _wrongdoers(self, verb: Token, quote, context: _DocumentContext) -> list[str]:
        subject = next((c for c in verb.children if c.dep_ == LABELS.subject), None)
        if subject is not None and context.discourse.is_second_person(subject, self.second_person):
            addressee = context.discourse.addressee(quote.start, quote.speaker)
            return [addressee] if addressee else []
        found, direct = self.reader.subject(verb)
        return found if direct else []

    # -- building ----------------------------------------------------------------------------
    def _events(self, token: Token, entry: TriggerEntry, found: Arguments, certainty: float,
                context: _DocumentContext) -> list[Event]:
        path, frames = self._scope(token, entry)
        modality = self.modality.modality(path, frames)
        if modality == "asserted" and entry.kind != "quote" and context.discourse.quote_at(token.idx) is not None:
            # « Nous avons racheté X », dit Y: the event is Y's telling, not the article's.
            modality = "reported"
        offered = modality in ("proposed", "failed")
        event_type = entry.when_proposed if offered and entry.when_proposed else entry.type
        event_type = _type_in_context(token, entry, event_type)
        timex = context.dater.date(self._dating_path(token, entry, path), token.idx)
        dated = found.continues if timex is None and found.continues is not None else None
        money = amount_of(token.doc, path, token.doc._.money or [])
        sentence_start, sentence_end = _sentence_bounds(token)
        top = path[-1]
        start = max(sentence_start, top.left_edge.idx)
        end = min(sentence_end, top.right_edge.idx + len(top.right_edge.text))
        events = []
        pairs = found.pairs or [(s, t) for s in found.sources for t in found.targets]
        for source, target in pairs:
            if source == target:
                continue
            own = found.own_spans.get(target)  # "… et Symantec pour 10,7 milliards": its own amount
            paid = next((m for m in token.doc._.money or [] if own[0] <= m.start < own[1]), None) if own else money
            events.append(Event(
                type=event_type, sources=(source,), targets=(target,), start=start, end=end,
                trigger=token.text, trigger_start=token.idx, trigger_end=token.idx + len(token.text),
                date=timex.value if timex else (dated.date if dated else None),
                date_start=timex.range_start if timex else (dated.date_start if dated else None),
                date_end=timex.range_end if timex else (dated.date_end if dated else None),
                amount=paid.amount if paid else None, currency=paid.currency if paid else None,
                modality=modality, confidence=round(entry.confidence * certainty, 3),
                score=score_of(event_type),
                sentence_start=sentence_start, sentence_end=sentence_end, rule=entry.rule,
            ))
        return events

    def _dating_path(self, token: Token, entry: TriggerEntry, path: list[Token]) -> list[Token]:
        """A noun's own complements, then its frame's ("l'annonce de l'acquisition en septembre
        2022"), date it before its verb does: "le rachat de Fox par Disney pour 71 milliards de
        dollars en 2019" (the parser hangs "en 2019" on "dollars")."""
        if entry.kind != "noun":
            return path
        complements: list[Token] = []
        frames = self.finder.frame_chain(token)
        level = [*frames, *_trailing_siblings(frames[-1])]
        complements.extend(level[1:])
        # "sa plainte déposée en novembre 2018", "des procédures engagées depuis 2021".
        complements.extend(c for c in token.children if c.dep_ == LABELS.clausal_modifier
                           and "Part" in features_of(c).get("VerbForm", ()) and "Past" in features_of(c).get("Tense", ()))
        for _ in range(3):
            level = [c for t in level for c in t.children if c.dep_ in NOUN_COMPLEMENT_DEPS]
            complements.extend(level)
        return [token, *complements, *frames[1:], *path[1:]]

    def _scope(self, token: Token, entry: TriggerEntry) -> tuple[list[Token], list[Token]]:
        """The clause chain that scopes over the trigger, and the frame nouns above a noun."""
        if entry.kind != "noun":
            # "Courtisée par Google, Rubis a refusé": a participle adjunct is its own clause;
            # the verb it hangs on does not scope over it.
            if participle_adjunct(token):
                return [token], []
            noun = self.reader.infinitive_of_noun(token)
            if noun is not None:
                # "son intention d'acquérir X": the noun frames the act (proposed), and the
                # verb governing the noun scopes over it.
                verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else None
                return [token] + (clause_path(verb) if verb is not None else []), [noun]
            return clause_path(token), []
        if self.finder.relational(entry) and not self.finder.predicated(token):
            # "a décidé d'empêcher le rival de Micron, YMTC, d'acheter": a relational noun in
            # apposition or as an argument states the relation itself; the clause's modality is
            # about the clause ("X est le rival de Y" keeps it: "n'est pas", "pourrait devenir").
            return [token], []
        frames = self.finder.frame_chain(token)
        verb = self.finder.governing_verb(token)
        top = frames[-1]
        adverbial = any(c.dep_ == LABELS.case_marker for c in top.children)
        if verb is None and top.dep_ in NOUN_ARGUMENT_DEPS and top.head.pos_ in ("VERB", "AUX") and not adverbial:
            # "Le rachat de Twitter ... a été finalisé en octobre 2022"; but "Outre le rachat de
            # X, ce projet prévoit ...": a phrase led by a preposition is not in the verb's scope.
            verb = top.head
        return ([token] + (clause_path(verb) if verb is not None else [])), frames[1:]


_QUOTE_ENTRY = TriggerEntry(type="ACCUSE", kind="quote", lemmas=frozenset(), roles=(), confidence=QUOTE_CONFIDENCE,
                            rule="ACCUSE quote")
_PRAISE_QUOTE_ENTRY = TriggerEntry(type="PRAISE", kind="quote", lemmas=frozenset(), roles=(),
                                   confidence=QUOTE_CONFIDENCE, rule="PRAISE quote")


class _DocumentContext:
    """What every trigger of one document shares: entity types, the dater, the discourse."""

    def __init__(self, doc: Doc, words: EventLexicon, reader: ParseReader) -> None:
        self.types = {e.key: e.type for e in doc._.entities or []}
        self.dater = EventDater(doc, words)
        self.discourse = Discourse(doc, words, reader)
        #: Event nouns with a target and no source, for :meth:`EventExtractor._retelling`.
        self.orphans: list[tuple[Token, TriggerEntry, Arguments, float]] = []
        #: Dates of happenings the lead tells without readable actors, by type.
        self.lead_dates: dict[str, set[tuple]] = {}
        #: The date :meth:`EventExtractor._note_lead_date` found, by token, kind and relational.
        self.lead_timexes: dict[tuple[int, str, bool], Timex | None] = {}


def _quoted(starts: list[int], quotes: list[QuoteSpan]) -> list[bool]:
    """For each token (by its start), whether it starts inside a quote: ``Discourse.quote_at``
    is not ``None``, for every token in one pass instead of a scan of the quotes per token."""
    quoted = [False] * len(starts)
    for quote in quotes:
        for i in range(bisect_left(starts, quote.start), bisect_left(starts, quote.end)):
            quoted[i] = True
    return quoted


def _type_in_context(token: Token, entry: TriggerEntry, event_type: str) -> str:
    """The type an entry's ``in_context`` words give the event when its sentence holds one."""
    if not entry.in_context or event_type != entry.type:
        return event_type
    words = {fold(t.lemma_) for t in token.sent} | {fold(t.text) for t in token.sent}
    text = fold(token.sent.text)
    for new_type, cues in entry.in_context:
        if cues & words or any(" " in cue and cue in text for cue in cues):
            return new_type
    return event_type


def _trailing_siblings(noun: Token, most: int = 2) -> list[Token]:
    """Phrases right after a noun that the parser hung on the noun's head ("depuis le rachat de
    Fox par Disney | pour 71 milliards de dollars en 2019"): they go with the noun."""
    found: list[Token] = []
    follows = noun.right_edge.i + 1
    doc = noun.doc
    while len(found) < most and follows < len(doc) and noun.head != noun:
        sibling = doc[follows]
        while sibling.head != noun.head and sibling.head != sibling and sibling.head.i > noun.i:
            sibling = sibling.head
        if sibling.head != noun.head or sibling.left_edge.i != follows or sibling.pos_ not in ("NOUN", "PROPN", "NUM"):
            break
        found.append(sibling)
        follows = sibling.right_edge.i + 1
    return found


def _sentence_bounds(token: Token) -> tuple[int, int]:
    """The token's sentence, cut at line breaks: the parser runs paragraphs and titles together."""
    (start_char, end_char), text = parse_table(token.doc).sentence_chars(token.i), text_of(token.doc)
    start = text.rfind("\n", start_char, token.idx) + 1 or start_char
    start = max(start, start_char)
    end = text.find("\n", token.idx, end_char)
    return start, (end if end != -1 else end_char)


def _deduplicate(events: list[Event]) -> list[Event]:
    """One event per type, actors and sentence (several triggers often state the same event),
    then one per happening in the document (:func:`_one_per_happening`)."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.type, event.sources, event.targets, event.sentence_start)
        kept = best.get(key)
        if kept is None or event.confidence > kept.confidence:
            best[key] = event
    return _one_per_happening(sorted(best.values(), key=lambda e: (e.start, e.trigger_start)))


def _one_per_happening(events: list[Event]) -> list[Event]:
    """Tellings of one happening in one document become one event.

    A company is bought once: two tellings of a kind that is not repeated (ACQUIRE, BID, FOUND
    …, ``identity.ontology.is_repeated``) with the same actors and compatible dates (one
    undated, equal, or one inside the other; the rule of ``identity.events``) are one event,
    told by the telling with the most precise date ("son projet d'acquisition de Figma" and
    "l'annonce de l'acquisition en septembre 2022"). Repeated kinds (two accusations) and
    tellings not exported (negated, hypothetical) stay apart.
    """
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: _undated_days(e)):
        if is_repeated(event.type) or event.modality not in EXPORTED_MODALITIES:
            kept.append(event)
            continue
        same = next((k for k in kept if k.modality in EXPORTED_MODALITIES and _same_happening(k, event)), None)
        if same is None:
            kept.append(event)
    return sorted(kept, key=lambda e: (e.start, e.trigger_start))


def _actors_key(event: Event) -> tuple:
    if event.type in SYMMETRIC_TYPES:
        return (frozenset(event.sources + event.targets),)
    return (event.sources, event.targets)


def _same_happening(kept: Event, event: Event) -> bool:
    if kept.type != event.type or _actors_key(kept) != _actors_key(event):
        return False
    if kept.date is None or event.date is None:
        return True
    return dates_compatible(kept.date, interval_of(kept.date, kept.date_start, kept.date_end),
                            event.date, interval_of(event.date, event.date_start, event.date_end))


def _undated_days(event: Event) -> int:
    """How many days the event's date covers (undated last), to keep the most precise telling."""
    span = interval_of(event.date, event.date_start, event.date_end) if event.date else None
    return (span[1] - span[0]).days if span else 10**6
