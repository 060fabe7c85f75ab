"""Objects a gapped coordination adds to a verb: "Google a racheté YouTube en 2006 et Waze en
2013", "X s'est offert A pour 19 milliards et B pour 10,7 milliards".

French leaves the verb out of the second conjunct ("et [a racheté] Waze en 2013"); the parser
hangs the second object on the verb itself as a conjunct, or on the first conjunct's adjunct
(the price, the date). A name so hung after the verb's object, that opens no clause of its own
(no verb or auxiliary right after it), is another object of the verb. One with a date of its own
("et Waze en 2013") is left out: the event would take the first object's date, and no date is
better than a wrong one.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import OBLIQUE_DEPS
from chronique.extract.events.phrase_names import actor_at, opens_clause
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme

__all__ = ["conjunct_span", "gapped_objects", "gapped_spans"]

LABELS = dependency_scheme("ud")
#: Parts of speech of a gapped second object (the tagger may leave an unknown name untagged).
NAME_POS = frozenset({"PROPN", "NOUN", "X"})


def gapped_objects(reader: ParseReader, verb: Token, obj: Token) -> list[str]:
    """Actors named as further objects of ``verb`` in a gapped coordination after ``obj``."""
    return list(gapped_spans(reader, verb, obj))


def gapped_spans(reader: ParseReader, verb: Token, obj: Token) -> dict[str, tuple[int, int]]:
    """Each gapped object's actor and the character span of its conjunct ("Symantec pour 10,7
    milliards de dollars"): the amount said there is that object's, not the first's."""
    candidates = [c for c in verb.conjuncts if c.head == verb and c.i > obj.i]
    for phrase in verb.children:
        if phrase.dep_ in OBLIQUE_DEPS and phrase.i > obj.i and actor_at(phrase) is None:
            candidates.extend(c for c in phrase.conjuncts if c.head == phrase and c.i > phrase.i)
    # "X a été racheté par A et B/conj(racheté)": a conjunct after the passive's agent is
    # another agent, not an object.
    agents = [c.i for c in verb.children if c.dep_ == LABELS.passive_agent]
    found: dict[str, tuple[int, int]] = {}
    for name in sorted(candidates, key=lambda t: t.i):
        if any(a < name.i for a in agents):
            continue
        if name.pos_ not in NAME_POS or actor_at(name) is None or opens_clause(name, verb) or _dated(name):
            continue
        for key in reader.actors(name):
            found.setdefault(key, conjunct_span(name))
    return found


def conjunct_span(name: Token) -> tuple[int, int]:
    """The characters of the conjunct ``name`` opens: up to the next punctuation or coordinator."""
    doc = name.doc
    last = next((t for t in doc[name.i + 1 : name.sent.end] if t.is_punct or t.pos_ == "CCONJ"), None)
    return name.idx, (last.idx if last is not None else doc[name.sent.end - 1].idx + len(doc[name.sent.end - 1].text))


def _dated(name: Token) -> bool:
    """Whether a timex follows ``name`` in its conjunct ("Waze en 2013", "Bouygues mardi"),
    wherever the parser hung it."""
    start, end = conjunct_span(name)
    return any(start <= timex.start < end for timex in name.doc._.timexes or [])
