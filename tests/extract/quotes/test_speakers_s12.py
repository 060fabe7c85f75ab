"""Twelfth session: speakers that are bodies (a government, a prefecture, a board) and speakers
hung on a locution. Sentences written for the test, on invented actors and other subjects, on the
real French model; quiet rows keep the reading that must not change."""

from __future__ import annotations

import datetime

import pytest
from spacy.language import Language

from tests.conftest import quote_speakers, run_dated

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("the inverted subject of a locution hangs on its last word: a body named by no actor is nobody, "
     "not the person quoted before",
     "« Nous rouvrirons les lits », a promis la directrice, Hélène Marchand. « Aucune école ne fermera », "
     "a fait savoir le rectorat dans un communiqué.",
     [("Nous rouvrirons les lits", "Hélène Marchand"), ("Aucune école ne fermera", None)]),
    ("... and a name there is the speaker",
     "« Nous livrerons la passerelle en mai », a fait savoir Sogetrav.",
     [("Nous livrerons la passerelle en mai", "Sogetrav")]),
    ("a bare 'le gouvernement' of an article naming no state is the article's government",
     "Le gouvernement a annoncé une aide aux viticulteurs. « Personne ne sera oublié », a déclaré "
     "le gouvernement mardi.",
     [("Personne ne sera oublié", "gouvernement français")]),
    ("with one foreign state named, it may be that state's or the press's own: nobody",
     "L'Italie a voté une loi sur l'eau. « Le texte sera appliqué », a déclaré le gouvernement mardi.",
     [("Le texte sera appliqué", None)]),
    ("another state's adjective: the article may be about that state's government: nobody",
     "Le Premier ministre arménien a démissionné. « Un nouveau cabinet sera formé », a déclaré le "
     "gouvernement mardi.",
     [("Un nouveau cabinet sera formé", None)]),
    ("an adjective of no other state ('régionales', 'européenne') leaves it the press's own",
     "La Commission européenne a critiqué les lignes régionales. « Nous investirons », a déclaré le "
     "gouvernement mardi.",
     [("Nous investirons", "gouvernement français")]),
    ("with two states named, it may be either's: nobody",
     "L'Espagne et le Portugal ont signé un accord sur l'eau. « Le texte sera ratifié », a déclaré "
     "le gouvernement mardi.",
     [("Le texte sera ratifié", None)]),
    ("a bare 'la direction' speaks for the one owner the article gave it",
     "La direction de Boulangeries Morin a annoncé la fermeture de deux ateliers. « Ces décisions sont "
     "douloureuses », a reconnu la direction.",
     [("Ces décisions sont douloureuses", "Boulangeries Morin")]),
    ("... not for the union that spoke before",
     "Le syndicat Force Verte dénonce la fermeture de deux ateliers. « Aucun poste ne sera supprimé », "
     "a répondu la direction.",
     [("Aucun poste ne sera supprimé", None)]),
    ("... and nobody when the article named two owners ('celle de Y')",
     "La direction de Boulangeries Morin et celle de Pains Dorés ont rencontré les syndicats. « Le "
     "dialogue continue », a indiqué la direction.",
     [("Le dialogue continue", None)]),
    ("... and a demonstrative repeating another noun gives it no owner ('ceux de Y' are employees)",
     "Les salariés de Carrefour et ceux d'Auchan manifestent devant les magasins. « Nous négocions », "
     "a assuré la direction.",
     [("Nous négocions", None)]),
    ("a bare 'la préfecture' is the one prefecture the article named, with 'de la' before its place",
     "La préfecture de la Somme a interdit la baignade. « Les analyses sont mauvaises », a précisé "
     "la préfecture.",
     [("Les analyses sont mauvaises", "préfecture de la Somme")]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quote_speakers(nlp(text)) == expected, why


POSSESSIVE_ROLES = [
    ("'son fondateur' is the one person the article said founded the company in focus",
     "La PME Tissaline a été fondée en 1987 par Bernard Joly. Elle tisse des toiles techniques à Annecy. "
     "« Nous ne quitterons jamais la vallée », a assuré son fondateur.",
     [("Nous ne quitterons jamais la vallée", "Bernard Joly")]),
    ("'sa directrice' after 'dirigée par' her",
     "La médiathèque Les Mots Bleus, dirigée par Agnès Perrin, ferme en août. « Le bâtiment doit être "
     "désamianté », a expliqué sa directrice.",
     [("Le bâtiment doit être désamianté", "Agnès Perrin")]),
    ("two founders named: 'son fondateur' is nobody",
     "La PME Tissaline a été fondée par Bernard Joly et Luc Marin. « Nous resterons à Annecy », a assuré "
     "son fondateur.",
     [("Nous resterons à Annecy", None)]),
    ("'sa directrice' is no man, even the one who runs it",
     "La PME Tissaline est dirigée par Bernard Joly. « Nous resterons à Annecy », a assuré sa directrice.",
     [("Nous resterons à Annecy", None)]),
    ("a description, a comma and a name: the name is the organisation",
     "Le sous-traitant choisi, Mécalor, dirigé par Paul Vernet, conteste les faits. « Nous étions les "
     "moins chers », a affirmé son dirigeant.",
     [("Nous étions les moins chers", "Paul Vernet")]),
]


@pytest.mark.parametrize(("why", "text", "expected"), POSSESSIVE_ROLES, ids=[c[0] for c in POSSESSIVE_ROLES])
def test_possessive_role_speaker(nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quote_speakers(nlp(text)) == expected, why


LEADERS = [
    ("'le cofondateur' of two founders is the one the sentence before is about",
     "Créée en 2019 par Julie Roche et Marc Petit, la société Ondine a levé 5 millions d'euros auprès "
     "du fonds Kestrel. Marc Petit, ingénieur de formation, dirige la recherche. « Nous déposerons dix "
     "brevets », a affirmé le cofondateur.",
     [("Nous déposerons dix brevets", "Marc Petit")]),
    ("... and nobody when that sentence is about someone else",
     "Créée en 2019 par Julie Roche et Marc Petit, la société Ondine a levé 5 millions d'euros. Le fonds "
     "Kestrel a mené le tour. « Nous déposerons dix brevets », a affirmé le cofondateur.",
     [("Nous déposerons dix brevets", None)]),
    ("'le dirigeant' is the one person the article gave a leader's title",
     "Marc Bailly, directeur général de Vernalis, a présenté le plan. « Nous investirons à Troyes », "
     "a déclaré le dirigeant.",
     [("Nous investirons à Troyes", "Marc Bailly")]),
    ("two leaders named: 'le dirigeant' is nobody",
     "Marc Bailly, directeur général de Vernalis, et Jean Roux, président de Kerval, ont signé. "
     "« Nous investirons à Troyes », a déclaré le dirigeant.",
     [("Nous investirons à Troyes", None)]),
    ("... also when one of them is a PDG, a title written in capitals",
     "Paul Rey, PDG d'Orvane, a rencontré Marc Petit, président de Kelia. « Le marché est mûr », "
     "a estimé le dirigeant.",
     [("Le marché est mûr", None)]),
    ("a PDG is a leader: 'le patron' is him",
     "Paul Rey, PDG d'Orvane, a reçu les syndicats. « Nous négocions », a affirmé le patron.",
     [("Nous négocions", "Paul Rey")]),
]


@pytest.mark.parametrize(("why", "text", "expected"), LEADERS, ids=[c[0] for c in LEADERS])
def test_leader_speaker(nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quote_speakers(nlp(text)) == expected, why


def test_a_body_of_several_words_speaks_for_the_owner_it_was_given(nlp) -> None:
    # "le conseil d'administration" is a body noun of three words, not the word "conseil"
    doc = run_dated(nlp, "Le conseil d'administration de Velia a validé le plan mardi. « Ces décisions sont "
                         "douloureuses », a indiqué le conseil d'administration.", datetime.date(2026, 3, 2))
    assert quote_speakers(doc) == [("Ces décisions sont douloureuses", "Velia")]
