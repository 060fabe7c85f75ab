"""Money amounts: table-driven tests of :func:`find_money` and the ``chronique_money`` component."""

from __future__ import annotations

import pytest
import spacy

from chronique.extract.money.component import find_money
from chronique.model import Money

NBSP, NNBSP = "\u00a0", "\u202f"

# (lang, text, [(span text, amount, currency), ...]) -- every amount found, in order.
CASES = [
    # French, number first
    ("fr", "pour 97,4 milliards de dollars.", [("97,4 milliards de dollars", 97_400_000_000, "USD")]),
    ("fr", "pour 9,74 milliards de dollars si tu veux", [("9,74 milliards de dollars", 9_740_000_000, "USD")]),
    ("fr", "une offre de 9,74 Md$", [("9,74 Md$", 9_740_000_000, "USD")]),
    ("fr", "levée de 10 M€", [("10 M€", 10_000_000, "EUR")]),
    ("fr", "500 millions d'euros", [("500 millions d'euros", 500_000_000, "EUR")]),
    ("fr", "500 millions d’euros", [("500 millions d’euros", 500_000_000, "EUR")]),
    ("fr", "1,5 milliard d'euros", [("1,5 milliard d'euros", 1_500_000_000, "EUR")]),
    ("fr", "3 000 euros", [("3 000 euros", 3000, "EUR")]),
    ("fr", f"3{NBSP}000 €", [(f"3{NBSP}000 €", 3000, "EUR")]),
    ("fr", f"3{NNBSP}000{NNBSP}€", [(f"3{NNBSP}000{NNBSP}€", 3000, "EUR")]),
    ("fr", "1.000.000 € saisis", [("1.000.000 €", 1_000_000, "EUR")]),
    ("fr", "12,5 k€", [("12,5 k€", 12_500, "EUR")]),
    ("fr", "5 millions USD", [("5 millions USD", 5_000_000, "USD")]),
    ("fr", "20 millions de francs suisses", [("20 millions de francs suisses", 20_000_000, "CHF")]),
    ("fr", "8 milliards de yuans", [("8 milliards de yuans", 8_000_000_000, "CNY")]),
    ("fr", "2 millions de livres sterling", [("2 millions de livres sterling", 2_000_000, "GBP")]),
    ("fr", "30 millions de dollars canadiens", [("30 millions de dollars canadiens", 30_000_000, "CAD")]),
    # French, number words
    ("fr", "un milliard de dollars", [("un milliard de dollars", 1_000_000_000, "USD")]),
    ("fr", "un milliard et demi de dollars", [("un milliard et demi de dollars", 1_500_000_000, "USD")]),
    ("fr", "un demi-milliard d'euros", [("un demi-milliard d'euros", 500_000_000, "EUR")]),
    ("fr", "deux millions d'euros", [("deux millions d'euros", 2_000_000, "EUR")]),
    ("fr", "trois mille euros", [("trois mille euros", 3000, "EUR")]),
    # approximations are kept in the span, the amount is the stated one
    ("fr", "près de 100 milliards de dollars", [("près de 100 milliards de dollars", 100_000_000_000, "USD")]),
    ("fr", "plus d'un milliard d'euros", [("plus d'un milliard d'euros", 1_000_000_000, "EUR")]),
    ("fr", "environ 100.000 €.", [("environ 100.000 €", 100_000, "EUR")]),
    # ranges: one amount per bound, the lower one borrowing scale and currency
    ("fr", "entre 10 et 20 millions d'euros",
     [("10", 10_000_000, "EUR"), ("20 millions d'euros", 20_000_000, "EUR")]),
    ("fr", "10 à 20 M€", [("10", 10_000_000, "EUR"), ("20 M€", 20_000_000, "EUR")]),
    ("fr", "10-20 M€", [("10", 10_000_000, "EUR"), ("20 M€", 20_000_000, "EUR")]),
    ("fr", "passé de 30 à 20 millions d'euros",
     [("30", 30_000_000, "EUR"), ("20 millions d'euros", 20_000_000, "EUR")]),
    ("fr", "de 10 millions à 20 millions d'euros",
     [("10 millions", 10_000_000, "EUR"), ("20 millions d'euros", 20_000_000, "EUR")]),
    ("fr", "le 30 octobre 2025 - 20 millions d'euros", [("20 millions d'euros", 20_000_000, "EUR")]),
    # unknown amounts: the currency is known, the amount is not
    ("fr", "des centaines de milliards de dollars", [("des centaines de milliards de dollars", None, "USD")]),
    ("fr", "se chiffrant en centaines de milliards de dollars", [("centaines de milliards de dollars", None, "USD")]),
    ("fr", "plusieurs millions d'euros", [("plusieurs millions d'euros", None, "EUR")]),
    ("fr", "des milliards de dollars", [("des milliards de dollars", None, "USD")]),
    # English
    ("en", "a $97.4 billion bid", [("$97.4 billion", 97_400_000_000, "USD")]),
    ("en", "raised €10m", [("€10m", 10_000_000, "EUR")]),
    ("en", "a £3bn deal", [("£3bn", 3_000_000_000, "GBP")]),
    ("en", "1.2 million dollars", [("1.2 million dollars", 1_200_000, "USD")]),
    ("en", "USD 5 million", [("USD 5 million", 5_000_000, "USD")]),
    ("en", "2,500 dollars", [("2,500 dollars", 2500, "USD")]),
    ("en", "US$ 4bn", [("US$ 4bn", 4_000_000_000, "USD")]),
    ("en", "C$3 billion", [("C$3 billion", 3_000_000_000, "CAD")]),
    ("en", "a billion dollars", [("a billion dollars", 1_000_000_000, "USD")]),
    ("en", "one and a half billion dollars", [("one and a half billion dollars", 1_500_000_000, "USD")]),
    ("en", "a hundred million dollars", [("a hundred million dollars", 100_000_000, "USD")]),
    ("en", "nearly $100 billion", [("nearly $100 billion", 100_000_000_000, "USD")]),
    ("en", "3 million pounds", [("3 million pounds", 3_000_000, "GBP")]),
    ("en", "5 trillion won", [("5 trillion won", 5_000_000_000_000, "KRW")]),
    ("en", "€10 more", [("€10", 10, "EUR")]),
    ("en", "between $10 and $20 million", [("$10", 10_000_000, "USD"), ("$20 million", 20_000_000, "USD")]),
    ("en", "$10-20 million", [("$10", 10_000_000, "USD"), ("20 million", 20_000_000, "USD")]),
    ("en", "from 10 to 20 million dollars",
     [("10", 10_000_000, "USD"), ("20 million dollars", 20_000_000, "USD")]),
    ("en", "billions of dollars", [("billions of dollars", None, "USD")]),
    ("en", "hundreds of millions of dollars", [("hundreds of millions of dollars", None, "USD")]),
    ("en", "several million euros", [("several million euros", None, "EUR")]),
]

