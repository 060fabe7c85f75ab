"""Generalisation, thirteenth session: what unseen news on new subjects (a handball club, a
regional airline, a mining licence, a port) showed chronique could not read.

- States beyond Europe's: "le gouvernement tchadien" is Chad's government, not the article's
  home one ("gabonais", "guinéen", "tchadien" were no adjectives of nationality).
- "la région Normandie": the regional authority, an organisation that acts, named by its head and
  the place right after it (no "de"); "dans la région Grand Est" stays the territory.
- A club named with its sport last ("Cesson Rennes Métropole Handball") is an organisation, not
  the place the model takes it for.
- An institution spelled out before its acronym in brackets ("la Direction nationale d'aide et de
  contrôle de gestion (DNACG)") is one name, however many lower-case links it has; a name opening
  on "Direction" is an administration, which no "le club" of a later sentence stands for.
- "L'association Clarté a annoncé qu'elle allait porter plainte": the pronoun of the reported clause
  is the organisation reporting it, not the last woman named; "le laboratoire" is the laboratory
  already named, not one the article names further on; "le laboratoire lyonnais X" introduces X
  (the tagger reads "lyonnais" as a name).
- An institution of a hyphenated place keeps the whole place ("Grand port maritime de
  Rouen-Honfleur"), so the model's longer place-typed span no longer wins over it.
- "X négocie le rachat de Y": a deal in talks is only a bid.
- Withdrawing a licence, a concession or an authorisation ends it (CANCEL); "mettre en cause"
  blames (ACCUSE).

Real model, sentences written for the test (none from the evaluation sets, none from the fresh
articles that showed the gaps); the rows that give nothing are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import entity_types, named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 4, 14)

CASES = [
    ("an African government by its adjective",
     "Le gouvernement tchadien a accusé la société Orvane de fraude fiscale.",
     {("ACCUSE", "gouvernement tchadien", "Orvane")}),
    ("a concession withdrawn by a government",
     "Le gouvernement gabonais a retiré mardi la concession de la société Orvane.",
     {("CANCEL", "gouvernement gabonais", "Orvane")}),
    ("an authorisation withdrawn by a regulator",
     "L'Autorité de sûreté nucléaire a retiré son autorisation à la société Orvane.",
     {("CANCEL", "Autorité de sûreté nucléaire", "Orvane")}),
    ("a region that grants a subsidy",
     "La région Normandie a accordé mardi une subvention de 2 millions d'euros à la start-up Hydrolis.",
     {("INVEST", "région Normandie", "Hydrolis")}),
    ("a company put in question by an association",
     "L'association Clarté a mis en cause les méthodes de la banque Norvia.",
     {("ACCUSE", "Clarté", "Norvia")}),
    ("a club named with its sport dismisses its coach",
     "Le Cesson Rennes Métropole Handball a limogé son entraîneur, Paul Roux.",
     {("LEAVE", "Paul Roux", "Cesson Rennes Métropole Handball")}),
    ("an administration spelled out before its acronym threatens a club",
     "Le Nîmes Handball a limogé son entraîneur. La Direction nationale d'aide et de contrôle de gestion "
     "(DNACG) a menacé le club d'une rétrogradation.",
     {("THREATEN", "Direction nationale d'aide et de contrôle de gestion", "Nîmes Handball")}),
    ("the club of a later sentence is the club, not the administration named last",
     "Le Nîmes Handball a limogé son entraîneur. La Direction nationale d'aide et de contrôle de gestion "
     "(DNACG) a rendu son avis mardi. Le groupe Orvane, principal partenaire du club, a promis une aide.",
     {("PARTNER", "Orvane", "Nîmes Handball")}),
    ("a pronoun of a reported clause is the organisation that reports it, not the woman named before",
     "La directrice de Norvia, Anne Roy, a présenté ses excuses. L'association de consommateurs Clarté a "
     "annoncé qu'elle allait porter plainte contre Norvia.",
     {("SUE", "Clarté", "Norvia")}),
    ("a company asking a person to resign: the pronoun is hers",
     "Le groupe Orvane a demandé à Anne Roy qu'elle démissionne.",
     {("REQUEST", "Orvane", "Anne Roy")}),
    ("a purchase under negotiation is a bid, not a purchase made",
     "Le groupe Orvane négocie le rachat de la banque suisse Norvia.",
     {("BID", "Orvane", "Norvia")}),
    ("putting a plan back in question: no actor blamed",
     "La direction a remis en cause le calendrier du projet.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fresh_news_events(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Selon l'Office national des forêts et de la chasse (ONFC), la société Orvane a abattu 300 arbres.",
         "Office national des forêts et de la chasse", "ORG"),
        ("La région Bourgogne-Franche-Comté a voté mardi son budget.", "région Bourgogne-Franche-Comté", "ORG"),
        ("Le Cesson Rennes Métropole Handball a perdu samedi.", "Cesson Rennes Métropole Handball", "ORG"),
        ("Le Grand port maritime de Rouen-Honfleur a signé mardi un accord avec l'armateur Arkas Line.",
         "Grand port maritime de Rouen-Honfleur", "ORG"),
    ],
)
def test_fresh_news_names(nlp, text: str, name: str, expected: str) -> None:
    assert entity_types(nlp, text, PUBLISHED).get(name) == expected


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Les usines installées dans la région Grand Est ferment une à une.", "Grand Est"),
        # the territory a storm hits or people live in is no authority ("la région X" acts only as
        # a subject, an agent, a party after "avec", "par", "contre", or the seat of an office)
        ("Une violente tempête a balayé la région Normandie dans la nuit de lundi.", "Normandie"),
        ("Les inondations ont frappé la région Occitanie pendant trois jours.", "Occitanie"),
        ("Les habitants de la région Bretagne ont été privés d'électricité.", "Bretagne"),
    ],
)
def test_a_region_as_a_territory_is_no_authority(nlp, text: str, region: str) -> None:
    found = entity_types(nlp, text, PUBLISHED)
    assert found.get(f"région {region}") != "ORG" and found.get(region) != "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le projet est financé par la région Grand Est.", "région Grand Est"),
        ("La société Velmar a signé un accord avec la région Normandie.", "région Normandie"),
        ("Le président de la région Auvergne-Rhône-Alpes, Fabrice Pelletier, a annoncé un plan.",
         "région Auvergne-Rhône-Alpes"),
    ],
)
def test_a_region_that_acts_is_its_authority(nlp, text: str, name: str) -> None:
    assert entity_types(nlp, text, PUBLISHED).get(name) == "ORG"


def test_two_capitals_in_brackets_spell_no_name_of_other_initials(nlp) -> None:
    # "(PDG)" spells none of the words before it: no name is stretched over them
    found = entity_types(nlp, "Paul Roux, le patron de la société Orvane (PDG), a démissionné.", PUBLISHED)
    assert not any(name.startswith("patron") or name.startswith("société") for name in found)


def test_a_description_with_an_adjective_of_origin_introduces_the_name_after_it(nlp) -> None:
    from tests.conftest import run_dated

    text = ("La pommade Dermix, fabriquée par le laboratoire lyonnais Medixa, a été retirée. "
            "Medixa négocie le rachat du laboratoire suisse Biovel.")
    doc = run_dated(nlp, text, PUBLISHED)
    first = text.index("le laboratoire")
    assert not [m for m in doc._.actor_mentions if m.start == first and m.key == "org:Biovel"]


def test_the_laboratory_already_named_not_the_one_named_further_on(nlp) -> None:
    text = ("La pommade Dermix, fabriquée par le laboratoire lyonnais Medixa, a été retirée mardi. L'association "
            "Clarté a annoncé qu'elle allait porter plainte contre le laboratoire. Medixa négociait aussi le rachat "
            "du laboratoire suisse Biovel.")
    complaints = {e for e in named_events(nlp, text, PUBLISHED) if e[0] == "SUE"}
    assert complaints == {("SUE", "Clarté", "Medixa")}
