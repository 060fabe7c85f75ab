"""Rivalry and opposition: the COMPETE slots that read what French leaves implicit.

- ``rival``: whom "son rival" / "son concurrent" is, when no name follows the noun ("Samsung
  accuse Apple … et exige de son rival américain qu'il …"): the bearer the ordinary rules find,
  else the one other actor of the owner's kind the sentence names before the noun. Only with a
  possessive, only outside a predicate ("X est son rival" is read by the predicate rules), and
  only when that actor is the sentence's only candidate: no guessing between two.
- ``topic``: who competes in "une concurrence (intense) avec A et B" when the noun has no party
  of its own: the subject of the sentence's main clause, or the actor a fronted "pour X," sets
  as the sentence's topic ("Pour Google, ce rachat doit l'aider dans le cloud, un secteur dominé
  par une concurrence intense avec AWS et Azure").
- ``contest``: the sides of a contest a relative clause says it opposes ("un bras de fer qui
  oppose A à B", "le match qui oppose A et B", "la guerre qui oppose A, B et C"): the object (all
  its conjuncts) and the "à" complement, only when the clause's antecedent or subject is a contest
  noun (``[syntax] contest_nouns``).
- ``wronged``: whom anticompetitive conduct is aimed at, right after the conduct's noun and
  adjectives ("des pratiques anticoncurrentielles envers X", "à l'égard de X"), also where the
  parser made "envers" a noun (``[syntax] wronged_prepositions``).
- ``mutual``: the actors of a reciprocal verb ("A, B et C s'affrontent"), or, after a verb of
  perception, the ones the parser made its object ("a vu s'affronter A, B et C"); a counted group
  ("trois poids lourds") stands for exactly as many names listed after a colon or in the next
  sentences of its paragraph ("D'un côté, A. De l'autre, B et C."). Every pair of them competes
  (:func:`every_pair`).
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from spacy.tokens import Token

from chronique.nlp.actor_index import actor_index
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

if TYPE_CHECKING:
    from chronique.extract.events.arguments import ArgumentFinder

__all__ = ["RIVALRY_SLOTS", "rivalry_slot", "every_pair"]

LABELS = dependency_scheme("ud")
#: The slots this module reads (``ArgumentFinder`` hands them over).
RIVALRY_SLOTS = frozenset({"rival", "topic", "contest", "mutual", "wronged"})


def rivalry_slot(finder: ArgumentFinder, trigger: Token, slot: str) -> list[str]:
    """The actors of one rivalry slot of ``trigger``."""
    if slot == "rival":
        return finder.bearer(trigger) or _implied_rival(finder, trigger)
    if slot == "topic":
        return _topic(finder, trigger)
    if slot == "contest":
        return _contest_sides(finder, trigger)
    if slot == "mutual":
        return _mutual(finder, trigger)
    if slot == "wronged":
        return _wronged(finder, trigger)
    return []


def every_pair(keys: list[str]) -> list[tuple[str, str]]:
    """Each pair of a list of rivals, once ("A, B et C s'affrontent": A-B, A-C, B-C)."""
    return list(combinations(dict.fromkeys(keys), 2))


def _entity_types(trigger: Token) -> dict[str, str]:
    return {e.key: e.type for e in trigger.doc._.entities or []}


def _implied_rival(finder: ArgumentFinder, noun: Token) -> list[str]:
    """"son rival américain" with no name: the one other actor of the owner's kind named
    before the noun in its sentence."""
    if finder.predicate_head(noun) is not None:
        return []
    owners = finder.possessor(noun)
    if not owners:
        return []
    types = _entity_types(noun)
    kinds = {types.get(owner) for owner in owners} - {None}
    sentence = noun.sent
    others: list[str] = []
    for mention in noun.doc._.actor_mentions or []:
        if sentence.start_char <= mention.start < noun.idx and mention.key not in owners \
                and types.get(mention.key) in kinds and mention.key not in others:
            others.append(mention.key)
    return others if len(others) == 1 else []


def _topic(finder: ArgumentFinder, noun: Token) -> list[str]:
    """The main clause's subject, else the actor of a fronted "pour X," opening the sentence."""
    reader = finder.reader
    root = noun.sent.root
    if root.pos_ in ("VERB", "AUX"):
        found, direct = reader.subject(root)
        if found and direct:
            return found
    topic_marks = finder.words.words("syntax", "topic_marks")
    doc = noun.doc
    for child in root.children:
        if child.i >= noun.i or not child.dep_.startswith(LABELS.oblique_prefix):
            continue
        opens = child.left_edge.i == noun.sent.start and fold(child.left_edge.text) in topic_marks
        comma = child.right_edge.i + 1 < len(doc) and doc[child.right_edge.i + 1].text == ","
        if opens and comma:
            return reader.actors(child)
    return []


