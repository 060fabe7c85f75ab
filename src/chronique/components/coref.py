"""Within one article: descriptions and pronouns resolved to the actors they stand for.

"le patron d'OpenAI" is whoever the article (or, failing that, the knowledge base) says runs
OpenAI; "la société" is the organisation named last; "il", "-il" and "ce dernier" are the person
most in focus. Rules are deliberately conservative: an unresolved reference is left out rather
than guessed, because a wrong actor on an event is worse than a missing one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.components.extensions import ActorMention
from chronique.kb import KnowledgeBase

__all__ = ["resolve_references"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
#: How many sentences back a pronoun or a description may look for its actor.
LOOKBACK_SENTENCES = 3


def _normalise(text: str) -> str:
    return text.replace("’", "'").lower()


def resolve_references(
    doc: Doc,
    text: str,
    mentions: list[ActorMention],
    entities: dict[str, dict[str, Any]],
    kb: KnowledgeBase,
    words: dict[str, Any],
) -> list[ActorMention]:
    """Add description and pronoun mentions to ``mentions`` (and new KB actors to ``entities``).

    ``text`` is ``doc.text``, read once by the caller (spaCy rebuilds it at every access).
    """
    mentions = list(mentions)
    mentions += _role_descriptions(doc, mentions, entities, kb, words)
    mentions += _generic_org_descriptions(doc, text, mentions, entities, words)
    mentions += _pronouns(doc, text, mentions, entities, kb, words)
    return mentions


def _mention_at(mentions: list[ActorMention], token: Token) -> ActorMention | None:
    end = token.idx + len(token.text)
    for mention in mentions:
        if mention.start < end and token.idx < mention.end:
            return mention
    return None


def _role_descriptions(doc, mentions, entities, kb, words) -> list[ActorMention]:
    """"le patron d'OpenAI", "le fondateur de Tesla": a role noun whose complement is an org."""
    roles = {_normalise(k): tuple(v) for k, v in words["role_nouns"].items()}
    found = []
    for token in doc:
        titles = roles.get(_normalise(token.text)) or roles.get(_normalise(token.lemma_))
        if not titles:
            continue
        org_token = next((c for c in token.children if c.dep_ == "nmod"), None)
        org_mention = _mention_at(mentions, org_token) if org_token is not None else None
        if org_mention is None or entities.get(org_mention.key, {}).get("type") != "ORG":
            continue
        holder = _holder_in_text(token, mentions, entities) or _holder_in_kb(
            doc, org_mention.key, titles, entities, kb
        )
        if holder:
            found.append(ActorMention(token.idx, org_mention.end, holder, "description"))
    return found


def _holder_in_text(role: Token, mentions, entities) -> str | None:
    """The person the role noun is in apposition with ("Sam Altman, patron d'OpenAI")."""
    neighbours = [c for c in role.children if c.dep_ == "appos"]
    if role.dep_ in ("appos", "acl") and role.head.i < role.i:
        neighbours.append(role.head)
    for other in neighbours:
        mention = _mention_at(mentions, other)
        if mention and entities.get(mention.key, {}).get("type") == "PERSON":
            return mention.key
    return None


def _holder_in_kb(doc, org_key, titles, entities, kb) -> str | None:
    """The known holder of the role, preferring one the article already names."""
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


def _generic_org_descriptions(doc, text, mentions, entities, words) -> list[ActorMention]:
    """"la société", "l'organisation": the organisation named last, within a few sentences."""
    phrases = sorted({_normalise(p) for p in words["generic_org"]}, key=len, reverse=True)
    lowered = _normalise(text)
    found = []
    for phrase in phrases:
        start = lowered.find(phrase)
        while start != -1:
            end = start + len(phrase)
            boundary_ok = (start == 0 or not lowered[start - 1].isalnum()) and (
                end == len(lowered) or not lowered[end].isalnum()
            )
            followed_by_name = text[end : end + 2].strip()[:1].isupper()
            if boundary_ok and not followed_by_name and not _overlaps(found + mentions, start, end):
                key = _recent(doc, mentions, entities, start, lambda k, m: entities[k]["type"] == "ORG")
                if key:
                    found.append(ActorMention(start, end, key, "description"))
            start = lowered.find(phrase, end)
    return found


def _overlaps(mentions: list[ActorMention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _window_start(doc: Doc, char: int) -> int:
    """Character offset where the lookback window of a reference at ``char`` begins."""
    sentences = [s for s in doc.sents if s.start_char <= char]
    first = sentences[max(0, len(sentences) - 1 - LOOKBACK_SENTENCES)] if sentences else None
    return first.start_char if first is not None else 0


def _recent(doc, mentions, entities, char, accept, prefer_subject: bool = False) -> str | None:
    """The key of the last accepted mention before ``char`` in the lookback window."""
    window = _window_start(doc, char)
    candidates = [m for m in mentions if window <= m.start and m.end <= char and m.key in entities]
    candidates = [m for m in candidates if accept(m.key, m)]
    if not candidates:
        return None
    if prefer_subject:
        current = doc.char_span(char, char + 1, alignment_mode="expand")
        sentence_start = current.sent.start_char if current is not None else 0
        ordered = sorted(candidates, key=lambda m: m.start)
        for scope in (lambda m: m.start >= sentence_start, lambda m: True):
            subjects = [m for m in ordered if scope(m) and _is_subject(doc, m)]
            if subjects:
                return subjects[-1].key
    return max(candidates, key=lambda m: m.start).key


def _is_subject(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention is the subject of its clause.

    The parser often hangs "Ce dernier" or an inverted "-il" oddly, so a pronoun mention that
    stands right before its verb also counts.
    """
    span: Span | None = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if span.root.dep_ in SUBJECT_DEPS or (span.root.dep_ == "dep" and span.root.pos_ == "PRON"):
        return True
    following = doc[span.end] if span.end < len(doc) else None
    return mention.kind == "pronoun" and following is not None and following.pos_ in ("VERB", "AUX")


