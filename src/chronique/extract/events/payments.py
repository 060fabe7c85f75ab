"""Who receives a sum paid, when the sentence tells it from the receiver's side.

"La ville, qui va bénéficier de 10 000 euros versés par X", "Y a touché 2 millions d'euros
versés par X": the participle of paying hangs on the sum, and the receiver is the subject of
the verb of receiving (`[syntax] receiving_verbs`) that governs the sum. Only a sum the money
component found counts ("les loyers versés par X" names no receiver), and only a verb of
receiving ("X a dépensé 10 000 euros versés par Y" gives nothing).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.sums import is_sum
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme

__all__ = ["recipient_of_sum"]

LABELS = dependency_scheme("ud")


def recipient_of_sum(reader: ParseReader, words: EventLexicon, participle: Token) -> list[str]:
    """The receiver of the sum the paying participle ``participle`` modifies, or []."""
    if participle.dep_ != LABELS.clausal_modifier:
        return []
    sum_ = participle.head
    while sum_.head != sum_ and sum_.dep_ == LABELS.nominal_modifier and not is_sum(sum_):
        sum_ = sum_.head  # "10 000/nummod euros": the participle may hang on the currency's noun
    if not is_sum(sum_) and not is_sum(participle.head):
        return []
    verb = sum_.head
    if verb == sum_ or verb.pos_ != "VERB":
        return []
    if not set(words.lemma_candidates(verb)) & words.words("syntax", "receiving_verbs"):
        return []
    return reader.subject(verb)[0]
