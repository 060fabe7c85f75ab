"""Generalisation, fifteenth session: events whose second side the clause leaves to the discourse.

Counted on a blind set (aggregates only): of the events chronique misses, most have a side the
evidence does not name; on the team's own sets the largest group is a clitic before the trigger
verb ("l'a quittée", "lui a commandé"). ``events/clitic_antecedents.py`` reads it as the one
person or organisation of the entry's types named just before (the clitic's sentence, else the
sentence before in the same paragraph), never the verb's own doer, and only when the doer is read
from the parse (not itself a pronoun). A subject pronoun of a clause hung on an earlier clause of its
sentence ("X a confirmé qu'il …: il a investi") continues that clause's named organisation
(``actors/coref_matrix.py``), not a person named sentences before.

Real model, sentences written for the test (invented companies and people).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events, resolved_key

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 5, 4)

CLITICS = [
    ("a relative's object clitic: the company the sentence before was about",
     "La start-up Navalis a perdu son principal soutien. Le Crédit Ormel, qui l'avait financée en 2021, "
     "réclame le remboursement du prêt.",
     {("INVEST", "Crédit Ormel", "Navalis")}),
    ("an object clitic: the one organisation of the sentence before, its founders being people",
     "Fondée en 2010 par Marc Tessier et Paul Ribaud, la société Velora emploie 90 salariés. "
     "Paul Ribaud l'a quittée en 2019 pour fonder son propre cabinet.",
     {("FOUND", "Marc Tessier", "Velora"), ("FOUND", "Paul Ribaud", "Velora"), ("LEAVE", "Paul Ribaud", "Velora")}),
    ("a dative clitic stands for the 'à' complement: who the order was placed with",
     "Le chantier naval Norvel peut compter sur l'armateur Brémont, qui lui a commandé six navires en mars.",
     {("ORDER", "Brémont", "Norvel")}),
    ("a suitor rebuffed by a clitic ('l'a éconduit'): the bid on the refuser told just before",
     "Le fonds Kestrow a tenté de racheter la société Ardanel. La société Ardanel l'a éconduit en octobre.",
     {("BID", "Kestrow", "Ardanel"), ("REJECT", "Ardanel", "Kestrow")}),
    ("a rebuff after a meeting, no bid: nothing refused",
     "Le fonds Kestrow a rencontré la société Ardanel l'an dernier, mais la société l'a éconduit en octobre.",
     set()),
    ("two organisations before the clitic: nobody can tell which",
     "Le groupe Lumex a racheté la société Ardanel en 2020. La société Velmont l'accuse de pratiques déloyales.",
     {("ACQUIRE", "Lumex", "Ardanel")}),
    ("an unresolved description before the clitic may be what it stands for (not the court)",
     "Le groupe Lumex a assigné l'établissement devant le tribunal de commerce de Lyon, "
     "lui réclamant deux millions d'euros.",
     set()),
    ("quiet: a thing the sentence before tells may be what the clitic stands for (the plant, not its "
     "builder)",
     "La société Velmont a construit une usine à Lorient en 2018. Le groupe Lumex l'a rachetée l'an "
     "dernier pour 30 millions d'euros.",
     set()),
    ("a person named before cannot be the organisation left",
     "Le consultant Paul Mervan a présenté mardi son rapport. Le groupe Lumex l'a quitté en 2020.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), CLITICS, ids=[case[0] for case in CLITICS])
def test_clitic_sides(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


MERVAN = "Paul Mervan, directeur de la banque Ormel, a critiqué mardi la stratégie de la société Navalis. "
CONTINUED = [
    ("a pronoun after a colon continues its sentence's organisation, not the man named before",
     MERVAN + "Le fonds Arbor a confirmé qu'il continuerait de la soutenir : il a investi cinq millions "
     "d'euros dans Navalis en mars.",
     {("ACCUSE", "Paul Mervan", "Navalis"), ("INVEST", "Arbor", "Navalis")}),
    ("the same after a clause with an object of its own",
     MERVAN + "Le groupe Arbor a réagi vivement : il a assigné Navalis en justice en juillet.",
     {("ACCUSE", "Paul Mervan", "Navalis"), ("SUE", "Arbor", "Navalis")}),
    ("'celui-ci' opening its sentence is the organisation named last, not a man named before it",
     "Le consultant Paul Mervan a présenté mardi son rapport sur la société Navalis. La start-up peut compter "
     "sur son actionnaire historique, le fonds Arbor. Celui-ci a investi cinq millions d'euros dans Navalis en mars.",
     {("INVEST", "Arbor", "Navalis")}),
    ("quiet: 'ce dernier' after a person's noun with the organisation as its complement ('le patron "
     "de la société X') may be that unnamed person",
     "Paul Mervan a cédé ses parts au fonds Arbor, puis a rencontré le patron de la société Navalis. "
     "Ce dernier a quitté la banque Ormel en mars.",
     set()),
    ("'il' continues the company the sentence before was about, adjectives between its noun and name",
     "Le groupe hôtelier Orsane a publié ses comptes mardi à Lyon. Il a racheté la société Ardanel l'an dernier.",
     {("ACQUIRE", "Orsane", "Ardanel")}),
    ("the same with an adjective of origin and a two-word name",
     "Le fonds britannique Kestrow Partners a publié ses résultats mardi. Il a investi l'an dernier dix "
     "millions d'euros dans la société Ardanel.",
     {("INVEST", "Kestrow Partners", "Ardanel")}),
    ("a person named between the organisation and the pronoun is the one in focus",
     "Le fonds Arbor a nommé Paul Mervan directeur général en mars : il a aussitôt investi cinq millions "
     "d'euros dans la société Navalis.",
     {("JOIN", "Paul Mervan", "Arbor"), ("INVEST", "Paul Mervan", "Navalis")}),
    ("quiet: a pronoun coordinated to a reported clause may continue the reporter as well",
     "La région Bretagne a jugé que la société Velmont avait menti, et elle a porté plainte contre le "
     "groupe Lumex.",
     {("ACCUSE", "région Bretagne", "Velmont")}),
    ("quiet: a person told by a noun between the organisation and the pronoun may be meant",
     "Le groupe Lumex a licencié son directeur financier pour les fonds qu'il a investis dans la "
     "société Velmont sans autorisation.",
     set()),
]

@pytest.mark.parametrize(("why", "text", "expected"), CONTINUED, ids=[case[0] for case in CONTINUED])
def test_a_pronoun_continues_the_organisation_of_its_sentence(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


RELATIVES = [
    ("'elle' of a relative on the clause's complement is the clause's organisation",
     "Paul Mervan, directeur de la banque Ormel, a présenté mardi son rapport. La société Arbor réclame "
     "dix millions d'euros pour le préjudice qu'elle considère avoir subi.",
     "elle", "org:Arbor"),
    ("a person named between keeps the pronoun",
     "La société Arbor a recruté Paul Mervan pour le poste qu'il convoitait.",
     "il", "person:Paul Mervan"),
]


@pytest.mark.parametrize(("why", "text", "pronoun", "key"), RELATIVES, ids=[case[0] for case in RELATIVES])
def test_a_relative_pronoun_subject_continues_the_clause_organisation(nlp, why: str, text: str, pronoun: str,
                                                                      key: str) -> None:
    assert resolved_key(nlp, text, pronoun, PUBLISHED) == key
