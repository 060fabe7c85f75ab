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
from chronique.nlp.actor_index import actor_index
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table

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
    doc = verb.doc
    table = parse_table(doc)  # read by index: a Token only for each candidate
    heads, deps, index = table.heads, table.deps, actor_index(doc)
    candidates = [doc[c] for c in table.conjuncts(verb.i) if heads[c] == verb.i and c > obj.i]
    for phrase in table.children[verb.i]:
        if deps[phrase] in OBLIQUE_DEPS and phrase > obj.i and index.mention_at_index(phrase) is None:
            candidates.extend(doc[c] for c in table.conjuncts(phrase) if heads[c] == phrase and c > phrase)
    # "X a été racheté par A et B/conj(racheté)": a conjunct after the passive's agent is
    # another agent, not an object.
    agents = [c for c in table.children[verb.i] if deps[c] == LABELS.passive_agent]
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
    tokens = token_table(name.doc)  # read by index: no Span, no Token per word
    end = parse_table(name.doc).sentence_bounds(name.i)[1]
    punct, pos = tokens.is_punct, tokens.pos
    last = next((i for i in range(name.i + 1, end) if punct[i] or pos[i] == "CCONJ"), None)
    return name.idx, (tokens.starts[last] if last is not None else tokens.ends[end - 1])


def _dated(name: Token) -> bool:
    """Whether a timex follows ``name`` in its conjunct ("Waze en 2013", "Bouygues mardi"),
    wherever the parser hung it."""
    start, end = conjunct_span(name)
    return any(start <= timex.start < end for timex in name.doc._.timexes or [])
