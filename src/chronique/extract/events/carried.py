"""Parties an event noun's own clause names: "une commande passée auprès de Y", "la commande de
trois navires qu'il avait passée au chantier Y", "un tour de table mené par le fonds Y".

A noun of an act (an order, a funding round, an offer) is often qualified by a participle or a
relative clause whose verb only carries the act out ("passer" an order, "mener" a round,
"déposer" an offer): that verb's complements are the noun's own parties, the seller of the order,
the lead investor of the round. The parser hangs such a relative on the noun's last complement
as often as on the noun ("la commande de trois navires qu'il avait passée": on "navires"), so the
noun's complements are searched too. Only the verbs of ``[syntax] carrying_verbs`` count: "une
commande annoncée à Paris" names a place where it was told, not a seller.

Slot ``carried:<prepositions>`` (``events.toml``): on a noun trigger, the noun's clauses; on a
verb trigger, the clauses of its object noun ("annuler la commande qu'il avait passée à Y").
Slot ``carrier``: who carried the act out, the subject of the relative ("que X avait passée"),
the agent of the participle ("passée par X"), else, under a verb that ends the act, that verb's
subject ("X a annulé une commande passée auprès de Y": one cancels one's own order).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme

__all__ = ["carried_parties", "carrier", "carrying_clauses", "has_carrying_clause"]

LABELS = dependency_scheme("ud")

def carried_parties(reader: ParseReader, words: EventLexicon, trigger: Token,
                    prepositions: Iterable[str]) -> list[str]:
    """The actors of the first of ``prepositions`` that a carrying clause of the event noun
    introduces (the noun is ``trigger``, or a verb trigger's object); ``[]`` when none."""
    noun = trigger if trigger.pos_ in ("NOUN", "PROPN") else reader.object(trigger)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    carrying = words.words("syntax", "carrying_verbs")
    wanted = tuple(prepositions)
    for clause in _clauses_of(noun):
        if not any(lemma in carrying for lemma in words.lemma_candidates(clause)):
            continue
        for prep in wanted:
            found = [key for phrase in reader.obliques(clause, prep) for key in reader.actors(phrase)]
            if found:
                return list(dict.fromkeys(found))
    return []


def _clauses_of(noun: Token) -> Iterator[Token]:
    """The verbs of the participles and relatives on ``noun``, then of those the parser hung on
    its noun complements when the participle agrees with ``noun``, not with the complement ("la
    commande de trois navires/nmod qu'il a passée/relcl", "une commande de 12 avions passée/acl":
    feminine singular, the order's)."""
    yield from (c for c in noun.children if c.dep_ in LABELS.noun_clauses and c.pos_ == "VERB")
    for complement in (c for c in noun.children if c.dep_ == LABELS.nominal_modifier and c.i > noun.i):
        yield from (c for c in complement.children if c.dep_ in LABELS.noun_clauses and c.pos_ == "VERB"
                    and _agrees(c, noun) and not _agrees(c, complement))


def _agrees(participle: Token, noun: Token) -> bool:
    """Whether the participle's gender and number (where both words show them) are the noun's."""
    for feature in ("Gender", "Number"):
        said, own = participle.morph.get(feature, []), noun.morph.get(feature, [])
        if said and own and said != own:
            return False
    return True


def carrying_clauses(words: EventLexicon, noun: Token) -> list[Token]:
    """The verbs of the carrying clauses of ``noun``: they date its act too ("la commande qu'il
    avait passée en 2017", not the day it was cancelled)."""
    carrying = words.words("syntax", "carrying_verbs")
    return [c for c in _clauses_of(noun) if any(lemma in carrying for lemma in words.lemma_candidates(c))]


def has_carrying_clause(words: EventLexicon, noun: Token) -> bool:
    """Whether a carrying clause qualifies ``noun`` ("la commande qu'il avait passée en 2017 à
    Y"): the noun then tells its own act, even under a verb that ends it ("annuler la commande
    qu'il avait passée": the order was placed, then cancelled)."""
    return bool(carrying_clauses(words, noun))


def carrier(reader: ParseReader, words: EventLexicon, noun: Token) -> list[str]:
    """Who carried out the act of ``noun`` by its carrying clause (see the module docstring);
    ``[]`` when the noun has no such clause or none names its doer."""
    clauses = carrying_clauses(words, noun)
    if not clauses:
        return []
    for clause in clauses:
        named = reader.subject(clause)[0] if any(c.dep_ in LABELS.subjects for c in clause.children) else []
        if named:  # "que la compagnie X avait passée"
            return named
        agents = [key for prep in ("par",) for phrase in reader.obliques(clause, prep) for key in reader.actors(phrase)]
        if agents:  # "passée par X auprès de Y"
            return agents
    verb = noun.head
    if noun.dep_ == LABELS.object and verb.pos_ == "VERB" \
            and set(words.lemma_candidates(verb)) & words.words("syntax", "ending_verbs"):
        return reader.subject(verb)[0]
    return []
