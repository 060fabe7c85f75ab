"""Finding an event's source and target actors in the parse around its trigger.

A trigger entry of the lexicon names slots ("subject", "object", "obl:contre", "holder" ...);
this module reads each slot off the parse and returns the actors found in it, with a penalty on
confidence when an actor came from climbing a chain of clauses rather than from the trigger's
own dependents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from chronique.extract.events.aims import aimed_at
from chronique.extract.events.appositions import name_before_apposition, name_between_commas
from chronique.extract.events.clause_shapes import CLAUSE_LINKS
from chronique.extract.events.deeds import (
    author_of_deed,
    deal_parties,
    deed_complement,
    doer_or_maker,
    locution_object,
    reporter,
)
from chronique.extract.events.detached import detached_participle_object, detached_participle_subject
from chronique.extract.events.gapping import gapped_objects, gapped_spans
from chronique.extract.events.implicit import refused_party
from chronique.extract.events.lexicon import EventLexicon, TriggerEntry
from chronique.extract.events.nominal import NominalReader
from chronique.extract.events.participles import participle_clitic_party, participle_doer
from chronique.extract.events.partitives import partitive_object
from chronique.extract.events.payments import recipient_of_sum
from chronique.extract.events.phrase_names import (
    actor_at,
    continues_complement,
    listed_after_name,
    name_after_adjectives,
    names_its_head,
)
from chronique.extract.events.repairs import apposed_object, misparsed_gerund
from chronique.extract.events.rivalry import RIVALRY_SLOTS, every_pair, rivalry_slot
from chronique.extract.events.syntax import ParseReader
from chronique.kb import KnowledgeBase
from chronique.model import Event
from chronique.nlp.actor_index import actor_index
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.memo import per_token
from chronique.nlp.parse_table import features_of, parse_table
from chronique.text import fold

__all__ = ["Arguments", "ArgumentFinder"]

LABELS = dependency_scheme("ud")
#: Confidence kept when an argument comes from a clause above the trigger, not from its dependents.
CLIMBED_PENALTY = 0.85


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
        bucket.extend(k for k in keys if k not in bucket)


#: How deep under the trigger a needed word may sit: "traiter Sam Altman de menteur" hangs
#: "de menteur" on the last part of the object's name, three links down.
NEEDED_CHILD_DEPTH = 4


def _clause_descendants(token: Token, depth: int) -> list[Token]:
    """Tokens under ``token`` down to ``depth`` links, not entering another clause (but for the
    word that opens it)."""
    found: list[Token] = []
    frontier = [token]
    for _ in range(depth):
        children = [c for t in frontier for c in t.children]
        frontier = [c for c in children if c.dep_ not in CLAUSE_LINKS]
        found.extend(frontier)
        # The word that opens a dependent clause still belongs to this one: "appeler X à/mark cesser".
        found.extend(g for c in children if c.dep_ in CLAUSE_LINKS for g in c.children if g.dep_ == LABELS.marker)
    return found


def _participles_on(noun: Token, depth: int = 3) -> list[Token]:
    """Past participles modifying ``noun`` or a complement chain under it ("de fonds de 13
    milliards menée")."""
    doc = noun.doc
    table = parse_table(doc)  # walked by index: a Token only for what is found
    deps, children, features = table.deps, table.children, table.features
    found: list[int] = []
    level = [noun.i]
    for _ in range(depth):
        found.extend(c for t in level for c in children[t]
                     if deps[c] == LABELS.clausal_modifier and "Part" in features[c].get("VerbForm", ()))
        level = [c for t in level for c in children[t] if deps[c] == LABELS.nominal_modifier]
    return [doc[i] for i in found]


class ArgumentFinder:
    """Reads the slots of trigger entries on the parse."""

    def __init__(self, words: EventLexicon, reader: ParseReader, kb: KnowledgeBase) -> None:
        self.words = words
        self.reader = reader
        self.kb = kb
        self.frame_nouns = words.words("syntax", "frame_nouns")
        self.predicative = words.words("syntax", "predicative_verbs")
        self.ending_verbs = words.words("syntax", "ending_verbs")
        self.judging_verbs = words.words("syntax", "judging_verbs")
        self.possessives = words.words("syntax", "possessives")
        self.regard_verbs = words.words("syntax", "regard_verbs")
        self.regard_markers = words.words("syntax", "regard_markers")
        self.list_introducers = words.words("syntax", "list_introducers")
        self.gerund_markers = words.words("syntax", "gerund_markers")
        self.partitive_articles = words.words("syntax", "partitive_articles")
        self.nominal = NominalReader(words, reader)
        #: :meth:`_preposition_words` of each preposition asked.
        self._prep_words: dict[str, frozenset[str]] = {}

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
        if entry.needs_child:
            near = _clause_descendants(trigger, NEEDED_CHILD_DEPTH)
            if trigger.dep_ == LABELS.relative_clause:
                near.append(trigger.head)  # "l'opération, à laquelle ont participé X"
            if not any(fold(t.lemma_) in entry.needs_child or fold(t.text) in entry.needs_child for t in near):
                return False
        if entry.kind == "noun" and self._ended(trigger):
            return False
        if entry.reflexive and not any("Yes" in features_of(c).get("Reflex", ()) for c in trigger.children):
            return False
        if entry.predicative and self.predicate_head(trigger) is None:
            return False
        return True

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
        if set(self.words.lemma_candidates(verb)) & self.reader.holding_verbs:
            return False
        words = {fold(noun.lemma_), fold(noun.text)}
        if not any(e.kind == "verb" and words & e.object_lemmas for e in self.words.entries_for(verb)):
            return False
        return any(e.trigger_start == verb.idx for e in events)

    def _ended(self, noun: Token) -> bool:
        """"rompre son partenariat": the noun names a state the verb ends, not a new event (the
        verb is an event of its own, a CANCEL)."""
        verb = self.governing_verb(noun)
        if verb is None:
            return False
        objects = [fold(c.lemma_) for c in verb.children if c.dep_ == LABELS.object and c != noun]
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
            keys, direct = self._slot(trigger, entry, slot)
            if role == "maker":
                keys, role = self._makers(keys, types), "target"
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
            return found, direct
        if slot == "object" and gerund is not None:
            return reader.actors(gerund[1]), True
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
            if keys and entry.kind == "verb" and (named := reader.object(trigger)) is not None:
                # "a racheté YouTube en 2006 et Waze en 2013": a gapped second object
                keys = keys + [k for k in gapped_objects(reader, trigger, named) if k not in keys]
            return keys, True
        if slot == "iobj":
            iobj = reader.indirect_object(trigger)
            keys = reader.actors(iobj) if iobj is not None else []
            if not keys and entry.kind == "verb":  # "X a critiqué Y, lui reprochant …"
                keys = participle_clitic_party(reader, self.words, trigger)
            return keys, True
        if slot == "holder":
            head = self.predicate_head(trigger)
            return reader.subject(head) if head is not None else ([], True)
        if slot == "agent":
            verb = self.governing_verb(trigger)
            if verb is None or any(lemma in self.judging_verbs for lemma in self.words.lemma_candidates(verb)):
                # "l'Autorité a autorisé le rachat de SFR": who allows or judges an act does
                # not do it.
                return [], True
            found, direct = reader.subject(verb)
            if not found and verb.dep_ in LABELS.noun_clauses:
                # "un communiqué du club annonçant une plainte": the document's author.
                found = self.nominal.medium_author(verb.head)
            return found, direct
        if slot == "bearer":
            return self.bearer(trigger), True
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
        if slot == "embedded_object":
            # "menacé de poursuivre Apple en justice": the threat is aimed at the object of the
            # act threatened.
            embedded = next((c for c in trigger.children if c.dep_ in LABELS.complement_clauses and c.pos_ == "VERB"), None)
            if embedded is not None and reader.object_actors(trigger):
                return [], True  # "menacé Aéroports de Paris de quitter Roissy": the threatened is named
            return (reader.object_actors(embedded) if embedded is not None else []), True
        if slot == "locution_object":  # "mettre en demeure la direction de Renault"
            return locution_object(reader, trigger, entry.needs_child), True
        if slot.startswith("deal:"):  # "abandonner son projet de rachat d'iRobot"
            return deal_parties(reader, trigger, slot[5:].split(",")), True
        if slot == "reporter":  # "Samsung déclare que l'iPhone viole ses brevets"
            return reporter(reader, trigger), True
        if slot == "doer":
            return doer_or_maker(reader, trigger), True
        if slot.startswith("stake:"):
            return self._stake_holding(trigger, slot[6:]), True
        if slot.startswith("deed:"):  # "protester contre la décision d'Apple"
            return deed_complement(reader, trigger, slot[5:]), True
        if ":" in slot:
            return self._complements(trigger, entry, slot.split(":", 1)[1]), True
        return [], True

    def _complements(self, trigger: Token, entry: TriggerEntry, prep: str) -> list[str]:
        """Actors of the trigger's complements introduced by ``prep``.

        Complements of a constraint object ("porter plainte contre X" with "contre X" under
        "plainte") and of the verb governing a noun trigger ("partage un bon de commande ... pour
        une Tesla", where the parser hangs "pour" on the verb) are read too.
        """
        if not parse_table(trigger.doc).any_in_sentence(self._preposition_words(prep), trigger.i):
            # Every phrase read below is in the trigger's sentence (its tree) and is introduced
            # by a word that gives ``prep``: with no such word there, there is nothing to read.
            return []
        heads = [trigger]
        # "nommé directeur général d'Atos", "élu président de la FIFA": the predicate noun
        # holds the verb's complement.
        if entry.kind == "verb":
            heads.extend(c for c in trigger.children if c.dep_ == LABELS.open_complement and c.pos_ == "NOUN")
            if trigger.pos_ == "NOUN" or trigger.i == trigger.sent.start:
                # "Nommé/NOUN directeur/nmod général de Renault, X …", "Élue présidente/obl:mod du
                # Medef, Y …": a fronted participle (the tagger may read it as a noun); its bare noun
                # complement, whatever label the parser gave it, is the predicate noun.
                heads.extend(c for c in trigger.children if c.pos_ == "NOUN" and c.i == trigger.i + 1
                             and c.dep_ not in LABELS.subjects
                             and not any(g.dep_ == LABELS.case_marker for g in c.children))
        obj = (self.reader.object(trigger) or apposed_object(trigger, self.possessives)
               or partitive_object(trigger, self.partitive_articles)) if entry.kind == "verb" else None
        if obj is not None and (entry.object_lemmas or any(c.dep_ == LABELS.numeric_modifier for c in obj.children)):
            heads.append(obj)  # "porter plainte contre X", "investi 4 milliards dans X"
            if obj.head != trigger and obj.head.head == trigger and obj.head.i == obj.left_edge.i - 1:
                # "commandé vendredi 8 avions au/nmod(vendredi) constructeur X": the object was
                # hung on the day before it, and its complements may be too.
                heads.append(obj.head)
            # "noué un accord de distribution avec X": the parser hangs "avec X" one noun down.
            # Not for "de": "rejeté l'offre de rachat de X" is no rejection of X.
            if prep not in self.reader.genitive:
                heads.extend(c for c in obj.children if c.dep_ == LABELS.nominal_modifier and c.pos_ == "NOUN")
        elif obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            # "cédé la société Alpro à/nmod Bouygues": a complement of the verb the parser hung
            # on its object, after the object's own name.
            heads.append(obj)
        if entry.kind == "noun":
            heads.extend(self.frame_chain(trigger)[1:])
            # "une levée de fonds de 13 milliards menée par Iconiq": a participle on the noun
            # (or on its complements, where the parser hangs it) holds the noun's agent.
            heads.extend(p for frame in self.frame_chain(trigger) for p in _participles_on(frame))
            verb = self.governing_verb(trigger)
            if verb is not None:
                heads.append(verb)
            if prep in self.reader.agent_marks:
                # "le rachat de la société X par/obl:agent Y": the parser hangs the noun's agent
                # on its complement.
                complements = [c for c in trigger.children if c.pos_ in ("NOUN", "PROPN") and c.i > trigger.i]
                heads.extend(complements + [g for c in complements for g in c.children if g.pos_ in ("NOUN", "PROPN")])
            # "la vente de X au groupe Y", "le remplacement avec effet immédiat de X".
            heads.extend(self.nominal.displaced_heads(trigger, entry, prep))
        keys: list[str] = []
        setting = prep in self.words.words("syntax", "fronted_setting_prepositions")
        for head in heads:
            for phrase in self.reader.obliques(head, prep):
                if setting and _fronted_setting(phrase):
                    continue  # "À Lyon, X a commandé ...": the scene, not a party
                keys.extend(k for k in self.reader.actors(phrase) if k not in keys)
            if keys:
                return keys
        first = self.reader.coordinated_head(trigger) if entry.kind == "verb" else None
        if first is not None:
            # "X a racheté Y et investi 200 millions dans/obl(racheté) Z": a phrase the parser hung
            # on the first verb, after the second, is the second's.
            for phrase in self.reader.obliques(first, prep):
                if phrase.i > trigger.i:
                    keys.extend(k for k in self.reader.actors(phrase) if k not in keys)
            if keys:
                return keys
        if entry.kind == "noun":
            # "en opposition directe à OpenAI" hung on the noun before: the phrase right after.
            for phrase in self.reader.obliques(trigger.head, prep):
                if phrase.left_edge.i == trigger.right_edge.i + 1:
                    keys.extend(k for k in self.reader.actors(phrase) if k not in keys)
        return keys

    def _preposition_words(self, prep: str) -> frozenset[str]:
        """The words that can introduce a ``prep`` phrase (:func:`~chronique.extract.events.clause_shapes.preposition_at`
        and :meth:`~chronique.extract.events.phrase_reader.PhraseReader.obliques`): ``prep``'s own words,
        the forms the lexicon reads as ``prep`` ("au" for "à") and the last word of such a compound."""
        words = self._prep_words.get(prep)
        if words is None:
            forms = self.reader.preposition_forms
            words = self._prep_words[prep] = frozenset(
                {prep, *prep.split(), *(form.split()[-1] for form, full in forms.items() if full == prep)})
        return words

    def _stake_holding(self, noun: Token, prep: str) -> list[str]:
        """"la cession à X des 80 % détenus par Y dans le capital de Z", "la vente de ses parts
        dans Z": where the stake the noun's "de" complement names is held (the parser hangs the
        "dans" phrase on the stake, on its participle or on the noun itself)."""
        reader = self.reader
        stakes = [phrase for preposition in reader.genitive for phrase in reader.obliques(noun, preposition)
                  if {fold(phrase.lemma_), fold(phrase.text)} & reader.office_nouns]
        if not stakes:
            return []
        heads = [noun, *stakes, *(c for s in (noun, *stakes) for c in s.children if c.dep_ == LABELS.clausal_modifier)]
        for head in heads:
            for phrase in reader.obliques(head, prep):
                found = reader.actors(phrase)
                if found:
                    return found
        return []

    # -- relational nouns ("concurrent", "fondateur", "partenaire") ------------------------------
    def bearer(self, noun: Token) -> list[str]:
        """Who a relational noun is said of, wherever the text puts it.

        "X est le concurrent de Y" (predicate), "David Ellison, fondateur de Skydance" (the noun
        in apposition to a name), "le rival de Micron, YMTC" and "son concurrent français Cajoo"
        (a name hung on the noun), "Concurrent de Spotify, Deezer a ..." (the noun fronted before
        the subject), or a description the actor recognizer resolved ("son rival américain").
        """
        reader = self.reader
        head = self.predicate_head(noun)
        if head is not None:
            found = reader.subject(head)[0]
            if not found and head == noun and noun.dep_ in LABELS.misparsed_predicate_links and noun.head.i < noun.i:
                # "Dailymotion, qui emploie 150 personnes, est un concurrent de YouTube": the
                # parser made the predicate a conjunct of the subject it is said of.
                found = reader.actors(noun.head)
            return found
        regarded = self._regarded(noun)
        if regarded is not None:
            return regarded
        complements = {key for c in noun.children if _has_case(c) or continues_complement(c) for key in reader.actors(c)}
        named = [key for c in noun.children if c.i > noun.i and names_its_head(c) and not _has_case(c)
                 for key in reader.actors(c) if key not in complements]
        if named:
            return named
        described = name_after_adjectives(noun)
        if described is not None:  # "ses rivaux Orange et SFR": each name a plural noun lists
            plural = "Plur" in noun.morph.get("Number", [])
            return [described, *(listed_after_name(noun, described, reader.list_coordinators) if plural else [])]
        own = actor_index(noun.doc).mention_at(noun)
        if own is not None and self._possessive(noun) is not None and own.start < noun.idx:
            # "son rival américain" resolved to the rival; "le fondateur de Tesla" used to
            # name someone only refers, it tells no founding.
            return [own.key]
        before = noun.left_edge.i - 1
        # "Maxine, concurrent historique de Y": the parser may hang the comma on the noun itself
        # (made a conjunct of the name), so the noun's phrase begins with it.
        after_comma = (before >= 0 and noun.doc[before].is_punct) or noun.left_edge.is_punct
        if noun.head.i < noun.i and (noun.dep_ == LABELS.apposition or after_comma) and noun.head.pos_ != "VERB":
            return reader.actors(noun.head)
        # "Son concurrent direct, la banque X, a ...": the name between commas after the noun.
        apposed = name_between_commas(noun) if self._possessive(noun) is not None else None
        return (self._listed_after(noun) or self._fronted_bearer(noun) or ([apposed] if apposed else [])
                or name_before_apposition(noun))

    def _listed_after(self, noun: Token) -> list[str]:
        """"les fondateurs de Deezer - à savoir A et B": the names a plural noun announces."""
        if "Plur" not in noun.morph.get("Number", []):
            return []
        doc = noun.doc
        i = next((t.i for t in doc[noun.i + 1 : noun.sent.end] if t.is_punct), noun.sent.end)
        while i < noun.sent.end and (doc[i].is_punct or fold(doc[i].text) in self.list_introducers):
            i += 1
        if i >= noun.sent.end or actor_at(doc[i]) is None:
            return []
        name = doc[i]
        while name.dep_ in LABELS.name_parts and name.head != name:
            name = name.head
        return self.reader.actors(name)

    def _fronted_bearer(self, noun: Token) -> list[str]:
        """"Concurrent principal de Spotify, Deezer lance ...": a noun opening the sentence
        before a comma is said of the subject that follows the comma."""
        doc = noun.doc
        # The first comma after the noun (the parser may make the noun the root of all).
        follows = next((t.i for t in doc[noun.i + 1 : noun.sent.end] if t.text == ","), len(doc))
        opening = all(t.pos_ in ("DET", "ADV", "ADJ") for t in doc[noun.sent.start : noun.left_edge.i])
        if not opening or follows + 1 >= len(doc) or not doc[follows].is_punct or noun.dep_ in LABELS.subjects:
            return []
        subject = doc[follows + 1]
        while subject.dep_ in LABELS.name_parts and subject.head != subject:
            subject = subject.head
        if subject.dep_ not in LABELS.subjects or subject.head.i < noun.i:
            return []
        return self.reader.actors(subject)

    @staticmethod
    def relational(entry: TriggerEntry) -> bool:
        """A relational noun entry ("concurrent", "fondateur"): its source is a bearer."""
        return entry.kind == "noun" and any(slot == "bearer" for slot, _ in entry.roles)

    def predicated(self, noun: Token) -> bool:
        """Whether a verb states the noun of its subject or object ("X est / reste / est
        considéré comme le rival de Y"), so that the verb's modality is the relation's."""
        return self.predicate_head(noun) is not None or self._regarded(noun) is not None

    def _regarded(self, noun: Token) -> list[str] | None:
        """"X est considéré comme le seul concurrent de Y", "Z présente X comme son rival": the
        noun is said of the passive subject, or of the object, of a verb of regarding."""
        head = noun.head
        if noun.dep_ not in LABELS.predicate_noun_links or head == noun or not self._regards(head):
            return self._regarded_object(noun)
        for child in head.children:
            if child.dep_ in LABELS.patients and child != noun:
                return self.reader.actors(child)
        # "considèrent Qobuz/xcomp comme une alternative": the parser made the object the predicate.
        for child in head.children:
            if child.dep_ == LABELS.open_complement and child.i < noun.i and actor_at(child) is not None:
                return self.reader.actors(child)
        return []

    def _regards(self, verb: Token) -> bool:
        return any(lemma in self.regard_verbs for lemma in self.words.lemma_candidates(verb))

    def _regarded_object(self, noun: Token) -> list[str] | None:
        """"On considère A et B comme des alternatives à C": the parser hangs the "comme" phrase
        on the object (or its last conjunct); the noun is said of the whole object."""
        if noun.head == noun or not any(c.dep_ == LABELS.case_marker and fold(c.text) in self.regard_markers
                                        for c in noun.children):
            return None
        phrase, climbed = noun.head, [noun.head]
        while phrase.head != phrase and phrase in phrase.head.conjuncts:
            phrase = phrase.head
            climbed.append(phrase)
        if self._regards(phrase):
            # "considèrent A et B/conj comme ...": the parser made B a conjunct of the verb.
            obj = next((c for c in phrase.children if c.dep_ in LABELS.patients and c.i < noun.i), None)
            if obj is None:
                return None
            climbed = [obj, *climbed[:-1]]
        elif not (phrase.dep_ in LABELS.patients or phrase.dep_ == LABELS.open_complement) or not self._regards(phrase.head):
            return None  # (the parser makes an unknown brand object an xcomp: "considèrent Qwant/xcomp")
        found: list[str] = []
        for part in climbed:
            found.extend(k for k in self.reader.actors(part) if k not in found)
        return found

    def _possessive(self, noun: Token) -> Token | None:
        return next((c for c in noun.children if c.i < noun.i and (
            "Yes" in c.morph.get("Poss", []) or fold(c.text) in self.possessives)), None)

    def possessor(self, noun: Token) -> list[str]:
        """Whose the noun is, when a possessive says it ("son concurrent", "ses fondateurs").

        The possessive's own actor when the recognizer resolved it; "X et son partenaire Y":
        the first conjunct; otherwise the subject of the clause the noun is a complement of
        ("Flink rachète son concurrent Cajoo"), never a subject the noun is part of.
        """
        det = self._possessive(noun)
        if det is None:
            return []
        own = actor_at(det)
        if own is not None:
            return [own]
        judged = self.nominal.judged_owner(noun)
        if judged is not None:
            # "reprocher à X son acquisition de Y": the one blamed owns the act.
            return judged
        if noun.head != noun and noun in noun.head.conjuncts:
            return self.reader.actors(noun.head)
        node = noun
        for _ in range(6):
            if node.dep_ in LABELS.subjects or node.head == node:
                return self._previous_subject(noun) if node.dep_ in LABELS.subjects else []
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return self.reader.subject(node)[0]
        return []

    def _previous_subject(self, noun: Token) -> list[str]:
        """"X a remporté le contrat. Son concurrent Y conteste": a possessive in a subject that
        no actor before it in its sentence can own is the one actor the previous sentence of
        the same paragraph is about (the subject of its main verb), when there is exactly one."""
        doc, sentence = noun.doc, noun.sent
        if sentence.start == 0 or any(actor_at(t) for t in doc[sentence.start : noun.i]):
            return []
        previous = doc[sentence.start - 1].sent
        if "\n" in text_of(doc)[previous.start_char : noun.idx]:
            return []  # another paragraph: its subject is not in view
        subjects = self.reader.subject(previous.root)[0]
        return subjects if len(subjects) == 1 else []

    # -- nouns -------------------------------------------------------------------------------
    @per_token
    def frame_chain(self, noun: Token) -> list[Token]:
        """The noun and the frame nouns it hangs from ("rachat" < "offre"; "commande" < "bon")."""
        chain = [noun]
        for _ in range(2):
            top = chain[-1]
            # The tagger reads "offre" as a form of "offrir": the form counts too.
            frame = {fold(top.head.lemma_), fold(top.head.text)} & self.frame_nouns
            if top.dep_ == LABELS.nominal_modifier and frame:
                chain.append(top.head)
            else:
                break
        return chain

    @per_token
    def governing_verb(self, noun: Token) -> Token | None:
        """The verb whose object (or argument) the noun, or the frame noun above it, is."""
        top = self.frame_chain(noun)[-1]
        if top.dep_ in LABELS.governed_noun_links and top.head.pos_ in ("VERB", "AUX"):
            return top.head
        return None

    def predicate_head(self, noun: Token) -> Token | None:
        """Where the noun is predicated of a subject: itself with a copula, or the verb above it."""
        if any(c.dep_ == LABELS.copula for c in noun.children):
            return noun
        head = noun.head
        if noun.dep_ not in LABELS.predicate_noun_links or head == noun:
            return None
        objects = [fold(c.lemma_) for c in head.children if c.dep_ == LABELS.object and c != noun]
        for lemma in self.words.lemma_candidates(head):
            if lemma in self.predicative or any(f"{lemma} {o}" in self.predicative for o in objects):
                return head
        return None

    # -- actors ------------------------------------------------------------------------------
    def _makers(self, keys: list[str], types: dict[str, str]) -> list[str]:
        """The makers of the products among ``keys`` that the document names."""
        makers = []
        for key in keys:
            known = self.kb.get(key)
            maker = known.maker if known is not None else self._brand_of(key)
            if maker and maker in types and maker not in makers:
                makers.append(maker)
        return makers

    def _brand_of(self, key: str) -> str | None:
        """The organisation whose name opens an unknown product's ("Airbus A350" is Airbus's:
        the actors' ``brand-product`` rule typed it so only when the knowledge base knows that
        organisation)."""
        if not key.startswith("product:"):
            return None
        first = key.split(":", 1)[1].split(" ", 1)[0]
        known = [self.kb.get(k) for k in self.kb.actors_named(first)]
        return known[0].id if len(known) == 1 and known[0] is not None and known[0].type == "ORG" else None

    @staticmethod
    def _typed(key: str, allowed: frozenset[str], types: dict[str, str]) -> bool:
        return not allowed or types.get(key) in allowed


def _named_before(trigger: Token, key: str) -> bool:
    """Whether ``key`` is named in the trigger's sentence before the trigger."""
    return any(actor_at(t) == key for t in trigger.doc[trigger.sent.start : trigger.i])


def _fronted_setting(phrase: Token) -> bool:
    """A phrase that opens its sentence and ends before a comma ("À Lyon, ...")."""
    after = phrase.right_edge.i + 1
    return (phrase.left_edge.i == phrase.sent.start and after < len(phrase.doc)
            and phrase.doc[after].text == "," and phrase.head.i > after)


def _has_case(token: Token) -> bool:
    """Whether a preposition introduces the phrase ("de Micron" does not name "le rival")."""
    return any(c.dep_ == LABELS.case_marker for c in token.children)
