"""Finding an event's source and target actors in the parse around its trigger.

A trigger entry of the lexicon names slots ("subject", "object", "obl:contre", "holder" ...);
this module reads each slot off the parse and returns the actors found in it, with a penalty on
confidence when an actor came from climbing a chain of clauses rather than from the trigger's
own dependents. Its parts: the frame nouns and predicate of an event noun (``frames.py``), who a
relational noun is said of (``bearers.py``), prepositional complements (``complements.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from chronique.extract.events.aims import aimed_at
from chronique.extract.events.appositions import name_apposed_after, name_given_after
from chronique.extract.events.bearers import BearerReader
from chronique.extract.events.carried import carried_parties, carrier, has_carrying_clause
from chronique.extract.events.clause_shapes import CLAUSE_LINKS, preposition
from chronique.extract.events.clitic_antecedents import clitic_antecedent
from chronique.extract.events.clitics import clitic_object_party
from chronique.extract.events.complements import ComplementReader
from chronique.extract.events.conditions import condition_subject
from chronique.extract.events.customers import order_customer
from chronique.extract.events.deeds import (
    author_of_deed,
    deal_parties,
    deed_author,
    deed_complement,
    doer_or_maker,
    locution_object,
    reporter,
)
from chronique.extract.events.detached import detached_participle_object, detached_participle_subject
from chronique.extract.events.discourse import DISCOURSE_PENALTY
from chronique.extract.events.frames import FrameReader
from chronique.extract.events.gapping import gapped_objects, gapped_spans
from chronique.extract.events.implicit import refused_party
from chronique.extract.events.lexicon import EventLexicon, TriggerEntry
from chronique.extract.events.makers import makers_of
from chronique.extract.events.misread import misread_object, misread_present, misread_subject, misread_tail
from chronique.extract.events.nominal import NominalReader
from chronique.extract.events.occasions import agent_participle_noun, occasion_subject
from chronique.extract.events.offices import office_of_apposed_title, office_of_subject, organisation_left
from chronique.extract.events.participles import participle_clitic_party, participle_doer
from chronique.extract.events.payments import recipient_of_sum
from chronique.extract.events.phrase_names import actor_at
from chronique.extract.events.provenance import actor_right_before
from chronique.extract.events.recaps import recapped_clause_author
from chronique.extract.events.repairs import apposed_object, misparsed_gerund
from chronique.extract.events.rivalry import RIVALRY_SLOTS, every_pair, rivalry_slot
from chronique.extract.events.seen import seeing_verb
from chronique.extract.events.syntax import ParseReader
from chronique.extract.events.threats import threatened_party
from chronique.extract.events.undergoing import undergoer
from chronique.kb import KnowledgeBase
from chronique.model import Event
from chronique.nlp.actor_index import OUTERMOST, actor_index
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["Arguments", "ArgumentFinder"]

LABELS = dependency_scheme("ud")
#: The actor recognizer's rules whose names have a known extent (the knowledge base's names and
#: aliases, institutions matched whole): a trigger word inside one is part of the name.
KNOWN_NAME_RULES = frozenset({"kb", "institution"})
#: Slots read only when the slots of the same role before them found nothing.
FALLBACK_SLOTS = frozenset({"undergoer", "subject_office"})
#: Confidence kept when an argument comes from a clause above the trigger, not from its dependents.
CLIMBED_PENALTY = 0.85
#: The slots a clitic before the verb may fill ("l'a éconduit", "lui reproche", "lui a commandé"
#: for "a commandé à X").
CLITIC_SLOTS = frozenset({"object", "iobj", "obl:à"})


@dataclass
class Arguments:
    """Actors found for one trigger entry, and how sure the finding is (0–1)."""

    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    certainty: float = 1.0
    #: The event an actor was taken from ("ont aussi été condamnés": the sentence told before),
    #: whose date the event keeps when its own clause gives none.
    continues: Event | None = None
    #: Every pair of a list of rivals ("A, B et C s'affrontent"), when more than the first
    #: actor with each of the others compete.
    pairs: list[tuple[str, str]] = field(default_factory=list)
    #: Targets named in a gapped conjunct of their own ("et Symantec pour 10,7 milliards"), with
    #: its characters: the amount said there is theirs.
    own_spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def add(self, role: str, keys: list[str]) -> None:
        bucket = self.sources if role == "source" else self.targets
        for key in keys:  # (most slots find none)
            if key not in bucket:
                bucket.append(key)


#: How deep under the trigger a needed word may sit: "traiter Sam Altman de menteur" hangs
#: "de menteur" on the last part of the object's name, three links down.
NEEDED_CHILD_DEPTH = 4


def _clause_descendants(token: Token, depth: int) -> list[int]:
    """Indexes of the tokens under ``token`` down to ``depth`` links, not entering another clause
    (but for the word that opens it); read on the parse table, no ``Token`` built."""
    table = parse_table(token.doc)
    deps, kids, names = table.deps, table.children, actor_index(token.doc)
    found: list[int] = []
    frontier = [token.i]
    for _ in range(depth):
        children = [c for t in frontier for c in kids[t]]
        # A clause link to a name ("a placé le groupe Tencent/VERB,acl sur une liste noire", "la
        # société Hikvision/xcomp") is the tagger's misreading of the name, not a clause: the
        # words under it are this clause's.
        frontier = [c for c in children if deps[c] not in CLAUSE_LINKS or names.mention_at_index(c) is not None]
        found.extend(frontier)
        # The word that opens a dependent clause still belongs to this one: "appeler X à/mark cesser".
        found.extend(g for c in children if deps[c] in CLAUSE_LINKS for g in kids[c] if deps[g] == LABELS.marker)
    return found



class ArgumentFinder:
    """Reads the slots of trigger entries on the parse."""

    def __init__(self, words: EventLexicon, reader: ParseReader, kb: KnowledgeBase) -> None:
        self.words = words
        self.reader = reader
        self.kb = kb
        self.ending_verbs = words.words("syntax", "ending_verbs")
        self.manner_phrases = words.words("syntax", "manner_phrases")
        self.claim_verbs = words.words("syntax", "claim_verbs")
        self.title_articles = words.words("syntax", "apposed_title_articles")
        self.judging_verbs = words.words("syntax", "judging_verbs")
        #: "X a essuyé les critiques de Y": who undergoes an act does not do it.
        self.undergoing_verbs = words.words("syntax", "undergoing_verbs")
        self.possessives = words.words("syntax", "possessives")
        self.released_offices = words.words("syntax", "released_offices")
        self.gerund_markers = words.words("syntax", "gerund_markers")
        self.nominal = NominalReader(words, reader)
        self.frames = FrameReader(words)
        self.bearers = BearerReader(words, reader, self.frames, self.nominal)
        self.complements = ComplementReader(words, reader, self.frames, self.nominal)
        # What the component, the rivalry rules and the tests ask of the finder itself.
        self.frame_chain = self.frames.frame_chain
        self.governing_verb = self.frames.governing_verb
        self.predicate_head = self.frames.predicate_head
        self.bearer = self.bearers.bearer
        self.possessor = self.bearers.possessor
        self.predicated = self.bearers.predicated

    # -- constraints -----------------------------------------------------------------------
    def fits(self, trigger: Token, entry: TriggerEntry) -> bool:
        """Whether the trigger's context meets the entry's constraints (object noun, "se" ...)."""
        if entry.object_lemmas or entry.needs_child:
            # No token of the sentence (the trigger's tree) is any of the words the entry needs
            # ("porter plainte" without "plainte"): no walk of the parse can find one.
            table = parse_table(trigger.doc)
            if (entry.object_lemmas and not table.any_in_sentence(entry.object_lemmas, trigger.i)) or (
                    entry.needs_child and not table.any_in_sentence(entry.needs_child, trigger.i)):
                return False
        if entry.object_lemmas:
            obj = self.reader.object(trigger) or apposed_object(trigger, self.possessives)
            if obj is None or not ({fold(obj.lemma_), fold(obj.text)} & entry.object_lemmas):
                return False
        misread = entry.kind == "verb" and trigger.pos_ in ("NOUN", "ADJ", "ADP") and misread_present(trigger, self.words)
        if entry.needs_child:
            near = _clause_descendants(trigger, NEEDED_CHILD_DEPTH)
            if misread:  # "X attaque/NOUN Y en justice": the complements the parser hung elsewhere
                near.extend(misread_tail(trigger))
            table = parse_table(trigger.doc)
            if table.deps[trigger.i] == LABELS.relative_clause:
                near.append(table.heads[trigger.i])  # "l'opération, à laquelle ont participé X"
                near.extend(agent_participle_noun(table, table.heads[trigger.i]))
            tokens = token_table(trigger.doc)  # fold(t.lemma_), fold(t.text) by index
            lemmas, forms = tokens.folded_lemmas, tokens.folded
            if not any(lemmas[t] in entry.needs_child or forms[t] in entry.needs_child for t in near):
                return False
        if entry.unless_near and self._ruled_out(trigger, entry.unless_near):
            return False
        if entry.unless_oblique and any(next(self.reader.obliques(trigger, p), None) is not None
                                        for p in entry.unless_oblique):
            return False  # "A et B se sont associés à l'hommage": joined a thing, not each other
        if entry.kind == "noun" and _inside_a_name(trigger):
            return False  # "l'Autorité de la concurrence à X": a word of a name tells no event
        if entry.kind == "noun" and self._ended(trigger):
            return False
        if entry.unless_claimed and self._claimed(trigger):
            return False  # "la mairie réclame à X le remboursement": a request, no payment yet
        if entry.kind == "noun" and self._manner_phrase(trigger):
            return False  # "la vidéo à la demande": no one asked anything
        if entry.passive_only and not self.reader.is_passive(trigger):
            return False
        if entry.reflexive:
            table = parse_table(trigger.doc)
            if not any("Yes" in table.features[c].get("Reflex", ()) for c in table.children[trigger.i]):
                return False
        if entry.predicative and self.predicate_head(trigger) is None:
            return False
        return True

    def _ruled_out(self, trigger: Token, words: frozenset[str]) -> bool:
        """Whether a word of ``words`` modifies the trigger ("chaleureusement remercié") or opens
        a phrase of its clause after it: a clause ("remercié pour avoir sauvé le club") or a
        possessed noun ("pour son travail", "… son entraîneur Y de sa fidélité"), not a name's
        complement ("remercié par le club de Nantes")."""
        after = [t for t in _clause_descendants(trigger, NEEDED_CHILD_DEPTH) if t > trigger.i]
        tokens = token_table(trigger.doc)  # fold(t.lemma_), fold(t.text) by index: a Token only for a word of ``words``
        lemmas, forms = tokens.folded_lemmas, tokens.folded
        for i in [*parse_table(trigger.doc).children[trigger.i], *after]:
            if lemmas[i] not in words and forms[i] not in words:
                continue
            token = trigger.doc[i]
            if token.dep_ != LABELS.case_marker:
                return True
            noun = token.head
            if self._possessed(noun) and fold(noun.lemma_) not in self.released_offices \
                    and fold(noun.text) not in self.released_offices:
                return True  # "de sa fidélité" thanks for something; "de ses fonctions" releases
        return False

    def _possessed(self, noun: Token) -> bool:
        return any(c.i < noun.i and ("Yes" in c.morph.get("Poss", []) or fold(c.text) in self.possessives)
                   for c in noun.children)

    def told_by_its_verb(self, noun: Token, entry: TriggerEntry, events: list[Event]) -> bool:
        """"prendre une participation dans X" (INVEST), "céder sa participation à Y": a noun that
        a verb's entry takes as its object word, when that verb already told an event, is that
        verb's locution; it tells no event of its own (one act, one type), nor the same type read
        otherwise ("X a décroché une commande auprès de Y": Y orders from X, the winner of the
        order is not its buyer). A verb
        that told nothing, or one of holding that tells a state ("détenir désormais une
        participation de 99 % dans X": the noun tells the purchase), leaves the noun its reading."""
        verb = noun.head
        if noun.dep_ != LABELS.object or verb == noun or verb.pos_ != "VERB":
            return False
        if set(self.words.lemma_candidates(verb)) & self.reader.holding_verbs or has_carrying_clause(self.words, noun):
            return False  # "annuler la commande qu'il avait passée à Y": the noun's own clause tells the order
        words = {fold(noun.lemma_), fold(noun.text)}
        if not any(e.kind == "verb" and words & e.object_lemmas for e in self.words.entries_for(verb)):
            return False
        return any(e.trigger_start == verb.idx for e in events)

    def _claimed(self, noun: Token) -> bool:
        """Whether the verb governing the noun claims it ("réclamer", "exiger le remboursement")."""
        verb = self.governing_verb(noun)
        return verb is not None and bool(set(self.words.lemma_candidates(verb)) & self.claim_verbs)

    def _manner_phrase(self, noun: Token) -> bool:
        """"le service de vidéo à la demande X": the noun closes a set phrase of manner and has no
        complement of its own that names who asked ("à la demande de X" keeps its event)."""
        if not self.manner_phrases:
            return False
        doc = noun.doc
        for phrase in self.manner_phrases:
            size = len(phrase.split())
            start = noun.i - size + 1
            if start < 0 or fold(" ".join(t.text for t in doc[start : noun.i + 1])) != phrase:
                continue
            if not any(c.i > noun.i and any(g.dep_ == LABELS.case_marker for g in c.children) for c in noun.children):
                return True
        return False

    def _ended(self, noun: Token) -> bool:
        """"rompre son partenariat": the noun names a state the verb ends, not a new event (the
        verb is an event of its own, a CANCEL)."""
        verb = self.governing_verb(noun)
        if verb is None or has_carrying_clause(self.words, noun):
            return False  # "annuler la commande qu'il avait passée à Y": the order was told too
        table, lemmas = parse_table(verb.doc), token_table(verb.doc).folded_lemmas  # by index: no Token per child
        objects = [lemmas[c] for c in table.children[verb.i] if table.deps[c] == LABELS.object and c != noun.i]
        # "mettre fin à son partenariat": a verb and its object noun may end it together.
        return any(lemma in self.ending_verbs or any(f"{lemma} {o}" in self.ending_verbs for o in objects)
                   for lemma in self.words.lemma_candidates(verb))

    # -- slots -------------------------------------------------------------------------------
    def find(self, trigger: Token, entry: TriggerEntry, types: dict[str, str], first: str | None = None) -> Arguments:
        """The actors of every slot of ``entry``, filtered by the entry's entity types.

        With ``first`` ("source" or "target") the caller has no use for the other side without
        this one (nothing else can give the event this side): the slots of this role are read
        first, and the others only when they found an actor.
        """
        found = Arguments()
        roles = entry.roles
        if first is not None and all(role in ("source", "target") for _, role in roles):
            roles = (*(r for r in roles if r[1] == first), *(r for r in roles if r[1] != first))
        else:
            first = None
        for slot, role in roles:
            if first is not None and role != first and not (found.sources if first == "source" else found.targets):
                break
            if slot in FALLBACK_SLOTS and (found.sources if role == "source" else found.targets):
                continue  # "une plainte contre Z" names its target: who undergoes it is no other
            keys, direct = self._slot(trigger, entry, slot)
            if not keys and slot in CLITIC_SLOTS and role in ("source", "target") and entry.kind == "verb" \
                    and not (found.sources if role == "source" else found.targets):
                # "mais la chaîne l'a éconduit", "qui lui a commandé": the one actor just named
                allowed = entry.target_types if role == "target" else entry.source_types
                keys = clitic_antecedent(self.reader, self.words, trigger, slot, allowed)
                if keys:
                    found.certainty *= DISCOURSE_PENALTY
            if role == "maker":
                keys, role = makers_of(self.kb, keys, types), "target"
            if keys and not direct:
                found.certainty *= CLIMBED_PENALTY
            if role == "both":
                found.add("source", keys[:1])
                found.add("target", keys[1:])
                if slot in RIVALRY_SLOTS and len(keys) > 2:
                    found.pairs = every_pair(keys)  # "A, B et C s'affrontent": each pair
            else:
                found.add(role, keys)
        shared = set(found.sources) & set(found.targets) if self.relational(entry) else set()
        if shared and not any(_named_before(trigger, key) for key in found.targets):
            # "ses concurrents A, B et C" owned by one of A, B, C: a misread owner (the parser
            # hung a listed name on the clause's subject), not a rivalry among the listed.
            found.sources, found.targets = [], []  # ("A et son partenaire B" names A first: kept)
        found.sources = [k for k in found.sources if self._typed(k, entry.source_types, types)]
        found.targets = [k for k in found.targets if self._typed(k, entry.target_types, types)]
        if entry.named_target:
            found.targets = [k for k in found.targets if _named_in_sentence(trigger, k)]
        found.pairs = [p for p in found.pairs if set(p) <= set(found.sources) | set(found.targets)]
        if entry.kind == "verb" and dict(entry.roles).get("object") == "target" and found.targets \
                and (named := self.reader.object(trigger)) is not None:
            spans = gapped_spans(self.reader, trigger, named)
            found.own_spans = {k: span for k, span in spans.items() if k in found.targets}
        return found

    def _slot(self, trigger: Token, entry: TriggerEntry, slot: str) -> tuple[list[str], bool]:
        reader = self.reader
        gerund = misparsed_gerund(trigger, self.gerund_markers) if entry.kind == "verb" else None
        if slot == "subject":
            # "En acquérant X, Y consolide": a gerund the parser made part of "en".
            found, direct = reader.subject(gerund[0]) if gerund is not None else reader.subject(trigger)
            if not found and entry.kind == "verb":  # "Arrivé chez X en 2020, Y a ..."
                found = detached_participle_subject(reader, self.words, trigger)
            if not found and entry.kind == "verb":  # "X a appelé Y à négocier, menaçant de …"
                found = participle_doer(reader, self.words, trigger)
            if not found and entry.kind == "verb" and misread_present(trigger, self.words):
                found = misread_subject(trigger)  # "Greenpeace attaque/NOUN TotalEnergies"
            elif not found and entry.kind == "verb" and trigger.dep_ in CLAUSE_LINKS and trigger.head != trigger \
                    and misread_present(trigger.head, self.words):
                found = misread_subject(trigger.head)  # "X menace/NOUN de poursuivre Y": X's act
            return found, direct
        if slot == "object" and gerund is not None:
            return reader.actors(gerund[1]), True
        if slot == "object" and entry.kind == "verb" and \
                (author := recapped_clause_author(reader, self.words, trigger)) is not None:
            return author, True  # "X a accordé une aide à Y, une décision critiquée par Z": X's act
        if slot == "object":
            keys = reader.object_actors(trigger)
            if not keys and entry.kind == "verb" and reader.object(trigger) is None:
                keys = detached_participle_object(reader, self.words, trigger)  # "Nommé …, Y a …"
            if not keys and (held := reader.object(trigger)) is not None:
                keys = self.nominal.held_by(held)  # "l'essentiel des médias détenus par X"
            obj = reader.object(trigger) if not keys and entry.object_owner else None
            keys = author_of_deed(reader, obj) if obj is not None else keys
            if not keys and entry.kind == "verb":  # "X a porté plainte contre Y, l'accusant de …"
                keys = participle_clitic_party(reader, self.words, trigger)
            if not keys and entry.kind == "verb" and misread_present(trigger, self.words):
                keys = misread_object(trigger, self.words)  # "Le régulateur sanctionne/NOUN Meta"
            if entry.kind == "verb" and (obj := reader.object(trigger)) is not None and obj.pos_ == "NOUN" \
                    and (apposed := name_apposed_after(obj, self.title_articles)):
                # "a racheté la filiale italienne de Lactalis, Galbani.": the name restating the
                # object is the party, not the object's complement.
                keys = apposed
            elif entry.kind == "verb" and (obj := reader.object(trigger)) is not None and obj.pos_ == "NOUN" \
                    and (given := name_given_after(obj, self.words.words("syntax", "naming_participles"))):
                keys = given  # "a lancé une nouvelle batterie, baptisée Shenxing": the name is the object
            if not keys and entry.kind == "verb":  # "Y, qui l'accusait de …"
                keys = clitic_object_party(reader, self.words, trigger)
            if keys and entry.kind == "verb" and (named := reader.object(trigger)) is not None:
                # "a racheté YouTube en 2006 et Waze en 2013": a gapped second object
                keys = keys + [k for k in gapped_objects(reader, trigger, named) if k not in keys]
            return keys, True
        if slot == "iobj":
            iobj = reader.indirect_object(trigger)
            keys = reader.actors(iobj) if iobj is not None else []
            if not keys and entry.kind == "verb":  # "X a critiqué Y, lui reprochant …"
                keys = participle_clitic_party(reader, self.words, trigger)
            if not keys and entry.kind == "verb" and (seeing := seeing_verb(trigger, reader.seeing_verbs)) is not None:
                keys = reader.subject(seeing)[0]  # "X s'est vu infliger une amende": X receives it
            return keys, True
        if slot == "holder":
            head = self.predicate_head(trigger)
            return reader.subject(head) if head is not None else ([], True)
        if slot == "agent":
            if self._agent_phrase_same_role(entry, dict(entry.roles)[slot]) and self._own_agent(trigger):
                # "porter plainte contre le rachat de X par Y": the noun names its own agent;
                # the subject of the verb above it is no party to it.
                return [], True
            verb = self.governing_verb(trigger)
            if verb is None or any(lemma in self.judging_verbs or lemma in self.undergoing_verbs
                                   for lemma in self.words.lemma_candidates(verb)):
                # "l'Autorité a autorisé le rachat de SFR": who allows or judges an act does
                # not do it, nor who undergoes it ("X a essuyé les critiques de Y").
                return [], True
            found, direct = reader.subject(verb)
            if not found and verb.dep_ in LABELS.noun_clauses:
                # "un communiqué du club annonçant une plainte": the document's author.
                found = self.nominal.medium_author(verb.head)
            return found, direct
        if slot == "office":  # "Y, entraîneur du FC X, a été limogé": the apposed title's organisation
            return office_of_apposed_title(reader, reader.object(trigger)), True
        if slot == "subject_office":  # "Y, PDG de X, a démissionné": the subject's own title
            return office_of_subject(reader, trigger), True
        if slot == "left":  # "la démission de X de Y"
            return organisation_left(reader, trigger), True
        if slot == "undergoer":  # "X fait l'objet d'une enquête de Y"
            return undergoer(reader, self.words, trigger), True
        if slot == "bearer":
            return self.bearer(trigger), True
        if slot == "preceding":  # "recruté Y en provenance de X"
            return actor_right_before(trigger), True
        if slot == "condition":  # "X menace d'une grève si Y maintient sa proposition"
            return condition_subject(reader, trigger, self.words.words("syntax", "condition_marks")), True
        if slot == "claimed":  # "Dans sa plainte, X affirme que Y ..."
            return self.nominal.claimed(trigger), True
        if slot == "aimed":  # "ouvrir une enquête visant X"
            return aimed_at(reader, self.words, trigger, entry.kind), True
        if slot == "recipient":  # "la ville, qui va bénéficier de 10 000 euros versés par X"
            return recipient_of_sum(reader, self.words, trigger), True
        if slot == "involved":  # "une levée de fonds impliquant X"
            return self.nominal.involved(trigger), True
        if slot == "own_act_agent":  # "l'abandon par X des procédures contre Y"
            return self.nominal.own_act_agent(trigger), True
        if slot == "possessor":
            return self.possessor(trigger), True
        if slot in RIVALRY_SLOTS:  # "son rival américain", "un bras de fer qui oppose A à B"
            return rivalry_slot(self, trigger, slot), True
        if slot.startswith("refused:"):  # "le refus de X de négocier avec Y"
            return refused_party(reader, trigger, slot[8:].split(",")), True
        if slot == "clause_subject":
            # "L'État, en collaboration avec X, a conclu": an adverbial noun of the clause.
            head = trigger.head
            if head != trigger and head.pos_ in ("VERB", "AUX") and trigger.dep_ in LABELS.modifier_links:
                return reader.subject(head)[0], True
            return [], True
        if slot == "modified":
            return (reader.actors(trigger.head) if trigger.dep_ in LABELS.modifier_links else []), True
        if slot == "embedded_object":  # "menacé de poursuivre Apple en justice" (events/threats.py)
            return threatened_party(reader, self.words, trigger), True
        if slot == "locution_object":  # "mettre en demeure la direction de Renault"
            return locution_object(reader, trigger, entry.needs_child), True
        if slot.startswith("deal:"):  # "abandonner son projet de rachat d'iRobot"
            return deal_parties(reader, trigger, slot[5:].split(",")), True
        if slot == "reporter":  # "Samsung déclare que l'iPhone viole ses brevets"
            return reporter(reader, trigger), True
        if slot == "doer":
            return doer_or_maker(reader, trigger), True
        if slot == "customer":  # "X a reçu une commande de l'armateur Y"
            return order_customer(reader, self.words, trigger), True
        if slot.startswith("stake:"):
            return self.complements.stake_holding(trigger, slot[6:]), True
        if slot.startswith("authored:"):  # "le rejet par X de l'offre de Y"
            return deed_author(reader, trigger, slot[9:]), True
        if slot.startswith("deed:"):  # "protester contre la décision d'Apple"
            return deed_complement(reader, trigger, slot[5:]), True
        if slot == "occasion":  # "X a levé 50 millions lors d'un tour de table mené par Y"
            return occasion_subject(reader, self.words, trigger), True
        if slot == "carrier":  # "X a annulé la commande qu'il avait passée à Y": X placed it
            return carrier(reader, self.words, trigger), True
        if slot.startswith("carried:"):  # "une commande passée auprès de Y", "un tour de table mené par Y"
            return carried_parties(reader, self.words, trigger, slot[8:].split(",")), True
        if ":" in slot:
            return self.complements.complements(trigger, entry, slot.split(":", 1)[1]), True
        return [], True

    @staticmethod
    def relational(entry: TriggerEntry) -> bool:
        """A relational noun entry ("concurrent", "fondateur"): its source is a bearer."""
        return entry.kind == "noun" and any(slot == "bearer" for slot, _ in entry.roles)

    # -- actors ------------------------------------------------------------------------------
    def _agent_phrase_same_role(self, entry: TriggerEntry, agent_role: str) -> bool:
        """Whether the entry reads the noun's "par" phrase in ``agent_role``, the role of the
        governing verb's subject ("le rachat de X par Y", both the buyer; not "le remplacement de
        X par Y", where "par" names the newcomer and the verb's subject the organisation)."""
        return any(slot.split(":", 1)[1] in self.reader.agent_marks and role == agent_role
                   for slot, role in entry.roles if slot.startswith("nmod:"))

    def _own_agent(self, noun: Token) -> bool:
        """Whether an agent phrase hung on the noun names an actor ("le rachat de X par/nmod Y")."""
        return any(c.i > noun.i and preposition(c, self.reader.preposition_forms) in self.reader.agent_marks
                   and self.reader.actors(c) for c in noun.children)

    @staticmethod
    def _typed(key: str, allowed: frozenset[str], types: dict[str, str]) -> bool:
        return not allowed or types.get(key) in allowed


def _inside_a_name(trigger: Token) -> bool:
    """Whether the trigger is a word of an actor's name whose extent is known ("concurrence" in
    "Autorité de la concurrence", a name of the knowledge base or an institution's), not of a
    description the recognizer resolved ("son rival américain") nor of a span the NER may have
    stretched over the trigger ("Canal des procédures engagées …")."""
    mention = actor_index(trigger.doc).mention_at(trigger, OUTERMOST)
    return mention is not None and mention.kind == "name" and mention.rule in KNOWN_NAME_RULES


def _named_in_sentence(trigger: Token, key: str) -> bool:
    """Whether ``key`` is named (not only described) in the trigger's sentence."""
    sentence = trigger.sent
    return any(m.key == key and m.kind == "name" and sentence.start_char <= m.start < sentence.end_char
               for m in actor_index(trigger.doc).mentions)


def _named_before(trigger: Token, key: str) -> bool:
    """Whether ``key`` is named in the trigger's sentence before the trigger."""
    return any(actor_at(t) == key for t in trigger.doc[trigger.sent.start : trigger.i])
