"""Amounts whose currency the article named before: "Netflix va débourser près de 83 milliards".

News names the currency of a deal once ("une offre de 82,7 milliards de dollars") and then writes
the bare figure. Such a figure is money only when a word of paying or pricing leads to it and no
noun follows it ("83 millions d'habitants" counts people): it then takes the currency of the last
amount stated before it. An article that has stated no amount gives none. The cue words live in
``money.toml`` (``[elliptical]``).
"""

from __future__ import annotations

import re
from functools import cache

from chronique.data import lexicon
from chronique.extract.money.amounts import bare_amount_patterns, phrase_alternatives, scaled_amount
from chronique.model import Money

__all__ = ["elliptical_amounts", "compile_elliptical"]

#: How far back a cue word may stand before the figure (characters, within the sentence).
CUE_WINDOW = 60
#: How far before its scale word a figure may start ("un peu plus de 83,25 milliards").
FIGURE_WINDOW = 40


@cache
def _context_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(cue ending the text before the figure, words after the figure that make it a count)."""
    section = lexicon(lang, "money").get("elliptical", {})
    cues = phrase_alternatives(section.get("cues", []))  # longest first; spaces and apostrophes as the text has them
    fillers = phrase_alternatives(section.get("fillers", []))
    counted = phrase_alternatives(section.get("counted_after", []))
    before = re.compile(rf"\b{cues}[^\W\d_]*(?:[^\S\n]+{fillers}(?![^\W\d_]))*[^\S\n]*\Z", re.IGNORECASE)
    after = re.compile(rf"[^\S\n]*{counted}(?![^\W\d_])", re.IGNORECASE)
    return before, after


def _sentence_before(text: str, start: int) -> str:
    """The text of the sentence before ``start``, at most :data:`CUE_WINDOW` characters."""
    window = text[max(0, start - CUE_WINDOW):start]
    cut = max(window.rfind(mark) for mark in ".!?;\n")
    return window[cut + 1:]


def compile_elliptical(lang: str) -> None:
    """Compile the patterns for ``lang`` now, so that a broken ``[elliptical]`` lexicon fails when
    the pipeline is built, not on the first article that states an amount."""
    bare_amount_patterns(lang)
    _context_patterns(lang)


def elliptical_amounts(text: str, stated: list[Money], lang: str) -> list[Money]:
    """The bare figures of ``text`` that are money in the currency of the amount stated before them."""
    if not stated:
        return []
    scales, figure_before = bare_amount_patterns(lang)
    cue_before, counted_after = _context_patterns(lang)
    found: list[Money] = []
    for scale in scales.finditer(text):
        match = figure_before.search(text, max(0, scale.start() - FIGURE_WINDOW), scale.start())
        if match is None:
            continue
        start, end = match.start(), scale.end()
        if any(start < money.end and money.start < end for money in stated):
            continue
        earlier = [money for money in stated if money.end <= start]
        if not earlier or counted_after.match(text, end):
            continue
        if not cue_before.search(_sentence_before(text, start)):
            continue
        amount = scaled_amount(match.group("num"), scale.group(), lang)
        found.append(Money(start=start, end=end, text=text[start:end], amount=amount,
                           currency=earlier[-1].currency))
    return found
