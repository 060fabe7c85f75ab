"""The conflict–cooperation score of each event, turned by its context.

Every event starts with its type's base score (CAMEO/Goldstein, ``ontology/event_types.toml``).
Some readings of a type score otherwise: a *hostile* bid is a demand, not an offer to cooperate;
calling someone "escroc" is an *insult*, worse than a critique; a refund paid within a dispute is a
*settlement*. The ontology scores each such context per type (``[TYPE.contexts.NAME]``); the
lexicon of each language says which words signal it (``[scoring.NAME]``); this module only
matches the one against the other, so that no word of any language lives in the code.

A politely refused offer is *not* a context: the BID keeps its positive score (the act when made)
and the REJECT that answers it carries the conflict (−4.0). An offer *fought* is: refused by its
target, or by someone the bidder is otherwise in conflict with in the same document (attacks,
lawsuits, threats) — Musk's bid for OpenAI, rejected by an Altman he keeps accusing, is a move
in a feud, not an intent to cooperate (cue tables with ``resisted = true``). See ``docs/events.md``.

The matching is pure (:func:`context_of`, :func:`rescore`) over :class:`Scope` records, which
:func:`scope_of` reads off a parsed document.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from chronique.data import lexicon
from chronique.identity.ontology import event_types, score_of
from chronique.model import EXPORTED_MODALITIES, Event
from chronique.nlp.extensions import text_of
from chronique.nlp.tokens import expanded_bounds, token_table
from chronique.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from chronique.extract.events.lexicon import EventLexicon

__all__ = ["ScoreCue", "Scope", "load_score_cues", "context_of", "rescore", "scope_of"]

SCOPES = ("evidence", "sentence")
#: The type of the event that answers an offer with a refusal (``resisted`` contexts).
REJECTION = "REJECT"


@dataclass(frozen=True)
class ScoreCue:
    """The words that signal one context in one language (a ``[scoring.NAME]`` table)."""

    name: str
    scope: str
    triggers: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    needs_conflict: bool = False
    #: Holds (with no word needed) when the event's target, or an adversary of its source, rejects it.
    resisted: bool = False


@dataclass(frozen=True)
class Scope:
    """What the scorer reads around one event.

    ``trigger``: the trigger's lemma candidates; ``words``: per scope, the (form, lemma) pairs
    of its tokens in order; ``texts``: per scope, its lowered text and its lemmas joined by spaces.
    """

    trigger: frozenset[str]
    words: dict[str, tuple[tuple[str, str], ...]]
    texts: dict[str, tuple[str, str]]


def _cue(name: str, table: dict[str, Any], data: dict[str, Any]) -> ScoreCue:
    words = {fold(w) for w in table.get("words", [])}
    for reference in table.get("words_from", []):
        section, _, key = reference.partition(".")
        words |= {fold(w) for w in data.get(section, {}).get(key, [])}
    scope = table.get("scope", "evidence")
    if scope not in SCOPES:
        raise ValueError(f"[scoring.{name}]: scope must be one of {SCOPES}, not {scope!r}")
    return ScoreCue(
        name=name, scope=scope,
        triggers=frozenset(fold(w) for w in table.get("triggers", [])),
        words=frozenset(words),
        phrases=tuple(fold(p) for p in table.get("phrases", [])),
        needs_conflict=bool(table.get("needs_conflict", False)),
        resisted=bool(table.get("resisted", False)),
    )


@cache
def load_score_cues(lang: str) -> tuple[dict[str, ScoreCue], frozenset[str]]:
    """The context cues of a language by name, and its negators ("non hostile" is not hostile)."""
    data = lexicon(lang, "events")
    section = data.get("scoring", {})
    cues = {name: _cue(name, table, data) for name, table in section.items() if isinstance(table, dict)}
    return cues, frozenset(fold(w) for w in section.get("negators", []))


def _has_word(cue: ScoreCue, words: Sequence[tuple[str, str]], negators: frozenset[str]) -> bool:
    for index, (form, lemma) in enumerate(words):
        if (form in cue.words or lemma in cue.words) and not (index and words[index - 1][0] in negators):
            return True
    return False


def _has_phrase(cue: ScoreCue, texts: tuple[str, str]) -> bool:
    return any(
        # The phrase as a substring first: only then can the pattern (the phrase, whole words) match.
        phrase in text and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) for phrase in cue.phrases for text in texts
    )


def _holds(cue: ScoreCue, scope: Scope, negators: frozenset[str], in_conflict: bool, resisted: bool = False) -> bool:
    if cue.resisted:
        return resisted
    if cue.needs_conflict and not in_conflict:
        return False
    return (
        bool(scope.trigger & cue.triggers)
        or _has_word(cue, scope.words.get(cue.scope, ()), negators)
        or _has_phrase(cue, scope.texts.get(cue.scope, ("", "")))
    )


def context_of(event: Event, scope: Scope, lang: str, in_conflict: bool = False, resisted: bool = False) -> str | None:
    """The first context of the event's type (ontology order) that its words (or, for a
    ``resisted`` cue, the document's other events) signal, if any."""
    info = event_types().get(event.type)
    if info is None:
        return None
    cues, negators = load_score_cues(lang)
    for context in info.contexts:
        cue = cues.get(context.name)
        if cue is not None and _holds(cue, scope, negators, in_conflict, resisted):
            return context.name
    return None


