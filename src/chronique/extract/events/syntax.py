"""Reading actors off the dependency parse (Universal Dependencies labels, spaCy French models).

The parser is right most of the time and wrong in known ways: a relative clause hangs from the
wrong noun, an apposition becomes a second object, an active subject is labelled ``nsubj:pass``.
These helpers read the parse with those habits in mind, and return actor keys through the
document's :class:`~chronique.nlp.actor_index.ActorIndex` (names, descriptions, pronouns).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from chronique.extract.actors.groups import group_lists
from chronique.extract.events.lexicon import EventLexicon, load_event_lexicon
from chronique.extract.events.sums import is_sum
from chronique.nlp.actor_index import actor_index
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import first_token_from
from chronique.text import fold

if TYPE_CHECKING:
    from chronique.kb import KnowledgeBase

__all__ = ["ParseReader"]

LABELS = dependency_scheme("ud")
OBLIQUE_DEPS = LABELS.prepositional_complements
CLAUSE_LINKS = LABELS.clause_links
MAX_CLIMB = 5
#: Labels the parser gives a name it failed to attach; such a bare name may be a lost argument.
STRAY_DEPS = LABELS.stray_name_links
#: How an adjective predicate hangs on the noun it is said of.
ADJECTIVE_LINKS = frozenset({LABELS.adjectival_modifier, LABELS.apposition, LABELS.clausal_modifier})


def is_passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice (an auxiliary "être" of passive, or "Voice=Pass")."""
    if any(c.dep_ == LABELS.passive_auxiliary for c in verb.children) or "Pass" in verb.morph.get("Voice", []):
        return True
    # "l'action intentée par Musk", "la société fondée en 2015": a past participle on a noun.
    return _participle_on_noun(verb) or participle_adjunct(verb)


def participle_adjunct(verb: Token) -> bool:
    """"Courtisée par Google en 2024, la start-up ...": a bare past participle adjunct is a
    passive whose patient is the subject of the clause it hangs on."""
    if verb.dep_ != LABELS.adverbial_clause or "Part" not in verb.morph.get("VerbForm", []):
        return False
    if "Pres" in verb.morph.get("Tense", []):
        return False
    return not any(c.dep_ in LABELS.finite_clause_markers or c.dep_ == LABELS.marker for c in verb.children)


def _participle_on_noun(verb: Token) -> bool:
    """A bare past participle modifying a noun (no subject, no tense auxiliary)."""
    if verb.dep_ != LABELS.clausal_modifier or "Part" not in verb.morph.get("VerbForm", []) or "Past" not in verb.morph.get("Tense", []):
        return False
    return not any(c.dep_ in LABELS.finite_clause_markers for c in verb.children)


def preposition(token: Token, forms: dict[str, str]) -> str | None:
    """The (first) preposition introducing the phrase headed by ``token``, in its full form."""
    for child in token.children:
        if child.dep_ in LABELS.introducers and child.i < token.i:
            word = fold(child.text)
            if child.i > 0:
                # A compound preposition the parser split: "auprès/advmod de/case Nvidia".
                compound = f"{fold(child.doc[child.i - 1].text)} {word}"
                if compound in forms:
                    return forms[compound]
            return forms.get(word, word)
    return None


