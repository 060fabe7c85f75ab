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
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme

LABELS = dependency_scheme("ud")


def detached_participle_subject(reader: ParseReader, words: EventLexicon, verb: Token) -> list[str]:
    """Actors the detached participle ``verb`` is said of, or [] when it is no such participle."""
    if "Part" not in verb.morph.get("VerbForm", []) or any(c.dep_ in LABELS.auxiliaries for c in verb.children):
        return []
    if not set(words.lemma_candidates(verb)) & words.words("syntax", "etre_verbs"):
        return []
    sentence = verb.sent
    if verb.i == sentence.start:
        # fronted: the name right after the comma that closes the participle's phrase
        comma = next((t for t in sentence if t.i > verb.i and t.is_punct and t.text == ","), None)
        if comma is None or comma.i + 1 >= sentence.end:
            return []
        name = verb.doc[comma.i + 1]
        return reader.actors(name) if name.pos_ == "PROPN" else []
    if verb.dep_ == LABELS.clausal_modifier and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # apposed: "X, arrivé chez Y en 2020, ..."
        return reader.actors(verb.head) if verb.head.pos_ == "PROPN" else []
    return []


def detached_participle_object(reader: ParseReader, words: EventLexicon, verb: Token) -> list[str]:
    """The patient of a fronted past participle of a transitive verb: "Nommé à la tête de X en
    2020, Y a …" says Y was named; [] for any other word."""
    if verb.i != verb.sent.start or any(c.dep_ in LABELS.auxiliaries for c in verb.children):
        return []
    if set(words.lemma_candidates(verb)) & words.words("syntax", "etre_verbs"):
        return []
    comma = next((t for t in verb.sent if t.i > verb.i and t.text == ","), None)
    if comma is None or comma.i + 1 >= verb.sent.end:
        return []
    name = verb.doc[comma.i + 1]
    return reader.actors(name) if name.pos_ == "PROPN" else []
