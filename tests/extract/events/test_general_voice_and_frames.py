"""Generalisation (issue 15): constructions of French wire copy that news-dev seldom shows.

- "Le syndicat X a accusé Y de ...": the tagger may give the participle a passive voice and its
  subject a passive label; a tense auxiliary "avoir" without "été" says the clause is active.
- "a félicité Isar Aerospace/obl:arg": a name after the verb, with no preposition, hung as an
  oblique, is the object the parser lost.
- "X a annoncé la création d'une coentreprise avec Y": a noun of making or sealing ("création",
  "constitution", "signature", "mise en place") carries the event noun under it, whose agent is
  the clause's subject and whose partner is the "avec" phrase.
- "a commandé mercredi 40 rames au constructeur X": the parser hangs the counted object on the
  bare day before it (and the seller on either); the counted noun is the object.
- "X, concurrent historique de Y, a ...": the parser may make the noun a conjunct of the name and
  hang the comma on the noun; the noun is still said of the name before the comma.
- "Son concurrent direct, le laboratoire X, a ...": the name set between commas after a
  sentence-opening possessed noun is the one the noun names (events/appositions.py).
- "X a appelé le gouvernement à rompre le contrat avec Y": the object of an object-control verb
  does the infinitive even when it names no actor; the caller is not the one who breaks.

Parse repairs are tested on hand-built Docs reproducing the parser's mistakes, the whole chain on
the real model with sentences of our own (``slow``). The NOTHING rows are the precision check.
"""

from __future__ import annotations

import datetime

import pytest
import spacy
from spacy.tokens import Doc

from chronique.extract.events.lexicon import load_event_lexicon
from chronique.extract.events.syntax import ParseReader
from chronique.kb import load_knowledge_base
from chronique.model import Entity, Event
from chronique.nlp.extensions import ActorMention, register_extensions
from tests.conftest import exported_events

register_extensions()
VOCAB = spacy.blank("fr").vocab
WORDS = load_event_lexicon("fr")
PUBLISHED = datetime.date(2026, 1, 14)
PARTICIPLE = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass"


