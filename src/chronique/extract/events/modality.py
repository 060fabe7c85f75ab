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
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["ModalityReader", "clause_path"]

#: Where :meth:`ModalityReader._says_failure` keeps its answers in a document's token table memo.
_FAILED_CLAUSES = "events: clause says a failure"

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
        self.words = words

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
        if not nodes:
            return False
        # Read by index on the parse and token tables: no Token per child.
        table = parse_table(nodes[0].doc)
        children, deps, features = table.children, table.deps, table.features
        folded = token_table(nodes[0].doc).folded  # fold(t.text), as _has folds
        marks, negations = self._cue("negating_marks"), self._cue("negation_words")
        weak = self._cue("weak_negation_words")
        for node in nodes:
            for child in children[node.i]:
                if deps[child] == LABELS.marker and child < node.i and folded[child] in marks:
                    return True  # "sans (pour autant) exiger une scission": not demanded
                if deps[child] not in LABELS.negation_links:
                    continue  # the tagger gives "Tu" Polarity=Neg; only adverbs negate
                if folded[child] in negations:
                    return True
                if "Neg" in features[child].get("Polarity", ()) and folded[child] not in weak:
                    return True
        return False

    def _hypothetical(self, path: list[Token]) -> bool:
        table = parse_table(path[0].doc)
        children, deps = table.children, table.deps
        tokens = token_table(path[0].doc)
        folded, folded_lemmas = tokens.folded, tokens.folded_lemmas  # fold(t.text), fold(t.lemma_)
        marks, counterfactual = self._cue("hypothetical_marks"), self._cue("counterfactual_verbs")
        for node in path:
            if any(deps[c] == LABELS.marker and folded[c] in marks for c in children[node.i]):
                return True
            if folded_lemmas[node.i] in counterfactual and self._conditional(node):
                return True
        unrealised = self._cue("unrealised_verbs")
        # "X menace/NOUN de poursuivre Y": a verb the tagger read as a noun, by its verb lemmas.
        return any(folded_lemmas[node.i] in unrealised or (tokens.pos[node.i] in ("NOUN", "ADJ") and unrealised.intersection(
            self.words.word_candidates(folded[node.i], folded_lemmas[node.i]))) for node in path[1:])

    def _cue(self, name: str) -> frozenset[str]:
        """The cue words of ``name`` (folded), empty when the lexicon has none: what :meth:`_has` reads."""
        return self.cues.get(name, frozenset())

    def _failed(self, path: list[Token]) -> bool:
        if any(self._has("failed_verbs", t.lemma_) for t in path[1:]):
            return True
        return self._says_failure(path[-1])

    def _says_failure(self, top: Token) -> bool:
        """Whether the clause ``top`` heads holds a phrase of failure ("n'a pas abouti"): worked
        out once per clause and ``Doc`` (the triggers of a sentence share their top clause)."""
        tokens = token_table(top.doc)
        known = tokens.memo.setdefault((_FAILED_CLAUSES, id(self)), {})
        found = known.get(top.i)
        if found is None:
            # the clause's text, without a Span built
            clause = fold(text_of(top.doc)[tokens.starts[top.left_edge.i] : tokens.ends[top.right_edge.i]])
            found = known[top.i] = any(phrase in clause for phrase in self.cues.get("failed_phrases", ()))
        return found

    def _reported(self, path: list[Token]) -> bool:
        if any(self._conditional(node) for node in path):
            return True
        start, end = parse_table(path[-1].doc).sentence_bounds(path[-1].i)
        # the folded forms of the token table (``fold(t.text)``), not a Token per word of the sentence
        cues = self.cues.get("reported_cues", frozenset())
        return any(word in cues for word in token_table(path[-1].doc).folded[start:end])

    @staticmethod
    def _conditional(verb: Token) -> bool:
        table = parse_table(verb.doc)
        features, deps = table.features, table.deps
        if "Cnd" in features[verb.i].get("Mood", ()):
            return True
        return any(deps[c].startswith(LABELS.auxiliary_prefix) and "Cnd" in features[c].get("Mood", ())
                   for c in table.children[verb.i])
