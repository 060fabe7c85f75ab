"""Within one article: subject pronouns and demonstratives ("il", "-t-elle", "ce dernier").

A pronoun is the person most in focus of its gender; with no such person in view, a subject "il"
or "elle" may continue the organisation that was the previous sentence's subject, and "ce
dernier" / "celle-ci" stand for the organisation named just before; a pronoun set off between
commas restates the name before it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc, Token

from chronique.extract.actors.coref_focus import is_subject, overlaps, quoted_ranges, recent
from chronique.extract.actors.coref_matrix import continued_organisation, reporting_organisation
from chronique.kb import KnowledgeBase
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.memo import per_lexicon
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["pronouns"]

LABELS = dependency_scheme("ud")
SUBJECT_DEPS = LABELS.subjects

@per_lexicon
def _pronoun_words(words: dict[str, Any]) -> tuple[Any, ...]:
    """The pronoun lexicon, folded: subject pronouns, "ce dernier" and its feminine forms, what
    follows an impersonal "il" (each with a space after it), feminine endings and the pronouns
    that may continue an organisation. Made once per lexicon, not per document."""
    pronoun_words = words["pronouns"]
    return ({fold(p) for p in pronoun_words["subject"]},
            {fold(p) for p in pronoun_words["last_named"]},
            {fold(p) for p in pronoun_words["last_named_feminine"]},
            tuple(fold(p) + " " for p in pronoun_words["impersonal_next"]),
            tuple(pronoun_words["feminine_endings"]),
            {fold(p) for p in pronoun_words.get("organisation_subject", [])})


@per_lexicon
def _person_nouns(words: dict[str, Any]) -> frozenset[str]:
    """The nouns that tell an unnamed person, folded: the person description nouns ("directeur",
    "patronne") and the first word of the role nouns ("associé", "salarié")."""
    roles = {fold(n.split()[0]) for n in words.get("role_nouns", {})}
    return frozenset(fold(n) for n in words["description_nouns"]["PERSON"]) | roles


@per_lexicon
def _organisation_nouns(words: dict[str, Any]) -> frozenset[str]:
    """The description nouns of an organisation, folded ("association", "société")."""
    return frozenset(fold(n) for n in words["description_nouns"]["ORG"])


def pronouns(doc, text, mentions, entities, kb, words) -> list[ActorMention]:
    """Subject pronouns and "ce dernier": the person in focus (or, with none in view, the
    organisation the text is about), read left to right."""
    subject, last_named, feminine_named, impersonal, feminine_endings, organisation_subject = _pronoun_words(words)
    quoted = quoted_ranges(doc, text) if organisation_subject else []
    lowered = fold(text)
    first_words = {p.split(" ")[0].split("-")[0] for p in last_named}  # "celui" of "celui-ci"
    resolved: list[ActorMention] = []
    folded = (tokens := token_table(doc)).folded
    features = parse_table(doc).features  # morphology without a MorphAnalysis per pronoun
    for i in tokens.positions(first_words | subject):  # neither branch below fires at another word
        word = folded[i]
        token = doc[i]
        phrase = _phrase_at(lowered, token.idx, last_named) if word in first_words else None
        if phrase:
            known = mentions + resolved
        if phrase and not overlaps(known, token.idx, token.idx + len(phrase)):
            feminine = phrase in feminine_named
            key = recent(doc, known, entities, token.idx, _is_person(entities, kb, feminine))
            latter = _organisation_just_named(doc, known, entities, token)
            if latter is not None and _told_through_a_person(doc, known, latter, token, _person_nouns(words)):
                key = None  # "… le patron de la société X. Ce dernier a quitté": the boss, unnamed
            elif latter is not None and (key is None or _opens_clause(token) and _named_last(known, latter, key, token.idx)):
                key = latter  # "… le fonds Orvéa. Celui-ci a investi": the latter, not a man named before
            if key:
                resolved.append(ActorMention(token.idx, token.idx + len(phrase), key, "pronoun", "pronoun"))
        elif word in subject and token.pos_ == "PRON" and not _is_impersonal(token, text, word, impersonal):
            known = mentions + resolved
            feminine = "Fem" in features[i].get("Gender", ()) or word.endswith(feminine_endings)
            reporter = (reporting_organisation(doc, token, known, entities, feminine, _organisation_nouns(words))
                        or continued_organisation(doc, token, known, entities, feminine, _organisation_nouns(words),
                                                   _person_nouns(words))) \
                if word in organisation_subject \
                and not any(start <= token.idx < end for start, end in quoted) else None
            key = _dislocated(doc, token, known) or reporter or recent(
                doc, known, entities, token.idx, _is_person(entities, kb, feminine), True)
            if key is None and word in organisation_subject and _plain_subject(doc, token) and not any(
                    start <= token.idx < end for start, end in quoted):
                key = _organisation_topic(doc, token, known, entities, "Fem" if feminine else "Masc")
            if key:
                resolved.append(ActorMention(token.idx, token.idx + len(token.text), key, "pronoun", "pronoun"))
    return resolved


def _dislocated(doc: Doc, pronoun: Token, mentions) -> str | None:
    """"La Confédération paysanne, elle, a porté plainte": a pronoun between commas right after
    a name restates that name (the topic set off before its clause), whoever was named before."""
    i = pronoun.i
    if i < 2 or i + 1 >= len(doc) or doc[i - 1].text != "," or doc[i + 1].text != ",":
        return None
    end = doc[i - 2].idx + len(doc[i - 2].text)
    return next((m.key for m in mentions if m.end == end), None)


def _plain_subject(doc: Doc, pronoun: Token) -> bool:
    """A subject pronoun by the parse, and no stressed one after a preposition ("quant à elle")."""
    return pronoun.dep_ in SUBJECT_DEPS and (pronoun.i == 0 or doc[pronoun.i - 1].pos_ != "ADP")


def _names_subject(doc: Doc, mention: ActorMention, subject: Token) -> bool:
    """Whether ``mention`` is the subject token or the name right after it ("la société Velora")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start <= subject.i < span.end:
        return True
    # "La société Ardanel/amod a publié …": the parser often reads an unknown name right after
    # its noun as an adjective of it; capitalised, it is the name all the same.
    # "Le groupe hôtelier Maréval": adjectives of the noun may stand between it and the name.
    between = doc[subject.i + 1 : span.start]
    return span.root.head.i == subject.i and subject.i < span.start \
        and all(t.pos_ == "ADJ" and t.head.i == subject.i and not t.text[:1].isupper() for t in between) and (
        span.root.dep_ in LABELS.phrase_name_links
        or span.root.dep_ == LABELS.adjectival_modifier and span.root.text[:1].isupper())


