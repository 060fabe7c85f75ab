"""Within one article: a generic description ("le groupe", "la compagnie") that the article gave
one actor in view by the same noun.

Generic nouns say no trade, so they are left to focus: "X a investi dans Y. La société a refusé de
commenter" is Y. But an article that introduced an actor with that very noun ("Le groupe lyonnais
Verlane …") and names it again in the window keeps calling it so: "Verlane, qui avait racheté la
société Ostrel, multiplie les opérations. Le groupe a conclu …" is Verlane, not the company it
bought. Only for a subject (the topic kept; "le contrôle de la société propriétaire de X" is
another matter) and when exactly one actor in the window was called so before the phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from chronique.extract.actors.coref_focus import window_start
from chronique.nlp.extensions import ActorMention

__all__ = ["same_generic_noun"]


def same_generic_noun(doc: Doc, mentions: list[ActorMention], entities, called: set[str], start: int,
                      accept: Callable[[str, ActorMention], bool]) -> str | None:
    """The one accepted actor named in the window before ``start`` that the article called by
    the phrase's generic noun (``called``: the actors so called anywhere); ``None`` otherwise."""
    if not called:
        return None
    since = window_start(doc, start)
    in_view = {m.key for m in mentions if since <= m.start and m.end <= start and m.key in entities and accept(m.key, m)}
    so_called = {k for k in in_view & called
                 if any(m.key == k and m.end <= start and m.kind == "name" for m in mentions)}
    return next(iter(so_called)) if len(so_called) == 1 else None
