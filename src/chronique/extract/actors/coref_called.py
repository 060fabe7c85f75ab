"""Within one article: a generic description ("le groupe", "la compagnie") that the article gave
one actor in view by the same noun, and one that a fronted participle presents.

Generic nouns say no trade, so they are left to focus: "X a investi dans Y. La société a refusé de
commenter" is Y. But an article that introduced an actor with that very noun ("Le groupe lyonnais
Verlane …") and names it again in the window keeps calling it so: "Verlane, qui avait racheté la
société Ostrel, multiplie les opérations. Le groupe a conclu …" is Verlane, not the company it
bought. Only for a subject (the topic kept; "le contrôle de la société propriétaire de X" is
another matter) and when exactly one actor in the window was called so before the phrase.

A description right after a fronted participle ("Fondée en 2016 par A et B, deux anciens
ingénieurs de l'éditeur X, la société emploie …") is what the participle presents: none of the
actors its clause names (its founders, their former employer) is the company.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc

from chronique.extract.actors.coref_focus import window_start
from chronique.nlp.extensions import ActorMention, text_of
from chronique.nlp.tokens import token_table

__all__ = ["fronted_clause_actors", "same_generic_noun"]


def same_generic_noun(doc: Doc, mentions: list[ActorMention], entities, called: set[str], start: int,
                      accept: Callable[[str, ActorMention], bool],
                      names_a_subject: Callable[[Doc, ActorMention], bool]) -> str | None:
    """The one accepted actor named in the window before ``start`` that the article called by
    the phrase's generic noun (``called``: the actors so called anywhere), when no other actor was
    a subject since it was last named (another subject in between ends its topic); ``None``
    otherwise."""
    if not called:
        return None
    since = window_start(doc, start)
    in_view = {m.key for m in mentions if since <= m.start and m.end <= start and m.key in entities and accept(m.key, m)}
    so_called = {k for k in in_view & called
                 if any(m.key == k and m.end <= start and m.kind == "name" for m in mentions)}
    if len(so_called) != 1:
        return None
    key = next(iter(so_called))
    last = max(m.end for m in mentions if m.key == key and m.end <= start)
    if any(m.key != key and m.key in entities and accept(m.key, m) and names_a_subject(doc, m)
           for m in mentions if last <= m.start < start):
        return None
    return key


def fronted_clause_actors(doc: Doc, mentions: list[ActorMention], start: int) -> set[str]:
    """The actors named in the fronted participle clause that the phrase at ``start`` follows
    ("Fondée par A, ancien cadre de X, la société …": A and X); empty when its sentence does not
    open on a participle, or the phrase does not come right after that clause's comma."""
    starts = token_table(doc).sentence_start_chars
    opening = starts[bisect_right(starts, start) - 1] if starts else 0
    if not text_of(doc)[opening:start].rstrip().endswith(","):
        return set()
    first = doc.char_span(opening, opening + 1, alignment_mode="expand")
    if first is None or "Part" not in first[0].morph.get("VerbForm", []) or first[0].pos_ not in ("VERB", "ADJ"):
        return set()
    return {m.key for m in mentions if opening <= m.start and m.end <= start}
