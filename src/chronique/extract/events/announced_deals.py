"""A deal named again with the day it was announced: "l'Union européenne se penche à son tour sur
l'opération annoncée fin mai", "la transaction, officialisée le 3 mars, ...".

The bare deal noun ("l'opération", "la transaction", "le rachat") names no party; French makes it
the deal the document told last before it (as :mod:`deal_anaphora` reads it). A participle of
announcing hung on it, with a date in its phrase, dates that deal when the document left it
undated: an announced deal is dated by its announcement (the bid), which is what a told purchase
or bid with no date of its own lacks. A deal already dated keeps its date.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from chronique.extract.events.deal_anaphora import BOUGHT_TYPES, DEAL_TYPES
from chronique.extract.events.lexicon import EventLexicon
from chronique.model import EXPORTED_MODALITIES, Event, Timex
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import features_of
from chronique.nlp.tokens import token_table

__all__ = ["carry_announcement_dates"]

LABELS = dependency_scheme("ud")
DATED_TYPE = "DATE"


def carry_announcement_dates(doc: Doc, events: list[Event], words: EventLexicon) -> list[Event]:
    """``events`` with the last purchase or bid told before each announced bare deal noun dated
    by the announcement, when it had no date."""
    nouns = words.words("syntax", "anaphoric_deal_nouns")
    announcing = words.words("syntax", "announcing_participles")
    dated = list(events)
    for noun, timex in _announced_deals(doc, nouns, announcing, words):
        told = [i for i, e in enumerate(dated) if e.trigger_start < noun.idx and e.type in DEAL_TYPES
                and e.modality in EXPORTED_MODALITIES]
        if not told or dated[told[-1]].type not in BOUGHT_TYPES or dated[told[-1]].date is not None:
            continue
        last = dated[told[-1]]
        dated[told[-1]] = replace(last, date=timex.value, date_start=timex.range_start, date_end=timex.range_end)
    return dated


def _announced_deals(doc: Doc, nouns: frozenset[str], announcing: frozenset[str],
                     words: EventLexicon) -> list[tuple[Token, Timex]]:
    """Each bare definite deal noun with a participle of announcing that carries a date."""
    timexes = [t for t in doc._.timexes or [] if t.type == DATED_TYPE]
    if not timexes:
        return []
    found: list[tuple[Token, Timex]] = []
    tokens = token_table(doc)
    pos = tokens.pos
    # the deal nouns' positions from the table: a Token is built only for those few words
    for i in tokens.positions(nouns, lemmas=True):
        if pos[i] != "NOUN":
            continue
        noun = doc[i]
        if not _definite(noun):
            continue
        if any(c.dep_ == LABELS.nominal_modifier for c in noun.children):
            continue  # "le rachat de X annoncé en mai": a noun with its own party is told as such
        for participle in noun.children:
            if participle.dep_ not in LABELS.noun_clauses or participle.i < noun.i or not (
                    set(words.lemma_candidates(participle)) & announcing):
                continue
            start, end = participle.left_edge.idx, participle.right_edge.idx + len(participle.right_edge.text)
            timex = next((t for t in timexes if start <= t.start and t.end <= end), None)
            if timex is not None:
                found.append((noun, timex))
    return found


def _definite(noun: Token) -> bool:
    return any(c.pos_ == "DET" and ("Def" in features_of(c).get("Definite", ())
                                    or "Dem" in features_of(c).get("PronType", ())) for c in noun.children)
