"""Within one article: role descriptions ("le patron d'OpenAI", "le fondateur de Tesla").

The holder is, in order: the person the noun is said of right there, the person the article said
holds that role earlier or later, the one person the knowledge base says held it at the
article's date.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from spacy.tokens import Token

from chronique.data import lexicon
from chronique.nlp.actor_index import ActorIndex, growing_index
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.memo import per_lexicon
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["role_descriptions"]

LABELS = dependency_scheme("ud")

@per_lexicon
def _roles(words: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Each role noun, folded, with its titles: made once per lexicon, not per document."""
    return {fold(k): tuple(v) for k, v in words["role_nouns"].items()}


def role_descriptions(doc, mentions, entities, kb, words) -> list[ActorMention]:
    """"le patron d'OpenAI", "le fondateur de Tesla": a role noun whose complement is an org.

    The holder is, in order: the person the noun is said of right there ("Sam Altman, patron
    d'OpenAI", "X est le PDG de Y"), the person the article said holds that role earlier or
    later, the one person the knowledge base says held it at the article's date.
    """
    roles = _roles(words)
    # names and generic descriptions never overlap: a token's innermost mention is its only one
    index = growing_index(doc, mentions)
    described = []
    tokens = token_table(doc)
    for i in tokens.positions(roles, lemmas=True):
        titles = roles.get(tokens.folded[i]) or roles.get(tokens.folded_lemmas[i])
        if not titles:
            continue
        token = doc[i]
        org_token = next((c for c in token.children if c.dep_ == LABELS.nominal_modifier), None)
        org_mention = index.mention_at(org_token) if org_token is not None else None
        if org_mention is None or entities.get(org_mention.key, {}).get("type") != "ORG":
            continue
        described.append((token, titles, org_mention, _holder_in_text(token, index, entities)))
    stated = {(org.key, title): holder for _t, titles, org, holder in described if holder for title in titles}
    for (org_key, title), verb_holder in _stated_by_verbs(doc, index, entities).items():
        stated.setdefault((org_key, title), verb_holder)  # "X dirige Y" … "le patron de Y"
    found = []
    former = _former_words(doc.lang_)
    for token, titles, org_mention, said_holder in described:
        holder: str | None = said_holder
        if token.i > 0 and tokens.folded[token.i - 1] in former:
            # "Ancien patron de Renault, l'Italien …": not the holder the article or the KB gives today
            if holder:
                found.append(ActorMention(token.idx, org_mention.end, holder, "description", "role"))
            continue
        said = [stated[(org_mention.key, t)] for t in titles if (org_mention.key, t) in stated]
        holder = holder or (said[0] if said else None)
        holder = holder or _holder_in_kb(doc, org_mention.key, titles, entities, kb)
        if holder:
            found.append(ActorMention(token.idx, org_mention.end, holder, "description", "role"))
    return found


@cache
def _former_words(lang: str) -> frozenset[str]:
    """"ancien", "ex": the words before a role noun that make it a past one."""
    return frozenset(fold(w) for w in lexicon(lang, "references")["former_words"])


def _holder_in_text(role: Token, index: ActorIndex, entities) -> str | None:
    """The person the role noun is said of: in apposition ("Sam Altman, patron d'OpenAI",
    "le PDG de Microsoft, Satya Nadella") or as the subject of a copula ("X est le PDG de Y")."""
    neighbours = [c for c in role.children if c.dep_ in LABELS.role_holder_links]
    if role.dep_ in LABELS.role_attachments and role.head.i < role.i:
        neighbours.append(role.head)
    for other in neighbours:
        mention = index.mention_at(other)
        if mention and entities.get(mention.key, {}).get("type") == "PERSON":
            return mention.key
    return None


@cache
def _role_verbs(lang: str) -> dict[str, tuple[str, ...]]:
    """"diriger" → the titles its subject holds in its object (``relations.toml: role_verbs``, the
    verbs the relations read too)."""
    return {fold(k): tuple(v) for k, v in lexicon(lang, "relations").get("role_verbs", {}).items()}


def _stated_by_verbs(doc, index: ActorIndex, entities) -> dict[tuple[str, str], str]:
    """(organisation, title) → the person a role verb says holds it: "X dirige Y", "X, qui
    dirige Y", "X a fondé Y", "X dirige la compagnie Y" (the object or the name it introduces,
    never the complement of another noun: "X dirige la filiale de Y"). Negated verbs say nothing."""
    verbs = _role_verbs(doc.lang_)
    stated: dict[tuple[str, str], str] = {}
    if not verbs:
        return stated
    tokens = token_table(doc)
    for i in tokens.positions(verbs, lemmas=True):
        titles = verbs.get(tokens.folded_lemmas[i])
        if not titles or tokens.pos[i] != "VERB":
            continue
        verb = doc[i]
        if any(fold(c.text) in _NEGATIONS for c in verb.children):
            continue
        holder = _verb_subject(verb, index, entities)
        org = _verb_object(verb, index, entities) if holder else None
        if holder and org:
            for title in titles:
                stated.setdefault((org, title), holder)
    return stated


#: What a verb's object may hang by: the object, or an argument with no preposition (not a predicate).
_OBJECTS = LABELS.governed_noun_links - {LABELS.open_complement}
#: Words that negate a verb ("X ne dirige plus Y").
_NEGATIONS = frozenset({"ne", "n'", "n’"})


def _verb_subject(verb: Token, index: ActorIndex, entities) -> str | None:
    """The person subject of an active role verb, through a relative pronoun to its antecedent."""
    subject = next((c for c in verb.children if c.dep_ == LABELS.subject), None)
    if subject is None:
        return None
    if subject.pos_ == "PRON" and verb.dep_ == LABELS.relative_clause and verb.head.i < verb.i:
        subject = verb.head  # "X, qui dirige Y"
    mention = index.mention_at(subject)
    return mention.key if mention and entities.get(mention.key, {}).get("type") == "PERSON" else None


def _verb_object(verb: Token, index: ActorIndex, entities) -> str | None:
    """The organisation a role verb's object names: itself, or a name it introduces with no
    preposition ("la compagnie Y")."""
    obj = next((c for c in verb.children if c.dep_ in _OBJECTS and not any(  # also the parser's "dirige/obl:arg Y"
        g.dep_ == LABELS.case_marker for g in c.children)), None)
    if obj is None:
        return None
    candidates = [obj] + [c for c in obj.children if c.i > obj.i and c.pos_ == "PROPN"
                          and not any(g.dep_ == LABELS.case_marker for g in c.children)]
    for candidate in candidates:
        mention = index.mention_at(candidate)
        if mention and entities.get(mention.key, {}).get("type") == "ORG":
            return mention.key
    return None


def _holder_in_kb(doc, org_key, titles, entities, kb) -> str | None:
    """The known holder of the role at the article's date, preferring one the article names."""
    on = doc._.dct.isoformat() if doc._.dct else None
    for title in titles:
        holders = kb.holders(org_key, (title,), on)
        if not holders:
            continue
        named = [h for h in holders if h.id in entities]
        chosen = named[0] if len(named) == 1 else holders[0] if len(holders) == 1 else None
        if chosen is None:
            return None
        entities.setdefault(chosen.id, {"type": chosen.type, "kb_id": chosen.id, "names": Counter()})
        return chosen.id
    return None