class ParseReader:
    """Actors of phrases and clause arguments, with the language's function words."""

    def __init__(self, words: EventLexicon, kb: KnowledgeBase | None = None) -> None:
        self.words = words
        self.kb = kb
        self.relative_subject = words.words("syntax", "relative_subject")
        self.relative_object = words.words("syntax", "relative_object")
        self.object_control = words.words("syntax", "object_control")
        self.person_pronouns = words.words("syntax", "person_pronouns")
        self.impersonal = words.words("syntax", "impersonal_verbs")
        pairs = (p.split("=", 1) for p in words.words("syntax", "prepositions"))
        self.preposition_forms = {form: full for form, full in pairs}
        self.agent_marks = words.words("syntax", "agent_prepositions")
        self.office_nouns = words.words("syntax", "office_nouns")
        self.holding_verbs = words.words("syntax", "holding_verbs")
        self.gerund_markers = words.words("syntax", "gerund_markers")
        self.adverbial_infinitive_marks = words.words("syntax", "adverbial_infinitive_marks")
        self.purpose_marks = words.words("modality", "purpose_marks")
        self.creation_verbs = words.words("syntax", "creation_verbs")
        self.offer_nouns = words.words("modality", "proposed_nouns")
        self.etre_verbs = words.words("syntax", "etre_verbs")
        self.active_auxiliaries = words.words("syntax", "active_auxiliaries")
        self.possessives = words.words("syntax", "possessives")
        self.coordinators = words.words("syntax", "coordinators")
        #: "et", "ou", "puis": the words that close a list of names ("A, B et C").
        self.list_coordinators = words.words("syntax", "list_coordinators")
        #: "de": the preposition of a complement naming whose thing or office a noun is.
        self.genitive = words.words("syntax", "genitive_prepositions")
        #: "à", "dans": how a part sits within another ("au sein du capital de X").
        self.within = words.words("syntax", "stake_within_prepositions")
        #: "elle", "-t-elle": pronoun endings that say a feminine person.
        self.feminine_endings = tuple(sorted(words.words("syntax", "feminine_pronoun_endings")))

    # -- actors of a phrase --------------------------------------------------------------
    def actors(self, head: Token) -> list[str]:
        """Actors denoted by the phrase headed by ``head``: names, relatives, appositions, groups."""
        if members := group_lists(head.doc.lang_).members(head):
            return members  # "trois clubs (A, B et C)": every listed actor (extract.actors.groups)
        if "Rel" in head.morph.get("PronType", []) or fold(head.text) in self.relative_subject:
            return self.antecedent(head)
        named = any(c.i > head.i and _names_its_head(c) and _actor(c) for c in head.children)
        restated = _name_in_description(head)
        if restated is not None:
            return [restated]
        if _actor(head) is None and not named and (fold(head.lemma_) in self.office_nouns or fold(head.text) in self.office_nouns):
            return self.office_holder(head)
        if _actor(head) is None and not named:
            described = _name_after_adjectives(head)
            if described is not None:  # "son concurrent coréen Kia/advmod"
                return [described, *_listed_after_name(head, described, self.list_coordinators)]
            traded = _name_after_trade(head, self.genitive)
            if traded is not None:  # "la maison de parfums Creed/flat"
                return [traded]
        if _actor(head) is None and head.pos_ not in ("PROPN", "PRON", "X") and not named:
            # A common noun that is no actor ("une offre", "sa propre entreprise") does not take
            # the actors of its complements or conjuncts: "financer une offre de rachat d'OpenAI"
            # does not fund OpenAI. A noun a name restates ("le groupe Vivendi") is that actor.
            return self._apposed_actor(head)
        person = _person_named(head)
        if person is not None:
            return [person]
        found = _phrase_actors(head)
        if found and _lists_on(head):
            found.extend(k for k in _listed_names(head, self.list_coordinators) if k not in found)
        return found

    def office_holder(self, office: Token) -> list[str]:
        """The organisation an office belongs to: "la direction de Stellantis", "son poste de
        PDG d'Amazon", "la tête du groupe Renault" stand for that organisation."""
        level = [office]
        for _ in range(3):
            # "poste de PDG d'Amazon": one more "de" down; "tour de table de Mistral AI": the
            # parser hangs both complements on "tour".
            level = [c for token in level for c in token.children
                     if c.dep_ == LABELS.nominal_modifier and (preposition(c, self.preposition_forms) in self.genitive
                                                               or self._stake_within(c))]
            for complement in level:
                found = self.actors(complement)
                if found:
                    return found + [k for k in self._complement_conjuncts(office) if k not in found]
        return self._held_in(office) or self._own_office(office)

    def _stake_within(self, complement: Token) -> bool:
        """"14 % au sein du capital de X", "5 % dans le capital de X": a part within another."""
        return fold(complement.lemma_) in self.office_nouns and (
            preposition(complement, self.preposition_forms) in self.within)

    def _held_in(self, stake: Token) -> list[str]:
        """"les 40 % détenus par Nestlé dans le capital de Lactalis": a stake held in a company
        stands for that company."""
        for participle in stake.children:
            if participle.dep_ == LABELS.clausal_modifier and fold(participle.lemma_) in self.holding_verbs:
                for phrase in self.obliques(participle, "dans"):
                    found = self.actors(phrase)
                    if found:
                        return found
        return []

    def _complement_conjuncts(self, office: Token) -> list[str]:
        """"les gouvernements des États-Unis et de la Chine": the parser hangs the second
        complement, with its own "de", on the office noun as a conjunct; it is a complement."""
        return [key for c in office.conjuncts
                if c.head == office and c.i > office.i
                and preposition(c, self.preposition_forms) in self.genitive
                for key in self.actors(c)]

    def _own_office(self, office: Token) -> list[str]:
        """"Axel Dauchez, président de Deezer, va quitter son poste": an office with a
        possessive belongs to the organisation its holder's apposed title names."""
        if not any(fold(c.text) in self.possessives and c.i < office.i for c in office.children):
            return []
        verb = office.head
        holder = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
        for _ in range(MAX_CLIMB):
            if holder is not None or verb.dep_ not in CLAUSE_LINKS or verb.head == verb:
                break
            verb = verb.head
            holder = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
        if holder is None:
            return []
        titles = [c for c in holder.children if c.dep_ == LABELS.apposition and c.pos_ == "NOUN"]
        titles += [c for t in titles for c in t.conjuncts]
        for title in titles:
            found = self.office_holder_of_title(title)
            if found:
                return found
        return []

    def office_holder_of_title(self, title: Token) -> list[str]:
        """The organisation a title's "de" complements name ("président du conseil de X")."""
        level = [title]
        for _ in range(3):
            level = [c for token in level for c in token.children
                     if c.dep_ == LABELS.nominal_modifier and preposition(c, self.preposition_forms) in self.genitive]
            for complement in level:
                key = _actor(complement) or _name_after_adjectives(complement)
                if key:
                    return [key]
        return []

    def owner(self, head: Token) -> list[str]:
        """Whose thing a noun names: "l'investissement de Microsoft", "la décision d'Apple"."""
        if head.pos_ not in ("NOUN",):
            return []
        for child in head.children:
            if child.dep_ == LABELS.nominal_modifier and preposition(child, self.preposition_forms) in self.genitive:
                return self.actors(child)
        return []

    def antecedent(self, relative: Token) -> list[str]:
        """What a relative pronoun stands for.

        The parser often hangs "Microsoft, qui reste ..." from an earlier noun; the name right
        before the pronoun (over a comma) is the better antecedent when it is an actor.
        """
        before = relative.i - 1
        while before >= 0 and relative.doc[before].is_punct:
            before -= 1
        if before >= 0 and before < relative.i - 2:
            before = -1
        clause = relative.head
        if before >= 0:
            key = _actor(relative.doc[before])
            if key and clause.dep_ == LABELS.relative_clause and relative.doc[before] in clause.head.conjuncts:
                return _phrase_actors(clause.head)  # "Renault et Peugeot, qui ...": both
            if key:
                return [key]
        if clause.dep_ == LABELS.relative_clause and clause.head is not clause:
            return _phrase_actors(clause.head)
        return []

    def _apposed_actor(self, head: Token) -> list[str]:
        """"xAI, sa propre entreprise": a noun the parser made a sibling of an actor it restates."""
        if head.pos_ != "NOUN":
            return []
        if head.dep_ == LABELS.apposition:
            return _phrase_actors(head.head)
        comma = head.left_edge.i - 1
        if comma < 1 or not head.doc[comma].is_punct:
            return []
        for sibling in head.head.children:
            if sibling.dep_ == head.dep_ and sibling.right_edge.i + 1 == comma:
                return _phrase_actors(sibling)
        return []

    # -- clause arguments ----------------------------------------------------------------
    def _gerund(self, verb: Token) -> bool:
        """"en acquérant": a present participle introduced by "en" (``gerund_markers``)."""
        return (verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm", []) and verb.head != verb
                and any(c.i < verb.i and fold(c.text) in self.gerund_markers for c in verb.children))

    def subject(self, verb: Token) -> tuple[list[str], bool]:
        """The actors doing ``verb``, and whether they were found directly (not by climbing).

        Follows infinitive chains ("il va jusqu'à proposer de racheter"), object control
        ("sollicité X pour l'aider à financer"), shared subjects of coordinated verbs, passive
        agents and participles modifying a noun ("la société, visant OpenAI").
        """
        current, direct, skip_control = verb, True, False
        for _ in range(MAX_CLIMB):
            found = self._own_subject(current)
            if found is not None:
                return found, direct
            main = self._main_clause_after(current)
            if main is not None:
                current, direct = main, False
                continue
            head = current.head
            if current.pos_ == "ADJ" and head != current and current.dep_ in ADJECTIVE_LINKS:
                # "Sprints, déjà présent au capital de Vinted": an adjective said of a noun.
                return self.actors(head), False
            if current.pos_ == "ADJ" and head != current and head.pos_ in ("VERB", "AUX"):
                # "X, déjà présent au capital de Y, a investi": a detached adjective is said of
                # the subject of the verb it hangs on.
                current, direct = head, False
                continue
            if self._gerund(current) and head.pos_ in ("VERB", "AUX"):
                # "En acquérant X/obl:mod, Vinted consolide …": a gerund has its verb's subject.
                current, direct = head, False
                continue
            if head is current or current.dep_ not in CLAUSE_LINKS:
                return [], direct
            if self._made_for_purpose(current):
                # "lancer une ligue privée pour concurrencer la Ligue des champions": what is
                # made does the purpose, not its maker.
                made = self.object(head)
                return (self.actors(made) if made is not None else []), False
            if self.infinitive_of_noun(current) is not None and head.dep_ in LABELS.governed_noun_links \
                    and head.head.pos_ in ("VERB", "AUX"):
                # "Google a annoncé son intention d'acquérir Wiz": the infinitive of a noun the
                # verb governs has the verb's subject.
                current, direct = head.head, False
                continue
            if current.dep_ in LABELS.noun_clauses and any(
                    c.dep_ == LABELS.marker and fold(c.text) in self.adverbial_infinitive_marks for c in current.children):
                # "après s'être heurté à X" hung on a noun: an adverbial clause, the main subject's.
                current, direct = current.sent.root, False
                continue
            if current.dep_ in LABELS.noun_clauses:
                active_participle = current.dep_ == LABELS.clausal_modifier and "Pres" in current.morph.get("Tense", [])
                return (self.actors(head) if active_participle or _finite_on_root_noun(current) else []), False
            if current.dep_ == LABELS.open_complement and is_passive(head) and not skip_control:
                # "Free a été condamné à verser", "X a été autorisé à racheter": the passive
                # subject of an object-control verb does the infinitive.
                patient = self._first_child(head, (LABELS.passive_subject,))
                if patient is not None and self.actors(patient):
                    return self.actors(patient), False
            if current.dep_ in (LABELS.open_complement, LABELS.adverbial_clause) and self._controls(head) and not skip_control:
                controller = self._first_child(head, LABELS.controlling_objects)
                if controller is not None and self.actors(controller):
                    return self.actors(controller), False
                if controller is not None and controller.pos_ == "NOUN":
                    # "appelé le gouvernement/obj à suspendre l'accord": the object does the
                    # infinitive even when it names no actor; the caller does not.
                    return [], False
                # "sollicité X pour l'aider à financer": the unresolved "l'" is not X (X does
                # the helping), so it is the subject above, not the object of the next verb up.
                skip_control = controller is not None and controller.pos_ == "PRON"
            else:
                skip_control = False
            current, direct = head, False
        return [], False

    @staticmethod
    def _main_clause_after(verb: Token) -> Token | None:
        """"Après avoir refusé un accord, Mme Redstone a accepté": the parser may make the
        fronted infinitive clause the root and the main verb its conjunct; the infinitive's
        subject is the main verb's."""
        if verb.head != verb or not _is_infinitive(verb) or not any(c.dep_ == LABELS.marker for c in verb.children):
            return None
        return next((c for c in verb.children if c.dep_ in LABELS.misparsed_main_clause_links and c.pos_ in ("VERB", "AUX")
                     and c.i > verb.i and not _is_infinitive(c)), None)

    def _made_for_purpose(self, clause: Token) -> bool:
        """Whether ``clause`` is the purpose ("pour ...") of a verb of making with an object."""
        if clause.dep_ != LABELS.adverbial_clause or not any(
                c.dep_ == LABELS.marker and fold(c.text) in self.purpose_marks for c in clause.children):
            return False
        head = clause.head
        made = self._first_child(head, (LABELS.object,))
        # "mettre 1,7 milliard sur la table pour racheter X", "lancer une offre pour racheter X":
        # a sum or an offer is not a thing made that acts; its payer or offerer does the purpose.
        return any(lemma in self.creation_verbs for lemma in self.words.lemma_candidates(head)) and (
            made is not None and not is_sum(made) and fold(made.lemma_) not in self.offer_nouns)

    @staticmethod
    def infinitive_of_noun(verb: Token) -> Token | None:
        """The noun an infinitive complements ("son intention d'acquérir", "le projet de
        racheter"), or None."""
        if verb.dep_ not in LABELS.noun_clauses or "Inf" not in verb.morph.get("VerbForm", []):
            return None
        return verb.head if verb.head.pos_ == "NOUN" else None

    def is_passive(self, verb: Token) -> bool:
        """Passive voice, but for verbs whose compound tenses take "être" ("Axa est devenu",
        "elle est entrée"), which the parser reads as passives."""
        if not is_passive(verb):
            return False
        if self._active_compound_past(verb):
            return False
        if not any(lemma in self.etre_verbs for lemma in self.words.lemma_candidates(verb)):
            return True
        return any(c.dep_ == LABELS.passive_agent for c in verb.children)

    def _active_compound_past(self, verb: Token) -> bool:
        """"Le syndicat a accusé X": the tagger may give the participle a passive voice (and its
        subject a passive label); a tense auxiliary "avoir" with no passive auxiliary says the
        clause is active."""
        if any(c.dep_ == LABELS.passive_auxiliary for c in verb.children):
            return False
        return any(
            c.dep_.startswith(LABELS.auxiliary_prefix) and set(self.words.lemma_candidates(c)) & self.active_auxiliaries
            for c in verb.children
        )

    def _controls(self, verb: Token) -> bool:
        return any(lemma in self.object_control for lemma in self.words.lemma_candidates(verb))

    def _own_subject(self, verb: Token) -> list[str] | None:
        """The verb's own subject phrase, or None when it has none (so the caller climbs)."""
        passive = self.is_passive(verb)
        for child in verb.children:
            if passive and (child.dep_ == LABELS.passive_agent or (
                child.dep_.startswith(LABELS.oblique_prefix) and preposition(child, self.preposition_forms) in self.agent_marks
            )):
                return self.actors(child)
        # "PARIS (AFP) -- Le groupe Kering a annoncé": of two subjects before the verb, the
        # nearer is the subject; the other is a dateline or a fronted phrase.
        before = [c for c in verb.children if c.dep_ == LABELS.subject and c.i < verb.i]
        infinitive = _is_infinitive(verb)
        for child in verb.children:
            if child.dep_ == LABELS.subject and (infinitive or (child.i > verb.i and self._bare_actor(child, verb, before=False))):
                # "a félicité Elon Musk" with the object mislabelled nsubj; an infinitive has no
                # subject of its own ("expliquait avoir contacté Rodolphe Saadé", "Quelques
                # jours/nsubj après avoir refusé").
                continue
            if child.dep_ == LABELS.subject and len(before) > 1 and child != before[-1] and child.i < verb.i:
                continue
            if child.dep_ == LABELS.subject or (child.dep_ == LABELS.passive_subject and not passive):
                if preposition(child, self.preposition_forms):
                    return self._after_fronted_phrase(child, verb)
                found = self.actors(child) or self._pronoun_fallback(child, verb)
                return [*self._stray_conjunct(child, verb), *found] if found else found
            if child.dep_ == LABELS.expletive_subject and fold(child.text) in self.person_pronouns:
                return self.actors(child) or self._pronoun_fallback(child, verb)
        if passive and any(c.dep_ == LABELS.passive_subject for c in verb.children):
            return []
        stray = next((c for c in verb.children if c.i < verb.i and self._bare_actor(c, verb, before=True)), None)
        if stray is not None:
            return _phrase_actors(stray)
        return None if infinitive else self._name_just_before(verb)

    def _name_just_before(self, verb: Token) -> list[str] | None:
        """"Plus tôt dans la journée, Bruno Le Maire expliquait": a finite verb left without a
        subject by the parser (which hung the name on the phrase before it) takes the name
        standing right before it, after a comma or at the start of the sentence."""
        doc = verb.doc
        j = verb.i - 1
        while j >= verb.sent.start and doc[j].head == verb and (
                doc[j].dep_.startswith(LABELS.auxiliary_prefix) or doc[j].pos_ in ("ADV", "PRON")):
            j -= 1  # "a", "s'", "ne", "lui aussi"
        if j < verb.sent.start:
            return None
        mention = actor_index(doc).mention_at(doc[j])
        if mention is None or mention.end != doc[j].idx + len(doc[j].text):
            return None
        first = next(t for t in doc[verb.sent.start : j + 1] if t.idx + len(t.text) > mention.start)
        # "..., Bruno Le Maire expliquait"; "a racheté Alpro et Nestlé a racheté Starbucks".
        if first.i > verb.sent.start and doc[first.i - 1].text != "," and fold(doc[first.i - 1].text) not in self.coordinators:
            return None
        if any(t.dep_ == LABELS.case_marker for t in doc[first.i : j + 1]):
            return None  # "Selon Reuters, ..." is no subject
        return [mention.key]

    def _after_fronted_phrase(self, fronted: Token, verb: Token) -> list[str]:
        """"Après Bouygues, Bolloré ou Niel, Rodolphe Saadé vient de racheter ...": a "subject"
        led by a preposition is a fronted phrase the parser ran into the subject; the real
        subject is the name it left hanging last before the verb, if any."""
        named = [c for c in fronted.children if c.dep_ == LABELS.apposition and c.i < verb.i]
        if not named:
            return []
        candidate = max(named, key=lambda c: c.i)
        if any(c.i > candidate.i for c in fronted.conjuncts):
            return []
        return self.actors(candidate)

    def _stray_conjunct(self, subject: Token, verb: Token) -> list[str]:
        """"Amazon et Anthropic ont signé": the parser leaves the first name a root of its own
        and hangs "et" on the verb; that name is a conjunct of the subject."""
        doc = subject.doc
        mark = subject.left_edge.i - 1
        if mark < 1 or fold(doc[mark].text) not in self.coordinators or doc[mark].head != verb:
            return []
        name = doc[mark - 1]
        while name.dep_ in LABELS.name_parts_with_foreign and name.head != name:
            name = name.head
        if name.head != name and name.dep_ not in STRAY_DEPS:
            return []
        key = _actor(name)
        return [key] if key else []

    def _bare_actor(self, child: Token, verb: Token, before: bool) -> bool:
        """A name hung on the verb with a meaningless label ("OpenAI/advmod poursuit", "rejoint
        OpenAI/punct"): an argument the parser lost. After the verb it must follow a subject."""
        if preposition(child, self.preposition_forms) or _actor(child) is None:
            return False
        if before:
            # "L'État français, en collaboration avec X, a annoncé": a bare name before the
            # verb that the parser made an oblique (it has no preposition) is the subject.
            return child.dep_ in STRAY_DEPS or child.dep_.startswith(LABELS.oblique_prefix)
        # "X/nsubj:pass aurait critiqué Y/nsubj": the tagger's passive subject before is the subject.
        has_subject = any(c.dep_ in LABELS.subjects and c.i < verb.i for c in verb.children)
        # "a félicité Isar Aerospace/obl:arg": a name after the verb with no preposition, hung as
        # an oblique, is the object the parser lost.
        stray = child.dep_ in STRAY_DEPS or child.dep_.startswith(LABELS.oblique_prefix)
        return (stray or child.dep_ == LABELS.subject) and (child.dep_ != LABELS.subject or has_subject)

    def _pronoun_fallback(self, pronoun: Token, verb: Token) -> list[str]:
        """A subject "il"/"elle" the actor recognizer left unresolved: the last person named as
        a subject just before."""
        if fold(pronoun.text) not in self.person_pronouns or fold(verb.lemma_) in self.impersonal:
            return []
        doc = pronoun.doc
        feminine = "Fem" in pronoun.morph.get("Gender", []) or fold(pronoun.text).endswith(self.feminine_endings)
        start = max(0, pronoun.i - 80)
        for token in reversed(doc[start : pronoun.i]):
            if token.dep_ == LABELS.subject and token.pos_ in ("PROPN", "PRON", "NOUN"):
                key = _actor(token)
                if key and _is_person(doc, key) and self._agrees(key, feminine):
                    return [key]
        return []

    def _agrees(self, key: str, feminine: bool) -> bool:
        """Whether a person may be "elle" (feminine) or "il": "elle" never stands for a man the
        knowledge base knows, nor "il" for a woman; unknown genders agree with both."""
        known = self.kb.get(key) if self.kb is not None else None
        if known is None or known.gender is None:
            return True
        return (known.gender == "f") == feminine

    def object(self, verb: Token) -> Token | None:
        """The head of the direct object; a passive's subject; a relative "que" standing for it."""
        if self.is_passive(verb):
            subject = self._first_child(verb, LABELS.subjects)
            if subject is not None:
                return subject
            if verb.dep_ == LABELS.clausal_modifier:
                return verb.head
            if participle_adjunct(verb):
                return self._first_child(verb.head, LABELS.subjects)
        found = self._first_child(verb, (LABELS.object,))
        if found is not None:
            return _counted_after_day(found) or found  # "a commandé lundi/obj 60 autocars"
        if _is_infinitive(verb):
            # "expliquait avoir contacté Patrick Pouyanné/nsubj": after an infinitive, its object.
            found = next((c for c in verb.children if c.dep_ == LABELS.subject and c.i > verb.i), None)
            if found is not None:
                return found
        # "a infligé vendredi une amende": the parser hangs the object on the bare day noun.
        for child in verb.children:
            if child.i > verb.i and child.dep_ in OBLIQUE_DEPS and child.pos_ == "NOUN" and not any(
                c.dep_ in LABELS.introducers for c in child.children
            ):
                found = self._first_child(child, (LABELS.object,)) or _counted_after_day(child)
                if found is not None:
                    return found
            if child.i > verb.i and child.dep_ in OBLIQUE_DEPS:
                found = _name_after_date(child)
                if found is not None:
                    return found
        stray = next((c for c in verb.children if c.i > verb.i and self._bare_actor(c, verb, before=False)), None)
        if stray is not None:
            return stray
        for child in verb.children:
            if fold(child.text) in self.relative_object and child.i < verb.i:
                return child
        if _participle_on_noun(verb):
            return verb.head
        return None

    def object_actors(self, verb: Token) -> list[str]:
        found = self.object(verb)
        if found is None:
            return []
        if fold(found.text) in self.relative_object:
            return self.antecedent(found)
        return self.actors(found)

    def obliques(self, head: Token, prep: str) -> Iterator[Token]:
        """Complements of ``head`` introduced by ``prep`` ("contre OpenAI", "du projet")."""
        for child in head.children:
            if child.dep_ in OBLIQUE_DEPS and preposition(child, self.preposition_forms) == prep:
                yield child
                # "du Suédois Spotify": the name after a demonym, hung on ``head`` beside it.
                yield from (s for s in head.children if s.left_edge.i == child.right_edge.i + 1 and _continues_complement(s))
                # "en collaboration avec le groupe A et/cc le fonds B/conj": the parser hangs the
                # second complement on ``head`` as its conjunct.
                yield from (s for s in head.children if s.left_edge.i == child.right_edge.i + 1
                            and s.left_edge.pos_ == "CCONJ" and s in head.conjuncts and s.pos_ in ("NOUN", "PROPN")
                            and not any(c.dep_ in LABELS.introducers for c in s.children))
                # "avec des opérateurs, ainsi qu'avec le réseau X": a conjunct with its own "avec".
                yield from (c for c in child.conjuncts if c.i > child.i and preposition(c, self.preposition_forms) == prep)
            elif child.dep_ == LABELS.adverbial_modifier and fold(child.text) == prep:
                # "levé 600 millions auprès/advmod de Nvidia": the phrase hangs on the adverb
                # that begins the compound preposition.
                yield from (g for g in child.children if g.dep_ in OBLIQUE_DEPS
                            and preposition(g, self.preposition_forms) == prep)
            elif child.dep_ == LABELS.object:
                # "remporté un contrat de 2 milliards d'euros auprès/dep de la SNCF": the adverb
                # that begins the compound preposition sinks into the object's complements.
                for adverb in child.subtree:
                    if adverb.pos_ == "ADV" and adverb.dep_ in (LABELS.adverbial_modifier, LABELS.unspecified) \
                            and fold(adverb.text) == prep and adverb.head is not head:
                        yield from (g for g in adverb.children if g.dep_ in OBLIQUE_DEPS
                                    and preposition(g, self.preposition_forms) == prep)

    def indirect_object(self, verb: Token) -> Token | None:
        return self._first_child(verb, (LABELS.indirect_object,))

    @staticmethod
    def _first_child(token: Token, deps: Collection[str]) -> Token | None:
        return next((c for c in token.children if c.dep_ in deps), None)


