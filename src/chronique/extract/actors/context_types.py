"""Unknown names typed from their context, not from the NER label alone; non-names dropped.

The statistical NER calls a club named after its city a place ("Chelsea"), a company it has
never seen a place or a miscellany ("Uniper", "Vinted"), a film a miscellany ("Casablanca"),
and it takes capitalised common words, dates and datelines for names ("Résultat", "Vendredi
14", "NEW YORK (Reuters)"). The text says better, in general ways:

* the words before a name: "au capital de X", "le conseil d'administration de X", "la
  commercialisation du X" (the lexicon's ``company_context_before``, ``org_context_before`` and
  ``product_context_before``);
* a word inside a name: "Sporting Club de Braga", "Premier League" (``inner_org_words``);
* the list a name stands in, and the plural cue that opens it: "douze clubs (A, B, C)",
  "des films tels que « A » et « B »", "un groupe de médias : A, B, C"; failing a cue, the list's
  other members, when at least two of them are surely typed alike (:mod:`list_types`);
* a state is a place ("La Chine a annoncé"), whatever a verb or a cue nearby suggests.

Known (knowledge-base) names are never retyped. Every retyped name says why in ``rule``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from chronique.extract.actors.business_subjects import verb_lemmas
from chronique.extract.actors.deal_types import DealTyper
from chronique.extract.actors.doc_kinds import DocumentKinds, join_model_names
from chronique.extract.actors.launch_types import LaunchTyper
from chronique.extract.actors.list_types import ListTyper
from chronique.extract.actors.names import (
    CueIndex,
    NamedSpan,
    line_before,
    seen_last_words,
    span_text,
    span_words,
)
from chronique.extract.actors.person_cues import PersonCues
from chronique.extract.actors.role_types import RoleComplementTyper
from chronique.extract.actors.subsidiary_names import SubsidiaryCues
from chronique.kb import KnowledgeBase
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["ContextTyper"]

LABELS = dependency_scheme("ud")
#: What may stand right before a word that opens a sentence or a heading.
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", "—", "–", "-", "«", '"', "…"})
ELIDED_ARTICLES = ("la ", "le ", "les ", "l'")


class ContextTyper:
    """Retypes unknown names from their context and drops what names nobody."""

    def __init__(
        self, words: dict[str, Any], places: dict[str, Any], first_names: frozenset[str], kb: KnowledgeBase,
        kinds: dict[str, Any], persons: dict[str, Any],
    ) -> None:
        contractions = words["cue_contractions"]
        self.context = CueIndex(
            [(c, "ORG") for c in words["company_context_before"] + words["org_context_before"]]
            + [(c, "PRODUCT") for c in words["product_context_before"]],
            contractions,
        )
        self.team_context = CueIndex([(c, "ORG") for c in words.get("team_context_before", [])], contractions)
        self.seat_context = CueIndex([(c, "ORG") for c in words.get("org_context_after", [])], contractions)
        verb_endings = dict(words["verb_endings"])
        self.deals = DealTyper(words, lambda verb: verb_lemmas(verb, verb_endings))
        self.launches = LaunchTyper(words, lambda verb: verb_lemmas(verb, verb_endings))
        self.role_complements = RoleComplementTyper(words)
        self.subsidiaries = SubsidiaryCues(words)
        self.inner_org_words = frozenset(words["inner_org_words"])
        #: "Me Dubois": the civil title the name was cut from says a person (actors.toml: civil_titles)
        self.civil_titles = frozenset(words.get("civil_titles", {}))
        self.inner_org_abbreviations = frozenset(words["inner_org_abbreviations"])
        self.company_words = (
            frozenset(words["org_suffixes"])
            | self.inner_org_words
            | frozenset(words["company_tail_words"])
            | frozenset(words["name_joiners"])
        )
        self.kb = kb
        self.press_abbreviations = frozenset(words["press_abbreviations"])
        self.capitalised_titles = frozenset(fold(t) for t in words.get("capitalised_titles", []))
        self.calendar_words = frozenset(fold(w) for w in words["calendar_words"])
        self.countries = frozenset(places["countries"])
        self.capitals = frozenset(places.get("capitals", {}))
        self.cities = frozenset(places.get("cities", ()))
        self.first_names = first_names
        self.lists = ListTyper(words, kinds, self.context, self.is_country)
        self.kinds = DocumentKinds(words, kinds, contractions)
        self.persons = PersonCues(words, persons, self.countries | self.capitals)

    def apply(self, doc: Doc, text: str, names: list[NamedSpan]) -> list[NamedSpan]:
        names = [n for n in names if not self.names_nobody(doc, text, n)]
        surnames = self._surnames(names)
        for name in names:
            if name.kb_id is None and name.key is None:
                self._retype_alone(text, name)
                self._retype_by_seat(text, name, surnames)
        self.deals.apply(names, self.is_known_place, surnames, self.first_names)
        self.launches.apply(names, self.is_known_place)
        self.role_complements.apply(names, self.is_known_place)
        list_kinds: dict[int, str] = {}
        names += self.lists.apply(doc, text, names, list_kinds)
        self.kinds.decide(text, names, list_kinds, self.deals.bought)
        for name in names:
            if name.kb_id is None and name.key is None:
                self._brand_product(name, names)
        join_model_names(names)
        self.persons.apply(doc, names, self.first_names)
        for name in names:
            self._lone_person(name, names)
            self._surname_taken_for_place(name, names)
        names = sorted(names, key=lambda n: n.span.start)
        self._join_short_forms(doc, names)
        return names

    # -- one actor per actor -----------------------------------------------------------------
    def _join_short_forms(self, doc: Doc, names: list[NamedSpan]) -> None:
        """"Ligue de football professionnel (LFP)", "la LFP", "la Ligue": one actor. An acronym in
        brackets right after a name (and that acronym wherever the article uses it again), an
        acronym of a name's initials, and a name's first word alone join the one organisation of
        the article they fit."""
        tokens = token_table(doc)
        long_names = [n for n in names if n.type == "ORG" and len(n.span) > 1 and n.key is None]
        defined: dict[str, list[NamedSpan]] = {}  # "(CAC)" after its name: every later "CAC" too
        for name in names:
            span = name.span
            word = span_text(span, tokens)
            # an acronym the model alone took for a place ("à la tête de l'OL") may still be the initials
            # of the article's organisation ("l'Olympique Lyonnais"); a country never is
            model_place = (name.type == "LOC" and name.source == "model" and name.rule != "place"
                           and word.isupper() and not self.is_country(word))
            if len(span) != 1 or name.kb_id is not None or name.key is not None or (
                    name.type in ("LOC", "PERSON") and not model_place):
                continue
            bracketed = [
                n for n in long_names
                if n.span.end + 1 == span.start and doc[n.span.end].text == "("
            ]
            if word.isupper() and len(word) >= 2:
                holders = bracketed or defined.get(word) or [n for n in long_names if self._initials(n) == word]
                if not holders and model_place:
                    # "MSC Croisières … MSC" the model took for a place: the longer name's first
                    # word (an acronym it knows as an organisation, "RTL", may be another actor)
                    holders = [n for n in long_names if tokens.texts[n.span.start] == word]
                if bracketed:
                    defined[word] = bracketed
            elif model_place:
                continue
            else:  # (not a subsidiary named after its parent: "Telvia … sa filiale Telvia Pylônes")
                holders = self.subsidiaries.parents_only(n for n in long_names if tokens.texts[n.span.start] == word)
            keys = {n.kb_id or f"org:{span_text(n.span, tokens)}" for n in holders}
            if len(keys) == 1:
                name.key, name.type, name.rule = keys.pop(), "ORG", "acronym" if word.isupper() else "short-form"
                name.kb_id = holders[0].kb_id

    def _initials(self, name: NamedSpan) -> str:
        """"LFP" for "Ligue de football professionnel": the first letters of its words, the
        small joining words left out."""
        tokens = token_table(name.span.doc)
        start, end = name.span.start, name.span.end
        return "".join(word[0].upper() for word, stop in zip(tokens.texts[start:end], tokens.is_stop[start:end])
                       if word.isalpha() and not stop)

    # -- a product named after its maker; a lone word the model took for a person ------------
    def _brand_product(self, name: NamedSpan, names: list[NamedSpan]) -> None:
        """"Apple Music", "Fiat Topolino", "HBO Max": a known organisation's name, then words
        that are neither a company suffix, nor a place, nor an organisation's word."""
        span = name.span
        if len(span) < 2 or name.type == "PERSON" or name.rule in ("inner-word", "list-cue"):
            return
        words = span_words(span)  # read from the token table: no Token or Span built
        rest = words[1:]
        if any(word in self.company_words or self.is_country(word) for word in rest):
            return
        if not rest[0][:1].isupper() and not rest[0][:1].isdigit():
            return
        # the maker must be an organisation the knowledge base knows: "la Ligue" named in the
        # text does not make "Ligue 1" a product of it
        known = [self.kb.get(k) for k in self.kb.actors_named(words[0])]
        if len(known) == 1 and known[0] is not None and known[0].type == "ORG":
            name.type, name.typed_by_cue, name.rule = "PRODUCT", True, "brand-product"

    def _lone_person(self, name: NamedSpan, names: list[NamedSpan]) -> None:
        """One word the model alone calls a person, no first name, no cue, the surname of
        nobody in the article: the short form of an organisation whose name holds it ("Braga"
        for "Sporting Club de Braga"), else nobody we can type ("(ou Adtech)")."""
        span = name.span
        if name.type != "PERSON" or name.source != "model" or name.typed_by_cue or len(span) != 1:
            return
        if span.start > 0 and span.doc[span.start - 1].text in self.civil_titles:
            return  # "a déclaré Me Dubois": the title cut from the model's name says a person
        word = span.text
        people = [n for n in names if n.type == "PERSON" and len(n.span) > 1 and word in (t.text for t in n.span)]
        if people or word in self.first_names:
            return
        holders = {n.kb_id or n.span.text: n for n in names if n.type == "ORG" and len(n.span) > 1 and word in (t.text for t in n.span)}
        if len(holders) == 1:
            holder = next(iter(holders.values()))
            name.type, name.rule = "ORG", "short-form"
            name.kb_id = holder.kb_id
            name.key = holder.kb_id or f"org:{holder.span.text}"
        elif not holders:
            name.type, name.rule = "OTHER", "lone-name"

    def _surname_taken_for_place(self, name: NamedSpan, names: list[NamedSpan]) -> None:
        """One word the model alone calls a place that is the surname of the one person the
        article names in full ("Jaume Roures" … "ni Roures ni son avocat"): that person's surname.
        A country or a capital never is."""
        span = name.span
        if name.type != "LOC" or name.source != "model" or name.typed_by_cue or len(span) != 1:
            return
        word = span.text
        if self.is_country(word) or word in self.capitals or not word[:1].isupper():
            return  # "Washington" stays the capital even beside "Denzel Washington"
        tokens = token_table(span.doc)
        people = {span_text(n.span, tokens) for n in names
                  if n.type == "PERSON" and len(n.span) > 1 and tokens.texts[n.span.end - 1] == word}
        if len(people) == 1:
            name.type, name.rule = "PERSON", "surname"

    # -- what names nobody -------------------------------------------------------------------
    def names_nobody(self, doc: Doc, text: str, name: NamedSpan) -> bool:
        """A press abbreviation, a dateline, a date, or one capitalised common word opening a
        sentence ("Résultat, …", "Morceaux choisis.") that does not act in it, a nationality said as a
        noun ("le Brésilien"). Read from the
        token table: no ``Token`` is built."""
        if name.kb_id is not None or name.key is not None:
            return False
        tokens = token_table(doc)
        texts, folded = tokens.texts, tokens.folded
        start, end = name.span.start, name.span.end
        start_char, end_char = tokens.starts[start], tokens.ends[end - 1]
        span_text = text[start_char:end_char]
        if span_text in self.press_abbreviations or fold(span_text) in self.capitalised_titles:
            return True
        if end - start > 1 and folded[start] in self.calendar_words and all(
                tokens.like_num[k] or tokens.is_punct[k] or folded[k] in self.calendar_words
                for k in range(start + 1, end)):
            return True
        if all(texts[k].isupper() or not texts[k].isalpha() for k in range(start, end)) and len(span_text) > 3 \
                and self._is_dateline(text, start_char, end_char):
            return True
        if end - start != 1:
            return False
        if self.persons.is_nationality_noun(tokens, start):
            return True  # "Le Brésilien a signé": a person's description, no name
        previous = texts[start - 1] if start > 0 else "\n"
        opens = tokens.sent_starts[start] or previous in SENTENCE_OPENERS or "\n" in previous
        common = tokens.pos[start] in ("NOUN", "ADJ", "VERB", "ADV") and tokens.lemmas[start].islower()
        return (
            opens
            and common
            and doc.vocab.has_vector(texts[start].lower())
            and tokens.deps[start] not in LABELS.subjects
            and not self._capitalised_elsewhere(doc, start)
        )

    @staticmethod
    def _is_dateline(text: str, start_char: int, end_char: int) -> bool:
        """"NEW YORK (Reuters) -", "PARIS —": upper-case words opening a line, then a bracket
        or a dash."""
        if line_before(text, start_char).strip():
            return False
        after = text[end_char : end_char + 3].lstrip()
        return after[:1] in ("(", "-", "–", "—", ",", ":")

    @staticmethod
    def _capitalised_elsewhere(doc: Doc, i: int) -> bool:
        tokens = token_table(doc)
        texts, sent_starts, is_punct = tokens.texts, tokens.sent_starts, tokens.is_punct
        word = texts[i]
        return any(
            texts[k] == word and not sent_starts[k] and k > 0 and not is_punct[k - 1]
            for k in range(len(texts))
            if k != i
        )

    # -- one name --------------------------------------------------------------------------
    def _retype_alone(self, text: str, name: NamedSpan) -> None:
        span = name.span
        tokens = token_table(span.doc)
        start, end = span.start, span.end
        words = tokens.texts[start:end]
        start_char = tokens.starts[start]
        if self.is_country(text[start_char : tokens.ends[end - 1]]):
            if len(words) > 1 and tokens.pos[start] == "DET":
                name.span = span[1:]  # "La Norvège a annoncé": the state is "Norvège"
            name.type, name.typed_by_cue, name.rule = "LOC", False, "place"
            return
        starts_with_first_name = words[0] in self.first_names and len(words) > 1
        if starts_with_first_name:
            return
        abbreviated = any(w in self.inner_org_abbreviations for w in words) and not all(w.isupper() for w in words)
        if name.type != "ORG" and len(words) > 1 and (abbreviated or any(w in self.inner_org_words for w in words)):
            name.type, name.typed_by_cue, name.rule = "ORG", True, "inner-word"
            return
        if name.typed_by_cue or name.type in ("ORG", "PRODUCT"):
            return
        # "le club de Bordeaux", "du club portugais de Braga": the team, whether the model took
        # the city for a place or, alone and with no first name, for a person
        lone_person = name.type == "PERSON" and name.source == "model" and len(words) == 1
        seen = seen_last_words(tokens, text)
        if (name.type == "LOC" or lone_person) and self._team_before(text, start_char, seen):
            name.type, name.typed_by_cue, name.rule = "ORG", True, "context"
            return
        surface = text[start_char : tokens.ends[end - 1]]
        if name.type == "LOC" and (surface in self.cities or surface in self.capitals):
            return  # "qui dirige Marseille", "un communiqué de Paris": the city the model found
        found = self.context_type(text, start_char, seen)
        if found:
            name.type, name.typed_by_cue, name.rule = found, True, "context"

    @staticmethod
    def _surnames(names: list[NamedSpan]) -> frozenset[str]:
        """Every word of a person's name of several words: "Dupont" after "Anne Dupont" is her."""
        tokens = token_table(names[0].span.doc) if names else None
        return frozenset(w for n in names if n.type == "PERSON" and len(n.span) > 1 for w in span_words(n.span, tokens))

    def _retype_by_seat(self, text: str, name: NamedSpan, surnames: frozenset[str]) -> None:
        """"Varnel, basée à Lyon, …": what has a seat is an organisation, whatever the NER said
        of a name it did not know (a person, a place, a miscellany); a person's full name or
        surname stays a person ("Anne Dupont, basée à Londres")."""
        span = name.span
        if name.typed_by_cue or name.type in ("ORG", "PRODUCT"):
            return
        tokens = token_table(span.doc)
        if name.type == "PERSON" and (len(span) > 1 and span_words(span, tokens)[0] in self.first_names
                                      or span_text(span, tokens) in surnames):
            return
        after = text[span.end_char : span.end_char + 64]
        if after.startswith(",") and self.seat_context.type_at_start(fold(after[1:])):
            name.type, name.typed_by_cue, name.rule = "ORG", True, "seat"

    def _team_before(self, text: str, start: int, seen: dict[int, str] | None = None) -> bool:
        """A team noun and "de" right before ``start``, one adjective allowed between them
        (``seen``: the document's memo of the words before names, ``seen_last_words``)."""
        return self.team_context.type_before_loosely(text, start, seen) is not None

    def context_type(self, text: str, start: int, seen: dict[int, str] | None = None) -> str | None:
        """The type the words before ``start`` give, one adjective allowed before the last
        word: "l'acquisition prédatrice de X", "le seul concurrent crédible de X"."""
        return self.context.type_before_loosely(text, start, seen)

    def is_known_place(self, text: str) -> bool:
        """A country or a capital: a name no context retypes as an organisation or a product."""
        return self.is_country(text) or text in self.capitals

    def is_country(self, text: str) -> bool:
        lowered = text.lower()
        for article in ELIDED_ARTICLES:
            if lowered.startswith(article):
                text = text[len(article) :]
                break
        return text in self.countries

