"""A definite description by the first word of an organisation's own name: "L'Orchestre
philharmonique de Vendôme … l'orchestre", "la Fondation Émile-Roussane … la fondation", "le Château
Larrieu-Montgaillard … le château" (rule ``name-head``).

Institutions, foundations, orchestras, estates are often named by a generic noun and what sets
them apart; the article then calls them by that noun alone. The noun is no description noun of
the lexicon (an orchestra, a château may be anything), so the name itself says it: the
description stands for the one organisation of the article whose name opens with that noun,
named before it. The nouns are the generic heads of such names (``name_head_nouns``) and the
nouns of a kind of organisation that open names as often ("le Syndicat des restaurateurs de Lyon …
le syndicat", "la Coopérative des Monts … la coopérative", "la Compagnie des remontées du Vercors …
la compagnie": ``name_head_kinds``): a company named by a common word ("Lait Juste") is not called
"le lait". Nor when the article called another actor by that noun or one of its trade ("la
compagnie aérienne Volaris", "Volaris, une coopérative"): the reader cannot tell which. Not when two such organisations are named, nor when the noun opens a name, a
complement or an adjective of its own ("le château de Versailles", "la fondation Morel", "le domaine
voisin"), nor in the plural, nor for a building visited ("a quitté le théâtre avant la fin":
``name_head_buildings``, ``name_head_visit_verbs``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from chronique.extract.actors.descriptions import description_cues
from chronique.extract.actors.titles import titles_given
from chronique.extract.actors.trade_nouns import TradeNouns
from chronique.nlp.actor_index import ActorIndex, growing_index
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.memo import per_lexicon
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["name_head_descriptions"]

LABELS = dependency_scheme("ud")

#: Words after the noun that give it a complement of its own: another one is meant.
COMPLEMENT_MARKS = frozenset({"de", "d'", "d’", "du", "des"})


@per_lexicon
def _buildings(words: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The heads that are buildings too (``name_head_buildings``) and the verbs of a visit whose
    object is the building (``name_head_visit_verbs``), folded."""
    return (frozenset(fold(n) for n in words.get("name_head_buildings", ())),
            frozenset(fold(v) for v in words.get("name_head_visit_verbs", ())))


@per_lexicon
def _determiners(words: dict[str, Any]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The definite determiners (the mention starts at them), the contracted ones ("du", "au":
    the mention starts at the noun) and the generic heads of names (``name_head_nouns``)."""
    return (frozenset(fold(d) for d in words["definite_determiners"]),
            frozenset(fold(d) for d in words.get("name_head_contractions", ())),
            frozenset(fold(d) for d in (*words.get("name_head_nouns", ()), *words.get("name_head_kinds", ()))))


_trade_nouns = per_lexicon(TradeNouns)


@per_lexicon
def _synonyms(words: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    """(the folded first words of a name, the head noun the article calls it by), the longest
    first: "centre hospitalier de Roubaix" or "CHU de Rennes" is called "l'hôpital"
    (``name_head_synonyms``)."""
    pairs = [(tuple(fold(w) for w in phrase.split()), fold(head))
             for head, phrases in words.get("name_head_synonyms", {}).items() for phrase in phrases]
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair))


def _head_of(name: str, generic_heads: frozenset[str], synonyms: list[tuple[tuple[str, ...], str]]) -> str | None:
    """The head noun an organisation's name lets the article call it by: its first word when that
    is a generic head ("Orchestre", "université de Caen"), or the head its first words stand for
    ("centre hospitalier" → "hôpital"); ``None`` for a name of one word."""
    words = name.replace("-", " ").replace("'", "' ").split()
    if len(words) < 2:
        return None
    folded = tuple(fold(w) for w in words)
    for phrase, head in synonyms:
        if folded[: len(phrase)] == phrase and len(folded) > len(phrase):
            return head
    return folded[0] if folded[0] in generic_heads else None


def name_head_descriptions(doc: Doc, mentions: list[ActorMention], entities: dict[str, dict[str, Any]],
                           words: dict[str, Any]) -> list[ActorMention]:
    """Description mentions for "l'orchestre" and the like (see the module docstring)."""
    determiners, contracted, generic_heads = _determiners(words)
    synonyms = _synonyms(words)
    buildings, visits = _buildings(words)
    heads: dict[str, set[str]] = {}
    first_named: dict[str, int] = {}
    for mention in mentions:
        if mention.kind != "name" or entities.get(mention.key, {}).get("type") != "ORG":
            continue
        name = str(entities[mention.key].get("name") or mention.key.partition(":")[2])
        head = _head_of(name, generic_heads, synonyms)
        if head is not None:
            heads.setdefault(head, set()).add(mention.key)
            first_named[mention.key] = min(first_named.get(mention.key, mention.start), mention.start)
    if not heads:
        return []
    index = growing_index(doc, mentions)
    tokens = token_table(doc)
    features = parse_table(doc).features
    found: list[ActorMention] = []
    for i in tokens.positions(frozenset(heads)):
        keys = heads.get(tokens.folded[i], set())
        if len(keys) != 1 or i == 0 or not tokens.is_lower[i] or index.mention_at_index(i) is not None:
            continue
        before = tokens.folded[i - 1]
        if before not in determiners and before not in contracted:
            continue
        if "Plur" in features[i].get("Number", ()):
            continue
        after = i + 1
        if after < len(tokens) and (tokens.texts[after][:1].isupper() or tokens.folded[after] in COMPLEMENT_MARKS
                                    or doc[after].pos_ == "ADJ"):
            continue  # "la fondation Morel", "le château de Versailles", "le domaine voisin": another one
        if tokens.folded[i] in buildings and _visited(doc[i], visits):
            continue  # "X a quitté le théâtre avant la fin": the building
        key = next(iter(keys))
        if first_named[key] >= tokens.starts[i]:
            continue
        if _called_another(doc, index, entities, words, tokens.folded[i], key):
            continue  # "la compagnie aérienne Volaris … la compagnie": which of the two?
        start = tokens.starts[i] if before in contracted else tokens.starts[i - 1]
        found.append(ActorMention(start, tokens.ends[i], key, "description", "name-head"))
    return found


def _called_another(doc: Doc, index: ActorIndex, entities: dict[str, dict[str, Any]], words: dict[str, Any],
                    noun: str, key: str) -> bool:
    """Whether the article gave ``noun`` (folded), or a noun of its trade, to an actor other than
    ``key``: "la compagnie aérienne Volaris", "Volaris, une coopérative laitière"."""
    trades = _trade_nouns(words)
    given = titles_given(doc, index, entities, description_cues(words))
    return any(other != key for title, keys in given.items() if title == noun or trades.agree(noun, title)
               for other in keys)


def _visited(noun: Token, verbs: frozenset[str]) -> bool:
    """Whether ``noun`` is the direct object (or the "de" complement: "sortir du théâtre") of a
    verb of a visit."""
    dep = noun.dep_
    return (dep == LABELS.object or dep.startswith(LABELS.oblique_prefix)) and fold(noun.head.lemma_) in verbs
