"""Reading actors off the dependency parse (Universal Dependencies labels, spaCy French models).

The parser is right most of the time and wrong in known ways: a relative clause hangs from the
wrong noun, an apposition becomes a second object, an active subject is labelled ``nsubj:pass``.
These helpers read the parse with those habits in mind, and return actor keys through the
document's :class:`~chronique.nlp.actor_index.ActorIndex` (names, descriptions, pronouns).

The actors of one phrase are read by :class:`~chronique.extract.events.phrase_reader.PhraseReader`
(with ``phrase_names``); the shapes of a clause (voice, infinitives, prepositions) are in
``clause_shapes``. Here ``ParseReader`` finds a clause's subject and objects on top of them.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from chronique.extract.events.asides import aside_host, name_hung_on_participle
from chronique.extract.events.clause_shapes import (
    ADJECTIVE_LINKS,
    CLAUSE_LINKS,
    LABELS,
    MAX_CLIMB,
    OBLIQUE_DEPS,
    STRAY_DEPS,
    copula_of_compound_passive,
    counted_after_day,
    finite_on_root_noun,
    fronted_participle,
    is_infinitive,
    is_passive,
    participle_adjunct,
    participle_on_noun,
    passive_auxiliary_at,
    preposition,
    preposition_at,
    pronominal,
    stray_object_names,
    within_timex,
)
from chronique.extract.events.phrase_names import actor_at, is_person, name_after_date, names_its_head, phrase_actors
from chronique.extract.events.phrase_reader import PhraseReader
from chronique.extract.events.seen import seeing_verb, seen_agent_phrases
from chronique.extract.events.sums import is_sum
from chronique.nlp.actor_index import actor_index
from chronique.nlp.memo import per_token
from chronique.nlp.parse_table import features_of, parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["ParseReader"]


class ParseReader(PhraseReader):
    """Actors of phrases (:class:`PhraseReader`) and of a clause's arguments: subject, object,
    obliques."""

    # -- clause arguments ----------------------------------------------------------------
    def _gerund(self, verb: Token) -> bool:
        """"en acquérant": a present participle introduced by "en" (``gerund_markers``)."""
        return (verb.pos_ == "VERB" and "Part" in features_of(verb).get("VerbForm", ()) and verb.head != verb
                and any(c.i < verb.i and fold(c.text) in self.gerund_markers for c in verb.children))

    @per_token
    def subject(self, verb: Token) -> tuple[list[str], bool]:
        """The actors doing ``verb``, and whether they were found directly (not by climbing).

        Follows infinitive chains ("il va jusqu'à proposer de racheter"), object control
        ("sollicité X pour l'aider à financer"), shared subjects of coordinated verbs, passive
        agents and participles modifying a noun ("la société, visant OpenAI").
        """
        current, direct, skip_control = verb, True, False
        host = aside_host(verb, self.aside_nouns, self.aside_auxiliaries)
        if host is not None:  # "Greenpeace a de son côté assigné Y": the auxiliary's subject
            return self.subject(host)
        if seeing_verb(verb, self.seeing_verbs) is not None:
            # "X s'est vu infliger une amende par Y": Y inflicts it; X never does.
            phrases = seen_agent_phrases(verb, self.agent_marks, self.preposition_forms)
            return [k for p in phrases for k in self.actors(p)], True
        shared = self.coordinated_head(verb)
        if shared is not None:  # "X a signé un accord avec Y et investi 30 millions dans Z"
            current, direct = shared, False
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
            if head == current or current.dep_ not in CLAUSE_LINKS:
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
            if current.dep_ in LABELS.noun_clauses and is_infinitive(current) and head.pos_ == "NOUN" and any(
                    c.dep_ == LABELS.copula for c in head.children) and (holder := self._own_subject(head)):
                # "Amazon serait en discussions pour racheter X": the infinitive of a predicate
                # noun has the predicate's subject.
                return holder, False
            if current.dep_ in LABELS.noun_clauses and self._discourse_adverbial(head):
                # "Le groupe X a de son côté racheté Y", "a à son tour critiqué": the parser hangs
                # the participle on the adverbial's noun; the subject is the adverbial's clause's.
                return next((found for holder in (head, head.head) if (found := self._own_subject(holder))), []), False
            if current.dep_ in LABELS.noun_clauses and any(
                    c.dep_ == LABELS.marker and fold(c.text) in self.adverbial_infinitive_marks for c in current.children):
                # "après s'être heurté à X" hung on a noun: an adverbial clause, the main subject's.
                current, direct = current.sent.root, False
                continue
            if current.dep_ in LABELS.noun_clauses:
                active_participle = current.dep_ == LABELS.clausal_modifier and "Pres" in features_of(current).get("Tense", ())
                return (self.actors(head) if active_participle or finite_on_root_noun(current) else []), False
            if current.dep_ == LABELS.open_complement and is_passive(head) and not skip_control:
                # "Free a été condamné à verser", "X a été autorisé à racheter": the passive
                # subject of an object-control verb does the infinitive.
                patient = self._first_child(head, (LABELS.passive_subject,))
                if patient is not None and self.actors(patient):
                    return self.actors(patient), False
            if current.dep_ == LABELS.adverbial_clause and is_infinitive(current) and is_passive(head) and \
                    any(c.dep_ == LABELS.passive_agent for c in head.children):
                # "X a de son côté été condamné par le tribunal à verser …": the passive's agent
                # never does its infinitive; its patient does (the parser may hang it on the
                # auxiliary).
                patient = self._first_child(head, (LABELS.passive_subject,)) or next(
                    (g for c in head.children if c.dep_.startswith(LABELS.auxiliary_prefix)
                     for g in c.children if g.dep_ in LABELS.subjects), None)
                return (self.actors(patient) if patient is not None else []), False
            if current.dep_ in (LABELS.open_complement, LABELS.adverbial_clause) and self._controls(head) and not skip_control \
                    and not self._adverbial_infinitive(current) and not _bare_past_participle(current):
                # ("a accusé X de …, avant de saluer Y": an adverbial infinitive is the subject's.)
                controller = self._first_child(head, LABELS.controlling_objects)
                day = next((c for c in head.children if c.i > head.i and within_timex(c)), None)
                if controller is None and day is not None:
                    # "a condamné jeudi/obl la société X/obj(jeudi) à verser": the object the
                    # parser hung on the day controls the infinitive.
                    controller = self._first_child(day, (LABELS.object,)) or counted_after_day(day)
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
    def coordinated_head(verb: Token) -> Token | None:
        """"X a racheté Y et investi 200 millions dans Z": a bare past participle coordinated
        with a compound past shares its auxiliary and subject; the parser may hang it on the
        first verb or on a name of the first verb's phrase ("avec EDF et investi"). The verb
        with the auxiliary, or None for any other word."""
        i = verb.i
        table = parse_table(verb.doc)  # the tests on the verb itself, by index: no Token per child
        deps = table.deps
        if token_table(verb.doc).pos[i] != "VERB" or "Part" not in table.features[i].get("VerbForm", ()) or table.heads[i] == i:
            return None
        if any(deps[c].startswith(LABELS.auxiliary_prefix) or deps[c] in LABELS.subjects for c in table.children[i]):
            return None
        if i not in table.conjuncts(table.heads[i]):
            return None
        node = verb.head
        for _ in range(3):
            if node.pos_ == "VERB" and node.i < verb.i and any(
                    c.dep_.startswith(LABELS.auxiliary_prefix) for c in node.children):
                return node
            if node.head == node:
                return None
            node = node.head
        return None

    def _discourse_adverbial(self, noun: Token) -> bool:
        """"de son côté", "à son tour", "pour sa part": a noun of a discourse adverbial, with its
        possessive (`[syntax] discourse_adverbial_nouns`)."""
        return noun.pos_ == "NOUN" and fold(noun.lemma_) in self.discourse_adverbial_nouns and any(
            c.i < noun.i and c.pos_ == "DET" and fold(c.text) in self.possessives for c in noun.children)

    @staticmethod
    def _main_clause_after(verb: Token) -> Token | None:
        """"Après avoir refusé un accord, Mme Redstone a accepté": the parser may make the
        fronted infinitive clause the root and the main verb its conjunct; the infinitive's
        subject is the main verb's."""
        if verb.head != verb or not is_infinitive(verb) or not any(c.dep_ == LABELS.marker for c in verb.children):
            return None
        return next((c for c in verb.children if c.dep_ in LABELS.misparsed_main_clause_links and c.pos_ in ("VERB", "AUX")
                     and c.i > verb.i and not is_infinitive(c)), None)

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
        if verb.dep_ not in LABELS.noun_clauses or "Inf" not in features_of(verb).get("VerbForm", ()):
            return None
        return verb.head if verb.head.pos_ == "NOUN" else None

    @per_token
    def is_passive(self, verb: Token) -> bool:
        """Passive voice, but for verbs whose compound tenses take "être" ("Axa est devenu",
        "elle est entrée"), which the parser reads as passives."""
        if not is_passive(verb):
            return False
        if self._active_compound_past(verb) or pronominal(verb):
            return False
        if not any(lemma in self.etre_verbs for lemma in self.words.lemma_candidates(verb)):
            return True
        return any(c.dep_ == LABELS.passive_agent for c in verb.children)

    def _active_compound_past(self, verb: Token) -> bool:
        """"Le syndicat a accusé X": the tagger may give the participle a passive voice (and its
        subject a passive label); a tense auxiliary "avoir" with no passive auxiliary says the
        clause is active."""
        if any(passive_auxiliary_at(verb.doc, c.i) for c in verb.children):
            return False
        if copula_of_compound_passive(verb):
            return False  # "X a été/cop propulsé à la tête de Y": a compound passive
        if verb.dep_ == LABELS.clausal_modifier and self._discourse_adverbial(verb.head):
            return True  # "X a de son côté racheté Y": the auxiliary hangs elsewhere, the clause is active
        return any(
            c.dep_.startswith(LABELS.auxiliary_prefix) and set(self.words.lemma_candidates(c)) & self.active_auxiliaries
            for c in verb.children
        )

    def _adverbial_infinitive(self, clause: Token) -> bool:
        """An infinitive led by "avant de", "après", "sans": a circumstance of the clause."""
        return any(c.dep_ == LABELS.marker and fold(c.text) in self.adverbial_infinitive_marks for c in clause.children)

    def _controls(self, verb: Token) -> bool:
        return any(lemma in self.object_control for lemma in self.words.lemma_candidates(verb))

    def _own_subject(self, verb: Token) -> list[str] | None:
        """The verb's own subject phrase, or None when it has none (so the caller climbs)."""
        passive = self.is_passive(verb)
        doc = verb.doc
        table = parse_table(doc)  # the verb's children read by index: a Token only for a phrase read
        deps, kids = table.deps, table.children[verb.i]
        if passive:
            for child in kids:
                if deps[child] == LABELS.passive_agent or (
                    deps[child].startswith(LABELS.oblique_prefix) and preposition_at(doc, child, self.preposition_forms) in self.agent_marks
                ):
                    return self.actors(doc[child])
        if passive and (agent := self._agent_hung_below(verb)):
            return agent
        # "PARIS (AFP) -- Le groupe Kering a annoncé": of two subjects before the verb, the
        # nearer is the subject; the other is a dateline or a fronted phrase.
        before = [c for c in kids if deps[c] == LABELS.subject and c < verb.i]
        infinitive = is_infinitive(verb)
        # (a bare actor is an actor's word: none where no mention lies, and no Token built there)
        index = actor_index(doc)
        for child in kids:
            dep = deps[child]
            if dep == LABELS.subject and (infinitive or (child > verb.i and index.mention_at_index(child) is not None
                                                         and self._bare_actor(doc[child], verb, before=False))):
                # "a félicité Elon Musk" with the object mislabelled nsubj; an infinitive has no
                # subject of its own ("expliquait avoir contacté Rodolphe Saadé", "Quelques
                # jours/nsubj après avoir refusé").
                continue
            if dep == LABELS.subject and len(before) > 1 and child != before[-1] and child < verb.i:
                continue
            if dep == LABELS.subject or (dep == LABELS.passive_subject and not passive):
                subject = doc[child]
                if preposition_at(doc, child, self.preposition_forms):
                    return self._after_fronted_phrase(subject, verb)
                if fronted_participle(subject):
                    # "Fondée en 2019 par X, Verdiane a levé …": the name after its comma.
                    return self._after_fronted_participle(subject)
                antecedent = _antecedent_of_possessive_relative(subject, verb, self.possessive_relatives)
                if antecedent is not None:  # "X, dont le PDG est Y, a signé": X signs, not Y
                    return [antecedent]
                found = self.actors(subject) or self._pronoun_fallback(subject, verb)
                return [*self._stray_conjunct(subject, verb), *found] if found else found
            if dep == LABELS.expletive_subject and token_table(doc).folded[child] in self.person_pronouns:
                return self.actors(doc[child]) or self._pronoun_fallback(doc[child], verb)
        for aux in (c for c in kids if deps[c] in LABELS.auxiliaries):
            # "Le courtier X a quant à lui recruté Y": the parser hung the subject on the auxiliary.
            hung = next((c for c in table.children[aux] if deps[c] == LABELS.subject), None)
            if hung is not None and (found := self.actors(doc[hung])):
                return found
        if passive and any(deps[c] == LABELS.passive_subject for c in kids):
            return []
        stray = next((c for c in kids if c < verb.i and index.mention_at_index(c) is not None
                      and self._bare_actor(doc[c], verb, before=True)), None)
        if stray is not None:
            return phrase_actors(doc[stray])
        return None if infinitive else self._name_just_before(verb)

    def _agent_hung_below(self, verb: Token) -> list[str]:
        """"X a été condamné à une amende par/nmod Y": the parser may hang a passive's agent on
        the oblique before it; a "par" complement there is still the verb's agent."""
        for child in verb.children:
            # "a été condamné jeudi/xcomp par/obl:agent(jeudi) X": a day the parser labelled
            # anything may carry it too.
            if not child.dep_.startswith(LABELS.oblique_prefix) and not (child.i > verb.i and within_timex(child)):
                continue
            for grand in child.children:
                if grand.dep_ in (LABELS.nominal_modifier, LABELS.passive_agent) and grand.i > child.i and \
                        preposition(grand, self.preposition_forms) in self.agent_marks:
                    found = self.actors(grand)
                    if found:
                        return found
        return []

    def _name_just_before(self, verb: Token) -> list[str] | None:
        """"Plus tôt dans la journée, Bruno Le Maire expliquait": a finite verb left without a
        subject by the parser (which hung the name on the phrase before it) takes the name
        standing right before it, after a comma or at the start of the sentence."""
        doc = verb.doc
        sentence_start = parse_table(doc).sentence_bounds(verb.i)[0]  # without a Span built
        j = verb.i - 1
        while j >= sentence_start and doc[j].head == verb and (
                doc[j].dep_.startswith(LABELS.auxiliary_prefix) or doc[j].pos_ in ("ADV", "PRON")):
            j -= 1  # "a", "s'", "ne", "lui aussi"
        if j < sentence_start:
            return None
        mention = actor_index(doc).mention_at(doc[j])
        if mention is None or mention.end != doc[j].idx + len(doc[j].text):
            return None
        first = next(t for t in doc[sentence_start : j + 1] if t.idx + len(t.text) > mention.start)
        # "..., Bruno Le Maire expliquait"; "a racheté Alpro et Nestlé a racheté Starbucks".
        if first.i > sentence_start and doc[first.i - 1].text != "," and fold(doc[first.i - 1].text) not in self.coordinators:
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

    def _after_fronted_participle(self, participle: Token) -> list[str]:
        """The actor named right after the comma that closes a fronted participle's phrase."""
        doc = participle.doc
        end = parse_table(doc).sentence_bounds(participle.i)[1]
        comma = next((i for i in range(participle.i + 1, end) if doc[i].text == ","), None)
        if comma is None or comma + 1 >= end:
            return []
        name = doc[comma + 1]
        while name.dep_ in LABELS.name_parts and name.head != name and name.head.i > comma:
            name = name.head
        return self.actors(name) if name.pos_ == "PROPN" else []

    def _stray_conjunct(self, subject: Token, verb: Token) -> list[str]:
        """"Amazon et Anthropic ont signé": the parser leaves the first name a root of its own (or
        a second subject of the verb) and hangs "et" on the verb; that name is a conjunct of the
        subject."""
        doc = subject.doc
        mark = subject.left_edge.i - 1
        if mark < 1 or fold(doc[mark].text) not in self.coordinators or doc[mark].head != verb:
            return []
        name = doc[mark - 1]
        while name.dep_ in LABELS.name_parts_with_foreign and name.head != name:
            name = name.head
        if name.head.i < name.i and name.head.pos_ == "NOUN" and names_its_head(name):
            name = name.head  # "Le groupe Vinci/amod(groupe) et la société Cobra ont conclu"
        # "La CFDT et FO ont appelé": the parser may also make the first name a second subject.
        # "Mardi, Orange et SFR ont signé": or a conjunct of the fronted day, the verb hung on it.
        if name.head != name and name.dep_ not in STRAY_DEPS and not (name.dep_ == LABELS.subject and name.head == verb) \
                and verb.head != name:
            return []
        key = actor_at(name) or next(iter(phrase_actors(name)), None)
        return [key] if key else []

    def _bare_actor(self, child: Token, verb: Token, before: bool) -> bool:
        """A name hung on the verb with a meaningless label ("OpenAI/advmod poursuit", "rejoint
        OpenAI/punct"): an argument the parser lost. After the verb it must follow a subject."""
        if preposition(child, self.preposition_forms) or actor_at(child) is None:
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
                key = actor_at(token)
                if key and is_person(doc, key) and self._agrees(key, feminine):
                    return [key]
        return []

    def _agrees(self, key: str, feminine: bool) -> bool:
        """Whether a person may be "elle" (feminine) or "il": "elle" never stands for a man the
        knowledge base knows, nor "il" for a woman; unknown genders agree with both."""
        known = self.kb.get(key) if self.kb is not None else None
        if known is None or known.gender is None:
            return True
        return (known.gender == "f") == feminine

    @per_token
    def object(self, verb: Token) -> Token | None:
        """The head of the direct object; a passive's subject; a relative "que" standing for it."""
        doc = verb.doc
        table = parse_table(doc)  # the verb's children read by index: a Token only for what is tried
        deps, children, kids = table.deps, table.children, table.children[verb.i]
        if self.is_passive(verb):
            subject = self._first_child(verb, LABELS.subjects) or next(
                (doc[g] for c in kids if deps[c].startswith(LABELS.auxiliary_prefix)
                 for g in children[c] if deps[g] in LABELS.subjects), None)  # hung on the auxiliary
            if subject is not None:
                return subject
            if deps[verb.i] == LABELS.clausal_modifier:
                return verb.head
            if participle_adjunct(verb):
                # "… dans la start-up Polestar, fondée par Volvo": a participle after the clause,
                # right after a name and a comma, with an agent of its own, is said of that name
                # (with no agent, its doer would be read off the clause above: no event).
                own_agent = any(c.dep_ == LABELS.passive_agent or (
                    c.dep_.startswith(LABELS.oblique_prefix) and preposition(c, self.preposition_forms) in self.agent_marks)
                    for c in verb.children)
                apposed = _name_before_comma(verb) if verb.i > verb.head.i and own_agent else None
                said_of = apposed if apposed is not None else self._first_child(verb.head, LABELS.subjects)
                # "Fondée … par X, Y a levé …": a fronted participle the parser made the
                # clause's subject is no patient of its own (the name after its comma is).
                return None if said_of is not None and said_of.i == verb.i else said_of
        found = self._first_child(verb, (LABELS.object,))
        if found is not None:
            if within_timex(found):
                # "a nommé lundi/obj Luca de Meo/obj": of two objects, a date is none.
                other = next((c for c in verb.children if c.dep_ == LABELS.object and c.i > found.i), None)
                if other is None:
                    # "avait annulé l'an dernier/obj une commande/obl:mod": the bare noun phrase
                    # after the date (no preposition) is the object the parser displaced.
                    other = next((c for c in verb.children if c.i > found.i and c.pos_ == "NOUN"
                                  and c.dep_.startswith(LABELS.oblique_prefix) and not within_timex(c)
                                  and not any(g.dep_ == LABELS.case_marker for g in c.children)), None)
                if other is not None:
                    return other
            return counted_after_day(found) or found  # "a commandé lundi/obj 60 autocars"
        if is_infinitive(verb):
            # "expliquait avoir contacté Patrick Pouyanné/nsubj": after an infinitive, its object.
            after = next((c for c in kids if deps[c] == LABELS.subject and c > verb.i), None)
            if after is not None:
                return doc[after]
        # "a infligé vendredi une amende": the parser hangs the object on the bare day noun.
        pos = token_table(doc).pos
        for child in kids:
            if child > verb.i and deps[child] in OBLIQUE_DEPS and pos[child] == "NOUN" and not any(
                deps[c] in LABELS.introducers for c in children[child]
            ):
                found = self._first_child(doc[child], (LABELS.object,)) or counted_after_day(doc[child])
                if found is not None:
                    return found
            if child > verb.i and deps[child] in OBLIQUE_DEPS:
                found = name_after_date(doc[child])
                if found is not None:
                    return found
        # (a bare actor is an actor's word: none where no mention lies, and no Token built there)
        index = actor_index(doc)
        stray = next((c for c in kids if c > verb.i and index.mention_at_index(c) is not None
                      and self._bare_actor(doc[c], verb, before=False)), None)
        if stray is not None:
            return doc[stray]
        folded = token_table(doc).folded
        for child in kids:
            if folded[child] in self.relative_object and child < verb.i:
                return doc[child]
        if aside_host(verb, self.aside_nouns, self.aside_auxiliaries) is not None:
            return name_hung_on_participle(verb)  # "a de son côté assigné TotalEnergies/nmod"
        if participle_on_noun(verb):
            return verb.head
        return None

    def object_actors(self, verb: Token) -> list[str]:
        found = self.object(verb)
        if found is None:
            return []
        if fold(found.text) in self.relative_object:
            return self.antecedent(found)
        return self.actors(found) or [k for name in stray_object_names(verb, found) for k in self.actors(name)]

    def indirect_object(self, verb: Token) -> Token | None:
        return self._first_child(verb, (LABELS.indirect_object,))

    @staticmethod
    def _first_child(token: Token, deps: Collection[str]) -> Token | None:
        table = parse_table(token.doc)  # read by index: a Token only for the child found
        labels = table.deps
        found = next((c for c in table.children[token.i] if labels[c] in deps), None)
        return token.doc[found] if found is not None else None


