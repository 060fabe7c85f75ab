"""The actor index: which actor is at a token, over a character range, in a phrase.

Docs are built by hand (words, heads, labels) and mentions set by hand, so these tests pin the
tie rules without the model or the actor recognizer.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronique.nlp.actor_index import INNERMOST, OUTERMOST, ActorIndex, actor_index, growing_index
from chronique.nlp.extensions import ActorMention, register_extensions

register_extensions()
VOCAB = spacy.blank("fr").vocab

#: "Le patron d'OpenAI a rencontré Sam Altman et Greg Brockman."
WORDS = ["Le", "patron", "d'", "OpenAI", "a", "rencontré", "Sam", "Altman", "et", "Greg", "Brockman", "."]
SPACES = [True, True, False, True, True, True, True, True, True, True, False, False]
HEADS = [1, 5, 3, 1, 5, 5, 5, 6, 9, 6, 9, 5]
DEPS = ["det", "nsubj", "case", "nmod", "aux:tense", "ROOT", "obj", "flat:name", "cc", "conj", "flat:name",
        "punct"]


def meeting() -> Doc:
    doc = Doc(VOCAB, words=WORDS, spaces=SPACES, heads=HEADS, deps=DEPS)
    text = doc.text
    doc._.actor_mentions = [
        ActorMention(0, 18, "sam-altman", "description"),  # "Le patron d'OpenAI"
        ActorMention(12, 18, "openai"),  # "OpenAI"
        ActorMention(text.index("Sam"), text.index(" et"), "sam-altman"),
        ActorMention(text.index("Greg"), text.index("."), "greg-brockman"),
    ]
    return doc


def test_a_token_inside_a_description_is_the_innermost_or_the_outermost_actor():
    doc = meeting()
    index = actor_index(doc)
    openai, patron, verb = doc[3], doc[1], doc[5]
    assert index.at(openai) == "openai"
    assert index.at(openai, INNERMOST) == "openai"
    assert index.at(openai, OUTERMOST) == "sam-altman"
    assert index.mention_at(openai, OUTERMOST) == ActorMention(0, 18, "sam-altman", "description")
    assert index.at(patron, INNERMOST) == index.at(patron, OUTERMOST) == "sam-altman"
    assert index.at(verb) is None and index.mention_at(verb, OUTERMOST) is None


def test_the_mention_at_a_token_index_is_the_mention_at_that_token():
    doc = meeting()
    index = actor_index(doc)
    assert index.mention_at_index(3) == ActorMention(12, 18, "openai")
    assert index.mention_at_index(3, OUTERMOST) == ActorMention(0, 18, "sam-altman", "description")
    assert index.mention_at_index(5) is None
    assert [index.mention_at_index(t.i) for t in doc] == [index.mention_at(t) for t in doc]


def test_equal_mentions_over_a_token_go_to_the_first_by_start():
    doc = Doc(VOCAB, words=["Le", "patron", "d'", "OpenAI"], spaces=[True, True, False, False])
    # "Le patron" [0, 9) and "patron d'" [3, 12) are both nine characters long and cover "patron".
    mentions = [ActorMention(3, 12, "second"), ActorMention(0, 9, "first")]
    index = ActorIndex(doc, mentions)
    assert index.at(doc[1], INNERMOST) == "first"
    assert index.at(doc[1], OUTERMOST) == "first"
    assert [m.key for m in index.mentions] == ["first", "second"]


def test_a_phrase_gives_its_head_then_its_conjuncts():
    doc = meeting()
    sam = doc[6]
    index = actor_index(doc)
    assert index.phrase_actors(sam, conjuncts=sam.conjuncts) == ["sam-altman", "greg-brockman"]
    assert index.phrase_actors(sam) == ["sam-altman"]
    # the subject "patron" is the description; its complement "d'OpenAI" is never taken instead
    assert index.phrase_actors(doc[1]) == ["sam-altman"]


def test_a_noun_that_is_no_actor_takes_the_name_after_it():
    doc = Doc(VOCAB, words=["le", "groupe", "Vivendi"], heads=[1, 1, 1], deps=["det", "ROOT", "nmod"])
    doc._.actor_mentions = [ActorMention(10, 17, "vivendi")]
    index = actor_index(doc)
    assert index.at(doc[1]) is None
    assert index.phrase_actors(doc[1]) == ["vivendi"]
    assert index.phrase_actors(doc[1], names_head=lambda child: child.dep_ == "appos") == []


def test_a_character_range_gives_the_outermost_mentions_left_to_right():
    doc = meeting()
    index = actor_index(doc)
    keys = [(m.start, m.key) for m in index.outermost_between(0, len(doc.text))]
    assert keys == [(0, "sam-altman"), (doc.text.index("Sam"), "sam-altman"), (doc.text.index("Greg"), "greg-brockman")]
    assert [m.key for m in index.outermost_between(15, 20)] == ["sam-altman"]  # overlaps the description
    assert index.outermost_between(doc.text.index("a rencontré"), doc.text.index("Sam")) == []
    assert index.outermost_between(18, 18) == []


def test_the_index_is_built_once_per_doc_and_again_for_new_mentions():
    doc = meeting()
    first = actor_index(doc)
    assert actor_index(doc) is first
    assert doc._.actor_index is first
    doc._.actor_mentions = [ActorMention(12, 18, "openai")]
    rebuilt = actor_index(doc)
    assert rebuilt is not first
    assert rebuilt.at(doc[1]) is None and rebuilt.at(doc[3], OUTERMOST) == "openai"


def test_a_doc_without_mentions_has_no_actors():
    doc = Doc(VOCAB, words=["Il", "pleut", "."])
    index = actor_index(doc)
    assert [index.at(t) for t in doc] == [None, None, None]
    assert index.outermost_between(0, 10) == []


def answers(index: ActorIndex, size: int) -> list:
    return [(index.mention_at_index(i, INNERMOST), index.mention_at_index(i, OUTERMOST)) for i in range(size)]


def test_a_growing_list_of_mentions_is_indexed_as_a_fresh_index_would_be_ties_included():
    doc = meeting()
    text = doc.text
    sam = text.index("Sam")
    mentions = [ActorMention(12, 18, "openai"), ActorMention(sam, text.index(" et"), "sam-altman")]
    first = growing_index(doc, mentions)
    # added later: a description over "OpenAI", a same-width rival starting earlier ("d'OpenA"),
    # a mention with the same bounds as one already there (the first one keeps the token)
    mentions += [ActorMention(0, 18, "sam-altman", "description"), ActorMention(10, 16, "rival"),
                 ActorMention(12, 18, "openai-again")]
    grown = growing_index(doc, mentions)
    fresh = ActorIndex(doc, mentions)
    assert grown is not first and grown.mentions == fresh.mentions
    assert answers(grown, len(doc)) == answers(fresh, len(doc))
    assert grown.mention_at_index(3, INNERMOST).key == "rival"  # as wide as "OpenAI", earlier by start
    assert grown.mention_at_index(3, OUTERMOST).key == "sam-altman"
    assert grown.outermost_between(0, len(text)) == fresh.outermost_between(0, len(text))
    # a list that does not go on from the last one is indexed afresh
    other = [ActorMention(text.index("Greg"), text.index("."), "greg-brockman")]
    assert answers(growing_index(doc, other), len(doc)) == answers(ActorIndex(doc, other), len(doc))
