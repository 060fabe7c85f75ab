"""The tense of the clause around a span, read from a spaCy parse, as a direction in time.

"lundi" in "Il a démissionné lundi" is last Monday, in "Il partira lundi" next Monday: the
resolver needs -1 (past), +1 (future) or 0 (present). This module only reads ``Token.morph`` and
the dependency tree, so it works for any language whose model fills Universal Dependencies
features; the one lexical fact (which auxiliary lemmas announce a future, "aller", "will")
comes from the language's lexicon.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from chronique.nlp.labels import dependency_scheme

__all__ = ["ClauseTense"]

_LABELS = dependency_scheme("ud")
_AUX_DEPS = _LABELS.auxiliaries
_PASSIVE = _LABELS.passive_auxiliary


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the tree, else the sentence's nearest verb."""
    for ancestor in (token, *token.ancestors):
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    verbs = [t for t in token.sent if t.pos_ in ("VERB", "AUX")]
    return min(verbs, key=lambda t: abs(t.i - token.i)) if verbs else None


def _direction_of_tense(token: Token) -> int | None:
    tense = token.morph.get("Tense", [])
    if "Fut" in tense:
        return 1
    if "Past" in tense or "Imp" in tense:
        return -1
    if "Pres" in tense:
        return 0
    return None


class ClauseTense:
    """Answers "what is the tense around characters [start, end)?" for one parsed ``Doc``."""

    def __init__(self, doc: Doc, future_auxiliaries: Collection[str],
                 prospective_participles: Collection[str] = ()) -> None:
        self.doc = doc
        self.future_auxiliaries = frozenset(future_auxiliaries)
        self.prospective = frozenset(prospective_participles)

    def __call__(self, start: int, end: int) -> int | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0 or not span.root.pos_:
            return None  # no tagger or parser ran: nothing to read
        try:
            verb = _governing_verb(span.root)
        except ValueError:  # no sentence boundaries
            return None
        return self.verb_direction(verb) if verb is not None else None

    def verb_direction(self, verb: Token) -> int | None:
        """-1, 0, +1 for a verb group (compound tenses are read through their auxiliary)."""
        auxiliaries = [child for child in verb.children if child.dep_ in _AUX_DEPS]
        for aux in auxiliaries:
            direction = _direction_of_tense(aux)
            if direction in (0, None) and aux.lemma_.lower() in self.future_auxiliaries:
                return 1  # "va annoncer", "will announce"
            if direction == 0 and aux.dep_ != _PASSIVE and "Part" in verb.morph.get("VerbForm", []):
                return -1  # a compound past: "a démissionné"
            if direction is not None:
                return direction
        if "Cnd" in verb.morph.get("Mood", []):
            return None
        if "Inf" in verb.morph.get("VerbForm", []) and verb.head != verb:
            return self._infinitive_direction(verb.head)
        if not auxiliaries and "Part" in verb.morph.get("VerbForm", []):
            return self._participle_direction(verb)
        return _direction_of_tense(verb)

    def _participle_direction(self, participle: Token) -> int | None:
        """A bare past participle tells something done ("Réélu dimanche", "l'opération annoncée
        fin mai"), unless it looks ahead ("prévue le 15", "reporté au 12 mars": the
        language's prospective participles); a present participle says nothing."""
        if "Past" not in participle.morph.get("Tense", []):
            return None
        if participle.lemma_.lower() in self.prospective or participle.lower_ in self.prospective:
            return 1
        return -1

    def _infinitive_direction(self, governor: Token) -> int | None:
        """An infinitive takes its time from the verb it depends on ("va annoncer" is future)."""
        if governor.pos_ not in ("VERB", "AUX"):
            return None
        direction = _direction_of_tense(governor)
        if direction == 0 and governor.lemma_.lower() in self.future_auxiliaries:
            return 1
        return direction
