"""Fourteenth session: a possessive title with adjectives that introduces a name ("Son directeur
général, X,") is that name's, not a holder the article named before (``coref_possessive_roles``);
a general noun for a leader ("le dirigeant") takes up a holder the reader has met, never one the
article names further on (``descriptions``).
Sentences written for the test, on invented actors; quiet rows keep nobody nobody."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import quote_speakers, run_dated

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("a possessive title with its adjectives, then a name: the name's",
     "Jean-Yves Le Bihan, président de la coopérative laitière Terres d'Argoat, a ouvert mercredi "
     "l'assemblée générale du groupe à Pontivy.\n\nJean-Yves Le Bihan, éleveur à Baud, a été réélu à la "
     "tête de la coopérative pour trois ans. Son directeur général, Philippe Roudaut, a détaillé les "
     "comptes : le chiffre d'affaires a atteint 2,4 milliards d'euros en 2020. « Sans une hausse des prix, "
     "nous ne pourrons pas maintenir la rémunération des éleveurs », a-t-il averti.",
     [("Sans une hausse des prix, nous ne pourrons pas maintenir la rémunération des éleveurs",
       "Philippe Roudaut")]),
    ("'le dirigeant' is the leader met already, not one named further on",
     "Le président de l'AS Brévannes, Marc Tellier, a limogé dimanche l'entraîneur Luc Perrin. « J'ai pris "
     "mes responsabilités », a expliqué le dirigeant lors d'une conférence de presse.\n\nLe directeur "
     "général du fonds Oakridge Capital, Tom Hale, a pour sa part défendu la stratégie du club.",
     [("J'ai pris mes responsabilités", "Marc Tellier")]),
    ("quiet: the only leader is named after the quote",
     "Les supporters du club de Valdor ont manifesté dimanche devant le stade. « Nous avons pris nos "
     "responsabilités », a expliqué le dirigeant lors d'une conférence de presse.\n\nLe directeur "
     "général du fonds Oakridge, Tom Hale, a pour sa part défendu la stratégie du club.",
     [("Nous avons pris nos responsabilités", None)]),
    ("a quoted predicate in the complement of a speech verb is the speech verb's subject's",
     "Le conseil de Kalio s'est réuni mardi. Paul Roux a ajouté que la société Nexal « tiendra ses "
     "engagements, comme toujours ».",
     [("tiendra ses engagements, comme toujours", "Paul Roux")]),
    ("quiet: ... even when that subject names nobody known",
     "Le directeur a ajouté que le Comité national des prix « fera son travail, comme pour les autres ».",
     [("fera son travail, comme pour les autres", None)]),
    ("a title with 'délégué chargé de' before the name gives the name the title",
     "« Nous ne laisserons pas faire », a prévenu mercredi le ministre délégué chargé des Transports, "
     "Rémi Castaing, interrogé à la radio. Le ministre a ajouté que le comité « fera son travail ».",
     [("Nous ne laisserons pas faire", "Rémi Castaing"), ("fera son travail", "Rémi Castaing")]),
    ("... and 'déléguée à'",
     "« Nous ne laisserons pas faire », a prévenu mercredi la ministre déléguée à l'Industrie, Sophie "
     "Morand. La ministre a ajouté que le comité « fera son travail ».",
     [("Nous ne laisserons pas faire", "Sophie Morand"), ("fera son travail", "Sophie Morand")]),
    ("an inverted speech verb the tagger reads as an adjective, its grave accent an acute one in "
     "the infinitive ('tempère-t-il': tempérer)",
     "Tout le monde ne partage pas cet enthousiasme. Le climatologue Henri Vasseur, chercheur à l'Institut "
     "Pierre-Simon-Laplace, juge ces annonces « prématurées ». « Un capteur qui marche en laboratoire n'est "
     "pas un satellite qui marche en orbite », tempère-t-il.",
     [("prématurées", None),
      ("Un capteur qui marche en laboratoire n'est pas un satellite qui marche en orbite", "Henri Vasseur")]),
    ("... 'concède-t-elle'",
     "La physicienne Camille Roussel reste prudente. « Il nous reste deux ans d'essais », concède-t-elle.",
     [("Il nous reste deux ans d'essais", "Camille Roussel")]),
    ("a quote closing its own sentence inside the marks, right after a person's sentence, is hers "
     "even when another sentence follows it",
     "Mathilde Orsini, qui a quitté le studio en 2021, a elle aussi pris la parole. « Ce studio, c'est "
     "quinze ans de travail. Le sacrifier serait une erreur historique. » La cofondatrice, désormais à la "
     "tête de la jeune pousse Craie Rouge, a proposé de reprendre une partie de l'équipe.",
     [("Ce studio, c'est quinze ans de travail. Le sacrifier serait une erreur historique.", "Mathilde Orsini")]),
    ("quiet: ... not after a sentence whose subject is no person",
     "La réunion a duré trois heures. « Ce studio, c'est quinze ans de travail. Le sacrifier serait une "
     "erreur historique. » La cofondatrice Mathilde Orsini a proposé de reprendre une partie de l'équipe.",
     [("Ce studio, c'est quinze ans de travail. Le sacrifier serait une erreur historique.", None)]),
    ("a title whose complement the model tagged a person ('de Médirys/PER') still gives the name "
     "after it the title",
     "« C'est l'aboutissement de douze ans de recherche », s'est félicité le directeur général de "
     "Médirys, Antoine Lescure, qui a cofondé la société en 2011 avec la neurologue Nadia Benali.\n\n"
     "Du côté de Médirys, on se dit prêt à discuter. « Chaque mois perdu, ce sont des patients qui "
     "attendent », a insisté le dirigeant.",
     [("C'est l'aboutissement de douze ans de recherche", "Antoine Lescure"),
      ("Chaque mois perdu, ce sont des patients qui attendent", "Antoine Lescure")]),
    ("'par la voix de son délégué, Y,' in an incise of the subject: Y speaks",
     "Le syndicat CFE-CGC, par la voix de son délégué central chez Kalvia, Patrick Lenoir, a réclamé "
     "« un plan industriel clair ».",
     [("un plan industriel clair", "Patrick Lenoir")]),
    ("'C'est par ces mots que X …' after a quote opening its paragraph: X said it",
     "« Nous ne serons pas la variable d'ajustement de la grande distribution. » C'est par ces mots que "
     "Jean-Yves Le Bihan, président de la coopérative laitière Terres d'Argoat, a ouvert mercredi "
     "l'assemblée générale du groupe à Pontivy.",
     [("Nous ne serons pas la variable d'ajustement de la grande distribution.", "Jean-Yves Le Bihan")]),
    ("... 'C'est en ces termes que'",
     "« Nous ne céderons pas. » C'est en ces termes que la ministre Claire Vidal a conclu la réunion.",
     [("Nous ne céderons pas.", "Claire Vidal")]),
    ("quiet: 'C'est en ces termes que X a été interpellé par Y': X heard the words, did not say them",
     "« Nous ne céderons pas. » C'est en ces termes que Paul Roux a été interpellé par la ministre "
     "Claire Vidal lors de l'assemblée.",
     [("Nous ne céderons pas.", None)]),
    ("quiet: a sentence after the quote that does not take its words up",
     "« Nous ne céderons pas. » La réunion a duré trois heures avec Paul Roux.",
     [("Nous ne céderons pas.", None)]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(nlp, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = run_dated(nlp, text, datetime.date(2024, 5, 14))
    assert quote_speakers(doc) == expected, why


@pytest.mark.parametrize(("form", "expected"), [
    ("tempère", True), ("concède", True), ("répète", True), ("reproche", True), ("achète", False),
])
def test_a_finite_speech_verb_by_its_ending(form: str, expected: bool) -> None:
    """"tempère" comes from "tempérer": the stem's grave accent is an acute one in the infinitive."""
    from chronique.extract.quotes.rules import load_quote_rules

    assert load_quote_rules("fr").is_cue_finite(form) is expected
