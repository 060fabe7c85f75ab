"""Generalisation, ninth session: prepositional phrases the parser broke.

"X s'est allié avec le néerlandais/amod Y/obj": the tagger read the demonym as an adjective of
the name, hung "avec" on it and made the name the verb's object; the phrase is still the
verb's "avec" complement. "le partenariat entre A et B/nsubj a été renouvelé": "entre" takes two
sides, and a name right after its phrase's "et" is the second (`events/sunk_prepositions.py`).

Hand-built Doc for the reading, real model sentences of our own (``slow``) for the events.
"""

from __future__ import annotations

import datetime

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronique.extract.events.sunk_prepositions import preposition_on_modifier
from tests.conftest import named_events

PUBLISHED = datetime.date(2026, 3, 3)


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_a_preposition_hung_on_the_demonym_opens_the_name() -> None:
    #        0       1     2      3         4       5      6     7              8
    words = ["Terrena", "s'", "est", "alliée", "avec", "le", "néerlandais", "AgroNed", "."]
    heads = [3, 3, 3, 3, 6, 6, 7, 3, 3]
    deps = ["nsubj", "expl:pass", "aux:tense", "ROOT", "case", "det", "amod", "obj", "punct"]
    doc = _doc(words, heads, deps)
    assert preposition_on_modifier(doc, 7, {}) == "avec"


def test_a_plain_object_with_an_adjective_has_no_preposition() -> None:
    words = ["Terrena", "a", "racheté", "le", "néerlandais", "AgroNed", "."]
    heads = [2, 2, 2, 5, 5, 2, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "det", "amod", "obj", "punct"]
    doc = _doc(words, heads, deps)
    assert preposition_on_modifier(doc, 5, {}) is None


def test_a_phrase_with_its_own_preposition_is_left_to_it() -> None:
    words = ["Terrena", "rivalise", "avec", "le", "néerlandais", "AgroNed", "."]
    heads = [1, 1, 5, 5, 5, 1, 1]
    deps = ["nsubj", "ROOT", "case", "det", "amod", "obl:arg", "punct"]
    doc = _doc(words, heads, deps)
    assert preposition_on_modifier(doc, 5, {}) is None


CASES = [
    ("an alliance with a company named after its demonym",
     "La coopérative Terrena s'est alliée avec le néerlandais AgroNed pour construire une usine.",
     {("PARTNER", "Terrena", "AgroNed")}),
    ("the same demonym before a bought company: the object stays the object",
     "La coopérative Terrena a racheté le néerlandais AgroNed.",
     {("ACQUIRE", "Terrena", "AgroNed")}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why


PAIRS = [
    ("the second side of 'entre' hung on the verb",
     "Le partenariat entre Renault et Nissan a été renouvelé.",
     {("PARTNER", "Renault", "Nissan")}),
    ("NOTHING: a phrase of 'entre' with one side and no name after 'et'",
     "Le partenariat entre Renault et ses fournisseurs a été renouvelé.",
     set()),
]


@pytest.mark.slow
@pytest.mark.parametrize(("why", "text", "expected"), PAIRS, ids=[c[0] for c in PAIRS])
def test_pairs(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why
