"""Events said inside a quote without a trigger entry: "Tu as volé ..." or "escroc" accuses whom
the speaker speaks of or to; "un joueur exemplaire" said of someone praises them."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.arguments import Arguments
from chronique.extract.events.discourse import Discourse, QuoteSpan
from chronique.extract.events.lexicon import EventLexicon, TriggerEntry
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["QUOTE_CONFIDENCE", "QuoteRules"]

LABELS = dependency_scheme("ud")
#: Base confidence of the quote rules (an insult, a wrongdoing told to "tu").
QUOTE_CONFIDENCE = 0.55

QUOTE_ENTRY = TriggerEntry(type="ACCUSE", kind="quote", lemmas=frozenset(), roles=(), confidence=QUOTE_CONFIDENCE,
                           rule="ACCUSE quote")
PRAISE_QUOTE_ENTRY = TriggerEntry(type="PRAISE", kind="quote", lemmas=frozenset(), roles=(),
                                  confidence=QUOTE_CONFIDENCE, rule="PRAISE quote")


class QuoteRules:
    """Reads accusations and praise said in quotes, for the trigger's event builder."""

    def __init__(self, words: EventLexicon, reader: ParseReader) -> None:
        self.words = words
        self.reader = reader
        self.second_person = words.words("syntax", "second_person")
        self.wrongdoing = words.words("quotes", "wrongdoing_verbs")
        self.insults = words.words("quotes", "insults")
        self.praise = words.words("quotes", "praise_words")

    def may_read(self, folded: str, folded_lemma: str) -> bool:
        """Whether :meth:`read` may find something at a word (folded form and lemma): one of its
        lemma candidates (or, for praise, its form) is a word of wrongdoing, an insult or praise.
        A pure function of the two strings, so that the component's walk asks it once per word,
        and builds no ``Token`` for the quoted words that cannot be read."""
        lemmas = set(self.words.word_candidates(folded, folded_lemma))
        return bool(lemmas & self.wrongdoing or lemmas & self.insults or (lemmas | {folded}) & self.praise)

    def read(self, token: Token, discourse: Discourse) -> tuple[Token, TriggerEntry, Arguments] | None:
        """"Tu as volé ..." or "escroc" in a quote: the speaker accuses whom they speak of."""
        quote = discourse.quote_at(token.idx)
        if quote is None:
            return None
        lemmas = set(self.words.lemma_candidates(token))
        if lemmas & self.wrongdoing and token.pos_ in ("VERB", "AUX", "ADJ"):
            speaker = quote.speaker
            targets = self._wrongdoers(token, quote, discourse) if speaker else []
        elif lemmas & self.insults:
            speaker = quote.speaker or next(iter(discourse.reply_author(token)), None)
            addressee = discourse.addressee(token.idx, speaker) if speaker else None
            targets = [addressee] if addressee else []
        elif (lemmas | {fold(token.text)}) & self.praise and token.pos_ in ("ADJ", "NOUN"):
            speaker = quote.speaker
            predicate, targets = self._praised(token) if speaker else (token, [])
            targets = [t for t in targets if t != speaker]
            if not speaker or not targets:
                return None
            # The predicate carries the clause's negation ("n'est pas un joueur exemplaire").
            found = Arguments([speaker], targets, QUOTE_CONFIDENCE)
            return predicate, PRAISE_QUOTE_ENTRY, found
        else:
            return None
        targets = [t for t in targets if t != speaker]
        if not speaker or not targets:
            return None
        found = Arguments([speaker], targets, QUOTE_CONFIDENCE)
        return token, QUOTE_ENTRY, found

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

    def _wrongdoers(self, verb: Token, quote: QuoteSpan, discourse: Discourse) -> list[str]:
        subject = next((c for c in verb.children if c.dep_ == LABELS.subject), None)
        if subject is not None and quote.speaker and discourse.is_second_person(subject, self.second_person):
            addressee = discourse.addressee(quote.start, quote.speaker)
            return [addressee] if addressee else []
        found, direct = self.reader.subject(verb)
        return found if direct else []