# Numbers that are not money.
NOT_MONEY = [
    ("fr", "97,4 %"),
    ("fr", "sept ans de différends"),
    ("fr", "sept ans et demi"),
    ("fr", "3 000 habitants"),
    ("fr", "en 2025"),
    ("fr", "9,74"),
    ("fr", "une victoire 3-1"),
    ("fr", "10 millions de livres vendus"),
    ("fr", "un euro fort"),
    ("fr", "une course de 10 m"),
    ("fr", "les millionnaires"),
    ("en", "200 pounds of flour"),
    ("en", "they won 3 games"),
    ("en", "a 10m sprint"),
    ("en", "97.4 percent in 2025"),
]

# A bare figure after a word of paying takes the currency of the amount stated before it.
IMPLIED_CURRENCY = [
    ("La SNCF a commandé des rames pour 2,4 milliards d'euros. Alstom devra livrer, et la région "
     "versera ensuite près de 300 millions pour l'entretien.",
     [("2,4 milliards d'euros", 2_400_000_000, "EUR"), ("près de 300 millions", 300_000_000, "EUR")]),
    ("Le fonds japonais a misé 90 milliards de yens sur la puce. Le rachat de la filiale a coûté 12 milliards.",
     [("90 milliards de yens", 90_000_000_000, "JPY"), ("12 milliards", 12_000_000_000, "JPY")]),
    # no amount stated before: a bare figure stays a number
    ("La coopérative a payé 8 millions pour le silo.", []),
    # a noun after the figure counts things; no cue before it, no money
    ("La région a reçu 20 millions d'euros. Elle compte 6 millions d'habitants.",
     [("20 millions d'euros", 20_000_000, "EUR")]),
    ("Le port a investi 50 millions d'euros. Le trafic a atteint 3 millions en juin.",
     [("50 millions d'euros", 50_000_000, "EUR")]),
    # a word that only starts like a cue: "pays", the preposition "vers"
    ("La banque a versé 20 millions d'euros. Ce pays de 83 millions tremble.",
     [("20 millions d'euros", 20_000_000, "EUR")]),
    ("Le club a payé 40 millions d'euros. La population tend vers 83 millions.",
     [("40 millions d'euros", 40_000_000, "EUR")]),
]


