"""Within one article: which actor is in focus at a reference (shared by descriptions and pronouns).

A reference looks back a few sentences (:data:`LOOKBACK_SENTENCES`) for its actor; among the
accepted candidates, a subject of its clause is more in focus than an actor merely named, and
names inside quotes are somebody's words, not the article's discourse.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from chronique.data import lexicon
from chronique.extract.quotes.marks import find_quoted_spans
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table

__all__ = ["LOOKBACK_SENTENCES", "NOWHERE", "is_subject", "overlaps", "quoted_ranges", "recent",
           "subject_in_focus", "window_start"]

LABELS = dependency_scheme("ud")
SUBJECT_DEPS = LABELS.subjects
#: How many sentences back a pronoun or a description may look for its actor.
LOOKBACK_SENTENCES = 3

#: A mention placeholder for filters asked about an actor rather than one of its mentions.
NOWHERE = ActorMention(-1, -1, "", "description")

def quoted_ranges(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The character ranges of the document's quoted words (the quote lexicon's marks), found
    once per ``Doc`` (descriptions and pronouns both ask)."""
    memo = token_table(doc).memo.setdefault(_QUOTED_RANGES, {})
    found = memo.get(0)
    if found is None or found[0] is not text:
        try:
            marks = tuple(tuple(pair) for pair in lexicon(doc.lang_, "quotes")["marks"])
        except FileNotFoundError:
            return []
        found = memo[0] = (text, [(span.start, span.end) for span in find_quoted_spans(text, marks)])
    return list(found[1])


#: The token table's memo slot of :func:`quoted_ranges`.
_QUOTED_RANGES = "coref quoted ranges"

def overlaps(mentions: list[ActorMention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def window_start(doc: Doc, char: int) -> int:
    """Character offset where the lookback window of a reference at ``char`` begins."""
    starts = token_table(doc).sentence_start_chars
    before = bisect_right(starts, char)  # the sentences that start at or before ``char``
    return starts[max(0, before - 1 - LOOKBACK_SENTENCES)] if before else 0


def subject_in_focus(doc, text, mentions, entities, char, accept) -> str | None:
    """Who the incise's "la société" after a quote is: the last subject of its paragraph, else
    the last actor named in the paragraph, else the last subject of the window, else the last
    actor named ("Orange a racheté MasOrange à KKR. « … », a déclaré la société" is Orange)."""
    paragraph = text.rfind("\n", 0, char) + 1
    in_paragraph = [m for m in mentions if paragraph <= m.start and m.end <= char and m.key in entities]
    in_paragraph = sorted((m for m in in_paragraph if accept(m.key, m)), key=lambda m: m.start)
    subjects = [m for m in in_paragraph if is_subject(doc, m)]
    if subjects:
        return subjects[-1].key
    if in_paragraph:
        return in_paragraph[-1].key
    return recent(doc, mentions, entities, char, accept, prefer_subject=True)


def recent(doc, mentions, entities, char, accept, prefer_subject: bool = False) -> str | None:
    """The key of the last accepted mention before ``char`` in the lookback window."""
    window = window_start(doc, char)
    candidates = [m for m in mentions if window <= m.start and m.end <= char and m.key in entities]
    candidates = [m for m in candidates if accept(m.key, m)]
    if not candidates:
        return None
    if prefer_subject:
        # the start of the sentence of the token at ``char`` (``char_span(…, "expand").sent``)
        tokens = token_table(doc)
        current = tokens.expanded_bounds(char, char + 1)
        starts = tokens.sentence_starts
        sentence_start = tokens.starts[starts[bisect_right(starts, current[0]) - 1]] if current is not None else 0
        ordered = sorted(candidates, key=lambda m: m.start)
        for scope in (lambda m: m.start >= sentence_start, lambda m: True):
            subjects = [m for m in ordered if scope(m) and is_subject(doc, m)]
            if subjects:
                return subjects[-1].key
    return max(candidates, key=lambda m: m.start).key


def is_subject(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention is the subject of its clause.

    The parser often hangs "Ce dernier" or an inverted "-il" oddly, so a pronoun mention that
    stands right before its verb also counts.
    """
    span: Span | None = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if span.root.dep_ in SUBJECT_DEPS or (span.root.dep_ == LABELS.unspecified and span.root.pos_ == "PRON"):
        return True
    following = doc[span.end] if span.end < len(doc) else None
    return mention.kind == "pronoun" and following is not None and following.pos_ in ("VERB", "AUX")
