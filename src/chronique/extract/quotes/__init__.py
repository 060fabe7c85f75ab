"""Direct quotes and their speakers, in three steps that each stay small.

:mod:`~chronique.extract.quotes.marks` pairs quotation marks on the bare text,
:mod:`~chronique.extract.quotes.rules` holds one language's compiled lexicon, and
:mod:`~chronique.extract.quotes.speakers` reads the cue around each quote to name its speaker.
The spaCy component that ties them together is :mod:`chronique.extract.quotes.component`.
"""

from chronique.extract.quotes.marks import QuotedSpan, find_quoted_spans
from chronique.extract.quotes.rules import QuoteRules, load_quote_rules
from chronique.extract.quotes.speakers import Attribution, attribute

__all__ = ["QuotedSpan", "find_quoted_spans", "QuoteRules", "load_quote_rules", "Attribution", "attribute"]