def _name_after_date(phrase: Token) -> Token | None:
    """"a placé le 16 mai Huawei sur une liste noire": the parser hangs the object named right
    after a date on the date's noun; a bare name (no preposition) that follows the date is it."""
    timexes = phrase.doc._.timexes or []
    date = next((t for t in timexes if t.start <= phrase.idx < t.end), None)
    if date is None or any(c.dep_ in LABELS.introducers for c in phrase.children):
        return None
    for token in phrase.subtree:
        if (token.idx == _next_word_start(phrase.doc, date.end) and token.pos_ == "PROPN"
                and token.dep_ not in LABELS.name_parts and _actor(token) is not None
                and not any(c.dep_ in LABELS.introducers for c in token.children)):
            return token
    return None


def _counted_after_day(day: Token) -> Token | None:
    """"a commandé mercredi/obl 40 rames/nmod au constructeur X": a counted noun the parser hung
    on the bare day noun right before it, with no preposition of its own, is the verb's object
    (the day may be labelled an oblique or the object)."""
    for noun in day.children:
        if noun.left_edge.i == day.i + 1 and noun.dep_ == LABELS.nominal_modifier and noun.pos_ == "NOUN" and any(
                c.dep_ == LABELS.numeric_modifier and c.i < noun.i for c in noun.children) and not any(
                c.dep_ in LABELS.introducers for c in noun.children if c.i < noun.i):
            return noun
    return None


