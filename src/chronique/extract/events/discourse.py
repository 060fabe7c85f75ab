"""What one sentence cannot tell: who speaks a quote, who "tu" is, whom a reply answers.

These rules look back a few sentences, so they are kept apart from the parse rules and give
lower confidence. Each is the most conservative reading that still catches the common news
pattern: a quote's speaker is named by a speech verb next to it; "tu" is the last other person
named; a refusal answers the last offer or request made by someone else; a cancelled order or
a refund involves the seller of the order it settles; a sentence told without its judge is by the
judge of the last sentence told; an appeal told without its adversary is against whoever last
ruled against the appellant or was sued by it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.model import EXPORTED_MODALITIES, Event
from chronique.nlp.actor_index import actor_index
from chronique.nlp.extensions import text_of
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["DISCOURSE_PENALTY", "QuoteSpan", "Discourse"]

#: Confidence kept when an actor came from discourse (an addressee, the author of an offer, the
#: antecedent of a clitic).
DISCOURSE_PENALTY = 0.75
#: How far back (characters) "tu" and a reply may look for the person or offer they refer to.
LOOKBACK = 700
#: Events by which an authority rules against someone, who may then appeal.
RULING_TYPES = frozenset({"ACCUSE", "REJECT"})
#: Decisions an organisation takes against a party that the party may contest before a court
#: ("la commune a résilié le marché de X … X conteste la décision"): its contract cancelled.
DECISION_TYPES = frozenset({"CANCEL"})


@dataclass(frozen=True)
class QuoteSpan:
    start: int
    end: int
    speaker: str | None


class Discourse:
    """Quotes, addressees, replies and counterparts of one document."""

    def __init__(self, doc: Doc, words: EventLexicon, reader: ParseReader) -> None:
        self.doc = doc
        self.reader = reader
        self.speech_verbs = words.words("syntax", "speech_verbs")
        self.reply_nouns = words.words("syntax", "reply_nouns")
        self.speech_form_rebuilds = words.infinitive_rebuilds
        self.types = {e.key: e.type for e in doc._.entities or []}
        self.dispute_nouns = words.words("syntax", "dispute_nouns")
        self.court_words = words.words("syntax", "court_words")
        self.names = {e.key: e.name for e in doc._.entities or []}
        self.quotes = self._quotes()
        #: :meth:`quote_at` of each character asked (the rules ask it of a trigger many times).
        self._quote_at: dict[int, QuoteSpan | None] = {}

    # -- quotes ------------------------------------------------------------------------------
    def _quotes(self) -> list[QuoteSpan]:
        """The quotes ``chronique_quotes`` found; one it left without a speaker gets the subject
        of a speech verb next to it, when there is one."""
        return [QuoteSpan(q.start, q.end, q.speaker or self._speaker(q.start, q.end)) for q in self.doc._.quotes or []]

    def quote_at(self, char: int) -> QuoteSpan | None:
        """The first quote (in the list's order) that holds ``char``, or None."""
        if not self.quotes:
            return None
        try:
            return self._quote_at[char]
        except KeyError:
            found = self._quote_at[char] = next((q for q in self.quotes if q.start <= char < q.end), None)
            return found

    def _speaker(self, start: int, end: int) -> str | None:
        """The subject of a speech verb right after the quote ("écrit-il") or before its colon."""
        after = self.doc.char_span(end, min(len(text_of(self.doc)), end + 60), alignment_mode="contract")
        before = self.doc.char_span(max(0, start - 120), start, alignment_mode="contract")
        tokens = token_table(self.doc)  # the windows' words read by index: a Token only for a speech verb
        for span, indexes in ((after, lambda s: range(s.start, s.end)), (before, lambda s: range(s.end - 1, s.start - 1, -1))):
            if span is None:
                continue
            for i in indexes(span):
                if tokens.texts[i] in ".!?" and span is after:
                    break
                if tokens.folded_lemmas[i] in self.speech_verbs or self._speech_form_at(tokens, i):
                    subject, _ = self.reader.subject(self.doc[i])
                    if subject:
                        return subject[0]
        return None

    def _speech_form_at(self, tokens: TokenTable, i: int) -> bool:
        """:meth:`_speech_form` of the token at index ``i``, read on the token table (its folded
        form and its part of speech)."""
        word = tokens.folded[i]
        return tokens.pos[i] in ("VERB", "ADJ") and any(
            word[: len(word) - drop] + ending in self.speech_verbs for drop, ending in self.speech_form_rebuilds
        )

    def _speech_form(self, token: Token) -> bool:
        """Whether a verb or adjective form rebuilds to a speech verb ("déclaré" -> "déclarer")."""
        return self._speech_form_at(token_table(token.doc), token.i)

    def reply_author(self, token: Token) -> list[str]:
        """"en réponse du fondateur de Tesla": the author named by a reply noun near ``token``."""
        for other in token.sent:
            if fold(other.lemma_) in self.reply_nouns:
                for preposition in self.reader.genitive:
                    for phrase in self.reader.obliques(other, preposition):
                        found = self.reader.actors(phrase)
                        if found:
                            return found
        return []

    # -- people in focus ---------------------------------------------------------------------
    def addressee(self, char: int, speaker: str) -> str | None:
        """Whom "tu" addresses: the last person other than the speaker named before ``char``."""
        start = max(0, char - LOOKBACK)
        for mention in reversed(self.doc._.actor_mentions or []):
            if mention.start >= char:
                continue
            if mention.start < start:
                break
            if mention.key != speaker and self.types.get(mention.key) == "PERSON":
                return mention.key
        return None

    @staticmethod
    def answered(events: list[Event], char: int, replier: list[str], types: frozenset[str]) -> list[str]:
        """Who made the offer or request a reply at ``char`` answers (the last one before it)."""
        for event in reversed(events):
            if event.type in types and char - event.end < LOOKBACK and event.start < char:
                others = [s for s in event.sources if s not in replier]
                if others:
                    return others
        return []

    @staticmethod
    def accuser(events: list[Event], char: int, replier: list[str], types: frozenset[str]) -> list[str]:
        """Who made the claims a replier dismisses ("Qualcomm balaie ces accusations"): the
        author of the last claim aimed at the replier told before ``char``; when the document
        tells them only later or in other words, the one party it shows accusing or suing the
        replier anywhere (none when two parties do). A claim aimed at someone else is never it."""
        aimed = [e for e in events if e.type in types and e.modality in EXPORTED_MODALITIES
                 and set(e.targets) & set(replier) and set(e.sources) - set(replier)]
        before = [e for e in aimed if e.start < char and char - e.end < LOOKBACK]
        if before:
            return [s for s in before[-1].sources if s not in replier]
        accusers = {s for e in aimed for s in e.sources if s not in replier}
        return sorted(accusers) if len(accusers) == 1 else []

    @staticmethod
    def accused(events: list[Event], sentence_start: int, plaintiffs: list[str]) -> list[str]:
        """Whom another party accuses or sues in the sentence starting at ``sentence_start``."""
        for event in events:
            if event.type in ("ACCUSE", "SUE") and event.sentence_start == sentence_start \
                    and event.modality in EXPORTED_MODALITIES and not set(event.sources) & set(plaintiffs):
                accused = [t for t in event.targets if t not in plaintiffs]
                if accused:
                    return accused
        return []

    @staticmethod
    def funded(events: list[Event], char: int, investors: list[str]) -> list[str]:
        """Who the last investment told before ``char`` (within :data:`LOOKBACK`) funded:
        "X a investi dans Y. L'opération, à laquelle ont participé Z ..." funds Y too."""
        for event in reversed(events):
            if event.type == "INVEST" and event.start < char and char - event.end < LOOKBACK:
                funded = [t for t in event.targets if t not in investors]
                if funded and event.modality in EXPORTED_MODALITIES:
                    return funded
        return []

    @staticmethod
    def counterpart(events: list[Event], party: list[str]) -> list[str]:
        """The seller of the last order ``party`` placed (or cancelled) in this document."""
        for event in reversed(events):
            if event.type in ("ORDER", "CANCEL") and set(event.sources) & set(party):
                return list(event.targets)
        return []

    def opponent(self, events: list[Event], char: int, appellant: list[str]) -> list[str]:
        """Whom an appeal told without its adversary ("Criteo va faire appel de cette décision")
        is against: the organisation whose sanction, accusation, refusal or cancellation of the appellant the
        document told last before ``char`` (a regulator's fine), or whom the appellant sued
        (the suit goes on), else the other side of a dispute "entre A et B" told before. People
        and courts are left out of the first: a minister's criticism is no ruling, and a court's
        judgment is appealed against the other party."""
        party = set(appellant)
        for event in reversed(events):
            if event.start >= char or event.modality not in EXPORTED_MODALITIES:
                continue
            if (event.type in RULING_TYPES or event.type in DECISION_TYPES) and party & set(event.targets):
                against = [s for s in event.sources if s not in party and self.types.get(s) == "ORG" and not self._court(s)]
                if against:
                    return against
            if event.type == "SUE" and party & set(event.sources):
                against = [t for t in event.targets if t not in party]
                if against:
                    return against
            if event.type == "SUE" and party & set(event.targets):
                # "Y avait porté plainte contre X … X va faire appel": the suit's plaintiff
                against = [s for s in event.sources if s not in party]
                if against:
                    return against
            if event.type == "PAY" and party & set(event.sources) and self._ordered_by_court(events, event, party):
                # "X a été condamné par le tribunal à verser 2 millions à Y … X va faire appel"
                against = [t for t in event.targets if t not in party]
                if against:
                    return against
        return self._other_disputant(char, party)

    def _ordered_by_court(self, events: list[Event], payment: Event, party: set[str]) -> bool:
        """Whether a court's ruling against ``party`` is told in the payment's own evidence: the
        payee is then the other side of the case, not a supplier paid in the course of business."""
        return any(e.type in RULING_TYPES and party & set(e.targets) and any(self._court(s) for s in e.sources)
                   and e.start < payment.end and payment.start < e.end for e in events)

    def _court(self, key: str) -> bool:
        """A court judges the case: one appeals its judgment against the other party, not
        against the court ("Condamnée par le tribunal de commerce, X va faire appel")."""
        return bool(set(fold(self.names.get(key, "")).replace("'", " ").split()) & self.court_words)

    def _other_disputant(self, char: int, party: set[str]) -> list[str]:
        """"l'affaire entre Apple et Epic Games … Epic Games dit vouloir faire appel": the other
        side of the last dispute "entre A et B" told before ``char`` that the appellant is in."""
        for token in reversed(self.doc):
            if token.idx >= char or fold(token.lemma_) not in self.dispute_nouns:
                continue
            sides = [key for phrase in self.reader.obliques(token, "entre") for key in self.reader.actors(phrase)]
            if party & set(sides):
                others = [key for key in sides if key not in party]
                if others:
                    return others
        return []

    def judgment(self, events: list[Event], char: int, sentenced: list[str], rules: frozenset[str]) -> Event | None:
        """The last sentence the document told before ``char`` by a judge other than the
        sentenced ("Condamnée par le tribunal de Lyon, la société ... Ses dirigeants ont aussi été
        condamnés"): a court or an authority (an organisation: a minister who "condamne" a country
        judges nobody's case)."""
        for event in reversed(events):
            if event.rule in rules and event.start < char and event.modality in EXPORTED_MODALITIES:
                if any(s not in sentenced and self.types.get(s) == "ORG" for s in event.sources):
                    return event
        return None

    @staticmethod
    def is_second_person(token: Token, words: frozenset[str]) -> bool:
        return fold(token.text) in words and actor_index(token.doc).at(token) is None
