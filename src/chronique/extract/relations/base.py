"""What every relation rule shares: the language's words, read once, and small helpers.

The rules are split by the end of a relation they find (``holders``: the actor a relational
noun names; ``complements``: its organisation, owner or maker; ``verbs``; ``patterns``: names,
parentheses and the knowledge base); each is a mixin over :class:`RelationRules`, and
:class:`~chronique.extract.relations.component.RelationExtractor` combines them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Token

from chronique.data import lexicon
from chronique.extract.relations.government import GovernmentStates
from chronique.extract.relations.nouns import NounLexicon
from chronique.kb import KnowledgeBase, load_knowledge_base
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import features_of, parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["RelationRules", "role_nouns_of"]

LABELS = dependency_scheme("ud")


def role_nouns_of(lang: str) -> dict[str, list[str]]:
    """The [role_nouns] of the language's actors lexicon, under those of its relations lexicon."""
    try:
        nouns = dict(lexicon(lang, "actors").get("role_nouns", {}))
    except FileNotFoundError:
        nouns = {}
    nouns.update(lexicon(lang, "relations").get("role_nouns", {}))
    return nouns


class RelationRules:
    """The words of ``resources/lexicons/<lang>/relations.toml`` as lookup sets, and helpers."""

    def __init__(
        self,
        lang: str = "fr",
        kb: KnowledgeBase | None = None,
        role_nouns: dict[str, list[str]] | None = None,
    ) -> None:
        self.words: dict[str, Any] = lexicon(lang, "relations")
        self.kb = kb or load_knowledge_base()
        self.nouns = NounLexicon(self.words, role_nouns if role_nouns is not None else role_nouns_of(lang))
        w = self.words
        self.possessives = {fold(x) for x in w["possessives"]}
        self.former = {fold(x) for x in lexicon(lang, "references")["former_words"]}
        self.member_possessor_nouns = frozenset(fold(x) for x in w.get("member_possessor_nouns", ()))
        self.bare_title_articles = frozenset(fold(x) for x in w.get("bare_title_articles", ()))
        self.bare_title_titles = frozenset(w.get("bare_title_titles", ()))
        self.membership = {fold(x) for x in w["membership_words"]}
        self.of_words = {fold(x) for x in w["of_words"]}
        self.genitives = {fold(x) for x in w["genitive_markers"]}
        self.prefix = {fold(x) for x in w["prefix_words"]} | self.possessives | self.former
        self.prefix |= self.membership | self.genitives
        self.closers = {fold(x) for x in w["apposition_closers"]}
        #: "ans": the unit of an age told between a name and its apposition ("X, 52 ans, PDG de Y").
        self.age_units = frozenset(fold(x) for x in w.get("age_units", ()))
        #: "délégué CGT": nouns whose organisation may follow bare, and what may close that name.
        self.bare_complement_nouns = frozenset(fold(x) for x in w.get("bare_complement_nouns", ()))
        self.bare_complement_closers = frozenset(fold(x) for x in w.get("bare_complement_closers", ()))
        #: "dont": a relative whose noun belongs to its antecedent ("Kalio, dont le PDG, X, …").
        self.relative_possessors = frozenset(fold(x) for x in w.get("relative_possessors", ()))
        #: "jusqu'ici", "précédemment": an apposition's noun held until the news (a past role).
        self.ended_words = self._word_tuples(w.get("ended_words", ()))
        self.coordinators = {fold(x) for x in w.get("coordinators", ())}
        self.enumeration_links = self._word_tuples(w.get("enumeration_links", [","]))
        self.role_prepositions = self._word_tuples(w.get("role_prepositions", []))
        #: The role prepositions by their first word, longest first: the only ones a token may open.
        self.prepositions_by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in self.role_prepositions:
            if words:
                self.prepositions_by_first.setdefault(words[0], []).append(words)
        self.fronting = {fold(x) for x in w.get("fronting_participles", ())} | self.prefix
        self.apposition_openers = set(w.get("apposition_openers", [",", "("]))
        self.classifier_words = {fold(x) for x in w.get("classifier_prepositions", ())}
        self.openers = self._word_tuples([*w.get("naming_openers", []), *w.get("example_openers", [])])
        #: One-word example openers ("comme", "dont"), which may stand inside a list's item.
        self.example_words = frozenset(fold(x) for x in w.get("example_openers", []) if " " not in x)
        self.role_verbs = {k: tuple(v) for k, v in w["role_verbs"].items()}
        self.maker_verbs = set(w["maker_verbs"]["lemmas"])
        self.fronting_hosts = {fold(x) for x in w.get("fronting_hosts", ())}
        role_events = w.get("role_events", {})
        self.role_event_types = frozenset(role_events.get("types", ()))
        self.role_event_modalities = frozenset(role_events.get("modalities", ()))
        self.role_event_title: str = role_events.get("default_title", "employee")
        belonging = w.get("belonging_verbs", {})
        self.belonging_verbs = set(belonging.get("lemmas", ()))
        self.belonging_prepositions = {fold(x) for x in belonging.get("prepositions", ())}
        self.membership_copulas = set(w.get("membership_copulas", ()))
        #: "aller", "devoir": verbs whose subject is their infinitive copula's ("X va rester PDG").
        self.raising_verbs = set(w.get("copula_raising_verbs", ()))
        #: "aller", "devoir": the raising verbs that also tell a post to come ("X va devenir PDG").
        self.raising_future_verbs = set(w.get("copula_raising_future_verbs", ()))
        #: "rester", "demeurer": copulas of a post already held.
        self.staying_copulas = set(w.get("copula_staying_lemmas", ()))
        #: "mois", "an": a time a copula holds for, which the parser may take for its object.
        self.duration_nouns = set(w.get("copula_duration_nouns", ()))
        self.government = GovernmentStates(w)
        self.affiliation_nouns = {fold(x) for x in w.get("affiliation_nouns", ())}
        self.stake_words = {fold(x) for x in w.get("stake_words", ())}
        self.negation_words = {fold(x) for x in w.get("negation_words", ())}
        self.apposition_articles = {fold(x) for x in w.get("apposition_articles", ())}
        self.change_words = {fold(x) for x in w.get("ownership_change_words", ())}
        self.maker_change_words = self.change_words - {fold(x) for x in w.get("goods_trade_words", ())}

    @staticmethod
    def _word_tuples(phrases: Iterable[str]) -> list[tuple[str, ...]]:
        """Phrases as tuples of folded tokens ("au sein de" → ("au", "sein", "de")), longest first."""
        split = [tuple(fold(p).replace("'", "' ").split()) for p in phrases]
        return sorted(split, key=len, reverse=True)

    @staticmethod
    def _plural(noun: Token) -> bool:
        """Whether the noun is plural (``token.morph``'s Number, read from the parse table: no
        ``MorphAnalysis`` built per asking)."""
        return "Plur" in features_of(noun).get("Number", ())

    @staticmethod
    def _plural_at(doc: Doc, i: int) -> bool:
        """:meth:`_plural` of token ``i``, without building the ``Token``."""
        return "Plur" in parse_table(doc).features[i].get("Number", ())

    def _has_of_case(self, token: Token) -> bool:
        """Whether a child of ``token`` is a case marker of ``of_words`` ("de"), read from the parse
        and token tables (the events component, which runs before, has built the children)."""
        parse, folded = parse_table(token.doc), token_table(token.doc).folded
        deps = parse.deps
        return any(deps[c] == LABELS.case_marker and folded[c] in self.of_words for c in parse.children[token.i])

    def _lemma(self, token: Token) -> str:
        lemma = token.lemma_ or token.lower_
        return self.words["lemma_fixes"].get(lemma, lemma)

    def _title(self, person: str, org: str, titles: tuple[str, ...]) -> str:
        """The noun's title the knowledge base confirms for this person and org, else its first."""
        known = self.kb.get(person)
        confirmed = {r.title for r in known.roles if r.org == org} if known else set()
        return next((t for t in titles if t in confirmed), titles[0])

    def _preposition_at(self, doc: Doc, i: int) -> int:
        """Width of the preposition introducing a complement at token ``i`` (0 when none)."""
        folded = token_table(doc).folded
        if i >= len(folded):
            return 0
        if folded[i] in self.of_words:
            return 1
        for words in self.prepositions_by_first.get(folded[i], ()):
            if tuple(folded[i : i + len(words)]) == words:
                return len(words)
        return 0

    @staticmethod
    def _complement_filler(token: Token) -> bool:
        """What may stand between "de" and the complement's name: "de (la société) Y", "du
        milliardaire (conservateur) X"; a preposition ends it ("le fonds d'investissement Y")."""
        return token.pos_ in ("DET", "ADJ", "NOUN") and not token.is_punct
