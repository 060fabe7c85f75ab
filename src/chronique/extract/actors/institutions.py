"""Institutions named by a description or a metonym: actors no capitalised name gives.

News names many actors with common nouns: "le gouvernement italien", "les douanes
italiennes", "le tribunal correctionnel de Paris", "la ville de Lyon", "l'administration
Trump", "la famille Glazer". And it names institutions by their seat or their capital:
"l'Élysée", "Bercy", "Bruxelles a estimé" (the European Commission), "Washington a imposé"
(the United States). Both are found here, from the lexicons ``actors.toml`` ([institutions])
and ``places.toml`` (states, capitals, seats, adjectives of nationality), as
:class:`~chronique.extract.actors.names.NamedSpan` candidates that the recognizer settles with
the others (the longest wins: "le tribunal judiciaire de Paris" over "Paris").

A capital stands for its state only as the subject of a verb ("Pékin a riposté"), never after a
preposition of place ("à Pékin"); a seat that is also a city ("Bruxelles") likewise.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from chronique.extract.actors.ministries import Portfolios
from chronique.extract.actors.names import NamedSpan, is_capitalised
from chronique.kb import KnowledgeBase
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["InstitutionFinder", "demonym_forms"]

LABELS = dependency_scheme("ud")
MAX_NAME_TOKENS = 4


def demonym_forms(masculine: str, plural_endings: list[list[str]]) -> set[str]:
    """The four forms of an adjective of nationality: "italien" → "italienne", "italiens",
    "italiennes"; "français" → "française(s)"; "fédéral" → "fédérale(s)", "fédéraux"
    (``plural_endings``: the lexicon's irregular masculine plurals)."""
    forms = {masculine}
    if masculine.endswith(("ien", "éen")):
        feminine = masculine + "ne"
    elif masculine.endswith("el"):
        feminine = masculine + "le"
    elif masculine.endswith("e"):
        feminine = masculine
    else:
        feminine = masculine + "e"
    forms |= {feminine, feminine + "s"}
    irregular = next((e for e in plural_endings if masculine.endswith(e[0])), None)
    if irregular:
        forms.add(masculine[: len(masculine) - len(irregular[0])] + irregular[1])
    elif masculine.endswith(("s", "x")):
        forms.add(masculine)
    else:
        forms.add(masculine + "s")
    return forms


def _local_key(entity_type: str, name: str) -> str:
    return f"{entity_type.lower()}:{name}"


class InstitutionFinder:
    """Institution descriptions and metonyms, with their lexicons read once."""

    def __init__(self, words: dict[str, Any], places: dict[str, Any], kb: KnowledgeBase) -> None:
        institutions = words["institutions"]
        self.with_demonym = frozenset(institutions["with_demonym"])
        # lower-cased and split as the tokenizer splits them ("chambre d'agriculture": "d'" alone)
        self.with_place = {tuple(h.lower().replace("'", "' ").split()) for h in institutions["with_place"]}
        #: Heads written as acronyms ("CHU de Brest"), which the model's place names may open on.
        self.acronym_heads = frozenset(h.lower() for h in institutions["with_place"] if h.isupper())
        #: The heads by first word, the longest first: "chambre de commerce et d'industrie du
        #: Doubs" is read as the longer head, whatever order a set of them would iterate in (a
        #: set's order changes with Python's hash seed, and the shorter head, finding no place
        #: after "commerce", gave up on the name in some runs and not in others).
        self.with_place_by_first: dict[str, list[tuple[str, ...]]] = {}
        for words_of_head in sorted(self.with_place, key=lambda words: (-len(words), words)):
            self.with_place_by_first.setdefault(words_of_head[0], []).append(words_of_head)
        self.with_name = frozenset(institutions["with_name"])
        self.apposed_place = frozenset(fold(h) for h in institutions.get("apposed_place", ()))
        self.apposed_articles = frozenset(fold(a) for a in institutions.get("apposed_place_articles", ()))
        self.apposed_blockers = frozenset(fold(w) for w in institutions.get("apposed_place_blockers", ()))
        self.apposed_acting_prepositions = frozenset(
            fold(w) for w in institutions.get("apposed_place_acting_prepositions", ()))
        self.apposed_office_heads = frozenset(fold(w) for w in institutions.get("apposed_place_office_heads", ()))
        self.domains = sorted(
            (tuple(fold(w) for w in d.replace("'", "' ").split()) for d in institutions.get("domains", [])),
            key=len, reverse=True,
        )
        # split as the tokenizer splits them: "d'appel" is two tokens, "d'" and "appel"
        self.qualifiers = sorted((tuple(q.replace("'", "' ").split()) for q in institutions["qualifiers"]),
                                 key=len, reverse=True)
        #: The qualifiers folded, in the same order (compared with the token table's folded forms).
        self.folded_qualifiers = [tuple(fold(q) for q in qualifier) for qualifier in self.qualifiers]
        endings = places["demonym_plural_endings"]
        self.demonyms = {form for masculine in places["demonyms"] for form in demonym_forms(masculine, endings)}
        self.locative = frozenset(places["locative_prepositions"])
        self.place_links = frozenset(places["place_links"])
        self.place_articles = frozenset(fold(a) for a in places.get("place_articles", ()))
        self.capitals: dict[str, str] = dict(places["capitals"])
        self.countries = frozenset(places["countries"])
        self.longest_country = max((len(c.replace("-", " - ").replace("'", "' ").split()) for c in self.countries), default=1)
        #: The words a state's name can start with, whether the tokenizer keeps "États-Unis" whole
        #: or cuts it: the only tokens worth trying (``countries_named`` runs at every capital).
        first_words = {c.split(" ")[0] for c in self.countries}
        self.country_starts = frozenset(first_words | {w.replace("'", "-").split("-")[0] for w in first_words})
        self.seats: dict[str, list[str]] = dict(places["seats"])
        self.seats_as_subject = frozenset(places.get("seats_as_subject", []))
        #: Every beginning of a seat's or a capital's name: a metonym's first token is one of them
        #: (its text starts the name), so no other token is tried.
        self.metonym_prefixes = frozenset(form[:end] for form in (*self.seats, *self.capitals)
                                          for end in range(1, len(form) + 1))
        self.state_acts = frozenset(tuple(fold(w) for w in noun.replace("'", "' ").split())
                                    for noun in places.get("state_act_nouns", []))
        self.first_names = frozenset(words["first_names"]["m"]) | frozenset(words["first_names"]["f"])
        self.portfolios = Portfolios(institutions, self.first_names)
        self.bare = frozenset(institutions["bare"])
        self.bare_alone = frozenset(institutions["bare_alone"])
        self.home_government: str = institutions.get("home_government", "")
        self.home_states = frozenset(institutions.get("home_states", ()))
        self.folded_demonyms = frozenset(fold(d) for d in self.demonyms)
        home = [institutions["home_demonym"]] if institutions.get("home_demonym") else []
        not_foreign = {fold(f) for adjective in (*home, *institutions.get("not_state_demonyms", ()))
                       for f in demonym_forms(adjective, endings)}
        #: The adjectives of another state ("arménien", "italiennes"): not the home one, not "régional".
        self.foreign_demonyms = frozenset(self.folded_demonyms - not_foreign)
        self.bare_complement_links = frozenset(fold(w) for w in institutions.get("bare_complement_links", ()))
        self.government_heads = frozenset(institutions.get("government_heads", []))
        self.town_heads = frozenset(institutions.get("town_heads", []))
        self.possessive_relatives = frozenset(institutions.get("possessive_relatives", []))
        self.kb = kb
        #: The folded forms of the words each finder starts at: a token whose folded form is
        #: none of them starts nothing (:meth:`TokenTable.positions` finds the others).
        self.lookup = {
            "country_starts": frozenset(fold(w) for w in self.country_starts),
            "bare": frozenset(fold(w) for w in self.bare),
            "heads": frozenset(fold(w) for w in (*self.with_demonym, *self.with_name, *self.with_place_by_first)),
            "metonym_prefixes": frozenset(fold(w) for w in self.metonym_prefixes),
        }

    def find(self, doc: Doc, text: str) -> list[NamedSpan]:
        described = self.descriptions(doc)
        return (described + self.bare_heads(doc, described) + self.metonyms(doc) + self.countries_named(doc)
                + self.portfolios.ministries(doc))

    def countries_named(self, doc: Doc) -> list[NamedSpan]:
        """The states of ``places.toml`` wherever they are written ("Le Maroc et l'Espagne ont
        signé"): the NER misses some, most often after a conjunction. A longer name holding one
        ("la Banque d'Espagne", "Air France") wins over it when the names are settled."""
        found = []
        tokens, text = token_table(doc), text_of(doc)
        for i in tokens.positions(self.lookup["country_starts"]):  # where a start may stand
            word = tokens.texts[i]
            if word not in self.country_starts:
                continue
            for size in range(min(self.longest_country, len(tokens) - i), 0, -1):
                form = text[tokens.starts[i] : tokens.ends[i + size - 1]]
                if form in self.countries:
                    found.append(NamedSpan(Span(doc, i, i + size, label="LOC"), "LOC", None, False, "pattern",
                                           rule="place"))
                    break
        return found

    def bare_heads(self, doc: Doc, described: list[NamedSpan]) -> list[NamedSpan]:
        """"le tribunal", "le gouvernement" alone: the one institution of that head the article
        names ("le tribunal correctionnel de Paris"; for a government, any of its heads: "l'État
        français" then "le gouvernement"), or, for a government, an actor of its own; nothing when
        the article names two, nor after "dont" (the relative's antecedent's own government)."""
        surfaces: dict[str, set[str]] = {}
        families: dict[str, set[str]] = {}
        for name in described:
            surfaces.setdefault(name.span[0].text, set()).add(name.span.text)
            families.setdefault(self._family(name.span[0].text), set()).add(name.span.text)
        taken = {i for name in described for i in range(name.span.start, name.span.end)}
        found = []
        tokens = token_table(doc)
        home: bool | None = None  # whether the article is about the press's own state, read once if asked
        for i in tokens.positions(self.lookup["bare"]):  # where a bare head may stand
            if tokens.texts[i] not in self.bare:
                continue
            token = doc[i]
            if token.text not in self.bare or token.i in taken or token.i == 0:
                continue
            if doc[token.i - 1].pos_ != "DET" or doc[token.i - 1].lower_ not in ("le", "la", "l'", "l’", "les"):
                continue
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and (following.lower_ in self.demonyms or is_capitalised(following)):
                continue
            if following is not None and fold(following.text) in self.bare_complement_links \
                    and following.dep_ != LABELS.marker:
                # "le gouvernement de la région X": that region's, not the article's ("accuser la
                # mairie d'avoir …": the "d'" opens the verb's infinitive, no complement of the head)
                continue
            after = doc[token.i + 2] if token.i + 2 < len(doc) else None
            if following is not None and following.pos_ == "ADJ" and after is not None \
                    and fold(after.text) in self.bare_complement_links and after.dep_ != LABELS.marker:
                continue  # "la commune voisine de Rezé": a complement of its own past the adjective
            if token.i >= 2 and doc[token.i - 2].lower_ in self.possessive_relatives:
                continue  # "Fortum, basée en Finlande, dont le gouvernement …": Finland's
            named = surfaces.get(token.text, set())
            if not named and token.dep_ != LABELS.nominal_modifier:
                # another head of the same government ("l'État français … le gouvernement"), not in a
                # title's complement ("le chef de l'État" may be any state's)
                named = families.get(self._family(token.text), set())
            canonical = None
            if len(named) == 1:
                key = _local_key("ORG", next(iter(named)))
            elif not named and token.text in self.bare_alone and self.home_government:
                if home is None:
                    home = self._states_named(doc) <= self.home_states and not self._foreign_demonym(doc)
                if not home:
                    continue
                # the press's own government ("le gouvernement" of French news), one actor under
                # its full name in every article, not a "gouvernement" shared by every country
                key, canonical = _local_key("ORG", self.home_government), self.home_government
            else:
                continue
            span = Span(doc, token.i, token.i + 1, label="ORG")
            found.append(NamedSpan(span, "ORG", None, True, "pattern", key=key, canonical=canonical, rule="institution"))
        return found

    def _foreign_demonym(self, doc: Doc) -> bool:
        """Whether the article says another state's adjective ("arménien", "italiens")."""
        tokens = token_table(doc)
        return bool(tokens.positions(self.foreign_demonyms))

    def _states_named(self, doc: Doc) -> set[str]:
        """The states the article names (``places.toml``): with two or more, a bare "le
        gouvernement" may be any of theirs."""
        return {name.span.text for name in self.countries_named(doc)}

    def _family(self, head: str) -> str:
        """The head an institution is looked up by: one for every name of a government, one for
        every name of a town's authority ("la mairie" after "la commune de X")."""
        if head in self.government_heads:
            return "gouvernement"
        return "ville" if head in self.town_heads else head

    # -- descriptions ----------------------------------------------------------------------
    def descriptions(self, doc: Doc) -> list[NamedSpan]:
        """"le gouvernement italien", "le tribunal judiciaire de Paris", "l'administration Trump"."""
        found = []
        tokens = token_table(doc)
        for i in tokens.positions(self.lookup["heads"]):  # where a head may stand
            text = tokens.texts[i]
            if not text.islower() and text not in ("État", "Etat", "Parlement", "Trésor") \
                    and not (text.lower() in self.with_place_by_first and not tokens.sent_starts[i]):
                continue  # (a capitalised authority, "la Ville de Marseille", is one too)
            if text not in self.with_demonym and text not in self.with_name \
                    and text.lower() not in self.with_place_by_first:
                continue  # heads no description (``_description_end``'s first test; ``lower_`` is ``lower()``)
            end = self._description_end(doc, i)
            if end is None:
                continue
            span = Span(doc, i, end, label="ORG")
            name = NamedSpan(span, "ORG", None, True, "pattern", rule="institution")
            found.append(name)
        return found

    def _description_end(self, doc: Doc, head: int) -> int | None:
        """The end of the description headed by the token at index ``head``, or ``None``; read
        from the token table (texts, folded forms, parts of speech): no ``Token`` is built."""
        tokens = token_table(doc)
        texts = tokens.texts
        head_text, head_lower = texts[head], texts[head].lower()
        i = head + 1
        if head_text not in self.with_demonym and head_text not in self.with_name \
                and head_lower not in self.with_place_by_first:
            return None  # not a head of any description: most words
        if i >= len(texts):
            return None
        if head_text in self.with_demonym:
            # "le gendarme de la concurrence espagnol", "le régulateur boursier américain"
            after = self._domain_end(doc, i)
            if after < len(texts) and texts[after].lower() in self.demonyms:
                # "le régulateur chinois du cyberespace": the domain may follow the nationality too
                return self._domain_end(doc, after + 1) if after == i else after + 1
        if head_text in self.with_name and texts[i][:1].isupper() \
                and tokens.pos[i] not in ("DET", "ADP", "AUX", "VERB", "PUNCT"):
            if texts[i] in self.first_names or tokens.sent_starts[i]:
                return None
            return self._capitalised_end(doc, i)
        for words in self.with_place_by_first.get(head_lower, ()):
            if tuple(word.lower() for word in texts[head : head + len(words)]) == words:
                end = self._place_end(doc, head + len(words))
                return end if end is not None or len(words) > 1 else self._apposed_end(doc, head)
        return None

    def _apposed_end(self, doc: Doc, head: int) -> int | None:
        """"la région Occitanie": the end of a place name written right after its head (a hyphenated
        one whole: "Bourgogne-Franche-Comté"), for the heads of ``apposed_place`` after a
        definite article that no preposition of place opens ("dans la région Grand Est" is the
        territory, not its authority); ``None`` otherwise."""
        tokens = token_table(doc)
        texts, folded = tokens.texts, tokens.folded
        i = head + 1
        if folded[head] not in self.apposed_place or head < 1 or folded[head - 1] not in self.apposed_articles \
                or (head >= 2 and folded[head - 2] in self.apposed_blockers):
            return None
        if i >= len(texts) or not texts[i][:1].isupper() or tokens.sent_starts[i] or not self._acting(doc, head):
            return None
        end = i + 1
        while end < len(texts) and end - i < 2 * MAX_NAME_TOKENS and not tokens.sent_starts[end] and (
                texts[end][:1].isupper() or (texts[end] == "-" and end + 1 < len(texts) and texts[end + 1][:1].isupper())):
            end += 1
        return end

    def _acting(self, doc: Doc, head: int) -> bool:
        """Whether "la région X" is the authority, an actor, rather than the territory: the
        subject or agent of a verb ("la région Occitanie a voté", "financé par la région X"), a
        party after a preposition of dealings ("un accord avec la région X"), or the seat of an
        office ("le président de la région X"). A storm that hit the region, the people of the
        region: the territory, which stays a place."""
        region = doc[head]
        if region.dep_ in LABELS.subjects or region.dep_ == LABELS.passive_agent:
            return True
        if any(c.dep_ == LABELS.case_marker and fold(c.text) in self.apposed_acting_prepositions
               for c in region.children):
            return True
        return region.dep_ == LABELS.nominal_modifier and fold(region.head.lemma_) in self.apposed_office_heads

    def capitalised_local_authorities(self, names: list[NamedSpan]) -> None:
        """"la Région Réunion", "la Ville de Paris": a place-typed model name opening on a
        capitalised head of ``with_place`` (the authority's own name) is that authority, an
        organisation, as "la ville de Lyon" is."""
        for name in names:
            span = name.span
            if name.type != "LOC" or name.source != "model" or name.kb_id is not None or len(span) < 2:
                continue
            head = span[0].text
            if head[:1].isupper() and (head.lower(),) in self.with_place \
                    and (not head.isupper() or head.lower() in self.acronym_heads):
                name.type, name.typed_by_cue, name.rule = "ORG", True, "institution"

    def join_by_domain(self, names: list[NamedSpan]) -> None:
        """"le gendarme de la concurrence espagnol" … "la Commission nationale des marchés et de la
        concurrence": an institution described by the domain it governs is the one organisation
        of the article whose name holds that domain's nouns (any order, before or after it)."""
        named = [n for n in names if n.type == "ORG" and n.rule != "institution" and (len(n.span) > 1 or n.kb_id)]
        for name in names:
            if name.rule != "institution" or name.key is not None:
                continue
            nouns = self._domain_nouns(name.span)
            if not nouns:
                continue
            holders = {n.kb_id or n.key or _local_key("ORG", n.span.text): n for n in named
                       if nouns <= {fold(t.text) for t in n.span}}
            if len(holders) == 1:
                key, holder = next(iter(holders.items()))
                name.key, name.kb_id = key, holder.kb_id

    def _domain_nouns(self, span: Span) -> frozenset[str]:
        """The nouns of the domain a description names ("concurrence" in "le gendarme de la
        concurrence espagnol"); none for an adjective ("le régulateur boursier")."""
        doc = span.doc
        for i in range(span.start + 1, span.end):
            end = self._domain_end(doc, i)
            if end > i:
                return frozenset(fold(t.text) for t in doc[i:end] if t.pos_ in ("NOUN", "PROPN") and not t.is_stop)
        return frozenset()

    def _domain_end(self, doc: Doc, i: int) -> int:
        """After an institution's head: the domain it governs, if any ("de la concurrence",
        "boursier"), so that the adjective of nationality may follow it."""
        folded = token_table(doc).folded
        for domain in self.domains:
            if tuple(folded[i : i + len(domain)]) == domain:
                return i + len(domain)
        return i

    def _place_end(self, doc: Doc, i: int) -> int | None:
        """After the head: qualifiers ("judiciaire", "d'appel"), then "de"/"du"/"en" and a
        capitalised place ("de Paris", "du Delaware", "en Virginie")."""
        tokens = token_table(doc)
        folded = tokens.folded
        for _ in range(2):
            for qualifier in self.folded_qualifiers:
                if tuple(folded[i : i + len(qualifier)]) == qualifier:
                    i += len(qualifier)
                    break
        if i + 1 >= len(folded) or folded[i] not in self.place_links:
            return None
        place = i + 1
        if folded[i] == "de" and folded[place] in self.place_articles and place + 1 < len(folded):
            place += 1  # "la chambre d'agriculture de la Manche", "le CHU de l'Orne"
        if not tokens.texts[place][:1].isupper() or tokens.pos[place] not in ("PROPN", "NOUN", "X") \
                or tokens.sent_starts[place]:
            return None
        return self._capitalised_end(doc, place)

    @staticmethod
    def _capitalised_end(doc: Doc, i: int) -> int:
        tokens = token_table(doc)
        texts, sent_starts, starts, ends = tokens.texts, tokens.sent_starts, tokens.starts, tokens.ends
        end = i + 1
        while end < len(texts) and not sent_starts[end]:
            if end + 1 < len(texts) and texts[end] == "-" and ends[end - 1] == starts[end] \
                    and starts[end + 1] == ends[end] and texts[end + 1].isalpha():
                end += 2  # a hyphenated place, whole: "de Sète-Frontignan", "de Boulogne-sur-Mer"
            elif end - i < MAX_NAME_TOKENS and texts[end][:1].isupper():
                end += 1
            else:
                break
        return end

    # -- metonyms --------------------------------------------------------------------------
    def metonyms(self, doc: Doc) -> list[NamedSpan]:
        """Seats ("l'Élysée", "Bercy") and capitals acting for their state ("Washington a
        imposé")."""
        found = []
        tokens = token_table(doc)
        for i in tokens.positions(self.lookup["metonym_prefixes"]):  # where a name may start
            text = tokens.texts[i]
            if not text[:1].isupper() or text not in self.metonym_prefixes:  # is_capitalised; a name's start
                continue
            for size, target in self._candidates(doc, i):
                canonical, entity_type = target[0], target[1]
                span = Span(doc, i, i + size, label=entity_type)
                if not self._acts(doc, span, target[2], self.locative) and not self._its_act(doc, span):
                    continue
                known = self.kb.actors_named(canonical)
                key = known[0] if len(known) == 1 else _local_key(entity_type, canonical)
                found.append(
                    NamedSpan(span, entity_type, None, True, "pattern", key=key, canonical=canonical, rule="metonym")
                )
                break
        return found

    def _candidates(self, doc: Doc, i: int) -> list[tuple[int, tuple[str, str, bool]]]:
        """(size in tokens, (institution, type, acts only as a subject)) of the names starting at
        token ``i``, longest first."""
        out = []
        tokens, text = token_table(doc), text_of(doc)
        for size in (4, 3, 2, 1):
            if i + size > len(tokens):
                continue
            form = text[tokens.starts[i] : tokens.ends[i + size - 1]]  # the span's text
            if form in self.seats:
                canonical, entity_type = self.seats[form]
                out.append((size, (canonical, entity_type, form in self.seats_as_subject)))
            if form in self.capitals:
                out.append((size, (self.capitals[form], "LOC", True)))
        return out

    def _its_act(self, doc: Doc, span: Span) -> bool:
        """"la décision de Washington", "les sanctions de Bruxelles": a place right after a noun
        of what governments do and its "de" is the government that does it."""
        if span.start < 2 or fold(doc[span.start - 1].text) not in ("de", "d'"):
            return False
        words = tuple(fold(t.text) for t in doc[max(0, span.start - 4) : span.start - 1])
        return any(words[-len(noun) :] == noun for noun in self.state_acts if len(noun) <= len(words))

    @staticmethod
    def _acts(doc: Doc, span: Span, subject_only: bool, locative: frozenset[str]) -> bool:
        """Whether the place acts: not after a preposition of place, and, for a city, the
        subject of its clause (or right before its verb)."""
        if span.start > 0 and fold(doc[span.start - 1].text) in locative:
            return False
        if not subject_only:
            return True
        if span.root.dep_ in LABELS.subjects:
            return True
        following = doc[span.end] if span.end < len(doc) else None
        return following is not None and following.pos_ in ("AUX", "VERB")
