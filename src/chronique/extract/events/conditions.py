"""Whom a conditional threat is aimed at: "La CGT menace d'une grève si le groupe Michelin
maintient sa proposition", "X menace de bloquer les dépôts si Y ne revoit pas sa copie".

A threat that names nobody as its object is aimed at the one whose act its condition names: the
subject of the "si" clause hung on the threatening verb (or on the infinitive it governs). Slot
"condition".
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["condition_subject"]

LABELS = dependency_scheme("ud")


def condition_subject(reader: ParseReader, verb: Token, marks: frozenset[str]) -> list[str]:
    """Actors of the subject of a condition clause ("si Y …") on the verb or its infinitive (the
    parser labels it an adverbial or a complement clause)."""
    heads = [verb, *(c for c in verb.children if c.dep_ == LABELS.open_complement)]
    for head in heads:
        for clause in head.children:
            if (clause.dep_ != LABELS.adverbial_clause and clause.dep_ not in LABELS.complement_clauses) or not any(
                    c.dep_ == LABELS.marker and fold(c.text) in marks for c in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ == LABELS.subject), None)
            if subject is not None:
                found = [k for k in reader.actors(subject) if k not in reader.subject(verb)[0]]
                if found:
                    return found
    return []
