"""Money amounts stated with their currency: "97,4 milliards de dollars", "9,74 Md$", "$97.4 billion".

:func:`find_stated_money` is a pure function over a string, so that the rules can be tested and
reused without spaCy (``extract.money.component`` adds the amounts whose currency is implied).

Every word lives in ``resources/lexicons/<lang>/money.toml`` (DESIGN.md, principle 4): this module
only knows the *shape* of an amount, built into one regular expression per language:

* currency first: ``(approximation) currency-symbol-or-code number (scale)`` -- "€10m", "USD 5 million";
* number first: ``(approximation) number (half) (scale (half) (connector)) currency`` --
  "97,4 milliards de dollars", "3 000 €", "un milliard et demi d'euros";
* no number: ``(determiner) (count connector) (scale (connector)) currency-name`` --
  "des centaines de milliards de dollars": the currency is known, the amount is ``None``.

Choices worth knowing:

* A currency is required: "97,4 %", "3 000 habitants", "2025" or "sept ans" are not money.
* Approximations ("près de", "nearly") are kept inside the span, so that the stored text still
  says the amount is hedged; the amount is the stated one.
* Ranges give one :class:`Money` per bound. The lower bound spans its own number (and scale) and
  borrows what it lacks from the upper bound: "entre 10 et 20 millions d'euros" gives 10 000 000
  EUR over "10" and 20 000 000 EUR over "20 millions d'euros".
* Amounts are computed with :class:`decimal.Decimal`, so that 97,4 × 10^9 is exactly
  97 400 000 000 and not 97 399 999 999.99999.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from chronique.data import lexicon
from chronique.extract.timex.first_chars import first_char_class
from chronique.model import Money
from chronique.text import unify_apostrophes

__all__ = ["find_stated_money", "bare_amount_patterns", "scaled_amount", "phrase_alternatives"]

#: Spaces inside one amount: any Unicode space but a line break ("3\u202f000 €" yes, "3\n000" no).
INLINE_SPACE = r"[^\S\n]"
#: Nothing that a word could continue with: closes a word, a scale or a code.
WORD_END = r"(?![^\W_])"
HALF = Decimal("0.5")


@dataclass(frozen=True)
class _Grammar:
    """One language's compiled patterns and the tables that turn their groups into values."""

    amount_pattern: re.Pattern[str]
    lower_bound_before: list[tuple[re.Pattern[str], bool]]  # (pattern, has an opener)
    upper_bound_after: list[tuple[re.Pattern[str], re.Pattern[str] | None]]  # (pattern, opener before)
    range_separators: tuple[str, ...]  # "et", "à", "-": what a lower bound ends with, lower case
    grouped_number: re.Pattern[str]
    decimal_separators: frozenset[str]
    number_words: dict[str, Decimal]
    scales: dict[str, Decimal]
    currencies: dict[str, str]


def _phrase(text: str) -> str:
    """A lexicon phrase as a regex: spaces match any inline space run, apostrophes both forms."""
    parts = []
    for char in text:
        if char == " ":
            parts.append(INLINE_SPACE + "+")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def phrase_alternatives(phrases: Iterable[Any], case_sensitive: bool = False) -> str:
    """Longest phrases first, so that "dollars américains" wins over "dollars"."""
    ordered = sorted({str(p) for p in phrases if str(p)}, key=len, reverse=True)
    if not ordered:
        return "(?!)"  # matches nothing: an empty section switches the feature off
    body = "|".join(_phrase(p) for p in ordered)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _followed_by_space(phrases: list[str]) -> str:
    """Phrases that end a word need a space after them; elided ones ("d'", "plus d'") do not."""
    spaced = [p for p in phrases if not p.endswith(("'", "’"))]
    elided = [p for p in phrases if p.endswith(("'", "’"))]
    branches = []
    if spaced:
        branches.append(f"{phrase_alternatives(spaced)}{INLINE_SPACE}+")
    if elided:
        branches.append(f"{phrase_alternatives(elided)}{INLINE_SPACE}*")
    return "(?:" + "|".join(branches) + ")" if branches else "(?!)"