def _contest_sides(finder: ArgumentFinder, verb: Token) -> list[str]:
    """"un bras de fer qui oppose A à B": A and B, when a contest noun opposes them."""
    contest_nouns = finder.words.words("syntax", "contest_nouns")
    reader = finder.reader
    subject = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
    holder = verb.head if verb.dep_ == LABELS.relative_clause and subject is not None \
        and fold(subject.text) in finder.words.words("syntax", "relative_subject") else subject
    if holder is None or not ({fold(holder.lemma_), fold(holder.text)} & contest_nouns):
        return []
    sides = list(reader.object_actors(verb))
    for phrase in reader.obliques(verb, "à"):
        sides.extend(k for k in reader.actors(phrase) if k not in sides)
    return sides


def _mutual(finder: ArgumentFinder, verb: Token) -> list[str]:
    """The subjects of a reciprocal verb, or its object after a verb of perception ("a vu
    s'affronter A et B": the parser makes A and B the infinitive's object); a counted group
    ("trois poids lourds") stands for the names the text then lists (:func:`_announced`)."""
    reader = finder.reader
    found, _ = reader.subject(verb)
    if len(found) > 1:
        return found
    sides = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
    perception = finder.words.words("syntax", "perception_verbs")
    if verb.dep_ in LABELS.complement_clauses and fold(verb.head.lemma_) in perception:
        found = found or reader.object_actors(verb)
        sides = sides or reader.object(verb)
    if len(found) < 2 and sides is not None:
        return _announced(finder, sides) or found
    return found


def _announced(finder: ArgumentFinder, group: Token) -> list[str]:
    """"trois poids lourds s'affrontent : A, B et C", "… a vu s'affronter trois poids lourds.
    D'un côté, A. De l'autre, B (…) et C.": the names listed after a counted group, after a
    colon in its sentence or in the next sentences of its paragraph, outside brackets, when
    there are exactly as many as the count says."""
    count = _count(finder, group)
    if count is None:
        return []
    doc = group.doc
    text = text_of(doc)
    paragraph_end = text.find("\n", group.idx)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    colon = text.find(":", group.idx, group.sent.end_char)
    start = colon if colon != -1 else group.sent.end_char
    listed: list[str] = []
    sentences = [s for s in doc.sents if s.start_char >= group.sent.start_char][:3]
    for sentence in sentences:
        if sentence.start_char >= paragraph_end:
            break
        for mention in doc._.actor_mentions or []:
            if max(start, sentence.start_char) <= mention.start < min(sentence.end_char, paragraph_end) \
                    and not _bracketed(text, sentence.start_char, mention.start) and mention.key not in listed:
                listed.append(mention.key)
        if len(listed) >= count:
            break
    return listed if len(listed) == count else []


def _count(finder: ArgumentFinder, group: Token) -> int | None:
    """How many a plural group says it holds ("trois poids lourds", "2 géants"), from 2 up."""
    numbers = dict(w.split("=", 1) for w in finder.words.words("syntax", "number_words"))
    for child in group.children:
        if child.dep_ == LABELS.numeric_modifier:
            word = fold(child.text)
            value = numbers.get(word, word)
            if value.isdigit() and int(value) >= 2:
                return int(value)
    return None


def _bracketed(text: str, start: int, char: int) -> bool:
    """Whether ``char`` is inside brackets opened after ``start``."""
    before = text[start:char]
    return before.count("(") > before.count(")")


def _wronged(finder: ArgumentFinder, noun: Token) -> list[str]:
    """The actor named right after a preposition of ``wronged_prepositions`` that follows the
    noun and its adjectives ("pratiques anticoncurrentielles envers X")."""
    doc = noun.doc
    last = max([noun.i] + [c.i for c in noun.children if c.dep_ == LABELS.adjectival_modifier and c.i > noun.i])
    phrases = finder.words.words("syntax", "wronged_prepositions")
    forms = finder.reader.preposition_forms
    words: list[str] = []
    j = last + 1
    while j < min(last + 5, noun.sent.end):
        word = fold(doc[j].text)
        words.append(forms.get(word, word))
        j += 1
        if " ".join(words).replace("' ", "'") in phrases:
            while j < noun.sent.end and doc[j].pos_ == "DET":
                j += 1
            mention = actor_index(doc).mention_at(doc[j]) if j < noun.sent.end else None
            return [mention.key] if mention is not None and mention.start == doc[j].idx else []
    return []
