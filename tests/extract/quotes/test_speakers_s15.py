"""Fifteenth session: the general ways French news attributes a quote, on text nobody tuned on.

Speech verbs the tagger misreads in an incise ("s'indigne", "s'enthousiasme-t-il", "tempère son
porte-parole"), a speech verb in the infinitive or the gerund sharing its governing verb's subject
("s'est-il contenté de répondre", "tout en assurant que"), a title's holder named after its
comma ("selon son conseil, Me X, il", "relève sa directrice, X, qui"), an "il" that stands for
the one person named since the last speaker, and the precision checks: an unnamed speaker or an
impersonal "on" in between, a feminine title that is no man, a person named between two quotes.
Sentences written for the test, on invented actors; quiet rows keep nobody nobody."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import quote_speakers, run_dated

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("a pronominal speech verb the tagger reads as an adjective ('s'indigne')",
     "La hausse des tarifs passe mal. « Les abonnements ont doublé en un an, c'est inacceptable », "
     "s'indigne Paul Mercadier, président de l'association des usagers du réseau.",
     [("Les abonnements ont doublé en un an, c'est inacceptable", "Paul Mercadier")]),
    ("... and as a noun ('s'enthousiasme-t-il')",
     "Le libraire Jonas Berthier a vendu tout son stock en une matinée. « Je n'avais jamais vu une "
     "telle file d'attente », s'enthousiasme-t-il.",
     [("Je n'avais jamais vu une telle file d'attente", "Jonas Berthier")]),
    ("a speech verb opening the incise that the tagger reads as an adjective ('tempère son "
     "porte-parole, X')",
     "La préfecture défend sa décision. « Les crues ont doublé en dix ans, il serait imprudent de ne "
     "rien faire », tempère son porte-parole, Antoine Roussel, qui promet une concertation.",
     [("Les crues ont doublé en dix ans, il serait imprudent de ne rien faire", "Antoine Roussel")]),
    ("a speech verb in the infinitive past the incise's reach: the governing verb's subject",
     "Le patron de la brasserie Malterre, Hugo Lenglet, n'a pas voulu commenter la rumeur. « Nous "
     "étudions toutes les pistes », s'est-il contenté de répondre.",
     [("Nous étudions toutes les pistes", "Hugo Lenglet")]),
    ("a gerund's quote is the main clause subject's ('tout en assurant que')",
     "Interrogé mardi, son porte-parole, Lukas Brandt, a salué « une belle réussite pour la filière », "
     "tout en assurant que Raumtek garderait « une longueur d'avance sur les prix ».",
     [("une belle réussite pour la filière", "Lukas Brandt"),
      ("une longueur d'avance sur les prix", "Lukas Brandt")]),
    ("the name set after the comma of a voice noun ('selon son conseil, Me X, il')",
     "L'ancien trésorier du club, Marc Aubineau, rejette toute faute. Selon son conseil, Me Claire "
     "Dutheil, il « ignorait tout des virements » effectués par le président.",
     [("ignorait tout des virements", "Claire Dutheil")]),
    ("the name after a title's comma, followed by its relative clause ('relève sa directrice "
     "générale, X, qui')",
     "Chez Véloria, on se félicite. « Les délais ont été tenus, ce qui est rare », relève sa directrice "
     "générale, Anna Kessler, qui n'exclut pas de nouvelles commandes.",
     [("Les délais ont été tenus, ce qui est rare", "Anna Kessler")]),
    ("... the name hung elsewhere by the parser, then its relative clause",
     "Chez Transalpa, on se réjouit aussi. « Le constructeur a tenu ses délais, ce qui est rare dans ce "
     "métier », relève sa directrice générale, Anna Weber, qui n'exclut pas de nouvelles commandes.",
     [("Le constructeur a tenu ses délais, ce qui est rare dans ce métier", "Anna Weber")]),
    ("'estime-t-il' after another paragraph: the one man named since the last speaker, whom the "
     "pronoun resolves to",
     "Interrogé mardi, le porte-parole de Raumtek, Lukas Brandt, a salué « une belle réussite pour la "
     "filière ».\n\nPour Julien Marsaud, la rivalité est saine. « Plus il y aura de concurrents, mieux le "
     "secteur se portera », estime-t-il.",
     [("une belle réussite pour la filière", "Lukas Brandt"),
      ("Plus il y aura de concurrents, mieux le secteur se portera", "Julien Marsaud")]),
    ("quiet: an 'elle' after a speaker the article does not name is not the named one before",
     "« Nous avons été prévenus trop tard », s'agace Martine Roubaud, commerçante.\n\n"
     "La commune se montre plus mesurée. « La station a beaucoup investi », nuance une élue. « La "
     "montagne de demain ne ressemblera pas à celle d'hier », prévient-elle.",
     [("Nous avons été prévenus trop tard", "Martine Roubaud"), ("La station a beaucoup investi", None),
      ("La montagne de demain ne ressemblera pas à celle d'hier", None)]),
    ("quiet: an inverted 'on' with no host the rules read is nobody, not the person named before",
     "Hélène Vidalou a écrit mardi au rectorat. « Le dialogue n'est pas rompu », glisse-t-on au "
     "rectorat.",
     [("Le dialogue n'est pas rompu", None)]),
    ("quiet: ... also where the parser makes 'on' the verb's subject",
     "Paul Mercadal a écrit au ministère. « Rien n'est décidé », assure-t-on au ministère.",
     [("Rien n'est décidé", None)]),
    ("a quote after a sentence whose subject is another person is that person's, not the previous "
     "quote's speaker's",
     "« Nous tiendrons nos engagements », a assuré Marc Olivetti, le directeur du site. Claire Fontanel "
     "reste sceptique. « Rien n'est signé, et rien ne le sera sans garanties. »",
     [("Nous tiendrons nos engagements", "Marc Olivetti"),
      ("Rien n'est signé, et rien ne le sera sans garanties.", "Claire Fontanel")]),
    ("an aside between an inverted verb and its subject is no venue ('regrette pour sa part X')",
     "Le conseil municipal a voté la fermeture de l'école. « C'est une erreur pour tout le village », "
     "regrette pour sa part Paul Renaudin, conseiller d'opposition.",
     [("C'est une erreur pour tout le village", "Paul Renaudin")]),
    ("a description of a former role ('l'ancien gardien') is the person of the sentence before",
     "Marc Delcourt, lui, n'a pas caché sa déception. « On m'avait promis un poste et un budget », a "
     "réagi l'ancien gardien sur les réseaux sociaux.",
     [("On m'avait promis un poste et un budget", "Marc Delcourt")]),
    ("quiet: ... not when its gender says another person",
     "Marc Delcourt, lui, n'a pas caché sa déception. « On m'avait promis un poste et un budget », a "
     "réagi l'ancienne gardienne sur les réseaux sociaux.",
     [("On m'avait promis un poste et un budget", None)]),
    ("quiet: the role the sentence before gives someone is not his former one (the predecessor "
     "reacts)",
     "Lucien Ferrand a été nommé directeur général de la coopérative Blévanne jeudi. « C'est une "
     "erreur de casting », a réagi l'ancien directeur général.",
     [("C'est une erreur de casting", None)]),
    ("quiet: two people in the sentence before, the former role may be either's",
     "Hugo Sarrazin a battu Ludovic Perret en finale du tournoi d'Angers. « Il a été meilleur que "
     "moi », a reconnu l'ancien numéro un français.",
     [("Il a été meilleur que moi", None)]),
    ("quiet: a former role followed by a name names someone, not the person of the sentence before",
     "La joueuse Julie Martin a remporté le tournoi. « C'est le plus beau jour de ma vie », a déclaré "
     "l'ancien numéro un mondial Marc Vidal, son entraîneur.",
     [("C'est le plus beau jour de ma vie", None)]),
    ("quiet: a present title with no name may be someone new",
     "Marc Delcourt a présenté son plan mardi. « C'est irréaliste », a réagi le ministre.",
     [("C'est irréaliste", None)]),
    ("quiet: a feminine title ('l'avocate') is no man, whatever the description resolved to",
     "« Nous demandons la saisie de tous ses biens », a déclaré son avocat, Me Arnaud Lecomte.\n\n"
     "L'ancien associé, Pascal Guérin, rejette toute responsabilité. « Mon client a signé ce qu'on lui "
     "présentait », plaide l'avocate.",
     [("Nous demandons la saisie de tous ses biens", "Arnaud Lecomte"),
      ("Mon client a signé ce qu'on lui présentait", None)]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(nlp, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = run_dated(nlp, text, datetime.date(2024, 5, 14))
    assert quote_speakers(doc) == expected, why


@pytest.mark.parametrize(("form", "expected"), [
    ("indigne", True), ("enthousiasme", True), ("agace", True), ("achète", False), ("mange", False),
])
def test_a_pronominal_speech_verb_by_its_ending(form: str, expected: bool) -> None:
    """"indigne" comes from "s'indigner", "enthousiasme" from "s'enthousiasmer"."""
    from chronique.extract.quotes.rules import load_quote_rules

    assert load_quote_rules("fr").is_reflexive_cue_finite(form) is expected
