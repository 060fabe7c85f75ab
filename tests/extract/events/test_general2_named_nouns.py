"""Generalisation round 2 (wire copy beyond news-dev): where a noun's name sits.

- "a commandé 40 camions au constructeur suédois X": the parser hangs the name after a noun and
  its adjectives on the verb (``dep``); the name is the noun's, so the seller is X.
- "a poursuivi en justice le coréen X", "l'allemand X": a determined adjective of origin the
  parser makes the head of the phrase stands for the company the name gives.
- "concurrencer ses rivaux A et B": every name of the list after the noun's name is an actor.

Real model, sentences of our own (``slow``); the NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events, run_dated

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 4)


def _events(nlp, text: str) -> set[tuple[str, str, str]]:
    return named_events(nlp, text, PUBLISHED)


CASES = [
    ("a seller named after a noun and its adjective, hung on the verb",
     "Le groupe Eiffage a commandé 60 pelleteuses au constructeur japonais Komatsu.",
     {("ORDER", "Eiffage", "Komatsu")}),
    ("a demonym standing for the company sued",
     "Le groupe Nexans a poursuivi en justice le norvégien Nordkabel devant un tribunal d'Oslo.",
     {("SUE", "Nexans", "Nordkabel")}),
    ("a demonym standing for the company sued, another sector",
     "La société Naval Group a assigné en justice l'italien Fincantieri pour contrefaçon.",
     {("SUE", "Naval Group", "Fincantieri")}),
    ("every rival of the list after the noun's name",
     "Le groupe Bonduelle veut concurrencer ses rivaux Florette et Valfrais sur les salades.",
     {("COMPETE", "Bonduelle", "Florette"), ("COMPETE", "Bonduelle", "Valfrais")}),
    ("an article and a lower-case demonym before an unknown name say a company",
     "Le fabricant Michelin a signé un partenariat avec le japonais Toyo Tire.",
     {("PARTNER", "Michelin", "Toyo Tire")}),
    ("a name after a noun and its bare trade complement, hung on the complement",
     "Le groupe Accor a finalisé jeudi le rachat de la chaîne d'hôtels Mövenpick, cédée par un fonds.",
     {("ACQUIRE", "Accor", "Mövenpick")}),
    ("a subject named after its trade complement",
     "Le groupe de cosmétiques Puig a finalisé mardi l'acquisition du parfumeur Byredo.",
     {("ACQUIRE", "Puig", "Byredo")}),
    ("NOTHING: a complement with an article names no trade, the name is another actor",
     "Le groupe Accor a publié le rapport de la chaîne hôtelière pour Mövenpick.",
     set()),
    ("a state orders too",
     "La Grèce a commandé 24 avions de chasse au groupe Dassault Aviation.",
     {("ORDER", "Grèce", "Dassault Aviation")}),
    ("NOTHING besides the seller: a fronted 'À <place>,' sets the scene",
     "À Lyon, le groupe Seb a commandé des robots au fabricant Fanuc.",
     {("ORDER", "Seb", "Fanuc")}),
    ("NOTHING among the listed rivals: names listed after 'ses concurrents' do not rival each other",
     "Le loueur danois Europcar a annoncé lundi le rachat du transporteur allemand Flixbus, une opération "
     "qui doit lui permettre de rivaliser sur le marché allemand avec ses concurrents Hertz, Avis Budget et Sixt-Leasing.",
     {("ACQUIRE", "Europcar", "Flixbus")}),
    ("NOTHING: a place after the noun and its adjective is no seller",
     "Le groupe Eiffage a commandé 60 pelleteuses pour son chantier européen à Lyon.",
     set()),
    ("an unknown name the tagger reads as an adjective still names its noun ('le groupe Varenko/ADJ')",
     "Le groupe Varenko a racheté la société Skelda.",
     {("ACQUIRE", "Varenko", "Skelda")}),
    ("the same, in a merger",
     "Le groupe Varenko va fusionner avec Skelda.",
     {("PARTNER", "Varenko", "Skelda")}),
    ("NOTHING: a capitalised adjective after a noun that names no actor",
     "Le groupe Européen a publié ses résultats annuels mardi.",
     set()),
    ("NOTHING: a demonym adjective on a noun, and no event verb",
     "Le norvégien Nordkabel a publié mardi ses résultats annuels, en hausse de 4 %.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _events(nlp, text) == expected, why


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Le fabricant Michelin a signé un partenariat avec le japonais Toyo Tire.", "Toyo Tire", "ORG"),
    ("Le groupe Michelin a reçu mardi le Japonais Hideo Sato à Clermont-Ferrand.", "Hideo Sato", "PERSON"),
    ("Le joueur a battu le suisse Roger Federer en finale à Bâle.", "Roger Federer", "PERSON"),
])
def test_demonym_before_a_name(nlp, text: str, name: str, kind: str) -> None:
    """A lower-case demonym says a company; a capitalised one, or a first name after it, a person."""
    doc = run_dated(nlp, text, PUBLISHED)
    assert {e.name: e.type for e in doc._.entities}.get(name) == kind


def test_description_agrees_with_a_demonym_read_as_a_name(nlp) -> None:
    """"l'américain/PROPN Bechtel": the tagger may read the demonym as a name; it still says
    Bechtel is American, so "le groupe américain" later is Bechtel, not the last company named."""
    text = ("Le chantier naval Remontowa a écarté l'offre de l'américain Bechtel. Bechtel a déposé un recours "
            "contre Remontowa. Le groupe américain avait déjà poursuivi en justice le polonais Budimex.")
    suits = {(s, t) for kind, s, t in _events(nlp, text) if kind == "SUE"}
    assert ("Bechtel", "Budimex") in suits
    assert ("Remontowa", "Budimex") not in suits