def _organisation_topic(doc: Doc, pronoun: Token, mentions, entities, gender: str = "Fem") -> str | None:
    """The organisation a subject "elle" (or "il") continues, when no person of its gender is in
    view: the subject of the verb whose complement clause the pronoun opens ("Velora a indiqué
    qu'elle fera appel"), else, for a pronoun opening its sentence's main clause, the subject of the
    sentence before when that is one organisation ("Velora a racheté Nuvio. Elle s'était offert
    Brix") and its main verb has no object of the pronoun's ``gender`` that it may continue as well;
    ``None`` otherwise ("les clients dont elle traite les données" is not the sentence's subject),
    rather than a guess."""
    clause = pronoun.head
    if clause.dep_ in LABELS.complement_clauses:
        subject = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return None
        keys = {m.key for m in mentions if m.key in entities and _names_subject(doc, m, subject)}
        return keys.pop() if len(keys) == 1 and entities[next(iter(keys))]["type"] == "ORG" else None
    if clause.dep_ != LABELS.root:
        return None
    # the sentence before the pronoun's, from the token table's sentence starts (no Span built
    # for every sentence of the document, as ``doc.sents`` does)
    starts = token_table(doc).sentence_starts
    current = bisect_right(starts, pronoun.i) - 1
    if current < 1:
        return None
    previous = doc[starts[current - 1] : starts[current]]
    before = [previous]
    if any(t.dep_ == LABELS.object and t.head.dep_ == LABELS.root and t.pos_ == "NOUN"
           and gender in t.morph.get("Gender", []) and "Sing" in t.morph.get("Number", []) for t in previous):
        return None  # "X annonce une baisse de ses tarifs. Elle sera …": the object may be the topic
    start, end = previous.start_char, previous.end_char
    subjects = [m for m in mentions if start <= m.start and m.end <= end and m.key in entities and (
        is_subject(doc, m) or any(_names_subject(doc, m, t) for t in before[-1] if t.dep_ in SUBJECT_DEPS))]
    if len({m.key for m in subjects}) == 1 and entities[subjects[-1].key]["type"] == "ORG":
        return subjects[-1].key
    return None


