"""Load a language's temporal lexicon (``resources/lexicons/<lang>/timex.toml``) and compile it.

The TOML file holds everything that is language: word lists with their meaning (``[vocab.*]``:
"février" -> 2, "hier" -> -1), reusable regex pieces (``[macros.*]``: what a day number or a
clock hour looks like), and the rules (``[[rules]]``) written as patterns over ``{placeholders}``.
This module only turns that data into compiled regular expressions, once per language.

In a rule pattern, each ``{name}`` becomes a named group whose text the engine reads back as a
field: vocab entries give their value (``[fields]`` may map several vocabs to one field, such as
plural weekdays to ``weekday``), macros are parsed by the field they declare. Inside a macro, a
``{name}`` is expanded without a group. An apostrophe in a pattern or a vocab entry matches both
the straight and the typographic one; a space in a vocab entry matches any run of spaces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from chronique.data import lexicon
from chronique.extract.timex.first_chars import first_char_class
from chronique.extract.timex.word_starts import RuleStarts
from chronique.text import fold

__all__ = ["Rule", "Guard", "TimexLexicon", "load_timex_lexicon", "normalise_key"]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_APOSTROPHE = "['’]"
_FLAGS = re.IGNORECASE


def normalise_key(text: str) -> str:
    """How a matched word is looked up in a vocab: lower case, one apostrophe, single spaces."""
    return " ".join(fold(text).split())


def _with_both_apostrophes(pattern: str) -> str:
    """Make each ``'`` of a hand-written pattern match ``’`` too, inside ``[...]`` or not."""
    out, in_class, escaped = [], False, False
    for char in pattern:
        if char == "'" and not escaped:
            out.append("'’" if in_class else _APOSTROPHE)
        else:
            out.append(char)
            if not escaped and char == "[":
                in_class = True
            elif not escaped and char == "]":
                in_class = False
        escaped = char == "\\" and not escaped
    return "".join(out)


def _word_alternation(words: Any, capitalised: bool = False) -> str:
    """A non-capturing alternation of literal words, longest first so that regex tries them first.

    ``capitalised`` vocabs (English months and weekdays) only match with a capital initial or in
    capitals, so that "may" and "march" the verbs are never dates.
    """
    forms = {normalise_key(str(word)) for word in words}
    if capitalised:
        forms = {variant for form in forms for variant in (form[:1].upper() + form[1:], form.upper())}
    ordered = sorted(forms, key=len, reverse=True)
    escaped = (re.escape(word).replace("'", _APOSTROPHE).replace(r"\ ", r"\s+") for word in ordered)
    alternation = "(?:" + "|".join(escaped) + ")"
    return f"(?-i:{alternation})" if capitalised else alternation


@dataclass(frozen=True)
class Rule:
    """One compiled pattern and how to read what it matched.

    ``groups`` maps each named group to its placeholder and the field it fills; ``kind`` names
    the resolver that turns the fields into a TIMEX3 value; ``params`` are the rule's constants.
    """

    name: str
    kind: str
    timex_type: str | None
    regex: re.Pattern[str]
    groups: Mapping[str, tuple[str, str]]
    params: Mapping[str, Any]
    require_before: re.Pattern[str] | None = None
    reject_before: re.Pattern[str] | None = None
    require_after: re.Pattern[str] | None = None
    reject_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Guard:
    """A veto on candidates of some kinds whose text matches ``text``, judged by their context."""

    kinds: frozenset[str]
    text: re.Pattern[str]
    reject_before: re.Pattern[str] | None = None
    reject_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class TimexLexicon:
    """A language's compiled temporal rules and the vocab that gives matched words their meaning."""

    lang: str
    number_language: str
    vocab: Mapping[str, Mapping[str, Any]]
    number_overrides: Mapping[str, float]
    rules: tuple[Rule, ...]
    guards: tuple[Guard, ...]

    @cached_property
    def rule_starts(self) -> RuleStarts:
        """Where each rule may match in a text, found in one pass (:mod:`.word_starts`)."""
        return RuleStarts([rule.regex for rule in self.rules])


