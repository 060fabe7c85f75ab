"""Resolvers for everything that is not a calendar date written out: deictic days ("hier"),
periods relative to the publication date ("la semaine prochaine", "il y a deux ans"), clock
times, parts of the day, durations, sets and vague references.

The granularity of a relative expression is that of its unit: "l'an dernier" is a year
("2024"), "la semaine prochaine" an ISO week ("2025-W46"), "il y a trois jours" a day.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from chronique.extract.timex.calendar import clock_of, format_at, shift
from chronique.extract.timex.context import ResolveContext, Resolved
from chronique.extract.timex.durations import calendar_delta, duration_value, parse_base_unit, vague_duration_value

__all__ = [
    "resolve_shift",
    "resolve_relative",
    "resolve_offset",
    "resolve_time",
    "resolve_part",
    "resolve_duration",
    "resolve_set",
    "resolve_ref",
]

Fields = dict[str, Any]
#: Granularity of a date reached by moving some amount of a base unit.
_GRANULARITY_OF_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "D", "MIN": "D", "S": "D"}


def _part_of_day(fields: Fields, params: dict[str, Any]) -> str | None:
    """The part of the day a rule matched ("soir") or states ("last night")."""
    part = fields.get("part", params.get("part"))
    return str(part) if part is not None else None


def resolve_shift(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved:
    """A day counted from today ("hier", "après-demain", with a part: "hier soir"), or from the
    day the text last named ("la veille", "le lendemain": the ``anaphoric_shift`` kind)."""
    part = _part_of_day(fields, params)
    timex_type, suffix = ("TIME", f"T{part}") if part else ("DATE", "")
    origin = context.anchor if "anaphoric_shift" in fields else context.dct
    if origin is None:
        return Resolved(timex_type, "XXXX-XX-XX" + suffix)
    shift_days = fields.get("day_shift", fields.get("anaphoric_shift", params.get("day_shift", 0)))
    day = origin + timedelta(days=int(shift_days))
    return Resolved(timex_type, day.isoformat() + suffix)


def resolve_relative(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved:
    """A calendar period counted from the current one: "l'an dernier", "cette semaine"."""
    granularity = str(fields["cal_unit"])
    steps = int(fields.get("direction", params.get("direction", 0)))
    if context.dct is None:
        return Resolved("DATE", "XXXX")
    if granularity == "WE" and steps == 0 and context.tense == -1 and context.dct.isoweekday() < 6:
        steps = -1  # "ce week-end" told in the past on a weekday is the one just gone
    return Resolved("DATE", format_at(shift(context.dct, granularity, steps), granularity))


def resolve_anaphoric_relative(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved:
    """A calendar period counted from the one the text last named: "l'année suivante" after
    "en 2012" is 2013, "le mois précédent" after "en mars 2020" is February 2020 (the
    ``anaphoric_relative`` kind; the anchor is the first day of the period last named)."""
    granularity = str(fields["cal_unit"])
    steps = int(fields.get("anaphoric_direction", params.get("direction", 0)))
    origin = context.anchor or context.dct
    if origin is None:
        return Resolved("DATE", "XXXX")
    return Resolved("DATE", format_at(shift(origin, granularity, steps), granularity))


def resolve_anaphoric_month(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved | None:
    """A month of the year the text last named: "en décembre de la même année" after "en 2018"
    is December 2018 (the ``anaphoric_month`` kind)."""
    month = int(fields["month"])
    if not 1 <= month <= 12:
        return None
    origin = context.anchor or context.dct
    year = f"{origin.year:04d}" if origin else "XXXX"
    return Resolved("DATE", f"{year}-{month:02d}")


def _amount(fields: Fields) -> float:
    """The quantity of units: "sept" (7), "sept ... et demi" (7.5), "un quart de" (0.25)."""
    number = float(fields.get("number") or fields.get("approx_number") or 1)
    if "fraction" in fields:
        number *= float(fields["fraction"])
    return number + float(fields.get("half", 0))


def resolve_offset(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved | None:
    """A date some distance away: "il y a deux ans" -> 2023, "dans trois mois" -> 2026-02."""
    unit = parse_base_unit(str(fields["unit"]))
    granularity = _GRANULARITY_OF_UNIT[unit.code]
    if unit.multiplier >= 10 and unit.code == "Y":
        granularity = "Y"
    if context.dct is None:
        return None
    sign = int(params.get("sign", -1))
    delta = {name: sign * value for name, value in calendar_delta(_amount(fields), unit).items()}
    return Resolved("DATE", format_at(context.dct + relativedelta(**delta), granularity))


def _clock(fields: Fields) -> str | None:
    if "clock" in fields:
        return str(fields["clock"])
    meridiem = fields.get("meridiem")
    return clock_of(int(fields["hour"]), int(fields.get("minute", 0)),
                    None if meridiem is None else int(meridiem))


def _day_of(context: ResolveContext) -> str:
    return context.anchor.isoformat() if context.anchor else "XXXX-XX-XX"


def resolve_time(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved | None:
    """A clock time on the day last mentioned: "mardi vers 21 h 45" -> 1999-05-18T21:45."""
    clock = _clock(fields)
    if clock is None:
        return None
    if "day_shift" in fields and context.dct is not None:
        day = (context.dct + timedelta(days=int(fields["day_shift"]))).isoformat()
        return Resolved("TIME", f"{day}T{clock}")
    return Resolved("TIME", f"{_day_of(context)}T{clock}")


def resolve_part(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved:
    """A part of a day: "ce matin" (today), "dans la nuit" (the day last mentioned)."""
    if params.get("anchor") == "dct":
        day = context.dct.isoformat() if context.dct else "XXXX-XX-XX"
    else:
        day = _day_of(context)
    return Resolved("TIME", f"{day}T{_part_of_day(fields, params)}")


def resolve_duration(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved | None:
    """A length of time: "sept ans et demi" -> P7Y6M, "plusieurs jours" -> PXD."""
    if "value" in params:
        return Resolved("DURATION", str(params["value"]))
    if "duration" in fields:
        return Resolved("DURATION", str(fields["duration"]))
    unit = parse_base_unit(str(fields["unit"]))
    if "vague" in fields or (params.get("vague_without_number") and "number" not in fields):
        return Resolved("DURATION", vague_duration_value(unit))
    amount = _amount(fields)
    if amount <= 0:
        return None
    return Resolved("DURATION", duration_value(amount, unit))


def resolve_set(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved | None:
    """A recurrence: "chaque jeudi" -> XXXX-WXX-4, "tous les ans" -> P1Y, "annuel" -> P1Y."""
    if "value" in params:
        return Resolved("SET", str(params["value"]))
    if "frequency" in fields:
        return Resolved("SET", str(fields["frequency"]))
    if "weekday" in fields:
        return Resolved("SET", f"XXXX-WXX-{int(fields['weekday'])}")
    if "part" in fields:
        return Resolved("SET", f"XXXX-XX-XXT{fields['part']}")
    unit = parse_base_unit(str(fields["unit"]))
    return Resolved("SET", duration_value(_amount(fields), unit))


def resolve_ref(fields: Fields, params: dict[str, Any], context: ResolveContext) -> Resolved:
    """A vague reference to the present, past or future (PRESENT_REF …), or a fixed value."""
    value = str(fields.get("ref", params.get("value", "PRESENT_REF")))
    return Resolved(str(params.get("type", "DATE")), value)

