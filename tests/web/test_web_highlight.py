"""The article page's highlighted text: every slice escaped, every fact marked, nothing lost."""

from __future__ import annotations

import html
import re
from datetime import date

from chronique.model import Annotations, Document, Entity, Money, Quote
from chronique.web.highlight import format_amount, highlight_article
from tests.web.test_web_fixtures import HOSTILE_TEXT, bid_article, hostile_article, span


def visible_text(markup: str) -> str:
    """What a reader sees: the markup without tags, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_markup_in_the_article_is_escaped_and_the_text_survives_unchanged():
    body = str(highlight_article(hostile_article()))
    assert "<script>" not in body and "<img" not in body and "<b>" not in body
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;" in body
    assert visible_text(body) == HOSTILE_TEXT


def test_every_tag_in_the_output_is_one_the_highlighter_writes():
    body = str(highlight_article(hostile_article()))
    tags = set(re.findall(r"<(/?[a-z]+)", body))
    assert tags <= {"span", "/span", "a", "/a"}


def test_sentences_are_containers_with_their_span_as_id():
    body = str(highlight_article(bid_article()))
    assert body.count('class="sentence"') == 2
    assert 'id="s-0-86"' in body  # "Elon Musk a proposé … en février 2025."
    assert visible_text(body) == bid_article().document.text


def test_each_kind_of_fact_is_marked_with_its_label():
    body = str(highlight_article(bid_article()))
    # unstored annotations key actors by their document key ("musk"); the store gives global ids
    assert re.search(r'<a class="mark mark-entity ent-person" href="/actors/musk" title="Elon Musk · PERSON">'
                     r'<span class="seg" data-start="0" data-end="9">Elon Musk</span></a>', body)
    assert 'class="mark mark-money" title="97.4 bn USD"' in body
    assert 'class="mark mark-date" title="DATE 2025-02"' in body
    assert 'class="mark mark-quote" title="quote by Sam Altman"' in body
    assert 'class="mark mark-trigger conflict"' in body  # the bid scored -5 in this store


def test_a_link_never_nests_and_the_innermost_actor_wins():
    text = "le patron d'OpenAI parle."
    annotations = Annotations(
        document=Document("d", text, date(2025, 1, 1)),
        entities=[
            Entity("sam", "Sam Altman", "PERSON", None, (), (span(text, "le patron d'OpenAI"),)),
            Entity("oai", "OpenAI", "ORG", None, (), (span(text, "OpenAI"),)),
        ],
        sentences=[(0, len(text))],
    )
    body = str(highlight_article(annotations))
    assert "<a" not in re.sub(r"<a [^>]*>.*?</a>", "", body)  # no <a> inside another
    assert re.search(r'href="/actors/oai"[^>]*><span class="seg" data-start="12" data-end="18">OpenAI<', body)
    assert re.search(r'href="/actors/sam"[^>]*><span class="seg" data-start="0" data-end="12">le patron d&#39;<', body)


def test_a_quote_across_two_sentences_is_marked_in_both():
    text = "Il dit « Un. Deux » puis part."
    quote_span = span(text, "Un. Deux")
    annotations = Annotations(
        document=Document("d", text, date(2025, 1, 1)),
        quotes=[Quote(*quote_span, "Un. Deux")],
        money=[Money(0, 0, "", None, "EUR")],  # an empty span is ignored, not rendered
        sentences=[(0, 12), (13, len(text))],
    )
    body = str(highlight_article(annotations))
    sentences = re.findall(r'<span class="sentence".*?(?=<span class="sentence"|$)', body)
    assert len(sentences) == 2
    assert all("mark-quote" in sentence for sentence in sentences)
    assert visible_text(body) == text


def test_amounts_read_as_a_person_says_them():
    assert format_amount(97.4e9, "USD") == "97.4 bn USD"
    assert format_amount(2_500_000, "EUR") == "2.5 m EUR"
    assert format_amount(12.5, "EUR") == "12.50 EUR"
    assert format_amount(None, "EUR") == ""
