"""Relations that follow the kind the article gives an actor, and known makers a clause away.

Every sentence here was written for this test (other actors and subjects than any evaluation
text); the French model and the actor recognizer run in front of the relation rules.
"""

from __future__ import annotations

import datetime

import pytest

from chronique.nlp.extensions import register_extensions
from tests.conftest import component_pipeline
from tests.extract.relations.test_relations import _annotate

register_extensions()

Expected = set[tuple[str, str, str, str | None]]


@pytest.fixture(scope="module")
def french_nlp():
    return component_pipeline("chronique_actors", "chronique_relations")


def found(nlp, text: str) -> Expected:
    doc = nlp.make_doc(text)
    doc._.dct = datetime.date(2024, 9, 3)
    return {(r.type, r.source, r.target, r.title) for r in nlp(doc)._.relations}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known subsidiary the article presents as a product is its maker's product
        ("Les services phares de Microsoft, comme LinkedIn et Teams, seront facturés davantage.",
         {("PRODUCT_OF", "linkedin", "microsoft", None), ("PRODUCT_OF", "teams", "microsoft", None)}),
        # a product and its known maker a clause apart in one sentence
        ("Sony a déposé plainte mardi contre un fabricant de Shenzhen accusé d'avoir copié sans "
         "vergogne la PlayStation et ses manettes.",
         {("PRODUCT_OF", "playstation", "sony", None)}),
        # goods sold to customers keep their maker
        ("Sony a annoncé jeudi à ses actionnaires que, malgré les nouveaux droits de douane, la "
         "PlayStation vendue aux États-Unis resterait fabriquée en Chine.",
         {("PRODUCT_OF", "playstation", "sony", None)}),
        # quiet: the article tells a sale of the product, the base does not speak for it
        ("Selon deux analystes, Sony réfléchit depuis des mois à la cession de la PlayStation, "
         "jugée trop coûteuse.", set()),
        # a bare title: the knowledge base knows the post, the article names the organisation
        ("Apple a publié jeudi des ventes en baisse en Chine. Le PDG Tim Cook a promis un "
         "redressement d'ici l'été.", {("ROLE", "tim-cook", "apple", "ceo")}),
        # quiet: the organisation is not named, or the title is not the known one
        ("Le PDG Tim Cook a rencontré le président de la République mercredi à Paris.", set()),
        ("Apple a publié jeudi ses ventes. Le fondateur Tim Cook a promis un redressement.", set()),
        # quiet: a maker named only by a description is no name (named after it, the description is
        # that name: extract/actors/coref_cataphora.py)
        ("Le géant japonais, qui a publié ses comptes la semaine dernière, a enfin présenté la "
         "nouvelle PlayStation. Le prix n'a pas été donné.", set()),
    ],
)
def test_relations_follow_the_article(french_nlp, text: str, expected: Expected) -> None:
    assert found(french_nlp, text) == expected


def test_a_product_named_after_its_maker_is_not_another_possessors():
    """"son service Norvane Tunes" after Brindle is named: Norvane's, by its name, not Brindle's
    (on a blank Doc the possessor is the last organisation named before "son")."""
    text = "Norvane n'a pas réagi. Selon Brindle, son service Norvane Tunes est en panne depuis lundi."
    actors = {"Norvane": ("norvane", "ORG", "name"), "Brindle": ("brindle", "ORG", "name"),
              "Norvane Tunes": ("tunes", "PRODUCT", "name")}
    found = {(r.type, r.source, r.target) for r in _annotate("fr", text, actors)._.relations}
    assert found == {("PRODUCT_OF", "tunes", "norvane")}


def named(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = nlp.make_doc(text)
    doc._.dct = datetime.date(2024, 9, 3)
    doc = nlp(doc)
    names = {e.key: e.name for e in doc._.entities}
    return {(r.type, names[r.source], names[r.target]) for r in doc._.relations}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the goods of other trades than tech and media, announced by a plural and listed
        ("Nestlé a cédé son activité de glaces. Nestlé se recentre sur ses eaux minérales, comme "
         "Perrier et Vittel.", {("PRODUCT_OF", "Perrier", "Nestlé"), ("PRODUCT_OF", "Vittel", "Nestlé")}),
        ("Le laboratoire Norvex mise sur ses antidouleurs, comme Calmedol et Sedorane, pour 2025.",
         {("PRODUCT_OF", "Calmedol", "Norvex"), ("PRODUCT_OF", "Sedorane", "Norvex")}),
        # who sells it, said by a noun of the task
        ("Le groupe a annoncé la cession de la filiale Velmira, responsable de la commercialisation "
         "du Calmidol, à un fonds américain.", {("PRODUCT_OF", "Calmidol", "Velmira")}),
        # a plural product noun, its maker's brand, then examples, each with its own noun
        ("Tencent veut racheter le catalogue des jeux Nintendo, avec, entre autres, la saga Zelora, "
         "la série télévisée Pikoro, ou encore des classiques comme Marvo ou Donkor.",
         {("PRODUCT_OF", "Zelora", "Nintendo"), ("PRODUCT_OF", "Pikoro", "Nintendo"),
          ("PRODUCT_OF", "Marvo", "Nintendo"), ("PRODUCT_OF", "Donkor", "Nintendo")}),
        # quiet: brands after a plural with no list word, and a company beside a group's subsidiaries
        ("Les clients achètent surtout les smartphones Huawei et Honor en Asie.", set()),
        ("Danone et ses filiales, avec Lactalis, ont signé un accord sur le prix du lait.", set()),
        # quiet: no possessor, no complement: nobody's products
        ("Les eaux minérales, comme Perrier et Vittel, seront davantage taxées en 2025.", set()),
    ],
)
def test_products_of_other_trades(french_nlp, text: str, expected) -> None:
    assert named(french_nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # of two names of one state, a minister serves the government
        ("L'État belge a vendu ses parts de Belfius. « Le gouvernement belge reste vigilant », a dit "
         "Marie Dupont, la ministre des finances belge.",
         {("ROLE", "Marie Dupont", "gouvernement belge")}),
        # a foreign origin said after the title is about others, not the minister's state
        ("Le gouvernement français a réagi jeudi. Le ministre de l'Économie, Paul Martin, a bloqué la "
         "vente de Vardex au groupe américain Kelton.",
         {("ROLE", "Paul Martin", "gouvernement français")}),
        # quiet: a foreign state named before the title
        ("Pour l'Espagne, Lucia Gomez, ancienne ministre de l'agriculture, a jugé l'accord injuste. "
         "Le gouvernement français n'a pas réagi.", set()),
    ],
)
def test_members_of_a_government(french_nlp, text: str, expected) -> None:
    assert {r for r in named(french_nlp, text) if r[0] == "ROLE"} == expected
