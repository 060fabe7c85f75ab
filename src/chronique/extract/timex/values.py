"""What a well-formed TIMEX3 value looks like, per type.

The engine checks every value it emits against these patterns and drops what fails, so that a
rule or a strange date can never put a malformed value in the graph.
"""

from __future__ import annotations

import re

__all__ = ["is_valid_value", "VAGUE_REFERENCES"]

VAGUE_REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_NUMBER = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = re.compile(
    rf"^P(?:(?:{_NUMBER}(?:Y|M|W|D|DE|CE))+(?:T(?:{_NUMBER}[HMS])+)?|T(?:{_NUMBER}[HMS])+)$"
)
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_CLOCK = r"(?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?:[+-]\d{1,2})?"
_DATE = re.compile(
    rf"^(?:\d{{4}}|XXXX)"
    rf"(?:-{_MONTH}(?:-{_DAY})?|-W{_WEEK}(?:-(?:[1-7]|WE))?|-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?"
    rf"(?:T(?:MO|AF|EV|NI|DT|{_CLOCK}))?$"
)
_CENTURY_OR_DECADE = re.compile(r"^\d{2,3}$")


def is_valid_value(value: str, timex_type: str) -> bool:
    """Whether ``value`` is a TIMEX3 value that may stand for a timex of ``timex_type``."""
    if value in VAGUE_REFERENCES:
        return timex_type in ("DATE", "TIME")
    if timex_type == "DURATION":
        return bool(_DURATION.match(value))
    if timex_type == "SET":
        return bool(_DURATION.match(value) or _DATE.match(value))
    if timex_type in ("DATE", "TIME"):
        return bool(_DATE.match(value) or _CENTURY_OR_DECADE.match(value))
    return False
