"""The custom attributes chronique's components read and write on a spaCy ``Doc``.

One module owns them so that every component agrees on names and types:

========================  ==========================  =========================================
attribute                 written by                  holds
========================  ==========================  =========================================
``doc._.dct``             the pipeline, before runs   publication date (``datetime.date``)
``doc._.actor_mentions``  ``chronique_actors``        ``list[ActorMention]`` sorted by start
``doc._.actor_index``     ``chronique_actors``        :class:`~chronique.nlp.actor_index.ActorIndex`
``doc._.entities``        ``chronique_actors``        ``list[model.Entity]``
``doc._.timexes``         ``chronique_timex``         ``list[model.Timex]``
``doc._.money``           ``chronique_money``         ``list[model.Money]``
``doc._.quotes``          ``chronique_quotes``        ``list[model.Quote]``
``doc._.events``          ``chronique_events``        ``list[model.Event]``
``doc._.relations``       ``chronique_relations``     ``list[model.Relation]``
========================  ==========================  =========================================

``doc._.dct`` is an input: the caller sets it before the pipeline runs, so no component declares
it (spaCy's ``requires`` lists what an earlier component assigns). "Which actor is this token?"
is answered by :mod:`chronique.nlp.actor_index`, which reads ``doc._.actor_mentions`` only and
caches itself as ``doc._.actor_index``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

__all__ = ["ActorMention", "register_extensions", "remember_text", "span_of", "text_of"]

#: Key of the document's text in ``Doc.user_data`` (see ``text_of``).
_TEXT_KEY = "chronique.text"
LIST_ATTRIBUTES = ("actor_mentions", "entities", "timexes", "money", "quotes", "events", "relations")


@dataclass(frozen=True)
class ActorMention:
    """A stretch of text that denotes an actor.

    ``kind`` says how we know: ``name`` (a name or alias), ``description`` ("le patron
    d'OpenAI"), ``pronoun`` ("il", "ce dernier") resolved to the actor it refers to.
    ``rule`` says which rule resolved it, for ``show --explain``: ``kb``, ``ner``, ``cue-noun``,
    ``pattern``, ``surname``, ``apposition``, ``role``, ``title``, ``description``,
    ``pronoun``, ``metonym``, ``institution``, ``acronym``, ``quote-person``…; empty when unsaid.
    """

    start: int
    end: int
    key: str
    kind: str = "name"
    rule: str = ""


def register_extensions() -> None:
    """Register the attributes once; safe to call many times."""
    for name in ("dct", "actor_index"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
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


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the text of ``doc``, made from it by the tokenizer.

    The pipeline has each document's text in hand when it makes the ``Doc``; recording it
    there spares ``text_of`` rebuilding it from the tokens. spaCy's tokenizer is lossless
    (``nlp.make_doc(text).text == text``), so this is the text ``Doc.text`` would give.
    """
    doc.user_data[_TEXT_KEY] = text


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The token span covering a character range, expanding to token boundaries."""
    return doc.char_span(start, end, alignment_mode="expand")
