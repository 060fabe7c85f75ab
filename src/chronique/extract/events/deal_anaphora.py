"""A deal named again by a bare definite noun: "la Commission a ouvert une enquête sur
l'opération", "l'association a dénoncé la transaction", "X s'oppose à cette fusion".

The noun names no party, but French makes it certain which deal it is: the purchase or bid the
document told last before it. Blaming, investigating or opposing that deal is aimed at its buyer
(as "une enquête sur le rachat de X par Y" is aimed at Y). The deal must be the last of the
document's deals: when an investment or a partnership was told after it, "l'opération" may be
that one, and nobody is named; a rival's bid for the company bought does not displace it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.syntax import ParseReader
from chronique.model import EXPORTED_MODALITIES, Event
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import features_of
from chronique.text import fold

LABELS = dependency_scheme("ud")

#: The kinds of deal a bare "l'opération" can name again, and those of them whose buyer it is aimed at.
DEAL_TYPES = frozenset({"ACQUIRE", "BID", "INVEST", "PARTNER"})
BOUGHT_TYPES = frozenset({"ACQUIRE", "BID"})
PURCHASE = "ACQUIRE"


def names_deal_again(reader: ParseReader, words: EventLexicon, trigger: Token) -> bool:
    """Whether the deed the trigger is about is a deal noun with a definite or demonstrative
    article and no party of its own: its object ("dénoncer l'opération") or a complement of the
    trigger or of its object ("ouvrir une enquête sur l'opération", "s'opposer à la fusion")."""
    nouns = words.words("syntax", "anaphoric_deal_nouns")
    preps = words.words("syntax", "anaphoric_deal_prepositions")
    obj = reader.object(trigger)
    candidates = [obj] if obj is not None else []
    for head in (trigger, *candidates):
        for prep in preps:
            candidates.extend(reader.obliques(head, prep))
    return any(_bare_deal(reader, noun, nouns) for noun in candidates)


def _bare_deal(reader: ParseReader, noun: Token, nouns: frozenset[str]) -> bool:
    if noun.pos_ != "NOUN" or not ({fold(noun.lemma_), fold(noun.text)} & nouns):
        return False
    determined = any(c.pos_ == "DET" and ("Def" in features_of(c).get("Definite", ())
                                          or "Dem" in features_of(c).get("PronType", ())) for c in noun.children)
    if not determined or reader.actors(noun):
        return False
    return not any(reader.actors(c) for c in noun.subtree if c is not noun and c.pos_ in ("NOUN", "PROPN"))


def deal_buyers(events: list[Event], char: int, exclude: list[str]) -> list[str]:
    """The buyers of the deal the document told last before ``char``, when that deal is a
    purchase or a bid (none when it is an investment or a partnership), without ``exclude``. A
    bid for a company the document told bought is the purchase's rival: "la transaction" is the
    purchase ("X a racheté Z. Y avait aussi manifesté son intérêt pour Z. … la transaction")."""
    told = [e for e in events if e.start < char and e.type in DEAL_TYPES and e.modality in EXPORTED_MODALITIES]
    if not told or told[-1].type not in BOUGHT_TYPES:
        return []
    deal = told[-1]
    if deal.type != PURCHASE:
        done = [e for e in told if e.type == PURCHASE and set(e.targets) & set(deal.targets)]
        deal = done[-1] if done else deal
    return [s for s in deal.sources if s not in exclude]


def refused_bidders(events: list[Event], trigger: Token, refusers: list[str]) -> list[str]:
    """"Lumex a déposé une offre sur Ardanel. Ardanel l'a rejetée": who made the bid a pronoun
    refuses. Only a bid or purchase offer told in the trigger's sentence or the one before, on
    one of the refusers: the pronoun may stand for anything else (a law, a request, a person),
    and a bid on the refuser, just told, is what French makes it stand for."""
    doc = trigger.doc
    sentence = trigger.sent
    opening = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    told = [e for e in events if e.start < trigger.idx and e.type in BOUGHT_TYPES and e.modality in EXPORTED_MODALITIES]
    if not told or told[-1].start < opening or not set(told[-1].targets) & set(refusers):
        return []
    if _other_subject_between(doc, told[-1].trigger_end, trigger):
        return []
    return [s for s in told[-1].sources if s not in refusers]


def _other_subject_between(doc: Doc, start_char: int, trigger: Token) -> bool:
    """Whether a clause between the bid and the refusal has for its subject a common noun that
    is no actor's ("Lumex a déposé une offre sur Ardanel. La candidature de X a été présentée,
    mais Ardanel l'a rejetée": the pronoun stands for the candidacy, the nearer topic); "la
    société Ardanel", a noun that introduces the name right after it, is the actor's."""
    names = doc._.actor_mentions or []
    for token in doc[trigger.sent.start : trigger.i]:
        if token.idx < start_char or token.pos_ != "NOUN" or token.head.i == trigger.i \
                or token.dep_ not in LABELS.subjects:
            continue
        after = doc[token.i + 1].idx if token.i + 1 < len(doc) else -1
        if not any(m.start <= token.idx < m.end or m.start == after for m in names):
            return True
    return False