def _digits_pattern(decimals: str, thousands: str) -> str:
    """Grouped numbers first ("3 000,5"), then plain ones ("97,4"), never inside a longer number."""
    grouped = rf"\d{{1,3}}(?:[{thousands}]\d{{3}})+(?:[{decimals}]\d+)?(?!\d)"
    plain = rf"\d+(?:[{decimals}]\d+)?"
    return rf"(?<![\w.,])(?:{grouped}|{plain})"


def _char_class(chars: list[str]) -> str:
    return "".join(re.escape(c) for c in chars)


@dataclass(frozen=True)
class _Pieces:
    """Regex fragments of one language shared by the amount and the range patterns."""

    digits: str
    number_words: str
    scale_words: str
    scale_one: str
    scale: str
    prefix_currency: str


#: Between a number and its scale: "10 M€", "€10m", "un demi-milliard".
TO_SCALE = rf"(?:{INLINE_SPACE}*|-)"


def _pieces(lex: dict[str, Any]) -> _Pieces:
    """Numbers, scales and prefix currencies: what both the amounts and the ranges are made of."""
    decimals = _char_class(lex["numbers"]["decimal_separators"])
    thousands = _char_class(lex["numbers"]["thousands_separators"])
    scale_words = phrase_alternatives(lex.get("scales", {}))
    scale_abbreviations = phrase_alternatives(lex.get("scale_abbreviations", {}), case_sensitive=True)
    scale_one = f"(?:{scale_abbreviations}|{scale_words}){WORD_END}"
    symbols = phrase_alternatives(lex.get("currency_symbols", {}), case_sensitive=True)
    return _Pieces(
        digits=_digits_pattern(decimals, thousands),
        number_words=rf"\b{phrase_alternatives(lex.get('number_words', {}))}\b",
        scale_words=scale_words,
        scale_one=scale_one,
        scale=rf"{scale_one}(?:{INLINE_SPACE}+{scale_words}{WORD_END})?",  # "hundred million"
        prefix_currency=rf"(?:(?<![^\W\d_]){symbols}|{_codes(lex)})",
    )


def _codes(lex: dict[str, Any]) -> str:
    """ISO codes as whole words: "USD" in "USD 5 million", not inside "USDC"."""
    return rf"(?<![^\W\d_]){phrase_alternatives(lex.get('currency_codes', {}), case_sensitive=True)}{WORD_END}"


def _amount_regex(lex: dict[str, Any], pieces: _Pieces) -> re.Pattern[str]:
    """Currency first, number first, or no number at all; an optional hedge before any of them."""
    phrases = lex.get("phrases", {})
    articles = rf"\b{phrase_alternatives(lex.get('article_numbers', {}))}(?={TO_SCALE}{pieces.scale_one})"
    half = phrase_alternatives(phrases.get("half", []))
    connector = _followed_by_space(phrases.get("connectors", []))
    connector_optional = rf"(?:{INLINE_SPACE}*{connector})?"
    names = rf"{phrase_alternatives(lex.get('currency_names', {}))}{WORD_END}"
    names_after_scale = rf"{phrase_alternatives(lex.get('currency_names_after_scale', {}))}{WORD_END}"
    symbols = phrase_alternatives(lex.get("currency_symbols", {}), case_sensitive=True)
    scale_word = rf"{pieces.scale_words}{WORD_END}"

    currency_first = (
        rf"(?P<p_cur>{pieces.prefix_currency}){INLINE_SPACE}*(?P<p_num>{pieces.digits})"
        rf"(?:{TO_SCALE}(?P<p_scale>{pieces.scale}))?"
    )
    number_first = (
        rf"(?P<s_num>{pieces.digits}|{pieces.number_words}|{articles})"
        rf"(?P<s_half1>{INLINE_SPACE}+{half})?"
        rf"(?:{TO_SCALE}(?P<s_scale>{pieces.scale})(?P<s_half2>{INLINE_SPACE}+{half})?{connector_optional})?"
        rf"{INLINE_SPACE}*(?P<s_cur>{names}|{symbols}|{_codes(lex)}|(?(s_scale){names_after_scale}|(?!)))"
    )
    determiner = _followed_by_space(phrases.get("vague_determiners", []))
    count = rf"\b{phrase_alternatives(phrases.get('vague_counts', []))}{WORD_END}"
    unknown_with_determiner = (
        rf"{determiner}(?:{count}{INLINE_SPACE}*{connector})?"
        rf"{scale_word}{connector_optional}{INLINE_SPACE}*(?P<u_cur>{names})"
    )
    unknown_with_count = (
        rf"(?:{determiner})?{count}{INLINE_SPACE}*{connector}"
        rf"(?:(?:{scale_word}|{count}){connector_optional}{INLINE_SPACE}*)?"
        rf"(?P<v_cur>{names}|{names_after_scale})"
    )
    approximation = _followed_by_space(phrases.get("approximations", []))
    pattern = (
        rf"(?:\b{approximation})?"
        rf"(?:{currency_first}|{number_first}|\b{unknown_with_determiner}|\b{unknown_with_count})"
    )
    # the characters an amount can start with, tested first: the same matches, found faster
    first = first_char_class(pattern, re.IGNORECASE)
    pattern = rf"(?={first}){pattern}" if first else pattern
    if _open_on_words(lex):
        pattern = NOT_AFTER_LETTER + pattern
    return re.compile(pattern, re.IGNORECASE)


