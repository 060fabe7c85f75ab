"""Types of the fifteenth session: an organisation's cue noun that a person bears too
("l'industriel", "le spécialiste") before a person's name.

Sentences written for this test (invented people and companies).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 2, 21)


def _types(nlp, text: str) -> set[tuple[str, str]]:
    doc = run_dated(nlp, text, PUBLISHED)
    return {(e.name, e.type) for e in doc._.entities}


@pytest.mark.parametrize(("text", "person"), [
    ("Le mécène de l'orchestre, la fondation Morel, présidée par l'industriel Gérard Morel, a annoncé un don.",
     "Gérard Morel"),
    ("Le spécialiste Paul Lestrade a rejoint la société Kalio.", "Paul Lestrade"),
    ("Selon l'industriel Michel Varenne, la filière manque de bras.", "Michel Varenne"),
])
def test_a_person_named_after_a_cue_a_person_may_bear(nlp, text, person) -> None:
    assert (person, "PERSON") in _types(nlp, text)


@pytest.mark.parametrize(("text", "org"), [
    ("L'industriel Kalio a racheté la société Nexima.", "Kalio"),
    ("Le spécialiste Varnel Systèmes a livré ses premiers robots.", "Varnel Systèmes"),
    ("L'industriel Michel Ardanel SA a racheté la société Nexima.", "Michel Ardanel SA"),
])
def test_a_company_after_the_same_cue_stays_one(nlp, text, org) -> None:
    assert (org, "ORG") in _types(nlp, text)


def _keys(nlp, text: str) -> set[str]:
    doc = run_dated(nlp, text, PUBLISHED)
    return {e.key for e in doc._.entities}


@pytest.mark.parametrize(("text", "parent", "part"), [
    # the part set off by a comma before its cue noun
    ("La mutuelle Orvéa a élu Paul Blanc. Le patron d'Orvéa pilote aussi Orvéa Habitat, la filiale "
     "immobilière du groupe.", "org:Orvéa", "org:Orvéa Habitat"),
    # the cue noun and its adjective, then a comma
    ("Le groupe Talvère emploie 3 100 personnes. Sa filiale roumaine, Talvère Romania, produit la moitié "
     "des volumes de Talvère.", "org:Talvère", "org:Talvère Romania"),
])
def test_a_part_named_after_its_parent_is_another_actor(nlp, text, parent, part) -> None:
    keys = _keys(nlp, text)
    assert parent in keys and part in keys


def test_a_finite_verb_after_the_comma_opens_no_apposition(nlp) -> None:
    text = ("Le groupe Talvère emploie 3 100 personnes. Sa filiale roumaine, Talvère Romania, produit la moitié "
            "des volumes de Talvère.")
    assert ("Talvère Romania", "ORG") in _types(nlp, text)


def _resolved(nlp, text: str, surface: str) -> str | None:
    doc = run_dated(nlp, text, PUBLISHED)
    at = text.rindex(surface)
    return next((m.key for m in doc._.actor_mentions if m.start <= at < m.end and m.kind == "description"), None)


@pytest.mark.parametrize(("text", "surface", "key"), [
    ("L'Orchestre philharmonique de Vernon a nommé Anne Roux. Le directeur général de l'orchestre, "
     "Paul Jaubert, rejoindra la société Kalio.", "orchestre", "org:Orchestre philharmonique de Vernon"),
    ("La Fondation Émile-Varenne a recruté Anne Roux. Paul Blanc préside toujours le conseil "
     "d'orientation de la fondation.", "fondation", "org:Fondation Émile-Varenne"),
])
def test_the_first_word_of_an_organisations_name_stands_for_it(nlp, text, surface, key) -> None:
    assert _resolved(nlp, text, surface) == key


@pytest.mark.parametrize(("text", "surface"), [
    # a complement or a name of its own: another one
    ("La Fondation Émile-Varenne a recruté Anne Roux. Paul Blanc a visité la fondation de Lyon.", "fondation"),
    # an adjective of its own: another one
    ("Le Domaine Arvel produit un vin réputé. Le fonds Altor a acquis le domaine voisin de Saint-Emilion.",
     "domaine"),
    # a building visited: the building, not the institution (a spectator, a patient)
    ("Le Théâtre des Salines a donné mardi sa première. Le préfet Paul Blanc a quitté le théâtre avant "
     "la fin du spectacle.", "théâtre"),
    ("Paul Blanc a été soigné à l'Hôpital Saint-Aubin après sa chute. Il a quitté l'hôpital jeudi matin.",
     "hôpital"),
    # a company named by a common word is not called by that word
    ("L'association Grain Juste accuse le groupe Kalio. Le groupe a vendu du grain importé et le grain "
     "a été saisi.", "grain"),
    # two organisations named by the same noun: the reader cannot tell
    ("L'Orchestre national de Vernon et l'Orchestre de chambre de Caen ont fusionné. "
     "Le directeur de l'orchestre, Paul Jaubert, a démissionné.", "orchestre"),
])
def test_no_name_head_description_where_another_may_be_meant(nlp, text, surface) -> None:
    assert _resolved(nlp, text, surface) is None
