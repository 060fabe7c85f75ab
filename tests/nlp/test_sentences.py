"""Sentence starts preset before the parser: paragraph breaks and introduced quotations."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow



def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_headline_is_its_own_sentence(nlp):
    text = "Une Tesla Roadster pour rallumer l'affrontement\n\nLe 30 octobre 2025, Sam Altman publie sur X."
    assert sentences(nlp, text) == [
        "Une Tesla Roadster pour rallumer l'affrontement",
        "Le 30 octobre 2025, Sam Altman publie sur X.",
    ]


def test_a_paragraph_opening_with_a_name_is_not_cut_after_it(nlp):
    text = "Le poids d'OpenAI\n\nOpenAI n'est pas une entreprise ordinaire. Son modèle GPT a tout changé."
    assert sentences(nlp, text)[1] == "OpenAI n'est pas une entreprise ordinaire."


@pytest.mark.parametrize("opening, closing", [('"', '"'), ("« ", " »"), ("“", "”")])
def test_a_quotation_introduced_by_a_colon_stays_in_its_sentence(nlp, opening, closing):
    text = f"Sam Altman réplique sur X : {opening}Non merci, mais on achètera Twitter{closing}, lance-t-il."
    assert len(sentences(nlp, text)) == 1


def test_a_list_of_subjects_is_not_cut_from_its_verb(nlp):
    text = ("Télécoms : SFR change de mains\n\nBouygues Telecom, Free et Orange ont déposé mercredi une "
            "offre commune pour racheter SFR, a appris l'AFP. Patrick Drahi a refusé.")
    assert sentences(nlp, text) == [
        "Télécoms : SFR change de mains",
        "Bouygues Telecom, Free et Orange ont déposé mercredi une offre commune pour racheter SFR, a appris l'AFP.",
        "Patrick Drahi a refusé.",
    ]


def test_sentences_still_end_at_final_punctuation_and_quotes(nlp):
    text = "Elon Musk a parlé. « Non merci. » Sam Altman a répondu ! Puis il est parti…"
    assert sentences(nlp, text) == ["Elon Musk a parlé.", "« Non merci. »", "Sam Altman a répondu !", "Puis il est parti…"]
