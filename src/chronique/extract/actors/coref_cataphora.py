"""Within one article: a description named before its name (cataphora).

"Google a commencé à suspendre ses activités avec le géant des technologies chinois … l'administration
a placé Huawei sur une liste noire": no candidate before the description fits it (Google is the
other party of its own clause), and the one actor named after it, in its sentence or the next,
that the article or the knowledge base places in the country it says (or shows in the sector it
says) is the one it stands for. Only a description that says an origin or a sector looks ahead,
and only a positive agreement counts: an actor of unknown country is no evidence for "chinois".
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from chronique.extract.actors.description_sectors import ArticleSectors
from chronique.extract.actors.origins import ArticleOrigins
from chronique.nlp.extensions import ActorMention
from chronique.nlp.tokens import token_table

__all__ = ["named_after"]

#: How many sentence starts after the description's own the look ahead may cross (its sentence
#: and the next one).
SENTENCES_AHEAD = 1


def named_after(doc: Doc, mentions: list[ActorMention], entities: dict[str, dict[str, Any]], start: int,
                end: int, accept, origins: ArticleOrigins | None, sectors: ArticleSectors | None) -> str | None:
    """The one accepted actor named after the description ``start``-``end`` (its sentence and the
    next) that agrees with it (:func:`_fits`); ``None`` when the description says no origin and no
    sector, or when none or several fit."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    wanted = origins.after(doc, span.end) if origins is not None else set()
    said = sectors.said_after(doc, span[-1]) if sectors is not None else []
    if not wanted and not said:
        return None
    starts = token_table(doc).sentence_start_chars
    following = bisect_right(starts, start) + SENTENCES_AHEAD
    limit = starts[following] if following < len(starts) else len(doc.text)
    keys = []
    for mention in mentions:
        if not end <= mention.start < limit or mention.key not in entities or mention.key in keys:
            continue
        if not accept(mention.key, mention):
            continue
        if not _fits(mention.key, wanted, said, origins, sectors):
            continue
        keys.append(mention.key)
    return keys[0] if len(keys) == 1 else None


def _fits(key: str, wanted: set[str], said: list[set[str]], origins: ArticleOrigins | None,
          sectors: ArticleSectors | None) -> bool:
    """Whether the actor positively agrees with the description: of the origin it says ("le géant
    des technologies chinois" is the Chinese one), or, of no known country, shown in the sector it
    says ("Huawei Technologies" for "des technologies")."""
    countries = origins.countries(key) if origins is not None else set()
    if wanted and countries:
        return bool(countries & wanted)
    return bool(said) and sectors is not None and sectors.shows(key, said)
