"""Implicit arguments an event takes from the discourse, and the parse checks that guard them.

An appeal names its appellant but seldom its adversary ("Criteo va faire appel de cette
décision"): the adversary is whoever the document last told ruling against the appellant
(:meth:`chronique.extract.events.discourse.Discourse.opponent`). The same words with a complement
in "à" call upon someone ("faire appel à des consultants"): no lawsuit, no adversary to find.

A dismissal of claims ("Qualcomm balaie ces accusations") answers their author even when the
document tells the claims only later or by a description the actors do not resolve: the one party
it shows accusing or suing the dismisser
(:meth:`chronique.extract.events.discourse.Discourse.accuser`). Only for claim nouns: an offer
refused answers its bidder, never an accuser.

A refusal to act towards someone rejects them: "le refus de X de faire des concessions face aux
inquiétudes de Y", "son refus de négocier avec Y" (:func:`refused_party`, slot ``refused:<preps>``).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.deeds import deed_complement
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

LABELS = dependency_scheme("ud")

__all__ = ["calls_upon", "dismisses_claims", "refused_party", "speaking_for"]


def calls_upon(reader: ParseReader, verb: Token, prepositions: frozenset[str]) -> bool:
    """Whether the verb or its object has a complement introduced by one of ``prepositions``
    ("faire appel à X", "faire appel aux services de X")."""
    heads = [verb] + ([obj] if (obj := reader.object(verb)) is not None else [])
    return any(next(reader.obliques(head, prep), None) is not None for head in heads for prep in prepositions)


def dismisses_claims(reader: ParseReader, verb: Token, claim_nouns: frozenset[str]) -> bool:
    """Whether the verb's object is a claim noun ("ces accusations", "les allégations")."""
    obj = reader.object(verb)
    return obj is not None and bool({fold(obj.lemma_), fold(obj.text)} & claim_nouns)


def refused_party(reader: ParseReader, noun: Token, prepositions: list[str]) -> list[str]:
    """The party of the act a refusal noun's infinitive names, or the author of the deed that
    party stands behind ("de faire des concessions face aux inquiétudes de Y" gives Y)."""
    for clause in noun.children:
        if clause.pos_ != "VERB" or "Inf" not in clause.morph.get("VerbForm", []) or clause.i < noun.i:
            continue
        for preposition in prepositions:
            found = deed_complement(reader, clause, preposition)
            if found:
                return found
    return []


def speaking_for(reader: ParseReader, verb: Token) -> list[str]:
    """The organisations the verb's subject speaks for by the title apposed to it ("Florent
    Menegaux, président de Michelin, a rejeté ces accusations"; "Le PDG de X, Y, a …"): claims
    aimed at them are aimed at the replier."""
    subject = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
    if subject is None:
        return []
    titles = [c for c in subject.children if c.dep_ == LABELS.apposition and c.pos_ == "NOUN"]
    if subject.pos_ == "NOUN" and any(c.dep_ in LABELS.misparsed_title_name_links and c.pos_ == "PROPN" for c in subject.children):
        titles.insert(0, subject)
    found: list[str] = []
    for title in titles:
        found.extend(k for k in reader.office_holder_of_title(title) if k not in found)
    return found
