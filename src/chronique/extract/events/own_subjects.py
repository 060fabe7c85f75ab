"""A clause's own subject and its voice, read off the dependency parse.

``OwnSubjectReader`` answers for one verb only: the subject phrase hung on it (or on its
auxiliary, or left stray before it by the parser), a passive's agent, and whether the clause is
passive at all. ``syntax.ParseReader`` climbs from verb to verb on top of it (infinitives,
control, coordination) and reads objects; the two are apart because the subject of one verb
needs no climbing, and each is long enough on its own.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import (
    LABELS,
    STRAY_DEPS,
    copula_of_compound_passive,
    fronted_participle,
    is_infinitive,
    is_passive,
    passive_auxiliary_at,
    preposition,
    preposition_at,
    pronominal,
    within_timex,
)
from chronique.extract.events.phrase_names import actor_at, is_person, names_its_head, phrase_actors
from chronique.extract.events.phrase_reader import PhraseReader
from chronique.nlp.actor_index import actor_index
from chronique.nlp.memo import per_token
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["OwnSubjectReader"]


class OwnSubjectReader(PhraseReader):
    """Actors of phrases (:class:`PhraseReader`) and of the subject a verb has of its own, with
    the passive voice told apart from an active compound past."""

    def _discourse_adverbial(self, noun: Token) -> bool:
        """"de son côté", "à son tour", "pour sa part": a noun of a discourse adverbial, with its
        possessive (`[syntax] discourse_adverbial_nouns`)."""
        return noun.pos_ == "NOUN" and fold(noun.lemma_) in self.discourse_adverbial_nouns and any(
            c.i < noun.i and c.pos_ == "DET" and fold(c.text) in self.possessives for c in noun.children)

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
        main = self._relative_clause_main_subject(pronoun, verb, feminine)
        if main:
            return main
        start = max(0, pronoun.i - 80)
        for token in reversed(doc[start : pronoun.i]):
            if token.dep_ == LABELS.subject and token.pos_ in ("PROPN", "PRON", "NOUN"):
                key = actor_at(token)
                if key and is_person(doc, key) and self._agrees(key, feminine):
                    return [key]
        return []

    def _relative_clause_main_subject(self, pronoun: Token, verb: Token, feminine: bool) -> list[str]:
        """"X s'est tourné vers Y, avec lequel il a conclu un accord": the "il"/"elle" subject of
        a relative clause hung on a complement of the main clause is that clause's subject (the
        complement itself is the relative pronoun's). An organisation's pronoun agrees with the
        noun its name was given with ("le groupe X … il", "la société X … elle"); a bare name
        agrees with both. Another complement of the main verb the pronoun may stand for makes it
        ambiguous: nothing is read."""
        if verb.dep_ != LABELS.relative_clause or verb.head == verb:
            return []
        noun, main = verb.head, verb.head.head
        if noun == main or main.pos_ not in ("VERB", "AUX") or noun.i > verb.i:
            return []
        subject = next((c for c in main.children if c.dep_ == LABELS.subject and c.i < noun.i), None)
        if subject is None:
            return []
        if any(c.i not in (noun.i, subject.i) and subject.i < c.i < verb.i and c.pos_ in ("NOUN", "PROPN")
               and c.dep_ not in LABELS.subjects and _may_be(c, feminine) for c in main.children):
            return []  # "X a licencié son directeur pour les fonds qu'il a investis": he may be meant
        found = [k for k in self.actors(subject) if k not in self.actors(noun)]
        if len(found) != 1:
            return []
        gender = subject.morph.get("Gender", []) if subject.pos_ == "NOUN" else []
        if is_person(pronoun.doc, found[0]):
            return found if self._agrees(found[0], feminine) else []
        return found if not gender or ("Fem" in gender) == feminine else []

    def _agrees(self, key: str, feminine: bool) -> bool:
        """Whether a person may be "elle" (feminine) or "il": "elle" never stands for a man the
        knowledge base knows, nor "il" for a woman; unknown genders agree with both."""
        known = self.kb.get(key) if self.kb is not None else None
        if known is None or known.gender is None:
            return True
        return (known.gender == "f") == feminine

    @staticmethod
    def _first_child(token: Token, deps: Collection[str]) -> Token | None:
        table = parse_table(token.doc)  # read by index: a Token only for the child found
        labels = table.deps
        found = next((c for c in table.children[token.i] if labels[c] in deps), None)
        return token.doc[found] if found is not None else None


def _may_be(noun: Token, feminine: bool) -> bool:
    """Whether "il" (or "elle", ``feminine``) may stand for ``noun`` by its gender (a noun with no
    gender may stand for either)."""
    gender = noun.morph.get("Gender", [])
    return not gender or ("Fem" in gender) == feminine


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
