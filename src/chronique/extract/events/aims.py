"""Whom an act is aimed at when a participle of aiming says so.

"Le parquet a ouvert une enquête visant X", "une plainte visant X", "des sanctions ciblant X":
French names the target of an inquiry, a complaint or a sanction with a present participle of
aiming (`[syntax] aiming_verbs`) hung on the act's noun. The slot ``aimed`` reads the object of
that participle, on the trigger noun itself or on the object noun of a verb trigger ("ouvrir une
enquête visant X"). "une enquête visant à établir …" aims at no one (no object).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme

__all__ = ["aimed_at"]

LABELS = dependency_scheme("ud")


def aimed_at(reader: ParseReader, words: EventLexicon, trigger: Token, kind: str) -> list[str]:
    """Actors a participle of aiming on the act's noun names as its object, or []."""
    act = reader.object(trigger) if kind == "verb" else trigger
    if act is None or act.pos_ != "NOUN":
        return []
    aiming = words.words("syntax", "aiming_verbs")
    for participle in act.children:
        if participle.dep_ not in (LABELS.clausal_modifier, LABELS.relative_clause) or participle.i < act.i:
            continue
        if not set(words.lemma_candidates(participle)) & aiming:
            continue
        found = reader.object_actors(participle)
        if found:
            return found
    return []