def _doc(rows: list[tuple[str, str, int, str, str, str]], names: dict[str, tuple[str, str]]) -> Doc:
    """A Doc from (word, pos, head, dep, lemma, morph) rows; ``names`` maps a mention to (key, type)."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, spaces=[True] * len(words), pos=[r[1] for r in rows],
              heads=[r[2] for r in rows], deps=[r[3] for r in rows], lemmas=[r[4] or r[0] for r in rows],
              morphs=[r[5] for r in rows])
    text = doc.text
    doc._.actor_mentions = [ActorMention(text.index(name), text.index(name) + len(name), key)
                            for name, (key, _) in names.items()]
    doc._.entities = [Entity(key=key, name=name, type=kind) for name, (key, kind) in names.items()]
    return doc


def _reader() -> ParseReader:
    return ParseReader(WORDS, load_knowledge_base())


# ------------------------------------------------------------------ hand-built parse repairs

def _accused(auxiliaries: list[tuple[str, str, int, str, str, str]]) -> Doc:
    """"La fédération Solidaires <auxiliaries> accusé Verrerie de mentir ." with the subject
    labelled nsubj:pass and the object xcomp, as the parser reads it."""
    verb = 3 + len(auxiliaries)
    rows = [("La", "DET", 1, "det", "le", ""), ("fédération", "NOUN", verb, "nsubj:pass", "fédération", ""),
            ("Solidaires", "PROPN", 1, "nmod", "", ""), *auxiliaries,
            ("accusé", "VERB", verb, "ROOT", "accuser", PARTICIPLE), ("Verrerie", "PROPN", verb, "xcomp", "", ""),
            ("de", "ADP", verb + 3, "mark", "de", ""), ("mentir", "VERB", verb, "xcomp", "mentir", "VerbForm=Inf")]
    return _doc(rows, {"Solidaires": ("solidaires", "ORG"), "Verrerie": ("verrerie", "ORG")})


def test_a_compound_past_with_avoir_is_active_whatever_voice_the_tagger_gives():
    doc = _accused([("a", "AUX", 4, "aux:tense", "avoir", "VerbForm=Fin")])
    reader = _reader()
    assert not reader.is_passive(doc[4])
    assert reader.subject(doc[4]) == (["solidaires"], True)
    assert reader.object_actors(doc[4]) == ["verrerie"]


def test_a_compound_past_with_ete_stays_passive():
    # "La fédération Solidaires a été accusé ...": the federation is accused, it accuses nobody.
    doc = _accused([("a", "AUX", 5, "aux:tense", "avoir", "VerbForm=Fin"),
                    ("été", "AUX", 5, "aux:pass", "être", "VerbForm=Part")])
    reader = _reader()
    assert reader.is_passive(doc[5])
    assert reader.subject(doc[5])[0] == []


def test_a_bare_name_hung_as_an_oblique_after_the_verb_is_its_object():
    # "Le patron de Solvane a félicité Kerlan Spatial pour ce tir ." with the name made obl:arg.
    doc = _doc([("Le", "DET", 1, "det", "le", ""), ("patron", "NOUN", 5, "nsubj", "patron", ""),
                ("de", "ADP", 3, "case", "de", ""), ("Solvane", "PROPN", 1, "nmod", "", ""),
                ("a", "AUX", 5, "aux:tense", "avoir", "VerbForm=Fin"),
                ("félicité", "VERB", 5, "ROOT", "féliciter", "VerbForm=Part"),
                ("Kerlan", "PROPN", 5, "obl:arg", "", ""), ("Spatial", "PROPN", 5, "obl:arg", "", ""),
                ("pour", "ADP", 10, "case", "pour", ""), ("ce", "DET", 10, "det", "ce", ""),
                ("tir", "NOUN", 5, "obl:mod", "tir", "")],
               {"Solvane": ("solvane", "ORG"), "Kerlan Spatial": ("kerlan-spatial", "ORG")})
    assert _reader().object_actors(doc[5]) == ["kerlan-spatial"]


def test_an_oblique_with_its_preposition_is_no_object():
    # "Le patron de Solvane a parlé avec Kerlan ." : "avec Kerlan" is a complement, not an object.
    doc = _doc([("Le", "DET", 1, "det", "le", ""), ("patron", "NOUN", 5, "nsubj", "patron", ""),
                ("de", "ADP", 3, "case", "de", ""), ("Solvane", "PROPN", 1, "nmod", "", ""),
                ("a", "AUX", 5, "aux:tense", "avoir", "VerbForm=Fin"),
                ("parlé", "VERB", 5, "ROOT", "parler", "VerbForm=Part"),
                ("avec", "ADP", 7, "case", "avec", ""), ("Kerlan", "PROPN", 5, "obl:arg", "", "")],
               {"Solvane": ("solvane", "ORG"), "Kerlan": ("kerlan", "ORG")})
    assert _reader().object(doc[5]) is None


# ------------------------------------------------------------------ the real model

#: (text, expected exported events as (type, source, target)).
FOUND = [
    # the parser's passive reading of "a accusé" (subject nsubj:pass, object xcomp)
    ("Le papetier Norvanne supprime 300 postes. Le syndicat Unsa a toutefois accusé Norvanne de "
     "délocaliser sa production.", {("ACCUSE", "org:Unsa", "org:Norvanne")}),
    ("Le verrier Solvarys ferme deux usines. La fédération CFTC a pourtant accusé Solvarys de mentir "
     "aux salariés.", {("ACCUSE", "org:CFTC", "org:Solvarys")}),
    # a noun of making or sealing carries the partnership noun under it
    ("Airbus a annoncé la constitution d'une coentreprise avec Thales.", {("PARTNER", "airbus", "thales")}),
    ("Orange a confirmé la signature d'un accord avec Iliad.", {("PARTNER", "orange", "iliad")}),
    ("Danone a annoncé la mise en place d'une alliance avec Nestlé.", {("PARTNER", "danone", "org:Nestlé")}),
    # a counted object the parser hung on the day before it, the seller on either
    ("La compagnie Corsair a commandé vendredi 8 avions neufs au constructeur Boeing.",
     {("ORDER", "org:Corsair", "boeing")}),
    ("Le transporteur Keolis a commandé lundi 60 autocars à hydrogène au groupe Iveco.",
     {("ORDER", "org:Keolis", "org:Iveco")}),
    # a rival noun after a comma the parser hung on the noun (made a conjunct of the name)
    ("Le transporteur Flixbus recrute. Flixbus, concurrent acharné de BlaBlaCar, a lancé une ligne vers Madrid.",
     {("COMPETE", "org:Flixbus", "blablacar")}),
    # a possessed rival noun opening the sentence, its name between commas after it
    ("Le laboratoire Ipsogen a racheté la société Pyxis. Son concurrent direct, le laboratoire Biovance, "
     "a dénoncé l'opération.", {("ACQUIRE", "org:Ipsogen", "org:Pyxis"), ("COMPETE", "org:Biovance", "org:Ipsogen"),
                               # the deal told just before, blamed (events/deal_anaphora.py)
                               ("ACCUSE", "org:Biovance", "org:Ipsogen")}),
]

NOTHING = [
    # the passive stays passive: the accused accuses nobody (the agent is the accuser)
    "La fédération CFTC a été accusée de mentir aux salariés.",
    # a creation with no partner noun, or with a sum, partners nobody
    "Orange a annoncé la création d'un fonds avec 50 millions d'euros.",
    "Danone a annoncé la création d'une filiale avec 200 salariés.",
    # a noun of making that is no event between two actors
    "Airbus a annoncé la signature de Thales au bas du document.",
    # a counted noun after a day, with no seller or under a verb that buys nothing
    "Keolis a commandé lundi 60 autocars pour ses lignes de Lyon.",
    "La RATP a visité jeudi 30 usines du groupe Iveco.",
    "La RATP a présenté lundi 12 bus au maire de Paris.",
    # the same apposition with a noun that is no rivalry
    "Le transporteur Flixbus recrute. Flixbus, client historique de BlaBlaCar, a lancé une ligne vers Madrid.",
    # an object-control verb whose object names no actor: the object does the infinitive, the
    # caller does not (it asks; the act asked for is nobody's here)
    "La Confédération paysanne a exhorté jeudi les éleveurs à rompre le contrat avec Lactalis.",
    "Le syndicat SUD a poussé la direction à rompre l'accord avec Accenture.",
    "Orange a aidé ses clients à quitter SFR.",
]



def _exported(nlp, text: str) -> list[Event]:
    return exported_events(nlp, text, PUBLISHED)


def _triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.type, e.sources[0], e.targets[0]) for e in events}


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_wire_copy_constructions_tell_who_acts_on_whom(nlp, text, expected):
    assert _triples(_exported(nlp, text)) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", NOTHING, ids=[t[:40] for t in NOTHING])
def test_wire_copy_constructions_without_an_act_between_two_actors_tell_nothing(nlp, text):
    assert _exported(nlp, text) == []


@pytest.mark.slow
def test_a_partner_noun_between_commas_tells_no_rivalry(nlp):
    events = _exported(nlp, "Le laboratoire Ipsogen a racheté la société Pyxis. Son partenaire, le laboratoire "
                            "Biovance, a salué l'opération.")
    assert not any(e.type == "COMPETE" for e in events)


@pytest.mark.slow
def test_ending_the_creation_of_a_joint_venture_is_no_partnership(nlp):
    events = _exported(nlp, "Orange a renoncé à la création d'une coentreprise avec Iliad.")
    assert _triples(events) == {("CANCEL", "orange", "iliad")}