class _Expander:
    """Expands ``{placeholders}`` in patterns from the vocab, word lists and macros of one file."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.vocab: dict[str, dict[str, Any]] = data.get("vocab", {})
        self.words: dict[str, list[str]] = data.get("words", {})
        self.macros: dict[str, dict[str, str]] = data.get("macros", {})
        self.field_aliases: dict[str, str] = data.get("fields", {})
        self.capitalised: set[str] = set(data.get("settings", {}).get("capitalised", []))
        self._cache: dict[str, str] = {}

    def piece(self, name: str) -> str:
        """The regex for ``{name}`` without any capturing group."""
        if name not in self._cache:
            if name in self.vocab:
                self._cache[name] = _word_alternation(self.vocab[name], name in self.capitalised)
            elif name in self.words:
                self._cache[name] = _word_alternation(self.words[name])
            elif name in self.macros:
                body = _with_both_apostrophes(self.macros[name]["regex"])
                self._cache[name] = "(?:" + _PLACEHOLDER.sub(lambda m: self.piece(m.group(1)), body) + ")"
            else:
                raise KeyError(f"unknown placeholder {{{name}}} in the timex lexicon")
        return self._cache[name]

    def field_of(self, name: str) -> str:
        if name in self.macros:
            return self.macros[name].get("field", name)
        return self.field_aliases.get(name, name)

    def pattern(self, source: str) -> tuple[str, dict[str, tuple[str, str]]]:
        """A rule pattern with each placeholder as a uniquely named group, and group -> field."""
        groups: dict[str, tuple[str, str]] = {}

        def group(match: re.Match[str]) -> str:
            name = match.group(1)
            group_name = name if name not in groups else f"{name}__{len(groups)}"
            groups[group_name] = (name, self.field_of(name))
            return f"(?P<{group_name}>{self.piece(name)})"

        expanded = _PLACEHOLDER.sub(group, _with_both_apostrophes(source))
        return expanded, groups


def _context(pattern: str | None, expander: _Expander, at_end: bool) -> re.Pattern[str] | None:
    """A context test: must match just before (anchored at the end) or just after the candidate."""
    if not pattern:
        return None
    body = _PLACEHOLDER.sub(lambda m: expander.piece(m.group(1)), _with_both_apostrophes(pattern))
    return re.compile(f"(?:{body})\\Z" if at_end else f"\\A(?:{body})", _FLAGS)


def _compile_rule(spec: Mapping[str, Any], expander: _Expander) -> Rule:
    pattern, groups = expander.pattern(spec["pattern"])
    # the characters a match can start with, tested first: the same matches, found faster
    first = first_char_class(pattern, _FLAGS)
    lookahead = f"(?={first})" if first else ""
    return Rule(
        name=spec["name"],
        kind=spec["kind"],
        timex_type=spec.get("type"),
        regex=re.compile(rf"(?<!\w){lookahead}(?:{pattern})(?!\w)", _FLAGS),
        groups=groups,
        params=dict(spec.get("params", {})),
        require_before=_context(spec.get("require_before"), expander, at_end=True),
        reject_before=_context(spec.get("reject_before"), expander, at_end=True),
        require_after=_context(spec.get("require_after"), expander, at_end=False),
        reject_after=_context(spec.get("reject_after"), expander, at_end=False),
    )


def _compile_guard(spec: Mapping[str, Any], expander: _Expander) -> Guard:
    return Guard(
        kinds=frozenset(spec["kinds"]),
        text=re.compile(spec["text"], _FLAGS),
        reject_before=_context(spec.get("reject_before"), expander, at_end=True),
        reject_after=_context(spec.get("reject_after"), expander, at_end=False),
    )


@cache
def load_timex_lexicon(lang: str) -> TimexLexicon:
    """The compiled lexicon of ``lang`` (compiled once per process and language)."""
    data = lexicon(lang, "timex")
    expander = _Expander(data)
    vocab = {name: {normalise_key(key): value for key, value in table.items()}
             for name, table in data.get("vocab", {}).items()}
    settings = data.get("settings", {})
    return TimexLexicon(
        lang=lang,
        number_language=settings.get("number_language", lang),
        vocab=vocab,
        number_overrides={normalise_key(k): float(v) for k, v in data.get("vocab", {}).get("number_override", {}).items()},
        rules=tuple(_compile_rule(spec, expander) for spec in data.get("rules", [])),
        guards=tuple(_compile_guard(spec, expander) for spec in data.get("guards", [])),
    )
