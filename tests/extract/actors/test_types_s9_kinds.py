"""One kind per actor per article: a company or a product, as the text presents it.

Every sentence here was written for this test (other actors and subjects than any evaluation
text). A known name keeps the knowledge base's type unless the article presents it as the other
kind, and only when every cue of the article agrees; an unknown name takes its cue's type.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.data import lexicon
from chronique.extract.actors.doc_kinds import DocumentKinds
from tests.conftest import component_pipeline, run_dated


def test_a_neutral_cue_gives_no_kind():
    """"la marque X", "la plateforme X" say nothing of the kind: no vote."""
    words, kinds = lexicon("fr", "actors"), lexicon("fr", "kinds")
    decider = DocumentKinds(words, kinds, words["cue_contractions"])
    assert decider.cues.type_at_end("la marque") is None
    assert decider.cues.type_at_end("la plateforme") is None
    assert decider.cues.type_at_end("l'application") == "PRODUCT"
    assert decider.cues.type_at_end("la start-up") == "ORG"
    assert decider.cues.type_at_end("sur son réseau") == "PRODUCT"
    assert decider.company_context.type_at_end("le rachat de") == "ORG"
    assert decider.company_context.type_at_end("le rachat d'") == "ORG"


@pytest.fixture(scope="module")
def nlp():
    return component_pipeline("chronique_actors")


def types_of(nlp, text: str) -> dict[str, str]:
    doc = run_dated(nlp, text, dt.date(2024, 5, 14))
    return {e.name: e.type for e in doc._.entities}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a known organisation the article presents as a product
        ("Les applications gratuites, telles que TikTok et Snapchat, ont perdu des utilisateurs "
         "en Belgique.", "TikTok", "PRODUCT"),
        ("L'humoriste a annoncé mardi qu'il quittait l'application TikTok.", "TikTok", "PRODUCT"),
        ("Les services phares de Microsoft, comme LinkedIn et Teams, seront facturés davantage.",
         "LinkedIn", "PRODUCT"),
        # a known product the article presents as a company
        ("SpaceX prépare l'introduction en Bourse de sa filiale Starlink, selon deux banquiers.",
         "Starlink", "ORG"),
        ("SpaceX a racheté Starlink et Swarm en 2021, a rappelé le régulateur.", "Starlink", "ORG"),
        # quiet: no cue, or cues of both kinds, leave the knowledge base's type
        ("TikTok a recruté trois cents ingénieurs à Dublin l'an dernier.", "TikTok", "ORG"),
        ("Les abonnés de Starlink en Afrique de l'Ouest ont doublé en un an.", "Starlink", "PRODUCT"),
        ("La société TikTok a reconnu que l'application TikTok collectait trop de données.",
         "TikTok", "ORG"),
        ("La marque Starlink s'affiche désormais dans les aéroports.", "Starlink", "PRODUCT"),
    ],
)
def test_a_known_name_takes_the_kind_the_article_gives(nlp, text, name, expected):
    assert types_of(nlp, text)[name] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("La sénatrice a répondu dimanche sur son réseau Pulsavo à ses détracteurs.", "Pulsavo", "PRODUCT"),
        ("Le réseau social Mirvelo compte deux millions d'inscrits en Suisse.", "Mirvelo", "PRODUCT"),
        ("Le groupe Norvane, propriétaire de Keltona, a lancé lundi le service de musique en ligne "
         "Keltona en Espagne.", "Keltona", "PRODUCT"),
        ("Les logiciels phares de Norvane, tels que Pixlora, Tabrane et Quenzor, seront gratuits.",
         "Tabrane", "PRODUCT"),
        ("Le groupe Savencia a racheté le fromager Ambrelle pour 80 millions d'euros.", "Ambrelle", "ORG"),
        ("Le génériqueur Pharmalys ferme son usine de Lyon.", "Pharmalys", "ORG"),
        # quiet: what one owns is an organisation unless a cue says otherwise
        ("Le fonds Ardival, propriétaire de Brunelle Textiles, a nommé un nouveau président.",
         "Brunelle Textiles", "ORG"),
        ("Le réseau Vendomia compte quarante agences immobilières en Bretagne.", "Vendomia", "ORG"),
    ],
)
def test_an_unknown_name_takes_its_cue_kind(nlp, text, name, expected):
    assert types_of(nlp, text)[name] == expected


@pytest.mark.slow
def test_a_model_named_alone_is_the_product_named_after_its_maker(nlp):
    """"les premières Renault Twingo" … "la production de Twingo": one product, not a company."""
    text = ("Le constructeur a livré mardi les premières Renault Twingo électriques. Selon Renault, "
            "la production de Twingo atteindra 500 voitures par jour à Novo Mesto.")
    doc = run_dated(nlp, text, dt.date(2024, 5, 14))
    products = [e for e in doc._.entities if "Twingo" in e.name]
    assert [(e.name, e.type, e.aliases) for e in products] == [("Renault Twingo", "PRODUCT", ("Twingo",))]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("La Peugeot e-208 a été la voiture électrique la plus vendue en mars.", "Peugeot e-208", "PRODUCT"),
        ("Air France a reçu jeudi l'Airbus A350-1000 commandé en 2021.", "Airbus A350-1000", "PRODUCT"),
        ("Les concessionnaires attendent la Volkswagen ID.3 pour septembre.", "Volkswagen ID.3", "PRODUCT"),
        # "la nouvelle" read as a noun by the tagger
        ("Stellantis a présenté la nouvelle Peugeot 208 à Sochaux.", "Peugeot 208", "PRODUCT"),
        # quiet: a maker's name without an article, or followed by a year or a quantity, stays the
        # maker (the last two rows name a product without the year and quantity guards)
        ("Selon Airbus, 12 avions seront livrés en juin.", "Airbus", "ORG"),
        ("Le chiffre de la Renault 2024 a baissé.", "Renault", "ORG"),
        ("Chez l'Airbus 10 avions attendent leur livraison.", "Airbus", "ORG"),
    ],
)
def test_a_makers_name_and_a_model_number_name_a_product(nlp, text, name, expected):
    assert types_of(nlp, text)[name] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a team named after its city, an adjective of origin between the noun and "de"
        ("Le fonds américain a acquis 30 % du capital du club portugais de Famalicão.", "Famalicão", "ORG"),
        ("Un investisseur saoudien entre au capital du club écossais de Kilmarnock.", "Kilmarnock", "ORG"),
        # quiet: an indefinite club of a city is a club in that city
        ("Il a joué dans un club portugais de Lisbonne.", "Lisbonne", "LOC"),
    ],
)
def test_a_team_named_after_its_city(nlp, text, name, expected):
    assert types_of(nlp, text)[name] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a list under a cue that tells no company from a product gives no vote: the knowledge
        # base's kind stays (a product cue still decides)
        ("Les plateformes telles que Instagram et Snapchat devront payer.", "Instagram", "PRODUCT"),
        ("Les marques comme Starlink et Alpine sont visées.", "Starlink", "PRODUCT"),
    ],
)
def test_a_neutral_list_cue_gives_no_kind(nlp, text, name, expected):
    assert types_of(nlp, text)[name] == expected


@pytest.mark.slow
def test_brands_right_after_a_plural_product_noun_keep_their_kind(nlp):
    """"les smartphones Huawei et Honor": with no list word, the names may be the makers' brands;
    a known company is not retyped a product."""
    types = types_of(nlp, "Les clients achètent surtout les smartphones Huawei et Honor en Asie.")
    assert types["Huawei"] == "ORG"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon Julien Martin d'Airbus, les livraisons reprendront en mai.",
         {("Julien Martin", "PERSON"), ("Airbus", "ORG")}),
        # quiet: a name's own particle is followed by no known company
        ("Selon Julien de Montfort, les livraisons reprendront en mai.", {("Julien de Montfort", "PERSON")}),
    ],
)
def test_a_person_and_the_known_company_after_a_particle(nlp, text, expected):
    doc = run_dated(nlp, text, dt.date(2024, 5, 14))
    assert {(e.name, e.type) for e in doc._.entities} == expected
