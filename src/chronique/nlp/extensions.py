"""The custom attributes chronique's components read and write on a spaCy ``Doc``.

One module owns them so that every component agrees on names and types:

========================  ==========================  =========================================
attribute                 written by                  holds
========================  ==========================  =========================================
``doc._.dct``             the pipeline, before runs   publication date (``datetime.date``)
``doc._.actor_mentions``  ``chronique_actors``        ``list[ActorMention]`` sorted by start
``doc._.entities``        ``chronique_actors``        ``list[model.Entity]``
``doc._.timexes``         ``chronique_timex``         ``list[model.Timex]``
``doc._.money``           ``chronique_money``         ``list[model.Money]``
``doc._.quotes``          ``chronique_quotes``        ``list[model.Quote]``
``doc._.events``          ``chronique_events``        ``list[model.Event]``
``doc._.relations``       ``chronique_relations``     ``list[model.Relation]``
========================  ==========================  =========================================

The lookup helpers below are how a component asks "which actor is this token?": they only read
``doc._.actor_mentions``, so a test can set mentions by hand without the actor recognizer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

__all__ = [
    "ActorMention",
    "register_extensions",
    "actor_at",
    "actor_of_token",
    "actors_of_phrase",
    "text_of",
]

#: Key of the document's text in ``Doc.user_data`` (see ``text_of``).
_TEXT_KEY = "chronique.text"
LIST_ATTRIBUTES = ("actor_mentions", "entities", "timexes", "money", "quotes", "events", "relations")


@dataclass(frozen=True)
class ActorMention:
    """A stretch of text that denotes an actor.

    ``kind`` says how we know: ``name`` (a name or alias), ``description`` ("le patron
    d'OpenAI"), ``pronoun`` ("il", "ce dernier") resolved to the actor it refers to.
    """

    start: int
    end: int
    key: str
    kind: str = "name"


def register_extensions() -> None:
    """Register the attributes once; safe to call many times."""
    if not Doc.has_extension("dct"):
        Doc.set_extension("dct", default=None)
    for name in LIST_ATTRIBUTES:
        if not Doc.has_extension(name):
            # A getter-less default of [] would be shared between docs; use a factory instead.
            Doc.set_extension(name, default=None)


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per ``Doc`` and kept in ``doc.user_data``.

    spaCy rebuilds ``Doc.text`` from every token at each access, so reading it once per event,
    timex or mention makes a document's annotation time grow with the square of its length.
    A ``Doc``'s text never changes (retokenizing keeps it), so the first reading stays right.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _mentions(doc: Doc) -> list[ActorMention]:
    return doc._.actor_mentions or []


def actor_at(doc: Doc, start: int, end: int) -> str | None:
    """The actor whose mention overlaps the character range [start, end).

    The shortest overlapping mention wins: "OpenAI" inside the description "le cofondateur
    d'OpenAI" is OpenAI, not the cofounder.
    """
    best: ActorMention | None = None
    for mention in _mentions(doc):
        if mention.start < end and start < mention.end:
            if best is None or (mention.end - mention.start) < (best.end - best.start):
                best = mention
    return best.key if best else None


def actor_of_token(token: Token) -> str | None:
    """The actor a single token belongs to (a name token, a pronoun, a description's head)."""
    return actor_at(token.doc, token.idx, token.idx + len(token.text))


def actors_of_phrase(head: Token) -> list[str]:
    """Actors denoted by the phrase headed by ``head``, following coordination ("A et B").

    The head itself is tried first, then its name parts (``flat:name``), then conjuncts.
    """
    found: list[str] = []
    for token in (head, *head.conjuncts):
        key = actor_of_token(token)
        if key is None:
            for child in token.children:
                if child.dep_ in ("flat:name", "flat", "appos", "nmod") and child.i > token.i:
                    key = actor_of_token(child)
                    if key:
                        break
        if key and key not in found:
            found.append(key)
    return found


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The token span covering a character range, expanding to token boundaries."""
    return doc.char_span(start, end, alignment_mode="expand")
