"""A person named by one word, told by what the article says of that name.

Sport, music and politics name people by one name ("Neymar a rejoint …", "Orelsan a annoncé
…", "Zidane a estimé …"). The model calls such a word a person, a place, a company or nothing,
and with no first name, no cue noun and no full name it is left untyped (``lone-name``). The
article often says more, in ways only a person takes, and these decide (data in
``lexicons/<lang>/persons.toml`` and the person cue nouns of ``actors.toml``), never a list of
names:

* an age set off after the name: "Rafinho, 24 ans, …", "Zidane (52 ans)", "X, âgé de 30 ans";
* an apposition with a person's noun: "Zidane, l'entraîneur du Real, …", "X, son idole, …"
  (the noun must not open another name: "Nice, l'entraîneur Franck Haise" is about Haise);
* a relative named with a possessive after the name, no other name between: "Rodri est arrivé
  avec sa femme", "Orelsan et son frère";
* a quote in the first person singular that the name says: "« Je suis fier », a déclaré X"
  (an organisation speaks as "nous");
* a nationality said as a noun, opening the next sentence: "Neymar a rejoint Al-Hilal. Le
  Brésilien a signé …" (a company is "le groupe brésilien"), when the name is the one subject
  of the sentence before that could be it and that sentence names no person's noun ("X a vendu
  son attaquant. Le Brésilien …" is the attacker).

Where the model itself took the word for a person, weaker cues agree with it: a noun a player
has but a club may have too ("X a quitté son club", "son entraîneur"), a reflexive verb of
feeling right after the name ("X s'est dit heureux", "X se sent prêt").

A capitalised nationality after an article ("le Brésilien", "l'Argentine" is a country) names
nobody by itself: :meth:`PersonCues.is_nationality_noun`.

One such cue anywhere in the article types every mention of the word. A name after a
preposition ("Selon Reuters, le porte-parole …", "À Nice, l'entraîneur …") takes no apposition,
and a place of the lexicon never becomes a person.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from chronique.extract.actors.names import WORDS, NamedSpan, name_like, span_text
from chronique.extract.actors.origins import origin_forms
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold, without_accents

__all__ = ["PersonCues"]

LABELS = dependency_scheme("ud")

#: How many tokens after a name a relative with a possessive may stand, in the same sentence.
RELATIVE_WINDOW = 12
#: How many words (the reporting verb, its auxiliary, an adverb) may stand between a closing
#: quote's comma and the name that says it ("», a-t-il déclaré" is no name).
SAYING_WORDS = 3
#: The types a one-word name may have been given and still be retyped as a person.
RETYPED = frozenset({"PERSON", "OTHER", "ORG", "LOC"})


class PersonCues:
    """Finds, per article, the one-word names the text shows to be people."""

    def __init__(self, words: dict[str, Any], persons: dict[str, Any], places: frozenset[str]) -> None:
        nouns = [*words["cue_nouns"]["PERSON"], *persons["relative_nouns"]]
        self.nouns = {tuple(WORDS.findall(fold(noun))) for noun in nouns}
        self.longest = max(len(n) for n in self.nouns)
        self.determiners = frozenset(fold(d) for d in words["apposition_determiners"])
        self.relatives = {tuple(WORDS.findall(fold(noun))) for noun in persons["relative_nouns"]}
        self.possessives = frozenset(persons["possessives"])
        self.model_relatives = self.relatives | {tuple(WORDS.findall(fold(noun)))
                                                 for noun in persons["person_model_relatives"]}
        self.reflexives = frozenset(fold(w) for w in persons["reflexives"])
        self.feeling_verbs = frozenset(fold(w) for w in persons["feeling_verbs"])
        self.age_units = frozenset(persons["age_units"])
        self.aged = frozenset(fold(w) for w in persons["aged_words"])
        self.first_person = frozenset(fold(w) for w in (
            *words["first_person_singular"], *persons["first_person_possessives"]))
        self.openers = frozenset(persons["quote_openers"])
        self.closers = frozenset(persons["quote_closers"])
        self.places = places
        self.nationalities = frozenset(without_accents(form) for form in origin_forms(words))
        # "la Corse", "la Suisse": an invariable adjective after a feminine article may be a place
        self.invariable = frozenset(without_accents(adjective) for adjectives in words["origins"].values()
                                    for adjective in adjectives if adjective.endswith("e"))
        self.feminine_articles = frozenset(fold(w) for w in persons["feminine_articles"])
        self.articles = frozenset(fold(w) for w in persons["nationality_articles"])
        self.person_nouns = {tuple(WORDS.findall(fold(noun))) for noun in words["cue_nouns"]["PERSON"]}
        #: The first word of every noun of the three sets above (what a noun's first token must open with).
        self.first_words = frozenset(noun[0] for noun in self.nouns | self.model_relatives | self.person_nouns if noun)

    def apply(self, doc: Doc, names: list[NamedSpan], first_names: frozenset[str]) -> None:
        """Type as a person every one-word name (of no known actor) that one of its mentions
        shows to be a person; rule ``person-cue``."""
        tokens = token_table(doc)
        candidates: dict[str, list[NamedSpan]] = {}
        for name in names:
            if len(name.span) != 1 or name.kb_id is not None or name.key is not None or name.type not in RETYPED:
                continue
            if name.typed_by_cue and name.type != "PERSON" or name.source == "kb":
                continue
            word = span_text(name.span, tokens)
            if word in self.places or word in first_names or not word[:1].isupper() or not word.isalpha():
                continue
            candidates.setdefault(word, []).append(name)
        starts = {n.span.start for n in names}
        described = self._described_words(tokens, names, candidates)
        for word, group in candidates.items():
            if word in described or any(self._shows_person(tokens, n.span.start, starts) for n in group) or any(
                    n.type == "PERSON" and n.source == "model" and self._agrees_with_model(tokens, n.span.start, starts)
                    for n in group):
                for name in group:
                    name.type, name.typed_by_cue, name.rule = "PERSON", True, "person-cue"

    def is_nationality_noun(self, tokens: TokenTable, i: int) -> bool:
        """"le Brésilien", "L'Argentin", "les Français": a capitalised nationality after an
        article, people's description and no name; a state's name ("l'Argentine", "la Suisse")
        is no nationality."""
        word = tokens.texts[i]
        if i == 0 or not word[:1].isupper() or word.isupper() or word in self.places:
            return False
        article = fold(tokens.texts[i - 1])
        if article not in self.articles:
            return False  # (the last test below, first: most words follow no article of the list)
        bare = without_accents(word)
        if bare in self.invariable and article in self.feminine_articles:
            return False
        return bare in self.nationalities and article in self.articles

    def _described_words(self, tokens: TokenTable, names: list[NamedSpan],
                         candidates: dict[str, list[NamedSpan]]) -> set[str]:
        """The candidate words a nationality noun opening the next sentence describes ("X a rejoint
        Y. Le Brésilien a signé"): the one candidate subject of the sentence before, which names
        no person's noun and no person of several words."""
        found: set[str] = set()
        texts, starts = tokens.texts, tokens.sentence_starts
        for index, start in enumerate(starts[1:], 1):
            if start + 1 >= len(texts) or not self.is_nationality_noun(tokens, start + 1):
                continue
            previous = range(starts[index - 1], start)
            words = {word for word, group in candidates.items()
                     if any(n.span.start in previous and tokens.deps[n.span.start] in LABELS.subjects for n in group)}
            if len(words) != 1:
                continue  # (the two tests below only ever confirm one candidate)
            if any(n.type == "PERSON" and len(n.span) > 1 and n.span.start in previous for n in names):
                continue
            if not any(self._noun_at(tokens.folded, k, self.person_nouns) for k in previous):
                found |= words
        return found

    def _shows_person(self, tokens: TokenTable, i: int, name_starts: set[int]) -> bool:
        return (self._aged(tokens, i) or self._apposed(tokens, i) or self._with_relative(tokens, i, name_starts)
                or self._says_i(tokens, i))

    # -- the cues --------------------------------------------------------------------------
    def _aged(self, tokens: TokenTable, i: int) -> bool:
        """", 24 ans,", " (24 ans)", ", âgé de 24 ans": an age closed by a comma, bracket or stop."""
        texts, folded = tokens.texts, tokens.folded
        k = i + 1
        if k >= len(texts) or texts[k] not in (",", "("):
            return False
        k += 1
        if k + 1 < len(texts) and folded[k] in self.aged and folded[k + 1] == "de":
            k += 2
        if k + 2 >= len(texts) or not tokens.like_num[k] or folded[k + 1] not in self.age_units:
            return False
        return texts[k + 2] in (",", ")", ".", ";")

    def _apposed(self, tokens: TokenTable, i: int) -> bool:
        """", l'entraîneur du Real,", ", son idole,": a determiner, one adjective at most, then a
        person's noun that opens no name of its own. Never after a preposition."""
        texts, folded = tokens.texts, tokens.folded
        if i > 0 and tokens.pos[i - 1] == "ADP":
            return False
        k = i + 1
        if k + 2 >= len(texts) or texts[k] != "," or fold(texts[k + 1]) not in self.determiners:
            return False
        for start in (k + 2, k + 3):
            size = self._noun_at(folded, start, self.nouns)
            if size:
                after = start + size
                return after >= len(texts) or not name_like(texts[after]) or tokens.sent_starts[after]
        return False

    def _with_relative(self, tokens: TokenTable, i: int, name_starts: set[int],
                       nouns: set[tuple[str, ...]] | None = None) -> bool:
        """"X est arrivé avec sa femme": a possessive and a relative after the name in its
        sentence, with no other name between them."""
        texts, folded, sent_starts = tokens.texts, tokens.folded, tokens.sent_starts
        for k in range(i + 1, min(len(texts) - 1, i + RELATIVE_WINDOW)):
            if sent_starts[k] or k in name_starts:
                return False
            if folded[k] in self.possessives and self._noun_at(folded, k + 1, nouns or self.relatives):
                return True
        return False

    def _agrees_with_model(self, tokens: TokenTable, i: int, name_starts: set[int]) -> bool:
        """Weaker cues, for a word the model took for a person: "X a quitté son club", "X s'est
        dit heureux" (a reflexive verb of feeling right after the name)."""
        if self._with_relative(tokens, i, name_starts, self.model_relatives):
            return True
        folded = tokens.folded
        k = i + 1
        if k < len(folded) and folded[k] in self.reflexives:
            k += 1
            if k < len(folded) and tokens.pos[k] == "AUX":
                k += 1
            return k < len(folded) and folded[k] in self.feeling_verbs
        return False

    def _says_i(self, tokens: TokenTable, i: int) -> bool:
        """"« Je suis fier », a déclaré X": the name closes a saying clause right after a quote
        whose words include a first person singular."""
        texts, pos = tokens.texts, tokens.pos
        k = i - 1
        steps = 0
        while k >= 0 and steps < SAYING_WORDS and texts[k].islower() and pos[k] in ("VERB", "AUX", "ADV"):
            k, steps = k - 1, steps + 1
        if steps == 0 or k < 1 or texts[k] != "," or texts[k - 1] not in self.closers:
            return False
        k -= 2
        while k >= 0 and texts[k] not in self.openers and not (texts[k] in self.closers and texts[k] != '"'):
            if fold(texts[k]) in self.first_person:
                return True
            k -= 1
        return False

    def _noun_at(self, folded: list[str], start: int, nouns: set[tuple[str, ...]]) -> int:
        """The number of tokens of the longest noun of ``nouns`` starting at ``start``, else 0.

        Most words open no noun of the lexicon: a look at the first word rules them out before
        the longer stretches are joined and split into words (a match never crosses the space
        between two tokens, so the first word of a stretch is the first word of its first token)."""
        opening = WORDS.findall(folded[start]) if start < len(folded) else []
        if opening and opening[0] not in self.first_words:
            return 0
        for size in range(min(self.longest, len(folded) - start), 0, -1):
            if tuple(WORDS.findall(" ".join(folded[start : start + size]))) in nouns:
                return size
        return 0
