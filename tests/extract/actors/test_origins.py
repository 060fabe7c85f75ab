"""Agreement of a description's adjective of origin and kind with the actor it stands for.

Sentences written for this test, on other actors and subjects than any evaluation article.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.data import lexicon
from chronique.extract.actors.origins import origin_forms
from tests.conftest import run_dated


def test_every_form_of_an_adjective_of_origin_names_its_country():
    forms = origin_forms(lexicon("fr", "actors"))
    expected = {"suédoise": "SE", "suédois": "SE", "italiennes": "IT", "californienne": "US",
                "berlinoises": "DE", "grecque": "GR", "belge": "BE", "norvégiens": "NO"}
    assert {form: forms.get(form) for form in expected} == expected



def resolved(nlp, text: str, surface: str) -> str | None:
    doc = run_dated(nlp, text, dt.date(2024, 10, 2))
    for mention in doc._.actor_mentions:
        if doc.text[mention.start : mention.end].lower() == surface.lower():
            return mention.key
    return None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the knowledge base's country: the Swedish firm is not the American subject
        ("Verizon a signé un contrat avec Ericsson pour ses antennes. Selon Verizon, la firme suédoise "
         "livrera dès l'été.", "la firme", "ericsson"),
        ("AT&T a signé avec Nokia un accord de dix ans. Pour la firme finlandaise, le contrat est modeste.",
         "la firme", "nokia"),
        # the article's own word for an actor the knowledge base does not know
        ("Le groupe néerlandais Halvex a racheté le fabricant berlinois Brunnwerk. Halvex paiera comptant "
         "et la société allemande gardera son nom.", "la société", "org:Brunnwerk"),
        # a regional adjective places an actor in its country
        ("Ford a vendu une usine à Toyota en Ohio. Le constructeur texan a confirmé la vente.",
         "le constructeur", "ford"),
        # a trade noun never stands for an institution, even unflagged
        ("Ferrari est visée par une enquête de la Commission nationale de l'énergie. Selon l'entreprise, "
         "cette enquête est infondée.", "l'entreprise", "ferrari"),
        # but an organisation may well be one
        ("Ferrari a été sanctionné par la Commission nationale de l'énergie. L'organisation a infligé "
         "deux amendes.", "l'organisation", "org:Commission nationale de l'énergie"),
        # a trade noun of the lexicon's families, with a phrase of the verb after it; the subject of
        # its own clause is not what the object stands for
        ("La start-up Halvex a été visée par une plainte de Brunnwerk. La Cnil a sanctionné la medtech "
         "d'une amende de deux millions d'euros.", "la medtech", "org:Halvex"),
        ("Halvex a racheté Brunnwerk. Le groupe Orvane a ensuite attaqué le conglomérat en justice.",
         "le conglomérat", "org:Halvex"),
        # the one actor the article called by the trade noun
        ("La plateforme Quorvane a été sanctionnée par l'Autorité de la concurrence, saisie par Brennic. "
         "L'Autorité a condamné la plateforme à une amende.", "la plateforme", "org:Quorvane"),
    ],
)
def test_a_description_stands_for_an_actor_of_its_origin(nlp, text, surface, expected):
    assert resolved(nlp, text, surface) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # only American companies in view: "la firme suédoise" is none of them
        ("Verizon a signé un contrat avec Ford. Selon Verizon, la firme suédoise livrera dès l'été.",
         "la firme"),
        ("Nintendo a attaqué Sony en justice à Tokyo. Le groupe coréen a refusé de commenter.",
         "le groupe"),
    ],
)
def test_a_description_of_another_origin_stays_unresolved(nlp, text, surface):
    assert resolved(nlp, text, surface) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of the sentence before, when it is one organisation and no woman is in view
        ("La société Orvane a racheté Brix pour deux milliards. Elle s'était offert Nuvio en 2020.",
         "org:Orvane"),
        # the subject of the verb whose complement clause the pronoun opens
        ("La société Orvane a indiqué qu'elle ferait appel de la décision.", "org:Orvane"),
        # a woman in view comes first
        ("Claire Dumas dirige la société Orvane. La société Orvane a racheté Brix. Elle a salué l'opération.",
         "person:Claire Dumas"),
        # a common noun was the topic; a stressed pronoun is no subject; a relative clause is no complement
        ("La société Orvane a racheté Brix. La décision a surpris. Elle a été critiquée.", None),
        ("La société Orvane annonce une hausse de ses prix. Elle sera de dix pour cent.", None),
        ("La société Orvane a racheté Brix. La société Nuvio, basée à Lyon, a quant à elle saisi la justice.",
         None),
        ("La Cnil a sanctionné la société Orvane pour les clients dont elle traite les données.", None),
    ],
)
def test_elle_continues_an_organisation_only_when_clear(nlp, text, expected):
    doc = run_dated(nlp, text, dt.date(2024, 10, 2))
    keys = [m.key for m in doc._.actor_mentions if doc.text[m.start : m.end].lower() == "elle"]
    assert keys == ([expected] if expected else [])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # any head of a government stands for the one government the article names
        ("L'État français a pris une participation dans Halvex. Le gouvernement veut garder le contrôle.",
         {"État français": "org:État français", "gouvernement": "org:État français"}),
        # "dont le gouvernement" is the relative's antecedent's, not the article's government
        ("Le gouvernement allemand a racheté Brix. La société était contrôlée par Halvex, basée en Norvège, "
         "dont le gouvernement détient 40 %. Le gouvernement a payé.",
         {"gouvernement allemand": "org:gouvernement allemand", "gouvernement": "org:gouvernement allemand"}),
        # "le chef de l'État" may be any state's: a title's complement is not the government named
        ("Le gouvernement espagnol a protesté. Le Kremlin a démenti que le chef de l'État soit malade.",
         {"gouvernement espagnol": "org:gouvernement espagnol"}),
        # two governments named: "le gouvernement" is neither
        ("Le gouvernement italien a bloqué la vente de Brix. Le gouvernement espagnol a protesté. Le "
         "gouvernement a ensuite reculé.", {"gouvernement italien": "org:gouvernement italien",
                                            "gouvernement espagnol": "org:gouvernement espagnol"}),
    ],
)
def test_a_bare_government_is_the_one_the_article_names(nlp, text, surfaces):
    doc = run_dated(nlp, text, dt.date(2024, 10, 2))
    found = [(doc.text[m.start : m.end], m.key) for m in doc._.actor_mentions
             if doc.text[m.start : m.end] in surfaces]
    assert dict(found) == surfaces
    if "dont" in text:
        assert [k for s, k in found if s == "gouvernement"] == ["org:gouvernement allemand"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a news agency or newspaper the article quotes is its source, never "la société"
        ("Le document a été consulté par Reuters. Selon la société, les ventes de Kelvora ont doublé.",
         "la société", None),
        # a press noun may stand for it
        ("Le Figaro a publié l'enquête mardi. Le quotidien affirme que trois ministres étaient informés.",
         "le quotidien", "le-figaro"),
    ],
)
def test_a_news_outlet_is_described_only_by_a_press_noun(nlp, text, surface, expected):
    assert resolved(nlp, text, surface) == expected
