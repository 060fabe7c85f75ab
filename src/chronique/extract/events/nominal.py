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

from chronique.extract.events.lexicon import EventLexicon, TriggerEntry
from chronique.extract.events.syntax import ParseReader, _actor, preposition
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
        return heads

    @staticmethod
    def _is_name(token: Token) -> bool:
        mention = actor_index(token.doc).mention_at(token)
        return mention is not None and token.pos_ in ("PROPN", "NOUN", "X") and _actor(token) is not None

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
        hangs on (its genitive complement)."""
        if fold(medium.lemma_) not in self.medium_nouns and fold(medium.text) not in self.medium_nouns:
            return []
        return self.reader.owner(medium)
