"""Relations stated by verbs ("Musk fonde xAI", "la société pilotée par X", "Llama, développé par
Meta", "X détient 25 % des parts de Y") and by the FOUND events of the events component.
"""

from __future__ import annotations

from itertools import compress

from spacy.tokens import Doc, Token

from chronique.extract.relations.base import RelationRules
from chronique.extract.relations.doc_actors import DocActors
from chronique.extract.relations.nouns import PART_OF, PRODUCT_OF, ROLE
from chronique.model import Event, Relation
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["VerbRules"]

LABELS = dependency_scheme("ud")
#: The parts of speech a verb rule reads.
_VERBS = frozenset({"VERB", "AUX"})
NOMINAL_COMPLEMENTS = {LABELS.nominal_modifier}
#: Modalities of a FOUND event that state a founding (hypothetical or negated ones do not).
FOUNDING_MODALITIES = frozenset({"asserted", "reported", "failed", "proposed"})


class VerbRules(RelationRules):
    """Role and maker verbs, and founding events."""

    def _verb_relations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """"Musk fonde xAI", "la société pilotée par Sam Altman", "Llama, développé par Meta"."""
        relations = []
        tokens = token_table(doc)
        lemma_fixes = self.words["lemma_fixes"]
        pos = tokens.pos
        for i in compress(range(len(pos)), map(_VERBS.__contains__, pos)):  # no Python step per other word
            lemma = tokens.lemmas[i] or tokens.texts[i].lower()  # ``_lemma`` of the verb, no Token built
            lemma = lemma_fixes.get(lemma, lemma)
            if lemma in self.belonging_verbs:
                relations += self._belonging(doc[i], actors)
                continue
            titles, makes = self.role_verbs.get(lemma), lemma in self.maker_verbs
            if not (titles or makes):
                continue
            verb = doc[i]
            if self._negated(verb):
                continue
            agents, patients = self._verb_arguments(verb, actors)
            for agent in agents:
                for patient in patients:
                    owned, stake = self._through_stake(patient)
                    if owned is None:
                        continue
                    if stake and titles == ("owner",) and self._majority_stake(patient):
                        stake = False  # "X détient 58 % du capital de Y": X owns Y (its parent)
                    kept = (("investor",) if (stake or self._minority_share(verb)) and titles else titles)
                    relations += self._verb_relation(verb, agent, owned, kept, makes and not stake, actors)
        return relations

    def _belonging(self, verb: Token, actors: DocActors) -> list[Relation]:
        """"Vidora, qui appartient au groupe Nexal": the subject belongs to the complement with
        "à". Not when negated, nor where the sentence tells a change of owner ("appartiendra à
        X après le rachat"): the relation would not hold at the article's date."""
        if self._negated(verb) or self._tells_change(verb):
            return []
        owned = [self._antecedent(c, verb, actors) for c in verb.children if c.dep_ == LABELS.subject]
        owners = [c for c in verb.children if c.dep_.startswith(LABELS.oblique_prefix)
                  and any(m.dep_ == LABELS.case_marker and fold(m.text) in self.belonging_prepositions
                          for m in c.children)]
        found: list[Relation] = []
        for thing in owned:
            for holder in owners:
                found += self._belonging_relation(verb, thing, holder, actors)
        return found

    def _belonging_relation(self, verb: Token, thing: Token, holder: Token, actors: DocActors) -> list[Relation]:
        start, end = _evidence(verb, (thing, holder), actors)
        found = []
        for target in actors.phrases(thing):
            for source in actors.phrases(holder):
                pair = (actors.type_of(source), actors.type_of(target))
                if source == target:
                    continue
                if pair == ("PERSON", "ORG"):
                    found.append(Relation(ROLE, source, target, start, end, "owner"))
                elif pair[0] == "ORG" and pair[1] in ("ORG", "PRODUCT"):
                    kind = PRODUCT_OF if actors.is_product(target) else PART_OF
                    found.append(Relation(kind, target, source, start, end))
        return found

    def _tells_change(self, verb: Token) -> bool:
        """Whether the verb's sentence uses a word of a change of ownership (rachat, cession…)."""
        sentence = verb.sent
        return any(fold(t.text) in self.change_words or fold(t.lemma_ or "") in self.change_words
                   for t in sentence)

    @staticmethod
    def _owned_next_to(verb: Token, patient: Token, actors: DocActors) -> bool:
        """Whether an owned organisation before its participle stands right before it ("la marque
        Lancia, détenue par Stellantis"), not where the parse hung the participle on a farther
        noun ("la cession à X des 80 % détenus par Y")."""
        if patient.i > verb.i:
            return True
        if patient.dep_ == LABELS.passive_subject and any(c.dep_ == LABELS.passive_auxiliary for c in verb.children):
            return True  # "Valmorel est détenu par le groupe Ostral": the clause's own subject
        i = verb.i - 1
        while i >= 0 and verb.doc[i].is_punct:
            i -= 1
        before = actors.by_end.get(verb.doc[i].idx + len(verb.doc[i].text)) if i >= 0 else None
        return before is not None and before.key in actors.phrases(patient)

    def _through_stake(self, patient: Token) -> tuple[Token | None, bool]:
        """"détient 25 % des parts de Y", "une part minoritaire dans Y": the organisation a stake
        is in (None when the text does not say), and whether the object was a stake."""
        token: Token | None = patient
        stake = False
        for _ in range(3):
            if token is None or not self._is_stake(token):
                break
            stake = True
            token = next((c for c in token.children if c.i > token.i and c.dep_ in NOMINAL_COMPLEMENTS), None)
        return token, stake

    def _minority_share(self, verb: Token) -> bool:
        """"X est détenu à 15 % par Y": a share under half, told on the verb itself, makes the
        holder an investor, not the owner (nor the parent) of X."""
        for child in verb.children:
            if not self._is_stake(child):
                continue
            for number in child.children:
                if number.dep_ == LABELS.numeric_modifier and _number(number.text) is not None:
                    return _number(number.text) < MAJORITY  # type: ignore[operator]
        return False

    def _majority_stake(self, stake: Token) -> bool:
        """"58 % du capital de Y": a stake whose own figure is over half (``MAJORITY``), said on
        the object itself; "50 %" is shared control, no parent."""
        for number in stake.children:
            if number.dep_ == LABELS.numeric_modifier:
                value = _number(number.text)
                return value is not None and MAJORITY < value <= 100
        return False

    def _is_stake(self, token: Token) -> bool:
        return fold(token.text) in self.stake_words or fold(token.lemma_ or "") in self.stake_words

    def _verb_relation(self, verb, agent, patient, titles, makes, actors) -> list[Relation]:
        start, end = _evidence(verb, (agent, patient), actors)
        found = []
        for source in actors.phrases(agent):
            for target in actors.phrases(patient):
                pair = (actors.type_of(source), actors.type_of(target))
                if titles and pair == ("PERSON", "ORG"):
                    title = self._title(source, target, titles)
                    found.append(Relation(ROLE, source, target, start, end, title))
                elif titles == ("owner",) and pair[0] == "ORG" and pair[1] in ("ORG", "PRODUCT") \
                        and self._owned_next_to(verb, patient, actors):
                    # "la marque Lancia, détenue par Stellantis": an organisation owns another
                    kind = PRODUCT_OF if actors.is_product(target) else PART_OF
                    found.append(Relation(kind, target, source, start, end))
                elif makes and pair == ("ORG", "PRODUCT"):
                    found.append(Relation(PRODUCT_OF, target, source, start, end))
        return found

    def _verb_arguments(self, verb: Token, actors: DocActors) -> tuple[list[Token], list[Token]]:
        """(who acts, what is acted on), active or passive ("fondée par"), relatives resolved."""
        agents = [c for c in verb.children if c.dep_ == LABELS.passive_agent]
        patients = [c for c in verb.children if c.dep_ in LABELS.patients]
        if not agents:
            agents = [c for c in verb.children if c.dep_ == LABELS.subject]
        elif not patients and verb.dep_.startswith(LABELS.clausal_modifier_prefix):
            patients = [verb.head]  # "la société fondée par X"
        if not patients and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].idx in actors.by_start:
            patients = [verb.doc[verb.i + 1]]  # "dirige Nvidia", object misparsed as a name part
        if agents and not patients and all(actors.type_of(k) == "PERSON" for a in agents for k in actors.phrases(a)):
            # "coproduit par la société X, dirigée par Y": the parser hung the participle on the main
            # verb; it is said of the name before it (a person's role only: "Cajoo, détenu
            # partiellement par le groupe Z" is a stake, not a parent)
            named = self._name_before_comma(verb, actors)
            if named is not None:
                patients = [named]
        # "Nexal, que préside X": an object relative stands for its antecedent too
        return ([self._antecedent(a, verb, actors) for a in agents],
                [self._antecedent(p, verb, actors) for p in patients])

    @staticmethod
    def _name_before_comma(verb: Token, actors: DocActors) -> Token | None:
        """The last token of the actor's name right before ", <participle>", or None."""
        doc = verb.doc
        if verb.i < 2 or doc[verb.i - 1].text != "," or "Part" not in verb.morph.get("VerbForm", []):
            return None
        last = doc[verb.i - 2]
        return last if actors.by_end.get(last.idx + len(last.text)) is not None else None

    @staticmethod
    def _antecedent(subject: Token, verb: Token, actors: DocActors) -> Token:
        """The noun a relative "qui" stands for: the relative's head, or the name just before it."""
        if subject.pos_ != "PRON" or "Rel" not in subject.morph.get("PronType", []):
            return subject
        if verb.dep_.startswith(LABELS.clausal_modifier_prefix):
            return verb.head
        before = subject.i - 1
        if before >= 0 and verb.doc[before].is_punct:
            before -= 1
        if before >= 0 and actors.at_token(verb.doc[before]) is not None:
            return verb.doc[before]
        return subject

    @staticmethod
    def _negated(verb: Token) -> bool:
        return any("Neg" in c.morph.get("Polarity", []) for c in verb.children)

    def _post_events(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """A person's JOIN or LEAVE of an organisation (from the events component) states their
        role there: "le remplacement de X par Y au poste de directeur général" (both held it),
        with the title of the role noun it is told with ("directeur général": ceo), else the default."""
        relations = []
        for event in doc._.events or []:
            if event.type not in self.role_event_types or event.modality not in self.role_event_modalities:
                continue
            for source in event.sources:
                titles = self._post_titles(doc, event, actors, source)
                for target in event.targets:
                    if (actors.type_of(source), actors.type_of(target)) != ("PERSON", "ORG"):
                        continue
                    title = self._title(source, target, titles)
                    relations.append(Relation(ROLE, source, target, event.start, event.end, title))
        return relations

    def _post_titles(self, doc: Doc, event: Event, actors: DocActors, person: str) -> tuple[str, ...]:
        """The titles of the role noun the event is told with nearest to the person's name (its
        evidence, not the whole sentence: "Le PDG X a annoncé le départ de Y" gives Y no CEO
        title; "Le président du club, X, a limogé l'entraîneur Y" makes Y the coach, not the
        president), else the default."""
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        if span is None:
            return (self.role_event_title,)
        named = [m.start for m in actors.mentions if m.key == person and event.start <= m.start < event.end]
        best: tuple[int, tuple[str, ...]] | None = None
        for i in range(span.start, span.end):
            found = self.nouns.at(doc, i)
            if found is None:
                continue
            titles = next((sense.titles for sense in found[1]
                           if sense.relation == ROLE and sense.titles and "PERSON" in sense.named_types), None)
            if titles is None:
                continue
            distance = min((abs(doc[i].idx - start) for start in named), default=0)
            if best is None or distance < best[0]:
                best = (distance, titles)
        return best[1] if best is not None else (self.role_event_title,)

    @staticmethod
    def _founding_events(doc: Doc, actors: DocActors) -> list[Relation]:
        """A FOUND event (from the events component, when it ran) makes its founders founders."""
        relations = []
        for event in doc._.events or []:
            if event.type != "FOUND" or event.modality not in FOUNDING_MODALITIES:
                continue
            for source in event.sources:
                for target in event.targets:
                    if (actors.type_of(source), actors.type_of(target)) == ("PERSON", "ORG"):
                        relations.append(Relation(ROLE, source, target, event.start, event.end, "founder"))
        return relations


#: The share (in %) from which a holder controls what it holds.
MAJORITY = 50.0


def _number(text: str) -> float | None:
    """"62" or "12,5" as a number, None when the word is no figure."""
    try:
        return float(text.replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except ValueError:
        return None


def _evidence(verb: Token, arguments: tuple[Token, Token], actors: DocActors) -> tuple[int, int]:
    """The characters a verb's relation is told in: the verb and its two arguments' mentions."""
    spans = [(verb.idx, verb.idx + len(verb.text))]
    for token in arguments:
        mention = actors.at_token(token)
        spans.append((mention.start, mention.end) if mention else (token.idx, token.idx + len(token)))
    return min(s for s, _ in spans), max(e for _, e in spans)
