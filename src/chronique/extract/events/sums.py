"""Whether a phrase of the parse is a sum of money, read off the amounts the money component found.

A sum is never an actor nor a thing made: "mettre 1,7 milliard de dollars sur la table pour
racheter X" has its payer do the purpose, where "lancer une ligue pour concurrencer X" has the
thing made do it.
"""

from __future__ import annotations

from spacy.tokens import Token


def is_sum(token: Token) -> bool:
    """Whether ``token`` lies inside an amount of money of its document (``doc._.money``)."""
    amounts = token.doc._.money or []
    return any(amount.start <= token.idx < amount.end for amount in amounts)
