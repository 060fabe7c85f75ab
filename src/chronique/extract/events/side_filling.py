"""Filling a side of an event that its clause does not name, from the discourse: "tu" in a
quote is whom the speaker addresses, a reply answers the offer told before, a sentence's judge is
the court told before, a complaint is against whom its sentence tells another party suing ..."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.arguments import Arguments
from chronique.extract.events.deal_anaphora import deal_buyers, names_deal_again, refused_bidders
from chronique.extract.events.discourse import DISCOURSE_PENALTY, Discourse
from chronique.extract.events.event_scope import sentence_bounds
from chronique.extract.events.implicit import calls_upon, dismisses_claims, speaking_for
from chronique.extract.events.lexicon import EventLexicon, TriggerEntry
from chronique.extract.events.modality import clause_path
from chronique.extract.events.speech import SpeechRules
from chronique.extract.events.syntax import ParseReader
from chronique.model import Event
from chronique.nlp.labels import dependency_scheme

__all__ = ["DISCOURSE_PENALTY", "SideFiller"]

LABELS = dependency_scheme("ud")


class SideFiller:
    """Fills missing sides of an event from the discourse around its trigger."""

    def __init__(self, words: EventLexicon, reader: ParseReader, speech: SpeechRules) -> None:
        self.words = words
        self.reader = reader
        self.speech = speech
        self.second_person = words.words("syntax", "second_person")
        self.first_person = words.words("syntax", "first_person")
        self.answer_types = frozenset(t.upper() for t in words.words("replies", "answers_types"))
        #: "faire appel à X" calls upon X: an appeal with such a complement has no adversary to find.
        self.calling_preps = words.words("syntax", "calling_prepositions")
        #: "balayer ces accusations": claims whose only author in the document is the target.
        self.claim_nouns = words.words("replies", "claim_nouns")
        self.claim_types = frozenset(t.upper() for t in words.words("replies", "claim_types"))
        #: The rules of sentences by a judge: their sources judge the sentences told without one.
        self.judge_rules = frozenset(e.rule for group in words.verbs.values() for e in group if e.counterpart == "judge")

    def fill(self, token: Token, entry: TriggerEntry, found: Arguments, discourse: Discourse,
             types: dict[str, str], events: list[Event]) -> float:
        """Fill a missing side from discourse: "tu", the author of an offer, an order's seller."""
        penalty = 1.0
        subject_role = dict(entry.roles).get("subject")
        if subject_role and not getattr(found, subject_role + "s", None):
            addressee = self._addressee_of_subject(token, discourse)
            if addressee:
                getattr(found, subject_role + "s").append(addressee)
                penalty *= DISCOURSE_PENALTY
        if entry.answers and found.sources and not found.targets:
            if dismisses_claims(self.reader, token, self.claim_nouns):
                # "balayer ces accusations": claims aimed at the replier, not the last offer told.
                replier = found.sources + speaking_for(self.reader, token)  # "X, président de Y, a rejeté …"
                found.targets = discourse.accuser(events, token.idx, replier, self.claim_types)
            else:
                found.targets = discourse.answered(events, token.idx, found.sources, self.answer_types)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "target" and found.sources and not found.targets:
            found.targets = discourse.counterpart(events, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "judge" and found.targets and not found.sources:
            judgment = discourse.judgment(events, token.idx, found.targets, self.judge_rules)
            if judgment is not None:
                found.sources = [s for s in judgment.sources if s not in found.targets and types.get(s) == "ORG"]
                found.continues = judgment
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "accused" and found.sources and not found.targets:
            # "Après une plainte déposée par X, l'Autorité a sanctionné Y": the complaint is
            # against whom its sentence tells another party accusing or suing.
            start, _ = sentence_bounds(token)
            found.targets = discourse.accused(events, start, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "funded" and found.sources and not found.targets:
            # "L'opération, à laquelle ont participé X et Y": the round told just before.
            found.targets = discourse.funded(events, token.idx, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "opponent" and found.sources and not found.targets \
                and not calls_upon(self.reader, token, self.calling_preps):
            found.targets = discourse.opponent(events, token.idx, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "deal_buyer" and found.sources and not found.targets \
                and names_deal_again(self.reader, self.words, token):
            # "La Commission a ouvert une enquête sur l'opération": the deal told last, its buyer.
            found.targets = deal_buyers(events, token.idx, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "refused_bidder" and found.sources and not found.targets:
            # "Ardanel l'a rejetée": the bid on Ardanel told just before, its bidder.
            found.targets = refused_bidders(events, token, found.sources)
            penalty *= DISCOURSE_PENALTY
        if entry.counterpart == "source" and found.targets and not found.sources:
            found.sources = discourse.counterpart(events, found.targets)
            penalty *= DISCOURSE_PENALTY
        if self.speech.fill_persons(token, entry, found, discourse):
            penalty *= DISCOURSE_PENALTY  # « Je vous accuse »: "vous" is whom the speaker addresses
        return penalty

    def _addressee_of_subject(self, token: Token, discourse: Discourse) -> str | None:
        """In a quote, a subject "tu"/"vous" is the person the speaker addresses; "je" is the speaker."""
        quote = discourse.quote_at(token.idx)
        if quote is None or quote.speaker is None:
            return None
        for node in clause_path(token):
            subject = next((c for c in node.children if c.dep_ in LABELS.subjects), None)
            if subject is not None:
                if discourse.is_second_person(subject, self.second_person):
                    return discourse.addressee(quote.start, quote.speaker)
                if discourse.is_second_person(subject, self.first_person):
                    return quote.speaker  # "J'ai confiance en Bob": the speaker
                return None
        return None
