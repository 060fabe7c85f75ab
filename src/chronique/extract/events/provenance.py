"""Who a phrase of provenance is said of: "le PSG a recruté Désiré Doué en provenance du Stade
Rennais", "l'arrivée de Y, en provenance de X".

The parser hangs "en provenance de X" on the verb, not on the person it describes; the person is
the actor whose mention ends right before the phrase (over a comma at most). Slot "preceding".
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.nlp.actor_index import actor_index

__all__ = ["actor_right_before"]


def actor_right_before(noun: Token) -> list[str]:
    """The actor whose mention ends right before the phrase the noun heads ("Y en provenance de
    X", "Y, en provenance de X"); nothing when a word other than a comma stands between."""
    doc = noun.doc
    j = noun.left_edge.i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < noun.sent.start:
        return []
    mention = actor_index(doc).mention_at(doc[j])
    if mention is None or mention.end != doc[j].idx + len(doc[j].text):
        return []
    return [mention.key]
