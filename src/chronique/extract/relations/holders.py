"""The actor a relational noun names: the holder, the product, the subsidiary.

"Sam Altman, patron d'OpenAI" (a name before the comma), "le PDG de Microsoft, Satya Nadella"
(after it), "X est le fondateur de Y" (a copula's subject), "les fondateurs de Y, à savoir A et
B" (a list), "le JDD aux mains de X" (a locution), "Nommé président de Y, X…" (a fronted title).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from chronique.extract.relations.complements import ComplementRules
from chronique.extract.relations.doc_actors import DocActors
from chronique.extract.relations.nouns import NounPhrase
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["HolderRules"]

LABELS = dependency_scheme("ud")
NAMED_AFTER_DEPS = LABELS.named_after_links
APPOSITION_DEPS = LABELS.apposition_links
#: How many words and marks may open the list a plural noun announces (", avec, entre autres,").
MAX_OPENERS = 5
SUBJECT_DEPS = LABELS.subjects


class HolderRules(ComplementRules):
    """Finders of the actor a noun phrase names, tried in order."""

    def _named(self, doc: Doc, phrase: NounPhrase, actors: DocActors) -> list[tuple[str, tuple[int, int]]]:
        """The holder/product/subsidiary: apposition, copula subject, name after it, description."""
        types = frozenset().union(*(s.named_types for s in phrase.senses))
        noun = doc[phrase.head]
        if any(self._denied(anchor) for anchor in self._anchors(noun, phrase)):
            return []  # "X n'est pas le PDG de Y": whoever the noun would name, it is denied
        finders: tuple[Callable[..., list], ...] = (
            self._named_listed, self._named_after, self._named_before, self._named_by_locution,
            self._copula_subject, self._description, self._described_before)
        if self._brand_after_plural(doc, phrase, actors) is not None:
            finders = (self._named_listed,)  # "les films Disney, comme A et B": Disney makes them
        for finder in finders:
            found = finder(doc, phrase, noun, actors, types)
            if found:
                return self._with_listed_after(doc, phrase, found, actors, types)
        return []

    def _with_listed_after(self, doc, phrase, found, actors, types):
        """"ses filiales Alpro et Silk", "les marques Solara, Brumel et Kastel": a plural noun
        names every actor of the list that starts with the name found right after it."""
        if len(found) != 1 or not self._plural_at(doc, phrase.end - 1):
            return found
        key, (start, end) = found[0]
        if start < token_table(doc).starts[phrase.end - 1]:
            return found  # a name before the noun ("A et B, filiales de Y" is the parser's list)
        items, surely = actors.enumeration_after(end, types, self.enumeration_links, self.coordinators)
        if not surely:
            return found
        return found + [(m.key, (m.start, m.end)) for m in items if m.key != key]

    def _named_listed(self, doc, phrase, noun, actors, types):
        """"les fondateurs de Y - à savoir A et B -", "les applications de Y, telles que A, B et
        le navigateur C": the actors a plural noun announces, listed after it."""
        if not self._plural_at(doc, phrase.end - 1):
            return []
        i = self._complement_end(doc, phrase, actors)
        opened = 0
        while i < len(doc) and opened < MAX_OPENERS:
            width = self._opener_at(doc, i)
            if not width:
                break
            i, opened = i + width, opened + 1
        if not opened:
            return []
        starts = token_table(doc).starts
        while i < len(doc) and self._complement_filler(doc[i]) and starts[i] not in actors.by_start:
            i += 1
        first = actors.by_start.get(starts[i]) if i < len(doc) else None
        if first is None or actors.type_of(first.key) not in types:
            return []
        items, _ = actors.enumeration_after(first.end, types, self.enumeration_links, self.coordinators,
                                            self._listed_filler, of_words=self.example_words)
        return [(m.key, (m.start, m.end)) for m in (first, *items)]

    def _listed_filler(self, token: Token) -> bool:
        """What may stand before a listed name: "la série télévisée/VERB X", "des classiques
        comme Y" (a participle after its noun, and the example words, pass too)."""
        if self._complement_filler(token):
            return True
        return (token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm", []) and token.i > 0
                and token.doc[token.i - 1].pos_ == "NOUN" and token.is_lower)

    def _opener_at(self, doc: Doc, i: int) -> int:
        """Width of a word or punctuation opening a list of named actors at token ``i``."""
        folded = token_table(doc).folded  # fold(t.text) of every token, computed once per Doc
        for words in self.openers:
            # (the first word compared first: most tokens open no list, and no tuple is built)
            if words and (i >= len(folded) or folded[i] != words[0]):
                continue
            if tuple(folded[i : i + len(words)]) == words:
                return len(words)
        return 0

    def _named_by_locution(self, doc, phrase, noun, actors, types):
        """"le JDD aux mains de X", "Y, dans le giron de X": a prepositional phrase names the
        actor it follows, with or without a comma (with one for a locution that may tell how
        the clause's action went: "Y, sous la houlette de X")."""
        if doc[phrase.noun_start].pos_ != "ADP" or phrase.start < 1:
            return []
        before = phrase.start - 1
        if doc[before].text == "," and before >= 1:
            before -= 1
        elif all(sense.needs_comma for sense in phrase.senses):
            return []
        mention = actors.by_end.get(doc[before].idx + len(doc[before].text))
        if mention and actors.type_of(mention.key) in types:
            return [(mention.key, (mention.start, mention.end))]
        return []

    def _described_before(self, doc, phrase, noun, actors, types):
        """"la société propriétaire de CBS": a description the recognizer resolved, qualified by
        the relational noun that follows it without a comma."""
        if phrase.start < 1:
            return []
        mention = actors.by_end.get(token_table(doc).ends[phrase.start - 1])
        if mention and mention.kind == "description" and actors.type_of(mention.key) in types:
            return [(mention.key, (mention.start, mention.end))]
        return []

    def _named_after(self, doc, phrase, noun, actors, types):
        """"son entreprise xAI", "le PDG de Microsoft, Satya Nadella": a name right after the phrase."""
        after = self._complement_end(doc, phrase, actors)
        parse = parse_table(doc)
        for c in parse.children[noun.i]:  # by index: a Token only for a child that may name
            if c < after or parse.deps[c] not in NAMED_AFTER_DEPS:
                continue
            child = doc[c]
            if not self._has_of_case(child):
                keys = actors.keys_of(child, types)
                mention = actors.at_token(child)
                if keys and mention and not self._qualifies(doc, mention):
                    return [(k, (mention.start, mention.end)) for k in keys]
        tokens, edge = token_table(doc), after
        texts = tokens.texts
        while (edge < len(doc) and edge - phrase.end < 6 and tokens.in_subtree(edge, noun.i)
               and not tokens.is_punct[edge] and tokens.starts[edge] not in actors.by_start):
            edge += 1  # "le ministre allemand des Finances, X": the noun's own modifiers, then a comma
        if edge < len(doc) and texts[edge] == ",":
            after = edge
        comma = after < len(doc) and texts[after] == ","
        position = after + 1 if comma else after
        if position < len(doc):
            mention = actors.by_start.get(tokens.starts[position])
            anchor = position
            if mention is None and comma:
                # "Sa maison mère, le groupe Ludéa,": a classifying noun between comma and name
                anchor, mention = self._classified_name(doc, position, actors)
            if mention and actors.type_of(mention.key) in types:
                head = tokens.heads[anchor]
                if not comma or phrase.start <= head < after or self._fronted(doc, phrase):
                    return [(mention.key, (mention.start, mention.end))]
        return []

    def _classified_name(self, doc: Doc, position: int, actors: DocActors) -> tuple[int, ActorMention | None]:
        """The name after a determiner and a lower-case noun (adjectives after it) at ``position``
        ("le groupe Ludéa", "la start-up lyonnaise Kalio"): (the noun's position, the name's
        mention), or (``position``, None)."""
        tokens = token_table(doc)
        if tokens.folded[position] not in self.apposition_articles or position + 2 >= len(doc):
            return position, None
        noun = position + 1
        if tokens.pos[noun] != "NOUN" or not tokens.texts[noun].islower():
            return position, None
        i = noun + 1
        while i < len(doc) and i - noun <= 2 and tokens.pos[i] == "ADJ" and tokens.texts[i].islower():
            i += 1
        mention = actors.by_start.get(tokens.starts[i]) if i < len(doc) else None
        return (noun, mention) if mention is not None else (position, None)

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
        tokens = token_table(doc)
        texts = tokens.texts
        if texts[i] == ")":
            opening = next((j for j in range(i - 1, max(i - 5, -1), -1) if texts[j] == "("), None)
            if opening is None or opening == 0:
                return None
            i = opening - 1
        return actors.by_end.get(tokens.ends[i])

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
            mention = self._mention_ending_at(doc, self._before_age(doc, phrase.start - 2), actors)
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

    def _before_age(self, doc: Doc, i: int) -> int:
        """Past an age told between commas before the apposition ("Anne Roux, 52 ans, directrice
        de Y"): the token before its comma; else ``i`` itself."""
        if i >= 3 and fold(doc[i].text) in self.age_units and doc[i - 1].like_num and doc[i - 2].text == ",":
            return i - 3
        return i

    def _closed(self, doc: Doc, phrase: NounPhrase, noun: Token, actors: DocActors) -> bool:
        """Whether the phrase ends where an apposition ends, not where a clause goes on with a verb."""
        tokens = token_table(doc)
        i = self._complement_end(doc, phrase, actors)
        while i < len(doc) and tokens.in_subtree(i, noun.i) and not tokens.is_punct[i]:
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

    def _denied(self, anchor: Token) -> bool:
        """"X n'est pas le PDG de Y", "X n'a jamais été le patron de Y", "qui n'est pas l'un des
        fondateurs": a predicate the sentence denies states no relation. "ne … plus" is kept (a
        former role, which the gold keeps too) and so is "pas seulement" (the word hangs on
        "seulement", not on the noun)."""
        heads = [anchor] + [c for c in anchor.children if c.dep_ == LABELS.copula]  # "n'est/cop pas"
        if anchor.head.i != anchor.i and self._lemma(anchor.head) in self.words["copula_lemmas"]:
            heads.append(anchor.head)  # "X n'est pas devenu patron de Y"
        return any(fold(c.text) in self.negation_words for head in heads for c in head.children)

    def _relative_antecedent(self, doc, anchor: Token, actors: DocActors, types):
        """"…du milliardaire X, qui est à l'origine de Y": the name just before the relative "qui"
        whose clause the noun heads."""
        parse, tokens = parse_table(doc), token_table(doc)  # by index: no Token per child
        for c in parse.children[anchor.i]:
            if parse.deps[c] in SUBJECT_DEPS and tokens.pos[c] == "PRON" and "Rel" in parse.features[c].get("PronType", ()):
                before = c - 1
                if before >= 0 and tokens.texts[before] == ",":
                    before -= 1
                mention = actors.by_end.get(tokens.ends[before]) if before >= 0 else None
                if mention and actors.type_of(mention.key) in types:
                    return [(mention.key, (mention.start, mention.end))]
        return []

    def _subject_of(self, anchor: Token, phrase: NounPhrase) -> Token | None:
        copulas = set(self.words["copula_lemmas"])
        parse = parse_table(anchor.doc)
        if any(parse.deps[c] == LABELS.copula for c in parse.children[anchor.i]):
            return self._subject_child(anchor)
        verb = anchor.head
        if verb.pos_ == "NOUN" and self._lemma(verb) in self.duration_nouns and verb.dep_ == LABELS.object:
            verb = verb.head  # "rester quelques mois/obj à la tête de Y": the parser hangs the post on the time
        if verb.i == anchor.i or self._lemma(verb) not in copulas:
            return None
        if self._lemma(verb) in self.membership_copulas and not phrase.membership:
            return None
        subject = self._subject_child(verb)
        if subject is None and verb.dep_ == LABELS.clausal_modifier:  # "Sam Altman, devenu patron d'OpenAI"
            return verb.head
        if subject is None and verb.dep_ == LABELS.open_complement and self._lemma(verb.head) in self.raising_verbs:
            # "X va rester à la tête de Y": the subject of "va"; not a post wished or possible
            # ("X veut devenir PDG de Y"), nor one the raising verb denies ("X ne va pas rester")
            if self._lemma(verb.head) not in self.raising_future_verbs and self._lemma(verb) not in self.staying_copulas:
                return None
            if any(fold(c.text) in self.negation_words for c in verb.head.children):
                return None
            if any(c.dep_.startswith(LABELS.auxiliary_prefix) and "Cnd" in c.morph.get("Mood", []) for c in verb.head.children):
                return None  # "X aurait dû devenir PDG de Y": a post that was to be and was not
            return self._subject_child(verb.head)
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
