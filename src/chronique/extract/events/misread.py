"""Words the tagger misreads: present-tense verbs read as nouns, adjectives or prepositions,
and nouns read as verbs.

"Greenpeace attaque TotalEnergies en justice", "Le régulateur sanctionne Meta", "X critique
la société Y": in a short present-tense clause the tagger may read the verb as a noun (or an
adjective) of the subject's phrase, and the parser then hangs it on the subject as a modifier
or leaves it a root of its own. Neither its subject nor its object is then its child, so both
are read off the words: the actor named right before the verb and the actor of the noun phrase
right after it. Only a bare word is so read: with a determiner or a preposition before it
("l'attaque de X", "une critique") it is a noun; with no actor right before it nothing is
read (the clause's subject would be a guess). A verb form read as a preposition ("Le fonds X
entre/ADP au capital de Y") is read likewise, its complements the phrases after it; and a word
tagged a verb with a determiner in a noun's place ("a reçu l'offre/VERB de Y") is a noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from chronique.nlp.actor_index import OUTERMOST, actor_index
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table

if TYPE_CHECKING:
    from chronique.extract.events.lexicon import EventLexicon

__all__ = ["misread_phrases", "misread_object", "misread_present", "misread_reporter", "misread_subject", "misread_tail",
           "verb_read_as_noun"]

LABELS = dependency_scheme("ud")
#: Words of the object phrase read after the verb before its actor ("la société Y": three).
OBJECT_WINDOW = 3
#: Parts of speech that end the object phrase.
PHRASE_ENDS = frozenset({"ADP", "VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"})


def verb_read_as_noun(token: Token) -> bool:
    """Whether a word tagged a verb is a noun: a determiner opens its phrase ("a reçu l'offre/VERB
    de rachat") and it holds a noun's place (not a clause's: "l'accusant/xcomp" has a clitic)."""
    pos, table = token_table(token.doc).pos, parse_table(token.doc)
    if pos[token.i] != "VERB" or table.deps[token.i] in LABELS.clause_links or table.heads[token.i] == token.i:
        return False
    return any(c < token.i and pos[c] == "DET" for c in table.children[token.i])


def misread_present(token: Token, words: EventLexicon) -> bool:
    """Whether ``token``, tagged a noun or an adjective, is a present-tense verb: a bare lower
    case word with a present ending, right after an actor's name and right before a phrase; or
    a verb form the tagger reads as a preposition ("X entre/ADP au capital de Y") right after an
    actor's name and right before a preposition."""
    tokens = token_table(token.doc)
    if tokens.pos[token.i] == "ADP":
        return (tokens.folded[token.i] in words.words("syntax", "misread_prepositions") and token.i + 1 < len(tokens.pos)
                and tokens.pos[token.i + 1] == "ADP" and _bare_after_actor(token, words, ("ADP",)))
    return _bare_after_actor(token, words) and (misread_object(token, words) != [] or _governs_infinitive(token, words))


def _governs_infinitive(token: Token, words: EventLexicon) -> bool:
    """"X menace/NOUN de poursuivre Y": the parser still hangs the infinitive on the verb."""
    table = parse_table(token.doc)
    tokens = token_table(token.doc)
    marks = words.words("syntax", "misread_infinitive_marks")
    return any(c == token.i + 2 and tokens.pos[c] == "VERB" and tokens.folded[token.i + 1] in marks
               for c in table.children[token.i])


def _bare_after_actor(token: Token, words: EventLexicon, tags: tuple[str, ...] = ("NOUN", "ADJ")) -> bool:
    """Whether ``token`` is a bare lower case word of ``tags`` with a present ending, right
    after an actor's name (with no determiner or preposition of its own)."""
    tokens = token_table(token.doc)
    i = token.i
    if tokens.pos[i] not in tags or not tokens.texts[i][:1].islower() or i == 0:
        return False
    if not any(tokens.folded[i].endswith(e) for e in words.words("syntax", "misread_present_endings")):
        return False
    start, end = parse_table(token.doc).sentence_bounds(i)
    if i + 1 >= end or i - 1 < start:
        return False
    index = actor_index(token.doc)
    if index.mention_at_index(i, OUTERMOST) is not None or index.mention_at_index(i - 1, OUTERMOST) is None:
        return False  # a word of a name ("Groupe Attaque"), or no subject named right before
    return tokens.pos[i - 1] not in ("DET", "ADP", "NUM", "PUNCT")


def misread_reporter(verb: Token, words: EventLexicon, speech: frozenset[str]) -> list[str]:
    """Who says or finds the "que" clause of ``verb`` when the verb of saying was misread: "Le
    tribunal juge/NOUN que X a violé le contrat" (the parser makes the court the subject of
    "violé" or a root of its own). The word right before the clause's "que" must be a bare
    present form of a verb of ``speech`` right after an actor; that actor says it."""
    doc = verb.doc
    tokens = token_table(doc)
    start = parse_table(doc).sentence_bounds(verb.i)[0]
    marks = words.words("syntax", "relative_object")  # "que", "qu'"
    que = next((i for i in range(verb.i - 1, start, -1) if tokens.folded[i] in marks), None)
    if que is None or any(tokens.pos[i] in ("VERB", "SCONJ") for i in range(que + 1, verb.i)):
        return []
    said = doc[que - 1]
    if not _bare_after_actor(said, words) or not set(words.word_candidates(tokens.folded[said.i], tokens.folded_lemmas[said.i])) & speech:
        return []
    return misread_subject(said)


def misread_subject(token: Token) -> list[str]:
    """The actor named right before the misread verb."""
    key = actor_index(token.doc).at(token.doc[token.i - 1], OUTERMOST)
    return [key] if key else []


def misread_object(token: Token, words: EventLexicon) -> list[str]:
    """The actor of the noun phrase right after the misread verb ("la société Y", "Meta")."""
    doc = token.doc
    tokens = token_table(doc)
    end = parse_table(doc).sentence_bounds(token.i)[1]
    index = actor_index(doc)
    openers = words.words("syntax", "misread_object_openers")
    for i in range(token.i + 1, min(end, token.i + 2 + OBJECT_WINDOW)):
        mention = index.mention_at_index(i, OUTERMOST)
        if mention is not None:
            return [mention.key]
        if tokens.pos[i] in PHRASE_ENDS or (tokens.pos[i] == "DET" and tokens.folded[i] not in openers):
            return []
    return []


def misread_tail(token: Token) -> list[int]:
    """The words after the misread verb up to the end of its clause (a comma or the sentence's
    end): where its complements ("en justice") lie, which the parser hung elsewhere."""
    tokens = token_table(token.doc)
    end = parse_table(token.doc).sentence_bounds(token.i)[1]
    tail = []
    for i in range(token.i + 1, end):
        if tokens.texts[i] in (",", ";", ":") or tokens.pos[i] == "SCONJ":
            break
        tail.append(i)
    return tail


def misread_phrases(token: Token, prep: str, forms: dict[str, str]) -> list[Token]:
    """The phrases after the misread verb, introduced by ``prep``, that the parser hung on a word
    before it ("Le fonds X entre/ADP au capital/nmod(fonds) de Y": "capital"; the misread word
    itself may be made one of the phrase's case markers)."""
    doc = token.doc
    table, folded = parse_table(doc), token_table(doc).folded
    found: list[Token] = []
    for i in misread_tail(token):
        if table.heads[i] >= token.i:
            continue
        marks = [forms.get(folded[c], folded[c]) for c in table.children[i] if token.i < c < i]
        if prep in marks:
            found.append(doc[i])
    return found
