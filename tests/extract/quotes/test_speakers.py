"""Who says a quote, on the real French model: the cue shapes of the press, one row each.

Every sentence here is written for the test (other actors, other subjects than any evaluation
text). The second table holds sentences where nobody we know speaks: a rule that guesses a
neighbour shows up there.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronique.extract.quotes.rules import load_quote_rules
from tests.conftest import quote_speakers

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name)])
SPEAKER_CASES = [
    ("pronominal speech verb, inverted subject",
     "« Ce budget sacrifie les écoles », s'agace Anne Hidalgo.",
     [("Ce budget sacrifie les écoles", "Anne Hidalgo")]),
    ("speech verb of anger",
     "« Personne ne nous a consultés », tempête Jean Castex.",
     [("Personne ne nous a consultés", "Jean Castex")]),
    ("locution after the quote",
     "« Nous ne céderons pas sur les salaires », fait valoir Laurent Berger.",
     [("Nous ne céderons pas sur les salaires", "Laurent Berger")]),
    ("locution governing the quote",
     "Carlos Tavares a fait savoir aux syndicats que « l'usine de Rennes restera ouverte ».",
     [("l'usine de Rennes restera ouverte", "Carlos Tavares")]),
    ("an inverted pronoun follows the person who took the floor",
     "Laurent Berger a répondu aux journalistes. « Nous irons jusqu'au bout », a-t-il lancé. "
     "Patrick Martin a critiqué la réforme devant les patrons. « C'est une faute », a-t-il ajouté.",
     [("Nous irons jusqu'au bout", "Laurent Berger"), ("C'est une faute", "Patrick Martin")]),
    ("one incise for the quotes of its sentence",
     "Boeing « a caché les défauts » en « pressant ses ingénieurs », a estimé la juge Karen Lee.",
     [("a caché les défauts", "Karen Lee"), ("pressant ses ingénieurs", "Karen Lee")]),
    ("a second quote of the sentence with no new cue",
     "Sophie Binet a dénoncé « une réforme injuste » et « un passage en force ».",
     [("une réforme injuste", "Sophie Binet"), ("un passage en force", "Sophie Binet")]),
    ("a cue-less sentence of the paragraph continues the speaker",
     "« Nous refusons ce plan », a déclaré Sophie Binet. Il s'agit d'une réponse « définitive ».",
     [("Nous refusons ce plan", "Sophie Binet"), ("définitive", "Sophie Binet")]),
    ("a headline quoting words said further on",
     "« Nous ne quitterons pas la Russie »\n\nLe constructeur reste prudent. "
     "« Nous ne quitterons pas la Russie cette année », a affirmé Luca de Meo.",
     [("Nous ne quitterons pas la Russie", "Luca de Meo"),
      ("Nous ne quitterons pas la Russie cette année", "Luca de Meo")]),
    ("a spokesperson speaks for the company",
     "« Nous étudions la décision avec attention », a indiqué un porte-parole de Renault.",
     [("Nous étudions la décision avec attention", "Renault")]),
    ("a document read by 'on' is its author's",
     "Dans un communiqué, Airbus annonce de nouvelles commandes.\n\n"
     "« La demande reste très forte en Asie », peut-on y lire.",
     [("La demande reste très forte en Asie", "Airbus")]),
    ("an incise right after the closing mark, no comma",
     "« Nous avons mérité cette victoire » affirme Rafael Nadal.",
     [("Nous avons mérité cette victoire", "Rafael Nadal")]),
    ("a quote making up its sentence after a person's sentence",
     "Xavier Niel a défendu son offre devant les actionnaires. « Nous sommes le meilleur acheteur. »",
     [("Nous sommes le meilleur acheteur.", "Xavier Niel")]),
    ("the salient person is the main subject, not one named later in a subordinate clause",
     "Plus tôt dans la journée, Élisabeth Borne a reçu Laurent Berger pour lui demander ce qu'il "
     "comptait faire. « Le dialogue doit reprendre », a-t-elle déclaré.",
     [("Le dialogue doit reprendre", "Élisabeth Borne")]),
    ("a name in brackets inside the quote is not the speaker",
     "« Nous devons avancer », a déclaré Élisabeth Borne. "
     "« Je le [Berger, NDLR] respecte », a-t-elle poursuivi.",
     [("Nous devons avancer", "Élisabeth Borne"), ("Je le [Berger, NDLR] respecte", "Élisabeth Borne")]),
    ("an inverted incise closing the sentence after a relative clause",
     "Thierry Breton a rendu sa décision. Meta « a enfreint les règles », ce qui constitue une "
     "violation du droit européen, a-t-il ajouté.",
     [("a enfreint les règles", "Thierry Breton")]),
    ("a document speaks for its owner",
     "Le rapport de la Cour des comptes évoque une « crise profonde » de l'hôpital.",
     [("crise profonde", "Cour des comptes")]),
    ("a letter written by someone is theirs",
     "Un courrier écrit par Rodolphe Saadé a été envoyé au ministre. Le texte dénonce une "
     "« concurrence déloyale ».",
     [("concurrence déloyale", "Rodolphe Saadé")]),
    ("an answer introduced by its topic is the interviewee's",
     "Invitée sur France Inter, Christine Lagarde a détaillé sa politique. "
     "Sur l'inflation : « Elle reculera l'an prochain. »",
     [("Elle reculera l'an prochain.", "Christine Lagarde")]),
    ("a present participle of a speech verb read as a noun after its object pronoun",
     "Le groupe Casino a rejeté ces critiques jeudi, les qualifiant de « sans fondement ».",
     [("sans fondement", "Casino")]),
    ("an unowned spokesperson speaks for the organisation whose sentence the quote completes",
     "Le groupe Vicat, propriétaire de la carrière, « regrette ces dégradations », a indiqué un porte-parole.",
     [("regrette ces dégradations", "Vicat")]),
    ("an answer whose topic names an actor is still the interviewee's",
     "Interrogé par Ouest-France, Thierry Breton a défendu son bilan. "
     "Sur l'énergie : « Les prix vont baisser. »\n\nSur la Commission européenne : « Elle doit accélérer. »",
     [("Les prix vont baisser.", "Thierry Breton"), ("Elle doit accélérer.", "Thierry Breton")]),
    ("the name closing a role noun's appositions",
     "Le sénateur LR des Hauts-de-Seine Roger Karoutchi a salué la décision. "
     "On ne peut pas « reculer maintenant », a-t-il estimé.",
     [("reculer maintenant", "Roger Karoutchi")]),
    ("a participle the tagger reads as a noun, right after the inverted pronoun",
     "Rachida Dati a présenté la réforme. « Elle est indispensable », a-t-elle martelé devant les députés.",
     [("Elle est indispensable", "Rachida Dati")]),
    ("an unnamed speaker's incise does not continue the previous speaker",
     "La CGT dénonce « des suppressions de postes déguisées ».\n\n« Rien n'est réglé », estime un délégué.",
     [("des suppressions de postes déguisées", "CGT"), ("Rien n'est réglé", None)]),
    ("a colon introduction names the speaker a later description only describes",
     "Alertée par des voisins, Martine Leroy a couru vers l'école : « Je suis arrivée trop tard », "
     "explique cette mère de famille.",
     [("Je suis arrivée trop tard", "Martine Leroy")]),
    ("a term followed by its translation is nobody's words",
     "« Nous restons vigilants », a déclaré le général Henri Bentégeat. C'est le principe du "
     "« soft power » (puissance douce), qui se passe de chars.",
     [("Nous restons vigilants", "Henri Bentégeat"), ("soft power", None)]),
    ("a prepositional phrase the parser made a subject is not the speaker",
     "« Nous sommes prêts à investir », a de son côté commenté Marie Dupin, directrice financière "
     "de Decathlon, dans un communiqué.",
     [("Nous sommes prêts à investir", "Marie Dupin")]),
    ("a quote opening the predicate of its subject, and the quotes of its sentence",
     "La Commission européenne a « examiné avec attention les engagements de Vivendi », "
     "sanctionnant « l'opacité » du groupe.",
     [("examiné avec attention les engagements de Vivendi", "Commission européenne"),
      ("l'opacité", "Commission européenne")]),
    ("a quoted predicate with no speech verb",
     "Le Conseil d'État a « pris acte de la volonté du gouvernement » et a rejeté le recours.",
     [("pris acte de la volonté du gouvernement", "Conseil d'État")]),
    ("a letter speaks for its writer, not for the apposition the parser made a second subject",
     "Dernier épisode, un courrier écrit par le maire de Lyon Grégory Doucet. Adressé lundi à "
     "Christophe Béchu, le ministre de la Transition, la missive le met en demeure de financer le "
     "tramway sous peine de porter l'affaire devant le tribunal pour « carence fautive ».",
     [("carence fautive", "Grégory Doucet")]),
    ("the company of an incise is the subject before the quote, not a name inside it",
     "Le groupe suédois Velora a annoncé lundi le rachat de son concurrent Nuvio, détenu en partie "
     "par Renault.\n\n« Velora annonce l'acquisition de Nuvio, pionnier de la trottinette en France », "
     "a indiqué la société dans un communiqué.",
     [("Velora annonce l'acquisition de Nuvio, pionnier de la trottinette en France", "Velora")]),
    ("a few words quoted in a cue-less sentence are its active subject's",
     "Le groupe ferroviaire Alstom va entrer au capital de Keolis pour « bâtir une alliance durable ».",
     [("bâtir une alliance durable", "Alstom")]),
    ("a spokesperson without owner speaks for the organisation subject of the sentence before",
     "Le fabricant suédois Ericsson a déposé plainte contre Lenovo. Un porte-parole a expliqué à "
     "l'AFP : « Nous défendrons nos brevets ».",
     [("Nous défendrons nos brevets", "Ericsson")]),
    ("a gloss in parentheses is read like the title it translates",
     "Le ministre a défendu la loi intitulée « Pour une école de la confiance » "
     "(« for a school of trust »), selon Jean-Michel Blanquer.",
     [("Pour une école de la confiance", None), ("for a school of trust", None)]),
]

# Sentences where no known actor speaks: the speaker must stay unknown.
NOBODY_CASES = [
    "Le préfet estime que Vicat « a menti », a indiqué un porte-parole.",
    "La réforme des retraites divise le pays. Sur les salaires : « rien de nouveau ».",
    "« Le rachat est imminent », précise une source citée par Bloomberg.",
    "Selon un proche du dossier, la vente de Fnac serait « imminente ».",
    "Le rapport évoque une « crise profonde » du secteur.",
    "Les habitants de Nantes dénoncent une « décision absurde ».",
    "Le président de la FNSEA a critiqué un « accord déséquilibré » avec le Mercosur.",
    "Vivendi a adressé à Lagardère une « mise en demeure » lundi.",
    "« Nous sommes inquiets », expliquent les deux syndicats dans un communiqué commun.",
    "Le groupe Danone a été « profondément transformé » par la crise.",
    "Renault a été sanctionné pour « pratiques trompeuses » par la DGCCRF.",
    "Total a racheté la start-up, une « pépite » de l'hydrogène selon les analystes.",
    "Le ministre Paul Verdier a reçu Renault. « Rien n'est décidé », a indiqué un porte-parole.",
    "Danone a cédé sa filiale russe. Le groupe a « tourné la page », estime un analyste.",
    "Le Premier ministre Michel Barnier a demandé à Berlin des explications sur cette mesure jugée « hostile » à Paris.",
]


@pytest.mark.parametrize(("why", "text", "expected"), SPEAKER_CASES, ids=[c[0] for c in SPEAKER_CASES])
def test_speaker_of_each_cue_shape(nlp: Language, why: str, text: str, expected: list) -> None:
    assert quote_speakers(nlp(text)) == expected


@pytest.mark.parametrize("text", NOBODY_CASES)
def test_nobody_known_speaks(nlp: Language, text: str) -> None:
    speakers = [speaker for _, speaker in quote_speakers(nlp(text))]
    assert speakers and all(speaker is None for speaker in speakers)


def test_reporting_verb_lexicon_is_at_the_size_of_french() -> None:
    rules = load_quote_rules("fr")
    assert len(rules.cue_lemmas) >= 250
    assert len(rules.locutions) >= 50
    assert {"s'agacer", "tempêter"} - {"s'" + v for v in rules.reflexive_cue_lemmas} - rules.cue_lemmas == set()
    assert ("faire", "valoir") in rules.locutions and ("mettre", "en", "garde") in rules.locutions