#: No letter right before: where every amount starts when :func:`_open_on_words` holds.
NOT_AFTER_LETTER = r"(?<![^\W\d_])"


def _open_on_words(lex: dict[str, Any]) -> bool:
    """Whether no amount can start right after a letter, so that the amount regex may say so
    first and give up at once inside a word (most positions of a text) instead of trying its
    branches there: the same matches, found faster. Every branch opens with a number (``\\d``
    not after a word character), a currency symbol or code (not after a letter) or, after
    ``\\b``, a phrase of the lexicon; ``\\b`` then a word character is not after a letter, so it
    holds when every such phrase begins with a word character."""
    phrases = lex.get("phrases", {})
    opening = [*phrases.get("approximations", []), *lex.get("number_words", {}), *lex.get("article_numbers", {}),
               *phrases.get("vague_determiners", []), *phrases.get("vague_counts", [])]
    return all(re.match(r"\w", str(phrase)) for phrase in opening)


def _range_regexes(
    lex: dict[str, Any], pieces: _Pieces
) -> tuple[list[tuple[re.Pattern[str], bool]], list[tuple[re.Pattern[str], re.Pattern[str] | None]]]:
    """Per range rule: the lower bound ending right before an amount, the upper one right after."""
    lower_before, upper_after = [], []
    for rule in lex.get("ranges", []):
        opener = str(rule.get("opener", ""))
        separator = _phrase(str(rule["separator"]))
        opener_part = rf"\b{_phrase(opener)}{INLINE_SPACE}+" if opener else ""
        lower = (
            rf"{opener_part}(?P<num>{pieces.digits}|{pieces.number_words})"
            rf"(?:{TO_SCALE}(?P<scale>{pieces.scale}))?{INLINE_SPACE}*{separator}{INLINE_SPACE}*\Z"
        )
        upper = (
            rf"{INLINE_SPACE}*{separator}{INLINE_SPACE}*(?P<cur>{pieces.prefix_currency})?{INLINE_SPACE}*"
            rf"(?P<num>{pieces.digits})(?:{TO_SCALE}(?P<scale>{pieces.scale}))?"
        )
        lower_before.append((re.compile(lower, re.IGNORECASE), bool(opener)))
        opener_before = re.compile(rf"{opener_part}\Z", re.IGNORECASE) if opener else None
        upper_after.append((re.compile(upper, re.IGNORECASE), opener_before))
    return lower_before, upper_after


def _decimal_table(*sections: dict[str, Any], case_sensitive: bool = False) -> dict[str, Decimal]:
    """Lexicon values as exact decimals, keyed as :func:`_lookup` will look them up."""
    return {_normalise_key(k, case_sensitive): Decimal(str(v)) for s in sections for k, v in s.items()}


