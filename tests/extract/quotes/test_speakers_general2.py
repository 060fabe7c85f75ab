"""Generalisation round 2: a title phrase after the speech verb and, after a comma, the person
it names ("« … », a déclaré sa présidente, Hania Hamidi"). The parser makes the name a second
subject or object of the verb; the person speaks, not the organisation of the title. Sentences
written for the test, on the real French model; the last rows must keep their speaker as it was."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import quote_speakers

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("a possessed title, then the person's name after a comma",
     "Le syndicat Sud-Santé a dénoncé la fermeture. « Les urgences sont à bout de souffle », a déclaré sa "
     "secrétaire générale, Corinne Lefèvre.",
     [("Les urgences sont à bout de souffle", "Corinne Lefèvre")]),
    ("a title with its organisation, then the person's name: the person, not the organisation",
     "Le chantier a pris du retard. « Nous tiendrons les délais », a assuré le directeur général de "
     "la Compagnie nationale du Rhône, Laurent Girard.",
     [("Nous tiendrons les délais", "Laurent Girard")]),
    ("the name between commas, more words after it",
     "La coopérative Terrena veut grandir. « Nos adhérents attendent des prix justes », a lancé son "
     "président, Olivier Maurin, devant les journalistes.",
     [("Nos adhérents attendent des prix justes", "Olivier Maurin")]),
    ("a reflexive verb, a title with its organisation, the name hung on that organisation",
     "La coopérative Terrena a tenu son assemblée. « C'est une excellente année pour nos adhérents », s'est "
     "réjouie la présidente du groupe, Hélène Castaing.",
     [("C'est une excellente année pour nos adhérents", "Hélène Castaing")]),
    ("a name, its comma and a title after the verb and a venue: the person",
     "« Nous sommes confiants », a assuré à l'AFP Marc Dorval, le directeur général de Varenko.",
     [("Nous sommes confiants", "Marc Dorval")]),
    ("a day the parser made the verb's object does not hide the inverted subject after it",
     "Le budget sera voté en mai. « Nous ne laisserons pas faire », a prévenu mardi Bruno Le Maire sur France Inter.",
     [("Nous ne laisserons pas faire", "Bruno Le Maire")]),
    ("a capitalised title with no name is nobody, not an actor called 'Premier ministre'",
     "« Je ne démissionnerai pas », a répété l'ancien Premier ministre.",
     [("Je ne démissionnerai pas", None)]),
    ("a title over several names is not one person's",
     "« Nous refusons », a répondu le président des clubs Varenko, Kolbex et Talmont.",
     [("Nous refusons", None)]),
    ("an organisation named after the comma is not a person: the rule does not apply",
     "« Le contrat sera respecté », a indiqué la direction, Veolia refusant tout autre commentaire.",
     [("Le contrat sera respecté", None)]),
    ("a quoted predicate after a noun subject is no title: the source after it speaks",
     "L'opération « bouleverse l'équilibre du marché », selon Sophie Renard, analyste chez Natixis.",
     [("bouleverse l'équilibre du marché", "Sophie Renard")]),
    ("the same with a verb the tagger read as a noun",
     "Le projet « menace des centaines d'emplois », selon Paul Garnier, délégué syndical.",
     [("menace des centaines d'emplois", "Paul Garnier")]),
    ("a title naming a plan with an infinitive stays a title",
     "Le groupe a présenté son plan « réinventer la mobilité » mardi.",
     [("réinventer la mobilité", None)]),
    ("a lowercase title headed by a noun stays a title",
     "La métropole a étendu le dispositif « zéro plastique » à toutes les cantines.",
     [("zéro plastique", None)]),
    ("a hyphenated name whose first word the parser hung on its role noun as an adjective",
     "« Nous irons jusqu'au bout », a prévenu l'association UFC-Que Choisir.",
     [("Nous irons jusqu'au bout", "UFC-Que Choisir")]),
    ("the same role noun with no name after it is nobody",
     "« Nous irons jusqu'au bout », a prévenu l'association de consommateurs.",
     [("Nous irons jusqu'au bout", None)]),
    ("the person named before the quote keeps it",
     "Marc Leduc, président de la mutuelle, l'a dit : « Nous ne fermerons aucune agence ».",
     [("Nous ne fermerons aucune agence", "Marc Leduc")]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quote_speakers(nlp(text)) == expected, why
