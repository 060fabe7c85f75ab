"""Reading actors off the dependency parse (Universal Dependencies labels, spaCy French models).

The parser is right most of the time and wrong in known ways: a relative clause hangs from the
wrong noun, an apposition becomes a second object, an active subject is labelled ``nsubj:pass``.
These helpers read the parse with those habits in mind, and return actor keys through the
document's :class:`~chronique.nlp.actor_index.ActorIndex` (names, descriptions, pronouns).

The actors of one phrase are read by :class:`~chronique.extract.events.phrase_reader.PhraseReader`
(with ``phrase_names``); the shapes of a clause (voice, infinitives, prepositions) are in
``clause_shapes``; a verb's own subject and voice in ``own_subjects``. Here ``ParseReader``
climbs to a clause's subject and finds its objects on top of them.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.asides import aside_host, name_hung_on_participle
from chronique.extract.events.clause_shapes import (
    ADJECTIVE_LINKS,
    CLAUSE_LINKS,
    LABELS,
    MAX_CLIMB,
    OBLIQUE_DEPS,
    counted_after_day,
    finite_on_root_noun,
    is_infinitive,
    is_passive,
    participle_adjunct,
    participle_on_noun,
    preposition,
    stray_object_names,
    within_timex,
)
from chronique.extract.events.own_subjects import OwnSubjectReader
from chronique.extract.events.phrase_names import actor_at, name_after_date, phrase_actors
from chronique.extract.events.quote_incises import inverted_speaker, opens_quote_incise
from chronique.extract.events.seen import seeing_verb, seen_agent_phrases
from chronique.extract.events.sums import is_sum
from chronique.extract.events.sunk_prepositions import object_after_inserted_phrase
from chronique.nlp.actor_index import actor_index
from chronique.nlp.memo import per_token
from chronique.nlp.parse_table import features_of, parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["ParseReader"]


class ParseReader(OwnSubjectReader):
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
        if opens_quote_incise(verb):
            # « Renault ment », a accusé la CGT/obj: the speaker after the verb, not the quote's name
            speaker = inverted_speaker(verb)
            return (self.actors(speaker) if speaker is not None else []), True
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
                controller = self._first_child(head, LABELS.controlling_objects) or self._dative_controller(head, current)
                day = next((c for c in head.children if c.i > head.i and within_timex(c)), None)
                if controller is None and day is not None:
                    # "a condamné jeudi/obl la société X/obj(jeudi) à verser": the object the
                    # parser hung on the day controls the infinitive.
                    controller = self._first_child(day, (LABELS.object,)) or counted_after_day(day)
                if controller is not None and self.actors(controller):
                    return self.actors(controller), False
                if controller is not None and controller.pos_ == "NOUN" and not is_sum(controller) \
                        and fold(controller.lemma_) not in self.offer_nouns:
                    # "appelé le gouvernement/obj à suspendre l'accord": the object does the
                    # infinitive even when it names no actor; the caller does not. A sum or an
                    # offer proposed does nothing: "X a proposé 300 millions pour racheter Y" is X's.
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

    def _adverbial_infinitive(self, clause: Token) -> bool:
        """An infinitive led by "avant de", "après", "sans": a circumstance of the clause."""
        return any(c.dep_ == LABELS.marker and fold(c.text) in self.adverbial_infinitive_marks for c in clause.children)

    def _dative_controller(self, head: Token, infinitive: Token) -> Token | None:
        """"a ordonné au groupe/obl:arg X de rembourser Y": the parser labels the dative an
        oblique; before an infinitive opened by "de" it controls the infinitive like an object
        (the dative orders nobody: the one told to act does the paying). None otherwise."""
        if not any(c.dep_ == LABELS.marker and fold(c.text) in self.dative_control_marks for c in infinitive.children):
            return None
        for child in head.children:
            if child.i < infinitive.i and child.dep_.startswith(LABELS.oblique_prefix) and child.dep_ != LABELS.passive_agent \
                    and any(c.dep_ == LABELS.case_marker and self.preposition_forms.get(fold(c.text), fold(c.text)) in self.dative_prepositions
                            for c in child.children):
                return child
        return None

    def _controls(self, verb: Token) -> bool:
        return any(lemma in self.object_control for lemma in self.words.lemma_candidates(verb))

    @per_token
    def object(self, verb: Token) -> Token | None:
        """The head of the direct object; a passive's subject; a relative "que" standing for it."""
        doc = verb.doc
        table = parse_table(doc)  # the verb's children read by index: a Token only for what is tried
        deps, children, kids = table.deps, table.children, table.children[verb.i]
        if opens_quote_incise(verb):
            return None  # « Renault ment », a accusé la CGT: the quote is the object, the name the speaker
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
        displaced = object_after_inserted_phrase(doc, verb.i)
        if displaced is not None:
            return displaced  # "a signé, à Bruxelles, un accord/appos(Bruxelles) avec X"
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
        if found.dep_ != LABELS.object and found == object_after_inserted_phrase(verb.doc, verb.i):
            # "a racheté, comme son concurrent X, une société …": an object displaced after an
            # inserted phrase names its own actors; the inserted phrase's are not restated.
            return phrase_actors(found)
        return self.actors(found) or [k for name in stray_object_names(verb, found) for k in self.actors(name)]

    def indirect_object(self, verb: Token) -> Token | None:
        return self._first_child(verb, (LABELS.indirect_object,))


def _bare_past_participle(verb: Token) -> bool:
    """A past participle with no auxiliary ("les prix payés aux éleveurs" hung on the verb): it
    says what was done to a noun, and no object of a verb of control does it."""
    features = features_of(verb)
    return "Part" in features.get("VerbForm", ()) and "Past" in features.get("Tense", ()) \
        and not any(c.dep_ in LABELS.auxiliaries for c in verb.children)


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
