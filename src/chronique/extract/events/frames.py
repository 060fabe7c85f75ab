"""Where an event noun sits in its clause: the frame nouns it hangs from ("l'offre de rachat"),
the verb that governs it, and the verb or copula that predicates it of a subject ("X est le
rival de Y"). The argument finder, the bearer reader and the component's scope all ask these."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import counted_after_day
from chronique.extract.events.lexicon import EventLexicon
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.memo import per_token
from chronique.text import fold

__all__ = ["FrameReader"]

LABELS = dependency_scheme("ud")


class FrameReader:
    """Reads an event noun's frame nouns, governing verb and predicate head."""

    def __init__(self, words: EventLexicon) -> None:
        self.words = words
        self.frame_nouns = words.words("syntax", "frame_nouns")
        self.predicative = words.words("syntax", "predicative_verbs")
        self.partitive_articles = words.words("syntax", "partitive_articles")

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
        before = top.head
        # "a finalisé mercredi/obl le rachat/nmod de X", "a annoncé dans un communiqué/obl
        # l'acquisition/nmod de X": the object hung on the verb's phrase right before it.
        if before != top and before.head.pos_ in ("VERB", "AUX") and before.head.i < before.i and (
                before.dep_.startswith(LABELS.oblique_prefix) or before.dep_ == LABELS.object) and \
                counted_after_day(before, self.partitive_articles) == top:
            return before.head
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
