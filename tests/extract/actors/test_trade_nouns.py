"""A trade noun stands only for an actor the article did not give another trade.

Sentences written for this test, on actors and subjects of our own: an actor the article called
"la banque d'affaires X" is not "le club" of a later sentence, however much it is in focus; "le
fonds d'investissement X" gives X the noun "fonds"; nouns of one trade ("le constructeur", "le
fabricant") and generic nouns ("la société") still agree with it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.extract.actors.trade_nouns import TradeNouns
from tests.conftest import run_dated

pytestmark = pytest.mark.slow

WORDS = {
    "description_nouns": {"ORG": ["banque", "club", "constructeur", "fabricant", "société", "fonds"]},
    "generic_descriptions": {"nouns": ["société"]},
    "trade_noun_families": {"families": [["constructeur", "fabricant"], ["banque", "fonds"]]},
}


def resolved(doc, surface: str) -> str | None:
    for mention in doc._.actor_mentions:
        if doc.text[mention.start : mention.end] == surface:
            return mention.key
    return None


def test_trade_nouns_agree_within_a_family_and_generic_nouns_with_all():
    trades = TradeNouns(WORDS)
    narrow = trades.narrowing("club", {"banque": {"bank"}, "club": {"team"}}, None)
    assert narrow is not None and narrow(["bank", "team", "unnamed"]) == ["team", "unnamed"]
    narrow = trades.narrowing("fabricant", {"constructeur": {"maker"}, "banque": {"bank"}}, None)
    assert narrow is not None and narrow(["maker", "bank"]) == ["maker"]
    assert trades.narrowing("société", {"banque": {"bank"}}, None) is None  # generic: agrees with every actor


def test_the_club_is_not_the_bank_the_article_named_just_before(nlp):
    text = ("Le courrier répond à la banque d'affaires Castelane Partners, mandatée par un homme "
            "d'affaires qui veut racheter le FC Vernay. Cette firme avait contacté les actionnaires la "
            "semaine dernière. Deux jours plus tôt, un communiqué du club annonçant une plainte contre "
            "l'homme d'affaires Paul Rivet avait été publié.")
    doc = run_dated(nlp, text, dt.date(2025, 5, 14))
    assert resolved(doc, "club") == "org:FC Vernay"  # the bank is out: the club is the one candidate left
    assert {(e.type, e.sources, e.targets) for e in doc._.events} == {
        ("SUE", ("org:FC Vernay",), ("person:Paul Rivet",))}


def test_a_trade_noun_given_with_its_complement_names_the_actor_later(nlp):
    text = ("Le fonds d'investissement Ardival a racheté la PME bretonne Kerlann. "
            "Le fonds a annoncé mardi un plan de 40 millions d'euros.")
    doc = run_dated(nlp, text, dt.date(2025, 5, 14))
    ardival = resolved(doc, "Ardival")
    assert ardival is not None and resolved(doc, "Le fonds") == ardival


def test_a_noun_of_the_same_trade_still_names_the_actor(nlp):
    text = ("Le constructeur Veltra a présenté mardi sa nouvelle citadine à Lyon. "
            "Le fabricant prévoit d'en vendre 20 000 exemplaires.")
    doc = run_dated(nlp, text, dt.date(2025, 5, 14))
    veltra = resolved(doc, "Veltra")
    assert veltra is not None and resolved(doc, "Le fabricant") == veltra
