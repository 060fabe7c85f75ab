"""Properties of the tagger on arbitrary input: it never raises, and all it emits is valid."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from chronique.extract.timex import is_valid_value, tag

# Text built from temporal words, digits and punctuation finds far more rule paths than
# uniformly random characters would.
_PIECES = st.sampled_from(
    [
        "le", "hier", "lundi", "dernier", "prochain", "31", "1er", "février", "mars", "2025", "98",
        "il y a", "dans", "deux", "ans", "et demi", "mois", "semaine", "h", "14", "30", "/", "-",
        ",", ".", "\n", "chaque", "tous les", "jeudis", "l'été", "années", "1990", "XXe", "siècle",
        "trimestre", "troisième", "mi-", "fin", "aujourd'hui", "ce matin", "à", "midi", "quart",
        "de", "une", "seconde", "last", "next", "year", "ago", "May", "5", "p.m.", "Q3", "every",
        "Thursday", "half", "a", "century", "21st", "9999", "0000", "1000", "2099", "24", "60",
        "13/13/2013", "29/02/2023", "00 h 00", "24 h 59", "la", "nuit", "vers", "environ",
    ]
)
_TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map(" ".join))
_DATES = st.one_of(st.none(), st.dates(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, dct=_DATES, lang=st.sampled_from(["fr", "en"]))
def test_tagger_never_raises_and_emits_valid_timexes(text: str, dct: date | None, lang: str) -> None:
    previous_end = 0
    for timex in tag(text, dct, lang):
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert is_valid_value(timex.value, timex.type), timex
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        assert timex.start >= previous_end, "timexes must not overlap"
        previous_end = timex.end
        if timex.range_start is not None:
            assert timex.range_start <= (timex.range_end or "")
