"""Relations between actors: who holds which role where, who makes what, what belongs to whom.

Relations are states (``ROLE``, ``PRODUCT_OF``, ``PART_OF``), stated in news mostly by nouns:
"Sam Altman, patron d'OpenAI", "le PDG de Microsoft, Satya Nadella", "son modèle GPT",
"DeepMind, filiale de Google". A *relational noun* names one end (the holder, the product, the
subsidiary) through an apposition, a copula or a resolved description, and the other end through
its complement ("de Y") or a possessive ("son", resolved to the last actor named before it).
Verbs ("fonder", "diriger", "développé par"), FOUND events and the knowledge base (a product's
maker, an organisation's parent, when both are named close together) add the rest.

Every relation carries its evidence span, and both ends must be actors the article names: a
relation is never asserted about an actor the reader cannot find in the text. The words are data
(``resources/lexicons/<lang>/relations.toml``; role nouns come from ``actors.toml``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from chronique.data import lexicon
from chronique.extract.relations.doc_actors import DocActors
from chronique.extract.relations.government import GovernmentStates
from chronique.extract.relations.nouns import PART_OF, PRODUCT_OF, ROLE, NounLexicon, NounSense
from chronique.kb import KnowledgeBase, load_knowledge_base
from chronique.model import Relation
from chronique.nlp.extensions import ActorMention, register_extensions
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["RelationExtractor", "make_relation_extractor", "NounSense"]

register_extensions()

#: How many tokens may separate a product from its maker (or an org from its parent) for the
#: knowledge base to confirm a relation that the text only suggests by naming both.
MAX_KB_GAP_TOKENS = 8
#: Modalities of a FOUND event that state a founding (hypothetical or negated ones do not).
FOUNDING_MODALITIES = frozenset({"asserted", "reported", "failed", "proposed"})
LABELS = dependency_scheme("ud")
NAMED_AFTER_DEPS = LABELS.named_after_links
APPOSITION_DEPS = LABELS.apposition_links
SUBJECT_DEPS = LABELS.subjects


@dataclass(frozen=True)
class NounPhrase:
    """A relational noun in the text, with the determiners and modifiers before it."""

    start: int  # first token, prefix included
    noun_start: int
    end: int  # token after the noun's words
    head: int  # the syntactic head of the noun's words ("tête" in "à la tête")
    senses: tuple[NounSense, ...]
    possessive: bool
    former: bool
    membership: bool


@Language.factory(
    "chronique_relations",
    default_config={"lang": "fr"},
    assigns=["doc._.relations"],
    requires=[
        "doc._.actor_index", "doc._.entities", "doc._.events", "doc.sents",
        "token.dep", "token.pos", "token.lemma", "token.morph",
    ],
)
def make_relation_extractor(nlp: Language, name: str, lang: str) -> RelationExtractor:
    return RelationExtractor(lang)


def _role_nouns(lang: str) -> dict[str, list[str]]:
    """The [role_nouns] of the language's actors lexicon, under those of its relations lexicon."""
    try:
        nouns = dict(lexicon(lang, "actors").get("role_nouns", {}))
    except FileNotFoundError:
        nouns = {}
    nouns.update(lexicon(lang, "relations").get("role_nouns", {}))
    return nouns


