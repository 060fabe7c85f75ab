"""The other end of a relational noun: its complement ("de Y", "chez Y", "de A, B et C") or the
possessor a "son"/"sa" stands for.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from chronique.extract.relations.base import RelationRules
from chronique.extract.relations.doc_actors import DocActors
from chronique.extract.relations.nouns import PRODUCT_OF, ROLE, NounPhrase
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import TokenTable, first_token_from, token_table
from chronique.text import fold

__all__ = ["ComplementRules"]

LABELS = dependency_scheme("ud")


class ComplementRules(RelationRules):
    """Finders of a relational noun's complement."""

    def _complements(self, doc, phrase, actors, named_keys) -> list[tuple[str, tuple[int, int]]]:
        """"de Y" (parse or surface, "de A, B et C" enumerated), an English "Y's", or the
        possessor that "son"/"sa" stands for."""
        types = frozenset().union(*(s.complement_types for s in phrase.senses))
        noun = doc[phrase.head]
        noun_end = doc[phrase.end - 1].idx + len(doc[phrase.end - 1])
        found: list[tuple[str, tuple[int, int]]] = []
        for child in noun.children:
            if child.i >= phrase.end and self._has_of_case(child) and not self._after_coordinator(doc, child):
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
        fronted = self._fronted_host(doc, phrase, actors)
        if fronted is not None and actors.type_of(fronted.key) in types and fronted.key not in named_keys:
            return [(fronted.key, (fronted.start, fronted.end))]
        brand = self._brand_after_plural(doc, phrase, actors)
        if brand is not None and actors.type_of(brand.key) in types and brand.key not in named_keys:
            return [(brand.key, (brand.start, brand.end))]
        bare = self._bare_name_complement(doc, phrase, actors, named_keys)
        if bare is not None and actors.type_of(bare.key) in types:
            return [(bare.key, (bare.start, bare.end))]
        relative = self._relative_possessor(doc, phrase, actors)
        if relative is not None and actors.type_of(relative.key) in types and relative.key not in named_keys:
            return [(relative.key, (relative.start, relative.end))]
        if phrase.possessive:
            window = self._window_start(doc, doc[phrase.start])
            wanted = [t for t in types if t in ("PERSON", "ORG")]
            key = actors.possessor(doc[phrase.start].idx, window, named_keys, wanted)
            topic = actors.possessor(doc[phrase.start].idx, window, named_keys)
            if topic is not None and actors.type_of(topic) not in wanted:
                # the topic is of another kind ("La chanteuse X … Son label, Y": hers, no company's
                # parent): only an actor of the possessive's own sentence may still own the noun
                key = actors.possessor(doc[phrase.start].idx, doc[phrase.start].sent.start_char, named_keys, wanted)
                if key is None and self._serves_members(doc, phrase):
                    key = self._joined_organisation(doc, topic, phrase, actors)
            if key and actors.type_of(key) in types and self._possessor_plausible(key, named_keys, actors):
                return [(key, (doc[phrase.start].idx, doc[phrase.start].idx + len(doc[phrase.start])))]
        return []

    def _bare_name_complement(self, doc: Doc, phrase: NounPhrase, actors: DocActors,
                              named_keys: set[str]) -> ActorMention | None:
        """"Paul Roux, délégué CGT chez Kalio,": an organisation's name right after a noun of
        ``bare_complement_nouns`` (a union's officer), the holder named before the comma, the
        name closed by a comma, "chez", "du" or the sentence's end. Only an organisation: "le
        délégué Paul Roux" names the holder."""
        if fold(doc[phrase.noun_start].text) not in self.bare_complement_nouns or phrase.start < 2:
            return None
        if doc[phrase.start - 1].text not in self.apposition_openers:
            return None
        holder = actors.by_end.get(doc[phrase.start - 2].idx + len(doc[phrase.start - 2].text))
        if holder is None or holder.key not in named_keys or actors.type_of(holder.key) != "PERSON":
            return None
        if phrase.end >= len(doc):
            return None
        mention = actors.by_start.get(doc[phrase.end].idx)
        if mention is None or mention.kind != "name" or actors.type_of(mention.key) != "ORG":
            return None
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        after = doc[span.end] if span is not None and span.end < len(doc) else None
        if after is not None and not (after.is_punct or fold(after.text) in self.bare_complement_closers):
            return None
        return mention

    def _relative_possessor(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> ActorMention | None:
        """"le groupe Kalio, dont le PDG, Paul Roux, …": the noun that "dont" opens belongs to
        the name "dont" follows (its comma between), the relative's antecedent."""
        i = phrase.start - 1
        if i < 1 or fold(doc[i].text) not in self.relative_possessors:
            return None
        i -= 1
        if doc[i].text == "," and i > 0:
            i -= 1
        return actors.by_end.get(doc[i].idx + len(doc[i].text))

    def _topic_organisation(self, doc: Doc, phrase: NounPhrase, named: list[tuple[str, tuple[int, int]]],
                            actors: DocActors) -> list[tuple[str, tuple[int, int]]]:
        """"explique le PDG Julien X": a company title with only an article before it and its
        holder's name right after it names no organisation, and the reader takes it for the one
        the text has just been telling of: the only organisation named since the start of the
        sentence before (two, as in "Meta a racheté Lumo. Le fondateur X …", and the reader
        cannot tell). Not "le président X" or "le ministre X" (relations.toml
        ``bare_title_titles``), and never a state, an institution or a news agency."""
        if phrase.possessive or phrase.former or phrase.noun_start - phrase.start != 1 or len(named) != 1:
            return []
        if token_table(doc).folded[phrase.start] not in self.bare_title_articles:
            return []
        roles = [s for s in phrase.senses if s.relation == ROLE and s.titles]
        if not roles or roles[0].titles[0] not in self.bare_title_titles or phrase.end >= len(doc):
            return []
        holder, (holder_start, _) = named[0]
        if holder_start != doc[phrase.end].idx or actors.type_of(holder) != "PERSON":
            return []
        if self.kb.get(holder) is not None:
            return []  # a person the knowledge base knows has the posts it records (``_known_posts``)
        before = doc[phrase.start].idx
        window = self._window_start(doc, doc[phrase.start])
        organisations = {m.key for m in actors.mentions
                         if window <= m.start and m.end <= before and actors.type_of(m.key) == "ORG"}
        if len(organisations) != 1:
            return []
        key = organisations.pop()
        known = self.kb.get(key)
        if self.government.is_state(key, actors) or (known is not None and known.kind is not None) \
                or actors.is_institution(key):
            return []  # a state, a regulator, a news agency ("a confirmé à l'AFP"), a ministry or a court gives no company title
        return [(key, (before, before + len(doc[phrase.start])))]

    def _after_coordinator(self, doc: Doc, child: Token) -> bool:
        """"auprès du fonds Tikehau et de la Banque X": a "de" phrase after "et" coordinates with
        the phrase holding the noun (the parser may hang it on the noun); it is no complement."""
        cases = [c.i for c in child.children if c.dep_ == LABELS.case_marker]
        start = min(cases) if cases else child.i
        return start > 0 and fold(doc[start - 1].text) in self.coordinators

    def _serves_members(self, doc: Doc, phrase: NounPhrase) -> bool:
        """"son entraîneur", "son patron": a noun whose holder leads the organisation its
        possessor belongs to (relations.toml ``member_possessor_nouns``); not "son avocat"."""
        return fold(doc[phrase.head].text) in self.member_possessor_nouns

    @staticmethod
    def _joined_organisation(doc: Doc, person: str, phrase: NounPhrase, actors: DocActors) -> str | None:
        """"Le club X a recruté Y. Le joueur … Son entraîneur, Z": the one organisation an earlier
        JOIN event of the sentence's topic person names (the events component ran before)."""
        before = doc[phrase.start].idx
        joined = {target for event in doc._.events or [] if event.type == "JOIN" and event.end <= before
                  and person in event.sources for target in event.targets if actors.type_of(target) == "ORG"}
        return next(iter(joined)) if len(joined) == 1 else None

    def _brand_after_plural(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> ActorMention | None:
        """"les films Disney, comme A et B", "les smartphones Huawei": after a plural product
        noun, the organisation named right after it is the maker of what it announces."""
        if phrase.end >= len(doc) or not self._plural_at(doc, phrase.end - 1):
            return None
        if not any(s.relation == PRODUCT_OF and not s.complement_first for s in phrase.senses):
            return None
        mention = actors.by_start.get(token_table(doc).starts[phrase.end])
        return mention if mention is not None and actors.type_of(mention.key) == "ORG" else None

    def _fronted_host(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> ActorMention | None:
        """"Chez Nexal, la patronne Claire Morin …": a sentence opened by "chez Y," places the
        role nouns of its clause, that name no organisation of their own, at Y."""
        if not self.fronting_hosts or not doc.has_annotation("SENT_START"):
            return None
        starts = token_table(doc).sentence_starts
        first = starts[bisect_right(starts, phrase.head) - 1]
        if first + 3 >= len(doc) or fold(doc[first].text) not in self.fronting_hosts:
            return None
        host = actors.by_start.get(doc[first + 1].idx)
        if host is None:
            return None
        after = first_token_from(doc, host.end)
        if after >= len(doc) or doc[after].text != "," or phrase.start <= after:
            return None
        return host

    def _possessor_plausible(self, possessor: str, named_keys: set[str], actors: DocActors) -> bool:
        """A possessor the knowledge base contradicts (another maker) is a wrong guess, and so
        is one the product's name contradicts: "son service Apple Music" is Apple's, whoever
        "son" seemed to stand for."""
        for key in named_keys:
            known = self.kb.get(key)
            if known and known.maker and known.maker != possessor:
                return False
            if actors.name_maker(key) not in (None, possessor):
                return False
        return True

    def _surface_complement(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> ActorMention | None:
        """"de (la société) Y", "chez Y", "directrice E-commerce pour Y" after the noun; "Y's" or
        "Y CEO" before it (English)."""
        tokens = token_table(doc)  # read from the table: no Token built
        starts, pos, folded = tokens.starts, tokens.pos, tokens.folded
        i = self._classifiers_end(doc, phrase.end, actors)
        width = self._preposition_at(doc, i)
        if width:
            j, limit = i + width, min(i + width + 7, len(tokens))
            while j < limit:
                mention = actors.by_start.get(starts[j])
                if mention:
                    return self._name_in_description(doc, mention, limit, actors) or mention
                if j > i + width and self._classifier_at(doc, j, actors):
                    j += 2  # "de la société de logiciels Y"
                    continue
                # (``_complement_filler`` of the token: a determiner, adjective or noun)
                if not _in_compound(doc, j) and (tokens.is_punct[j] or pos[j] not in ("DET", "ADJ", "NOUN")):
                    break
                if j == i + width and pos[j] == "NOUN" and folded[i] in self.classifier_words:
                    break  # "le fonds d'investissement Y": a bare noun classifies, it does not own
                j += 1
        before = phrase.start - 1
        genitive = before > 0 and folded[before] in self.genitives
        if genitive or (before >= 0 and self.words["complement_before_noun"]):
            edge = before - 1 if genitive else before
            return actors.by_end.get(tokens.ends[edge])
        return None

    def _classifiers_end(self, doc: Doc, i: int, actors: DocActors) -> int:
        """The token after the words that qualify a noun before its complement: "directrice
        E-commerce pour Y", "filiale d'autocars de Y", "site de recherches de voyages de Y"."""
        tokens = token_table(doc)  # read from the table: no Token built
        modifiers = 0
        while i < len(tokens) and modifiers < 2 and self._free_modifier(tokens, i, actors):
            i, modifiers = i + 1, modifiers + 1
        for _ in range(3):
            if not self._classifier_at(doc, i, actors):
                break
            i += 2
            while i < len(tokens) and tokens.pos[i] == "ADJ" and tokens.starts[i] not in actors.by_start:
                i += 1
        return i

    def _name_in_description(self, doc: Doc, mention: ActorMention, limit: int, actors: DocActors):
        """The name a description introduces ("la société (de logiciels) Oracle"): the text's own
        word for the complement, before the recognizer's guess for the description."""
        if mention.kind != "description":
            return None
        j = first_token_from(doc, mention.end)
        while j < limit:
            found = actors.by_start.get(doc[j].idx)
            if found is not None:
                return found if found.kind == "name" else None
            if self._classifier_at(doc, j, actors):
                j += 2
                continue
            if not _in_compound(doc, j) and (doc[j].is_punct or not self._complement_filler(doc[j])):
                return None
            j += 1
        return None

    def _classifier_at(self, doc: Doc, i: int, actors: DocActors) -> bool:
        """Whether "de" and a bare noun start at ``i``: a kind ("de logiciels"), not an owner."""
        tokens = token_table(doc)
        return (i + 1 < len(tokens) and tokens.folded[i] in self.classifier_words and tokens.pos[i + 1] == "NOUN"
                and tokens.starts[i + 1] not in actors.by_start)

    def _free_modifier(self, tokens: TokenTable, i: int, actors: DocActors) -> bool:
        """Whether token ``i`` is a word qualifying a role noun before its complement ("Europe",
        "E-commerce"); a place too, even when taken for an actor ("directeur France d'Uber")."""
        mention = actors.by_start.get(tokens.starts[i])
        if mention is not None and actors.type_of(mention.key) not in ("LOC", "PERSON"):
            return False
        return (not tokens.is_punct[i] and tokens.pos[i] not in ("VERB", "AUX", "ADP", "DET", "CCONJ", "PRON")
                and tokens.folded[i] not in self.of_words)

    def _complement_end(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> int:
        """The token after the "de Y" complement (and its enumeration "de A, B et C"), or after
        the noun when there is none (worked out once per phrase: several finders ask)."""
        known = actors.complement_ends.get(id(phrase))
        if known is None or known[0] is not phrase:
            known = actors.complement_ends[id(phrase)] = (phrase, self._find_complement_end(doc, phrase, actors))
        return known[1]

    def _find_complement_end(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> int:
        brand = self._brand_after_plural(doc, phrase, actors)
        if brand is not None:  # "les films Disney, comme A": the list starts after the maker
            return first_token_from(doc, brand.end)
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

    @staticmethod
    def _window_start(doc: Doc, token: Token) -> int:
        """Start of the previous sentence: how far back a possessive looks for its possessor."""
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return 0
        sentences = [s for s in doc.sents if s.start <= token.i]
        return sentences[-2].start_char if len(sentences) >= 2 else 0


def _in_compound(doc: Doc, j: int) -> bool:
    """Whether token ``j`` is the hyphen or the second word of a lower-case compound the tokenizer
    split ("des aspirateurs-robots Herbix": "-" and "robots", whatever their tags)."""
    tokens = token_table(doc)  # a token is glued to the next when it ends where the next starts
    texts, starts, ends = tokens.texts, tokens.starts, tokens.ends
    if j < 1 or not texts[j - 1][:1].islower() and texts[j - 1] != "-":
        return False
    if texts[j] == "-":
        return (j + 1 < len(texts) and ends[j - 1] == starts[j] and ends[j] == starts[j + 1]
                and texts[j + 1][:1].islower())
    return (j >= 2 and texts[j - 1] == "-" and ends[j - 2] == starts[j - 1] and ends[j - 1] == starts[j]
            and texts[j][:1].islower())
