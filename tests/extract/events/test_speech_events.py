"""Events told in speech (``chronique.extract.events.speech``): a quote's critical, approving or
threatening cue aims at whom the quote speaks of or to; a wish about someone's act is a request.

Sentences are our own, on actors of the knowledge base or named in the sentence; model tests are
marked ``slow``. The NOTHING rows are the precision check: the same words with no act between two
actors (well-wishing, a quote about nobody, a "vous" that addresses nobody).
"""

from __future__ import annotations

import datetime

import pytest

from chronique.model import Event
from tests.conftest import exported_events, run_dated

PUBLISHED = datetime.date(2025, 3, 12)

#: (text, expected exported events as (type, source, target)).
FOUND = [
    # the cue accuses the subject of the quote's first clause
    ("« Bercy a sabordé notre filière », a dénoncé Patrick Pouyanné.",
     {("ACCUSE", "patrick-pouyanne", "org:ministère de l'Économie")}),
    # ... or praises it
    ("« TotalEnergies a fait un travail remarquable », a salué Agnès Pannier-Runacher.",
     {("PRAISE", "person:Agnès Pannier-Runacher", "totalenergies")}),
    ("« Air France et KLM ont signé un excellent accord », a salué Clément Beaune.",
     {("PARTNER", "org:Air France", "org:KLM"), ("PRAISE", "person:Clément Beaune", "org:Air France"),
      ("PRAISE", "person:Clément Beaune", "org:KLM")}),
    # "vous": the person the cue addresses, or the one a speech verb of the quote addresses
    ("« Vous avez abandonné les supporters », a tancé Jean-Pierre Rivère à l'adresse de Didier Deschamps.",
     {("ACCUSE", "person:Jean-Pierre Rivère", "person:Didier Deschamps")}),
    ("« J'ai dit à Xavier Niel, vous avez ruiné le marché », a fustigé Martin Bouygues.",
     {("ACCUSE", "martin-bouygues", "xavier-niel")}),
    # a demand about someone's act
    ("La FNSEA exige que Lactalis relève le prix du lait.", {("REQUEST", "org:FNSEA", "org:Lactalis")}),
    ("Bruno Le Maire a demandé que Carrefour baisse ses marges.", {("REQUEST", "bruno-le-maire", "carrefour")}),
    ("Renault tient à ce que Nissan reste son partenaire.", {("REQUEST", "renault", "nissan")}),
    ("La CGT estime indispensable que la SNCF embauche des contrôleurs.", {("REQUEST", "org:CGT", "org:SNCF")}),
    # a judgment of someone's act: blame accuses, satisfaction praises
    ("« C'est inacceptable que Lactalis ait retiré ses produits », a déclaré Marc Fesneau.",
     {("ACCUSE", "person:Marc Fesneau", "org:Lactalis")}),
    ("« Triste et décevant que Lactalis ait préféré ses profits », a réagi Marc Fesneau.",
     {("ACCUSE", "person:Marc Fesneau", "org:Lactalis")}),
    ("Marc Fesneau s'est dit déçu par Lactalis.", {("ACCUSE", "person:Marc Fesneau", "org:Lactalis")}),
    ("« Je suis très déçu de la décision de Nestlé », a regretté Marc Fesneau.",
     {("ACCUSE", "person:Marc Fesneau", "org:Nestlé")}),
    ("Clément Beaune s'est dit satisfait des engagements pris par Air France.",
     {("PRAISE", "person:Clément Beaune", "org:Air France")}),
    ("« Nous sommes optimistes quant aux mesures prises par Renault », a déclaré Bruno Le Maire.",
     {("PRAISE", "bruno-le-maire", "renault")}),
    # a demand told with a sanction is also a threat; the object of "mettre en demeure" is hung on the noun
    ("La FNSEA a mis en demeure Lactalis de relever ses prix, sous peine de porter l'affaire devant la justice.",
     {("REQUEST", "org:FNSEA", "org:Lactalis"), ("THREATEN", "org:FNSEA", "org:Lactalis")}),
    ("Bruno Le Maire a exigé de Carrefour une baisse des prix, faute de quoi il saisira la justice.",
     {("REQUEST", "bruno-le-maire", "carrefour"), ("THREATEN", "bruno-le-maire", "carrefour")}),
    ("Le syndicat CGT a mis en demeure la direction de Renault de rouvrir les négociations.",
     {("REQUEST", "org:CGT", "renault")}),
    ("Le ministre Bruno Le Maire a mis en cause Lactalis dans cette affaire.",
     {("ACCUSE", "bruno-le-maire", "org:Lactalis")}),
    # the threatened is the one named, not the object of the act threatened
    ("Le président de Ryanair, Michael O'Leary, a menacé Aéroports de Paris de quitter Roissy.",
     {("THREATEN", "person:Michael O'Leary", "org:Aéroports de Paris")}),
    # a condition set on someone's act demands it of them (the author of the act: "par X")
    ("Bruxelles a subordonné son feu vert à l'abandon par Vivendi de sa participation dans Mediaset.",
     {("REQUEST", "commission-europeenne", "vivendi")}),
    # "vous" as the object of a verb in a quote: whom the speaker addresses
    ("Bernard Arnault a répondu à Xavier Niel. « Je vous accuse d'avoir menti aux actionnaires », "
     "a lancé Bernard Arnault.", {("ACCUSE", "bernard-arnault", "xavier-niel")}),
    ("Xavier Niel a rencontré Martin Bouygues. « Nous vous remercions pour votre soutien », a déclaré Xavier Niel.",
     {("PRAISE", "xavier-niel", "martin-bouygues")}),
    ("« Je vous menace de poursuites », a écrit Vincent Bolloré à Xavier Niel.",
     {("THREATEN", "vincent-bollore", "xavier-niel")}),
    # a wish said to whom it is wished of
    ("Emmanuel Macron a reçu Carlos Tavares à l'Élysée. « Nous voulons que vous construisiez ici », "
     "a poursuivi Emmanuel Macron.", {("REQUEST", "emmanuel-macron", "carlos-tavares")}),
]