def _next_word_start(doc, end: int) -> int:
    """Where the first word after character ``end`` begins."""
    for i in range(first_token_from(doc, end), len(doc)):  # by bisection, not from the Doc's start
        if not doc[i].is_space:
            return doc[i].idx
    return -1


def _actor(token: Token) -> str | None:
    """The innermost actor at ``token``: "OpenAI" in "le cofondateur d'OpenAI" is OpenAI."""
    return actor_index(token.doc).at(token)


def _name_in_description(noun: Token) -> str | None:
    """"la société de logiciels Oracle": the name a generic noun carries beats the actor the
    recognizer resolved the bare noun to ("la société" alone would be the last company named)."""
    mention = actor_index(noun.doc).mention_at(noun)
    if noun.pos_ != "NOUN" or mention is None or mention.end > noun.idx + len(noun.text):
        return None
    if mention.start == noun.idx and noun.text[:1].isupper() and noun.i > noun.sent.start:
        return None  # "Dailymotion/NOUN au géant Yahoo": a name the tagger made a noun
    conjuncts = noun.conjuncts
    for token in noun.subtree:
        if token.i <= noun.i or token.pos_ != "PROPN" or any(c.dep_ == LABELS.case_marker for c in token.children):
            continue
        if token in conjuncts or token.head in conjuncts:
            continue  # "TikTok/NOUN et YouTube": a name coordinated with the noun is another actor
        link = token.head
        if link == noun or (link.head == noun and link.pos_ == "NOUN" and _actor(link) is None):
            key = _actor(token)
            if key is not None and key != mention.key:
                return key
    return None


