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
from itertools import compress

from spacy.language import Language
from spacy.tokens import Doc, Token

from chronique.extract.events.amounts import amount_of
from chronique.extract.events.announced_deals import carry_announcement_dates
from chronique.extract.events.arguments import ArgumentFinder, Arguments
from chronique.extract.events.date_carrying import carry_dates, carry_lead_dates
from chronique.extract.events.dating import EventDater
from chronique.extract.events.discourse import Discourse, QuoteSpan
from chronique.extract.events.event_scope import EventScope, sentence_bounds
from chronique.extract.events.happenings import deduplicate
from chronique.extract.events.lexicon import TRIGGER_POS, EventLexicon, TriggerEntry, load_event_lexicon
from chronique.extract.events.modality import ModalityReader
from chronique.extract.events.quote_rules import QuoteRules
from chronique.extract.events.retellings import carry_retelling_dates
from chronique.extract.events.scoring import rescore, scope_of
from chronique.extract.events.side_filling import DISCOURSE_PENALTY, SideFiller
from chronique.extract.events.speech import SpeechRules
from chronique.extract.events.syntax import ParseReader
from chronique.identity.ontology import is_repeated, score_of
from chronique.kb import KnowledgeBase, load_knowledge_base
from chronique.model import EXPORTED_MODALITIES, Event, Timex
from chronique.nlp.actor_index import actor_index
from chronique.nlp.extensions import register_extensions, text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["EventExtractor", "make_event_extractor"]

register_extensions()

