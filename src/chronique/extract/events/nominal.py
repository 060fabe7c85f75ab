"""Arguments of event nouns that the parser hangs away from the noun.

An event noun ("la vente", "le remplacement", "sa plainte", "l'acquisition") carries its actors
in complements, and the parser attaches those complements wherever the words around them invite
it to. These readers put them back, each for a known habit of the French model:

- a complement hung on the name the noun's first complement ends with: "la vente de X au
  groupe Y" ("au groupe Y" hangs on X; a name takes no complement of its own);
- a "de" complement hung on a short adjunct between the noun and it: "le remplacement avec
  effet immédiat de X par Y" ("de X" hangs on "effet");
- the owner of an act under a verb of blaming or praising someone for it: "reprocher à X son
  acquisition de Y", "féliciter X pour son rachat de Y" (the possessive is the one blamed, not
  the one who blames);
- the author of what a document says: "un communiqué de X annonçant une plainte contre Y" (the
  participle says what the communiqué of X announces, so X does it).

Every word list is data (``[syntax]`` of ``events.toml``).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import preposition
from chronique.extract.events.lexicon import EventLexicon, TriggerEntry
from chronique.extract.events.phrase_names import actor_at
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.actor_index import actor_index
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["NominalReader"]

LABELS = dependency_scheme("ud")


class NominalReader:
    """Repairs for the complements and owners of event nouns; see the module docstring."""

    def __init__(self, words: EventLexicon, reader: ParseReader) -> None:
        self.reader = reader
        self.words = words
        #: "avec", "à", "sans": prepositions of a short adjunct ("avec effet immédiat").
        self.adjunct_prepositions = words.words("syntax", "noun_adjunct_prepositions")
        #: "reprocher", "féliciter": verbs that blame or praise someone for an act of theirs.
        self.blaming_verbs = words.words("syntax", "possessive_judged_verbs")
        #: "communiqué", "lettre": what an author says things in.
        self.medium_nouns = words.words("syntax", "medium_nouns")
        #: "publier", "adresser": verbs by which an author issues such a document.
        self.medium_issuing_verbs = words.words("syntax", "medium_issuing_verbs")
        #: "dans": how a complaint hangs on the verb that tells what it claims.
        self.claim_prepositions = words.words("syntax", "claim_prepositions")
        #: "impliquer", "associer": participles that name who takes part in an operation.
        self.involving_verbs = words.words("syntax", "involving_verbs")
        #: "abandon", "retrait": nouns of an act on one's own thing ("l'abandon par X de sa plainte").
        self.own_act_nouns = words.words("syntax", "own_act_nouns")

    # -- complements ---------------------------------------------------------------------
    def displaced_heads(self, noun: Token, entry: TriggerEntry, prep: str) -> list[Token]:
        """Tokens other than the noun on which the parser may have hung the noun's ``prep``
        complement: names among the noun's complements (for any preposition but the genitive)
        and short adjuncts (for the genitive)."""
        heads: list[Token] = []
        for child in noun.children:
            if child.dep_ != LABELS.nominal_modifier or child.i < noun.i:
                continue
            child_prep = preposition(child, self.reader.preposition_forms)
            if prep not in self.reader.genitive and self._is_name(child):
                # "la vente de Dailymotion au/nmod(Dailymotion) géant américain Yahoo"
                heads.append(child)
            elif prep in self.reader.genitive and self._is_adjunct(child, child_prep, entry):
                # "le remplacement avec effet immédiat de/nmod(effet) Robert Iger"
                heads.append(child)
        stray = self._stray_name_after(noun)
        if stray is not None and prep not in self.reader.genitive:
            # "la cession de sa filiale Kolbex/obl(verb) au/nmod(Kolbex) fonds Ardian": the name
            # closing the noun's phrase, hung on the noun's verb, carries the noun's complements
            heads.append(stray)
        return heads

    def _stray_name_after(self, noun: Token) -> Token | None:
        """A name right after the noun's phrase that the parser hung on the noun's own verb."""
        doc = noun.doc
        after = noun.right_edge.i + 1
        if after >= len(doc) or noun.head == noun:
            return None
        name = doc[after]
        if name.head != noun.head or name.dep_ in LABELS.subjects or not self._is_name(name):
            return None
        return name

    @staticmethod
    def _is_name(token: Token) -> bool:
        mention = actor_index(token.doc).mention_at(token)
        return mention is not None and token.pos_ in ("PROPN", "NOUN", "X") and actor_at(token) is not None

    def _is_adjunct(self, child: Token, child_prep: str | None, entry: TriggerEntry) -> bool:
        """A short phrase of manner ("avec effet immédiat", "sans délai") that is no argument of
        the entry and names no actor: its "de" complement is the noun's."""
        if child_prep is None or child_prep not in self.adjunct_prepositions:
            return False
        if any(slot.split(":", 1)[-1] == child_prep for slot, _ in entry.roles):
            return False
        if self.words.entries_for(child) or fold(child.lemma_) in self.reader.office_nouns:
            return False
        index = actor_index(child.doc)
        # its own words, not the "de" complement it carries
        own = [child, *(t for t in child.children if preposition(t, self.reader.preposition_forms) not in self.reader.genitive)]
        return all(index.at(t) is None for t in own if t.pos_ != "ADP")

    # -- owners ----------------------------------------------------------------------------
    def judged_owner(self, noun: Token) -> list[str] | None:
        """"L'Autorité reproche à X son acquisition de Y": the owner a possessive names under a
        verb of blaming or praising someone for their act is that someone, the verb's indirect
        object, object or "à"/"pour" complement. None when the noun is under no such verb."""
        verb = noun.head
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or not any(
                lemma in self.blaming_verbs for lemma in self.words.lemma_candidates(verb)):
            return None
        for child in verb.children:
            if child.i > noun.i or child in noun.subtree:
                continue
            if child.dep_ in (LABELS.indirect_object, LABELS.object) or (
                    child.dep_.startswith(LABELS.oblique_prefix) and preposition(child, self.reader.preposition_forms) == "à"):
                found = self.reader.actors(child)
                if found:
                    return found
        return None  # "X salue son rachat de Y": nobody else is judged, the possessive is X's

    def medium_author(self, medium: Token) -> list[str]:
        """"un communiqué du club annonçant ...": the author of the document a participle
        hangs on (its genitive complement); "X a publié un communiqué annonçant ...": with no
        genitive, the subject of the verb that issues it."""
        if fold(medium.lemma_) not in self.medium_nouns and fold(medium.text) not in self.medium_nouns:
            return []
        owner = self.reader.owner(medium)
        issuer = medium.head
        if owner or medium.dep_ != LABELS.object or issuer == medium or not any(
                lemma in self.medium_issuing_verbs for lemma in self.words.lemma_candidates(issuer)):
            return owner
        return self.reader.subject(issuer)[0]

    def claimed(self, noun: Token) -> list[str]:
        """"Dans sa plainte, X soutenait que Y ne respectait pas ...": the complaint is against
        the subject of what its author claims in the clause the noun frames."""
        verb = noun.head
        if verb == noun or verb.pos_ not in ("VERB", "AUX") or not noun.dep_.startswith(LABELS.oblique_prefix):
            return []
        if preposition(noun, self.reader.preposition_forms) not in self.claim_prepositions:
            return []
        for clause in verb.children:
            if clause.dep_ in LABELS.complement_clauses and clause.i > verb.i:
                subject = next((c for c in clause.children if c.dep_ in LABELS.subjects), None)
                if subject is not None:
                    return self.reader.actors(subject)
        return []

    def involved(self, noun: Token) -> list[str]:
        """"une levée de fonds de 10 millions, impliquant X et Y": the object of a participle of
        taking part hung on the noun, or standing right after the noun's phrase and a comma."""
        doc = noun.doc
        follows = noun.right_edge.i + 1
        candidates = [c for c in noun.children if c.dep_ in LABELS.noun_clauses]
        if follows + 1 < len(doc) and doc[follows].text == ",":
            candidates.append(doc[follows + 1])
        for participle in candidates:
            if participle.pos_ != "VERB" or "Part" not in participle.morph.get("VerbForm", []):
                continue
            if not any(lemma in self.involving_verbs for lemma in self.words.lemma_candidates(participle)):
                continue
            obj = next((c for c in participle.children if c.dep_ == LABELS.object), None)
            if obj is not None:
                return self.reader.actors(obj)
        return []

    def own_act_agent(self, noun: Token) -> list[str]:
        """"l'abandon par X des procédures engagées contre Y": the agent of a noun of acting on
        one's own thing ("abandon", "retrait") is the author of the thing its "de" names."""
        head = noun.head
        if head == noun or noun.dep_ != LABELS.nominal_modifier or preposition(noun, self.reader.preposition_forms) not in self.reader.genitive:
            return []
        if fold(head.lemma_) not in self.own_act_nouns and fold(head.text) not in self.own_act_nouns:
            return []
        for child in head.children:
            if child.dep_ in (LABELS.nominal_modifier, LABELS.passive_agent) and child.i < noun.i and (
                    preposition(child, self.reader.preposition_forms) in self.reader.agent_marks):
                return self.reader.actors(child)
        return []

    def held_by(self, part: Token) -> list[str]:
        """"racheter l'essentiel des médias détenus par le groupe X": a part of what a holding
        participle says X holds stands for X (the parse gives no "de X" to read)."""
        if fold(part.lemma_) not in self.reader.office_nouns and fold(part.text) not in self.reader.office_nouns:
            return []
        things = [part, *(c for c in part.children if c.dep_ == LABELS.nominal_modifier
                          and preposition(c, self.reader.preposition_forms) in self.reader.genitive)]
        for thing in things:
            for participle in thing.children:
                if participle.dep_ != LABELS.clausal_modifier or fold(participle.lemma_) not in self.reader.holding_verbs:
                    continue
                for agent in participle.children:
                    if agent.dep_ == LABELS.passive_agent or (agent.dep_.startswith(LABELS.oblique_prefix) and preposition(
                            agent, self.reader.preposition_forms) in self.reader.agent_marks):
                        found = self.reader.actors(agent)
                        if found:
                            return found
        return []
