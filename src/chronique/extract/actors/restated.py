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
from chronique.extract.actors.head_descriptions import name_head_descriptions
from chronique.nlp.actor_index import ActorIndex, growing_index
from chronique.nlp.extensions import ActorMention
from chronique.nlp.memo import per_lexicon
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["restated_names"]

MAX_ADJECTIVES = 2
MAX_COMPLEMENTS = 3
#: Words that open a bare complement of the noun ("de réservations", "d'hôtels").
COMPLEMENT_MARKS = frozenset({"de", "d'", "d’"})
#: Words before the name of a team's noun: a bare "de", or one with the name's article.
TEAM_MARKS = COMPLEMENT_MARKS | {"du"}
TEAM_ARTICLES = frozenset({"l'", "l’", "la", "le"})


@per_lexicon
def _restated_words(words: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The folded definite determiners and team nouns: made once per lexicon, not per document."""
    return (frozenset(fold(d) for d in words["definite_determiners"]),
            frozenset(fold(n) for n in words.get("team_nouns", [])))


def restated_names(doc: Doc, mentions: list[ActorMention], entities: dict[str, dict[str, Any]],
                   words: dict[str, Any]) -> list[ActorMention]:
    """Description mentions for the phrases a name closes (see the module docstring)."""
    cues = description_cues(words)
    determiners, teams = _restated_words(words)
    index = growing_index(doc, mentions)
    found: list[ActorMention] = []
    tokens = token_table(doc)
    for i in tokens.positions(cues, lemmas=True):  # most words: no Token built
        entity_type = cues.get(tokens.folded[i]) or cues.get(tokens.folded_lemmas[i])
        if entity_type is None:
            continue
        if not tokens.is_lower[i] or i == 0 or index.mention_at_index(i) is not None:
            continue
        if tokens.folded[i - 1] not in determiners:
            continue
        token, determiner = doc[i], doc[i - 1]
        team = tokens.folded[i] in teams
        name = _closing_name(doc, token, index, team)
        if name is None or (name.head == token and not team):
            continue
        mention = index.mention_at(name)
        accepted = ("ORG", "PERSON") if entity_type == "ACTOR" else (entity_type,)
        if mention is None or entities.get(mention.key, {}).get("type") not in accepted:
            continue
        found.append(ActorMention(determiner.idx, mention.end, mention.key, "description", "restated"))
    # "l'Orchestre philharmonique de Vendôme … l'orchestre": the name's own first word
    return found + name_head_descriptions(doc, mentions + found, entities, words)


def _closing_name(doc: Doc, noun: Token, index: ActorIndex, team: bool = False) -> Token | None:
    """The first word of the name that closes "la plateforme néerlandaise de réservations
    d'hôtels X" (for a team, also "le club de football de X"), or ``None``."""
    tokens = token_table(doc)  # read from the table: a Token is built for the name only
    size, is_lower, pos, folded = len(tokens), tokens.is_lower, tokens.pos, tokens.folded
    i = noun.i + 1
    while i < size and i - noun.i <= MAX_ADJECTIVES and is_lower[i] and pos[i] == "ADJ":
        i += 1
    complements = 0
    while (i + 1 < size and complements < MAX_COMPLEMENTS and folded[i] in COMPLEMENT_MARKS
           and is_lower[i + 1] and pos[i + 1] == "NOUN"):
        i += 2
        complements += 1
        if i < size and is_lower[i] and pos[i] in ("ADJ", "NOUN") and index.mention_at_index(i) is None:
            i += 1  # "de puces mémoire", "de voitures électriques"
    if team and i + 1 < size and (folded[i] in COMPLEMENT_MARKS or (folded[i] in TEAM_MARKS and not complements)):
        i += 1  # "le club de football de Bordeaux": the team is named after its city
        if i + 1 < size and not complements and folded[i - 1] in COMPLEMENT_MARKS and folded[i] in TEAM_ARTICLES:
            # "le club de l'OM", "le club du PSG": or the club's own name ("le club de
            # supporters du PSG" is another club)
            i += 1
    if i >= size:
        return None
    mention = index.mention_at_index(i)
    if mention is None or mention.start != tokens.starts[i] or mention.kind != "name":
        return None
    return doc[i]
