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
(``resources/lexicons/<lang>/relations.toml``, over the role nouns of ``actors.toml``).

This module runs the rules in order and keeps the relational nouns' own logic (which sense of a
noun holds, coordination, members of a government); the finders live in ``holders``,
``complements``, ``verbs`` and ``patterns``, the shared words in ``base``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from chronique.extract.relations.complements import ComplementRules
from chronique.extract.relations.doc_actors import DocActors
from chronique.extract.relations.entrusted import EntrustedRules
from chronique.extract.relations.holders import HolderRules
from chronique.extract.relations.nouns import PART_OF, PRODUCT_OF, ROLE, NounPhrase, NounSense
from chronique.extract.relations.patterns import PatternRules
from chronique.extract.relations.seats import SeatRules
from chronique.extract.relations.verbs import VerbRules
from chronique.model import Relation
from chronique.nlp.extensions import register_extensions
from chronique.nlp.tokens import token_table

__all__ = ["RelationExtractor", "make_relation_extractor", "NounSense"]

register_extensions()


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


class RelationExtractor(HolderRules, ComplementRules, VerbRules, PatternRules, SeatRules, EntrustedRules):
    """Finds ROLE, PRODUCT_OF and PART_OF relations and sets ``doc._.relations``."""

    def __call__(self, doc: Doc) -> Doc:
        actors = DocActors(doc)
        founded = self._verb_relations(doc, actors) + self._founding_events(doc, actors)
        founded += self._post_events(doc, actors)
        founding_pairs = {(r.source, r.target) for r in founded if r.title == "founder"}
        phrases = self._noun_phrases(doc)
        actors.classified_products = self._classified_products(doc, phrases, actors)
        found = founded + self._noun_relations(doc, actors, phrases, founding_pairs)
        found += self._name_prefix_relations(actors) + self._kb_relations(doc, actors)
        found += self._affiliations(doc, actors) + self._parenthesised_parts(doc, actors)
        found += self._seat_relations(doc, actors) + self._entrusted_relations(doc, actors)
        found += self._appointed_relations(doc, actors)
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
            if not complements:
                complements = self._known_posts(doc, phrase, named, actors)
            if not complements:
                complements = self._topic_organisation(doc, phrase, named, actors)
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

    def _known_posts(self, doc: Doc, phrase: NounPhrase, named, actors: DocActors) -> list[tuple[str, tuple[int, int]]]:
        """A bare title ("le PDG Ted Sarandos", "le propriétaire Frank Dupuis") names no
        organisation; the knowledge base does, when it knows the person in a post of that title
        on the article's date at one organisation the article names (two such, none)."""
        titles = {t for s in phrase.senses if s.relation == ROLE for t in s.titles}
        dct = doc._.dct.isoformat() if doc._.dct else None
        posts = set()
        for key, _span in named:
            known = self.kb.get(key)
            if known is not None and actors.type_of(key) == "PERSON":
                posts |= {r.org for r in known.roles if r.title in titles and r.holds_on(dct) and r.org in actors.named}
        if len(posts) != 1:
            return []
        span = (doc[phrase.start].idx, doc[phrase.end - 1].idx + len(doc[phrase.end - 1]))
        return [(posts.pop(), span)]

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
        # the words between them, read from the token table: no Span built
        return following.start - phrase.end == 1 and token_table(doc).folded[phrase.end] in self.coordinators

    def _after_coordination(self, doc: Doc, previous: NounPhrase, phrase: NounPhrase) -> bool:
        """Whether ``phrase`` is coordinated to ``previous``, alone or after its complement:
        "patron d'Ineos et (également) propriétaire de Y"; not "le groupe X et le fonds Y"."""
        start, end = previous.end, phrase.start  # the words between them (no Span built)
        folded = token_table(doc).folded
        if end <= start or folded[end - 1] not in self.coordinators:
            return False
        return end - start == 1 or folded[start] in self.of_words

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

    def _prefix_start(self, folded: list[str], i: int) -> tuple[int, bool]:
        """Where the prefix of the noun at token ``i`` starts, and whether an ``ended_words``
        adverb stands in it ("X, jusqu'ici directrice de Y": a role held until the news)."""
        start, ended = i, False
        while True:
            while start > 0 and folded[start - 1] in self.prefix:
                start -= 1
            width = next((len(w) for w in self.ended_words
                          if len(w) <= start and tuple(folded[start - len(w) : start]) == w), 0)
            if not width:
                return start, ended
            start, ended = start - width, True

    def _noun_phrases(self, doc: Doc) -> list[NounPhrase]:
        """Every relational noun (longest words first), with its prefix of determiners/modifiers."""
        phrases = []
        i = 0
        tokens = token_table(doc)  # read from the table: no Token built
        folded, heads, pos = tokens.folded, tokens.heads, tokens.pos
        for candidate in self.nouns.candidate_starts(doc):  # no noun starts anywhere else
            if candidate < i:
                continue  # inside the noun found last
            match = self.nouns.at(doc, candidate)
            if match is None:
                continue
            i = candidate
            width, senses = match
            start, ended = self._prefix_start(folded, i)
            prefix = set(folded[start:i])
            words = range(i, min(i + width, len(tokens)))
            head = next((k for k in words if not (i <= heads[k] < i + width) or heads[k] == k), i)
            if pos[head] in ("ADP", "DET"):
                head = next((k for k in words if pos[k] in ("NOUN", "PROPN")), head)
            phrases.append(NounPhrase(start, i, i + width, head, senses, bool(prefix & self.possessives),
                                      bool(prefix & self.former) or ended, bool(prefix & self.membership)))
            i += width
        return phrases
