"""The passive of "se voir" + infinitive: "X s'est vu infliger une amende par Y", "X s'est vu
refuser l'accès par Y", "X s'est vu proposer une offre". The subject of "voir" receives the act
(it stands where the infinitive's indirect object would), and the act's doer is the "par"
phrase, if any: never the subject of "voir" (who would otherwise do the infinitive, as with
"X a décidé d'infliger").
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import preposition
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import features_of
from chronique.text import fold

__all__ = ["seeing_verb", "seen_agent_phrases"]

LABELS = dependency_scheme("ud")


def seeing_verb(verb: Token, seeing: frozenset[str]) -> Token | None:
    """The reflexive verb of ``seeing`` ("se voir") whose infinitive complement ``verb`` is."""
    head = verb.head
    if head == verb or verb.dep_ not in LABELS.complement_clauses \
            or "Inf" not in features_of(verb).get("VerbForm", ()):
        return None
    if fold(head.lemma_) not in seeing and fold(head.text) not in seeing:
        return None
    return head if any("Yes" in features_of(c).get("Reflex", ()) for c in head.children) else None


def seen_agent_phrases(verb: Token, agent_marks: frozenset[str], forms: dict[str, str]) -> list[Token]:
    """The "par" phrases of the infinitive, or of its object where the parser hangs them
    ("infliger une amende de 5 millions par/nmod(amende) Y")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == LABELS.object)]
    found: list[Token] = []
    for _ in range(3):
        found.extend(c for h in heads for c in h.children
                     if c.i > verb.i and preposition(c, forms) in agent_marks)
        if found:
            return found
        heads = [c for h in heads for c in h.children if c.dep_ == LABELS.nominal_modifier]
    return found
