"""Known actors in a text: the knowledge base's names, its common-word names, its homonyms.

Three kinds of knowledge-base forms are told apart here:

* **surface forms** (names and aliases) name the actor wherever they appear ("OpenAI");
* **context aliases** are also common words ("X", "Orange", "Meta", "Claude"): they name the
  actor only where the text says so, see :meth:`KnownNameFinder._context_accepts`;
* **homonyms** are forms that several actors share ("Amodei", "Bolloré"): the document's other
  mentions choose between them, and when they do not, the mention is left unlinked (an unknown
  entity) rather than guessed, because a wrong link is worse than none.

The matchers are built once, when the pipeline loads; a document costs one pass of each.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from chronique.extract.actors.names import CueIndex, NamedSpan, is_capitalised, line_before
from chronique.kb import KnowledgeBase, KnownActor
from chronique.nlp.labels import dependency_scheme
from chronique.text import unify_apostrophes

__all__ = ["KnownNameFinder"]

LABELS = dependency_scheme("ud")

#: NER labels that agree with an actor type (for context aliases the model confirms).
AGREEING_LABELS = {"ORG": {"ORG"}, "PRODUCT": {"ORG", "MISC"}, "PERSON": {"PER"}}
#: A model number after a product name ("Grok 4", "Galaxy S24", "GPT 4o"), not a year.
MODEL_NUMBER = re.compile(r"^(?:\d{1,3}|[A-Z]?\d{1,3}[a-zA-Z]{0,2})$")
#: A year after a maker's name is no model ("Renault 2024").
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")

Spans = dict[tuple[int, int], list[str]]


def _variants(forms: tuple[str, ...]) -> list[str]:
    """Each form as written and with typographic apostrophes made straight."""
    return sorted({unify_apostrophes(f) for f in forms} | set(forms))


class KnownNameFinder:
    """Finds the knowledge base's actors in a document, context aliases and homonyms resolved."""

    def __init__(self, nlp: Language, kb: KnowledgeBase, words: dict[str, Any]) -> None:
        self.kb = kb
        self.plain = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.contextual = PhraseMatcher(nlp.vocab, attr="ORTH")
        for actor in kb.actors.values():
            if actor.surface_forms:
                self.plain.add(actor.id, [nlp.make_doc(f) for f in _variants(actor.surface_forms)])
            if actor.context_aliases:
                self.contextual.add(actor.id, [nlp.make_doc(f) for f in _variants(actor.context_aliases)])
        context_words = [(w, "context") for w in words["context_before"]]
        self.cues_by_type = {
            etype: CueIndex([(c, etype) for c in cues] + context_words, words["cue_contractions"])
            for etype, cues in words["cue_nouns"].items()
        }
        self.version_words = frozenset(words["product_version_words"])
        self.quantity_words = frozenset(words["quantity_words"])
        self.determiners = tuple(words["determiners_before_name"])
        #: "Mme Ferrand" is the known Lucie Ferrand still: a courtesy title is no first name.
        self.civil_titles = frozenset(words["civil_titles"])

    def find(self, doc: Doc, text: str) -> list[NamedSpan]:
        """Every known name in ``doc``: unambiguous ones, accepted context aliases, homonyms."""
        spans = self._matches(self.plain, doc)
        anchored = {ids[0] for ids in spans.values() if len(ids) == 1}
        company_edges = {edge for (start, end), ids in spans.items()
                         if len(ids) == 1 and self.kb.actors[ids[0]].type == "ORG" for edge in (start, end - 1)}
        for (start, end), ids in self._matches(self.contextual, doc).items():
            for actor_id in ids:
                actor = self.kb.actors[actor_id]
                if self._context_accepts(doc, text, start, end, actor, anchored) or (
                        actor.type == "ORG" and end - start == 1 and len(doc[start].text) > 1
                        and _listed_with(doc, start, end, company_edges)):
                    spans.setdefault((start, end), [])
                    if actor_id not in spans[(start, end)]:
                        spans[(start, end)].append(actor_id)
        foreign = self._surnames_of_others(doc, spans)
        found = []
        for (start, end), ids in sorted(spans.items()):
            if doc[start:end].text in foreign:
                continue  # "Matías Tavares … Tavares quitte": not the known Carlos Tavares
            named = self._named_span(doc, start, end, ids, anchored)
            if named is not None:
                found.append(named)
        return found

    def _surnames_of_others(self, doc: Doc, spans: Spans) -> set[str]:
        """The one-word forms of known people ("Tavares" of Carlos Tavares) that the document
        also writes as the end of another person's full name ("le défenseur Matías Tavares"):
        there the bare surname is that person's, told again, not the known one's, who shares
        only the surname. The full name is the model's person entity running over a first word
        that no form of the known person holds."""
        foreign: set[str] = set()
        judged: set[str] = set()
        for (start, end), ids in spans.items():
            if end - start != 1 or len(ids) != 1 or self.kb.actors[ids[0]].type != "PERSON":
                continue
            word = doc[start].text
            if word in judged:
                continue
            judged.add(word)
            own_forms = set(_variants(self.kb.actors[ids[0]].surface_forms))
            for token in doc:
                if token.text != word or token.i == 0 or token.ent_iob_ != "I" or token.ent_type_ != "PER":
                    continue
                before = doc[token.i - 1]
                if before.ent_type_ == "PER" and before.is_title and before.is_alpha \
                        and before.text not in self.civil_titles and f"{before.text} {word}" not in own_forms:
                    foreign.add(word)
                    break
        return foreign

    def _matches(self, matcher: PhraseMatcher, doc: Doc) -> Spans:
        spans: Spans = defaultdict(list)
        for match_id, start, end in matcher(doc):
            actor_id = doc.vocab.strings[match_id]
            if actor_id not in spans[(start, end)]:
                spans[(start, end)].append(actor_id)
        return spans

    def _named_span(self, doc: Doc, start: int, end: int, ids: list[str], anchored: set[str]) -> NamedSpan | None:
        chosen = ids[0] if len(ids) == 1 else self._disambiguate(ids, anchored)
        if chosen is None:
            types = {self.kb.actors[i].type for i in ids}
            if len(types) != 1:
                return None  # a person or a company: let the model and the patterns decide
            entity_type = types.pop()
            return NamedSpan(Span(doc, start, end, label=entity_type), entity_type, None, False, "kb")
        actor = self.kb.actors[chosen]
        if actor.type == "PRODUCT":
            end = self._version_end(doc, end)
        elif actor.type == "ORG" and self._after_article(doc, start):
            model_end = self._model_end(doc, end)
            if model_end > end:  # "la Peugeot e-208", "la nouvelle Renault 4": the maker's model
                span = Span(doc, start, self._version_end(doc, model_end), label="PRODUCT")
                return NamedSpan(span, "PRODUCT", None, True, "pattern", rule="brand-product")
        return NamedSpan(Span(doc, start, end, label=actor.type), actor.type, actor.id, False, "kb")

    @staticmethod
    def _after_article(doc: Doc, start: int) -> bool:
        """An article right before ``start``, or an article and one lower-case adjective ("la
        nouvelle", "la petite"; the tagger often reads "la nouvelle" as the noun)."""
        if start > 0 and doc[start - 1].pos_ == "DET":
            return True
        return start > 1 and doc[start - 1].pos_ in ("ADJ", "NOUN") and doc[start - 1].is_lower \
            and doc[start - 2].pos_ == "DET"

    def _model_end(self, doc: Doc, end: int) -> int:
        """The end of a model designation right after a maker's name: one word, or pieces
        written without a space ("e-208", "ë-C3", "A350-1000", "ID.3"), holding a digit; not a
        year nor a quantity ("Renault 2 %", "Airbus 10 avions"). ``end`` when there is none."""
        i = end
        while i < len(doc) and (i == end or not doc[i - 1].whitespace_) and not doc[i].is_space:
            i += 1
        while i > end and doc[i - 1].is_punct:
            i -= 1  # "la Citroën ë-C3," : the comma is the sentence's
        pieces = doc[end:i].text if i > end else ""
        if not any(c.isdigit() for c in pieces) or pieces[:1] in ("-", ".", ",") or YEAR.match(pieces):
            return end
        following = doc[i] if i < len(doc) else None
        if following is not None and pieces.isdigit() and (
                following.lower_ in self.quantity_words or following.pos_ in ("NOUN", "NUM") and following.is_lower):
            return end
        return i

    def _disambiguate(self, ids: list[str], anchored: set[str]) -> str | None:
        """The homonym the document names unambiguously elsewhere, or the only one related to the
        actors it names; ``None`` when the document does not tell."""
        for candidates in (
            [i for i in ids if i in anchored],
            [i for i in ids if self.kb.related(i) & anchored],
        ):
            if len(candidates) == 1:
                return candidates[0]
            if len(candidates) > 1:
                return None
        return None

    def _version_end(self, doc: Doc, end: int) -> int:
        """Extend a product name over its model number or edition ("iPhone 16 Pro", "Grok 4")."""
        limit = min(len(doc), end + 3)
        while end < limit:
            token = doc[end]
            if token.text in self.version_words:
                end += 1
            elif MODEL_NUMBER.match(token.text) and not (
                end + 1 < len(doc) and doc[end + 1].lower_ in self.quantity_words
            ):
                end += 1
            else:
                break
        return end

    # -- context aliases -----------------------------------------------------------------
    # (and :func:`_listed_with`: "Google et Zoom", a company listed with a known company)
    def _context_accepts(
        self, doc: Doc, text: str, start: int, end: int, actor: KnownActor, anchored: set[str]
    ) -> bool:
        """Whether a common-word alias names ``actor`` here.

        It does after a cue ("le réseau social X", "l'opérateur historique Orange"), as the
        subject of a verb for a company ("Orange a signé"), where the model tags the same words
        as a name of the right kind (inside a sentence), or where the document names a related actor (Anthropic for
        "Claude"; not for one-letter aliases: "le facteur X" in an article on Musk is no company).
        It never does when a capitalised word follows ("Claude François").
        """
        following = doc[end] if end < len(doc) else None
        if following is not None and is_capitalised(following) and not following.is_sent_start:
            return False
        single_letter = len(doc[start:end].text) == 1
        if self._cue_before(doc, text, start, actor.type):
            return True
        if actor.type == "ORG" and self._subject_of_verb(doc[start:end]):
            return True
        if not doc[start].is_sent_start and self._model_agrees(doc, start, end, actor.type, single_letter):
            return True  # at a sentence start the model takes any capitalised word for a name
        return not single_letter and bool(({actor.id} | self.kb.related(actor.id)) & anchored)

    def _cue_before(self, doc: Doc, text: str, start: int, entity_type: str) -> bool:
        """A cue word before the alias, past up to two adjectives and a determiner."""
        first = start
        while first > 0 and start - first < 2 and doc[first - 1].pos_ == "ADJ" and doc[first - 1].is_lower:
            first -= 1
        before = line_before(text, doc[first].idx)
        cues = self.cues_by_type.get(entity_type)
        if cues is None:
            return False
        if cues.type_at_end(before):
            return True
        for determiner in self.determiners:
            if before.endswith(determiner) and cues.type_at_end(before[: -len(determiner)].rstrip()):
                return True
        return False

    @staticmethod
    def _subject_of_verb(span: Span) -> bool:
        """The subject of a verb, by the parse or, where the parser stumbles on a one-letter
        name ("X a suspendu le compte"), by position: opening a clause, right before a verb."""
        root = span.root
        if root.dep_ in LABELS.subjects and root.head.pos_ == "VERB":
            return True
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].pos_ not in ("AUX", "VERB"):
            return False
        return span.start == 0 or span[0].is_sent_start or doc[span.start - 1].is_punct

    @staticmethod
    def _model_agrees(doc: Doc, start: int, end: int, entity_type: str, strict: bool) -> bool:
        labels = {"ORG"} if strict else AGREEING_LABELS.get(entity_type, set())
        return any(ent.start == start and ent.end == end and ent.label_ in labels for ent in doc.ents)


#: Words that join the names of a list ("Google et Zoom", "Zoom, Slack ou Teams").
LIST_JOINS = frozenset({",", "et", "ou"})


def _listed_with(doc: Doc, start: int, end: int, company_edges: set[int]) -> bool:
    """Whether the name at ``start:end`` is listed right next to a company the knowledge base
    names without doubt ("Google et Zoom avaient porté plainte", "Zoom, Google et Slack")."""
    before = start >= 2 and doc[start - 1].lower_ in LIST_JOINS and (start - 2) in company_edges
    after = end + 1 < len(doc) and doc[end].lower_ in LIST_JOINS and (end + 1) in company_edges
    return before or after
