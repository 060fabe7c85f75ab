"""Within one article: a role noun after a possessive ("son fondateur", "sa directrice").

"La PME Vitrafil a été fondée par Pierre Lanvin. … « … », a assuré son fondateur" is Pierre
Lanvin: the possessor is the one organisation named since the sentence before, else the one in
focus (:func:`subject_in_focus`); the holder the one person the article said holds one of the
noun's roles there — as the agent of a participle of ``led_by`` ("fondée par X", "dirigée par X")
said of that organisation in the same sentence (or presenting it: "Fondée par A et B, la société
X …"), or by a role description resolved earlier ("X, directrice de l'entreprise"). Two holders,
or none, and the noun stays unresolved; a feminine noun ("sa directrice") is no man
(:mod:`chronique.extract.actors.genders`). A noun that introduces a name ("son fondateur, X" or
"son PDG X") is left to the name. A bare "le cofondateur" is the one founder stated, or of
several the one the sentence before is about.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache
from typing import Any

from spacy.tokens import Doc

from chronique.data import lexicon
from chronique.extract.actors.coref_focus import is_subject, quoted_ranges, subject_in_focus
from chronique.extract.actors.genders import agrees, description_gender
from chronique.nlp.actor_index import growing_index
from chronique.nlp.extensions import ActorMention, text_of
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["possessive_roles"]

#: How many words may stand between a participle of ``led_by`` and its "par" ("fondée en 1990 par").
MAX_PARTICIPLE_GAP = 4


@cache
def _roles(lang: str) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """The possessive determiners and each role noun (folded) with its titles."""
    try:
        section = dict(lexicon(lang, "references").get("possessive_roles", {}))
    except FileNotFoundError:
        return frozenset(), {}
    determiners = frozenset(fold(d) for d in section.pop("determiners", []))
    return determiners, {fold(noun): tuple(titles) for noun, titles in section.items()}


def possessive_roles(doc: Doc, mentions: list[ActorMention], entities: dict[str, dict[str, Any]],
                     words: dict[str, Any]) -> list[ActorMention]:
    """The possessive role nouns of ``doc`` resolved to their holder (rule ``possessive-role``)."""
    determiners, roles = _roles(doc.lang_)
    if not roles:
        return []
    tokens = token_table(doc)
    positions = tokens.positions(roles)
    if not positions:
        return []
    text = text_of(doc)
    quoted = quoted_ranges(doc, text)
    index = growing_index(doc, mentions)
    found: list[ActorMention] = []
    stated: list[tuple[str, tuple[str, ...], str]] | None = None
    for i in positions:
        titles = roles.get(tokens.folded[i])
        if not titles or i == 0:
            continue
        if tokens.folded[i - 1] in _DEFINITE and titles == _FOUNDER:
            if stated is None:
                stated = _stated_roles(doc, mentions, entities, words, roles)
            bare = _bare_founder(doc, tokens, index, entities, stated, quoted, i)
            if bare is not None:
                found.append(ActorMention(tokens.starts[i - 1], tokens.ends[i], bare, "description", "possessive-role"))
            continue
        if tokens.folded[i - 1] not in determiners:
            continue
        after = i + 1
        while after < len(tokens.texts) and tokens.pos[after] == "ADJ" and tokens.texts[after].islower():
            after += 1  # "son directeur général, X": the title's adjectives
        if after < len(tokens.texts) and (tokens.texts[after] == "," or tokens.texts[after][:1].isupper()):
            continue  # "sa directrice, Anne Roux", "son PDG Paul Roux": the name says who
        start, end = tokens.starts[i - 1], tokens.ends[i]
        if index.mention_at_index(i) is not None or any(s <= start < e for s, e in quoted):
            continue
        possessor = _possessor(doc, text, mentions, entities, quoted, start)
        if possessor is None:
            continue
        if stated is None:
            stated = _stated_roles(doc, mentions, entities, words, roles)
        gender = description_gender(doc.lang_, tokens.texts[i - 1])
        holders = {person for org, said, person in stated if org == possessor and set(said) & set(titles)
                   and agrees(gender, entities[person], words)}
        if len(holders) == 1:
            found.append(ActorMention(start, end, next(iter(holders)), "description", "possessive-role"))
    return found


#: The determiners of a bare role noun ("le cofondateur") and the founders' titles.
_DEFINITE = frozenset({"le", "la", "l'"})
_FOUNDER = ("founder",)


def _bare_founder(doc: Doc, tokens, index, entities, stated, quoted, i: int) -> str | None:
    """"le cofondateur" with no complement: the one founder the article stated ("fondée par X"),
    or, of several, the one that is the subject of the sentence before, or opens it (the parser
    often roots a sentence on a name with an apposition): "Fondée par A et B … B, ingénieur, reste
    prudent. « … », a reconnu le cofondateur" is B; ``None`` otherwise."""
    following = tokens.texts[i + 1] if i + 1 < len(tokens.texts) else ""
    if following == "," or following[:1].isupper() or fold(following) in ("de", "d'", "du", "des"):
        return None  # "le fondateur, X", "le fondateur X", "le fondateur de Y": said there
    start = tokens.starts[i - 1]
    if index.mention_at_index(i) is not None or any(s <= start < e for s, e in quoted):
        return None
    founders = {person for _org, said, person in stated if "founder" in said}
    if len(founders) == 1:
        return next(iter(founders))
    sentences = tokens.sentence_start_chars
    current = bisect_right(sentences, start) - 1
    if current < 1 or "\n" in text_of(doc)[sentences[current - 1] : start]:
        return None
    subjects = {m.key for m in index.mentions if sentences[current - 1] <= m.start < sentences[current]
                and m.key in founders and (is_subject(doc, m) or m.start == sentences[current - 1])}
    return next(iter(subjects)) if len(subjects) == 1 else None