def _name_after_adjectives(noun: Token) -> str | None:
    """The actor a common noun is named by after its adjectives, wherever the parser hung the
    name: "son concurrent coréen Kia", "le groupe américain Oracle"."""
    if noun.pos_ != "NOUN" and not _nationality_noun(noun):
        return None
    doc = noun.doc
    index = actor_index(doc)
    i = noun.i + 1
    # "sa maison mère chinoise ByteDance": adjectives, and nouns the parser made adjectives.
    # The parser may hang them on the noun's governor too ("au constructeur japonais/advmod X").
    while i < len(doc) and (doc[i].head == noun or (doc[i].head == noun.head and doc[i].is_lower and doc[i].pos_ == "ADJ")) and (doc[i].pos_ == "ADJ" or (
            doc[i].dep_ == LABELS.adjectival_modifier and doc[i].pos_ == "NOUN" and index.mention_at(doc[i]) is None)):
        i += 1
    starts_name = i < len(doc) and (mention := index.mention_at(doc[i])) is not None and mention.start == doc[i].idx
    if i >= len(doc) or (doc[i].pos_ not in ("PROPN", "NOUN", "X") and not (starts_name and i > noun.i + 1)):
        return None
    if i == noun.i + 1 or doc[i].pos_ != "PROPN":
        # "le rachat par Qualcomm de la startup Nuvia/obl": a name right after a determined
        # noun names it, wherever the parser hung the name.
        mention = actor_index(doc).mention_at(doc[i])
        # "du groupe X": a preposition fused with the article determines the noun too.
        determined = any(c.i < noun.i and (c.pos_ == "DET" or "Art" in c.morph.get("PronType", [])) for c in noun.children)
        return mention.key if mention is not None and mention.start == doc[i].idx and determined else None
    if doc[i].head.i not in range(noun.i, i) and not _stray_name_of(noun, doc[i]):
        return None
    return _actor(doc[i])