@cache
def _grammar(lang: str) -> _Grammar:
    """Build and compile the patterns of ``lang`` once per process."""
    lex = lexicon(lang, "money")
    pieces = _pieces(lex)
    lower_before, upper_after = _range_regexes(lex, pieces)
    currencies = {}
    for section in ("currency_names", "currency_names_after_scale", "currency_symbols", "currency_codes"):
        for key, code in lex.get(section, {}).items():
            currencies[_normalise_key(key, section.endswith(("symbols", "codes")))] = str(code)
    scales = _decimal_table(lex.get("scales", {}))
    scales.update(_decimal_table(lex.get("scale_abbreviations", {}), case_sensitive=True))
    decimals = _char_class(lex["numbers"]["decimal_separators"])
    thousands = _char_class(lex["numbers"]["thousands_separators"])
    return _Grammar(
        amount_pattern=_amount_regex(lex, pieces),
        lower_bound_before=lower_before,
        upper_bound_after=upper_after,
        range_separators=tuple(str(rule["separator"]).lower() for rule in lex.get("ranges", [])),
        grouped_number=re.compile(
            rf"(?P<whole>\d{{1,3}}(?:[{thousands}]\d{{3}})+)(?:[{decimals}](?P<fraction>\d+))?"
        ),
        decimal_separators=frozenset(lex["numbers"]["decimal_separators"]),
        number_words=_decimal_table(lex.get("number_words", {}), lex.get("article_numbers", {})),
        scales=scales,
        currencies=currencies,
    )


def _normalise_key(text: str, case_sensitive: bool = False) -> str:
    """How a matched phrase is looked up: one plain space, one apostrophe, lower case for words."""
    text = unify_apostrophes(re.sub(r"[^\S\n]+", " ", text.strip()))
    return text if case_sensitive else text.lower()


def _lookup(table: dict[str, Any], matched: str) -> Any:
    """Case-sensitive entries (symbols, codes, "M" vs "m") first, then the lower-cased word."""
    key = _normalise_key(matched, case_sensitive=True)
    return table[key] if key in table else table[key.lower()]


def _number_value(raw: str, grammar: _Grammar) -> Decimal:
    """"3 000,5" -> 3000.5 and "deux" -> 2, exactly."""
    if not raw[0].isdigit():
        return _lookup(grammar.number_words, raw)
    grouped = grammar.grouped_number.fullmatch(raw)
    if grouped:
        whole = "".join(c for c in grouped.group("whole") if c.isdigit())
        fraction = grouped.group("fraction")
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    for separator in grammar.decimal_separators:
        raw = raw.replace(separator, ".")
    return Decimal(raw)


def _scale_value(raw: str | None, grammar: _Grammar) -> Decimal:
    """"milliards" -> 10^9; "hundred million" -> 10^8; no scale -> 1."""
    value = Decimal(1)
    for part in (raw or "").split():
        value *= _lookup(grammar.scales, part)
    return value


def _units(number: Decimal, scale: Decimal) -> float:
    """The amount in units as a float that is exactly the decimal result (no 97399999999.99)."""
    amount = number * scale
    return float(amount.to_integral_value()) if amount == amount.to_integral_value() else float(amount)


def _make(text: str, start: int, end: int, amount: float | None, currency: str) -> Money:
    return Money(start=start, end=end, text=text[start:end], amount=amount, currency=currency)


def _lower_bound(text: str, upper_num_start: int, upper_scale: Decimal, upper_amount: float | None,
                 currency: str, grammar: _Grammar) -> Money | None:
    """The lower bound of "entre 10 et 20 millions d'euros", found before the upper one."""
    window_start = max(0, upper_num_start - 80)
    before = text[window_start:upper_num_start]
    if not " ".join(before[-30:].split()).lower().endswith(grammar.range_separators):
        return None  # every lower bound ends with a separator: most amounts are no range
    for pattern, has_opener in grammar.lower_bound_before:
        match = pattern.search(before)
        if match is None:
            continue
        own_scale = match.group("scale")
        scale = _scale_value(own_scale, grammar) if own_scale else upper_scale
        end = match.end("scale") if own_scale else match.end("num")
        amount = _units(_number_value(match.group("num"), grammar), scale)
        if not has_opener and upper_amount is not None and amount >= upper_amount:
            # "2025 - 20 millions d'euros" is a year then an amount, not a range; an opener
            # ("entre", "de") is what lets a range go downwards ("de 30 à 20 millions").
            continue
        return _make(text, window_start + match.start("num"), window_start + end, amount, currency)
    return None