def _possessor(doc: Doc, text: str, mentions: list[ActorMention], entities, quoted, start: int) -> str | None:
    """The organisation the possessive stands for: the one organisation named (outside quotes)
    since the start of the sentence before, else the one in focus (:func:`subject_in_focus`)."""
    tokens = token_table(doc)
    sentences = tokens.sentence_start_chars
    current = bisect_right(sentences, start) - 1
    since = sentences[max(0, current - 1)]
    if "\n" in text[since:start]:
        since = text.rfind("\n", 0, start) + 1
    named = {m.key for m in mentions if since <= m.start < start and entities.get(m.key, {}).get("type") == "ORG"
             and not any(s <= m.start < e for s, e in quoted)}
    if len(named) == 1:
        return next(iter(named))
    return subject_in_focus(doc, text, mentions, entities, start, lambda key, _m: entities[key]["type"] == "ORG")


def _stated_roles(doc: Doc, mentions: list[ActorMention], entities, words, roles) -> list[tuple[str, tuple[str, ...], str]]:
    """(organisation, titles, person) that the article states: a role description resolved to a
    person ("X, directrice de l'entreprise"), and a participle of ``led_by`` with persons as its
    agents in a sentence naming one organisation ("Vitrafil, fondée par X", "Fondée par X et Y, la
    société Z")."""
    tokens = token_table(doc)
    text = text_of(doc)
    by_start = sorted(mentions, key=lambda m: m.start)
    stated = []
    for mention in by_start:
        if mention.rule != "role" or entities.get(mention.key, {}).get("type") != "PERSON":
            continue
        titles = roles.get(tokens.folded[bisect_left(tokens.starts, mention.start)], ())
        inner = [m for m in by_start if mention.start < m.start and m.end <= mention.end
                 and entities.get(m.key, {}).get("type") == "ORG"]
        if inner and titles:
            stated.append((inner[-1].key, titles, mention.key))
    led_by = {fold(k): tuple(v) for k, v in words.get("led_by", {}).items()}
    for sentence in doc.sents:
        in_sentence = [m for m in by_start if sentence.start_char <= m.start < sentence.end_char]
        orgs = [m for m in in_sentence if entities.get(m.key, {}).get("type") == "ORG"]
        for token in sentence:
            folded = fold(token.text)
            titles = led_by.get(folded) or led_by.get(folded.rstrip("s").removesuffix("e"))
            if not titles:
                continue
            agent = next((doc[k + 1] for k in range(token.i + 1, min(token.i + 2 + MAX_PARTICIPLE_GAP, sentence.end - 1))
                          if doc[k].lower_ == "par"), None)
            if agent is None:
                continue
            persons = _agents(text, in_sentence, entities, agent.idx)
            org = {m.key for m in orgs}.pop() if len({m.key for m in orgs}) == 1 else None
            if org is None and token.i == sentence.start and persons:
                # "Fondée par A et B, la société X …": the first organisation after the fronted clause
                last = max(m.end for m in in_sentence if m.key == persons[-1])
                org = next((m.key for m in orgs if m.start > last and "," in text[last : m.start]), None)
            if org is not None:
                stated += [(org, titles, person) for person in persons]
    return stated


def _agents(text: str, mentions: list[ActorMention], entities, start: int) -> list[str]:
    """The persons named from ``start`` on, joined by "et" or commas ("par A, B et C")."""
    found: list[str] = []
    position = start
    for mention in (m for m in mentions if m.start >= start):
        gap = text[position : mention.start].strip()
        if found and gap not in (",", "et", ", et") or entities.get(mention.key, {}).get("type") != "PERSON":
            break
        if mention.start == position or found:
            found.append(mention.key)
            position = mention.end
    return found