def _phrase_at(lowered: str, start: int, phrases: set[str]) -> str | None:
    """The phrase of ``phrases`` that the text has at ``start`` as whole words ("celui-ci",
    which the tokenizer cuts in three)."""
    if start > 0 and lowered[start - 1].isalnum():
        return None
    for phrase in sorted(phrases, key=len, reverse=True):
        end = start + len(phrase)
        if lowered.startswith(phrase, start) and (end == len(lowered) or not lowered[end].isalnum()):
            return phrase
    return None


def _is_impersonal(token: Token, text: str, word: str, impersonal_next: tuple[str, ...]) -> bool:
    """"il y a", "il faut": an "il" that stands for nobody.

    Inverted pronouns ("a-t-il déclaré") are always personal, whatever label the parser gives.
    """
    if word.startswith("-"):
        return False
    end = token.idx + len(token.text)
    following = fold(text[end : end + 40])
    return (following.lstrip() + " ").startswith(impersonal_next)


def _is_person(entities, kb: KnowledgeBase | None = None, feminine: bool | None = None):
    """A filter for person mentions, of the pronoun's gender when the knowledge base knows it."""

    def accept(key: str, mention: ActorMention) -> bool:
        if entities[key]["type"] != "PERSON":
            return False
        if kb is None or feminine is None:
            return True
        known = kb.get(key)
        gender = known.gender if known else entities[key].get("gender")
        return (gender == "f") if feminine else (gender != "f")

    return accept


def _opens_clause(pronoun: Token) -> bool:
    """Whether "ce dernier" / "celui-ci" is its clause's subject ("Celui-ci a investi"), not a
    complement that may stand for someone else than the organisation just named ("X a commandé à
    ce dernier", where X is that organisation)."""
    return pronoun.dep_ in SUBJECT_DEPS or pronoun.i == pronoun.sent.start


def _named_last(mentions, organisation: str, person: str, char: int) -> bool:
    """Whether ``organisation`` was named after every mention of ``person`` before ``char``: "ce
    dernier" / "celui-ci" is the last of the two."""
    def last(key: str) -> int:
        return max((m.start for m in mentions if m.key == key and m.end <= char), default=-1)
    return last(organisation) > last(person)


#: the links from a name up to the noun it complements: "le patron de la société X" (nmod), the
#: name's own parts between
_COMPLEMENT_LINKS = frozenset({LABELS.nominal_modifier}) | LABELS.name_parts


def _told_through_a_person(doc: Doc, mentions, key: str, pronoun: Token, person_nouns: frozenset[str]) -> bool:
    """Whether the organisation ``key`` named last before ``pronoun`` is the complement of a noun
    of a person ("le patron de la société X", "la directrice du fonds Y"): the phrase named last
    is that person's, whom "ce dernier" may mean as well."""
    last = max((m for m in mentions if m.end <= pronoun.idx and m.key == key), key=lambda m: m.end, default=None)
    span = None if last is None else doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(4):
        if token.head.i == token.i or token.head.i > token.i or token.dep_ not in _COMPLEMENT_LINKS:
            return False  # (an apposition is another reading: "Selon un porte-parole, X a …")
        token = token.head
        if token.pos_ == "NOUN" and (fold(token.lemma_) in person_nouns or fold(token.text) in person_nouns):
            return True
    return False


def _organisation_just_named(doc: Doc, mentions, entities, pronoun: Token) -> str | None:
    """"ce dernier" when no person is in view: the organisation named last, provided no other noun
    stands between it and the pronoun ("… décidé par le gouvernement norvégien. Ce dernier a
    indiqué", "l'un des clients de Velora, cela n'a pas empêché ce dernier de …"); "la décision de
    la juge … celle-ci" is the judge's, not the company named before."""
    before = [m for m in mentions if m.end <= pronoun.idx and m.key in entities]
    if not before:
        return None
    last = max(before, key=lambda m: m.end)
    if entities[last.key]["type"] != "ORG":
        return None
    gap = doc.char_span(last.end, pronoun.idx, alignment_mode="contract")
    if gap is None or len(gap) > 8 or any(t.pos_ in ("NOUN", "PROPN") for t in gap):
        return None
    return last.key
