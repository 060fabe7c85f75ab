"""Which words can evoke an event trigger: worked out once per word, the same answer every time."""

from __future__ import annotations

from chronique.extract.events.lexicon import load_event_lexicon


def test_a_verb_form_rebuilt_to_a_trigger_lemma_may_trigger() -> None:
    words = load_event_lexicon("fr")
    # "cofondée" is tagged with another lemma; its "-er" rebuild "cofonder" is a trigger verb.
    assert words.may_trigger("cofondée", "cofondée")
    assert "cofonder" in words._word("cofondée", "cofondée")[0]


def test_a_word_with_no_trigger_lemma_may_not() -> None:
    words = load_event_lexicon("fr")
    assert not words.may_trigger("table", "table")
    assert not words.may_trigger("bleues", "bleu")


def test_the_answer_is_the_same_when_asked_again() -> None:
    words = load_event_lexicon("fr")
    first = words._word("cofondée", "cofondée")
    assert words._word("cofondée", "cofondée") == first
    assert words.may_trigger("créé", "créer") and words.may_trigger("créé", "créer")
