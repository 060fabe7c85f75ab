"""Implicit arguments an event takes from the discourse, and the parse checks that guard them.

An appeal names its appellant but seldom its adversary ("Criteo va faire appel de cette
décision"): the adversary is whoever the document last told ruling against the appellant
(:meth:`chronique.extract.events.discourse.Discourse.opponent`). The same words with a complement
in "à" call upon someone ("faire appel à des consultants"): no lawsuit, no adversary to find.

A dismissal of claims ("Qualcomm balaie ces accusations") answers their author even when the
document tells the claims only later or by a description the actors do not resolve: the one party
it shows accusing or suing the dismisser
(:meth:`chronique.extract.events.discourse.Discourse.sole_accuser`). Only for claim nouns: an offer
refused answers its bidder, never an accuser.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.syntax import ParseReader
from chronique.text import fold

__all__ = ["calls_upon", "dismisses_claims"]


def calls_upon(reader: ParseReader, verb: Token, prepositions: frozenset[str]) -> bool:
    """Whether the verb or its object has a complement introduced by one of ``prepositions``
    ("faire appel à X", "faire appel aux services de X")."""
    heads = [verb] + ([obj] if (obj := reader.object(verb)) is not None else [])
    return any(next(reader.obliques(head, prep), None) is not None for head in heads for prep in prepositions)


def dismisses_claims(reader: ParseReader, verb: Token, claim_nouns: frozenset[str]) -> bool:
    """Whether the verb's object is a claim noun ("ces accusations", "les allégations")."""
    obj = reader.object(verb)
    return obj is not None and bool({fold(obj.lemma_), fold(obj.text)} & claim_nouns)