def _upper_bound(text: str, lower: re.Match[str], grammar: _Grammar) -> tuple[Money | None, str | None]:
    """For "$10-20 million": the upper bound after a currency-first amount, and its scale."""
    for pattern, opener in grammar.upper_bound_after:
        match = pattern.match(text, lower.end())
        if match is None:
            continue
        if opener is not None and not opener.search(text, max(0, lower.start() - 40), lower.start()):
            continue
        scale = match.group("scale")
        if match.group("cur"):
            return None, scale  # "$10-$20 million": the upper bound is an amount of its own
        currency = _lookup(grammar.currencies, lower.group("p_cur"))
        number = _number_value(match.group("num"), grammar)
        amount = _units(number, _scale_value(scale, grammar))
        end = match.end("scale") if scale else match.end("num")
        return _make(text, match.start("num"), end, amount, currency), scale
    return None, None


def _amounts_of_match(text: str, match: re.Match[str], grammar: _Grammar) -> list[Money]:
    """One regex match as Money: itself, and the other bound when it is half of a range."""
    start, end = match.span()
    if match.group("p_cur"):
        currency = _lookup(grammar.currencies, match.group("p_cur"))
        scale_text = match.group("p_scale")
        found: list[Money] = []
        upper, upper_scale = _upper_bound(text, match, grammar)
        if scale_text is None and upper_scale is not None:
            scale_text = upper_scale
        amount = _units(_number_value(match.group("p_num"), grammar), _scale_value(scale_text, grammar))
        found.append(_make(text, start, end, amount, currency))
        if upper is not None:
            found.append(upper)
        return found
    if match.group("s_num"):
        currency = _lookup(grammar.currencies, match.group("s_cur"))
        number = _number_value(match.group("s_num"), grammar)
        if match.group("s_half1") or match.group("s_half2"):
            number += HALF
        scale = _scale_value(match.group("s_scale"), grammar)
        amount = _units(number, scale)
        found = [_make(text, start, end, amount, currency)]
        lower = _lower_bound(text, match.start("s_num"), scale, amount, currency, grammar)
        if lower is not None and lower.end <= start:
            found.insert(0, lower)
        return found
    name = match.group("u_cur") or match.group("v_cur")
    return [_make(text, start, end, None, _lookup(grammar.currencies, name))]


def find_stated_money(text: str, lang: str) -> list[Money]:
    """Every money amount ``text`` states with its currency, in order, with character offsets.

    ``lang`` names the lexicon (``resources/lexicons/<lang>/money.toml``). Pure: no spaCy needed.
    """
    grammar = _grammar(lang)
    found: list[Money] = []
    for match in grammar.amount_pattern.finditer(text):
        for money in _amounts_of_match(text, match, grammar):
            if not any(money.start < other.end and other.start < money.end for other in found):
                found.append(money)
    return sorted(found, key=lambda m: (m.start, m.end))


@cache
def bare_amount_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number and a scale word with no currency ("83 milliards", "près de 2 millions"), what
    an article writes when the currency was named before: (the scale words, found first because
    they are rare; what must end right before one: an optional hedge and the number, groups
    ``num``; search it with ``endpos`` at the scale word)."""
    lex = lexicon(lang, "money")
    pieces = _pieces(lex)
    approximation = _followed_by_space(lex.get("phrases", {}).get("approximations", []))
    scale = re.compile(rf"(?<![^\W_]){pieces.scale_words}{WORD_END}", re.IGNORECASE)
    number = re.compile(
        rf"(?:\b{approximation})?(?P<num>{pieces.digits}|{pieces.number_words}){TO_SCALE}\Z",
        re.IGNORECASE,
    )
    return scale, number


def scaled_amount(number: str, scale: str, lang: str) -> float:
    """The units of "83" "milliards": 83 000 000 000.0, computed exactly."""
    grammar = _grammar(lang)
    return _units(_number_value(number, grammar), _scale_value(scale, grammar))
