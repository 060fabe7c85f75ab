"""Unknown names typed by their part in a deal: what is bought or sold, and who buys it.

The NER calls many company names it has never seen a person or a place ("Varenko a cédé
Varnel/PERSON à Kolbe/LOC"), and an event frame that wants an organisation then finds none. The
clause says better: what a company buys, absorbs or sells is a company ("Varenko a racheté
Varnel"), and so is whom a company is sold to ("cédé Varnel à Kolbe"). Only names nothing surer
typed are retyped: not a known actor, not a name a cue typed, not a known place, not a person's
full name or surname.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from chronique.extract.actors.names import NamedSpan, span_text, span_words
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["DealTyper"]

LABELS = dependency_scheme("ud")
#: The types the NER gives unknown company names.
RETYPABLE = frozenset({"OTHER", "LOC", "PERSON"})


class DealTyper:
    """Retypes unknown names that a deal verb makes a company."""

    def __init__(self, words: dict[str, Any], verb_lemmas: Callable[[Token], set[str]]) -> None:
        self.bought_verbs = frozenset(words.get("deal_object_verbs", []))
        self.sale_verbs = frozenset(words.get("sale_verbs", []))
        self.buyer_links = frozenset(words.get("buyer_links", []))
        self.stake_nouns = frozenset(fold(w) for w in words.get("stake_nouns", []))
        self.stake_containers = frozenset(fold(w) for w in words.get("stake_containers", []))
        self.verb_lemmas = verb_lemmas

    def apply(self, names: list[NamedSpan], is_place: Callable[[str], bool], people_words: frozenset[str],
              first_names: frozenset[str]) -> None:
        companies = {n.span.root.i for n in names if n.type == "ORG"}
        candidates = [n for n in names if self._retypable(n, is_place, people_words, first_names)]
        for name in candidates:  # what is bought or sold first: a buyer needs a company sold
            if self._bought(name.span.root):
                name.type, name.typed_by_cue, name.rule = "ORG", True, "deal"
                companies.add(name.span.root.i)
        for name in candidates:
            if name.type != "ORG" and self._buyer(name.span.root, companies):
                name.type, name.typed_by_cue, name.rule = "ORG", True, "deal"

    @staticmethod
    def _retypable(name: NamedSpan, is_place: Callable[[str], bool], people_words: frozenset[str],
                   first_names: frozenset[str]) -> bool:
        span = name.span
        if name.kb_id is not None or name.key is not None or name.typed_by_cue or name.type not in RETYPABLE:
            return False
        tokens = token_table(span.doc)
        if name.type == "LOC" and (name.source != "model" or name.rule == "place" or is_place(span_text(span, tokens))):
            return False
        words = span_words(span, tokens)
        if name.type == "PERSON" and (len(words) > 1 and words[0] in first_names or span_text(span, tokens) in people_words):
            return False
        return words[0][:1].isupper()

    def bought(self, name: NamedSpan) -> bool:
        """Whether the name is what a verb of buying or selling takes, alone or in a list
        ("Meta a racheté Instagram et WhatsApp")."""
        root = name.span.root
        return any(self._bought(t) for t in (root, *(c for c in root.conjuncts if c.i < root.i)))

    def _stake_of(self, tokens: TokenTable, root: int) -> int | None:
        """"30 % de Varnel", "la majorité du capital de Varnel": the position of the stake noun
        whose company the word at ``root`` names, or None (read from the token table)."""
        deps, heads, folded = tokens.deps, tokens.heads, tokens.folded
        head = heads[root]
        if deps[root] != LABELS.nominal_modifier or head == root:
            return None
        if folded[head] in self.stake_containers and deps[head] == LABELS.nominal_modifier and heads[head] != head:
            head = heads[head]  # "30 % du capital de Varnel"
        return head if folded[head] in self.stake_nouns or tokens.folded_lemmas[head] in self.stake_nouns else None

    def _bought(self, root: Token) -> bool:
        """"a racheté Varnel", "cède Varnel à …": the object of a verb of buying or selling, also
        when the parser made it a bare oblique after the verb ("qui a racheté Varnel/obl:mod en 2016"),
        or the company a stake bought is in ("a acquis 30 % de Varnel"). Read from the token
        table; a ``Token`` is built for an oblique's children and for a verb's lemmas only."""
        doc = root.doc
        tokens = token_table(doc)
        deps = tokens.deps
        i = root.i
        stake = self._stake_of(tokens, i)
        if stake is not None:  # "a acquis 30 % de Varnel": a stake in it is bought
            i = stake
        verb = tokens.heads[i]
        bare_oblique = (deps[i].startswith(LABELS.oblique_prefix) and i > verb
                        and not any(c.dep_ == LABELS.case_marker for c in doc[i].children))
        return (deps[i] == LABELS.object or bare_oblique) and tokens.pos[verb] == "VERB" \
            and bool(self.verb_lemmas(doc[verb]) & self.bought_verbs)

    def _buyer(self, root: Token, companies: set[int]) -> bool:
        """"cédé Varnel à Kolbe": whom a company is sold to."""
        verb = root.head
        if not root.dep_.startswith(LABELS.oblique_prefix) or verb.pos_ != "VERB":
            return False
        if not any(c.dep_ == LABELS.case_marker and fold(c.text) in self.buyer_links for c in root.children):
            return False
        # "cédé sa filiale Varnel à Kolbe": the object or the name it carries is a company
        sold = [c for c in verb.children if c.dep_ == LABELS.object]
        return bool(self.verb_lemmas(verb) & self.sale_verbs) and any(
            c.i in companies or any(g.i in companies for g in c.children) for c in sold)
