"""The subject of a detached past participle of a verb conjugated with "être".

"Arrivé chez Renault en 2020, Luca de Meo a ..." and "Luca de Meo, arrivé chez Renault en
2020, a ...": French hangs the participle's subject on the name the participle is detached
from, the one after the fronted phrase's comma or the one the apposed participle follows. The
parser often reads the fronted participle as the sentence's root and the name as its oblique,
so the name is read off the words, not the tree. Only verbs conjugated with "être" (whose past
participle says the subject acted: "arrivé", "entré", "parti") are read so; a transitive verb's
participle ("racheté par X") has its patient there, not its doer.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.phrase_names import actor_at
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table

LABELS = dependency_scheme("ud")


def detached_participle_subject(reader: ParseReader, words: EventLexicon, verb: Token) -> list[str]:
    """Actors the detached participle ``verb`` is said of, or [] when it is no such participle."""
    table = parse_table(verb.doc)  # read by index: no Token per child, no Span per sentence
    if "Part" not in table.features[verb.i].get("VerbForm", ()) or any(
            table.deps[c] in LABELS.auxiliaries for c in table.children[verb.i]):
        return []
    if not set(words.lemma_candidates(verb)) & words.words("syntax", "etre_verbs"):
        return []
    start, end = table.sentence_bounds(verb.i)
    if verb.i == start:
        # fronted: the name right after the comma that closes the participle's phrase
        comma = _comma_after(verb, end, punct_only=True)
        if comma is None or comma + 1 >= end:
            return []
        name = verb.doc[comma + 1]
        return reader.actors(name) if name.pos_ == "PROPN" else []
    if verb.dep_ == LABELS.clausal_modifier and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # apposed: "X, arrivé chez Y en 2020, ...", "Le fonds X, entré au capital de Y, ..."
        # (a common noun only with its name between it and the participle)
        return reader.actors(verb.head) if verb.head.pos_ == "PROPN" or _named_noun(verb.head, verb) else []
    return []


def _named_noun(noun: Token, participle: Token) -> bool:
    """Whether a common noun has its actor's name right after it, before the participle
    detached from it ("le fonds Puy Capital, entré …"), so that the phrase names an actor."""
    doc = noun.doc
    return noun.pos_ == "NOUN" and noun.i < participle.i and any(
        doc[j].pos_ == "PROPN" and actor_at(doc[j]) is not None for j in range(noun.i + 1, participle.i))


def detached_participle_object(reader: ParseReader, words: EventLexicon, verb: Token) -> list[str]:
    """The patient of a fronted past participle of a transitive verb: "Nommé à la tête de X en
    2020, Y a …" says Y was named; [] for any other word."""
    table = parse_table(verb.doc)  # read by index: no Token per child, no Span per sentence
    start, end = table.sentence_bounds(verb.i)
    if verb.i != start or any(table.deps[c] in LABELS.auxiliaries for c in table.children[verb.i]):
        return []
    if set(words.lemma_candidates(verb)) & words.words("syntax", "etre_verbs"):
        return []
    comma = _comma_after(verb, end)
    if comma is None or comma + 1 >= end:
        return []
    name = verb.doc[comma + 1]
    return reader.actors(name) if name.pos_ == "PROPN" else []


def _comma_after(verb: Token, end: int, punct_only: bool = False) -> int | None:
    """The index of the first comma after ``verb`` in its sentence (which ends before ``end``);
    with ``punct_only``, of the first one the tokenizer calls punctuation."""
    tokens = token_table(verb.doc)
    texts, punct = tokens.texts, tokens.is_punct
    return next((i for i in range(verb.i + 1, end) if texts[i] == "," and (punct[i] or not punct_only)), None)
