"""What the components declare they read and write, and what events read from quotes.

The slow test runs spaCy's own check on the real French pipeline: every attribute a component
``requires`` is assigned by a component before it.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from chronique.extract.events.discourse import Discourse
from chronique.extract.events.lexicon import load_event_lexicon
from chronique.extract.events.syntax import ParseReader
from chronique.model import Quote
from chronique.nlp.extensions import register_extensions

register_extensions()


def _discourse(doc: Doc) -> Discourse:
    words = load_event_lexicon("fr")
    return Discourse(doc, words, ParseReader(words))


def test_events_read_the_quotes_the_quotes_component_wrote():
    nlp = spacy.blank("fr")
    doc = nlp("Musk a écrit : « Tu mens » hier.")
    start = doc.text.index("Tu")
    doc._.quotes = [Quote(start, start + len("Tu mens"), "Tu mens", speaker="elon-musk")]
    quote = _discourse(doc).quote_at(start + 3)
    assert quote is not None and (quote.start, quote.speaker) == (start, "elon-musk")
    assert _discourse(doc).quote_at(doc.text.index("hier")) is None


def test_events_do_not_pair_quotation_marks_themselves():
    nlp = spacy.blank("fr")
    doc = nlp("Il a parlé de « Grok » hier.")  # a name in quotes: the quotes component dropped it
    doc._.quotes = []
    assert _discourse(doc).quote_at(doc.text.index("Grok")) is None


@pytest.mark.slow
def test_the_french_pipeline_declares_what_each_component_reads_and_writes():
    from chronique.pipeline import load_pipeline

    analysis = load_pipeline("fr").analyze_pipes(pretty=False)
    assert {name: found for name, found in analysis["problems"].items() if found} == {}
    summary = analysis["summary"]
    assert "doc._.actor_index" in summary["chronique_actors"]["assigns"]
    assert {"doc._.actor_index", "doc._.quotes", "doc._.timexes", "doc._.money"} <= set(
        summary["chronique_events"]["requires"])
    assert "doc._.events" in summary["chronique_relations"]["requires"]
