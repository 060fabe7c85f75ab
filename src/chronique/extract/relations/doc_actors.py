"""The actors of a document as relations read them: types, mentions by position, possessors.

A read-only view over what the actor recognizer found (``doc._.entities`` and the one actor
index), with the lookups the relation rules need: the actor at a token, the actors of a phrase
(coordination followed), what a possessive "son"/"sa" stands for, and which actors the text
itself presents as products ("la série Friends"), whatever type the recognizer gave them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from chronique.extract.actors.coref_focus import quoted_ranges
from chronique.nlp.actor_index import OUTERMOST, actor_index, is_name_part
from chronique.nlp.extensions import ActorMention, text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import first_token_from, token_table
from chronique.text import fold

__all__ = ["DocActors"]

LABELS = dependency_scheme("ud")


def _names_head(child: Token) -> bool:
    """A child that may name its head: a name part, an apposition, a noun modifier, or a
    capitalised word right after it that the parser took for an adjective."""
    return is_name_part(child) or (child.dep_ == LABELS.adjectival_modifier and child.i == child.head.i + 1
                                   and child.text[:1].isupper())


def _names_noun_past_adjectives(child: Token) -> bool:
    """A capitalised word hung on the noun before it, only adjectives between, whatever link the
    parser chose: "L'éditeur français Ubisoft/amod a repoussé …", "L'éditeur suédois Paradox/dep
    …" name the subject "éditeur"."""
    head = child.head
    if child.dep_ != LABELS.adjectival_modifier and child.dep_ not in LABELS.named_after_links \
            or not child.text[:1].isupper() or head.pos_ != "NOUN" \
            or not head.i < child.i <= head.i + 3:
        return False
    return all(t.pos_ == "ADJ" and t.is_lower for t in child.doc[head.i + 1 : child.i])


def _names_head_past_adjectives(child: Token) -> bool:
    """:func:`_names_head`, or a capitalised word after the noun's adjectives ("le groupe
    aéronautique Aérodis", "la holding familiale Ferrand Participations")."""
    return _names_head(child) or _names_noun_past_adjectives(child)


#: The recognizer's rules that name a public institution (as ``extract/actors/component.py`` marks them).
_INSTITUTION_RULES = frozenset({"institution", "metonym"})


