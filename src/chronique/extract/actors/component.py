"""Actor recognition: named people, organisations and products, typed right and grouped.

The statistical NER is a good start but types tech actors badly (OpenAI is MISC, xAI a person,
Grok a place) and misses names it has never seen. This component lays three finders over each
other: the knowledge base (:mod:`kb_matching`: known names, common-word names in context,
homonyms), the NER (trimmed and extended to whole names), and patterns for unknown names
(:mod:`actor_patterns`: cue nouns, suffixes, first names, business verbs). Overlaps are settled
(longest wins, then the knowledge base, then the patterns), surnames join the full name used
elsewhere in the article, and descriptions and pronouns are resolved by :mod:`coref`. The result
is ``doc._.actor_mentions`` (every stretch of text that denotes an actor) and ``doc._.entities``
(one :class:`~chronique.model.Entity` per actor).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Container
from dataclasses import replace
from typing import cast

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from chronique.data import lexicon
from chronique.extract.actors.business_subjects import BusinessSubjects
from chronique.extract.actors.context_types import ContextTyper
from chronique.extract.actors.coref import resolve_references
from chronique.extract.actors.eponyms import EponymTyper
from chronique.extract.actors.expansions import AcronymExpansions
from chronique.extract.actors.institutions import InstitutionFinder
from chronique.extract.actors.kb_matching import KnownNameFinder
from chronique.extract.actors.name_forms import (
    civil_title_start,
    cut_before_known_companies,
    owner_by_civil_title,
    surname_owners,
)
from chronique.extract.actors.names import CueIndex, NamedSpan, glued_hyphen, seen_last_words, span_text, span_words
from chronique.extract.actors.naming_types import NamingTyper
from chronique.extract.actors.particle_names import joined_at_particles
from chronique.extract.actors.patterns import UnknownNamePatterns
from chronique.extract.actors.quote_persons import QuotePersons  # registers chronique_quote_persons
from chronique.extract.actors.sectors import SectorAcronyms
from chronique.extract.actors.work_titles import WorkTitleFinder
from chronique.kb import KnowledgeBase, load_knowledge_base
from chronique.model import Entity
from chronique.nlp.actor_index import ActorIndex
from chronique.nlp.extensions import ActorMention, register_extensions, text_of
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["ActorRecognizer", "NamedSpan", "QuotePersons", "make_actor_recognizer", "local_key"]

register_extensions()

#: Parts of speech a lower-case word may have at the end of a name ("Banque centrale européenne").
NAME_TAIL_POS = frozenset({"ADJ", "NOUN", "PROPN"})
#: How much a finder's type counts when the same unknown name is typed differently in one text.
CUE_VOTES, PATTERN_VOTES, MODEL_VOTES = 3, 2, 1
SOURCE_RANK = {"kb": 0, "pattern": 1, "model": 2}
#: Two or more closing marks glued to a name's last word ("Yahoo!." ending a sentence): never the name's.
GLUED_STOPS = re.compile(r"[!?.…]{2,}$")
def local_key(entity_type: str, name: str) -> str:
    """The key of an actor unknown to the knowledge base: its type and name."""
    return f"{entity_type.lower()}:{name}"


class _Anchors:
    """Names found more surely than the model's, by start: those inside a span are found by
    bisection, not by a test of every name for every model span."""

    def __init__(self, anchors: list[NamedSpan]) -> None:
        self.names = sorted(anchors, key=lambda a: a.span.start)
        self.starts = [a.span.start for a in self.names]

    def inside(self, start: int, end: int) -> list[NamedSpan]:
        """The names that lie within tokens ``start`` to ``end``."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [a for a in self.names[first:last] if a.span.end <= end]


def _swallows_names(span: Span, anchors: _Anchors) -> bool:
    """Whether a model span is a segmentation error around names found more surely.

    It is when it covers two of them ("Tesla Elon Musk" in "le patron de Tesla Elon Musk"),
    pads one with lower-case words, or puts words before a person's name ("Économie Bruno Le
    Maire" in "le ministre de l'Économie Bruno Le Maire").
    """
    inside = anchors.inside(span.start, span.end)
    if len(inside) >= 2:
        return True
    if len(inside) == 1:
        anchor = inside[0]
        tokens = token_table(span.doc)  # read from the table: no Token built
        extra = [i for i in range(span.start, span.end) if not anchor.span.start <= i < anchor.span.end]
        if any(not tokens.texts[i][:1].isupper() for i in extra):
            return True
        title_before = any(tokens.pos[i] != "PROPN" for i in extra)  # "Économie", not "Jose" (Maria Aznar)
        return anchor.type == "PERSON" and title_before and anchor.span.end == span.end
    return False


