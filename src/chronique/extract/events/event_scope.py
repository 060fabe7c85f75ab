"""The clause chain that scopes over a trigger (whose modality it takes), the phrases that date
an event noun before its verb does, and a trigger's sentence as the events report it."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.arguments import ArgumentFinder
from chronique.extract.events.carried import carrying_clauses
from chronique.extract.events.clause_shapes import participle_adjunct
from chronique.extract.events.lexicon import TriggerEntry
from chronique.extract.events.modality import clause_path
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import features_of, parse_table
from chronique.text import fold

__all__ = ["EventScope", "sentence_bounds"]

LABELS = dependency_scheme("ud")
#: A noun trigger in these relations to a verb takes that verb's date and modality.
NOUN_ARGUMENT_DEPS = LABELS.noun_argument_links
#: Complements of an event noun whose dates are the noun's ("nmod" chains, not clauses).
NOUN_COMPLEMENT_DEPS = frozenset({LABELS.nominal_modifier})


class EventScope:
    """Reads a trigger's scope and an event noun's dating phrases."""

    def __init__(self, finder: ArgumentFinder, reader: ParseReader) -> None:
        self.finder = finder
        self.reader = reader

    def dating_path(self, token: Token, entry: TriggerEntry, path: list[Token]) -> list[Token]:
        """A noun's own complements, then its frame's ("l'annonce de l'acquisition en septembre
        2022"), date it before its verb does: "le rachat de Fox par Disney pour 71 milliards de
        dollars en 2019" (the parser hangs "en 2019" on "dollars")."""
        if entry.kind != "noun":
            return path
        complements: list[Token] = []
        frames = self.finder.frame_chain(token)
        level = [*frames, *_trailing_siblings(frames[-1])]
        complements.extend(level[1:])
        # "sa plainte déposée en novembre 2018", "des procédures engagées depuis 2021".
        complements.extend(c for c in token.children if c.dep_ == LABELS.clausal_modifier
                           and "Part" in features_of(c).get("VerbForm", ()) and "Past" in features_of(c).get("Tense", ()))
        # "la commande de trois navires qu'il avait passée en 2017": the clause that placed it.
        complements.extend(c for c in carrying_clauses(self.finder.words, token) if c not in complements)
        for _ in range(3):
            level = [c for t in level for c in t.children if c.dep_ in NOUN_COMPLEMENT_DEPS]
            complements.extend(level)
        return [token, *complements, *frames[1:], *path[1:], *self._simultaneous_clause(frames[-1], path)]

    def _simultaneous_clause(self, top: Token, path: list[Token]) -> list[Token]:
        """The clause of the verb a noun's phrase says happened at the same time ("X a levé
        mardi 30 millions lors d'un tour de table mené par Y": the round is Tuesday's), which the
        parser reaches through an adverb ("lors/ADV de"): it dates the noun, not its scope
        (``syntax.simultaneity_adverbs``)."""
        adverb = top.head
        if len(path) > 1 or adverb is top or adverb.pos_ != "ADV" \
                or fold(adverb.text) not in self.finder.words.words("syntax", "simultaneity_adverbs"):
            return []
        verb = adverb.head
        return clause_path(verb) if verb is not adverb and verb.pos_ in ("VERB", "AUX") else []

    def scope(self, token: Token, entry: TriggerEntry) -> tuple[list[Token], list[Token]]:
        """The clause chain that scopes over the trigger, and the frame nouns above a noun."""
        if entry.kind != "noun":
            # "Courtisée par Google, Rubis a refusé": a participle adjunct is its own clause;
            # the verb it hangs on does not scope over it.
            if participle_adjunct(token):
                return [token], []
            noun = self.reader.infinitive_of_noun(token)
            if noun is not None:
                # "son intention d'acquérir X": the noun frames the act (proposed), and the
                # verb governing the noun scopes over it.
                verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else None
                return [token] + (clause_path(verb) if verb is not None else []), [noun]
            return clause_path(token), []
        if self.finder.relational(entry) and not self.finder.predicated(token):
            # "a décidé d'empêcher le rival de Micron, YMTC, d'acheter": a relational noun in
            # apposition or as an argument states the relation itself; the clause's modality is
            # about the clause ("X est le rival de Y" keeps it: "n'est pas", "pourrait devenir").
            return [token], []
        frames = self.finder.frame_chain(token)
        verb = self.finder.governing_verb(token)
        top = frames[-1]
        adverbial = any(c.dep_ == LABELS.case_marker for c in top.children)
        if verb is None and top.dep_ in NOUN_ARGUMENT_DEPS and top.head.pos_ in ("VERB", "AUX") and not adverbial:
            # "Le rachat de Twitter ... a été finalisé en octobre 2022"; but "Outre le rachat de
            # X, ce projet prévoit ...": a phrase led by a preposition is not in the verb's scope.
            verb = top.head
        return ([token] + (clause_path(verb) if verb is not None else [])), frames[1:]


def _trailing_siblings(noun: Token, most: int = 2) -> list[Token]:
    """Phrases right after a noun that the parser hung on the noun's head ("depuis le rachat de
    Fox par Disney | pour 71 milliards de dollars en 2019"): they go with the noun."""
    found: list[Token] = []
    follows = noun.right_edge.i + 1
    doc = noun.doc
    while len(found) < most and follows < len(doc) and noun.head != noun:
        sibling = doc[follows]
        while sibling.head != noun.head and sibling.head != sibling and sibling.head.i > noun.i:
            sibling = sibling.head
        if sibling.head != noun.head or sibling.left_edge.i != follows or sibling.pos_ not in ("NOUN", "PROPN", "NUM"):
            break
        found.append(sibling)
        follows = sibling.right_edge.i + 1
    return found


def sentence_bounds(token: Token) -> tuple[int, int]:
    """The token's sentence, cut at line breaks: the parser runs paragraphs and titles together."""
    (start_char, end_char), text = parse_table(token.doc).sentence_chars(token.i), text_of(token.doc)
    start = text.rfind("\n", start_char, token.idx) + 1 or start_char
    start = max(start, start_char)
    end = text.find("\n", token.idx, end_char)
    return start, (end if end != -1 else end_char)