LABELS = dependency_scheme("ud")
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
        #: rules, may be read by the quote rules): pure functions of the two strings, asked of
        #: every word of every document.
        #: ``()`` for a word none of them may read.
        self._walk_memo: dict[tuple[str, str], tuple[bool, ...]] = {}
        #: :meth:`_may_answer` of each of the lexicon's entry lists, by identity.
        self._answering: dict[int, bool] = {}
        self.filler = SideFiller(words, self.reader, self.speech)
        self.quotes = QuoteRules(words, self.reader)
        self.scoping = EventScope(self.finder, self.reader)
        #: Appeals whose adversary came from the discourse: a complaint noun never retells one.
        self.appeal_rules = frozenset(e.rule for group in words.verbs.values() for e in group if e.counterpart == "opponent")

    def __call__(self, doc: Doc) -> Doc:
        context = _DocumentContext(doc, self.words, self.reader)
        events: list[Event] = []
        answers: list[Token] = []
        tokens = token_table(doc)
        quoted = _quoted(tokens.starts, context.discourse.quotes)
        for i, may_read, may_quote in self._walk(tokens, quoted):
            token = doc[i]
            # The quote rules find nothing outside a quote or at a word they cannot read
            # (``QuoteRules.may_read``), the speech rules nothing at a word they cannot read
            # (``SpeechRules.may_read``): as ``a or b or c``, without the calls.
            event = self._from_lexicon(token, context, events)
            if not event:
                event = self._from_quote(token, context) if may_quote else None
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
        kept = carry_dates(doc, deduplicate(events))
        kept = carry_lead_dates(doc, kept, context.lead_dates, context.dater.lead_end)
        kept = carry_retelling_dates(doc, kept)
        kept = carry_announcement_dates(doc, kept, self.words)
        doc._.events = rescore(kept, [scope_of(doc, event, self.words) for event in kept], self.lang)
        return doc

    def _walk(self, tokens: TokenTable, quoted: list[bool]) -> list[tuple[int, bool, bool]]:
        """The tokens some rule may read, in order, with whether the speech rules and the quote
        rules may read each: a word with no trigger entry for its part of speech, no wish or
        judgment and no quote rule (or outside a quote) has nothing to find, and no ``Token``
        need be built for it. Each distinct word is judged once (:meth:`_may`); most words can
        evoke nothing at all, and are passed over without a Python step each."""
        walk_memo = self._walk_memo
        words = zip(tokens.folded, tokens.folded_lemmas)
        try:
            flags = list(map(walk_memo.__getitem__, words))  # most documents: every word judged already
        except KeyError:
            flags = [walk_memo[word] if word in walk_memo else self._may(*word)
                     for word in zip(tokens.folded, tokens.folded_lemmas)]
        pos = tokens.pos
        found = []
        for i in compress(range(len(flags)), flags):  # the words that may evoke something
            may_trigger, may_read, may_quote = flags[i]
            may_quote = may_quote and quoted[i]
            if (may_trigger and pos[i] in TRIGGER_POS) or may_read or may_quote:
                found.append((i, may_read, may_quote))
        return found

    def _may_answer(self, entries: list[TriggerEntry]) -> bool:
        """Whether an entry answers or accuses (tried again once every event is known). Worked
        out once per list: the lists are the lexicon's own (an empty one has none)."""
        if not entries:
            return False
        found = self._answering.get(id(entries))
        if found is None:
            found = self._answering[id(entries)] = any(e.answers or e.counterpart == "accused" for e in entries)
        return found

    def _may(self, folded: str, folded_lemma: str) -> tuple[bool, ...]:
        """Whether a word may evoke a trigger entry, whether the speech rules may read it, and
        whether the quote rules may (in a quote); ``()`` (false) when none of the three."""
        if len(self._walk_memo) >= _WALK_MEMO_SIZE:
            self._walk_memo.clear()
        flags = (self.words.may_trigger(folded, folded_lemma), self.speech.may_read(folded, folded_lemma),
                 self.quotes.may_read(folded, folded_lemma))
        found = self._walk_memo[(folded, folded_lemma)] = flags if any(flags) else ()
        return found

    # -- lexicon triggers --------------------------------------------------------------------
    def _from_lexicon(self, token: Token, context: _DocumentContext, events: list[Event]) -> list[Event] | None:
        if _inside_a_name(token):
            return None  # "la Fondation Brigitte Bardot", "l'Alliance X": a word of a name tells no event
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
        (:func:`chronique.extract.events.date_carrying.carry_lead_dates`)."""
        if token.idx >= context.dater.lead_end or is_repeated(entry.type) or entry.kind == "quote":
            return
        # The scope, modality and date read the entry only through its kind and whether it is
        # relational: worked out once per token for the entries that share both.
        key = (token.i, entry.kind, self.finder.relational(entry))
        if key not in context.lead_timexes:
            path, _ = self.scoping.scope(token, entry)
            exported = self.modality.modality(path, []) in EXPORTED_MODALITIES
            context.lead_timexes[key] = context.dater.date(self.scoping.dating_path(token, entry, path), token.idx) if exported else None
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
            table, pos = parse_table(token.doc), token_table(token.doc).pos  # by index: no Token, no MorphAnalysis
            definite = any(pos[c] == "DET" and ("Def" in table.features[c].get("Definite", ())
                                                or "Dem" in table.features[c].get("PronType", ()))
                           for c in table.children[token.i])
            happenings = {(e.type, e.sources, e.targets) for e in candidates}
            told = candidates[0] if definite and len(happenings) == 1 else None
        if told is None or self.modality.modality(*self.scoping.scope(token, entry)) not in EXPORTED_MODALITIES:
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

    def _complete(self, token: Token, entry: TriggerEntry, found: Arguments, context: _DocumentContext,
                  events: list[Event]) -> float:
        """Fill a missing side from discourse (:class:`~chronique.extract.events.side_filling.SideFiller`)."""
        return self.filler.fill(token, entry, found, context.discourse, context.types, events)

    # -- speech rules (chronique.extract.events.speech) ----------------------------------------
    def _from_speech(self, token: Token, context: _DocumentContext) -> list[Event] | None:
        """"X exige que Y ...": a request to Y; "X s'est dit déçu par Y": X accuses Y."""
        finding = self.speech.wish(token, context.discourse) or self.speech.judgment(token, context.discourse)
        if finding is None:
            return None
        return self._events(finding.token, finding.entry, finding.found, 1.0, context)

    # -- quote rules (chronique.extract.events.quote_rules) ------------------------------------
    def _from_quote(self, token: Token, context: _DocumentContext) -> list[Event] | None:
        """"Tu as volé ..." or "escroc" in a quote: the speaker accuses whom they speak of."""
        finding = self.quotes.read(token, context.discourse)
        if finding is None:
            return None
        return self._events(*finding, 1.0, context)

    # -- building ----------------------------------------------------------------------------
    def _events(self, token: Token, entry: TriggerEntry, found: Arguments, certainty: float,
                context: _DocumentContext) -> list[Event]:
        path, frames = self.scoping.scope(token, entry)
        modality = self.modality.modality(path, frames)
        if modality == "asserted" and entry.kind != "quote" and context.discourse.quote_at(token.idx) is not None:
            # « Nous avons racheté X », dit Y: the event is Y's telling, not the article's.
            modality = "reported"
        offered = modality in ("proposed", "failed")
        event_type = entry.when_proposed if offered and entry.when_proposed else entry.type
        event_type = _type_in_context(token, entry, event_type)
        timex = context.dater.date(self.scoping.dating_path(token, entry, path), token.idx)
        dated = found.continues if timex is None and found.continues is not None else None
        money = amount_of(token.doc, path, token.doc._.money or [])
        sentence_start, sentence_end = sentence_bounds(token)
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


def _inside_a_name(token: Token) -> bool:
    """Whether a capitalised word is part of an actor's proper name ("Fondation" in "la Fondation
    Brigitte Bardot"): a name's word is no trigger. A description the recognizer resolved ("le
    fondateur de Beauval") is no name, and its noun still tells its event."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False  # (a sentence's first word is capitalised whatever it is: "Rival de X, Y …")
    mention = actor_index(token.doc).mention_at(token)
    if mention is None:
        return False
    return text_of(token.doc)[mention.start : mention.start + 1].isupper()