class RelationExtractor:
    """Finds ROLE, PRODUCT_OF and PART_OF relations and sets ``doc._.relations``."""

    def __init__(
        self,
        lang: str = "fr",
        kb: KnowledgeBase | None = None,
        role_nouns: dict[str, list[str]] | None = None,
    ) -> None:
        self.words: dict[str, Any] = lexicon(lang, "relations")
        self.kb = kb or load_knowledge_base()
        self.nouns = NounLexicon(self.words, role_nouns if role_nouns is not None else _role_nouns(lang))
        w = self.words
        self.possessives = {fold(x) for x in w["possessives"]}
        self.former = {fold(x) for x in w["former_words"]}
        self.membership = {fold(x) for x in w["membership_words"]}
        self.of_words = {fold(x) for x in w["of_words"]}
        self.genitives = {fold(x) for x in w["genitive_markers"]}
        self.prefix = {fold(x) for x in w["prefix_words"]} | self.possessives | self.former
        self.prefix |= self.membership | self.genitives
        self.closers = {fold(x) for x in w["apposition_closers"]}
        self.coordinators = {fold(x) for x in w.get("coordinators", ())}
        self.enumeration_links = self._word_tuples(w.get("enumeration_links", [","]))
        self.role_prepositions = self._word_tuples(w.get("role_prepositions", []))
        self.fronting = {fold(x) for x in w.get("fronting_participles", ())} | self.prefix
        self.apposition_openers = set(w.get("apposition_openers", [",", "("]))
        self.classifier_words = {fold(x) for x in w.get("classifier_prepositions", ())}
        self.openers = self._word_tuples([*w.get("naming_openers", []), *w.get("example_openers", [])])
        self.role_verbs = {k: tuple(v) for k, v in w["role_verbs"].items()}
        self.maker_verbs = set(w["maker_verbs"]["lemmas"])
        self.membership_copulas = set(w.get("membership_copulas", ()))
        self.government = GovernmentStates(w)
        self.affiliation_nouns = {fold(x) for x in w.get("affiliation_nouns", ())}
        self.stake_words = {fold(x) for x in w.get("stake_words", ())}
        self.change_words = {fold(x) for x in w.get("ownership_change_words", ())}

    @staticmethod
    def _word_tuples(phrases: Iterable[str]) -> list[tuple[str, ...]]:
        """Phrases as tuples of folded tokens ("au sein de" → ("au", "sein", "de")), longest first."""
        split = [tuple(fold(p).replace("'", "' ").split()) for p in phrases]
        return sorted(split, key=len, reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        actors = DocActors(doc)
        founded = self._verb_relations(doc, actors) + self._founding_events(doc, actors)
        founding_pairs = {(r.source, r.target) for r in founded if r.title == "founder"}
        phrases = self._noun_phrases(doc)
        actors.classified_products = self._classified_products(doc, phrases, actors)
        found = founded + self._noun_relations(doc, actors, phrases, founding_pairs)
        found += self._name_prefix_relations(actors) + self._kb_relations(doc, actors)
        found += self._affiliations(doc, actors) + self._parenthesised_parts(doc, actors)
        doc._.relations = self._deduplicated(found, actors)
        return doc

    @staticmethod
    def _deduplicated(relations: list[Relation], actors: DocActors) -> list[Relation]:
        """One relation per (type, source, target, title), its earliest evidence; named actors only."""
        seen: set[tuple] = set()
        kept = []
        for relation in sorted(relations, key=lambda r: (r.start, r.end)):
            identity = (relation.type, relation.source, relation.target, relation.title)
            if identity in seen or relation.source == relation.target:
                continue
            if relation.source in actors.named and relation.target in actors.named:
                seen.add(identity)
                kept.append(relation)
        return kept

    # -- relational nouns ----------------------------------------------------------------
    def _classified_products(self, doc: Doc, phrases: list[NounPhrase], actors: DocActors) -> set[str]:
        """Actors a singular product noun introduces right before their name ("la série
        (télévisée) Friends", "le navigateur Chrome"): the text calls them products. After a
        plural the name is a brand, the maker ("les smartphones Huawei")."""
        found = set()
        for phrase in phrases:
            if not any(s.relation == PRODUCT_OF and not s.complement_first for s in phrase.senses):
                continue
            if self._plural(doc[phrase.end - 1]):
                continue
            i = phrase.end
            while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].idx not in actors.by_start:
                i += 1
            mention = actors.by_start.get(doc[i].idx) if i < len(doc) else None
            if mention and actors.type_of(mention.key) in ("PRODUCT", "ORG", "OTHER"):
                found.add(mention.key)
        return found

    def _noun_relations(self, doc: Doc, actors: DocActors, phrases: list[NounPhrase],
                        founding_pairs: set) -> list[Relation]:
        relations = []
        previous_named: list[tuple[str, tuple[int, int]]] = []
        for index, phrase in enumerate(phrases):
            following = phrases[index + 1] if index + 1 < len(phrases) else None
            coordinated = following is not None and self._coordinated(doc, phrase, following)
            # "cofondateur et directeur général de Mistral AI": the second noun takes the
            # holder of the first, the first the complement of the second.
            shares = index > 0 and self._after_coordination(doc, phrases[index - 1], phrase)
            named = self._named(doc, phrase, actors) or (previous_named if shares else [])
            previous_named = named
            if not named:
                continue
            named_keys = {k for k, _ in named}
            complements = self._complements(doc, phrase, actors, named_keys)
            if not complements and coordinated:
                complements = self._complements(doc, following, actors, named_keys)
            if not complements and self.government.is_government_noun(doc, phrase.noun_start, phrase.end):
                relations += self._government_relations(doc, phrase, named, actors)
                continue
            phrase_span = (doc[phrase.start].idx, doc[phrase.end - 1].idx + len(doc[phrase.end - 1]))
            for named_key, named_span in named:
                for comp_key, comp_span in complements:
                    spans = (named_span, comp_span, phrase_span)
                    relation = self._noun_relation(phrase, named_key, comp_key, spans, actors)
                    if relation is None:
                        continue
                    if relation.title == "owner" and (relation.source, relation.target) in founding_pairs:
                        continue  # "fonde xAI, sa propre entreprise": the founder relation says it
                    relations.append(relation)
        return relations

    def _government_relations(self, doc: Doc, phrase: NounPhrase, named, actors: DocActors) -> list[Relation]:
        """"X, ministre des finances néerlandais": the person serves the state the title names."""
        relations = []
        titles = next((s.titles for s in phrase.senses if s.relation == ROLE), ())
        for key, (start, end) in named:
            if actors.type_of(key) != "PERSON" or not titles:
                continue
            state = self.government.state_of(doc, phrase.end, actors, start)
            if state and state != key:
                noun_end = doc[phrase.end - 1].idx + len(doc[phrase.end - 1])
                span = (min(start, doc[phrase.start].idx), max(end, noun_end))
                valid_to = "PAST_REF" if phrase.former else None
                relations.append(Relation(ROLE, key, state, *span, titles[0], valid_to=valid_to))
        return relations

    def _coordinated(self, doc: Doc, phrase: NounPhrase, following: NounPhrase) -> bool:
        """Whether ``following`` is the noun coordinated right after ``phrase`` ("X et Y")."""
        between = doc[phrase.end : following.start]
        return len(between) == 1 and fold(between[0].text) in self.coordinators

    def _after_coordination(self, doc: Doc, previous: NounPhrase, phrase: NounPhrase) -> bool:
        """Whether ``phrase`` is coordinated to ``previous``, alone or after its complement:
        "patron d'Ineos et (également) propriétaire de Y"; not "le groupe X et le fonds Y"."""
        between = doc[previous.end : phrase.start]
        if not between or fold(between[-1].text) not in self.coordinators:
            return False
        return len(between) == 1 or fold(between[0].text) in self.of_words

    def _noun_relation(self, phrase: NounPhrase, named: str, comp: str, spans, actors) -> Relation | None:
        """The relation a noun states between the actor it names and its complement."""
        sense = next((s for s in phrase.senses if s.fits(actors.type_of(named), actors.type_of(comp))), None)
        if sense is None:
            return None
        source, target = (comp, named) if sense.complement_first else (named, comp)
        kind = sense.relation
        if kind == PART_OF and actors.is_product(source):
            kind = PRODUCT_OF
        title = self._title(source, target, sense.titles) if kind == ROLE else None
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        valid_to = "PAST_REF" if phrase.former else None
        return Relation(kind, source, target, start, end, title, valid_to=valid_to)

    def _noun_phrases(self, doc: Doc) -> list[NounPhrase]:
        """Every relational noun (longest words first), with its prefix of determiners/modifiers."""
        phrases = []
        i = 0
        while i < len(doc):
            match = self.nouns.at(doc, i)
            if match is None:
                i += 1
                continue
            width, senses = match
            start = i
            while start > 0 and fold(doc[start - 1].text) in self.prefix:
                start -= 1
            prefix = {fold(t.text) for t in doc[start:i]}
            words = doc[i : i + width]
            head = next((t.i for t in words if not (i <= t.head.i < i + width) or t.head.i == t.i), i)
            if doc[head].pos_ in ("ADP", "DET"):
                head = next((t.i for t in words if t.pos_ in ("NOUN", "PROPN")), head)
            phrases.append(NounPhrase(start, i, i + width, head, senses, bool(prefix & self.possessives),
                                      bool(prefix & self.former), bool(prefix & self.membership)))
            i += width
        return phrases

    # -- the actor a noun names ----------------------------------------------------------
    def _named(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> list[tuple[str, tuple[int, int]]]:
        """The holder/product/subsidiary: apposition, copula subject, name after it, description."""
        types = frozenset().union(*(s.named_types for s in phrase.senses))
        noun = doc[phrase.head]
        finders = (self._named_listed, self._named_after, self._named_before, self._named_by_locution,
                   self._copula_subject, self._description, self._described_before)
        for finder in finders:
            found = finder(doc, phrase, noun, actors, types)
            if found:
                return found
        return []

    def _named_listed(self, doc, phrase, noun, actors, types):
        """"les fondateurs de Y - à savoir A et B -", "les applications de Y, telles que A, B et
        le navigateur C": the actors a plural noun announces, listed after it."""
        if not self._plural(doc[phrase.end - 1]):
            return []
        i = self._complement_end(doc, phrase, actors)
        opened = 0
        while i < len(doc) and opened < 3:
            width = self._opener_at(doc, i)
            if not width:
                break
            i, opened = i + width, opened + 1
        if not opened:
            return []
        while i < len(doc) and self._complement_filler(doc[i]) and doc[i].idx not in actors.by_start:
            i += 1
        first = actors.by_start.get(doc[i].idx) if i < len(doc) else None
        if first is None or actors.type_of(first.key) not in types:
            return []
        items, _ = actors.enumeration_after(first.end, types, self.enumeration_links, self.coordinators,
                                            self._complement_filler)
        return [(m.key, (m.start, m.end)) for m in (first, *items)]

    def _opener_at(self, doc: Doc, i: int) -> int:
        """Width of a word or punctuation opening a list of named actors at token ``i``."""
        for words in self.openers:
            if tuple(fold(t.text) for t in doc[i : i + len(words)]) == words:
                return len(words)
        return 0

    def _named_by_locution(self, doc, phrase, noun, actors, types):
        """"le JDD aux mains de X", "Y, dans le giron de X": a prepositional phrase names the
        actor it follows, with or without a comma."""
        if doc[phrase.noun_start].pos_ != "ADP" or phrase.start < 1:
            return []
        before = phrase.start - 1
        if doc[before].text == "," and before >= 1:
            before -= 1
        mention = actors.by_end.get(doc[before].idx + len(doc[before].text))
        if mention and actors.type_of(mention.key) in types:
            return [(mention.key, (mention.start, mention.end))]
        return []

    def _described_before(self, doc, phrase, noun, actors, types):
        """"la société propriétaire de CBS": a description the recognizer resolved, qualified by
        the relational noun that follows it without a comma."""
        if phrase.start < 1:
            return []
        mention = actors.by_end.get(doc[phrase.start - 1].idx + len(doc[phrase.start - 1].text))
        if mention and mention.kind == "description" and actors.type_of(mention.key) in types:
            return [(mention.key, (mention.start, mention.end))]
        return []

    def _named_after(self, doc, phrase, noun, actors, types):
        """"son entreprise xAI", "le PDG de Microsoft, Satya Nadella": a name right after the phrase."""
        after = self._complement_end(doc, phrase, actors)
        for child in noun.children:
            if child.i >= after and child.dep_ in NAMED_AFTER_DEPS and not self._has_of_case(child):
                keys = actors.keys_of(child, types)
                mention = actors.at_token(child)
                if keys and mention and not self._qualifies(doc, mention):
                    return [(k, (mention.start, mention.end)) for k in keys]
        subtree, edge = {t.i for t in noun.subtree}, after
        while (edge < len(doc) and edge - phrase.end < 6 and edge in subtree and not doc[edge].is_punct
               and doc[edge].idx not in actors.by_start):
            edge += 1  # "le ministre allemand des Finances, X": the noun's own modifiers, then a comma
        if edge < len(doc) and doc[edge].text == ",":
            after = edge
        comma = after < len(doc) and doc[after].text == ","
        position = after + 1 if comma else after
        if position < len(doc):
            mention = actors.by_start.get(doc[position].idx)
            if mention and actors.type_of(mention.key) in types:
                head = doc[position].head.i
                if not comma or phrase.start <= head < after or self._fronted(doc, phrase):
                    return [(mention.key, (mention.start, mention.end))]
        return []

    def _fronted(self, doc: Doc, phrase: NounPhrase) -> bool:
        """Whether the phrase opens its sentence, alone or after a copular participle: "Nommé
        président de Y, X a…", "Patron de Y depuis 2019, X a…" name the subject after the comma."""
        sentence_start = doc[phrase.noun_start].sent.start if doc.has_annotation("DEP") else 0
        before = doc[sentence_start : phrase.start]
        return all(t.is_punct or fold(t.text) in self.fronting or self._lemma(t) in self.words["copula_lemmas"]
                   for t in before)

    @staticmethod
    def _mention_ending_at(doc: Doc, i: int, actors: DocActors) -> ActorMention | None:
        """The mention ending at token ``i``, or before the parenthesis closing there ("Warner
        Bros Discovery (WBD) – propriétaire de HBO Max –")."""
        if doc[i].text == ")":
            opening = next((j for j in range(i - 1, max(i - 5, -1), -1) if doc[j].text == "("), None)
            if opening is None or opening == 0:
                return None
            i = opening - 1
        return actors.by_end.get(doc[i].idx + len(doc[i].text))

    def _qualifies(self, doc: Doc, mention: ActorMention) -> bool:
        """Whether a name after a noun only qualifies it, a complement following ("directeur
        France d'Uber"): the holder closes the phrase ("le PDG de Microsoft Satya Nadella")."""
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.end < len(doc) and fold(doc[span.end].text) in self.of_words

    def _named_before(self, doc, phrase, noun, actors, types):
        """"Sam Altman, patron d'OpenAI, a dit": a name, a comma, the closed noun phrase.

        The name just before the comma comes first; the parse's apposition link is the fallback
        (it often hangs the noun on the first name of a long sentence). A singular noun names
        one holder: conjuncts are followed only for a plural ("A et B, cofondateurs de Y")."""
        if phrase.start >= 2 and doc[phrase.start - 1].text in self.apposition_openers:
            mention = self._mention_ending_at(doc, phrase.start - 2, actors)
            if mention and actors.type_of(mention.key) in types and self._closed(doc, phrase, noun, actors):
                if self._plural(noun):
                    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                    keys = actors.keys_of(span.root, types) if span is not None else []
                    if mention.key in keys:
                        return [(k, (mention.start, mention.end)) for k in keys]
                return [(mention.key, (mention.start, mention.end))]
        for anchor in self._anchors(noun, phrase):
            hangs_on_earlier = anchor.dep_ in APPOSITION_DEPS and anchor.head.i < phrase.start
            if hangs_on_earlier and not self._has_of_case(anchor):
                between = doc[anchor.head.i : phrase.start]
                if any(t.text in (",", "(") for t in between):
                    mention = actors.at_token(anchor.head)
                    keys = actors.keys_of(anchor.head, types) if self._plural(noun) else (
                        [mention.key] if mention and actors.type_of(mention.key) in types else [])
                    if keys and mention:
                        return [(k, (mention.start, mention.end)) for k in keys]
        return []

    @staticmethod
    def _plural(noun: Token) -> bool:
        return "Plur" in noun.morph.get("Number", [])

    def _closed(self, doc: Doc, phrase: NounPhrase, noun: Token, actors: DocActors) -> bool:
        """Whether the phrase ends where an apposition ends, not where a clause goes on with a verb."""
        subtree = {t.i for t in noun.subtree}
        i = self._complement_end(doc, phrase, actors)
        while i < len(doc) and i in subtree and not doc[i].is_punct:
            i += 1
        return i >= len(doc) or fold(doc[i].text) in self.closers or "\n" in doc[i].text

    def _anchors(self, noun: Token, phrase: NounPhrase) -> list[Token]:
        """The noun, and the membership word it hangs from ("l'un des fondateurs")."""
        anchors = [noun]
        if phrase.membership and fold(noun.head.text) in self.membership and noun.head.i < noun.i:
            anchors.append(noun.head)
        return anchors

    def _copula_subject(self, doc, phrase, noun, actors, types):
        """"X est le fondateur de Y", "X, devenu patron de Y", "X faisait partie des fondateurs"."""
        for anchor in self._anchors(noun, phrase):
            subject = self._subject_of(anchor, phrase)
            if subject is not None:
                keys = actors.keys_of(subject, types)
                mention = actors.at_token(subject)
                if keys and mention:
                    return [(k, (mention.start, mention.end)) for k in keys]
            relative = self._relative_antecedent(doc, anchor, actors, types)
            if relative:
                return relative
        return []

    def _relative_antecedent(self, doc, anchor: Token, actors: DocActors, types):
        """"…du milliardaire X, qui est à l'origine de Y": the name just before the relative "qui"
        whose clause the noun heads."""
        for child in anchor.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ == "PRON" and "Rel" in child.morph.get("PronType", []):
                before = child.i - 1
                if before >= 0 and doc[before].text == ",":
                    before -= 1
                mention = actors.by_end.get(doc[before].idx + len(doc[before].text)) if before >= 0 else None
                if mention and actors.type_of(mention.key) in types:
                    return [(mention.key, (mention.start, mention.end))]
        return []

    def _subject_of(self, anchor: Token, phrase: NounPhrase) -> Token | None:
        copulas = set(self.words["copula_lemmas"])
        if any(c.dep_ == LABELS.copula for c in anchor.children):
            return self._subject_child(anchor)
        verb = anchor.head
        if verb.i == anchor.i or self._lemma(verb) not in copulas:
            return None
        if self._lemma(verb) in self.membership_copulas and not phrase.membership:
            return None
        subject = self._subject_child(verb)
        if subject is None and verb.dep_ == LABELS.clausal_modifier:  # "Sam Altman, devenu patron d'OpenAI"
            return verb.head
        return subject

    @staticmethod
    def _subject_child(head: Token) -> Token | None:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.pos_ == "PRON" and head.dep_.startswith(LABELS.clausal_modifier_prefix):
                    return head.head  # "X, qui est le patron de Y"
                return child
        return None

    def _description(self, doc, phrase, noun, actors, types):
        """"le fondateur de Tesla" already resolved to a person by the actor recognizer.

        Only for people: "l'entreprise de Musk" is a guess of the recognizer, not a statement.
        """
        if "PERSON" not in types:
            return []
        mention = actors.at_token(noun)
        if mention and mention.kind == "description" and actors.type_of(mention.key) == "PERSON":
            return [(mention.key, (mention.start, mention.end))]
        return []

    # -- the other end: complement or possessor ------------------------------------------
    def _complements(self, doc, phrase, actors, named_keys) -> list[tuple[str, tuple[int, int]]]:
        """"de Y" (parse or surface, "de A, B et C" enumerated), an English "Y's", or the
        possessor that "son"/"sa" stands for."""
        types = frozenset().union(*(s.complement_types for s in phrase.senses))
        noun = doc[phrase.head]
        noun_end = doc[phrase.end - 1].idx + len(doc[phrase.end - 1])
        found: list[tuple[str, tuple[int, int]]] = []
        for child in noun.children:
            if child.i >= phrase.end and self._has_of_case(child):
                keys = [k for k in actors.keys_of(child, types) if k not in named_keys]
                mention = actors.at_token(child)
                name = mention and self._name_in_description(doc, mention, min(child.i + 6, len(doc)), actors)
                if name and actors.type_of(name.key) in types and name.key not in named_keys:
                    keys, mention = [name.key], name  # "de la société (de logiciels) Oracle"
                if keys and mention and mention.start >= noun_end:  # not "ministre de l'Économie" itself
                    found = [(k, (mention.start, mention.end)) for k in keys]
                    break
        if not found:
            surface = self._surface_complement(doc, phrase, actors)
            if surface and actors.type_of(surface.key) in types and surface.key not in named_keys:
                found = [(surface.key, (surface.start, surface.end))]
        if found:
            last_end = max(end for _, (_, end) in found)
            items, surely = actors.enumeration_after(last_end, types, self.enumeration_links, self.coordinators,
                                                    of_words=frozenset(self.of_words))
            if surely:
                found += [(m.key, (m.start, m.end)) for m in items if m.key not in named_keys]
            return found
        if phrase.possessive:
            window = self._window_start(doc, doc[phrase.start])
            key = actors.possessor(doc[phrase.start].idx, window, named_keys,
                                   [t for t in types if t in ("PERSON", "ORG")])
            if key and actors.type_of(key) in types and self._possessor_plausible(key, named_keys):
                return [(key, (doc[phrase.start].idx, doc[phrase.start].idx + len(doc[phrase.start])))]
        return []

    def _possessor_plausible(self, possessor: str, named_keys: set[str]) -> bool:
        """A possessor the knowledge base contradicts (another maker) is a wrong guess."""
        for key in named_keys:
            known = self.kb.get(key)
            if known and known.maker and known.maker != possessor:
                return False
        return True

    def _surface_complement(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> ActorMention | None:
        """"de (la société) Y", "chez Y", "directrice E-commerce pour Y" after the noun; "Y's" or
        "Y CEO" before it (English)."""
        i = self._classifiers_end(doc, phrase.end, actors)
        width = self._preposition_at(doc, i)
        if width:
            j, limit = i + width, min(i + width + 7, len(doc))
            while j < limit:
                mention = actors.by_start.get(doc[j].idx)
                if mention:
                    return self._name_in_description(doc, mention, limit, actors) or mention
                if j > i + width and self._classifier_at(doc, j, actors):
                    j += 2  # "de la société de logiciels Y"
                    continue
                if doc[j].is_punct or not self._complement_filler(doc[j]):
                    break
                if j == i + width and doc[j].pos_ == "NOUN" and fold(doc[i].text) in self.classifier_words:
                    break  # "le fonds d'investissement Y": a bare noun classifies, it does not own
                j += 1
        before = phrase.start - 1
        genitive = before > 0 and fold(doc[before].text) in self.genitives
        if genitive or (before >= 0 and self.words["complement_before_noun"]):
            edge = doc[before - 1] if genitive else doc[before]
            return actors.by_end.get(edge.idx + len(edge.text))
        return None

    def _classifiers_end(self, doc: Doc, i: int, actors: DocActors) -> int:
        """The token after the words that qualify a noun before its complement: "directrice
        E-commerce pour Y", "filiale d'autocars de Y", "site de recherches de voyages de Y"."""
        modifiers = 0
        while i < len(doc) and modifiers < 2 and self._free_modifier(doc[i], actors):
            i, modifiers = i + 1, modifiers + 1
        for _ in range(3):
            if not self._classifier_at(doc, i, actors):
                break
            i += 2
            while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].idx not in actors.by_start:
                i += 1
        return i

    def _name_in_description(self, doc: Doc, mention: ActorMention, limit: int, actors: DocActors):
        """The name a description introduces ("la société (de logiciels) Oracle"): the text's own
        word for the complement, before the recognizer's guess for the description."""
        if mention.kind != "description":
            return None
        j = next((t.i for t in doc if t.idx >= mention.end), len(doc))
        while j < limit:
            found = actors.by_start.get(doc[j].idx)
            if found is not None:
                return found if found.kind == "name" else None
            if self._classifier_at(doc, j, actors):
                j += 2
                continue
            if doc[j].is_punct or not self._complement_filler(doc[j]):
                return None
            j += 1
        return None

    def _classifier_at(self, doc: Doc, i: int, actors: DocActors) -> bool:
        """Whether "de" and a bare noun start at ``i``: a kind ("de logiciels"), not an owner."""
        return (i + 1 < len(doc) and fold(doc[i].text) in self.classifier_words and doc[i + 1].pos_ == "NOUN"
                and doc[i + 1].idx not in actors.by_start)

    def _preposition_at(self, doc: Doc, i: int) -> int:
        """Width of the preposition introducing a complement at token ``i`` (0 when none)."""
        if i < len(doc) and fold(doc[i].text) in self.of_words:
            return 1
        for words in self.role_prepositions:
            if tuple(fold(t.text) for t in doc[i : i + len(words)]) == words:
                return len(words)
        return 0

    def _free_modifier(self, token: Token, actors: DocActors) -> bool:
        """A word qualifying a role noun before its complement ("Europe", "E-commerce"); a place
        too, even when taken for an actor ("directeur France d'Uber")."""
        mention = actors.by_start.get(token.idx)
        if mention is not None and actors.type_of(mention.key) not in ("LOC", "PERSON"):
            return False
        return (not token.is_punct and token.pos_ not in ("VERB", "AUX", "ADP", "DET", "CCONJ", "PRON")
                and fold(token.text) not in self.of_words)

    @staticmethod
    def _complement_filler(token: Token) -> bool:
        """What may stand between "de" and the complement's name: "de (la société) Y", "du
        milliardaire (conservateur) X"; a preposition ends it ("le fonds d'investissement Y")."""
        return token.pos_ in ("DET", "ADJ", "NOUN") and not token.is_punct

    def _complement_end(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> int:
        """The token after the "de Y" complement (and its enumeration "de A, B et C"), or after
        the noun when there is none."""
        surface = self._surface_complement(doc, phrase, actors)
        if surface is None or surface.start < doc[phrase.end - 1].idx:
            return phrase.end
        end = surface.end
        types = frozenset().union(*(s.complement_types for s in phrase.senses))
        items, surely = actors.enumeration_after(end, types, self.enumeration_links, self.coordinators,
                                                    of_words=frozenset(self.of_words))
        if surely and items:
            end = items[-1].end
        span = doc.char_span(surface.start, end, alignment_mode="expand")
        return span.end if span is not None else phrase.end

    def _has_of_case(self, token: Token) -> bool:
        return any(c.dep_ == LABELS.case_marker and fold(c.text) in self.of_words for c in token.children)

    @staticmethod
    def _window_start(doc: Doc, token: Token) -> int:
        """Start of the previous sentence: how far back a possessive looks for its possessor."""
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return 0
        sentences = [s for s in doc.sents if s.start <= token.i]
        return sentences[-2].start_char if len(sentences) >= 2 else 0

    # -- verbs, events, names and the knowledge base -------------------------------------
    def _lemma(self, token: Token) -> str:
        lemma = token.lemma_ or token.lower_
        return self.words["lemma_fixes"].get(lemma, lemma)

    def _verb_relations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """"Musk fonde xAI", "la société pilotée par Sam Altman", "Llama, développé par Meta"."""
        relations = []
        for verb in doc:
            lemma = self._lemma(verb)
            titles, makes = self.role_verbs.get(lemma), lemma in self.maker_verbs
            if verb.pos_ not in ("VERB", "AUX") or not (titles or makes) or self._negated(verb):
                continue
            agents, patients = self._verb_arguments(verb, actors)
            for agent in agents:
                for patient in patients:
                    owned, stake = self._through_stake(patient)
                    kept = (("investor",) if stake and titles else titles)
                    relations += self._verb_relation(verb, agent, owned, kept, makes and not stake, actors)
        return relations

    def _through_stake(self, patient: Token) -> tuple[Token, bool]:
        """"détient 25 % des parts de Y": the organisation a stake is of, and whether it was one."""
        token, stake = patient, False
        for _ in range(3):
            if fold(token.text) not in self.stake_words and fold(token.lemma_ or "") not in self.stake_words:
                break
            owner = next((c for c in token.children if c.i > token.i and self._has_of_case(c)), None)
            if owner is None:
                break
            token, stake = owner, True
        return token, stake

    def _verb_relation(self, verb, agent, patient, titles, makes, actors) -> list[Relation]:
        spans = [(verb.idx, verb.idx + len(verb.text))]
        for token in (agent, patient):
            mention = actors.at_token(token)
            start, end = (mention.start, mention.end) if mention else (token.idx, token.idx + len(token))
            spans.append((start, end))
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        found = []
        for source in actors.phrases(agent):
            for target in actors.phrases(patient):
                pair = (actors.type_of(source), actors.type_of(target))
                if titles and pair == ("PERSON", "ORG"):
                    title = self._title(source, target, titles)
                    found.append(Relation(ROLE, source, target, start, end, title))
                elif makes and pair == ("ORG", "PRODUCT"):
                    found.append(Relation(PRODUCT_OF, target, source, start, end))
        return found

    def _verb_arguments(self, verb: Token, actors: DocActors) -> tuple[list[Token], list[Token]]:
        """(who acts, what is acted on), active or passive ("fondée par"), relatives resolved."""
        agents = [c for c in verb.children if c.dep_ == LABELS.passive_agent]
        patients = [c for c in verb.children if c.dep_ in LABELS.patients]
        if not agents:
            agents = [c for c in verb.children if c.dep_ == LABELS.subject]
        elif not patients and verb.dep_.startswith(LABELS.clausal_modifier_prefix):
            patients = [verb.head]  # "la société fondée par X"
        if not patients and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].idx in actors.by_start:
            patients = [verb.doc[verb.i + 1]]  # "dirige Nvidia", object misparsed as a name part
        return [self._antecedent(a, verb, actors) for a in agents], patients

    @staticmethod
    def _antecedent(subject: Token, verb: Token, actors: DocActors) -> Token:
        """The noun a relative "qui" stands for: the relative's head, or the name just before it."""
        if subject.pos_ != "PRON" or "Rel" not in subject.morph.get("PronType", []):
            return subject
        if verb.dep_.startswith(LABELS.clausal_modifier_prefix):
            return verb.head
        before = subject.i - 1
        if before >= 0 and verb.doc[before].is_punct:
            before -= 1
        if before >= 0 and actors.at_token(verb.doc[before]) is not None:
            return verb.doc[before]
        return subject

    @staticmethod
    def _negated(verb: Token) -> bool:
        return any("Neg" in c.morph.get("Polarity", []) for c in verb.children)

    @staticmethod
    def _founding_events(doc: Doc, actors: DocActors) -> list[Relation]:
        """A FOUND event (from the events component, when it ran) makes its founders founders."""
        relations = []
        for event in doc._.events or []:
            if event.type != "FOUND" or event.modality not in FOUNDING_MODALITIES:
                continue
            for source in event.sources:
                for target in event.targets:
                    if (actors.type_of(source), actors.type_of(target)) == ("PERSON", "ORG"):
                        relations.append(Relation(ROLE, source, target, event.start, event.end, "founder"))
        return relations

    @staticmethod
    def _name_prefix_relations(actors: DocActors) -> list[Relation]:
        """"Tesla Roadster", "Google Pixel": a product named after its maker, also named here."""
        makers = {}
        for entity in actors.doc._.entities or []:
            if entity.type == "ORG":
                for name in (entity.name, *entity.aliases):
                    makers[name] = entity.key
        relations = []
        for mention in actors.mentions:
            if mention.kind != "name" or actors.type_of(mention.key) != "PRODUCT":
                continue
            text = actors.doc.text[mention.start : mention.end]
            for name, maker in makers.items():
                if text.startswith(name + " ") and maker != mention.key:
                    relations.append(Relation(PRODUCT_OF, mention.key, maker, mention.start, mention.end))
        return relations

    def _kb_relations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """A product's known maker, an organisation's known parent, both named close together."""
        relations = []
        for key in actors.named:
            known = self.kb.get(key)
            if known is None:
                continue
            for kind, other in ((PRODUCT_OF, known.maker), (PART_OF, known.parent)):
                if other and other in actors.named:
                    span = self._close_mentions(doc, actors, key, other)
                    if span and not (kind == PART_OF and self._tells_a_change(doc, span)):
                        if kind == PART_OF and actors.is_product(key):
                            kind = PRODUCT_OF
                        relations.append(Relation(kind, key, other, *span))
        return relations

    def _parenthesised_parts(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """"Altice Média (BFMTV et RMC)": an organisation followed by the list of its brands.

        Two items at least (one is an acronym or an aside), all organisations or products; not
        after an acronym of capitals, which often spells its members ("GAFAM (Google, Apple…)")."""
        relations = []
        for parent in actors.mentions:
            if parent.kind != "name" or actors.type_of(parent.key) != "ORG":
                continue
            name = doc.text[parent.start : parent.end]
            if name.isupper() and len(name.replace(" ", "")) >= 3:
                continue
            i = next((t.i for t in doc if t.idx >= parent.end), len(doc))
            if i + 1 >= len(doc) or doc[i].text != "(":
                continue
            first = actors.by_start.get(doc[i + 1].idx)
            kinds = ("ORG", "PRODUCT")
            if first is None or actors.type_of(first.key) not in kinds:
                continue
            items, _ = actors.enumeration_after(first.end, kinds, self.enumeration_links, self.coordinators)
            members = [first, *items]
            end = next((t.i for t in doc if t.idx >= members[-1].end), len(doc))
            if len(members) < 2 or end >= len(doc) or doc[end].text != ")":
                continue
            for member in members:
                if member.key != parent.key:
                    kind = PRODUCT_OF if actors.is_product(member.key) else PART_OF
                    relations.append(Relation(kind, member.key, parent.key, parent.start, doc[end].idx + 1))
        return relations

    def _affiliations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """"Me X (du cabinet Y)", "X, de chez Y,": a person presented by the firm they work at."""
        relations = []
        for mention in actors.mentions:
            if mention.kind != "name" or actors.type_of(mention.key) != "PERSON":
                continue
            i = next((t.i for t in doc if t.idx >= mention.end), len(doc))
            if i >= len(doc) or doc[i].text not in ("(", ","):
                continue
            opener, i = doc[i].text, i + 1
            width = self._preposition_at(doc, i)
            if not width:
                continue
            i += width
            classified = fold(doc[i - 1].text) in self.affiliation_nouns  # "de chez"
            while i < len(doc) and doc[i].idx not in actors.by_start and (
                    doc[i].pos_ == "DET" or fold(doc[i].text) in self.affiliation_nouns):
                classified |= fold(doc[i].text) in self.affiliation_nouns
                i += 1
            if i < len(doc) and fold(doc[i].text) in self.affiliation_nouns:
                classified = True  # "de la banque Lazard", the noun inside the name
            org = actors.by_start.get(doc[i].idx) if i < len(doc) else None
            if org is None or not classified or actors.type_of(org.key) not in ("ORG", "OTHER"):
                continue
            end = next((t.i for t in doc[i:] if t.idx >= org.end), len(doc))
            closer = ")" if opener == "(" else ","
            if end < len(doc) and doc[end].text == closer:
                relations.append(Relation(ROLE, mention.key, org.key, mention.start, org.end, "employee"))
        return relations

    def _tells_a_change(self, doc: Doc, span: tuple[int, int]) -> bool:
        """Whether the sentence tells a purchase, a sale or a merger: the knowledge base says who
        owns whom today, not on the article's date ("le rachat d'Activision par Microsoft")."""
        tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
        if tokens is None:
            return False
        sentence = tokens.sent if doc.has_annotation("SENT_START") else tokens
        return any(self._lemma(t) in self.change_words or fold(t.text) in self.change_words for t in sentence)

    @staticmethod
    def _close_mentions(doc: Doc, actors: DocActors, first: str, second: str) -> tuple[int, int] | None:
        """The first span where mentions of both actors stand in one sentence, a few tokens apart."""
        ones = [m for m in actors.mentions if m.key == first and m.kind != "pronoun"]
        others = [m for m in actors.mentions if m.key == second and m.kind != "pronoun"]
        for a in ones:
            for b in others:
                left, right = (a, b) if a.start < b.start else (b, a)
                span = doc.char_span(left.start, right.end, alignment_mode="expand")
                if span is None or len(span) > MAX_KB_GAP_TOKENS + 2:
                    continue
                if not any(t.is_sent_start for t in span[1:]):
                    return left.start, right.end
        return None

    def _title(self, person: str, org: str, titles: tuple[str, ...]) -> str:
        """The noun's title the knowledge base confirms for this person and org, else its first."""
        known = self.kb.get(person)
        confirmed = {r.title for r in known.roles if r.org == org} if known else set()
        return next((t for t in titles if t in confirmed), titles[0])
