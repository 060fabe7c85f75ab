"""A description that a name closes is that name, wherever the parser hung the name.

"une amende à la plateforme néerlandaise de réservations d'hôtels Booking.com", "au fabricant
coréen de puces Hanwa": the description ("la plateforme …") is restated by the name right after
it, so it stands for that actor (rule ``restated``). The parser often hangs such a name on another
word ("Booking.com" on "amende" or "hôtels"), and the event rules, reading "la plateforme", then
find nobody; a mention over the whole phrase tells them. Only when the name hangs elsewhere: a name
the parser hung on the noun itself ("le groupe Sanofi") is read from the parse already. A team
noun ("le club de football de Bordeaux", lexicon ``team_nouns``) takes a name after "de" too: the
team is named after its city (the actor recognizer typed it ORG).

The phrase: a definite determiner, a description noun of the lexicon (``description_nouns``), at
most two adjectives, at most three bare complements ("de réservations d'hôtels", "de puces
mémoire"), then the name, of a type the noun may stand for.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from chronique.extract.actors.descriptions import description_cues
from chronique.nlp.actor_index import ActorIndex, growing_index
from chronique.nlp.extensions import ActorMention
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["restated_names"]

MAX_ADJECTIVES = 2
MAX_COMPLEMENTS = 3
#: Words that open a bare complement of the noun ("de réservations", "d'hôtels").
COMPLEMENT_MARKS = frozenset({"de", "d'", "d’"})


def restated_names(doc: Doc, mentions: list[ActorMention], entities: dict[str, dict[str, Any]],
                   words: dict[str, Any]) -> list[ActorMention]:
    """Description mentions for the phrases a name closes (see the module docstring)."""
    cues = description_cues(words)
    determiners = frozenset(fold(d) for d in words["definite_determiners"])
    teams = frozenset(fold(n) for n in words.get("team_nouns", []))
    index = growing_index(doc, mentions)
    found: list[ActorMention] = []
    tokens = token_table(doc)
    for i in tokens.positions(cues, lemmas=True):  # most words: no Token built
        entity_type = cues.get(tokens.folded[i]) or cues.get(tokens.folded_lemmas[i])
        if entity_type is None:
            continue
        token = doc[i]
        if not token.is_lower or token.i == 0 or index.mention_at(token) is not None:
            continue
        determiner = doc[token.i - 1]
        if fold(determiner.text) not in determiners:
            continue
        team = fold(token.text) in teams
        name = _closing_name(doc, token, index, team)
        if name is None or (name.head == token and not team):
            continue
        mention = index.mention_at(name)
        accepted = ("ORG", "PERSON") if entity_type == "ACTOR" else (entity_type,)
        if mention is None or entities.get(mention.key, {}).get("type") not in accepted:
            continue
        found.append(ActorMention(determiner.idx, mention.end, mention.key, "description", "restated"))
    return found


def _closing_name(doc: Doc, noun: Token, index: ActorIndex, team: bool = False) -> Token | None:
    """The first word of the name that closes "la plateforme néerlandaise de réservations
    d'hôtels X" (for a team, also "le club de football de X"), or ``None``."""
    i = noun.i + 1
    while i < len(doc) and i - noun.i <= MAX_ADJECTIVES and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i += 1
    complements = 0
    while (i + 1 < len(doc) and complements < MAX_COMPLEMENTS and fold(doc[i].text) in COMPLEMENT_MARKS
           and doc[i + 1].is_lower and doc[i + 1].pos_ == "NOUN"):
        i += 2
        complements += 1
        if i < len(doc) and doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN") and index.mention_at(doc[i]) is None:
            i += 1  # "de puces mémoire", "de voitures électriques"
    if team and i + 1 < len(doc) and fold(doc[i].text) in COMPLEMENT_MARKS:
        i += 1  # "le club de football de Bordeaux": the team is named after its city
    if i >= len(doc):
        return None
    mention = index.mention_at(doc[i])
    if mention is None or mention.start != doc[i].idx or mention.kind != "name":
        return None
    return doc[i]
