"""Which words the quote rules may read: the component's walk builds a ``Token`` in a quote only
for a word whose lemma candidates (or, for praise, its form) the quote rules list."""

from __future__ import annotations

from chronique.extract.events.lexicon import load_event_lexicon
from chronique.extract.events.quote_rules import QuoteRules
from chronique.extract.events.syntax import ParseReader
from chronique.kb import load_knowledge_base


def rules() -> QuoteRules:
    words = load_event_lexicon("fr")
    return QuoteRules(words, ParseReader(words, load_knowledge_base()))


def test_words_of_wrongdoing_insult_and_praise_may_be_read():
    quotes = rules()
    assert quotes.may_read("escroc", "escroc")  # an insult
    assert quotes.may_read("volé", "voler")  # wrongdoing, by its lemma
    assert quotes.may_read("exemplaires", "exemplaire")  # praise


def test_other_words_are_passed_over():
    quotes = rules()
    assert not quotes.may_read("table", "table")
    assert not quotes.may_read("le", "le")
    assert not quotes.may_read("annoncé", "annoncer")