#: How many bare words a trade complement may have ("de jeux vidéo", "d'imagerie médicale").
MAX_TRADE_WORDS = 3


def _name_after_trade(noun: Token, genitive: frozenset[str]) -> str | None:
    """"la maison de parfums Creed", "l'association de consommateurs X": a determined noun, a
    "de" complement of bare lower-case words that says its trade, then a name; the name is the
    noun's wherever the parser hung it ("de la chimie X" has an article: no trade)."""
    doc = noun.doc
    determined = any(c.i < noun.i and (c.pos_ == "DET" or "Art" in c.morph.get("PronType", [])) for c in noun.children)
    if noun.pos_ != "NOUN" or not determined:
        return None
    i = noun.i + 1
    while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower and doc[i].head == noun:
        i += 1
    # "de" or "d'", not "du"/"des" (an article: "le catalogue des films X" is no trade)
    elided = doc[i].text.endswith(("'", "’")) if i < len(doc) else False
    if i >= len(doc) or not (fold(doc[i].text) in genitive or (elided and fold(doc[i].lemma_) in genitive)):
        return None
    j = i + 1
    while j < len(doc) and j - i <= MAX_TRADE_WORDS and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "X"):
        j += 1
    if j == i + 1 or j - i > MAX_TRADE_WORDS + 1 or j >= len(doc) or doc[j].sent != noun.sent:
        return None
    mention = actor_index(doc).mention_at(doc[j])
    if mention is None or mention.start != doc[j].idx or doc[j].head.i not in range(noun.i, j):
        return None
    return mention.key


