"""Whom a threat told by its act is aimed at: "menacer de poursuivre X", "menacer de suspendre ses
livraisons à X", "X accuse Y de … et menace de saisir la justice".

A verb of threat that names nobody as its object ("menacé Aéroports de Paris de quitter Roissy"
does) is aimed at the party of the act threatened: its object actor ("menacer de poursuivre
Apple"), its adversary ("menacer de porter plainte contre Apple"), or, for an act on a deal or a
supply, the party down that thing's complements ("menacer de suspendre ses livraisons au groupe
X", "menacer de couper l'approvisionnement de X": events/deeds.py). A matter taken to an authority
("menacer de saisir le Conseil d'État") threatens the authority never; with no adversary named,
it threatens the one the clause it is coordinated with is aimed at, when that clause names it ("X
accuse Y de mentir et menace de saisir la justice": Y). Slot "embedded_object".
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import preposition
from chronique.extract.events.deeds import deal_parties
from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.phrase_names import actor_at
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.actor_index import actor_index
from chronique.nlp.labels import dependency_scheme

__all__ = ["threatened_party"]

LABELS = dependency_scheme("ud")


def threatened_party(reader: ParseReader, words: EventLexicon, trigger: Token) -> list[str]:
    """The party the act threatened by ``trigger`` is aimed at ([] when the threat names its
    target itself, or none)."""
    embedded = next((c for c in trigger.children if c.dep_ in LABELS.complement_clauses and c.pos_ == "VERB"), None)
    if embedded is None or reader.object_actors(trigger):
        return []  # "menacé Aéroports de Paris de quitter Roissy": the threatened is named
    against = [k for phrase in reader.obliques(embedded, "contre") for k in reader.actors(phrase)]
    if set(words.lemma_candidates(embedded)) & words.words("syntax", "referral_verbs"):
        # "menacer de saisir le Conseil d'État (contre X)": the authority a matter is taken to is
        # not threatened; only the adversary "contre" is, or the coordinated clause's target.
        return against or _coordinated_target(reader, words, trigger)
    # "menacer de porter plainte contre Apple": the act's adversary, when it has no object actor.
    found = reader.object_actors(embedded) or against
    if found:
        return found
    # "menacer de suspendre ses livraisons au groupe X": the party of what the act stops.
    if set(words.lemma_candidates(embedded)) & words.words("syntax", "threatened_supply_verbs"):
        doers = set(reader.subject(trigger)[0])
        return [k for k in deal_parties(reader, embedded, words.words("syntax", "threatened_supply_prepositions"))
                if k not in doers and not _owner_of_a_recipient(reader, embedded, k)]
    return []


def _owner_of_a_recipient(reader: ParseReader, embedded: Token, key: str) -> bool:
    """"menacer de couper le gaz à 2000 foyers de Roubaix", "d'interrompre la distribution dans
    les quartiers nord de Marseille": a "de" party is the supply's own ("couper l'approvisionnement
    de X") only when it hangs on the act's object; hung on another noun (the homes, the
    districts), it is where they are or whose they are, and the threat is not aimed at it."""
    objects = {c.i for c in embedded.children if c.dep_ == LABELS.object}
    for token in embedded.subtree:
        if token.i == embedded.i or actor_at(token) != key:
            continue
        marked = preposition(token, reader.preposition_forms)
        if marked is None:
            continue
        return marked == "de" and token.head.i not in objects
    return False


def _coordinated_target(reader: ParseReader, words: EventLexicon, trigger: Token) -> list[str]:
    """"X accuse Y de mentir et a menacé de saisir la justice": the object actor of the blaming
    verb the threat is coordinated with, when both share their subject (the threat has none of
    its own). The parser may hang the threat on the blame's infinitive ("de mentir"): the blaming
    verb is then above it. Only a verb of blame or refusal: "X a racheté Y et menace de saisir la
    justice" threatens nobody named."""
    if trigger.dep_ != LABELS.conjunct or trigger.head == trigger or trigger.head.i > trigger.i:
        return []
    if any(c.dep_ in LABELS.subjects for c in trigger.children):
        return []
    first = trigger.head
    while first.dep_ in LABELS.complement_clauses and first.head != first and first.head.pos_ == "VERB":
        first = first.head  # "accuse Y de favoriser … et a menacé": the threat hangs on "favoriser"
    if first.pos_ != "VERB" or not set(words.lemma_candidates(first)) & words.words("syntax", "threat_grievance_verbs"):
        return []
    target = reader.object(first)
    if target is None:
        return []
    # Only a target named in the clause ("le SMA"), not one a description stands for ("la ligue"):
    # a coreference guess carried over a coordination doubles its risk.
    index = actor_index(first.doc)
    named = {m.key for t in target.subtree if (m := index.mention_at(t)) is not None and m.kind == "name"}
    doers = set(reader.subject(first)[0])
    return [k for k in reader.object_actors(first) if k not in doers and k in named]