def _bare_past_participle(verb: Token) -> bool:
    """A past participle with no auxiliary ("les prix payés aux éleveurs" hung on the verb): it
    says what was done to a noun, and no object of a verb of control does it."""
    features = features_of(verb)
    return "Part" in features.get("VerbForm", ()) and "Past" in features.get("Tense", ()) \
        and not any(c.dep_ in LABELS.auxiliaries for c in verb.children)


def _antecedent_of_possessive_relative(subject: Token, verb: Token, relatives: Collection[str]) -> str | None:
    """"Orange, dont le PDG est Y, a signé …": the parser may make the relative clause's noun the
    main verb's subject; a subject phrase that opens with "dont" right after a comma, closed by a
    comma before the verb, belongs to the actor named before the first comma, which is the real
    subject. With no comma before the verb the verb is the relative's own ("X, dont le
    gouvernement détient 20 %"): its subject is its own."""
    first = subject.left_edge
    if fold(first.text) not in relatives or first.i < 2 or first.doc[first.i - 1].text != ",":
        return None
    doc = subject.doc
    if not any(t.text == "," for t in doc[subject.right_edge.i + 1 : verb.i]) and doc[subject.right_edge.i].text != ",":
        return None
    return actor_at(doc[first.i - 2])


def _name_before_comma(verb: Token) -> Token | None:
    """The head of the actor's name that ends right before the comma opening the verb's phrase."""
    doc = verb.doc
    comma = verb.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    name = doc[comma - 1]
    if actor_at(name) is None:
        return None
    while name.dep_ in LABELS.name_parts_with_foreign and name.head != name and name.head.i < name.i:
        name = name.head
    return name

