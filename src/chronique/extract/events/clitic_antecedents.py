"""Whom a clitic before the trigger verb stands for, when ``clitics.py`` could not tell: the one
actor of the right kind the discourse just named, other than the verb's own doer.

French news tells a second act on the same party with a clitic: "Kestrel avait tenté de s'emparer
d'Altissia, mais la chaîne l'a éconduit", "La banque, qui l'avait financé en 2021, lui reproche
…", "Fondée par A et B, la société emploie 140 salariés. B l'a quittée en 2020", "le groupe avait
tenté de l'acquérir". ``clitics.py`` reads the narrow shapes (the one actor of a relative's
sentence, the one actor of the sentence before when it is its subject); this reader takes the
entry's expected types into account, which settles most of the rest:

- the object clitics "l'", "le", "la" (``events.toml [syntax] object_clitics``) and the dative
  "lui" (``dative_clitics``), singular, before the verb (finite or infinitive);
- the candidates are people and organisations the entry accepts on that side, never the verb's
  own subject (nor, for an infinitive, the subject of the verb it completes), never an actor told
  only through an unnamed noun's complement ("la maire de Lille": the maire may be meant);
- first the clitic's own sentence before it; when it names none of them, the sentence before,
  in the same paragraph (a new paragraph starts a new topic);
- exactly one candidate, told by its name in that stretch (a description or a pronoun there is
  already the discourse's guess), or nothing: with two ("A a racheté B. C l'a revendu") the reader cannot
  tell, and neither can we. A clitic inside a quote is left alone (the speaker's "le" may be
  anyone the interview was about).

The side found so is the discourse's, and the event keeps a lower confidence
(``DISCOURSE_PENALTY``).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from chronique.data import lexicon
from chronique.extract.events.clitics import UNNAMED, actors_between
from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.actor_index import ActorIndex, actor_index
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["ANTECEDENT_KINDS", "clitic_antecedent"]

LABELS = dependency_scheme("ud")
#: The kinds of actor a clitic may stand for here (a place is told by "y", not read).
ANTECEDENT_KINDS = frozenset({"PERSON", "ORG"})


def clitic_antecedent(reader: ParseReader, words: EventLexicon, verb: Token, slot: str,
                      allowed: frozenset[str]) -> list[str]:
    """The one actor the clitic ``slot`` ("object", "iobj" or "obl:à") of ``verb`` stands for, of a type in
    ``allowed`` (any person or organisation when empty), or []."""
    clitic = _clitic(words, verb, slot)
    if clitic is None or _quoted(verb.doc, clitic.idx) or not _read_subject(verb):
        return []
    kinds = ANTECEDENT_KINDS & allowed if allowed else ANTECEDENT_KINDS
    doers = set(reader.subject(verb)[0])
    if verb.dep_ in LABELS.complement_clauses and verb.head.i != verb.i:
        doers |= set(reader.subject(verb.head)[0])  # "X a tenté de l'acquérir", "X a dit qu'il le …": not X
    doc = verb.doc
    types = {e.key: e.type for e in doc._.entities or []}
    venues = words.words("syntax", "clitic_venue_prepositions")
    sentence = verb.sent
    if _unnamed_party(doc, sentence.start, clitic.i, _description_nouns(doc.lang_)):
        return []  # "X a assigné l'établissement devant le tribunal, lui réclamant …": the noun
    if slot == "object" and _thing_object(doc, sentence.start, clitic.i, verb):
        return []
    named, by_name = _parties(doc, sentence.start_char, clitic.idx, venues)
    others = {k for k in named if k not in doers}
    if others:
        fitting = {k for k in others if k != UNNAMED and types.get(k) in kinds}
        return sorted(fitting) if len(fitting) == 1 and fitting <= by_name and UNNAMED not in others else []
    if sentence.start == 0:
        return []
    previous = doc[sentence.start - 1].sent
    if "\n" in text_of(doc)[previous.end_char - 1 : sentence.start_char]:
        return []  # a new paragraph
    if _unnamed_party(doc, previous.start, previous.end, _description_nouns(doc.lang_)):
        return []
    if slot == "object" and _thing_object(doc, previous.start, previous.end, verb):
        return []  # "X a construit une usine. Y l'a rachetée": the plant, not X
    named, by_name = _parties(doc, previous.start_char, previous.end_char, venues)
    fitting = {k for k in named if k not in doers and k != UNNAMED and types.get(k) in kinds}
    return sorted(fitting) if len(fitting) == 1 and fitting <= by_name and UNNAMED not in named else []


def _clitic(words: EventLexicon, verb: Token, slot: str) -> Token | None:
    """The singular clitic of ``slot`` right before ``verb`` (auxiliaries and "ne" between)."""
    if slot == "object":
        label, forms = LABELS.object, words.words("syntax", "object_clitics")
    else:  # the indirect object or the "à" complement: "lui a commandé" is "a commandé à X"
        label, forms = LABELS.indirect_object, words.words("syntax", "dative_clitics")
    return next((c for c in verb.children
                 if c.dep_ == label and c.pos_ == "PRON" and c.i < verb.i and fold(c.text) in forms), None)


def _read_subject(verb: Token) -> bool:
    """Whether the verb's doer is told by the parse, not by discourse: a named or relative subject
    ("Maréval l'accuse", "X, qui l'a racheté"), or the subject of the verb an infinitive completes.
    A personal pronoun subject ("Il le met en demeure") is itself the discourse's guess, and two
    guessed sides make a wrong pair as often as not; an infinitive of purpose ("un partenaire
    pour l'épauler") has no subject one can read."""
    clause = verb
    if "Inf" in verb.morph.get("VerbForm", []):
        if verb.dep_ != LABELS.open_complement:
            return False
        clause = verb.head
    subject = next((c for c in clause.children if c.dep_ in LABELS.subjects), None)
    if subject is None:
        return False
    return subject.pos_ != "PRON" or "Rel" in subject.morph.get("PronType", [])


def _parties(doc: Doc, start: int, end: int, venues: frozenset[str]) -> tuple[set[str], set[str]]:
    """The actors named between two offsets but for a venue ("devant le tribunal"), and those of
    them named by a name at least once there (not only by a description or a pronoun, which are
    the discourse's guesses already)."""
    index = actor_index(doc)
    keys = actors_between(doc, start, end)
    by_name: set[str] = set()
    for mention in index.outermost_between(start, end):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and any(c.dep_ == LABELS.case_marker and fold(c.text) in venues for c in span.root.children):
            keys.discard(mention.key)
        elif mention.kind == "name":
            by_name.add(mention.key)
    return keys, by_name & keys


def _unnamed_party(doc: Doc, first: int, last: int, nouns: frozenset[str]) -> bool:
    """Whether a subject or object between two token indexes is a description of a party that
    names nobody ("l'établissement", "l'entreprise familiale" left unresolved): the clitic may
    stand for it. A noun whose name follows it ("la start-up Navalis") names its party."""
    index = actor_index(doc)
    return any(t.pos_ == "NOUN" and (t.dep_ in LABELS.subjects or t.dep_ in (LABELS.object, LABELS.indirect_object))
               and fold(t.lemma_) in nouns and index.mention_at(t) is None and not _names_follow(index, t)
               for t in doc[first:last])


def _thing_object(doc: Doc, first: int, last: int, verb: Token) -> bool:
    """Whether a singular direct object between two token indexes is a thing no actor names ("La
    société X a construit une usine à Brest. Le groupe Y l'a rachetée"): the object clitic may
    stand for it as well as for the actor, and the reader cannot tell. A noun whose gender the
    verb's participle contradicts ("un logiciel … l'a rachetée"), a date the tagger made an
    object, or a noun whose own complement names an actor ("son soutien au constructeur X": X
    may be meant) is no candidate."""
    index = actor_index(doc)
    genders = set(verb.morph.get("Gender", []))
    timexes = doc._.timexes or []
    types = {e.key: e.type for e in doc._.entities or []}
    return any(t.pos_ == "NOUN" and t.dep_ == LABELS.object and "Sing" in t.morph.get("Number", [])
               and index.mention_at(t) is None and not _names_follow(index, t)
               and not any(x.start <= t.idx < x.end for x in timexes)  # "a annoncé jeudi": the tagger's object
               and not any(_party_at(index, types, d) for d in t.subtree if d is not t)
               and not (genders and set(t.morph.get("Gender", [])) and not genders & set(t.morph.get("Gender", [])))
               for t in doc[first:last])


def _party_at(index: ActorIndex, types: dict[str, str], token: Token) -> bool:
    """Whether a person or an organisation is named at ``token`` (a place is no party here)."""
    mention = index.mention_at(token)
    return mention is not None and types.get(mention.key) in ANTECEDENT_KINDS


def _names_follow(index: ActorIndex, noun: Token) -> bool:
    """Whether a name hangs on ``noun`` without a preposition ("la société Velora", "le groupe
    hôtelier Maréval"): the noun and the name are one party."""
    return any(index.mention_at(c) is not None and not any(g.dep_ == LABELS.case_marker for g in c.children)
               for c in noun.children if c.i > noun.i)


@cache
def _description_nouns(lang: str) -> frozenset[str]:
    """The nouns that describe a person or an organisation ("société", "patron"), folded."""
    try:
        nouns = lexicon(lang, "actors").get("description_nouns", {})
    except FileNotFoundError:
        return frozenset()
    return frozenset(fold(n) for kind in ("ORG", "PERSON") for n in nouns.get(kind, []))


def _quoted(doc: Doc, char: int) -> bool:
    return any(q.start <= char < q.end for q in doc._.quotes or [])
