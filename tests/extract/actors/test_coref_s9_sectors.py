"""A description that names a sector stands for the candidate the article shows in it
(extract/actors/description_sectors.py).

Sentences written for this test, on invented actors: "le groupe d'investissement" is the fund,
"le groupe pharmaceutique" the laboratory, whoever was named last; two candidates of the sector
leave it unresolved.
"""

from __future__ import annotations

import pytest

from chronique.extract.actors.description_sectors import sector_words
from tests.conftest import resolved_key


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the fund's name says "Capital": it is the investment group, not the club it owns
        ("Brixel Capital, l'actionnaire majoritaire du Racing Club de Valdor, a annoncé lundi une prise de "
         "participation dans le club belge de Lierval. Le groupe d'investissement a confirmé vouloir "
         "conserver ses deux clubs.", "Le groupe", "org:Brixel Capital"),
        # "le laboratoire Helvion" shows pharmacy; the fund named last does not
        ("Le laboratoire Helvion a signé un accord avec le fonds Ardival. Le groupe pharmaceutique a précisé "
         "que l'usine de Tarbes resterait ouverte.", "Le groupe", "org:Helvion"),
        # two candidates show pharmacy (a laboratory, a biotech): the subject in focus among them
        ("Le laboratoire Helvion a racheté la biotech nantaise Quorvane. Le groupe pharmaceutique a versé "
         "deux milliards d'euros aux actionnaires.", "Le groupe", "org:Helvion"),
        # the one cooperative of the article, named beyond the window, not the union in view
        ("La coopérative agricole Terralis a racheté la fromagerie Valbrie. La fromagerie emploie 80 "
         "salariés. Les éleveurs ont salué l'accord. Le syndicat Agrivo a critiqué l'opération. Selon "
         "lui, le géant coopératif contrôle déjà la moitié de la collecte.", "le géant", "org:Terralis"),
    ],
)
def test_the_candidate_of_the_sector_said(nlp, text, surface, expected):
    assert resolved_key(nlp, text, surface) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # two funds: "le groupe d'investissement" is either, so neither
        ("Le fonds Ardival et le fonds Brixel Capital ont investi dans la société Velora. Le groupe "
         "d'investissement a refusé de commenter.", "Le groupe"),
        # two laboratories, both subjects of the sentence in view
        ("Le laboratoire Helvion et le laboratoire Quorvane ont signé un accord. Le groupe pharmaceutique a "
         "précisé que l'usine resterait ouverte.", "Le groupe"),
    ],
)
def test_a_sector_description_without_one_candidate_stays_unresolved(nlp, text, surface):
    assert resolved_key(nlp, text, surface) is None


@pytest.mark.slow
def test_a_bank_is_not_the_investment_fund(nlp):
    """"la banque publique d'investissement" says banking and investment: the fund shows only one,
    the company none, so the description stands for an actor the article does not name."""
    text = ("Le fonds d'investissement Ardival a racheté la société Velora. Selon son président, la banque "
            "publique d'investissement a refusé de suivre.")
    assert resolved_key(nlp, text, "la banque") is None


def test_the_sector_lexicon_has_the_press_sectors():
    """Modifiers the press writes after "le groupe" each name a sector that names show too."""
    words = sector_words("fr")
    for modifier, sector in [("investissement", "investment"), ("pharmaceutique", "pharma"), ("btp", "construction"),
                             ("télécommunications", "telecom"), ("distribution", "retail"), ("bancaire", "banking"),
                             ("ferroviaire", "transport"), ("agroalimentaire", "food"), ("luxe", "fashion")]:
        assert sector in words.modifiers[modifier]
    assert {"pharma"} <= words.evidence["pharmaceuticals"]
    assert {"investment"} <= words.evidence["capital"]


@pytest.mark.slow
def test_a_union_named_by_its_confederation_noun(nlp):
    text = ("La confédération Agrivo a appelé à manifester devant la préfecture. La centrale a dénoncé la "
            "baisse des prix du lait.")
    assert resolved_key(nlp, text, "La centrale") == "org:Agrivo"