class DocActors:
    """Read-only view of the actors the recognizer found, with the lookups relations need."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.types = {e.key: e.type for e in doc._.entities or []}
        self.names = {e.key: e.name for e in doc._.entities or []}
        self._org_names: list[tuple[str, str]] | None = None
        self.index = actor_index(doc)
        self.mentions: list[ActorMention] = self.index.mentions
        self.named = {m.key for m in self.mentions if m.kind == "name"}
        self.by_start = {m.start: m for m in self.mentions if m.kind != "pronoun"}
        self.by_end = {m.end: m for m in self.mentions if m.kind != "pronoun"}
        self.classified_products: set[str] = set()
        #: ``ComplementRules._complement_end`` of each noun phrase (by identity, with the phrase).
        self.complement_ends: dict[int, tuple[object, int]] = {}

    def name_maker(self, key: str) -> str | None:
        """The organisation of the article whose name opens the product's name ("Apple" for
        "Apple Music", "Fiat" for "Fiat Topolino"), or None."""
        if self._org_names is None:
            self._org_names = [(name, e.key) for e in self.doc._.entities or [] if e.type == "ORG"
                               for name in (e.name, *e.aliases) if name[:1].isupper()]
        product = self.names.get(key, "")
        makers = {org for name, org in self._org_names if org != key and product.startswith(name + " ")}
        return makers.pop() if len(makers) == 1 else None

    def type_of(self, key: str | None) -> str | None:
        return self.types.get(key) if key else None

    def is_institution(self, key: str) -> bool:
        """Whether the recognizer named the actor as a public institution ("le ministère de
        l'Économie", "le tribunal de commerce de Lyon") or by its seat: a body that gives no
        company title."""
        return any(m.key == key and m.rule in _INSTITUTION_RULES for m in self.mentions)

    def is_product(self, key: str) -> bool:
        """Typed a product, or introduced somewhere by a product noun ("le service HBO Max")."""
        return self.type_of(key) == "PRODUCT" or key in self.classified_products

    def at_token(self, token: Token) -> ActorMention | None:
        """The outermost mention over ``token``: evidence spans cover a whole description."""
        return self.index.mention_at(token, OUTERMOST)

    def keys_of(self, token: Token, types: Iterable[str]) -> list[str]:
        """Actors of the phrase headed by ``token`` (coordination followed) of the given types."""
        wanted = set(types)
        return [k for k in self.phrases(token) if self.type_of(k) in wanted]

    def phrases(self, head: Token) -> list[str]:
        """Actors of the phrase headed by ``head`` and its conjuncts, innermost ("d'OpenAI"); a
        name the parser hung on its noun as an adjective names the noun too ("le laboratoire
        Varnel/amod": an unknown name is often tagged an adjective), also past adjectives of
        the noun ("par le groupe aéronautique Aérodis/amod")."""
        return self.index.phrase_actors(head, names_head=_names_head_past_adjectives, conjuncts=head.conjuncts)

    def possessor(self, before: int, window_start: int, exclude: set[str],
                  types: Iterable[str] = ("PERSON", "ORG")) -> str | None:
        """What "son"/"sa" stands for: a subject of the same sentence (nearest first), else the
        first subject of the sentence before (the topic: "Stellantis a présenté…, après que
        Renault a dévoilé…. « … », a affirmé son directeur général" is Stellantis's), else the
        last person or organisation mentioned. Not an actor inside quoted words that ``before``
        is out of: "« La compagnie gaspille … », a dénoncé son président" is the speaker's
        organisation the article follows, not the one the quote is about."""
        quoted = [(s, e) for s, e in quoted_ranges(self.doc, text_of(self.doc)) if not s <= before < e]
        candidates = [
            m for m in sorted(self.mentions, key=lambda m: m.start, reverse=True)
            if m.end <= before and m.start >= window_start and m.key not in exclude
            and self.type_of(m.key) in set(types) and not any(s <= m.start < e for s, e in quoted)
        ]
        here = window_start
        token = self.doc.char_span(before, before + 1, alignment_mode="expand")
        if token is not None and self.doc.has_annotation("SENT_START"):
            here = token.sent.start_char
        current = [m for m in candidates if m.start >= here and self._is_subject(m)]
        parsed = self.doc.has_annotation("DEP")
        if not current and token is not None and parsed and (self._unknown_subject(token.sent, before) or any(
                m.key in exclude and here <= m.start and m.end <= before and self._is_subject(m) for m in self.mentions)):
            return None  # "Le géant chinois a réagi … ses marques": its own, whoever it is
        earlier = [m for m in reversed(candidates) if m.start < here and self._is_subject(m)]
        chosen = current or earlier or candidates
        return chosen[0].key if chosen else None

    def _unknown_subject(self, sentence, before: int) -> bool:
        """Whether the sentence has, before ``before``, a noun subject that is no known actor."""
        for token in sentence:
            if token.idx >= before:
                break
            if token.dep_ in LABELS.subjects and token.pos_ in ("NOUN", "PROPN"):
                named = [c for c in token.children if _names_noun_past_adjectives(c)]
                if self.index.mention_at(token, OUTERMOST) is None and not any(
                        self.index.mention_at(c, OUTERMOST) is not None for c in named):
                    return True
        return False

    def _is_subject(self, mention: ActorMention) -> bool:
        """Whether the mention is (or restates) a subject: "Le constructeur Stellantis a…"."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        if token.dep_ in LABELS.restating_links and not any(c.dep_ == LABELS.case_marker for c in token.children) \
                or _names_noun_past_adjectives(token):
            token = token.head
        return token.dep_ in LABELS.subjects

    def _name_closing(self, description: ActorMention, skip: Callable[[Token], bool]) -> ActorMention | None:
        """The name that closes a description's noun phrase ("la série télévisée X"), if any."""
        doc = self.doc
        j = first_token_from(doc, description.end)
        while j < len(doc) and doc[j].idx not in self.by_start and skip(doc[j]) and doc[j].is_lower:
            j += 1
        found = self.by_start.get(doc[j].idx) if j < len(doc) else None
        return found if found is not None and found.kind == "name" else None

    def enumeration_after(self, end: int, types: Iterable[str], links: list[tuple[str, ...]],
                          coordinators: set[str], filler: Callable[[Token], bool] | None = None,
                          of_words: frozenset[str] = frozenset()) -> tuple[list[ActorMention], bool]:
        """The actors enumerated after the mention ending at character ``end`` ("de A, B et C"),
        and whether it surely is an enumeration: closed by a coordinator, or of two more items
        at least ("le patron de KLM, Pieter Elbers" names the patron, it does not enumerate)."""
        doc, wanted = self.doc, set(types)
        i = first_token_from(doc, end)
        folded = token_table(doc).folded
        items: list[ActorMention] = []
        coordinated = False
        while i < len(doc):
            matched: list[tuple[str, ...]] = []
            for _ in range(2):  # ", et C": a comma then a coordinator
                for link in links:
                    # (the first word compared first: most tokens open no link, and no tuple is built)
                    if link and (i >= len(folded) or folded[i] != link[0]):
                        continue
                    if tuple(folded[i : i + len(link)]) == link:
                        i += len(link)
                        matched.append(link)
                        break
            if not matched or (coordinated and matched == [(",",)]):
                break  # "de A, B et C, Y": the list ended at C; Y is an apposition, not an item
            coordinated |= any(w in coordinators for link in matched for w in link)
            skip = filler or (lambda token: token.pos_ == "DET")
            while i < len(doc) and (skip(doc[i]) or fold(doc[i].text) in of_words) and doc[i].idx not in self.by_start:
                i += 1  # "de A et de la B", "A et le navigateur C"; "La Tribune" is a name
            mention = self.by_start.get(doc[i].idx) if i < len(doc) else None
            if mention is not None and mention.kind == "description":
                mention = self._name_closing(mention, skip) or mention  # "la série (télévisée) X": X
            if mention is None or self.type_of(mention.key) not in wanted:
                break
            items.append(mention)
            i = max(i, first_token_from(doc, mention.end))
        return items, coordinated or len(items) >= 2
