"""The actors of a present participle set off by a comma after its clause.

"Danone a porté plainte contre Lactalis, l'accusant de copier ses recettes", "Le ministre a
critiqué Carrefour, lui reprochant ses prix", "Le syndicat a appelé la direction à négocier,
menaçant d'une grève": French wire copy tells a second act of the clause's subject with a
present participle after a comma. Its doer is the subject of the clause it follows (the parser
often hangs the participle on the last noun, which names no actor); its clitic object ("l'",
"le", "la", "les", "lui", "leur", which the tagger may read as an article) stands for the last
party that clause named after its verb. A participle with no comma before it ("une société
employant 300 personnes") is said of its noun and is left alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.phrase_names import actor_at
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["detached_present_participle", "participle_clitic_party", "participle_doer"]

LABELS = dependency_scheme("ud")


def detached_present_participle(words: EventLexicon, verb: Token) -> Token | None:
    """The comma that sets off ``verb`` as a present participle after its clause ("…, l'accusant
    de …", "…, menaçant de …"), or None when ``verb`` is no such participle."""
    if verb.pos_ != "VERB" or not _present_participle(words, verb):
        return None
    before = verb.i - 1
    if before >= 0 and fold(verb.doc[before].text) in words.words("syntax", "participle_clitics"):
        before -= 1
    if before <= verb.sent.start or verb.doc[before].text != ",":
        return None
    return verb.doc[before]


def _present_participle(words: EventLexicon, verb: Token) -> bool:
    features = parse_table(verb.doc).features[verb.i]  # no MorphAnalysis built
    if "Part" in features.get("VerbForm", ()) and "Pres" in features.get("Tense", ()):
        return True
    # The tagger leaves many such forms without features: read the ending.
    form = token_table(verb.doc).folded[verb.i]  # fold(verb.text)
    return any(form.endswith(ending) for ending in words.words("syntax", "present_participle_endings"))


def _main_verb(comma: Token) -> Token | None:
    """The finite verb of the clause the comma closes: the nearest verb before it whose
    auxiliary or own form is finite, climbing from the word before the comma."""
    node = comma.doc[comma.i - 1]
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.i < comma.i and (
                "Fin" in node.morph.get("VerbForm", []) or any(
                    "Fin" in c.morph.get("VerbForm", []) for c in node.children if c.pos_ == "AUX")):
            return node
        if node.head == node:
            return node if node.pos_ in ("VERB", "AUX") and node.i < comma.i else None
        node = node.head
    return None


def participle_doer(reader: ParseReader, words: EventLexicon, verb: Token) -> list[str]:
    """Who does the detached present participle ``verb``: the subject of the clause it follows."""
    comma = detached_present_participle(words, verb)
    if comma is None:
        return []
    main = _main_verb(comma)
    return reader.subject(main)[0] if main is not None else []


def participle_clitic_party(reader: ParseReader, words: EventLexicon, verb: Token) -> list[str]:
    """Whom the clitic object of the detached present participle ``verb`` stands for: the last
    actor named after the main verb and before the comma, other than its subject ("contre
    Lactalis, l'accusant"); [] when the participle has no clitic or the clause names nobody."""
    comma = detached_present_participle(words, verb)
    if comma is None or comma.i + 1 == verb.i:
        return []  # no clitic between the comma and the participle
    main = _main_verb(comma)
    if main is None:
        return []
    doers = set(reader.subject(main)[0])
    for i in range(comma.i - 1, main.i, -1):
        key = actor_at(verb.doc[i])
        if key is None or key in doers:
            continue
        token = verb.doc[i]
        while token.head != token and (token.dep_ in LABELS.name_parts_with_foreign or actor_at(token.head) == key):
            token = token.head  # the head of the name's phrase, which carries its preposition
        if any(c.dep_ == LABELS.case_marker and fold(c.text) in words.words("syntax", "participle_venue_prepositions")
               for c in token.children):
            continue  # "plainte contre Y devant l'Autorité, l'accusant": the venue is no party
        listed = [k for k in (actor_at(c) for c in token.conjuncts) if k and k not in doers]
        plural = fold(verb.doc[verb.i - 1].text) in words.words("syntax", "plural_clitics")
        return [key, *(k for k in listed if k != key)] if plural else [key]
    return []
