"""Cue phrases found at the end (or start) of a text, as whole words."""

from __future__ import annotations

import spacy

from chronique.extract.actors.names import WORDS, CueIndex, last_word_before, line_before, seen_last_words
from chronique.nlp.tokens import token_table


def cue_index() -> CueIndex:
    return CueIndex([("start-up", "ORG"), ("patron de", "PERSON"), ("réseau social", "ORG")], {"de": ["d'", "du"]})


def test_the_longest_cue_a_text_ends_with_gives_the_type():
    cues = cue_index()
    assert cues.type_at_end("la jeune start-up") == "ORG"
    assert cues.type_at_end("le premier réseau social") == "ORG"
    assert cues.type_at_end("le patron d'") == "PERSON"
    assert cues.type_at_end("le patron du") == "PERSON"


def test_a_text_that_ends_with_no_cue_has_no_type():
    cues = cue_index()
    assert cues.type_at_end("la start-up a dit") is None
    assert cues.type_at_end("le social") is None  # the last word of a cue, not the whole cue
    assert cues.type_at_end("") is None


def test_the_cue_a_text_starts_with():
    cues = cue_index()
    assert cues.type_at_start("réseau social américain") == "ORG"
    assert cues.type_at_start("patron du groupe") == "PERSON"
    assert cues.first_words == {"start-up", "patron", "réseau"}
    assert cues.type_at_start("social réseau") is None  # no cue opens with "social"
    assert cues.type_at_start("réseau de chaleur") is None  # a cue's first word, not the whole cue
    assert cues.type_at_start("") is None


def test_the_type_before_a_name_is_that_of_the_line_before_it():
    cues = cue_index()
    text = "Selon le patron d'Orvane, la jeune start-up Zelvio\nLa start-up\nOrvane a dit."
    for name in ("Orvane", "Zelvio"):
        start = text.index(name)
        assert cues.type_before(text, start) == cues.type_at_end(line_before(text, start))
    assert cues.type_before(text, text.index("Orvane")) == "PERSON"
    assert cues.type_before(text, text.index("Zelvio")) == "ORG"
    assert cues.type_before(text, text.rindex("Orvane")) is None  # the cue is on the line above


def test_the_last_word_before_a_position_is_the_last_of_the_folded_lines_words():
    text = "D’après l'IA de  Zelvio, aujourd'hui X\n« Y »  Z"
    for start in range(len(text) + 1):
        words = WORDS.findall(line_before(text, start))
        assert last_word_before(text, start) == (words[-1] if words else ""), start
    assert last_word_before(text, text.index("Zelvio")) == "de"
    assert last_word_before(text, text.index("X")) == "hui"


def test_the_words_before_names_are_remembered_per_document_and_per_text():
    text = "D’après l'IA de  Zelvio, aujourd'hui X\n« Y »  Z"
    tokens = token_table(spacy.blank("fr")(text))
    seen = seen_last_words(tokens, text)
    assert seen_last_words(tokens, text) is seen  # one memo per document
    for start in range(len(text) + 1):
        assert last_word_before(text, start, seen=seen) == last_word_before(text, start), start
    assert seen[text.index("Zelvio")] == "de" and len(seen) == len(text) + 1
    assert last_word_before(text, 10, width=3, seen=seen) == last_word_before(text, 10, width=3)  # not memoised
    assert cue_index().type_before(text, text.index("Zelvio"), seen) is None
    other = text.replace("de", "du")  # another text for the same table: a memo of its own
    assert seen_last_words(tokens, other) is not seen and seen_last_words(tokens, other) == {}
