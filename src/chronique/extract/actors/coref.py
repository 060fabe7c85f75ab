"""Within one article: descriptions and pronouns resolved to the actors they stand for.

"le patron d'OpenAI" is whoever the article (or, failing that, the knowledge base) says runs
OpenAI; "la société" is the organisation named last; "il", "-il" and "ce dernier" are the person
most in focus, or, with no person in view, the organisation the sentence before was about or
just named. Rules are deliberately conservative: an unresolved reference is left out rather
than guessed, because a wrong actor on an event is worse than a missing one.

This module runs the resolvers in order; each kind of reference has its own module:
``coref_generic`` ("la société"), ``coref_roles`` ("le patron de X"), ``descriptions`` ("le club
parisien", "le ministre"), ``coref_possessive`` ("son rival américain"), ``coref_pronouns`` ("il", "ce dernier"); ``coref_focus`` says which
actor is in focus, ``clause_partners`` which actors a description cannot be (the other
arguments of its clause) and ``description_sectors`` which sector a description names.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc

from chronique.extract.actors.coref_focus import window_start
from chronique.extract.actors.coref_generic import generic_org_descriptions
from chronique.extract.actors.coref_possessive import possessive_descriptions
from chronique.extract.actors.coref_possessive_roles import possessive_roles
from chronique.extract.actors.coref_pronouns import pronouns
from chronique.extract.actors.coref_roles import role_descriptions
from chronique.extract.actors.description_sectors import ArticleSectors
from chronique.extract.actors.descriptions import resolve_descriptions
from chronique.extract.actors.origins import ArticleOrigins
from chronique.extract.actors.restated import restated_names
from chronique.kb import KnowledgeBase
from chronique.nlp.extensions import ActorMention
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["resolve_references"]


def resolve_references(
    doc: Doc,
    text: str,
    mentions: list[ActorMention],
    entities: dict[str, dict[str, Any]],
    kb: KnowledgeBase,
    words: dict[str, Any],
) -> list[ActorMention]:
    """Add description and pronoun mentions to ``mentions`` (and new KB actors to ``entities``).

    Generic descriptions come first so that a role can hang on one ("le patron de la société").
    ``text`` is ``doc.text``, read once by the caller (spaCy rebuilds it at every access).
    """
    mentions = list(mentions)
    origins = ArticleOrigins(doc, mentions, entities, kb, words)
    sectors = ArticleSectors(doc, mentions)
    mentions += restated_names(doc, mentions, entities, words)
    mentions += generic_org_descriptions(doc, text, mentions, entities, words, kb, origins, sectors)
    mentions += role_descriptions(doc, mentions, entities, kb, words)
    mentions += resolve_descriptions(doc, mentions, entities, words, kb, origins, sectors)
    mentions += possessive_descriptions(doc, mentions, entities, origins)
    mentions += possessive_roles(doc, mentions, entities, words)  # "son fondateur": a person the article said
    mentions += _first_and_second(doc, text, mentions, entities, words)  # "le premier": a subject the pronouns see
    mentions += pronouns(doc, text, mentions, entities, kb, words)
    return mentions


def _first_and_second(doc, text, mentions, entities, words) -> list[ActorMention]:
    """"le premier" / "le second": the first and the second of the last pair of actors of one
    type joined by "et" within a few sentences ("Paul Verdier et Claire Dumas … le premier");
    not before a noun ("le premier ministre", "le second trimestre")."""
    ordinals = {fold(w): int(n) for n, forms in words["pronouns"]["ordinal_references"].items() for w in forms}
    found: list[ActorMention] = []
    folded = (tokens := token_table(doc)).folded
    for i in tokens.positions(ordinals):
        position = ordinals.get(folded[i])
        if position is None:
            continue
        token = doc[i]
        if token.i == 0 or doc[token.i - 1].lower_ not in ("le", "la"):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ"):
            continue
        pair = _last_pair(doc, text, mentions, entities, doc[token.i - 1].idx)
        if pair is not None:
            start = doc[token.i - 1].idx
            found.append(ActorMention(start, token.idx + len(token.text), pair[position - 1], "pronoun", "pronoun"))
    return found


def _last_pair(doc, text, mentions, entities, char) -> tuple[str, str] | None:
    window = window_start(doc, char)
    named = sorted((m for m in mentions if window <= m.start and m.end <= char and m.key in entities), key=lambda m: m.start)
    for left, right in reversed(list(zip(named, named[1:], strict=False))):
        if _joined_by_and(doc, text, left.end, right.start) and left.key != right.key:
            if entities[left.key]["type"] == entities[right.key]["type"]:
                return left.key, right.key
    return None


#: How many words the right conjunct's title may hold before its name ("et le président de la
#: métropole, Bruno Bernard").
MAX_CONJUNCT_TITLE = 8


def _joined_by_and(doc: Doc, text: str, left_end: int, right_start: int) -> bool:
    """"A et B", and "le maire de X, A, et le président de Y, B": "et" opens the gap (after the
    left conjunct's closing comma) and what follows it before the right name is a title phrase,
    no verb and no sentence end."""
    gap = text[left_end:right_start].strip()
    if gap == "et":
        return True
    if not (gap.startswith(", et ") or gap.startswith("et ")):
        return False
    tokens = token_table(doc)
    first = bisect_left(tokens.starts, left_end)
    last = bisect_left(tokens.starts, right_start)
    words = range(first, last)
    if len(words) > MAX_CONJUNCT_TITLE + 2:
        return False
    return not any(tokens.pos[i] in ("VERB", "AUX") or tokens.texts[i] in (".", ";", ":", "!", "?") for i in words)
