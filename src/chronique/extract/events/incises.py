"""An event noun's agent told after an incise: "le rachat de VMware, éditeur de logiciels, par
Broadcom", "la fusion de X, annoncée en mai, par Y".

The comma-bound phrase between the noun's phrase and its "par" complement makes the parser hang
that complement elsewhere (on the incise's noun, or on the main verb as a bare oblique). Read by
position: the noun's phrase ends right before a comma, the incise runs to the next comma (a few
words, no other comma), and the agent's preposition opens the phrase right after it.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["agent_after_incise"]

LABELS = dependency_scheme("ud")

#: The longest incise read (in tokens): a short apposition or participle phrase, not a clause.
LONGEST_INCISE = 12


def agent_after_incise(noun: Token, marks: frozenset[str]) -> Token | None:
    """The head of the agent phrase ("par Broadcom") that follows the incise after the noun's
    phrase, or None when the text has no such shape."""
    doc = noun.doc
    # (the parser may hang the opening comma on the noun's phrase itself)
    opening = noun.right_edge.i if noun.right_edge.text == "," else noun.right_edge.i + 1
    end = noun.sent.end
    if opening >= end or doc[opening].text != ",":
        return None
    closing = next((t.i for t in doc[opening + 1 : min(end, opening + 2 + LONGEST_INCISE)] if t.text == ","), None)
    if closing is None or closing == opening + 1 or closing + 1 >= end:
        return None
    mark = doc[closing + 1]
    if fold(mark.text) not in marks or mark.dep_ != LABELS.case_marker:
        return None
    phrase = mark.head
    if phrase.i <= mark.i or phrase.pos_ not in ("NOUN", "PROPN"):
        return None
    return phrase
