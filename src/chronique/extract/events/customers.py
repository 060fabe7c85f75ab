"""Who placed an order another received: "X a reçu une commande de l'armateur Y".

Receiving an order is the converse of ordering: the subject is the seller, and the customer is
the order's own "de" phrase ("une commande de l'armateur Y") or the "de la part de" locution
down the order ("une commande de deux navires de la part de Y"). A counted "de" phrase names the
goods, not who ordered them ("une commande de vingt avions Airbus": Airbus made the planes).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import OBLIQUE_DEPS, preposition
from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["order_customer"]

LABELS = dependency_scheme("ud")
#: How far down the order's complements the "de la part de" locution is looked for.
_DEPTH = 3


def order_customer(reader: ParseReader, words: EventLexicon, verb: Token) -> list[str]:
    """The customer of the order the verb's object names (empty when none is named)."""
    order = reader.object(verb)
    if order is None:
        return []
    behalf = words.words("syntax", "on_behalf_nouns")
    level, direct = [order], True
    for _ in range(_DEPTH):
        following: list[Token] = []
        for phrase in level:
            for child in phrase.children:
                if child.dep_ not in OBLIQUE_DEPS or preposition(child, reader.preposition_forms) != "de":
                    continue
                if fold(child.lemma_) in behalf:  # "de la part de Y"
                    found = [k for g in child.children if g.dep_ in OBLIQUE_DEPS
                             and preposition(g, reader.preposition_forms) == "de" for k in reader.actors(g)]
                    if found:
                        return found
                counted = any(g.dep_ == LABELS.numeric_modifier for g in child.children)
                if direct and not counted and (found := reader.actors(child)):
                    return found
                following.append(child)
        level, direct = following, False
    return []
