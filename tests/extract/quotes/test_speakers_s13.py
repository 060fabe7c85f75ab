"""Thirteenth session: a speaker named after the quote by a title the article gave its person in
other words than an apposition: a role verb ("X dirige Y" … "a assuré le patron de Y",
``coref_roles``) or a predicate ("X a été nommé directeur général" … "a affirmé le dirigeant",
``titles``), or restated with a lower-case complement ("la présidente de la fédération",
``descriptions``); a source phrase naming figures or a document of an organisation ("selon les
calculs de X", "selon un communiqué du groupe X"); a quote making up its own paragraph after a
person's (``sequence``); an "il"/"elle" that agrees with the person it is read as (``incise``).
Sentences written for the test, on invented actors; quiet rows keep nobody nobody."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import quote_speakers, run_dated

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("a role verb says who 'le patron de Y' is",
     "Marc Delorme dirige la compagnie Aérolys depuis 2019. Il a annoncé mardi un plan d'embauche.\n\n"
     "« Nous allons recruter trois cents pilotes », a assuré le patron d'Aérolys.",
     [("Nous allons recruter trois cents pilotes", "Marc Delorme")]),
    ("... through a relative pronoun",
     "Léa Vidal, qui dirige Corvane depuis mars, a reçu les syndicats. « Aucun site ne fermera », "
     "a promis la patronne de Corvane.",
     [("Aucun site ne fermera", "Léa Vidal")]),
    ("quiet: a negated role verb says nobody holds it",
     "Marc Delorme ne dirige plus Aérolys. « Nous allons recruter », a assuré le patron d'Aérolys.",
     [("Nous allons recruter", None)]),
    ("quiet: what is run is the complement's subsidiary, not the company named",
     "Marc Delorme dirige la filiale de Velquor. « Nous allons recruter », a assuré le patron de Velquor.",
     [("Nous allons recruter", None)]),
    ("a title given by an appointment in the passive",
     "Jean Lorrain a été nommé directeur général de Nexima en 2020.\n\nLe groupe a perdu de l'argent "
     "pendant trois ans.\n\n« Nous serons rentables en 2026 », a affirmé le dirigeant.",
     [("Nous serons rentables en 2026", "Jean Lorrain")]),
    ("a title given by 'devenir'",
     "Sophie Marin est devenue la patronne de Velmar en mars. « Le plan sera tenu », a assuré la dirigeante.",
     [("Le plan sera tenu", "Sophie Marin")]),
    ("quiet: the subject of an active appointment does not take the title it gives",
     "Paul Royer a nommé Sophie Marin directrice de l'usine. « Le plan sera tenu », a assuré le directeur.",
     [("Le plan sera tenu", None)]),
    ("a title with a lower-case complement restates the one given in apposition",
     "Sandrine Bal, présidente de la fédération des boulangers, s'inquiète de la hausse du prix du blé. "
     "« Beaucoup d'artisans vont fermer », prévient la présidente de la fédération.",
     [("Beaucoup d'artisans vont fermer", "Sandrine Bal")]),
    ("quiet: a complement the article never gave that title is someone else's",
     "Sandrine Bal, présidente de la fédération des boulangers, s'inquiète de la hausse du prix du blé. "
     "« Beaucoup d'artisans vont fermer », prévient la présidente de la chambre de commerce.",
     [("Beaucoup d'artisans vont fermer", None)]),
    ("figures are their maker's word",
     "Le projet coûtera « au moins deux milliards d'euros », selon les calculs de la Cour des comptes.",
     [("au moins deux milliards d'euros", "Cour des comptes")]),
    ("a document's owner named after a cue noun the parser tagged as its adjective",
     "« Les prix vont baisser », selon un communiqué du groupe Miraval publié mardi.",
     [("Les prix vont baisser", "Miraval")]),
    ("an unknown name a communiqué is of is an organisation, which speaks",
     "« Les prix vont baisser », selon un communiqué de Miraval.",
     [("Les prix vont baisser", "Miraval")]),
    ("quiet: a study of nobody named is nobody's",
     "Les loyers ont augmenté. « Les prix vont encore monter », selon une étude publiée mardi.",
     [("Les prix vont encore monter", None)]),
    ("a quote making up its own paragraph continues the person the paragraph before ended on",
     "Le syndicaliste Bruno Texier mène la grève depuis trois semaines.\n\n« Nous ne reprendrons pas "
     "le travail sans garantie. »\n\nLa direction n'a pas répondu.",
     [("Nous ne reprendrons pas le travail sans garantie.", "Bruno Texier")]),
    ("quiet: nor across a heading, which no full stop closes",
     "Le syndicaliste Bruno Texier mène la grève depuis trois semaines.\n\nUne usine à l'arrêt\n\n"
     "« Pas de reprise sans garantie. »",
     [("Pas de reprise sans garantie.", None)]),
    ("quiet: 'elle' is not the man whose words came before",
     "Romain Vidal a pris la parole devant les élus. Elle ajoute : « Nous allons investir. »",
     [("Nous allons investir.", None)]),
    ("'elle' passes over the man last the subject for the woman the pronoun stands for",
     "Julie Ferrand a présenté le budget. Son adjoint Marc Olivier l'a défendu. « Les comptes sont "
     "sains », a-t-elle affirmé.",
     [("Les comptes sont sains", "Julie Ferrand")]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(nlp, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = run_dated(nlp, text, datetime.date(2024, 5, 14))
    assert quote_speakers(doc) == expected, why