def _verb_lemmas(nlp: Language) -> Container[str]:
    """The verbs the model's lemmatizer knows (its ``lemma_index`` table), or none."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    verbs = lookups.get_table("lemma_index").get("verb")
    return verbs if verbs is not None else frozenset()


def _glued_hyphen_name_follows(doc: Doc, end: int) -> bool:
    """Whether the name ending before ``end`` goes on through a hyphen written without spaces
    into another capitalised word ("Poupart-Lafarge", "Renault-Nissan"): one compound name.
    (A token is glued to the next when it ends where the next starts: no ``whitespace_``.)"""
    tokens = token_table(doc)
    if not glued_hyphen(tokens, end):
        return False
    after = tokens.texts[end + 1]
    return after.isalpha() and after[:1].isupper()


def _glued_hyphen_name_precedes(doc: Doc, start: int, taken: set[int]) -> bool:
    """Whether a capitalised word and a glued hyphen come right before ``start`` ("Paul-" before
    "Henri Lestrade"), the word not ending another name (that case is a join, handled forwards)."""
    if start < 2 or start in taken:
        return False
    tokens = token_table(doc)
    before = tokens.texts[start - 2]
    return glued_hyphen(tokens, start - 1) and before.isalpha() and before[:1].isupper() and (start - 1) not in taken


def _through_hyphens(names: list[NamedSpan]) -> list[NamedSpan]:
    """Names carried on through glued hyphens: the tokenizer splits "Poupart-Lafarge" in three and
    finders stop at the hyphen. A name found right after the hyphen is joined to the one before
    ("Jacques" + "Henri Eyraud" is "Jacques-Henri Eyraud", typed as the second); otherwise a name
    unknown to the knowledge base takes the capitalised word after it ("Henri Poupart-Lafarge")."""
    if not names:
        return names
    doc = names[0].span.doc
    by_start = {n.span.start: n for n in names}
    name_ends = {n.span.end for n in names}
    joined: set[int] = set()
    result: list[NamedSpan] = []
    for name in sorted(names, key=lambda n: n.span.start):
        if id(name) in joined:
            continue
        current, end = name, name.span.end
        start = current.span.start
        while current.kb_id is None and _glued_hyphen_name_precedes(doc, start, taken=name_ends):
            start -= 2  # "Paul-" before a model name "Henri Lestrade"
        if start != current.span.start:
            current = replace(current, span=Span(doc, start, end, label=current.span.label_))
        while _glued_hyphen_name_follows(doc, end):
            follower = by_start.get(end + 1)
            if follower is not None and follower.kb_id is None and current.kb_id is None:
                joined.add(id(follower))
                current = replace(follower, span=Span(doc, current.span.start, follower.span.end,
                                                      label=follower.span.label_))
                end = follower.span.end
            elif follower is None and current.kb_id is None:
                end += 2
                current = replace(current, span=Span(doc, current.span.start, end, label=current.span.label_))
            else:
                break
        result.append(current)
    return result


def _split_at_commas(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A model name that runs over a comma is a list of names ("Voici, Femme Actuelle"): the
    bounds of each."""
    texts = token_table(doc).texts
    parts = []
    for i in range(start, end):
        if texts[i] == ",":
            if i > start:
                parts.append((start, i))
            start = i + 1
    if start < end:
        parts.append((start, end))
    return parts


def _rule_of(name: NamedSpan) -> str:
    """How a name was found, for ``show --explain``."""
    if name.kb_id:
        return "kb"
    if name.typed_by_cue:
        return "cue-noun"
    return "ner" if name.source == "model" else "pattern"


@Language.factory(
    "chronique_actors",
    default_config={"lang": "fr", "kb_file": None},
    assigns=["doc._.actor_mentions", "doc._.actor_index", "doc._.entities", "doc.ents"],
    # doc._.dct (the publication date, for the knowledge base's office holders) is an input
    # the caller sets, not an attribute an earlier component assigns, so it is not listed.
    requires=["doc.ents", "doc.sents", "token.dep", "token.pos", "token.lemma", "token.morph"],
)
def make_actor_recognizer(nlp: Language, name: str, lang: str, kb_file: str | None) -> ActorRecognizer:
    kb = load_knowledge_base(kb_file)
    _split_final_stops(nlp, kb)
    return ActorRecognizer(nlp, lang, kb)


