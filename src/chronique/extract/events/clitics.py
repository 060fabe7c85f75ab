"""Whom the object clitic of a finite verb stands for: "… à l'association Y, qui l'accusait de …".

A clitic object ("l'", "le", "la") names no actor by itself; the reader takes it for the actor the
text was just about. Two shapes are read, each only when one actor can be meant:

- in a relative clause, the one actor named before the relative in its sentence, other than
  the relative's own subject ("La banque X a été condamnée à verser … à l'association Y, qui
  l'accusait de frais abusifs": X);
- else the one actor the sentence before names, when it is that sentence's subject ("X a perdu
  son procès. L'association Y l'accusait de …": X); with two ("X a racheté Z. Y l'a rachetée à
  son tour") the reader cannot tell, and neither can we.

A name in the complement of a noun that names nobody ("la maire de Lille", "le patron de X")
counts as a second party: the clitic may stand for that noun's holder, whom we cannot name.

Only a singular clitic before the verb is read (``events.toml [syntax] object_clitics``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.phrase_names import phrase_actors
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.actor_index import ActorIndex, actor_index
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["UNNAMED", "actors_between", "clitic_object_party"]

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
        named = actors_between(doc, sentence.start_char, doc[relative].idx) - doers
        return list(named) if len(named) == 1 and UNNAMED not in named else []
    start = verb.sent.start
    if start == 0:
        return []
    previous = doc[start - 1].sent
    named = actors_between(doc, previous.start_char, previous.end_char)
    subjects = {k for t in previous if t.dep_ in LABELS.subjects for k in phrase_actors(t)}
    if len(named) == 1 and named <= subjects and not named & doers:
        return list(named)
    return []


#: Stands for the holder of a noun that names nobody ("la maire" of "la maire de Lille").
UNNAMED = ""


def actors_between(doc: Doc, start: int, end: int) -> set[str]:
    """The actors of the outermost mentions between two character offsets, and ``UNNAMED`` for
    a mention in the complement of a noun no mention covers ("la maire de Lille")."""
    index = actor_index(doc)
    keys: set[str] = set()
    for mention in index.outermost_between(start, end):
        keys.add(mention.key)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _complement_of_unnamed_noun(index, span.root):
            keys.add(UNNAMED)
    return keys


def _complement_of_unnamed_noun(index: ActorIndex, name: Token) -> bool:
    """Whether ``name`` is a noun's complement after a preposition ("de Lille" of "la maire") and
    that noun is no actor's mention: the phrase is about the noun's holder, not the name."""
    head = name.head
    return (name.dep_ == LABELS.nominal_modifier and head.pos_ == "NOUN" and head.i < name.i
            and index.mention_at(head) is None
            and any(c.dep_ == LABELS.case_marker for c in name.children if c.i < name.i))
