"""The language-free parts of the tagger: calendar arithmetic, durations, intervals, numbers."""

from __future__ import annotations

from datetime import date

import pytest

from chronique.extract.timex.calendar import format_at, infer_year, season_year, two_digit_year, weekday_date
from chronique.extract.timex.durations import duration_value, parse_base_unit, vague_duration_value
from chronique.extract.timex.numbers import parse_number, roman_to_int
from chronique.extract.timex.values import is_valid_value
from chronique.intervals import value_range

DCT = date(2025, 11, 3)  # a Monday


@pytest.mark.parametrize(
    ("granularity", "value"),
    [("D", "2025-11-03"), ("M", "2025-11"), ("Y", "2025"), ("W", "2025-W45"), ("WE", "2025-W45-WE"),
     ("Q", "2025-Q4"), ("H", "2025-H2"), ("DE", "202"), ("CE", "20")],
)
def test_format_at(granularity: str, value: str) -> None:
    assert format_at(DCT, granularity) == value


@pytest.mark.parametrize(
    ("weekday", "direction", "strict", "expected"),
    [(1, -1, True, date(2025, 10, 27)), (1, -1, False, DCT), (1, 1, True, date(2025, 11, 10)),
     (5, -1, False, date(2025, 10, 31)), (5, 1, False, date(2025, 11, 7)), (7, 0, True, date(2025, 11, 9)),
     (2, None, False, date(2025, 11, 4))],
)
def test_weekday_date(weekday: int, direction: int | None, strict: bool, expected: date) -> None:
    assert weekday_date(DCT, weekday, direction, strict) == expected


def test_infer_year() -> None:
    assert infer_year(date(2002, 2, 9), 9, 11, None, False) == 2001
    assert infer_year(date(1999, 5, 27), 6, 2, None, False) == 1999
    assert infer_year(DCT, 11, None, -1, True) == 2024
    assert infer_year(DCT, 11, None, -1, False) == 2025
    assert infer_year(DCT, 1, None, 1, True) == 2026


def test_season_year_and_two_digit_year() -> None:
    assert season_year(DCT, "SU", -1) == 2025
    assert season_year(date(2025, 7, 1), "SU", -1) == 2024
    assert season_year(DCT, "SP", 1) == 2026
    assert two_digit_year(98, date(1999, 5, 23)) == 1998
    assert two_digit_year(5, date(2003, 1, 1)) == 2005


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [(7.5, "1Y", "P7Y6M"), (24, "1H", "PT24H"), (30.4, "1S", "PT30.4S"), (2, "10Y", "P20Y"),
     (0.25, "100Y", "P25Y"), (18, "1M", "P18M"), (0.5, "1H", "PT30M"), (1.5, "1D", "P1DT12H"), (3, "3M", "P9M")],
)
def test_duration_value(amount: float, unit: str, value: str) -> None:
    assert duration_value(amount, parse_base_unit(unit)) == value


def test_vague_duration_and_bad_unit() -> None:
    assert vague_duration_value(parse_base_unit("1Y")) == "PXY"
    assert vague_duration_value(parse_base_unit("1H")) == "PTXH"
    with pytest.raises(ValueError):
        parse_base_unit("1Q")


@pytest.mark.parametrize(
    ("value", "interval"),
    [("2025-02", ("2025-02-01", "2025-02-28")), ("2024-02", ("2024-02-01", "2024-02-29")),
     ("2025", ("2025-01-01", "2025-12-31")), ("2024-Q3", ("2024-07-01", "2024-09-30")),
     ("2025-W46", ("2025-11-10", "2025-11-16")), ("2025-W45-WE", ("2025-11-08", "2025-11-09")),
     ("199", ("1990-01-01", "1999-12-31")), ("20", ("2000-01-01", "2099-12-31")),
     ("2024-WI", ("2024-12-01", "2025-02-28")), ("2025-10-30", ("2025-10-30", "2025-10-30")),
     ("PAST_REF", None), ("XXXX-SU", None), ("2025-W60", None)],
)
def test_value_range(value: str, interval: tuple[str, str] | None) -> None:
    assert value_range(value) == interval


def test_numbers() -> None:
    assert parse_number("dix-huit", "fr") == 18
    assert parse_number("vingt et un", "fr") == 21
    assert parse_number("30,4", "fr") == 30.4
    assert parse_number("une", "fr", {"une": 1}) == 1
    assert parse_number("twenty-four", "en") == 24
    assert parse_number("plusieurs", "fr") is None
    assert roman_to_int("XXI") == 21
    assert roman_to_int("XIV") == 14
    assert roman_to_int("ABC") is None


@pytest.mark.parametrize(
    ("value", "timex_type", "valid"),
    [("2025-10-30", "DATE", True), ("2025-W46", "DATE", True), ("199", "DATE", True), ("PAST_REF", "DATE", True),
     ("2025-11-03TMO", "TIME", True), ("P7Y6M", "DURATION", True), ("PT30.4S", "DURATION", True),
     ("PXD", "DURATION", True), ("XXXX-WXX-4", "SET", True), ("P1Y", "SET", True),
     ("2025-13", "DATE", False), ("2025-W54", "DATE", False), ("P", "DURATION", False), ("hier", "DATE", False), ("2025", "DURATION", False)],
)
def test_is_valid_value(value: str, timex_type: str, valid: bool) -> None:
    assert is_valid_value(value, timex_type) is valid
