"""Shapes that exist only on the wire: errors, the ingest request and its answer.

Read endpoints answer with chronique's own frozen records (``EntityRow``, ``TimelineEntry``,
``ActorProfile``…), which FastAPI describes in the OpenAPI schema as they are; only what has no
record elsewhere is defined here. Every field a client sends is bounded, so that a request
cannot make the server hold or process more than it means to.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

__all__ = ["ErrorMessage", "IngestRequest", "IngestResult", "IsoDay", "MAX_TEXT_CHARACTERS"]

#: The longest article text the ingest endpoint takes (the body limit applies on top).
MAX_TEXT_CHARACTERS = 1_000_000

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day_text(value: object) -> object:
    """Only a ``YYYY-MM-DD`` string: pydantic alone would read the number 0 as 1970-01-01."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValueError("expected a date as a string written YYYY-MM-DD")
    return value


#: A calendar day sent as ``"YYYY-MM-DD"``; numbers (Unix times) and date-times are refused (422).
IsoDay = Annotated[dt.date, BeforeValidator(_iso_day_text)]


class ErrorMessage(BaseModel):
    """Why a request failed, as a sentence: ``{"detail": "no actor named 'Foo'"}``."""

    detail: str


class IngestRequest(BaseModel):
    """One article, in the JSON-record format of ``chronique ingest`` (see docs/formats.md)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARACTERS, description="The article text.")
    date: IsoDay = Field(description="Publication date (YYYY-MM-DD): anchors relative dates.")
    id: str | None = Field(
        None, min_length=1, max_length=200, pattern=r"^[\w.:-]+$",
        description="Document id (else derived from the text): letters, digits, '_', '.', ':', '-' (it goes in URLs).",
    )
    lang: str | None = Field(None, min_length=2, max_length=8, description="Language code (else detected).")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)


class IngestResult(BaseModel):
    """What became of the article: stored under ``doc_id``, a duplicate of ``existing_id``, or
    rejected for ``reason``."""

    status: Literal["stored", "duplicate", "rejected"]
    doc_id: str | None = None
    existing_id: str | None = None
    reason: str | None = None
