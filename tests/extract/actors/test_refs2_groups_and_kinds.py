"""Actors named by a listed group, by a kind noun, by a city's team, and names glued to a stop.

Sentences written for this test, on other actors and subjects than the development articles:
- a group named by a plural noun and then listed ("trois clubs (A, B et C)", "les trois
  distributeurs – A, B et C –") is every actor of its list, each an argument of the event;
- "cette compétition" stands for a competition in focus whose name says so, not the club named
  last; a trade noun a qualified description gave an actor keeps it ("le club normand" … "ce club");
- "le club de football de Bordeaux" is the club, "un club de Lyon" a club in Lyon;
- "Yahoo!." closing a sentence is the "Yahoo" of "Yahoo!,".
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow



def run(nlp, text: str):
    return run_dated(nlp, text, dt.date(2024, 3, 12))


def events(doc) -> set[tuple[str, str, str]]:
    return {(e.type, s, t) for e in doc._.events for s in e.sources for t in e.targets}


def resolved(doc, surface: str) -> str | None:
    for mention in doc._.actor_mentions:
        if doc.text[mention.start : mention.end] == surface:
            return mention.key
    return None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trois clubs anglais (Everton, Fulham et Brentford) ont fondé la Northern League.",
         {("FOUND", "org:Everton", "org:Northern League"), ("FOUND", "org:Fulham", "org:Northern League"),
          ("FOUND", "org:Brentford", "org:Northern League")}),
        ("Les deux énergéticiens (Engie et EDF) ont signé un partenariat avec TotalEnergies.",
         {("PARTNER", "engie", "totalenergies"), ("PARTNER", "edf", "totalenergies")}),
        ("Les trois distributeurs – Auchan, Intermarché et Carrefour – ont racheté Monoprix.",
         {("ACQUIRE", "org:Auchan", "org:Monoprix"), ("ACQUIRE", "org:Intermarché", "org:Monoprix"),
          ("ACQUIRE", "carrefour", "org:Monoprix")}),
        # the competition named before, the list in brackets read whatever the parser made of it
        ("La Northern League a été présentée lundi à Manchester. Quatre clubs anglais (Everton, Fulham, "
         "Brentford et Burnley) se disent prêts à lancer cette compétition dès l'automne.",
         {("FOUND", f"org:{club}", "org:Northern League") for club in ("Everton", "Fulham", "Brentford", "Burnley")}),
    ],
)
def test_every_actor_of_a_listed_group_is_an_argument(nlp, text, expected):
    assert expected <= events(run(nlp, text))


def test_a_bracket_that_is_no_pure_list_is_no_group(nlp):
    # "en tête" makes the bracket a comment, not the list of the group
    found = events(run(nlp, "Les constructeurs (Renault et Stellantis en tête) ont attaqué Tesla en justice."))
    assert ("SUE", "stellantis", "tesla") not in found


def test_a_bracket_after_a_name_is_no_group(nlp):
    found = events(run(nlp, "Les ventes de Renault (+3 %) et de Stellantis ont progressé. Stellantis a racheté "
                            "la marque Leapmotor."))
    assert not any(source == "renault" for _type, source, _target in found)


def test_a_competition_noun_stands_for_a_competition_only(nlp):
    doc = run(nlp, "La Coupe Valdora a été créée en 2019. Everton a battu Fulham samedi. Cette compétition "
                   "reprendra en mars.")
    assert resolved(doc, "Cette compétition") == "other:Coupe Valdora"  # not Fulham, named last
    doc = run(nlp, "Everton a battu Fulham samedi. La compétition reprendra en mars.")
    assert resolved(doc, "La compétition") is None


def test_a_qualified_description_keeps_its_actor_for_the_same_noun(nlp):
    doc = run(nlp, "Marc Tellier a racheté le Sporting Club de Valdor en 2021. Le club normand a ensuite changé "
                   "d'entraîneur. Invité sur la radio Sud Ondes, Marc Tellier s'est confié. « J'ai dû prendre la "
                   "direction de ce club », a-t-il expliqué.")
    assert resolved(doc, "ce club") == "org:Sporting Club de Valdor"
    found = events(doc)
    assert ("JOIN", "person:Marc Tellier", "org:Sporting Club de Valdor") in found
    assert not any(target == "org:Sud Ondes" for _type, _source, target in found)


@pytest.mark.parametrize(
    ("text", "surface", "expected_type"),
    [
        ("Le club de football de Bordeaux a été racheté par Gérard Lopez.", "Bordeaux", "ORG"),
        ("Le club de rugby de Toulon a recruté un ailier.", "Toulon", "ORG"),
        ("Un club de Lyon a remporté le tournoi régional à Bordeaux.", "Lyon", "LOC"),
    ],
)
def test_a_team_named_after_its_city(nlp, text, surface, expected_type):
    doc = run(nlp, text)
    types = {e.name: e.type for e in doc._.entities}
    assert types.get(surface, "LOC") == expected_type


def test_stops_glued_to_a_name_are_not_the_name(nlp):
    doc = run(nlp, "Le fonds a cédé ses parts au géant américain Yahoo!. La vente à Yahoo!, validée hier, "
                   "surprend.")
    keys = {m.key for m in doc._.actor_mentions if "Yahoo" in doc.text[m.start : m.end]}
    assert keys == {"org:Yahoo"}


def test_the_takeover_of_a_team_named_after_its_city(nlp):
    doc = run(nlp, "Le club de football de Bordeaux a été racheté par Gérard Lopez.")
    assert ("ACQUIRE", "person:Gérard Lopez", "org:Bordeaux") in events(doc)
