"""Implicit arguments an event takes from the discourse, and the parse checks that guard them.

An appeal names its appellant but seldom its adversary ("Criteo va faire appel de cette
décision"): the adversary is whoever the document last told ruling against the appellant
(:meth:`chronique.extract.events.discourse.Discourse.opponent`). The same words with a complement
in "à" call upon someone ("faire appel à des consultants"): no lawsuit, no adversary to find.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.syntax import ParseReader

__all__ = ["calls_upon"]


def calls_upon(reader: ParseReader, verb: Token, prepositions: frozenset[str]) -> bool:
    """Whether the verb or its object has a complement introduced by one of ``prepositions``
    ("faire appel à X", "faire appel aux services de X")."""
    heads = [verb] + ([obj] if (obj := reader.object(verb)) is not None else [])
    return any(next(reader.obliques(head, prep), None) is not None for head in heads for prep in prepositions)
