"""A verb of telling set right after a quote: « Renault ment », a accusé la CGT.

The verb opens an incise after the closing quote and its comma, and its subject comes after it
(inverted): the name there is the speaker, not the verb's object, and a word inside the quote
is not its subject, whatever the parser made of them (it often makes the quote's first name the
subject and the speaker an object). The quote itself is the verb's object; what it aims at is
read from the quote (``speech.SpeechRules.quote_cues``).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import LABELS
from chronique.nlp.actor_index import actor_index

__all__ = ["CLOSING_QUOTES", "inverted_speaker", "opens_quote_incise"]

#: Marks that close a quote.
CLOSING_QUOTES = frozenset({"»", "”", '"'})
#: Parts of speech between the comma and the verb of an incise ("a", "s'", "n'", "en").
_BEFORE_VERB = frozenset({"AUX", "PRON", "ADV", "PART"})


def opens_quote_incise(verb: Token) -> bool:
    """Whether ``verb`` opens an incise right after a quote's closing mark and its comma."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].pos_ in _BEFORE_VERB and doc[j].text not in CLOSING_QUOTES:
        j -= 1
    return j >= 1 and doc[j].text == "," and doc[j - 1].text in CLOSING_QUOTES


def inverted_speaker(verb: Token) -> Token | None:
    """The phrase after an incise's verb that names an actor (the speaker), or None."""
    index = actor_index(verb.doc)
    for child in verb.children:
        if child.i > verb.i and child.dep_ in (LABELS.object, *LABELS.subjects) and (
                index.mention_at(child) is not None or any(index.mention_at(t) is not None for t in child.subtree)):
            return child
    return None