def _listed_after_name(noun: Token, key: str, coordinators: frozenset[str]) -> list[str]:
    """"ses rivaux LVMH et L'Oréal": the names listed after the one that names the noun."""
    name = next((t for t in noun.doc[noun.i + 1 : noun.sent.end] if _actor(t) == key), None)
    if name is None:
        return []
    return [k for k in _listed_names(name, coordinators) if k != key]


def _nationality_noun(word: Token) -> bool:
    """"le coréen KHNP", "l'allemand Rheinmetall": an adjective of origin the parser made the
    head of a determined phrase stands for the noun it leaves unsaid (wire copy's house style)."""
    return (word.pos_ == "ADJ" and word.dep_ != LABELS.adjectival_modifier
            and any(c.i < word.i and c.pos_ == "DET" for c in word.children))


def _stray_name_of(noun: Token, name: Token) -> bool:
    """"commander 40 camions au constructeur suédois Volvo/dep": the name right after a
    determined noun and its adjectives, hung by the parser on the noun's own governor (not as
    that governor's subject or the start of another clause), is the noun's name."""
    determined = any(c.i < noun.i and (c.pos_ == "DET" or "Art" in c.morph.get("PronType", [])) for c in noun.children)
    return (determined and name.head == noun.head and name.dep_ not in LABELS.subjects
            and not _opens_clause(name, noun))


def _phrase_actors(head: Token) -> list[str]:
    """Actors of the phrase headed by ``head``, its name parts and its conjuncts."""
    # "Sam Altman et Greg Brockman": the conjunct often hangs on the last name part.
    parts = [c for c in head.children if c.dep_ in LABELS.name_parts]
    conjuncts = (*head.conjuncts, *(c for p in parts for c in p.conjuncts))
    conjuncts = tuple(c for c in conjuncts if not _opens_clause(c, head))
    return actor_index(head.doc).phrase_actors(head, _names_its_head, conjuncts=conjuncts)


def _opens_clause(name: Token, phrase: Token) -> bool:
    """"Netflix a attaqué Disney et Amazon a répondu": a "conjunct" followed by the auxiliary or
    verb of another clause than the phrase's is that clause's subject, not part of the phrase."""
    doc = name.doc
    after = name.right_edge.i + 1
    if after >= len(doc) or doc[after].pos_ not in ("AUX", "VERB"):
        return False
    verb = doc[after] if doc[after].pos_ == "VERB" and doc[after].dep_ not in LABELS.auxiliaries else doc[after].head
    governor = phrase.head
    while governor.dep_ in LABELS.name_parts_with_foreign and governor.head != governor:
        governor = governor.head
    return verb.i > name.i and verb != governor and verb != phrase