def _pronouns(doc, text, mentions, entities, kb, words) -> list[ActorMention]:
    """Subject pronouns and "ce dernier": the person in focus, read left to right."""
    subject = {_normalise(p) for p in words["pronouns"]["subject"]}
    last_named = {_normalise(p) for p in words["pronouns"]["last_named"]}
    impersonal = tuple(_normalise(p) + " " for p in words["pronouns"]["impersonal_next"])
    resolved: list[ActorMention] = []
    for token in doc:
        word = _normalise(token.text)
        pair = _normalise(doc[token.i : token.i + 2].text) if token.i + 1 < len(doc) else ""
        known = mentions + resolved
        if pair in last_named and not _overlaps(known, token.idx, token.idx + len(pair)):
            key = _recent(doc, known, entities, token.idx, _is_person(entities))
            if key:
                resolved.append(ActorMention(token.idx, token.idx + len(pair), key, "pronoun"))
        elif word in subject and token.pos_ == "PRON" and not _is_impersonal(token, text, word, impersonal):
            feminine = "Fem" in token.morph.get("Gender") or word.endswith("elle")
            key = _recent(doc, known, entities, token.idx, _is_person(entities, kb, feminine), True)
            if key:
                resolved.append(ActorMention(token.idx, token.idx + len(token.text), key, "pronoun"))
    return resolved


def _is_impersonal(token: Token, text: str, word: str, impersonal_next: tuple[str, ...]) -> bool:
    """"il y a", "il faut": an "il" that stands for nobody.

    Inverted pronouns ("a-t-il déclaré") are always personal, whatever label the parser gives.
    """
    if word.startswith("-"):
        return False
    end = token.idx + len(token.text)
    following = _normalise(text[end : end + 40])
    return (following.lstrip() + " ").startswith(impersonal_next)


def _is_person(entities, kb: KnowledgeBase | None = None, feminine: bool | None = None):
    """A filter for person mentions, of the pronoun's gender when the knowledge base knows it."""

    def accept(key: str, mention: ActorMention) -> bool:
        if entities[key]["type"] != "PERSON":
            return False
        if kb is None or feminine is None:
            return True
        known = kb.get(key)
        gender = known.gender if known else None
        return (gender == "f") if feminine else (gender != "f")

    return accept
