"""The person a title phrase names: "le directeur général de X, Paul Y", "Paul Y, le directeur
général de X", "l'économiste Paul Y".

A speaker phrase that is a title ("a déclaré sa présidente, Hania Hamidi") names its holder
after its comma, before it, or right after the noun; a title with a complement and no name
("l'avocat de X") names nobody but its owner (``phrases.phrase_speaker``).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.quotes.context import QuoteContext
from chronique.nlp.actor_index import OUTERMOST
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["name_after_comma", "name_before_comma", "naming_apposition", "title_holder", "feminine_title_for_a_man"]

LABELS = dependency_scheme("ud")
SUBJECT_DEPS = LABELS.speaker_subjects
QUOTE_NAME_LINKS = LABELS.quote_phrase_name_links


def title_holder(context: QuoteContext, head: Token) -> str | None:
    """The actor a title phrase names: after its comma ("le directeur général de X, Paul Y"),
    before it ("Paul Y, le directeur général de X") or right after the noun ("l'économiste Paul
    Y"); None for a phrase that names no holder ("l'avocat de X" is X's lawyer, not X)."""
    named = name_after_comma(context, head) or name_before_comma(context, head)
    if named is not None:
        return named
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is None or following.pos_ == "ADP":
        return None  # "les adversaires de Marine Le Pen": a complement, however the parser hung it
    return naming_apposition(context, head)


def name_after_comma(context: QuoteContext, head: Token) -> str | None:
    """"a déclaré sa présidente, Hania Hamidi", "a expliqué le directeur général de l'hôpital,
    Paul Martin": a title phrase and, after a comma, the person it names (the parser makes the
    name a second subject or object of the verb, or an apposition). Only a person's name that
    hangs on the phrase or on the phrase's own verb counts, or one that ends the sentence; never
    one of another clause."""
    if head.pos_ != "NOUN" or not head.is_lower:
        return None
    doc = head.doc
    apposed = _apposed_name(context, head)
    if apposed is not None:
        return apposed
    comma = head.right_edge.i + 1
    if comma + 1 < len(doc) and doc[comma].text == ",":
        name = doc[comma + 1]
        key = context.actors.at(name, OUTERMOST)
        if key is not None and context.is_person(key) and name.pos_ != "PRON" and (
                name.head in (head, head.head) or _closes_sentence(context, name, key)
                or _opens_relative(context, name, key)):
            return key
    return _name_inside_after_comma(context, head)


def _apposed_name(context: QuoteContext, head: Token) -> str | None:
    """"Selon son conseil, Me Sophie Vasseur, il …": a person's name set after the title's comma
    that the parser hung on the title as its apposition; the words after the phrase ("il") are
    another clause's."""
    doc = head.doc
    for child in head.children:
        if child.i <= head.i + 1 or doc[child.i - 1].text != ",":
            continue
        if child.dep_ != LABELS.apposition and not (child.dep_ == LABELS.conjunct and _uncoordinated(child)):
            continue  # "sa directrice, Anna X" misread as a conjunct; "le maire, Paul X et …" is a list
        key = context.actors.at(child, OUTERMOST)
        if key is not None and context.is_person(key) and child.pos_ != "PRON":
            return key
    return None


def _uncoordinated(child: Token) -> bool:
    """A conjunct with no coordinating word ("et", "ou") before it: an apposition misread."""
    return not any(c.pos_ == "CCONJ" for c in child.children)


def _opens_relative(context: QuoteContext, name: Token, key: str) -> bool:
    """Whether the person's name after the title's comma is followed by its own relative clause
    ("…, relève sa directrice générale, Anna Weber, qui n'exclut pas …"): the name ends the
    speaker phrase, however the parser hung it."""
    doc = name.doc
    end = name.i
    while end + 1 < len(doc) and context.actors.at(doc[end + 1], OUTERMOST) == key:
        end += 1
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return False
    return "Rel" in doc[end + 2].morph.get("PronType", [])


#: What may close a sentence right after the name that ends it.
_SENTENCE_END = frozenset({".", "!", "?", "…"})


def _closes_sentence(context: QuoteContext, name: Token, key: str) -> bool:
    """Whether the person's name after the title's comma ends its sentence ("…, a souligné le
    président de Velora, Paul Verdier."): however the parser hung it (often on the quote's verb),
    it names no other clause."""
    doc = name.doc
    end = name.i
    while end + 1 < len(doc) and context.actors.at(doc[end + 1], OUTERMOST) == key:
        end += 1
    following = doc[end + 1] if end + 1 < len(doc) else None
    return following is None or following.text in _SENTENCE_END or following.is_space