def _is_infinitive(verb: Token) -> bool:
    """An infinitive, simple or compound ("contacter", "avoir contacté"); a verb with a finite
    auxiliary is none, whatever the tagger says ("que Lactalis a copié/Inf")."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith(LABELS.auxiliary_prefix)]
    if any("Fin" in c.morph.get("VerbForm", []) for c in auxiliaries):
        return False
    if "Inf" in verb.morph.get("VerbForm", []):
        # "Le groupe X rivalise/Inf avec Y": a form with no infinitive ending is finite.
        return verb.lower_.endswith(tuple(load_event_lexicon(verb.doc.lang_).words("syntax", "infinitive_endings")) or ("",))
    return any("Inf" in c.morph.get("VerbForm", []) for c in auxiliaries)


def _finite_on_root_noun(verb: Token) -> bool:
    """"Le groupe X rivalise en Europe avec Y": the parser made the sentence's subject its root
    and the finite verb a modifier of it; that noun is the verb's subject (not so for a
    participle or an infinitive, "le groupe X, rivalisant ...", "le projet de racheter")."""
    head = verb.head
    return (verb.dep_ == LABELS.clausal_modifier and head.head == head and head.i < verb.i
            and "Part" not in verb.morph.get("VerbForm", []) and not _is_infinitive(verb)
            and not any(c.dep_ == LABELS.marker or c.dep_ == LABELS.case_marker for c in verb.children))


def _person_named(noun: Token) -> str | None:
    """"le député PS Razzy Hammadi", "le ministre LR Jean Dupont": a title noun named twice,
    by its party (or firm) and by a person, is the person."""
    if noun.pos_ != "NOUN" or _actor(noun) is not None:
        return None
    named: list[str] = []
    for child in noun.children:
        key = _actor(child) if child.i > noun.i and _names_its_head(child) else None
        if key is not None and key not in named:
            named.append(key)
    people = [key for key in named if _is_person(noun.doc, key)]
    return people[0] if len(people) == 1 and len(named) > 1 else None


def _lists_on(head: Token) -> bool:
    """Whether the phrase's last word is its name: only a bare name goes on into a list."""
    mention = actor_index(head.doc).mention_at(head)
    return mention is not None and head.pos_ in ("PROPN", "X", "NOUN", "VERB") and not head.conjuncts


def _listed_names(head: Token, coordinators: frozenset[str]) -> list[str]:
    """"avec Amazon Web Services et Microsoft Azure", "convaincre Yahoo, puis Microsoft": the
    names the text lists right after the phrase's name, wherever the parser hung them (it often
    hangs the last one on a part of the first). A list counts only once a coordinator closes it
    ("A, B et C"), and a name that is the subject of a later verb starts a new clause."""
    doc = head.doc
    index = actor_index(doc)
    mention = index.mention_at(head)
    if mention is None:
        return []
    end = head.sent.end
    j = next((t.i for t in doc[head.i : end] if t.idx >= mention.end), end)
    listed: list[str] = []
    pending: list[str] = []
    linked = coordinated = False
    while j < end:
        token = doc[j]
        if token.text == ",":
            linked, j = True, j + 1
            continue
        if fold(token.text) in coordinators:
            linked = coordinated = True
            j += 1
            continue
        named = index.mention_at(token)
        if token.pos_ == "DET" and (named is None or named.start != token.idx):
            j += 1
            continue
        if not linked or named is None or named.start != token.idx:
            break
        top = token
        while top.dep_ in LABELS.name_parts_with_foreign and top.head != top:
            top = top.head
        if (top.dep_ in LABELS.subjects and top.head.i > top.i) or _opens_clause(top, head):
            break
        pending.append(named.key)
        if coordinated:
            listed.extend(pending)
            pending, coordinated = [], False
        linked = False
        j = next((t.i for t in doc[j:end] if t.idx >= named.end), end)
    return listed




def _names_its_head(child: Token) -> bool:
    """Whether ``child`` is the name of the noun it hangs on: "Elon Musk", "le groupe Vivendi",
    "la start-up Mistral AI" (a name part, an apposition, or a modifier with no preposition;
    "le patron de Tesla" has one, so Tesla does not name the patron)."""
    if child.dep_ in LABELS.naming_links:
        return True
    if any(c.dep_ == LABELS.case_marker for c in child.children) or _continues_complement(child):
        return False
    # The tagger reads an unknown brand after a noun as an adjective ("la société Kestrel/amod"):
    # callers only follow such a modifier when an actor mention covers it.
    # A foreign name the tagger leaves untagged ("le néerlandais United/X Wardrobe") names it too.
    # So does a capitalised brand the tagger read as a common noun ("le groupe de luxe Kering/NOUN").
    return (child.dep_ == LABELS.nominal_modifier and (child.pos_ in ("PROPN", "X") or (
        child.pos_ == "NOUN" and child.text[:1].isupper() and child.i > child.sent.start and _starts_mention(child)))) or (
        child.dep_ == LABELS.adjectival_modifier and child.pos_ in ("ADJ", "PROPN")
    )


def _starts_mention(token: Token) -> bool:
    """Whether an actor's mention begins at ``token`` (not a later word of "Tiger Global Management")."""
    mention = actor_index(token.doc).mention_at(token)
    return mention is not None and mention.start == token.idx


def _continues_complement(token: Token) -> bool:
    """"Concurrent du Suédois Spotify", "l'ex-patron de l'Olympique Lyonnais": the parser hangs
    the second word of a name phrase on the noun the first word complements; it belongs to that
    complement, it does not name the noun ("le groupe de luxe Kering" does: "luxe" is no name)."""
    if token.pos_ != "PROPN" or token.dep_ != LABELS.nominal_modifier or token.head == token:
        return False
    if any(c.dep_ == LABELS.case_marker for c in token.children):
        return False
    return any(s.pos_ == "PROPN" and s.right_edge.i + 1 == token.left_edge.i and any(
        c.dep_ == LABELS.case_marker for c in s.children) for s in token.head.children if s.i < token.i)


def _is_person(doc, key: str) -> bool:
    for entity in doc._.entities or []:
        if entity.key == key:
            return entity.type == "PERSON"
    return False
