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

from chronique.store.quote_reads import said_key
from chronique.store.reader import StoreReader
from chronique.store.records import QuoteRow

__all__ = ["ReportedQuote", "group_quotes", "page_of_quotes", "quote_key"]


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


def quote_key(row: QuoteRow) -> tuple[str, str]:
    """What makes two quotes one: the words folded (``store.quote_reads.said_key``), and the speaker."""
    return said_key(row.text), row.speaker_id or ""


def group_quotes(
    reads: StoreReader, rows: Sequence[QuoteRow], limit: int | None = None, offset: int = 0,
) -> list[ReportedQuote]:
    """The rows grouped into quotes, in the order their first source comes in ``rows``; with
    ``limit``/``offset``, one page of the quotes (only those are dated: a read per source)."""
    groups: dict[tuple[str, str], list[QuoteRow]] = {}
    for row in rows:
        groups.setdefault(quote_key(row), []).append(row)
    page = list(groups.values())[offset:] if limit is None else list(groups.values())[offset:offset + limit]
    return _reported(reads, page)


def page_of_quotes(
    reads: StoreReader, by: str | None, about: str | None, limit: int, offset: int = 0,
) -> list[ReportedQuote]:
    """One page of the quotes by ``by`` and/or about ``about`` (entity ids), as
    :func:`group_quotes` would cut it from all of them, reading a bounded part: the quotes are
    walked in reading order only until ``offset + limit`` distinct ones are seen (a quote's place
    is that of its first report; each chunk goes on from where the last stopped), then every report of the page's quotes is read by its key
    (``quotes.said_key``), however far in the store it is."""
    firsts: dict[tuple[str, str], QuoteRow] = {}
    cursor, chunk = None, max(64, 2 * (offset + limit))
    while len(firsts) < offset + limit:
        rows, cursor = reads.quotes_after(by=by, about=about, limit=chunk, after=cursor)
        for row in rows:
            firsts.setdefault(quote_key(row), row)
        if len(rows) < chunk:
            break
        chunk *= 2
    keys = list(firsts)[offset:offset + limit]
    groups: dict[tuple[str, str], list[QuoteRow]] = {key: [] for key in keys}
    for row in reads.quotes_said_as([(speaker or None, words) for words, speaker in keys], about):
        groups.get(quote_key(row), []).append(row)
    # The first report leads, as in ``group_quotes`` (its words are the quote's words).
    return _reported(reads, [[firsts[key], *(row for row in members if row != firsts[key])]
                             for key, members in groups.items()])


def _reported(reads: StoreReader, page: Sequence[Sequence[QuoteRow]]) -> list[ReportedQuote]:
    """Each group of reports as one quote, dated (a read per report)."""
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
