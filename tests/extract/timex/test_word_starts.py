"""Each temporal rule tried only where a word that may begin it starts: the same matches, found
in one pass over the text instead of one scan per rule."""

from __future__ import annotations

import re

import pytest

from chronique.extract.timex.lexicon import load_timex_lexicon
from chronique.extract.timex.word_starts import RuleStarts, match_prefix

_FLAGS = re.IGNORECASE


def test_a_prefix_keeps_the_words_that_may_begin_a_match_and_only_those():
    prefix = match_prefix(r"(?<!\w)(?:le\s+)?(?P<month>janvier|mars)\s+\d{4}", _FLAGS)
    assert prefix is not None
    assert [bool(prefix.match(word)) for word in ("le", "Le", "jan", "mar", "MAR")] == [True] * 5
    # "les" and "lequel" are not "le" followed by a space; "mai" begins no month of the rule
    assert [bool(prefix.match(word)) for word in ("les", "leq", "mai", "ja")] == [False] * 4


def test_a_digit_class_is_a_prefix_too():
    prefix = match_prefix(r"(?<!\w)\d{1,2}\s*h", _FLAGS)
    assert prefix is not None
    assert prefix.match("14h") and prefix.match("9") and not prefix.match("h")


def test_no_prefix_when_a_match_may_begin_with_anything_or_with_no_word_character():
    assert match_prefix(r"(?<!\w).+ans", _FLAGS) is None  # any character
    assert match_prefix(r"(?<!\w)[^a]bc", _FLAGS) is None  # a negated class
    assert match_prefix(r"(?<!\w)(?:hier)?", _FLAGS) is None  # may match nothing
    assert match_prefix(r"(?<!\w)\(\d+\)", _FLAGS) is None  # opens on a parenthesis


def test_a_rule_without_a_prefix_keeps_its_plain_scan():
    starts = RuleStarts([re.compile(r"(?<!\w)\(\d+\)"), re.compile(r"(?<!\w)mars")])
    text = "(12) mars (3)"
    found = starts.starts(text)
    assert [m.span() for m in starts.finditer(0, text, found[0])] == [(0, 4), (10, 13)]
    assert [m.span() for m in starts.finditer(1, text, found[1])] == [(5, 9)]


TEXTS = {
    "fr": [
        "Le 3 mars 2021, lundi dernier, à 14 h 30, puis en 2019 et au cours des deux dernières années ; "
        "Mars et JANVIER 2020, l'été prochain, chaque semaine, depuis trois mois.",
        "LE 1er MAI, le lendemain, l’an dernier, les années 1990, au XXe siècle, ce matin vers 9h15, "
        "mi-juin, fin 2024, cette semaine-là, il y a deux ans, dans trois jours, aujourd'hui, hier soir.",
        "Lesquels, lequel, maintenant, marsouin, janvierX, 12345 et 2020-2021 ; du 2 au 5 avril 2022.",
    ],
    "en": [
        "On March 3, 2021, last Monday, at 2 pm, then in 2019 and over the past two years; "
        "may we march on Tuesday? The 1990s, next week, every month, three days ago, tomorrow night.",
    ],
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_every_rule_finds_the_same_matches_as_its_own_scan(lang):
    rules = load_timex_lexicon(lang).rules
    starts = RuleStarts([rule.regex for rule in rules])
    for text in TEXTS[lang]:
        found = starts.starts(text)
        for index, rule in enumerate(rules):
            expected = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in starts.finditer(index, text, found[index])] == expected, rule.name
