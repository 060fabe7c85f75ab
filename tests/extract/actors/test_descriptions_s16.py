"""Definite descriptions of the sixteenth session: "le syndicat", "la compagnie" for the one
organisation of the article whose name opens with that noun, named earlier.

Sentences written for this test (invented unions, companies and people).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 5, 14)


def _mention(nlp, text: str, surface: str):
    """The description mention over the last occurrence of ``surface``, ``None`` when none."""
    doc = run_dated(nlp, text, PUBLISHED)
    at = text.rindex(surface)
    return next((m for m in doc._.actor_mentions if m.start <= at < m.end and m.kind == "description"), None)


@pytest.mark.parametrize(("text", "surface", "key"), [
    # the insurer and its parent group fill the sentences between: the union is still "le syndicat"
    ("Le Syndicat des boulangers de Rodez a porté plainte mardi contre l'assureur Garance. L'assureur, "
     "filiale du groupe Ambre, conteste ces accusations. « Nos contrats sont clairs », a indiqué l'assureur. "
     "Il rappelle avoir versé deux millions d'euros aux artisans. En mai, l'assureur avait proposé un geste, "
     "que le syndicat avait rejeté.", "syndicat", "org:Syndicat des boulangers"),
    # an association in focus, and "la compagnie" in its president's words
    ("La Compagnie des bacs de Loire a commandé deux navires au chantier Kerval. L'association Loire vivante, "
     "présidée par Paul Morin, critique ce choix. Elle a annoncé un recours devant la justice. « La compagnie "
     "dilapide l'argent public », a dénoncé son président.", "compagnie", "org:Compagnie des bacs de Loire"),
])
def test_a_kind_that_opens_a_name_stands_for_that_organisation(nlp, text, surface, key) -> None:
    mention = _mention(nlp, text, surface)
    assert mention is not None and mention.key == key


@pytest.mark.parametrize(("text", "surface"), [
    # another actor called by the noun: the reader cannot tell which
    ("La Compagnie des bacs de Loire a signé un accord avec la compagnie aérienne Volaris Airlines. Volaris "
     "Airlines transportera les passagers. « Nous sommes prêts », a indiqué la compagnie.", "compagnie"),
    # an adjective of its own: another union
    ("Le Syndicat des boulangers de Rodez a porté plainte contre l'assureur Garance. Le syndicat majoritaire "
     "de la branche, lui, soutient l'assureur.", "syndicat"),
])
def test_no_kind_head_where_another_may_be_meant(nlp, text, surface) -> None:
    mention = _mention(nlp, text, surface)
    assert mention is None or mention.rule != "name-head"


def test_a_name_that_opens_with_a_trade_gives_that_trade() -> None:
    from chronique.extract.actors.trade_nouns import TradeNouns

    trades = TradeNouns({"description_nouns": {"ORG": ["fédération", "club", "groupe"]},
                         "generic_descriptions": {"nouns": ["groupe"]},
                         "trade_noun_families": {"families": [["club", "équipe"]]}})
    entities = {"org:a": {"name": "Fédération des clubs d'Auvergne", "type": "ORG"},
                "org:b": {"name": "Groupe Ardal", "type": "ORG"},  # generic: no trade
                "org:c": {"name": "Fédération", "type": "ORG"}}  # one word: the whole name
    assert trades.name_heads(entities) == {"fédération": {"org:a"}}


@pytest.mark.parametrize(("text", "surface", "not_key"), [
    # a federation whose name says "clubs" is no club
    ("La Fédération des clubs de handball d'Auvergne a infligé jeudi une amende au Stade Vellave, dont "
     "l'entraîneur est suspendu. Le club a réglé l'amende sans la contester.", "Le club",
     "org:Fédération des clubs de handball d'Auvergne"),
])
def test_a_trade_noun_is_not_an_organisation_named_for_another_trade(nlp, text, surface, not_key) -> None:
    mention = _mention(nlp, text, surface)
    assert mention is None or mention.key != not_key


def test_a_possessive_after_a_quote_is_not_the_actor_the_quote_names(nlp) -> None:
    text = ("La Compagnie des bacs de Loire a commandé deux navires au chantier Kerval. L'association Loire "
            "vivante, présidée par Paul Morin, critique ce choix. « La compagnie dilapide l'argent public », a "
            "dénoncé son président, Paul Morin.")
    doc = run_dated(nlp, text, PUBLISHED)
    roles = {(r.source, r.target) for r in doc._.relations if r.type == "ROLE"}
    assert ("person:Paul Morin", "org:Compagnie des bacs de Loire") not in roles


def test_a_description_before_the_verbs_infinitive_is_still_the_actor(nlp) -> None:
    # "accuser X de + infinitive": the "de" phrase is the verb's, not a complement naming another
    text = ("La coopérative fruitière Vergers du Lot a racheté la conserverie Maison Delpech. Le syndicat "
            "agricole Terre et Paysans a dénoncé ce choix. Le syndicat accuse la coopérative de sacrifier ses "
            "adhérents.")
    mention = _mention(nlp, text, "la coopérative")
    assert mention is not None and mention.key == "org:Vergers du Lot"