@pytest.mark.parametrize(("text", "expected"), IMPLIED_CURRENCY)
def test_bare_figure_takes_the_currency_stated_before(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _found("fr", text) == [(t, float(a), c) for t, a, c in expected]


def _found(lang: str, text: str) -> list[tuple[str, float | None, str]]:
    return [(m.text, m.amount, m.currency) for m in find_money(text, lang)]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_amounts(lang: str, text: str, expected: list[tuple[str, float | None, str]]) -> None:
    assert _found(lang, text) == [(t, None if a is None else float(a), c) for t, a, c in expected]


@pytest.mark.parametrize(("lang", "text"), NOT_MONEY)
def test_not_money(lang: str, text: str) -> None:
    assert find_money(text, lang) == []


def test_amount_is_exact() -> None:
    """Decimal arithmetic: 97,4 × 10^9 is 97 400 000 000 exactly, not 97 399 999 999.99999."""
    [money] = find_money("97,4 milliards de dollars", "fr")
    assert money.amount == 97_400_000_000.0
    [money] = find_money("$0.3 billion", "en")
    assert money.amount == 300_000_000.0


def test_offsets_point_into_the_text() -> None:
    text = "Il propose de racheter OpenAI pour 97,4 milliards de dollars. Altman refuse."
    [money] = find_money(text, "fr")
    assert text[money.start:money.end] == money.text == "97,4 milliards de dollars"
    assert isinstance(money, Money)


def test_amounts_come_in_text_order() -> None:
    found = find_money("10 M€ puis $5 million puis 3 000 €", "fr")
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert [m.currency for m in found] == ["EUR", "USD", "EUR"]


def test_component_sets_doc_money() -> None:
    import chronique.extract.money.component  # noqa: F401  (registers the factory)

    nlp = spacy.blank("fr")
    nlp.add_pipe("chronique_money", config={"lang": "fr"})
    doc = nlp("Une offre de 97,4 milliards de dollars, puis 9,74 Md$.")
    assert [(m.text, m.amount, m.currency) for m in doc._.money] == [
        ("97,4 milliards de dollars", 97_400_000_000.0, "USD"),
        ("9,74 Md$", 9_740_000_000.0, "USD"),
    ]


def test_component_on_english() -> None:
    import chronique.extract.money.component  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("chronique_money", config={"lang": "en"})
    doc = nlp("Musk offered $97.4 billion.")
    assert [(m.text, m.amount) for m in doc._.money] == [("$97.4 billion", 97_400_000_000.0)]


def test_a_broken_elliptical_lexicon_fails_when_the_pipeline_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """A malformed ``[elliptical]`` section stops the build of the money component, not the first
    article that states an amount (an empty text states none, so it never reaches those patterns)."""
    from chronique.extract.money import elliptical
    from chronique.extract.money.component import MoneyFinder

    monkeypatch.setattr(elliptical, "lexicon", lambda lang, name: {"elliptical": {"cues": 5}})
    elliptical._context_patterns.cache_clear()
    try:
        with pytest.raises(TypeError):
            MoneyFinder("fr")
    finally:
        elliptical._context_patterns.cache_clear()


def test_the_amount_regex_skips_positions_after_a_letter_only_when_no_branch_starts_there() -> None:
    """The amount regex gives up right after a letter when every phrase that opens an amount
    (hedges, number words, vague determiners and counts) begins with a word character, as in
    both shipped lexicons; a hedge such as "~" (which ``\\b`` lets follow a letter) turns it off."""
    from chronique.data import lexicon
    from chronique.extract.money.amounts import NOT_AFTER_LETTER, _grammar, _open_on_words

    assert _open_on_words(lexicon("fr", "money")) is True
    assert _open_on_words(lexicon("en", "money")) is True
    assert _grammar("fr").amount_pattern.pattern.startswith(NOT_AFTER_LETTER)
    assert _open_on_words({"phrases": {"approximations": ["environ", "~"]}, "number_words": {"deux": 2}}) is False
    # a word that merely ends like an amount's start is no amount; the amount after it is
    assert _found("fr", "Le plan Lunedeux millions d'euros, puis deux millions d'euros.") == [
        ("deux millions d'euros", 2_000_000.0, "EUR")]
