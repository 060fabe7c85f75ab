"""The per-Doc parse table: heads, labels, children, sentences and features as plain lists.

Docs are built by hand (words, heads, deps, morphs, sentence starts), so the tests pin what the
table holds without the model, and check it against what spaCy's ``Token`` gives.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronique.nlp.extensions import register_extensions, remember_text
from chronique.nlp.parse_table import features_of, parse_table

register_extensions()
VOCAB = spacy.blank("fr").vocab

#: "Orange a racheté la société. Elle aurait refusé."
WORDS = ["Orange", "a", "racheté", "la", "société", ".", "Elle", "aurait", "refusé", "."]
HEADS = [2, 2, 2, 4, 2, 2, 8, 8, 8, 8]
DEPS = ["nsubj", "aux:tense", "ROOT", "det", "obj", "punct", "nsubj", "aux:tense", "ROOT", "punct"]
LEMMAS = ["Orange", "avoir", "racheter", "le", "société", ".", "il", "avoir", "refuser", "."]
MORPHS = ["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "Gender=Masc|Tense=Past|VerbForm=Part",
          "Definite=Def|PronType=Art", "Gender=Fem|Number=Sing", "", "Gender=Fem|Person=3",
          "Mood=Cnd|Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part", ""]
SPACES = [True, True, True, True, False, True, True, True, False, False]


def two_sentences() -> Doc:
    doc = Doc(VOCAB, words=WORDS, spaces=SPACES, heads=HEADS, deps=DEPS, lemmas=LEMMAS, morphs=MORPHS,
              sent_starts=[True, False, False, False, False, False, True, False, False, False])
    remember_text(doc, "Orange a racheté la société. Elle aurait refusé.")
    return doc


def test_heads_labels_and_children_are_spacys_by_index():
    doc = two_sentences()
    table = parse_table(doc)
    assert table.heads == [t.head.i for t in doc]
    assert table.heads[0] == 2 and table.heads[2] == 2  # a root is its own head
    assert table.deps == [t.dep_ for t in doc]
    assert [list(kids) for kids in table.children] == [[c.i for c in t.children] for t in doc]
    assert list(table.children[2]) == [0, 1, 4, 5]  # left to right, as Token.children gives them
    assert not table.children[3]


def test_sentence_bounds_are_the_sentence_spans_of_each_token():
    doc = two_sentences()
    table = parse_table(doc)
    assert [table.sentence_bounds(t.i) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
    assert table.sentence_bounds(7) == (6, 10)
    assert table.sentence_chars(0) == (0, 28)  # "Orange a racheté la société."
    assert table.sentence_chars(9) == (29, 48)


def test_features_hold_what_morph_get_lists():
    doc = two_sentences()
    assert features_of(doc[7]).get("Mood", ()) == ("Cnd",)
    assert features_of(doc[2]).get("VerbForm", ()) == ("Part",)
    assert features_of(doc[0]) == {}  # no analysis
    for token in doc:
        for name in ("Mood", "Tense", "VerbForm", "PronType", "Gender", "Polarity"):
            assert list(features_of(token).get(name, ())) == token.morph.get(name, [])


def test_a_feature_with_several_values_lists_them_all():
    doc = Doc(VOCAB, words=["leur"], morphs=["Number=Plur,Sing|Poss=Yes"])
    assert features_of(doc[0]).get("Number", ()) == ("Plur", "Sing")
    assert doc[0].morph.get("Number") == ["Plur", "Sing"]


def test_a_sentence_has_a_word_by_its_folded_form_or_its_lemma():
    doc = two_sentences()
    table = parse_table(doc)
    assert table.any_in_sentence(frozenset({"societe", "société"}), 2)
    assert table.any_in_sentence(frozenset({"racheter"}), 0)  # a lemma
    assert table.any_in_sentence(frozenset({"orange"}), 4)  # a folded form
    assert not table.any_in_sentence(frozenset({"société"}), 7)  # in the other sentence only
    assert not table.any_in_sentence(frozenset(), 0)


def test_the_table_is_kept_and_made_again_for_a_retokenised_doc():
    doc = two_sentences()
    table = parse_table(doc)
    assert parse_table(doc) is table
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[3:5])
    again = parse_table(doc)
    assert again is not table and len(again) == len(doc) == 9
    assert again.deps == [t.dep_ for t in doc]


def test_an_empty_doc_has_an_empty_table():
    table = parse_table(Doc(VOCAB, words=[]))
    assert len(table) == 0 and table.heads == [] and table.children == [] and table.features == []


def test_conjuncts_are_spacys_by_index():
    # "Orange, Free et Bouygues ont signé avec SFR et Iliad."
    words = ["Orange", ",", "Free", "et", "Bouygues", "ont", "signé", "avec", "SFR", "et", "Iliad", "."]
    heads = [6, 2, 0, 4, 0, 6, 6, 8, 6, 10, 8, 6]
    deps = ["nsubj", "punct", "conj", "cc", "conj", "aux:tense", "ROOT", "case", "obl:arg", "cc", "conj", "punct"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    table = parse_table(doc)
    assert table.conjuncts(0) == [2, 4]  # the first conjunct: the others, left to right
    assert table.conjuncts(4) == [0, 2]  # a later one: the first, then the others but itself
    assert table.conjuncts(10) == [8]
    assert table.conjuncts(6) == []
    assert [table.conjuncts(t.i) for t in doc] == [[c.i for c in t.conjuncts] for t in doc]
