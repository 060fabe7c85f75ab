"""A seat on an organisation's board, told by a verb: "X siège au conseil d'administration de Y",
"X, qui siège aussi au conseil de surveillance du groupe, …" (X sits on Y's board).

The model often tags "siège" a noun (the seat), so the rule reads the words, not the parse: a
person's mention, then (after "qui" or adverbs) a form of the verb, "à"/"au", a board's name of
the lexicon and its organisation after "de". A negation after the verb ("ne siège pas") states
no seat; "ne … plus" still tells one held before, which the gold keeps. Words are data
(``[seat_verbs]`` of ``relations.toml``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from chronique.extract.relations.base import RelationRules
from chronique.extract.relations.doc_actors import DocActors
from chronique.extract.relations.nouns import ROLE
from chronique.model import Relation
from chronique.nlp.extensions import ActorMention
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["SeatRules"]

#: A seat table's words: verb forms, boards with their titles, links, prepositions, denials.
_SeatWords = tuple[frozenset[str], list[tuple[tuple[str, ...], str]], frozenset[str], frozenset[str], frozenset[str]]


class SeatRules(RelationRules):
    """ROLE board (or the body's title) of a person who sits on an organisation's board."""

    @staticmethod
    def _seat_words(table: dict[str, Any]) -> _SeatWords:
        forms = frozenset(fold(x) for x in table.get("forms", ()))
        bodies = sorted(((tuple(fold(b).replace("'", "' ").split()), t) for b, t in table.get("bodies", {}).items()),
                        key=lambda item: len(item[0]), reverse=True)
        links = frozenset(fold(x) for x in table.get("links", ()))
        preps = frozenset(fold(x) for x in table.get("prepositions", ()))
        denials = frozenset(fold(x) for x in table.get("denials", ()))
        return forms, bodies, links, preps, denials

    def _seat_relations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """"X siège au conseil d'administration de Y": ROLE X → Y with the body's title; "X
        préside le conseil d'orientation de Y" (``[seat_verbs.chairing]``): ROLE chair."""
        seats = self.words.get("seat_verbs", {})
        chairing = dict(seats, **seats.get("chairing", {}))
        return (self._seats(doc, actors, self._seat_words(seats))
                + self._seats(doc, actors, self._seat_words(chairing)))

    def _seats(self, doc: Doc, actors: DocActors, words: _SeatWords) -> list[Relation]:
        forms, bodies, links, preps, denials = words
        if not forms:
            return []
        tokens = token_table(doc)
        folded = tokens.folded
        found: list[Relation] = []
        for i, word in enumerate(folded):
            if word not in forms:
                continue
            person = self._seat_holder(doc, i, links, actors)
            if person is None:
                continue
            j = i + 1
            if j < len(doc) and folded[j] in denials:
                continue
            while j < len(doc) and folded[j] in links:
                j += 1
            if j >= len(doc) or folded[j] not in preps:
                continue
            j += 1
            body = next(((words, title) for words, title in bodies if tuple(folded[j : j + len(words)]) == words), None)
            if body is None:
                continue
            j += len(body[0])
            if j >= len(doc) or folded[j] not in self.of_words:
                continue
            org = self._seat_organisation(doc, j + 1, actors)
            if org is None:
                continue
            start = min(person[1], doc[i].idx)
            end = max(org[1], doc[j].idx + len(doc[j].text))
            found.append(Relation(ROLE, person[0], org[0], start, end, body[1]))
        return found

    def _seat_holder(self, doc: Doc, i: int, links: frozenset[str],
                     actors: DocActors) -> tuple[str, int] | None:
        """The person's mention right before the verb, "qui", a comma or adverbs between."""
        folded = token_table(doc).folded
        k = i - 1
        while k >= 0 and (folded[k] in links or folded[k] in ("qui", ",", "ne", "n'")):
            k -= 1
        if k < 0 or doc[k].sent.start != doc[i].sent.start:
            return None
        mention = actors.by_end.get(doc[k].idx + len(doc[k].text))
        if mention is None or actors.type_of(mention.key) != "PERSON":
            return None
        return mention.key, mention.start

    def _seat_organisation(self, doc: Doc, j: int, actors: DocActors) -> tuple[str, int] | None:
        """The organisation after the board's "de": its name or description, after determiners
        and a classifying noun ("du club Nexima", "de l'orchestre")."""
        last = min(len(doc), j + 4)
        while j < last and self._complement_filler(doc[j]) and doc[j].idx not in actors.by_start:
            j += 1
        mention = actors.by_start.get(doc[j].idx) if j < len(doc) else None
        if mention is None or actors.type_of(mention.key) != "ORG":
            return None
        if mention.kind != "name" and not self._description_in_name(doc, mention, actors):
            return None
        return mention.key, mention.end

    @staticmethod
    def _description_in_name(doc: Doc, mention: ActorMention, actors: DocActors) -> bool:
        """Whether a description's noun is a word of the name it was resolved to ("l'orchestre" for
        the Orchestre philharmonique de Vendôme) or the noun that named it before ("le club
        Kalio … du club"): a seat is a precise fact, and a description resolved to another
        organisation of the article ("le club" to the club's sponsor) would give it to the wrong one."""
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        nouns = [fold(t.text) for t in span or () if t.pos_ in ("NOUN", "PROPN")]
        if not nouns:
            return False
        name = set(fold(mention.key.partition(":")[2]).replace("-", " ").replace("'", "' ").split())
        if nouns[-1] in name:
            return True
        for named in actors.mentions:
            if named.key != mention.key or named.kind != "name":
                continue
            first = doc.char_span(named.start, named.end, alignment_mode="expand")
            if first is not None and any(fold(t.text) == nouns[-1] for t in doc[max(0, first.start - 3) : first.start]):
                return True
        return False
