"""Who a relational noun ("concurrent", "fondateur", "partenaire") is said of, and whose a
possessive makes a noun ("son rival", "ses fondateurs"), wherever the text puts them: a predicate,
an apposition, a name hung on the noun, a noun fronted before the subject, a verb of regarding
("considéré comme le rival de Y") or the subject of the sentence before."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.appositions import name_before_apposition, name_between_commas
from chronique.extract.events.frames import FrameReader
from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.nominal import NominalReader
from chronique.extract.events.phrase_names import (
    actor_at,
    continues_complement,
    listed_after_name,
    name_after_adjectives,
    names_its_head,
)
from chronique.extract.events.sellers import bought_from_owner
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.actor_index import actor_index
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["BearerReader"]

LABELS = dependency_scheme("ud")


class BearerReader:
    """Reads the bearer and the possessor of relational nouns."""

    def __init__(self, words: EventLexicon, reader: ParseReader, frames: FrameReader, nominal: NominalReader) -> None:
        self.words = words
        self.reader = reader
        self.frames = frames
        self.nominal = nominal
        self.possessives = words.words("syntax", "possessives")
        self.regard_verbs = words.words("syntax", "regard_verbs")
        self.regard_markers = words.words("syntax", "regard_markers")
        self.list_introducers = words.words("syntax", "list_introducers")

    def bearer(self, noun: Token) -> list[str]:
        """Who a relational noun is said of, wherever the text puts it.

        "X est le concurrent de Y" (predicate), "David Ellison, fondateur de Skydance" (the noun
        in apposition to a name), "le rival de Micron, YMTC" and "son concurrent français Cajoo"
        (a name hung on the noun), "Concurrent de Spotify, Deezer a ..." (the noun fronted before
        the subject), or a description the actor recognizer resolved ("son rival américain").
        """
        reader = self.reader
        head = self.frames.predicate_head(noun)
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
        doc = noun.doc
        for subject in (c for c in noun.children if c.i < noun.i and c.dep_ in LABELS.subjects):
            if doc[subject.right_edge.i + 1].text == ",":
                # "Le groupe X, principal concurrent de Y, a …": the parser made the name before
                # the comma the noun's subject.
                return reader.actors(subject)
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

    def predicated(self, noun: Token) -> bool:
        """Whether a verb states the noun of its subject or object ("X est / reste / est
        considéré comme le rival de Y"), so that the verb's modality is the relation's."""
        return self.frames.predicate_head(noun) is not None or self._regarded(noun) is not None

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
        sold = bought_from_owner(self.reader, self.words, noun)
        if sold is not None:  # "a racheté Y à son fondateur": Y's founder, not the buyer's
            return sold
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
                found = self.reader.subject(node)[0]
                if not found and self.reader.is_passive(node):
                    # "X a été débouté de sa plainte": the passive's subject owns it.
                    found = self.reader.object_actors(node)
                return found
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


def _has_case(token: Token) -> bool:
    """Whether a preposition introduces the phrase ("de Micron" does not name "le rival")."""
    return any(c.dep_ == LABELS.case_marker for c in token.children)