NOTHING = [
    # a quote about no actor, or about the speaker's own side
    "« La saison a été difficile pour tout le monde », a déploré Didier Deschamps.",
    "« Nous avons perdu contre l'Espagne », a regretté Kylian Mbappé.",
    "« Je suis fier de mes joueurs », a salué Luis Enrique après la victoire du PSG.",
    # a hypothesis, a relative clause: not what the quote asserts of its subject
    "« Si Renault ferme l'usine de Flins, ce sera une catastrophe », a dénoncé Sophie Binet.",
    # a "vous" that addresses nobody in particular
    "Ben Smith a rencontré Michael O'Leary. « Vous savez, la concurrence est rude », a ironisé Ben Smith.",
    # wishing well is no request; a passive wished clause names no doer; a question asks nothing
    "Xavier Niel souhaite que Free devienne le premier opérateur.",
    "« Je souhaite que le PSG gagne la Ligue des champions », a confié Nasser Al-Khelaïfi.",
    "Le Qatar espère que le PSG gagnera la Ligue des champions.",
    "Bruxelles demande que les données des utilisateurs soient protégées.",
    "Jean-Pierre Farandou a demandé si la SNCF pourrait augmenter ses prix.",
    "Michel-Édouard Leclerc s'est demandé si Lactalis allait augmenter ses prix.",
    # a judgment of nobody's act, of one's own side, of an act one does
    "« Il est regrettable que la saison soit finie », a dit Didier Deschamps.",
    "« Je suis satisfait de mon équipe », a dit Didier Deschamps.",
    "« Je suis ravi de travailler avec Renault », a déclaré Carlos Ghosn.",
    "Kylian Mbappé est déçu de sa défaite face à l'Espagne.",
    "Airbus est confiant dans sa stratégie.",
    # a person's "nous" in a deal is their organisation, which the quote does not name
    "« Nous rachèterons Kestrel », a déclaré Paul Verdier.",
    # a condition on a thing, not on an actor's act
    "Apple conditionne l'accès à l'App Store au respect de ses règles.",
    # a warning to customers is no threat to anyone
    "Carrefour a demandé à ses clients de venir tôt, sous peine de trouver les rayons vides.",
]



def _exported(nlp, text: str) -> list[Event]:
    return exported_events(nlp, text, PUBLISHED)


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_speech_tells_who_acts_on_whom(nlp, text, expected):
    assert {(e.type, e.sources[0], e.targets[0]) for e in _exported(nlp, text)} == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", NOTHING, ids=[t[:40] for t in NOTHING])
def test_speech_without_an_act_between_two_actors_tells_nothing(nlp, text):
    assert _exported(nlp, text) == []


@pytest.mark.slow
def test_a_cue_event_is_the_speakers_and_a_denied_demand_is_negated(nlp):
    doc = run_dated(nlp, "« Bercy a sabordé notre filière », a dénoncé Patrick Pouyanné mardi.", PUBLISHED)
    (event,) = doc._.events
    assert (event.rule, event.trigger, event.modality, event.date) == ("ACCUSE quote cue", "dénoncé", "asserted", "2025-03-11")
    doc = run_dated(nlp, "La FNSEA n'exige pas que Lactalis relève le prix du lait.", PUBLISHED)
    assert [(e.type, e.modality) for e in doc._.events] == [("REQUEST", "negated")]