def _conflict_pairs(events: Sequence[Event]) -> set[frozenset[str]]:
    """Pairs of actors between whom the document tells a conflictual act (base score < 0)."""
    pairs: set[frozenset[str]] = set()
    for event in events:
        base = score_of(event.type)
        if base is not None and base < 0 and event.modality in EXPORTED_MODALITIES:
            pairs.update(frozenset((s, t)) for s in event.sources for t in event.targets if s != t)
    return pairs


def _resisted(event: Event, events: Sequence[Event], feuds: set[frozenset[str]]) -> bool:
    """Whether an exported rejection aims at the event's source from its target, or from someone
    the source is otherwise in conflict with (``feuds``: conflicts other than rejections)."""
    for other in events:
        if other.type != REJECTION or other.modality not in EXPORTED_MODALITIES:
            continue
        for rejecter in other.sources:
            for bidder in set(other.targets) & set(event.sources):
                if rejecter in event.targets or frozenset((rejecter, bidder)) in feuds:
                    return True
    return False


def rescore(events: Sequence[Event], scopes: Sequence[Scope], lang: str) -> list[Event]:
    """The events with the score of their context (the base score when none holds)."""
    conflicts = _conflict_pairs(events)
    feuds = _conflict_pairs([e for e in events if e.type != REJECTION])
    result = []
    for event, scope in zip(events, scopes, strict=True):
        in_conflict = any(frozenset((s, t)) in conflicts for s in event.sources for t in event.targets)
        name = context_of(event, scope, lang, in_conflict, _resisted(event, events, feuds))
        info = event_types().get(event.type)
        if info is None:
            result.append(event)
            continue
        reading = next((c for c in info.contexts if c.name == name), info) if name is not None else info
        result.append(dataclasses.replace(event, score=reading.score, cameo=reading.cameo,
                                          plover=reading.plover))
    return result


def _words(doc: Doc, start: int, end: int) -> tuple[tuple[str, str], ...]:
    # the tokens of doc.char_span(start, end, alignment_mode="expand"), read off the token table
    bounds = expanded_bounds(doc, start, end)
    if bounds is None:
        return ()
    tokens = token_table(doc)
    return tuple(zip(tokens.folded[bounds[0] : bounds[1]], tokens.folded_lemmas[bounds[0] : bounds[1]]))


def scope_of(doc: Doc, event: Event, words: EventLexicon) -> Scope:
    """The trigger, the evidence and the sentence of an event, read off the parsed document."""
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    lemmas = frozenset(c for token in trigger or () for c in words.lemma_candidates(token))
    bounds = {
        "evidence": (event.start, event.end),
        "sentence": (event.sentence_start if event.sentence_start is not None else event.start,
                     event.sentence_end if event.sentence_end is not None else event.end),
    }
    scope_words = {name: _words(doc, *span) for name, span in bounds.items()}
    texts = {
        name: (fold(text_of(doc)[start:end]), " ".join(lemma for _, lemma in scope_words[name]))
        for name, (start, end) in bounds.items()
    }
    return Scope(lemmas, scope_words, texts)
