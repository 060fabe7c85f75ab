"""Full-text search over articles and quotes (SQLite FTS5), each hit with its sentence.

What a user types is never handed to FTS5 as a query: it is cut into words the way FTS5's
``unicode61`` tokenizer cuts them (letters and digits; everything else separates), and each word
becomes a quoted FTS5 string, so ``"``, ``*``, ``AND``, ``NEAR(`` or ``-`` are plain text and can
only find nothing, never break the query. Words inside a pair of double quotes form a phrase;
every word or phrase must match. Accents and case do not matter ("economie" finds "économie"):
the index folds them, and :func:`locate` folds the text the same way to find where a document
matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from chronique.analysis.records import SearchHit
from chronique.store.reader import StoreReader
from chronique.store.text_reads import RANKED_WINDOW, ArticleText, QuoteText
from chronique.text import without_accents

__all__ = ["query_parts", "fts_query", "fold", "locate", "locate_all", "search", "RANKED_WINDOW"]

#: A token as FTS5's unicode61 tokenizer sees it: letters, digits (and private-use characters).
_WORD = re.compile(r"[^\W_]+")
SNIPPET_CONTEXT = 80


def query_parts(text: str) -> list[list[str]]:
    """The words and phrases of a user's query, each as its list of words.

    ``bid "non merci"`` → ``[["bid"], ["non", "merci"]]``; an unmatched quote is ignored.
    """
    parts: list[list[str]] = []
    for index, chunk in enumerate(text.split('"')):
        words = _WORD.findall(chunk)
        inside_quotes = index % 2 == 1 and index < text.count('"')
        if inside_quotes and words:
            parts.append(words)
        else:
            parts.extend([word] for word in words)
    return parts


def fts_query(parts: Sequence[Sequence[str]]) -> str:
    """An FTS5 query where every part is a quoted string (a phrase of its words), all required."""
    return " ".join('"' + " ".join(words) + '"' for words in parts)


#: Code point → its folded form, filled as characters are met (a text has few distinct ones).
_FOLDED: dict[int, str] = {}


def fold(text: str) -> tuple[str, list[int] | None]:
    """The text without accents, lower-cased, and for each of its characters the index of the
    original character it comes from (``None`` when every character folds to exactly one, the
    usual case: then indexes are the same in both).

    Folding goes through ``str.translate`` with a table of the characters seen so far, so a long
    article costs one pass in C rather than one Unicode decomposition per character.
    """
    for char in set(text):
        if ord(char) not in _FOLDED:
            _FOLDED[ord(char)] = without_accents(char)
    folded = text.translate(_FOLDED)
    if len(folded) == len(text) and all(len(_FOLDED[ord(char)]) == 1 for char in set(text)):
        return folded, None
    origin = [index for index, char in enumerate(text) for _ in _FOLDED[ord(char)]]
    return folded, origin


def _pattern(words: Sequence[str]) -> re.Pattern[str]:
    body = r"[\W_]+".join(re.escape(without_accents(word)) for word in words)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])")


def locate(text: str, parts: Sequence[Sequence[str]]) -> tuple[int, int] | None:
    """The span (in ``text``) of the earliest match of any part, or ``None``."""
    folded, origin = fold(text)
    found = [match.span() for words in parts if (match := _pattern(words).search(folded))]
    if not found:
        return None
    start, end = min(found)
    return (start, end) if origin is None else (origin[start], origin[end - 1] + 1)


def locate_all(text: str, parts: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """The spans (in ``text``) of every match of every part, in reading order, overlaps merged:
    what a page highlights."""
    folded, origin = fold(text)
    found = sorted(match.span() for words in parts for match in _pattern(words).finditer(folded))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged if origin is None else [(origin[start], origin[end - 1] + 1) for start, end in merged]


def _snippet(text: str, start: int, end: int) -> str:
    """The match with some context on each side, cut at spaces, on one line."""
    low, high = max(0, start - SNIPPET_CONTEXT), min(len(text), end + SNIPPET_CONTEXT)
    if low > 0 and " " in text[low:start]:
        low = text.index(" ", low) + 1
    if high < len(text) and " " in text[end:high]:
        high = text.rindex(" ", end, high)
    body = " ".join(text[low:high].split())
    return ("…" if low > 0 else "") + body + ("…" if high < len(text) else "")


def _sentence(bounds: tuple[int, int] | None, text: str, start: int, end: int) -> str:
    """The stored sentence holding ``start`` (``bounds``, else the span itself), whitespace tidied."""
    low, high = (bounds[0], max(bounds[1], end)) if bounds and start < bounds[1] else (start, end)
    return " ".join(text[low:high].split())


def _article_hits(found: Sequence[tuple[ArticleText, float, tuple[int, int] | None]],
                  bounds: Iterator[tuple[int, int] | None]) -> list[SearchHit]:
    """The best articles (ranked by FTS5 among the most recent :data:`RANKED_WINDOW` matches),
    each with where it matched (``None``: only its title) and the sentence there (``bounds``:
    one for each located article, in order)."""
    hits = []
    for article, rank, span in found:
        text = article.text
        if span is None:  # only the title matched
            snippet, sentence, start, end = " ".join(text[: 2 * SNIPPET_CONTEXT].split()), "", None, None
        else:
            start, end = span
            snippet, sentence = _snippet(text, start, end), _sentence(next(bounds), text, start, end)
        hits.append(SearchHit("article", article.doc_id, article.doc_date, article.title, start, end, snippet,
                              sentence, None, None, rank))
    return hits


def _quote_hits(quotes: Sequence[tuple[QuoteText, float]], bounds: Iterator[tuple[int, int] | None]) -> list[SearchHit]:
    return [
        SearchHit("quote", q.doc_id, q.doc_date, q.title, q.start, q.end, _snippet(q.text, q.start, q.end),
                  _sentence(next(bounds), q.text, q.start, q.end), q.speaker_id, q.speaker_name, rank)
        for q, rank in quotes
    ]


def search(reads: StoreReader, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Articles and quotes matching every word (and phrase) of ``text``, best first (the
    ``limit`` after the first ``offset``); an empty list when ``text`` holds no word at all."""
    parts = query_parts(text)
    if not parts or limit <= 0:
        return []
    wanted = offset + limit
    # Both windows in one read, and the sentences of every hit in one more (on a server, two
    # round trips for the whole search).
    articles, quotes = reads.ranked_texts(fts_query(parts), wanted)
    found = [(article, rank, locate(article.text, parts)) for article, rank in articles]
    bounds = iter(reads.sentences_holding([(article.doc_id, span[0]) for article, _, span in found if span is not None]
                                          + [(q.doc_id, q.start) for q, _ in quotes]))
    hits = _relative(_article_hits(found, bounds)) + _relative(_quote_hits(quotes, bounds))
    hits.sort(key=lambda pair: (-pair[0], pair[1].kind, pair[1].doc_id, pair[1].start or 0))
    return [hit for _, hit in hits[offset:wanted]]
def _relative(hits: list[SearchHit]) -> list[tuple[float, SearchHit]]:
    """Each hit with its rank as a share of the best rank of its kind (1.0 for the best).

    bm25 values of two indexes are not on one scale (they depend on each index's statistics),
    so articles and quotes are merged by how close each comes to the best of its own kind.
    """
    best = min((hit.rank for hit in hits), default=0.0)
    return [(hit.rank / best if best else 1.0, hit) for hit in hits]
