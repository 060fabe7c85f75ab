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
  other members, when at least two of them are surely typed alike;
* a state is a place ("La Chine a annoncé"), whatever a verb or a cue nearby suggests.

Known (knowledge-base) names are never retyped. Every retyped name says why in ``rule``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from chronique.extract.actors.business_subjects import verb_lemmas
from chronique.extract.actors.deal_types import DealTyper
from chronique.extract.actors.doc_kinds import DocumentKinds, join_model_names
from chronique.extract.actors.launch_types import LaunchTyper
from chronique.extract.actors.names import (
    WORDS,
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

__all__ = ["ContextTyper", "plural"]

LABELS = dependency_scheme("ud")
#: How far before a list's first name its cue may stand, in tokens.
MAX_INTRO_TOKENS = 7
#: Parts of speech of the lower-case words a list's cue may stand before ("clubs européens").
INTRO_POS = frozenset({"ADJ", "NOUN", "ADP", "DET", "ADV", "NUM"})
#: What may stand right before a word that opens a sentence or a heading.
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", "—", "–", "-", "«", '"', "…"})
#: Punctuation a list's cue may stand before ("clubs (", "médias :", "films comme «").
INTRO_PUNCTUATION = frozenset({"(", ":", "–", "—", "-", "«", '"', "“"})
SURE_SOURCES = frozenset({"kb", "pattern"})
ELIDED_ARTICLES = ("la ", "le ", "les ", "l'")
#: Gaps between names whose answer is kept before the memo starts afresh (bounds memory).
MAX_KNOWN_GAPS = 50_000


def plural(phrase: str, endings: list[list[str]]) -> str:
    """The plural of a cue noun phrase, French spelling rules for the common cases: "club" →
    "clubs", "réseau social" → "réseaux sociaux", "fonds" → "fonds"; past a "de" only the
    head changes ("fonds d'investissement", "groupes de médias"). ``endings`` are the
    lexicon's irregular endings (singular, plural), longest first."""
    words = phrase.split(" ")
    head_only = any(w in ("de", "d'") or w.startswith("d'") for w in words)
    out = []
    for index, word in enumerate(words):
        if index > 0 and head_only:
            out.append(word)
            continue
        irregular = next((e for e in endings if word.endswith(e[0])), None)
        if word[-1:] in ("s", "x", "z") or not word[-1:].isalpha():
            out.append(word)
        elif irregular:
            out.append(word[: len(word) - len(irregular[0])] + irregular[1])
        else:
            out.append(word + "s")
    return " ".join(out)


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
        cues = [(cue, etype) for etype, listed in words["cue_nouns"].items() for cue in listed if etype != "PERSON"]
        endings = sorted(words["plural_endings"], key=lambda e: len(e[0]), reverse=True)
        self.list_cues = CueIndex(cues + [(plural(cue, endings), etype) for cue, etype in cues], contractions)
        # a list's cue that tells no company from a product ("les plateformes telles que A, B")
        # gives the article's decision no vote, as the singular cue does not (kinds.toml)
        neutral = [(cue, "NEUTRAL") for cue in kinds["neutral_cues"]]
        self.neutral_list_cues = CueIndex(neutral + [(plural(cue, endings), kind) for cue, kind in neutral], contractions)
        self.complement_words = frozenset(words["list_complement_words"])
        self.inner_org_words = frozenset(words["inner_org_words"])
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
        self.first_names = first_names
        self.markers = frozenset(fold(m) for marker in words["list_markers"] for m in marker.split(" "))
        self.separators = frozenset(fold(s) for sep in words["list_separators"] for s in sep.split(" "))
        #: The text between two names → whether it joins them in a list, across documents.
        self._joining_gaps: dict[str, bool] = {}
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
        for group in self._lists(doc, text, names):
            names += self._retype_list(doc, text, group, list_kinds)
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

    # -- lists -----------------------------------------------------------------------------
    def _lists(self, doc: Doc, text: str, names: list[NamedSpan]) -> list[list[NamedSpan]]:
        """Runs of names joined by commas, "et", "ou", "mais aussi" (articles and plural cues
        allowed between: "A, les radios B et C"). A lone name counts when quoted ("la série
        « A »")."""
        ordered = sorted(names, key=lambda n: n.span.start)
        groups: list[list[NamedSpan]] = []
        current: list[NamedSpan] = []
        for name in ordered:
            if current and self._joins(text, current[-1], name):
                current.append(name)
                continue
            if current:
                groups.append(current)
            current = [name]
        if current:
            groups.append(current)
        return [g for g in groups if len(g) >= 2 or self._quoted(doc, g[0])]

    def _joins(self, text: str, left: NamedSpan, right: NamedSpan) -> bool:
        gap = text[left.span.end_char : right.span.start_char]
        if len(gap) > 40 or "\n" in gap or not gap.strip():
            return False
        joins = self._joining_gaps.get(gap)
        if joins is None:
            if len(self._joining_gaps) > MAX_KNOWN_GAPS:
                self._joining_gaps.clear()
            joins = self._joining_gaps[gap] = self._gap_joins(gap)
        return joins

    def _gap_joins(self, gap: str) -> bool:
        """Whether the text between two names joins them in a list (the same for the same text)."""
        words = WORDS.findall(gap.replace(",", " , ").replace(";", " ; "))
        joined = any(fold(w) in (",", ";", "et", "ou") for w in words)
        # one unfound name may stand between two found ones ("A, C8, B")
        unfound = [w for w in words if w[:1].isupper() or any(c.isdigit() for c in w)]
        known = [w for w in words if fold(w) in self.separators or self.list_cues.type_at_end(fold(w))]
        return joined and len(unfound) <= 1 and len(known) + len(unfound) == len(words)

    @staticmethod
    def _quoted(doc: Doc, name: NamedSpan) -> bool:
        start = name.span.start
        return start > 0 and token_table(doc).texts[start - 1] in ("«", '"', "“")

    def _retype_list(self, doc: Doc, text: str, group: list[NamedSpan], list_kinds: dict[int, str]) -> list[NamedSpan]:
        """Retype the list's members; return the names found in its gaps ("A, C8, B" after a
        cue: "C8" too). The kind a plural cue gives known members is noted in ``list_kinds``
        (by ``id`` of the name), for the article's decision (:mod:`doc_kinds`)."""
        if len(group) > 1 and self._list_word_between(text, group[0], group[1]):
            # "les services phares de Norvane, comme A et B", "les films Disney, comme A et B":
            # the first name is the cue's complement or the maker's brand, the list starts
            # after the list word
            group = group[1:]
        found, marked, cue_before = self._intro(doc, text, group[0])
        rule = "list-cue"
        if found is not None and marked and not self.neutral_list_cues.type_at_end(cue_before):
            list_kinds.update((id(n), found) for n in group if n.kb_id is not None)
        if found is None and len(group) >= 3:
            found, rule = self._shared_type(group), "list"
        if found is None:
            return []
        added = []
        if rule == "list-cue":
            for left, right in zip(group, group[1:], strict=False):
                for token in doc[left.span.end : right.span.start]:
                    if token.is_alpha and token.is_lower or token.is_punct or fold(token.text) in self.separators:
                        continue
                    if token.text[:1].isupper() or any(c.isdigit() for c in token.text):
                        span = Span(doc, token.i, token.i + 1, label=found)
                        added.append(NamedSpan(span, found, None, True, "pattern", rule="list-cue"))
        for name in group:
            if name.kb_id is not None or name.key is not None or self.is_country(span_text(name.span)):
                continue
            if name.type == "PERSON" and (len(name.span) > 1 or name.source != "model" or name.typed_by_cue):
                continue  # "le patron de KLM, Pieter Elbers": a person closes the list
            if rule == "list" and (name.typed_by_cue or name.type not in ("LOC", "OTHER")):
                continue
            name.type, name.typed_by_cue, name.rule = found, True, rule
        return added

    def _list_word_between(self, text: str, left: NamedSpan, right: NamedSpan) -> bool:
        """Whether a word that opens a list ("comme", "telles que", "dont") stands between two names."""
        gap = text[left.span.end_char : right.span.start_char]
        return any(w.isalpha() and fold(w) in self.markers for w in WORDS.findall(gap))

    def _intro(self, doc: Doc, text: str, first: NamedSpan) -> tuple[str | None, bool, str]:
        """The type of the cue that opens a list ("clubs européens (", "films à succès tels que
        «", "groupe de médias :", "au capital de"), whether a list word or mark stands between
        the cue and the names ("les applications telles que A, B": the names are members; "les
        smartphones Huawei et Honor": they may be the makers' brands), and the text up to the
        cue's end ("" when no cue)."""
        start = first.span.start
        if start == 0:
            return None, False, ""
        context = self.context.type_at_end(line_before(text, first.span.start_char))
        if context:
            return context, False, ""
        if doc[start - 1].lower_ in self.complement_words:
            return None, False, ""  # "ses usines de Flins, Douai": the names are the cue's complement
        i, steps, listed = start, 0, False
        while i > 0 and steps < MAX_INTRO_TOKENS:
            previous = doc[i - 1]
            marker = previous.text in INTRO_PUNCTUATION or (not previous.is_punct and fold(previous.text) in self.markers)
            listed |= marker and not previous.is_punct  # "telles que", "comme", "dont"
            # "les applications phares de Google, telles que A": the cue's complement and the
            # comma before a list word are stepped over
            aside = listed and previous.text == "," or (previous.text[:1].isupper() and i > 1 and (
                doc[i - 2].lower_ in self.complement_words or listed and doc[i - 2].pos_ == "NOUN"))
            if not marker and not aside and not (previous.is_lower and previous.pos_ in INTRO_POS):
                break
            before = "" if marker else line_before(text, previous.idx + len(previous.text))
            found = self.list_cues.type_at_end(before) if before else None
            if found:
                return found, steps > 0 and (listed or any(doc[k].text in INTRO_PUNCTUATION for k in range(i, start))), before
            i, steps = i - 1, steps + 1
        return None, False, ""

    @staticmethod
    def _shared_type(group: list[NamedSpan]) -> str | None:
        """The type at least two surely typed members share, when no sure member differs."""
        sure = {n.type for n in group if n.source in SURE_SOURCES or n.typed_by_cue}
        counted = [n for n in group if (n.source in SURE_SOURCES or n.typed_by_cue) and n.type in ("ORG", "PRODUCT")]
        if len(sure) == 1 and len(counted) >= 2:
            return counted[0].type
        return None