def _split_final_stops(nlp: Language, kb: KnowledgeBase) -> None:
    """Teach the tokenizer that "SpaceX." and "X." at the end of a sentence are a known name
    and a full stop: spaCy keeps a word ending in a capital and a dot whole (an initial, to it),
    and the knowledge base matches whole tokens only. Done once, when the pipeline loads."""
    forms = {f for actor in kb.actors.values() for f in (actor.name, *actor.aliases, *actor.context_aliases)}
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for form in sorted(f for f in forms if " " not in f and f[-1:].isupper()):
        if len(tokenizer(form + ".")) == 1:
            tokenizer.add_special_case(form + ".", [{ORTH: form}, {ORTH: "."}])


class ActorRecognizer:
    """Finds actor names with the knowledge base, the model's NER and patterns, then resolves
    references. Everything costly (matchers, word lists) is built once, here."""

    def __init__(self, nlp: Language, lang: str, kb: KnowledgeBase) -> None:
        self.lang = lang
        self.kb = kb
        self.verbs = _verb_lemmas(nlp)
        self.words = lexicon(lang, "actors")
        self.infinitive_endings = tuple(self.words["infinitive_endings"])
        self.ner_types: dict[str, str] = dict(self.words["ner_types"])
        self.known = KnownNameFinder(nlp, kb, self.words)
        self.patterns = UnknownNamePatterns(self.words)
        places = lexicon(lang, "places")
        self.context_typer = ContextTyper(self.words, places, self.patterns.first_names, kb, lexicon(lang, "kinds"),
                                          lexicon(lang, "persons"))
        self.institutions = InstitutionFinder(self.words, places, kb)
        self.work_titles = WorkTitleFinder(self.words)
        self.expansions = AcronymExpansions(self.words)
        self.eponyms = EponymTyper(self.words)
        self.business_subjects = BusinessSubjects(self.words)
        self.particles = self.patterns.particles
        self.cues = CueIndex(((cue, etype) for etype, cues in self.words["cue_nouns"].items() for cue in cues),
                             self.words["cue_contractions"])
        self.naming = NamingTyper(self.words, self.cues)
        self.org_suffixes = frozenset(self.words["org_suffixes"])
        self.civil_titles: dict[str, str] = dict(self.words.get("civil_titles", {}))
        self.amount_words = frozenset(fold(w) for w in self.words.get("name_tail_amount_words", ()))
        self.person_capable_cues = frozenset(fold(w) for w in self.words.get("person_capable_cues", ()))
        self.time_words_after_names = frozenset(self.words.get("time_words_after_names", []))
        self.sectors = SectorAcronyms(self.words, self.cues)
        names = self.words["first_names"]
        self.first_name_gender = {n: "m" for n in names["m"]} | {n: "f" for n in names["f"]}
        for ambiguous in set(names["m"]) & set(names["f"]):
            self.first_name_gender.pop(ambiguous)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)  # spaCy rebuilds Doc.text from the tokens at every access: read it once
        names = self._find_names(doc, text)
        mentions, entities = self._group(doc, names)
        mentions = resolve_references(doc, text, mentions, entities, self.kb, self.words)
        doc._.actor_mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        doc._.actor_index = ActorIndex(doc, doc._.actor_mentions)
        doc._.entities = self._entities(text, entities, doc._.actor_mentions)
        doc.ents = filter_spans([n.span for n in names if n.span.label_])
        return doc

    # -- finding names -------------------------------------------------------------------
    def _find_names(self, doc: Doc, text: str) -> list[NamedSpan]:
        """Known names, model names and pattern names, overlaps settled, then propagated."""
        known = self.known.find(doc, text)
        patterned = (self.patterns.find(doc, text) + self.institutions.find(doc, text) + self.work_titles.find(doc)
                     + self.expansions.find(doc))
        patterned = [self.sectors.strip(doc, n) for n in patterned]  # "le champion de l'IA Mistral"
        patterned = cut_before_known_companies(patterned, known, self.particles)  # "Tim Cook d'Apple"
        anchors = _Anchors(known + [p for p in patterned if p.type == "PERSON"])
        model = [n for n in self._model_names(doc, text) if not _swallows_names(n.span, anchors)]
        names = [self._without_amount(doc, n) for n in self._keep_longest(known + patterned + model)]
        # the patterns below may retype what only the model found, never a known or cued name
        sure = {i for n in names if n.source != "model" for i in range(n.span.start, n.span.end)}
        tokens = token_table(doc)
        person_words = {w for n in names if n.type == "PERSON" and len(n.span) > 1 for w in span_words(n.span, tokens)}
        names = self._keep_longest(names + self.business_subjects.find(doc, sure, person_words))
        sure = {i for n in names if n.source != "model" for i in range(n.span.start, n.span.end)}
        names = self._keep_longest(names + self.patterns.propagate(doc, names, sure))
        names = self.context_typer.apply(doc, text, _through_hyphens(names))
        self.eponyms.apply(doc, names)
        self.naming.apply(text, names)
        self.institutions.capitalised_local_authorities(names)
        self.institutions.join_by_domain(names)
        # "la ministre de l'Europe et des Affaires étrangères": a portfolio, whichever finder named it
        return [n for n in names if n.type == "PERSON" or not self.institutions.portfolios.is_portfolio(tokens, n.span.start)]

    def _without_amount(self, doc: Doc, name: NamedSpan) -> NamedSpan:
        """``name`` without a closing number that opens an amount: "verse à la société Ardanel 3
        millions d'euros" names "Ardanel" (every finder lets a name run on into a model number,
        "iPhone 15", and so into the figure of an amount told right after it)."""
        span = name.span
        tokens = token_table(doc)
        if len(span) > 1 and span.end < len(tokens) and tokens.like_num[span.end - 1] \
                and tokens.folded[span.end] in self.amount_words:
            return replace(name, span=Span(doc, span.start, span.end - 1, label=span.label))
        return name

    def _model_names(self, doc: Doc, text: str) -> list[NamedSpan]:
        found = []
        tokens = token_table(doc)
        model_ents = joined_at_particles(doc.ents, self.particles)  # "Thibaud Hug" + "de" + "Larauze"
        for ent_start, ent_end, label in [(ent.start, ent.end, ent.label_) for ent in model_ents]:
            for part_start, part_end in _split_at_commas(doc, ent_start, ent_end):
                trimmed = self._trim(doc, part_start, part_end, label)
                if trimmed is not None:
                    found.append(self._model_name(doc, text, tokens, *trimmed, label))
        return found

    def _model_name(self, doc: Doc, text: str, tokens: TokenTable, start: int, end: int, label: str) -> NamedSpan:
        """The model's name over tokens ``start`` to ``end``, typed by a cue before it, a company
        suffix closing it, else its NER label."""
        start_char = tokens.starts[start]
        if self.sectors.after(tokens, start):  # "le spécialiste de l'IA X": the sector is no cue ("l'IA Gemini")
            cue_type = self.sectors.cue_past(text, tokens, start)
        else:
            cue_type = self._cue_type(start_char, text, seen_last_words(tokens, text))
        name = text[start_char : tokens.ends[end - 1]]
        if cue_type == "PERSON" and (name.isupper() and len(name) <= 5 or self._person_follows(doc, tokens, end)):
            cue_type = None  # "le député UMP", "le pilote Red Bull Max Verstappen": a party, a team, not a person
        if cue_type == "ORG" and self._first_name_after_person_cue(tokens, start, end):
            cue_type = None  # "l'industriel Gérard Morin": the cue names a person too, the name is one
        if tokens.texts[end - 1] in self.org_suffixes and end - start > 1:
            cue_type = "ORG"
        entity_type = cue_type or self.ner_types.get(label, "OTHER")
        span = Span(doc, start, end, label=entity_type)
        return NamedSpan(span, entity_type, typed_by_cue=cue_type is not None)

    def _first_name_after_person_cue(self, tokens: TokenTable, start: int, end: int) -> bool:
        """Whether a cue noun a person may bear ("industriel", ``person_capable_cues``) stands right
        before the name (an adjective between: "l'industriel lyonnais X") and the name opens with a
        known first name and a capitalised word: "l'industriel Gérard Morin" is a person."""
        if end - start < 2 or tokens.texts[start] not in self.patterns.first_names \
                or not tokens.texts[start + 1][:1].isupper():
            return False
        before = [i for i in (start - 1, start - 2) if i >= 0]
        if before and tokens.pos[before[0]] == "ADJ" and tokens.texts[before[0]].islower():
            before = before[1:]
        return bool(before) and tokens.folded[before[0]] in self.person_capable_cues

    def _person_follows(self, doc: Doc, tokens: TokenTable, end: int) -> bool:
        """Whether a person's name starts right after a name ending before ``end``: a first name
        and a capitalised word, or the model's person ("le pilote Red Bull Max Verstappen")."""
        return end < len(doc) and (self.patterns.opens_person_name(tokens, end)
                                   or doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "PER")

    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
        """Drop leading determiners and punctuation; reject spans that are not names.

        A capitalised determiner is part of the name inside a sentence ("selon Les Echos") and
        in a person's name ("Le Pen"); the model often leaves it out, so it is put back. Takes
        and gives token bounds, read from the token table: no ``Token`` or ``Span`` is built.
        """
        tokens = token_table(doc)
        texts, pos = tokens.texts, tokens.pos
        if start > 0 and self._name_article(tokens, start - 1, label) and texts[start][:1].isupper():
            start -= 1
        while start < end and not self._name_article(tokens, start, label) and (
            pos[start] in ("DET", "ADP", "PUNCT") or texts[start].isspace()
        ):
            start += 1
        if end - start > 1 and texts[start] in self.civil_titles:
            start += 1  # "M. Garnier", "Mme Castel": the surname, which joins "Paul Garnier"
        while end > start and (
            pos[end - 1] == "PUNCT"
            or texts[end - 1].isspace()
            or (texts[end - 1].islower() and pos[end - 1] not in NAME_TAIL_POS)
        ):
            end -= 1  # "X hier" is "X"; "Commission européenne" keeps its adjective
        for i in range(start + 1, end):
            if texts[i].islower() and pos[i] == "ADP" and texts[i].lower() not in self.particles:
                end = i  # "Skydance sous la houlette": a name does not run on past "sous"
                break
            if texts[i] in self.time_words_after_names and texts[i - 1][:1].isupper():
                end = i  # "a rejoint Renouveau lundi", "Atlas ces dernières semaines": the date is no part of the name
                break
        if start >= end:
            return None
        if end - start > 1 and self._opens_with_infinitive(tokens, start):
            start += 1  # "Brader Dailymotion à Yahoo!": the verb opening the sentence is no part of the name
        demonyms = self.institutions.demonyms
        while end - start > 1 and texts[start].lower() in demonyms and texts[start + 1][:1].isupper():
            start += 1  # "le Suédois Spotify", "au russe Gazprom": the company, not its country
        start = self.sectors.first_token_past(tokens, start, end)
        if not any(texts[i][:1].isupper() for i in range(start, end)) \
                or tokens.ends[end - 1] - tokens.starts[start] < 2:
            return None
        first = texts[start]
        if first.islower() and first.isalpha() and first.lower() not in self.particles:
            return None  # "ministre de l'Économie": a description, which coref resolves
        if self.institutions.portfolios.is_portfolio(tokens, start):
            return None  # "le ministre des Transports": a portfolio, no actor
        return start, end

    def _opens_with_infinitive(self, tokens: TokenTable, i: int) -> bool:
        """A capitalised infinitive opening a sentence before a capitalised word ("Vendre Alstom",
        "Brader Dailymotion"), tagged a verb or in the lemmatizer's verbs; never a first name."""
        word, lower = tokens.texts[i], tokens.texts[i].lower()
        opens = tokens.sent_starts[i] or i > 0 and tokens.texts[i - 1] in ("«", '"', "“")
        return bool(opens and word[:1].isupper() and tokens.texts[i + 1][:1].isupper()
                    and lower.endswith(self.infinitive_endings) and word not in self.patterns.first_names
                    and (tokens.pos[i] == "VERB" or lower in self.verbs))

    def _name_article(self, tokens: TokenTable, i: int, label: str) -> bool:
        """"Les" in "selon Les Echos", "Le" in "Le Pen": an article that belongs to a name."""
        texts = tokens.texts
        if tokens.pos[i] != "DET" or not texts[i][:1].isupper() or i + 1 >= len(texts):
            return False
        if not texts[i + 1][:1].isupper():
            return False
        return not tokens.sent_starts[i] or (label == "PER" and texts[i].lower() in self.particles)

    def _cue_type(self, start_char: int, text: str, seen: dict[int, str] | None = None) -> str | None:
        """The type a cue noun right before the name starting at ``start_char`` gives ("la
        start-up X", "son modèle Y"); ``seen``: the document's memo of the words before names."""
        return self.cues.type_before(text, start_char, seen)

    @staticmethod
    def _keep_longest(names: list[NamedSpan]) -> list[NamedSpan]:
        """Resolve overlaps: the longest span wins; on ties the knowledge base, then a cue,
        then a pattern, then the model."""
        ranked = sorted(
            names,
            key=lambda n: (
                -(n.span.end - n.span.start),
                n.kb_id is None,
                SOURCE_RANK.get(n.source, 3),
                not n.typed_by_cue,
                n.span.start,
            ),
        )
        taken = bytearray(max((n.span.end for n in names), default=0))  # 1 at each token taken
        kept = []
        for name in ranked:
            start, end = name.span.start, name.span.end
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append(name)
        return sorted(kept, key=lambda n: n.span.start)

    # -- grouping ------------------------------------------------------------------------
    def _group(self, doc: Doc, names: list[NamedSpan]) -> tuple[list[ActorMention], dict[str, dict]]:
        """Give every name a key: its KB id, the full name a surname belongs to, or its own."""
        tokens = token_table(doc)
        types = self._majority_types(names, tokens)
        owners = surname_owners(names, types, tokens, self.particles, self.patterns.first_names)
        entities: dict[str, dict] = {}
        mentions = []
        for name in names:
            text = span_text(name.span, tokens)
            glued = GLUED_STOPS.search(text)
            if glued is not None and glued.start() > 0:
                text = text[: glued.start()]  # "Yahoo!." closing a sentence is the "Yahoo" of "Yahoo!,"
            entity_type = name.type if name.kb_id or name.key else types.get(text, name.type)
            key, kb_id = name.key or name.kb_id, name.kb_id
            rule = name.rule or _rule_of(name)
            owner = owners.get(text) or owner_by_civil_title(name, names, tokens, self.civil_titles,
                                                             self.first_name_gender, self.particles)
            if key is None and entity_type == "PERSON" and owner is not None:
                key, kb_id = owner.kb_id or local_key("PERSON", span_text(owner.span, tokens)), owner.kb_id
                rule = "surname" if len(owner.span) > len(name.span) else rule
            if key is None:
                key = local_key(entity_type, text)
            record = entities.setdefault(key, {"type": entity_type, "kb_id": kb_id, "names": Counter()})
            record["names"][text] += 1
            if name.canonical:
                record["canonical"] = name.canonical
            if rule in ("institution", "metonym"):
                record["institution"] = True  # no "la société" or "le fabricant" stands for it
            if entity_type == "PERSON" and kb_id is None and "gender" not in record:
                record["gender"] = self.first_name_gender.get(name.span[0].text)
            start = civil_title_start(name, tokens, self.civil_titles)  # "Mme Dupuis": the title in the mention
            mentions.append(ActorMention(start, name.span.start_char + len(text), key, "name", rule))
        return mentions, entities

    @staticmethod
    def _majority_types(names: list[NamedSpan], tokens: TokenTable) -> dict[str, str]:
        """One type per unknown name: the model may call "Zuckerberg" PER once and MISC once;
        a cue in the text outvotes a pattern, which outvotes the model."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for name in names:
            if name.kb_id is None and name.type != "OTHER":
                weight = CUE_VOTES if name.typed_by_cue else PATTERN_VOTES if name.source != "model" else MODEL_VOTES
                votes[span_text(name.span, tokens)][name.type] += weight
        return {text: counter.most_common(1)[0][0] for text, counter in votes.items()}

    def _entities(self, text: str, entities: dict[str, dict], mentions: list[ActorMention]) -> list[Entity]:
        by_key: dict[str, list[ActorMention]] = defaultdict(list)
        for mention in mentions:
            by_key[mention.key].append(mention)
        result = []
        for key, record in entities.items():
            if not by_key[key]:
                continue  # a knowledge-base actor consulted for a description that was not kept
            known = self.kb.get(record["kb_id"]) if record["kb_id"] else None
            name = known.name if known else record.get("canonical") or max(
                record["names"], key=lambda n: (len(n), record["names"][n])
            )
            surfaces = {text[m.start : m.end] for m in by_key[key] if m.kind != "pronoun"}
            aliases = tuple(sorted(s for s in surfaces if s != name))
            spans = tuple((m.start, m.end) for m in by_key[key])
            result.append(Entity(key, name, record["type"], record["kb_id"], aliases, spans))
        return sorted(result, key=lambda e: e.mentions[0] if e.mentions else (0, 0))
