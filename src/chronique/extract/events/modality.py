"""Modality: whether the text says an event happened, was reported, offered, failed, is only
hypothetical or did not happen.

Only the first four are exported as facts (``model.EXPORTED_MODALITIES``), so this is where an
analyst is protected from "Musk n'a pas racheté OpenAI" turning into an acquisition.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import features_of, parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["ModalityReader", "clause_path"]

#: Links along which a governing verb still scopes over the event ("ne veut pas racheter").
LABELS = dependency_scheme("ud")
SCOPE_LINKS = LABELS.scope_links


def clause_path(start: Token, limit: int = 4) -> list[Token]:
    """``start`` and the verbs above it whose complement it is (infinitive and clause chains)."""
    path = [start]
    current = start
    for _ in range(limit):
        if current.dep_ not in SCOPE_LINKS or current.head == current:
            break
        current = current.head
        path.append(current)
    return path


class ModalityReader:
    """Reads modality cues from the lexicon's ``[modality]`` section."""

    def __init__(self, words: EventLexicon) -> None:
        self.cues = {name: words.words("modality", name) for name in words.modality}

    def _has(self, name: str, word: str) -> bool:
        return fold(word) in self.cues.get(name, frozenset())

    def modality(self, path: list[Token], frame_nouns: list[Token]) -> str:
        """The modality of an event whose trigger clause chain is ``path`` (trigger first)."""
        if self._negated(path[:2]):
            return "negated"
        if self._hypothetical(path):
            return "hypothetical"
        if self._failed(path):
            return "failed"
        if any(self._has("proposed_verbs", t.lemma_) or (t.pos_ == "NOUN" and self._has("proposed_nouns", t.lemma_))
               for t in path[1:]) or any(
            self._has("proposed_nouns", n.lemma_) or self._has("proposed_nouns", n.text) for n in frame_nouns
        ) or self._purpose_of_offer(path) or self._under_review(path[0]):
            return "proposed"
        if self._reported(path):
            return "reported"
        return "asserted"

    def _under_review(self, noun: Token) -> bool:
        """"une enquête sur le rachat de X par Y": a noun a review noun governs is pending."""
        return noun.pos_ == "NOUN" and noun.dep_ == LABELS.nominal_modifier and noun.head != noun and (
            self._has("pending_review_nouns", noun.head.lemma_) or self._has("pending_review_nouns", noun.head.text))

    def _purpose_of_offer(self, path: list[Token]) -> bool:
        """"déposer une offre pour racheter SFR": the purpose of an offer (or of money "sur la
        table") is only offered.
        (The purpose of a payment is done: "débourser 69 milliards pour s'offrir Activision".)"""
        for node in path[:-1]:
            if node.dep_ != LABELS.adverbial_clause or not any(
                c.dep_ == LABELS.marker and self._has("purpose_marks", c.text) for c in node.children
            ):
                continue
            clause = node.head
            near = [g for c in clause.children if c is not node for g in (c, *c.children)]
            if any(self._has("proposed_nouns", t.lemma_) for t in near):
                return True
            # "mettre 1,7 milliard sur la table pour s'offrir X": money put on the table is offered.
            before = fold(clause.doc[clause.left_edge.i : node.left_edge.i].text)
            if any(phrase in before for phrase in self.cues.get("offer_phrases", ())):
                return True
        return False

    def _negated(self, nodes: list[Token]) -> bool:
        for node in nodes:
            for child in node.children:
                if child.dep_ == LABELS.marker and child.i < node.i and self._has("negating_marks", child.text):
                    return True  # "sans (pour autant) exiger une scission": not demanded
                if child.dep_ not in LABELS.negation_links:
                    continue  # the tagger gives "Tu" Polarity=Neg; only adverbs negate
                if self._has("negation_words", child.text):
                    return True
                if "Neg" in features_of(child).get("Polarity", ()) and not self._has("weak_negation_words", child.text):
                    return True
        return False

    def _hypothetical(self, path: list[Token]) -> bool:
        for node in path:
            for child in node.children:
                if child.dep_ == LABELS.marker and self._has("hypothetical_marks", child.text):
                    return True
            if self._has("counterfactual_verbs", node.lemma_) and self._conditional(node):
                return True
        return any(self._has("unrealised_verbs", node.lemma_) for node in path[1:])

    def _failed(self, path: list[Token]) -> bool:
        if any(self._has("failed_verbs", t.lemma_) for t in path[1:]):
            return True
        top = path[-1]
        tokens = token_table(top.doc)  # the clause's text, without a Span built
        clause = fold(text_of(top.doc)[tokens.starts[top.left_edge.i] : tokens.ends[top.right_edge.i]])
        return any(phrase in clause for phrase in self.cues.get("failed_phrases", ()))

    def _reported(self, path: list[Token]) -> bool:
        if any(self._conditional(node) for node in path):
            return True
        start, end = parse_table(path[-1].doc).sentence_bounds(path[-1].i)
        # the folded forms of the token table (``fold(t.text)``), not a Token per word of the sentence
        cues = self.cues.get("reported_cues", frozenset())
        return any(word in cues for word in token_table(path[-1].doc).folded[start:end])

    @staticmethod
    def _conditional(verb: Token) -> bool:
        if "Cnd" in features_of(verb).get("Mood", ()):
            return True
        return any(c.dep_.startswith(LABELS.auxiliary_prefix) and "Cnd" in features_of(c).get("Mood", ()) for c in verb.children)
