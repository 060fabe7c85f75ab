"""Relational nouns of several words found at a token, and common first words that start none.

A lexicon of our own (not the shipped one), so that the widths are known; blank-model Docs.
"""

from __future__ import annotations

import spacy

from chronique.extract.relations.nouns import ROLE, NounLexicon
from chronique.nlp.extensions import remember_text

NLP = spacy.blank("fr")
ROLE_NOUNS = {
    "à la tête": ["ceo"],
    "directeur général adjoint": ["coo"],
    "membre du conseil d'administration": ["board_member"],
}


def lexicon() -> NounLexicon:
    return NounLexicon({"part_nouns": ["filiale"]}, ROLE_NOUNS)


def noun_at(text: str, word: str) -> tuple[int, list[str]] | None:
    doc = NLP.make_doc(text)
    remember_text(doc, text)
    i = next(t.i for t in doc if t.text == word)
    found = lexicon().at(doc, i)
    if found is None:
        return None
    width, senses = found
    return width, [title for sense in senses if sense.relation == ROLE for title in sense.titles]


def test_a_noun_of_several_words_is_found_whole_at_its_first_word():
    assert noun_at("Elle est à la tête du groupe.", "à") == (3, ["ceo"])
    assert noun_at("Il devient directeur général adjoint de la société.", "directeur") == (3, ["coo"])
    assert noun_at("Elle est membre du conseil d'administration de X.", "membre") == (5, ["board_member"])  # "d'" is a token


def test_a_common_first_word_followed_by_no_noun_starts_none():
    assert noun_at("Il part à Paris demain à la tête basse.", "à") is None
    assert noun_at("Il devient directeur général de la société.", "directeur") is None
    assert noun_at("Elle est membre du conseil de surveillance.", "membre") is None


def test_a_run_of_spaces_inside_the_noun_is_one_space():
    assert noun_at("Elle est à la  tête du groupe.", "à") == (4, ["ceo"])
