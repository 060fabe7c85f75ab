"""Answers about a token remembered per Doc: asked again, the same answer, as a fresh call gives it.

A hand-built parse of "Le groupe a racheté la société" and a reader that counts its walks.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Token

from chronique.nlp.extensions import ActorMention, register_extensions
from chronique.nlp.memo import per_lexicon, per_token

register_extensions()

VOCAB = spacy.blank("fr").vocab
WORDS = ["Le", "groupe", "a", "racheté", "la", "société"]
HEADS = [1, 3, 3, 3, 5, 3]
DEPS = ["det", "nsubj", "aux:tense", "ROOT", "det", "obj"]


def parsed() -> Doc:
    return Doc(VOCAB, words=WORDS, heads=HEADS, deps=DEPS)


class Reader:
    def __init__(self) -> None:
        self.walks = 0

    @per_token
    def object(self, verb: Token) -> Token | None:
        self.walks += 1
        return next((c for c in verb.children if c.dep_ == "obj"), None)

    @per_token
    def dependents(self, verb: Token) -> list[str]:
        self.walks += 1
        return [c.text for c in verb.children]

    @per_token
    def labelled(self, verb: Token) -> tuple[list[Token], bool]:
        self.walks += 1
        return [c for c in verb.children if c.dep_ == "nsubj"], True

    @per_token
    def as_set(self, verb: Token) -> set[str]:
        return {c.text for c in verb.children}


def test_a_second_question_about_the_same_token_gives_the_same_answer_without_a_second_walk():
    doc, reader = parsed(), Reader()
    first, second = reader.object(doc[3]), reader.object(doc[3])
    assert (first.text, second.text) == ("société", "société")
    assert reader.walks == 1
    assert reader.object(doc[1]) is None and reader.object(doc[1]) is None  # None is remembered too
    assert reader.walks == 2


def test_a_remembered_token_is_a_new_object_as_a_fresh_call_gives():
    doc, reader = parsed(), Reader()
    first, second = reader.object(doc[3]), reader.object(doc[3])
    assert first is not second and first == second and second.i == 5


def test_a_caller_that_changes_the_list_it_got_does_not_change_the_next_answer():
    doc, reader = parsed(), Reader()
    got = reader.dependents(doc[3])
    got.append("extra")
    assert reader.dependents(doc[3]) == ["groupe", "a", "société"]
    tokens, direct = reader.labelled(doc[3])
    tokens.clear()
    again, direct_again = reader.labelled(doc[3])
    assert [t.text for t in again] == ["groupe"] and direct and direct_again
    assert reader.walks == 2


def test_each_reader_and_each_doc_has_its_own_answers():
    doc, other_doc = parsed(), parsed()
    reader, other_reader = Reader(), Reader()
    reader.object(doc[3])
    other_reader.object(doc[3])
    reader.object(other_doc[3])
    assert (reader.walks, other_reader.walks) == (2, 1)


def test_an_answer_that_cannot_be_kept_safely_is_refused():
    doc = parsed()
    with pytest.raises(TypeError, match="set"):
        Reader().as_set(doc[3])


def test_a_table_built_from_a_lexicon_is_built_once_per_lexicon_object():
    built: list[int] = []

    @per_lexicon
    def folded_nouns(words):
        built.append(1)
        return frozenset(noun.lower() for noun in words["nouns"])

    words, same_content = {"nouns": ["Groupe", "Société"]}, {"nouns": ["Groupe", "Société"]}
    assert folded_nouns(words) == frozenset({"groupe", "société"})
    assert folded_nouns(words) is folded_nouns(words)
    assert len(built) == 1
    assert folded_nouns(same_content) == folded_nouns(words) and len(built) == 2  # another lexicon


def test_answers_are_forgotten_when_the_doc_is_given_new_actor_mentions():
    doc, reader = parsed(), Reader()
    reader.object(doc[3])
    reader.object(doc[3])
    doc._.actor_mentions = [ActorMention(10, 19, "groupe")]
    reader.object(doc[3])
    reader.object(doc[3])
    assert reader.walks == 2
