"""The rule engine: find temporal expressions in a text and give each a TIMEX3 value.

It works in three passes, each simple on its own:

1. every rule of the language scans the text (compiled regexes, one ``finditer`` per rule) and
   proposes candidates, which are vetoed by their context (``require_before`` …) and by guards;
2. overlapping candidates are settled: the longest wins, then the earlier rule;
3. the survivors are resolved, clock times and parts of the day last, so that "à 14 h" can use
   the day the text named in the same sentence or last ("lundi 6 septembre … à 14 h").

No spaCy here: :func:`tag` is a pure function of the text, the publication date and the
language; a caller that knows the tense of each clause passes ``tense_of``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from chronique.extract.timex.context import ResolveContext, Resolved
from chronique.extract.timex.fields import InvalidField, read_fields
from chronique.extract.timex.lexicon import Rule, TimexLexicon, load_timex_lexicon
from chronique.extract.timex.resolve_dates import resolve_date
from chronique.extract.timex.resolve_relative import (
    resolve_anaphoric_month,
    resolve_anaphoric_relative,
    resolve_duration,
    resolve_offset,
    resolve_part,
    resolve_ref,
    resolve_relative,
    resolve_set,
    resolve_shift,
    resolve_time,
)
from chronique.extract.timex.values import is_valid_value
from chronique.intervals import value_range
from chronique.model import Timex

__all__ = ["tag", "TenseOf", "Candidate"]

#: Given a span (start, end), the tense of its clause: -1 past, 0 present, +1 future, None unknown.
TenseOf = Callable[[int, int], int | None]
Resolver = Callable[[dict[str, Any], dict[str, Any], ResolveContext], Resolved | None]

RESOLVERS: dict[str, Resolver] = {
    "date": resolve_date,
    "shift": resolve_shift,
    "anaphoric_shift": resolve_shift,
    "relative": resolve_relative,
    "anaphoric_relative": resolve_anaphoric_relative,
    "anaphoric_month": resolve_anaphoric_month,
    "offset": resolve_offset,
    "time": resolve_time,
    "part": resolve_part,
    "duration": resolve_duration,
    "set": resolve_set,
    "ref": resolve_ref,
}
_CONTEXT_WINDOW = 60
_STOPS = (". ", "! ", "? ")
#: Kinds resolved against a day the text names ("à 14 h", "dans la nuit"), after the others.
ANCHORED_KINDS = frozenset({"time", "part", "anaphoric_shift", "anaphoric_relative", "anaphoric_month"})
#: Kinds counted from the period the text last named, of any size ("l'année suivante").
PERIOD_ANCHORED_KINDS = frozenset({"anaphoric_relative", "anaphoric_month"})
#: Kinds whose resolution may depend on the tense of the clause.
TENSED_KINDS = frozenset({"date", "relative"})
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Candidate:
    """A span one rule matched, with the fields read from it; ``order`` is the rule's rank."""

    start: int
    end: int
    order: int
    rule: Rule
    fields: dict[str, Any]


def _context_allows(rule_tests: tuple[re.Pattern[str] | None, ...], before: str, after: str) -> bool:
    require_before, reject_before, require_after, reject_after = rule_tests
    if require_before is not None and not require_before.search(before):
        return False
    if reject_before is not None and reject_before.search(before):
        return False
    if require_after is not None and not require_after.match(after):
        return False
    return not (reject_after is not None and reject_after.match(after))


def _vetoed_by_guard(candidate: Candidate, text: str, lexicon: TimexLexicon, before: str, after: str) -> bool:
    matched = text[candidate.start:candidate.end]
    for guard in lexicon.guards:
        if candidate.rule.kind not in guard.kinds or not guard.text.search(matched):
            continue
        if guard.reject_before is not None and guard.reject_before.search(before):
            return True
        if guard.reject_after is not None and guard.reject_after.match(after):
            return True
    return False


def find_candidates(text: str, lexicon: TimexLexicon, dct: date | None) -> list[Candidate]:
    """Every match of every rule that its context and the guards allow."""
    candidates = []
    rule_starts = lexicon.rule_starts
    starts = rule_starts.starts(text)  # one pass over the text for all the rules
    for order, rule in enumerate(lexicon.rules):
        tests = (rule.require_before, rule.reject_before, rule.require_after, rule.reject_after)
        for match in rule_starts.finditer(order, text, starts[order]):  # = rule.regex.finditer(text)
            start, end = match.span()
            if start == end:
                continue
            before = text[max(0, start - _CONTEXT_WINDOW):start]
            after = text[end:end + _CONTEXT_WINDOW]
            if not _context_allows(tests, before, after):
                continue
            try:
                fields = read_fields(match, rule, lexicon, dct)
            except InvalidField:
                continue
            candidate = Candidate(start, end, order, rule, fields)
            if not _vetoed_by_guard(candidate, text, lexicon, before, after):
                candidates.append(candidate)
    return candidates


