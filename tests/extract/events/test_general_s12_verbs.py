"""Generalisation, twelfth session: a party's or a club's exclusion, and the verbs of a win.

- "Le parti a exclu X", "X a été exclu du parti", "radié de l'ordre": the organisation dismisses a
  person (LEAVE X → the organisation). "exclure" of anything else ("exclut toute hausse
  d'impôts", "n'exclut pas de racheter") states nothing, nor a company's barring someone from
  what it owns ("a exclu X de ses vols").
- A side that beats, eliminates or dominates another competes with it ("Le PSG a battu le FC
  Nantes", "La France a éliminé l'Italie"); beating a record names no rival, beating a relative
  ("a battu sa compagne") is violence.

Real model, sentences of our own (``slow``); the rows that give nothing are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

CASES = [
    ("a party excludes its treasurer",
     "Le Parti socialiste a exclu lundi son trésorier, Marc Delorme.",
     {("LEAVE", "Marc Delorme", "Parti socialiste")}),
    ("excluded from a party, passive",
     "Marc Delorme a été exclu du Parti socialiste.",
     {("LEAVE", "Marc Delorme", "Parti socialiste")}),
    ("a club beats another",
     "Le PSG a battu le FC Nantes samedi au Parc des Princes.",
     {("COMPETE", "Paris Saint-Germain", "FC Nantes")}),
    ("a national team eliminates another",
     "La France a éliminé l'Italie en quart de finale.",
     {("COMPETE", "France", "Italie")}),
    ("ruling out a tax rise: no event",
     "Le ministre Paul Verdier exclut toute hausse d'impôts.",
     set()),
    ("beating a record: no rival",
     "Le groupe Velia a battu un record de ventes en mars.",
     set()),
    ("a person beating a relative: violence, no rival",
     "Paul Rey a battu sa compagne Anne Morel pendant des années.",
     set()),
    ("a company barring a customer from its flights: no dismissal",
     "La compagnie Air France a exclu Paul Rey de ses vols après l'incident.",
     set()),
    ("excluded from its ranks: still a dismissal",
     "Le parti Renaissance a exclu Paul Martin de ses rangs.",
     {("LEAVE", "Paul Martin", "Renaissance")}),
    ("a candidate eliminating another: still a contest",
     "Anne Morel a éliminé Paul Rey au premier tour de la primaire.",
     {("COMPETE", "Anne Morel", "Paul Rey")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_exclusions_and_wins(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


def test_a_word_of_a_name_tells_no_event(nlp) -> None:
    # "Fondation" is the foundation's name, not the founding of Beauval told again in August
    from tests.conftest import run_dated

    doc = run_dated(nlp, "Le fondateur du zoo de Beauval, Rodolphe Delord, restera président. La Fondation "
                         "Brigitte Bardot a interpellé le parc en août.", PUBLISHED)
    assert [(e.type, e.trigger, e.date) for e in doc._.events if e.type == "FOUND"] == [("FOUND", "fondateur", None)]


CLITICS = [
    ("a relative's clitic object: the one actor named before the relative",
     "La banque Norvia a été condamnée à verser 3 millions d'euros à l'association Clarté, qui l'accusait "
     "de frais abusifs.",
     {("PAY", "Norvia", "Clarté"), ("ACCUSE", "Clarté", "Norvia")}),
    ("a clitic object after a sentence about one actor",
     "La banque Norvia a perdu son procès. L'association Clarté l'accusait de frais abusifs.",
     {("ACCUSE", "Clarté", "Norvia")}),
    ("two actors in the sentence before: nobody can tell which one is meant",
     "Le groupe Velia a racheté la société Brivet en 2019. Le fonds Tikehau l'a rachetée à son tour en 2024.",
     {("ACQUIRE", "Velia", "Brivet")}),
    ("a name in the complement of a noun that names nobody: the clitic may stand for the noun's holder",
     "La maire de Lille a rencontré Pierre Morel, qui l'a remerciée.", set()),
    ("the same with a contracted article: the club's president, not the club",
     "Le président du club de Lens a porté plainte contre Paul Girard, qui l'avait insulté.", set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CLITICS, ids=[c[0] for c in CLITICS])
def test_a_clitic_object_stands_for_the_one_actor_just_told_of(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


NAMED_BY_THEIR_DEEDS = [
    ("an unknown name that appoints someone is a company",
     "Après le départ de Paul Morel, Velia a nommé Anne Roy.", {("JOIN", "Anne Roy", "Velia")}),
    ("an unknown name that dismisses its director is a company",
     "Velia a limogé son directeur Paul Morel.", {("LEAVE", "Paul Morel", "Velia")}),
    ("an unknown name at the head of which one succeeds another is a company (not the place the model says)",
     "Anne Roy succède à Paul Marin à la tête de Velia.",
     {("LEAVE", "Paul Marin", "Velia"), ("JOIN", "Anne Roy", "Velia")}),
    ("… and one whose direction someone leaves",
     "Paul Marin a quitté la direction de Velia en mars.", {("LEAVE", "Paul Marin", "Velia")}),
    ("a person who appoints someone stays a person: no organisation is joined",
     "Paul Morel est arrivé lundi. Morel a nommé Anne Roy.", set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), NAMED_BY_THEIR_DEEDS, ids=[c[0] for c in NAMED_BY_THEIR_DEEDS])
def test_a_name_that_appoints_or_dismisses_is_a_company(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


ASIDES = [
    ("an aside between the auxiliary and its participle: the parser makes the auxiliary the verb",
     "Greenpeace a de son côté assigné TotalEnergies en justice.", {("SUE", "Greenpeace", "TotalEnergies")}),
    ("the same with a criticism",
     "L'association Clarté a de son côté critiqué la banque Norvia.", {("ACCUSE", "Clarté", "Norvia")}),
    ("an aside with no party after the participle gives nothing",
     "Le groupe Velia a de son côté annoncé des résultats en hausse.", set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), ASIDES, ids=[c[0] for c in ASIDES])
def test_a_participle_after_an_aside_keeps_its_clause(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected
