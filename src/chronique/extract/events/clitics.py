"""Whom the object clitic of a finite verb stands for: "… à l'association Y, qui l'accusait de …".

A clitic object ("l'", "le", "la") names no actor by itself; the reader takes it for the actor the
text was just about. Two shapes are read, each only when one actor can be meant:

- in a relative clause, the one actor named before the relative in its sentence, other than
  the relative's own subject ("La banque X a été condamnée à verser … à l'association Y, qui
  l'accusait de frais abusifs": X);
- else the one actor the sentence before names, when it is that sentence's subject ("X a perdu
  son procès. L'association Y l'accusait de …": X); with two ("X a racheté Z. Y l'a rachetée à
  son tour") the reader cannot tell, and neither can we.

Only a singular clitic before the verb is read (``events.toml [syntax] object_clitics``).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.phrase_names import phrase_actors
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.actor_index import actor_index
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["clitic_object_party"]

LABELS = dependency_scheme("ud")


def clitic_object_party(reader: ParseReader, words: EventLexicon, verb: Token) -> list[str]:
    """The actor the clitic object of ``verb`` stands for, or [] (no clitic, no single antecedent)."""
    clitics = words.words("syntax", "object_clitics")
    if not any(c.dep_ == LABELS.object and c.pos_ == "PRON" and c.i < verb.i and fold(c.text) in clitics
               for c in verb.children):
        return []
    doers = set(reader.subject(verb)[0])
    doc = verb.doc
    if verb.dep_ == LABELS.relative_clause:
        sentence = verb.sent
        relative = min((t.i for t in verb.subtree), default=verb.i)
        named = _actors_between(doc, sentence.start_char, doc[relative].idx) - doers
        return list(named) if len(named) == 1 else []
    start = verb.sent.start
    if start == 0:
        return []
    previous = doc[start - 1].sent
    named = _actors_between(doc, previous.start_char, previous.end_char)
    subjects = {k for t in previous if t.dep_ in LABELS.subjects for k in phrase_actors(t)}
    if len(named) == 1 and named <= subjects and not named & doers:
        return list(named)
    return []


def _actors_between(doc, start: int, end: int) -> set[str]:
    """The actors of the outermost mentions between two character offsets."""
    return {m.key for m in actor_index(doc).outermost_between(start, end)}