def select_non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then the rule listed first; the result is in text order."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        if all(candidate.end <= start or end <= candidate.start for start, end in taken):
            chosen.append(candidate)
            taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)


def _resolve(candidate: Candidate, context: ResolveContext) -> Resolved | None:
    resolver = RESOLVERS.get(candidate.rule.kind)
    if resolver is None:
        return None
    try:
        resolved = resolver(candidate.fields, dict(candidate.rule.params), context)
    except (ValueError, OverflowError, KeyError, TypeError):
        return None  # an impossible date ("31/02") or a date out of the calendar's range
    if resolved is None:
        return None
    timex_type = candidate.rule.timex_type or resolved.timex_type
    return Resolved(timex_type, resolved.value) if is_valid_value(resolved.value, timex_type) else None


def _mentioned_day(value: str) -> date | None:
    match = _DAY_VALUE.match(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A cheap sentence around [start, end): from the last stop or line break to the next one."""
    before = max(text.rfind("\n", 0, start), *(text.rfind(stop, 0, start) for stop in _STOPS))
    after = [i for i in (text.find("\n", end), *(text.find(stop, end) for stop in _STOPS)) if i >= 0]
    return before + 1, min(after, default=len(text))


def _anchor_for(candidate: Candidate, days: list[tuple[int, date]], text: str, dct: date | None) -> date | None:
    """The day a clock time or a part of the day belongs to.

    A day named in the same sentence wins, before or after ("Vers 0 h 40, jeudi"); otherwise the
    last day the text named before; otherwise the publication date.
    """
    first, last = _sentence_bounds(text, candidate.start, candidate.end)
    same_sentence = [(abs(position - candidate.start), day) for position, day in days if first <= position < last]
    if same_sentence:
        return min(same_sentence, key=lambda pair: pair[0])[1]
    earlier = [day for position, day in days if position < candidate.start]
    return earlier[-1] if earlier else dct


def _to_timex(candidate: Candidate, resolved: Resolved, text: str) -> Timex:
    interval = value_range(resolved.value) if resolved.timex_type == "DATE" else None
    return Timex(
        start=candidate.start,
        end=candidate.end,
        text=text[candidate.start:candidate.end],
        type=resolved.timex_type,
        value=resolved.value,
        range_start=interval[0] if interval else None,
        range_end=interval[1] if interval else None,
    )


def _resolve_all(
    candidates: list[Candidate], text: str, dct: date | None, tense_of: TenseOf | None
) -> list[tuple[Candidate, Resolved]]:
    """Resolve candidates: first those that stand alone, then clock times and parts of the day,
    which need the days the others named."""
    results: list[tuple[Candidate, Resolved]] = []
    days: list[tuple[int, date]] = []
    periods: list[tuple[int, date]] = []  # first day of each dated period named, with its position
    for candidate in (c for c in candidates if c.rule.kind not in ANCHORED_KINDS):
        # Only dates named without a year or a direction use the tense; asking the parse for
        # it is the one costly step, so it is done for them alone.
        needs_tense = candidate.rule.kind in TENSED_KINDS
        tense = tense_of(candidate.start, candidate.end) if tense_of and needs_tense else None
        resolved = _resolve(candidate, ResolveContext(dct=dct, tense=tense, anchor=dct))
        if resolved is not None:
            results.append((candidate, resolved))
            if (day := _mentioned_day(resolved.value)) is not None:
                days.append((candidate.start, day))
            if resolved.timex_type == "DATE" and (interval := value_range(resolved.value)) is not None:
                periods.append((candidate.start, date.fromisoformat(interval[0])))
    for candidate in (c for c in candidates if c.rule.kind in ANCHORED_KINDS):
        if candidate.rule.kind in PERIOD_ANCHORED_KINDS:
            earlier = [first for position, first in periods if position < candidate.start]
            anchor = earlier[-1] if earlier else dct
        else:
            anchor = _anchor_for(candidate, days, text, dct)
        resolved = _resolve(candidate, ResolveContext(dct=dct, tense=None, anchor=anchor))
        if resolved is not None:
            results.append((candidate, resolved))
    return sorted(results, key=lambda pair: pair[0].start)


def tag(text: str, dct: date | None, lang: str = "fr", tense_of: TenseOf | None = None) -> list[Timex]:
    """The temporal expressions of ``text`` resolved against the publication date ``dct``.

    ``lang`` selects ``resources/lexicons/<lang>/timex.toml``. Relative expressions are resolved
    against ``dct``; without it, what depends on it is left unspecified ("XXXX-XX-XX").
    ``tense_of`` (optional) tells the tense around a span, to date "lundi" before or after.
    """
    lexicon = load_timex_lexicon(lang)
    candidates = select_non_overlapping(find_candidates(text, lexicon, dct))
    return [_to_timex(candidate, resolved, text) for candidate, resolved in _resolve_all(candidates, text, dct, tense_of)]
