"""The per-Doc token table: offsets, texts, folded forms and lemmas read once per document.

Docs are built by hand (words, spaces, lemmas), so the tests pin what the table holds without
the model.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from chronique.nlp.extensions import register_extensions, remember_text, text_of
from chronique.nlp.tokens import Occurrences, expanded_bounds, first_token_from, token_table

register_extensions()
VOCAB = spacy.blank("fr").vocab

#: "L’Élysée a répondu : « Non. »"
WORDS = ["L’", "Élysée", "a", "répondu", ":", "«", "Non", ".", "»"]
SPACES = [False, True, True, True, True, True, False, True, False]
LEMMAS = ["le", "Élysée", "avoir", "répondre", ":", "«", "non", ".", "»"]


def answer() -> Doc:
    return Doc(VOCAB, words=WORDS, spaces=SPACES, lemmas=LEMMAS)


def test_the_table_holds_each_tokens_offsets_and_text_as_spacy_gives_them():
    doc = answer()
    table = token_table(doc)
    assert table.texts == [t.text for t in doc]
    assert table.starts == [t.idx for t in doc]
    assert table.ends == [t.idx + len(t.text) for t in doc]
    assert table.texts[1] == "Élysée" and table.starts[1] == 2 and table.ends[1] == 8


def test_folded_forms_are_lower_case_with_straight_apostrophes_and_lemmas_are_the_lemmatizers():
    doc = answer()
    table = token_table(doc)
    assert table.folded[:4] == ["l'", "élysée", "a", "répondu"]
    assert table.lemmas[3] == "répondre"
    assert table.folded_lemmas[:2] == ["le", "élysée"]


def test_the_table_is_built_once_per_doc_and_rebuilt_when_the_doc_changes_length():
    doc = answer()
    assert token_table(doc) is token_table(doc)
    first = token_table(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[5:8])  # "« Non." as one token
    assert token_table(doc) is not first
    assert token_table(doc).texts[5] == "« Non."


def test_first_token_from_a_character_is_the_first_token_starting_there_or_after():
    doc = answer()
    assert first_token_from(doc, 0) == 0
    assert first_token_from(doc, 3) == 2  # inside "Élysée": the next token, "a"
    assert first_token_from(doc, doc[3].idx) == 3
    assert first_token_from(doc, len(doc.text) + 5) == len(doc)


def test_a_remembered_text_is_the_docs_text_without_rebuilding_it():
    text = "Le Sénat a voté."
    doc = spacy.blank("fr").make_doc(text)
    remember_text(doc, text)
    assert text_of(doc) is text
    assert text_of(Doc(VOCAB, words=["Oui", "."], spaces=[False, False])) == "Oui."


def test_the_table_does_not_keep_its_doc_alive():
    import gc
    import weakref

    doc = answer()
    token_table(doc).lemmas  # noqa: B018 - read once, as a component would
    gone = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert gone() is None  # freed by reference counting alone, no cycle through user_data
    finally:
        gc.enable()


def test_parts_of_speech_and_punctuation_are_read_as_the_tokens_give_them():
    doc = Doc(VOCAB, words=WORDS, spaces=SPACES, lemmas=LEMMAS,
              pos=["DET", "PROPN", "AUX", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT", "PUNCT"])
    table = token_table(doc)
    assert table.pos[:4] == ["DET", "PROPN", "AUX", "VERB"]
    assert table.pos == [t.pos_ for t in doc]
    assert table.is_punct == [False, False, False, False, True, True, False, True, True]


def test_a_memo_lives_with_the_table_and_goes_when_the_doc_is_retokenised():
    doc = answer()
    token_table(doc).memo.setdefault("asker", {})[1] = "Élysée seen"
    assert token_table(doc).memo["asker"] == {1: "Élysée seen"}
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[5:8])
    assert token_table(doc).memo == {}


def test_sentence_starts_are_those_of_doc_sents():
    # "Il pleut . Elle sort . Fin": sentences preset as the parser would leave them
    words = ["Il", "pleut", ".", "Elle", "sort", ".", "Fin"]
    doc = Doc(VOCAB, words=words, sent_starts=[True, False, False, True, False, False, True])
    table = token_table(doc)
    assert table.sentence_starts == [s.start for s in doc.sents] == [0, 3, 6]
    assert table.sentence_start_chars == [s.start_char for s in doc.sents] == [0, 11, 23]


def test_sentence_starts_of_a_doc_without_sentences_is_spacys_own_error():
    doc = answer()
    with pytest.raises(ValueError) as spacy_error:
        list(doc.sents)
    with pytest.raises(ValueError) as error:
        _ = token_table(doc).sentence_starts
    assert str(error.value) == str(spacy_error.value)


def test_expanded_bounds_are_those_of_an_expanded_char_span_at_every_offset():
    # "  Le  groupe, dit-il ." : leading and doubled spaces are tokens of their own
    nlp = spacy.blank("fr")
    doc = nlp.make_doc("  Le  groupe, dit-il .\n")
    length = len(doc.text)
    for start in range(-1, length + 2):
        for end in range(start, length + 2):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = None if span is None else (span.start, span.end)
            assert expanded_bounds(doc, start, end) == expected, (start, end)


def test_expanded_bounds_of_an_empty_doc_are_none():
    assert expanded_bounds(spacy.blank("fr").make_doc(""), 0, 1) is None


#: "Le Sénat a voté 12 lois . Puis il  part" (a double space: a space token), parsed by hand.
PARSED_WORDS = ["Le", "Sénat", "a", "voté", "12", "lois", ".", "Puis", "il", " ", "part"]
PARSED_SPACES = [True, True, True, True, True, False, True, True, True, False, False]
PARSED_HEADS = [1, 3, 3, 3, 5, 3, 3, 10, 10, 8, 10]
PARSED_DEPS = ["det", "nsubj", "aux:tense", "ROOT", "nummod", "obj", "punct", "advmod", "nsubj", "dep", "ROOT"]
PARSED_STARTS = [True, False, False, False, False, False, False, True, False, False, False]


def parsed() -> Doc:
    return Doc(VOCAB, words=PARSED_WORDS, spaces=PARSED_SPACES, heads=PARSED_HEADS, deps=PARSED_DEPS,
               sent_starts=PARSED_STARTS)


def test_dependencies_heads_and_sentence_starts_are_read_as_the_parse_gives_them():
    doc = parsed()
    table = token_table(doc)
    assert table.deps == PARSED_DEPS == [t.dep_ for t in doc]
    assert table.heads == PARSED_HEADS == [t.head.i for t in doc]  # heads before and after the token
    assert table.sent_starts == [bool(t.is_sent_start) for t in doc]
    assert [i for i, start in enumerate(table.sent_starts) if start] == [0, 7]


def test_lexical_flags_and_lower_forms_are_the_tokens_own():
    doc = parsed()
    table = token_table(doc)
    assert table.like_num == [t.like_num for t in doc] and table.like_num[4] is True
    assert table.is_stop == [t.is_stop for t in doc] and table.is_stop[0] and not table.is_stop[1]
    assert table.is_space == [t.is_space for t in doc] == [False] * 9 + [True, False]
    assert table.is_lower == [t.is_lower for t in doc] and table.is_lower[:3] == [False, False, True]
    assert table.lowers == [t.lower_ for t in doc] and table.lowers[1] == "sénat"


def test_a_spans_text_is_cut_from_the_documents_text():
    doc = parsed()
    table = token_table(doc)
    assert table.span_text(0, 2) == doc[0:2].text == "Le Sénat"
    assert table.span_text(5, 7) == doc[5:7].text == "lois."  # no space between them
    assert table.span_text(8, 11) == doc[8:11].text
    assert table.span_text(3, 3) == doc[3:3].text == ""


def test_positions_are_those_of_the_tokens_whose_folded_form_or_lemma_is_listed_in_order():
    # "Le groupe a dit : les Groupes l’ont dit ."
    words = ["Le", "groupe", "a", "dit", ":", "les", "Groupes", "l’", "ont", "dit", "."]
    lemmas = ["le", "groupe", "avoir", "dire", ":", "le", "groupe", "le", "avoir", "dire", "."]
    doc = Doc(VOCAB, words=words, lemmas=lemmas)
    table = token_table(doc)
    assert table.positions({"groupe"}) == [1]
    assert table.positions({"groupe"}, lemmas=True) == [1, 6]  # "Groupes" by its lemma
    assert table.positions({"le", "dit"}) == [0, 3, 9]
    assert table.positions({"le", "dit"}, lemmas=True) == [0, 3, 5, 7, 9]  # each once, "l’" by its lemma
    assert table.positions({"l'"}) == [7]  # apostrophes folded
    assert table.positions(set()) == []


def test_a_token_is_in_a_subtree_as_spacy_walks_it():
    doc = parsed()
    table = token_table(doc)
    for root in range(len(doc)):
        subtree = {t.i for t in doc[root].subtree}
        assert [table.in_subtree(i, root) for i in range(len(doc))] == [i in subtree for i in range(len(doc))]
    assert table.in_subtree(0, 3) and table.in_subtree(4, 5) and not table.in_subtree(4, 1)


def test_occurrences_give_each_forms_positions_in_order():
    occurrences = Occurrences(["le", "groupe", "le", "dit", "le"])
    assert list(occurrences.first) == ["le", "groupe", "dit"]
    assert occurrences.of("le") == [0, 2, 4]
    assert occurrences.of("dit") == [3]
    assert occurrences.of("absent") == []
    assert Occurrences([]).of("le") == []


def test_occurrences_among_words_are_the_positions_of_the_listed_forms_from_either_side():
    occurrences = Occurrences(["le", "groupe", "le", "dit", "le"])
    # fewer words than forms: each word looked up; more: each form tested; the same positions
    assert sorted(occurrences.among({"le"})) == [0, 2, 4]
    assert sorted(occurrences.among(frozenset({"dit", "groupe", "absent", "autre", "mot"}))) == [1, 3]
    assert sorted(occurrences.among(("dit", "le"))) == [0, 2, 3, 4]  # any container
    assert occurrences.among(set()) == []
