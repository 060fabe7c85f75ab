"""Unknown actors typed from their context; institutions and metonyms; what names nobody.

Every sentence here was written for this test (other actors, other subjects than any
evaluation text). The first tables need no model; the others run the real French model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.data import lexicon
from chronique.extract.actors.institutions import demonym_forms
from chronique.extract.actors.list_types import plural
from tests.conftest import component_pipeline, run_dated


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("club", "clubs"),
        ("réseau social", "réseaux sociaux"),
        ("fonds", "fonds"),
        ("groupe de médias", "groupes de médias"),
        ("fonds d'investissement", "fonds d'investissement"),
        ("journal", "journaux"),
    ],
)
def test_plural_of_a_cue(cue, expected):
    assert plural(cue, lexicon("fr", "actors")["plural_endings"]) == expected


@pytest.mark.parametrize(
    ("masculine", "expected"),
    [
        ("italien", {"italien", "italienne", "italiennes", "italiens"}),
        ("français", {"français", "française", "françaises"}),
        ("fédéral", {"fédéral", "fédérale", "fédérales", "fédéraux"}),
        ("belge", {"belge", "belges"}),
    ],
)
def test_forms_of_an_adjective_of_nationality(masculine, expected):
    assert demonym_forms(masculine, lexicon("fr", "places")["demonym_plural_endings"]) == expected


@pytest.fixture(scope="module")
def nlp():
    return component_pipeline("chronique_actors")


def run(nlp, text: str):
    return run_dated(nlp, text, dt.date(2024, 3, 12))


def types_of(doc) -> dict[str, str]:
    return {e.name: e.type for e in doc._.entities}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural cue opens a list: every name in it is of the cue's type
        ("Trois clubs anglais (Everton, Fulham et Brentford) ont voté contre le projet.",
         {"Everton": "ORG", "Fulham": "ORG", "Brentford": "ORG"}),
        # the words before a name: a company's capital, its board
        ("Le fonds est entré au capital de Norvane en 2019.", {"Norvane": "ORG"}),
        # a word inside the name
        ("Le Racing Club de Valdor a limogé son entraîneur.", {"Racing Club de Valdor": "ORG"}),
        # a work after its cue
        ("La plateforme diffusera la série télévisée Gardiens du phare dès avril.",
         {"Gardiens du phare": "PRODUCT"}),
        # a state is a place, whatever verb it governs
        ("La Norvège a annoncé un plan de soutien aux pêcheurs.", {"Norvège": "LOC"}),
        ("La coopérative laitière Terralait a fermé son site de Vire.", {"Terralait": "ORG"}),
        # a person after an organisation's cue and an adjective stays a person
        ("Le président de la chaîne cryptée Maxime Dorval a écrit au ministre.", {"Maxime Dorval": "PERSON"}),
        # what has a seat is an organisation, whatever the NER made of the name
        ("Skelda, basée à Lyon, a porté plainte contre le groupe Varenko.", {"Skelda": "ORG"}),
        ("Skelda, dont le siège est à Oslo, a racheté une usine.", {"Skelda": "ORG"}),
        # a state the NER missed after a conjunction is a place; a longer name holding one wins
        ("Le Maroc et l'Espagne ont signé un accord migratoire.", {"Maroc": "LOC", "Espagne": "LOC"}),
        ("La Banque d'Espagne a relevé ses taux.", {"Banque d'Espagne": "ORG"}),
        # what a company buys or sells is a company, and so is whom it is sold to
        ("Le groupe Varenko a racheté Varnel.", {"Varnel": "ORG"}),
        ("BNP Paribas a cédé Varnel à Kolbe.", {"Varnel": "ORG", "Kolbe": "ORG"}),
        # a brand with a lower-case first letter, typed by its context
        ("Le groupe Varenko a annoncé le rachat d'iGraal.", {"iGraal": "ORG"}),
        # what merges with a company is a company
        ("Le groupe Varenko a fusionné avec Skelda.", {"Skelda": "ORG"}),
    ],
)
def test_unknown_names_are_typed_from_their_context(nlp, text, expected):
    found = types_of(run(nlp, text))
    for name, entity_type in expected.items():
        assert found.get(name) == entity_type, found


@pytest.mark.slow
def test_the_article_opening_a_sentence_is_no_part_of_a_subjects_name(nlp):
    assert "Real Sporting" in types_of(run(nlp, "Le Real Sporting a annoncé l'arrivée de Marc Dorval."))


@pytest.mark.slow
def test_a_person_bought_from_stays_a_person(nlp):
    """A full name, or its surname, as the object of a deal verb is not retyped."""
    doc = run(nlp, "Anne Dupont dirige la société. Le groupe Varenko a racheté Dupont en mai.")
    assert "Dupont" not in types_of(doc)
    assert types_of(doc)["Anne Dupont"] == "PERSON"


@pytest.mark.slow
def test_units_and_acronyms_in_mixed_case_are_no_names(nlp):
    assert types_of(run(nlp, "La batterie stocke 20 kWh et le vaccin utilise l'ARN messager (mRNA).")) == {}


@pytest.mark.slow
def test_a_persons_surname_with_a_seat_stays_that_person(nlp):
    doc = run(nlp, "Anne Dupont est journaliste. Dupont, basée à Londres, couvre la Bourse.")
    assert types_of(doc)["Anne Dupont"] == "PERSON"
    assert "Dupont" not in types_of(doc)
    assert {m.key for m in doc._.actor_mentions if doc.text[m.start:m.end] == "Dupont"} == {"person:Anne Dupont"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        ("Le tribunal de commerce de Nanterre a placé le fabricant en redressement judiciaire.",
         "tribunal de commerce de Nanterre", ()),
        # a qualifier the tokenizer cuts at its apostrophe ("d'" + "appel")
        ("La cour d'appel de Rennes a confirmé la peine du transporteur.", "cour d'appel de Rennes", ()),
        ("Le dirigeant a été jugé par la cour d’assises de Lyon.", "cour d’assises de Lyon", ()),
        # a governed domain with an apostrophe, before the adjective of nationality
        ("Le régulateur de l'énergie britannique a sanctionné le fournisseur.",
         "régulateur de l'énergie britannique", ()),
        ("Les douanes espagnoles ont saisi trois cents téléviseurs au port.", "douanes espagnoles", ()),
        ("L'administration Biden a prolongé les sanctions.", "administration Biden", ()),
        ("Le gouvernement portugais a vendu sa participation.", "gouvernement portugais", ()),
        # cultural and public houses named by their place or their own name
        ("Le musée d'Aquitaine a acquis une toile du peintre.", "musée d'Aquitaine", ()),
        ("Le théâtre du Gymnase a annulé sa saison.", "théâtre du Gymnase", ()),
        ("L'opéra national de Bordeaux a signé un accord avec la ville.", "opéra national de Bordeaux", ()),
        ("L'hôpital de Quimper a porté plainte contre le fournisseur.", "hôpital de Quimper", ()),
        # a local authority's own capitalised name, which the model calls a place
        ("La Région Bretagne a investi 10 millions d'euros dans la start-up Velora.", "Région Bretagne", ()),
        ("La Ville de Rennes a porté plainte contre le bailleur.", "Ville de Rennes", ()),
        # one actor: "le tribunal" after the full name of the court
        ("Le tribunal judiciaire de Lille a condamné l'éditeur. Le tribunal a aussi ordonné une publication.",
         "tribunal judiciaire de Lille", ("tribunal",)),
    ],
)
def test_institutions_named_by_a_description_are_organisations(nlp, text, name, aliases):
    doc = run(nlp, text)
    found = {e.name: e for e in doc._.entities}
    assert name in found and found[name].type == "ORG", types_of(doc)
    assert set(aliases) <= set(found[name].aliases)
    assert {m.rule for m in doc._.actor_mentions if m.key == found[name].key} == {"institution"}


@pytest.mark.slow
def test_a_seat_stands_for_its_institution(nlp):
    doc = run(nlp, "Le Quai d'Orsay a convoqué l'ambassadeur mardi soir.")
    presidency = next(e for e in doc._.entities if e.aliases == ("Quai d'Orsay",))
    assert (presidency.name, presidency.type) == ("ministère des Affaires étrangères", "ORG")
    assert [m.rule for m in doc._.actor_mentions if m.key == presidency.key] == ["metonym"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Moscou a riposté mardi en expulsant deux diplomates.", "Russie"),
        ("Le correspondant vit à Moscou depuis 2010.", None),
        ("Washington a relevé ses droits de douane sur l'acier.", "États-Unis"),
    ],
)
def test_a_capital_acting_stands_for_its_state(nlp, text, state):
    names = {e.name: e.type for e in run(nlp, text)._.entities}
    if state is None:
        assert "Russie" not in names and "États-Unis" not in names, names
    else:
        assert names.get(state) == "LOC", names


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_an_actor"),
    [
        ("LYON (AFP) - Le groupe Ventrelle a annoncé la fermeture de deux usines.", "LYON"),
        ("Résultat, le service de livraison devient payant dès lundi.", "Résultat"),
        ("Le ministre a salué la décision [de Brevane, NDLR] sans attendre.", "NDLR"),
        ("Vendredi 3 mai, la coopérative laitière Terralait a fermé un site.", "Vendredi 3 mai"),
        ("Basée à l'origine en Suède, la société a déménagé à Berlin.", "Suède"),
    ],
)
def test_what_names_nobody_is_no_actor(nlp, text, not_an_actor):
    found = types_of(run(nlp, text))
    assert found.get(not_an_actor) in (None, "LOC") and found.get(not_an_actor.split(" ")[0]) in (None, "LOC"), found


@pytest.mark.slow
def test_places_in_a_list_stay_places(nlp):
    """Precision: a list of cities with no organisation cue is not retyped."""
    doc = run(nlp, "L'enseigne ouvrira des magasins à Lyon, Marseille, Toulouse et Bordeaux.")
    found = types_of(doc)
    assert all(found.get(city) in (None, "LOC") for city in ("Lyon", "Marseille", "Toulouse", "Bordeaux")), found


@pytest.mark.slow
def test_every_mention_says_which_rule_found_it(nlp):
    doc = run(nlp, "La start-up Quorvane a levé 3 millions d'euros. Elon Musk ne l'a pas commentée.")
    rules = {doc.text[m.start : m.end]: m.rule for m in doc._.actor_mentions}
    assert rules["Quorvane"] == "cue-noun"
    assert rules["Elon Musk"] == "kb"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a known maker's name, then product words: its product
        ("Samsung a présenté un concurrent de Apple Pay.", "Apple Pay", ("PRODUCT", "brand-product")),
        # a country unit of a company stays the company
        ("Basée à Dublin, Velora Ireland a recruté vingt ingénieurs.", "Velora Ireland", ("ORG", None)),
        # one word of an organisation's name, alone: the organisation
        ("Le Sporting Club de Valdor a battu Lyon. Valdor reste invaincu.", "Valdor", ("ORG", "short-form")),
        # one word only the model calls a person, with nothing to support it: nobody we type
        ("Le marché de la publicité ciblée (ou Prodtech) recule.", "Prodtech", ("OTHER", "lone-name")),
    ],
)
def test_names_typed_by_the_names_around_them(nlp, text, surface, expected):
    doc = run(nlp, text)
    mention = next(m for m in doc._.actor_mentions if doc.text[m.start : m.end] == surface)
    entity = next(e for e in doc._.entities if e.key == mention.key)
    assert entity.type == expected[0]
    if expected[1] is not None:
        assert mention.rule == expected[1]
