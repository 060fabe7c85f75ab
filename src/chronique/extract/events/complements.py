"""An event's parties named in prepositional phrases ("porter plainte contre X", "le rachat de
Y par Z", "investi 4 milliards dans X"), wherever the parser hung the phrase: on the trigger, on
its object or predicate noun, on the frame nouns and governing verb of a noun trigger, on a
participle, or on a first coordinated verb; and where a stake sold or bought is held."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import stray_object_names
from chronique.extract.events.frames import FrameReader
from chronique.extract.events.incises import agent_after_incise
from chronique.extract.events.lexicon import EventLexicon, TriggerEntry
from chronique.extract.events.misread import misread_phrases, misread_present
from chronique.extract.events.nominal import NominalReader
from chronique.extract.events.partitives import measured_whole, partitive_object
from chronique.extract.events.repairs import apposed_object
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["ComplementReader"]

LABELS = dependency_scheme("ud")


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


class ComplementReader:
    """Reads the actors of a trigger's prepositional complements."""

    def __init__(self, words: EventLexicon, reader: ParseReader, frames: FrameReader, nominal: NominalReader) -> None:
        self.words = words
        self.reader = reader
        self.frames = frames
        self.nominal = nominal
        self.possessives = words.words("syntax", "possessives")
        self.partitive_articles = words.words("syntax", "partitive_articles")
        self.manner_nouns = words.words("syntax", "manner_nouns")
        self.quantity_parts = words.words("syntax", "quantity_parts")
        #: :meth:`_preposition_words` of each preposition asked.
        self._prep_words: dict[str, frozenset[str]] = {}

    def complements(self, trigger: Token, entry: TriggerEntry, prep: str) -> list[str]:
        """Actors of the trigger's complements introduced by ``prep``.

        Complements of a constraint object ("porter plainte contre X" with "contre X" under
        "plainte") and of the verb governing a noun trigger ("partage un bon de commande ... pour
        une Tesla", where the parser hangs "pour" on the verb) are read too.
        """
        if not parse_table(trigger.doc).any_in_sentence(self._preposition_words(prep), trigger.i):
            # Every phrase read below is in the trigger's sentence (its tree) and is introduced
            # by a word that gives ``prep``: with no such word there, there is nothing to read.
            return []
        doc = trigger.doc
        table, pos = parse_table(doc), token_table(doc).pos  # children read by index: a Token per head kept
        deps, children = table.deps, table.children
        heads = [trigger]
        # "nommé directeur général d'Atos", "élu président de la FIFA": the predicate noun
        # holds the verb's complement.
        if entry.kind == "verb":
            heads.extend(doc[c] for c in children[trigger.i] if deps[c] == LABELS.open_complement and pos[c] == "NOUN")
            if pos[trigger.i] == "NOUN" or trigger.i == table.sentence_bounds(trigger.i)[0]:
                # "Nommé/NOUN directeur/nmod général de Renault, X …", "Élue présidente/obl:mod du
                # Medef, Y …": a fronted participle (the tagger may read it as a noun); its bare noun
                # complement, whatever label the parser gave it, is the predicate noun.
                heads.extend(doc[c] for c in children[trigger.i] if pos[c] == "NOUN" and c == trigger.i + 1
                             and deps[c] not in LABELS.subjects
                             and not any(deps[g] == LABELS.case_marker for g in children[c]))
        obj = (self.reader.object(trigger) or apposed_object(trigger, self.possessives)
               or partitive_object(trigger, self.partitive_articles)) if entry.kind == "verb" else None
        if obj is not None and (entry.object_lemmas or any(deps[c] == LABELS.numeric_modifier for c in children[obj.i])):
            heads.append(obj)  # "porter plainte contre X", "investi 4 milliards dans X"
            # "annulé l'an dernier une commande passée auprès de X": the object's participle.
            heads.extend(_participles_on(obj, 1))
            if obj.head != trigger and obj.head.head == trigger and obj.head.i == obj.left_edge.i - 1:
                # "commandé vendredi 8 avions au/nmod(vendredi) constructeur X": the object was
                # hung on the day before it, and its complements may be too.
                heads.append(obj.head)
            # "noué un accord de distribution avec X": the parser hangs "avec X" one noun down.
            # Not for "de": "rejeté l'offre de rachat de X" is no rejection of X.
            if prep not in self.reader.genitive:
                heads.extend(doc[c] for c in children[obj.i] if deps[c] == LABELS.nominal_modifier and pos[c] == "NOUN")
        if obj is not None and entry.kind == "verb":
            # "a cédé sa filiale Monoprix/obl(cédé) au/nmod(Monoprix) groupe X": the object's stray
            # name holds the verb's complement the parser hung on it.
            heads.extend(stray_object_names(trigger, obj))
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not (entry.object_lemmas or any(
                deps[c] == LABELS.numeric_modifier for c in children[obj.i])):
            # "cédé la société Alpro à/nmod Bouygues": a complement of the verb the parser hung
            # on its object, after the object's own name.
            heads.append(obj)
            whole = measured_whole(obj, self.quantity_parts, self.reader.genitive)
            if whole is not None:  # "acheté la moitié de son gaz à/nmod(gaz) X"
                heads.append(whole)
        if entry.kind == "verb" and prep not in self.reader.genitive:
            # "conclu un accord à l'amiable/obl avec/nmod(amiable) X": a set adverbial of manner
            # holds the verb's complement the parser hung on it.
            heads.extend(doc[c] for c in children[trigger.i] if deps[c].startswith(LABELS.oblique_prefix)
                         and fold(doc[c].text) in self.manner_nouns)
        if entry.kind == "verb" and prep not in self.reader.genitive and prep not in self.reader.agent_marks:
            # "l'amende infligée par la Commission à/nmod(Commission) X": the parser hangs the
            # verb's complement after its agent on the agent's noun.
            heads.extend(doc[c] for c in children[trigger.i] if deps[c] == LABELS.passive_agent)
        if entry.kind == "noun":
            heads.extend(self.frames.frame_chain(trigger)[1:])
            # "une levée de fonds de 13 milliards menée par Iconiq": a participle on the noun
            # (or on its complements, where the parser hangs it) holds the noun's agent.
            heads.extend(p for frame in self.frames.frame_chain(trigger) for p in _participles_on(frame))
            verb = self.frames.governing_verb(trigger)
            if verb is not None:
                heads.append(verb)
            heads.extend(self._idiom_complements(trigger, entry))
            if any(slot == "bearer" for slot, _ in entry.roles):
                # "X, cofondateur et directeur général de/nmod(directeur) Y": coordinated titles
                # share the complement the parser hangs on the last (read after the noun's own).
                heads.extend(doc[c] for c in children[trigger.i] if deps[c] == LABELS.conjunct
                             and c > trigger.i and pos[c] == "NOUN")
            if prep in self.reader.agent_marks:
                # "le rachat de la société X par/obl:agent Y": the parser hangs the noun's agent
                # on its complement.
                complements = [c for c in children[trigger.i] if pos[c] in ("NOUN", "PROPN") and c > trigger.i]
                heads.extend(doc[c] for c in [*complements, *(g for c in complements for g in children[c]
                                                            if pos[g] in ("NOUN", "PROPN"))])
            # "la vente de X au groupe Y", "le remplacement avec effet immédiat de X".
            heads.extend(self.nominal.displaced_heads(trigger, entry, prep))
            if prep not in self.reader.genitive and prep not in self.reader.agent_marks:
                # "la plainte de l'association X contre/nmod(association) Y": the parser hangs the
                # noun's complement on its "de" phrase, read after the noun's own.
                heads.extend(phrase for mark in sorted(self.reader.genitive)
                             for phrase in self.reader.obliques(trigger, mark) if phrase.i > trigger.i)
        keys: list[str] = []
        if entry.kind == "verb" and pos[trigger.i] in ("NOUN", "ADJ", "ADP") and misread_present(trigger, self.words):
            # "Le fonds X entre/ADP au capital/nmod(fonds) de Y": the phrases hung before the verb.
            for phrase in misread_phrases(trigger, prep, self.reader.preposition_forms):
                keys.extend(k for k in self.reader.actors(phrase) if k not in keys)
            if keys:
                return keys
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
            if not keys and prep in self.reader.agent_marks:
                # "le rachat de VMware, éditeur de logiciels, par Broadcom".
                agent = agent_after_incise(trigger, self.reader.agent_marks)
                if agent is not None:
                    keys.extend(self.reader.actors(agent))
        return keys

    def _idiom_complements(self, trigger: Token, entry: TriggerEntry) -> list[Token]:
        """"la levée de fonds de 20 millions d'euros de la start-up X auprès de Y": the parser
        hangs the noun's complements on the word its entry needs ("fonds", "table") or on the
        amount under it; they are the noun's."""
        if not entry.needs_child:
            return []
        doc = trigger.doc
        table = parse_table(doc)
        deps, children = table.deps, table.children
        needed = [c for c in children[trigger.i] if deps[c] == LABELS.nominal_modifier
                  and fold(doc[c].lemma_) in entry.needs_child]
        amounts = [g for c in needed for g in children[c] if deps[g] == LABELS.nominal_modifier
                   and any(deps[n] == LABELS.numeric_modifier for n in children[g])]
        return [doc[i] for i in (*needed, *amounts)]

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

    def stake_holding(self, noun: Token, prep: str) -> list[str]:
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


def _fronted_setting(phrase: Token) -> bool:
    """A phrase that opens its sentence and ends before a comma ("À Lyon, ...")."""
    after = phrase.right_edge.i + 1
    return (phrase.left_edge.i == parse_table(phrase.doc).sentence_bounds(phrase.i)[0] and after < len(phrase.doc)
            and phrase.doc[after].text == "," and phrase.head.i > after)