def _quoted(starts: list[int], quotes: list[QuoteSpan]) -> list[bool]:
    """For each token (by its start), whether it starts inside a quote: ``Discourse.quote_at``
    is not ``None``, for every token in one pass instead of a scan of the quotes per token."""
    quoted = [False] * len(starts)
    for quote in quotes:
        for i in range(bisect_left(starts, quote.start), bisect_left(starts, quote.end)):
            quoted[i] = True
    return quoted


def _type_in_context(token: Token, entry: TriggerEntry, event_type: str) -> str:
    """The type an entry's ``in_context`` words give the event when its sentence holds one, out
    of the clauses and appositions set on another noun ("soutient la société X, menacée par une
    amende de 2 millions d'euros" speaks of X's fine, not of money given)."""
    if not entry.in_context or event_type != entry.type:
        return event_type
    start, end = parse_table(token.doc).sentence_bounds(token.i)  # the sentence by index: no Span built
    tokens = token_table(token.doc)
    ancestors = {token.i, *(a.i for a in token.ancestors)}
    doc = token.doc
    asides = [t for t in doc[start:end] if t.i not in ancestors
              and (t.dep_ in LABELS.noun_clauses or t.dep_ == LABELS.apposition) and t.head.pos_ in ("NOUN", "PROPN")
              # a relative clause, or a clause set off by a comma ("société Brenix/acl à hauteur de
              # …": the parser's misread name, no clause aside)
              and (t.dep_ == LABELS.relative_clause or (t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","))]
    aside = {inner.i for t in asides for inner in t.subtree}
    kept = [i for i in range(start, end) if i not in aside]
    words = {*(tokens.folded_lemmas[i] for i in kept), *(tokens.folded[i] for i in kept)}
    text = fold(" ".join(tokens.texts[i] for i in kept))
    for new_type, cues in entry.in_context:
        if cues & words or any(" " in cue and cue in text for cue in cues):
            return new_type
    return event_type
