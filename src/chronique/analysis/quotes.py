"""Quotes as a reader counts them: the same words by the same speaker are one quote, whatever
the number of articles that report them, dated when they were said where the text says so.

Thirty articles that reprint « non merci » by Sam Altman make one quote with thirty sources.
Grouping happens at query time, on the text folded (case, apostrophes, spacing and the
punctuation around the words ignored) and the speaker: the store keeps every quote of every article, so that each source
still opens its own sentence. A quote's date is the date its sentence gives (``store.quote_reads``:
"Le 30 octobre 2025, Sam Altman publie : « … »"), else the date of the earliest article that
reports it, marked ``reported`` so that nobody takes it for the day the words were spoken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chronique.store.reader import StoreReader
from chronique.store.records import QuoteRow
from chronique.text import fold_key

__all__ = ["ReportedQuote", "group_quotes", "quote_key"]


@dataclass(frozen=True)
class ReportedQuote:
    """One quote (words and speaker) with every article reporting it, oldest first.

    ``date`` is when the words were said when an article's sentence says so (``date_basis`` =
    ``"said"``, ``date_words`` the words that say it), else the first reporting article's date
    (``date_basis`` = ``"reported"``); ``None`` when no article is dated.
    """

    text: str
    speaker_id: str | None
    speaker_name: str | None
    about: str | None
    date: str | None
    date_basis: str  # "said" or "reported"
    date_words: str | None
    sources: tuple[QuoteRow, ...]


_EDGES = " .,;:!?…\"'«»“”"


def quote_key(row: QuoteRow) -> tuple[str, str]:
    """What makes two quotes one: the words folded, and the speaker."""
    return " ".join(fold_key(row.text).split()).strip(_EDGES), row.speaker_id or ""


def group_quotes(
    reads: StoreReader, rows: Sequence[QuoteRow], limit: int | None = None, offset: int = 0,
) -> list[ReportedQuote]:
    """The rows grouped into quotes, in the order their first source comes in ``rows``; with
    ``limit``/``offset``, one page of the quotes (only those are dated: a read per source)."""
    groups: dict[tuple[str, str], list[QuoteRow]] = {}
    for row in rows:
        groups.setdefault(quote_key(row), []).append(row)
    page = list(groups.values())[offset:] if limit is None else list(groups.values())[offset:offset + limit]
    said = reads.said_dates((row.doc_id, row.start, row.end) for members in page for row in members)
    quotes = []
    for members in page:
        sources = tuple(sorted(members, key=lambda r: (r.doc_date or date.max, r.doc_id, r.start)))
        spoken = sorted(said[(r.doc_id, r.start)] for r in sources if (r.doc_id, r.start) in said)
        first = sources[0]
        when: str | None
        if spoken:
            when, basis, words = spoken[0][0], "said", spoken[0][1]
        else:
            when, basis, words = (first.doc_date.isoformat() if first.doc_date else None), "reported", None
        about = next((r.about for r in sources if r.about), None)
        quotes.append(ReportedQuote(members[0].text, first.speaker_id, first.speaker_name, about, when, basis,
                                    words, sources))
    return quotes