def name_before_comma(context: QuoteContext, head: Token) -> str | None:
    """"a assuré à l'AFP Marc Dorval, le directeur général de X": a title phrase right after a
    person's name and a comma is that person's, wherever the parser hung the name. Only a title
    after its verb (an inverted subject): "X, le patron de Y, la lettre le met en demeure" is the
    letter's."""
    if head.pos_ != "NOUN" or not head.is_lower or head.head.i > head.i:
        return None
    doc = head.doc
    comma = head.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    key = context.actors.at(doc[comma - 1], OUTERMOST)
    return key if key is not None and context.is_person(key) else None


def _name_inside_after_comma(context: QuoteContext, head: Token) -> str | None:
    """"s'est réjouie la présidente du groupe, Catherine Vallet": the parser may hang the name
    after the comma on the title's own complement ("groupe … conj Catherine"), so the name ends
    the title phrase; it is still the person the title names (the phrase's last words)."""
    doc = head.doc
    last = head.right_edge.i
    for comma in range(head.i + 1, last):
        if doc[comma].text != "," or doc[comma].head.i < head.i:
            continue
        name = doc[comma + 1]
        key = context.actors.at(name, OUTERMOST)
        mention_end = max((t.i for t in doc[comma + 1 : last + 1] if context.actors.at(t, OUTERMOST) == key), default=comma)
        if key is not None and context.is_person(key) and mention_end == last and name.dep_ in LABELS.misparsed_title_name_links \
                and head.left_edge.i <= name.head.i <= last:
            return key
        return None
    return None


def naming_apposition(context: QuoteContext, head: Token) -> str | None:
    """"le député Henri Guaino", "la société OpenAI": the name that follows a role noun.

    Of several ("le député PS de Seine-Saint-Denis Razzy Hammadi") the last one is the holder's
    name; an actor reached through a preposition ("le patron de Mediapro") is a complement.
    """
    found = None
    for child in head.children:
        if child.i <= head.i or child.dep_ not in QUOTE_NAME_LINKS:
            continue
        if any(grand.dep_ == LABELS.case_marker for grand in child.children if grand.i < child.i):
            continue
        if child.i > 0 and child.doc[child.i - 1].text in _OPENING_BRACKETS:
            continue  # "la sénatrice Anne Leroy (LR)": a party or an affiliation, not the holder
        key = context.actors.at(child, OUTERMOST)
        if key:
            found = key
    return found or _name_hung_right_after(context, head) or _name_on_complement(context, head)


#: What opens an aside after a name: "Anne Leroy (LR)", "Jean Roux [PS]".
_OPENING_BRACKETS = frozenset({"(", "["})


def _name_on_complement(context: QuoteContext, head: Token) -> str | None:
    """"l'historien de l'économie Paul Dubois": the parser may hang the holder's name on the
    role noun's complement. A person's name right after a complement that is a common noun and
    names nobody is the role's holder; a complement that is a person ("le porte-parole du
    ministre Jean Roux") or a name ("le patron de Mediapro Jaume Roures") keeps the name."""
    if not head.is_lower:
        return None
    for complement in head.children:
        if complement.i <= head.i or complement.dep_ != LABELS.nominal_modifier or not complement.is_lower:
            continue
        if context.actors.at(complement, OUTERMOST) is not None:
            continue
        for name in complement.children:
            if name.i != complement.i + 1 or name.dep_ not in QUOTE_NAME_LINKS:
                continue
            key = context.actors.at(name, OUTERMOST)
            if key is not None and context.is_person(key):
                return key
    return None


def _name_hung_right_after(context: QuoteContext, head: Token) -> str | None:
    """"l'association UFC-Que Choisir": a name right after its role noun that the parser hung on
    it by some other link (the name's first word read as an adjective, ``amod``). Only the word
    right after the noun, hanging on it and capitalised: "l'association de consommateurs" has
    no name."""
    doc = head.doc
    if not head.is_lower or head.i + 1 >= len(doc):
        return None
    name = doc[head.i + 1]
    if name.head != head or name.is_lower or not name.is_alpha:
        return None
    return context.actors.at(name, OUTERMOST)


def feminine_title_for_a_man(context: QuoteContext, head: Token, key: str) -> bool:
    """"l'avocate", "l'élue": a noun in the feminine form of a masculine one (its lemma differs)
    stands for a woman, never for a man by his first name. Nouns feminine by themselves ("la
    victime", "la star") and the masculine, also generic ("le ministre, Anne Roux"), say nothing."""
    if head.pos_ != "NOUN" or "Fem" not in head.morph.get("Gender", []) or context.genders.get(key) != "m":
        return False
    return fold(head.lemma_) != fold(head.text) and "Plur" not in head.morph.get("Number", [])
