"""The first characters of a temporal rule, tested before its alternations (same matches, faster)."""

from __future__ import annotations

import re

from chronique.extract.timex.first_chars import first_char_class
from chronique.extract.timex.lexicon import load_timex_lexicon


def test_the_class_gathers_the_first_characters_of_every_branch_and_optional_prefix():
    assert first_char_class(r"(?:le\s+)?(?P<month>janvier|mars)\s+\d{4}") == "[ljm]"
    assert first_char_class(r"\d+\s*h") == r"[\d]"
    assert first_char_class(r"(?<!\w)[A-Z]\.?") == "[A-Z]"


def test_a_case_sensitive_group_keeps_its_class_under_a_case_insensitive_pattern():
    # the class is tested with the pattern's flags: "[UE]" under IGNORECASE also lets "u" and "e"
    # through, more than the group accepts, never fewer
    assert first_char_class(r"(?-i:USD|EUR)\s*\d", re.IGNORECASE) == "[UE]"
    assert first_char_class(r"(?i:usd)\s*\d") is None  # turning case-insensitivity on would let fewer through


def test_no_class_when_the_first_character_cannot_be_told():
    assert first_char_class(r".+ans") is None  # any character
    assert first_char_class(r"[^a]bc") is None  # a negated class
    assert first_char_class(r"(?:hier)?") is None  # may match nothing


def test_the_french_rules_match_the_same_spans_with_and_without_the_class():
    text = ("Le 3 mars 2021, lundi dernier, à 14 h 30, puis en 2019 et au cours des deux dernières "
            "années ; Mars et JANVIER 2020, l'été prochain, chaque semaine, depuis trois mois.")
    for rule in load_timex_lexicon("fr").rules:
        plain = re.compile(re.sub(r"^\(\?<!\\w\)\(\?=\[(?:\\.|[^\]])*\]\)", r"(?<!\\w)", rule.regex.pattern),
                           rule.regex.flags)
        assert plain.pattern != rule.regex.pattern, rule.name
        assert ([m.span() for m in plain.finditer(text)] == [m.span() for m in rule.regex.finditer(text)]), rule.name
