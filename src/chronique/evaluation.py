"""Error analysis of events against a gold file: hits, misses and false events, per type and rule.

``chronique evaluate`` annotates documents and compares their events with gold annotations in
the evaluation kit's format (one JSON object per document: ``entities`` with names and aliases,
``events`` with type, source, target, date, evidence and an ``optional`` flag). The comparison
follows the kit's conventions so that its figures agree with the referee's:

- a system entity stands for a gold entity when its name or an alias equals one of the gold
  entity's names or aliases once normalised (case, apostrophes, spacing, leading determiners),
  else when its mentions overlap the gold aliases' occurrences in the text (majority vote);
- a system event expands to every (source, target) pair; a pair is a *hit* when a gold event of
  the same type has the same actors (either way round for symmetric types), *false* when none
  has, and neither when every such gold event is already taken (a repeat of a found event);
- a gold event no pair takes is a *miss*; optional gold events neither help nor hurt;
- a gold date is met by a system date of the same or finer grain inside it.

The point is the detail: each outcome keeps its sentence and the lexicon entry or rule that
produced the event (``Event.rule``), so a noisy entry shows up as a row of false events.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.errors import InputError
from chronique.model import EXPORTED_MODALITIES, Annotations, Event
from chronique.text import fold_key

__all__ = ["Counts", "Outcome", "EventEvaluation", "evaluate_events", "read_gold", "normalise_name"]

#: Leading words dropped before names are compared ("l'Union européenne" is "union européenne").
LEADING_DETERMINERS = ("de la ", "de l'", "le ", "la ", "les ", "l'", "du ", "des ", "d'", "un ", "une ",
                       "the ", "a ")
#: Event types whose source and target may be read either way round.
SYMMETRIC_TYPES = frozenset({"PARTNER", "COMPETE"})
#: What an outcome is: a gold event found, a gold event missed, a system event gold does not have.
HIT, MISS, FALSE = "hit", "miss", "false"


def normalise_name(name: str) -> str:
    """A name as names are compared: case folded, apostrophes unified, determiners dropped."""
    text = " ".join(fold_key(name).split()).strip(" .,;:!?\"«»“”()[]")
    shortened = True
    while shortened:
        shortened = False
        for determiner in LEADING_DETERMINERS:
            if text.startswith(determiner) and len(text) > len(determiner):
                text, shortened = text[len(determiner):], True
    return text


def _whole_word_spans(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def date_fits(gold: str | None, system: str | None) -> bool:
    """Whether a system date meets a gold one: equal, or finer and inside it ("2025-10-30" in "2025-10")."""
    if not gold:
        return True
    if not system:
        return False
    wanted, given = gold.upper(), system.upper()
    return given == wanted or (given.startswith(wanted) and len(given) > len(wanted) and given[len(wanted)] in "-T")


@dataclass(frozen=True)
class Outcome:
    """One hit, miss or false event, with what a reader needs to judge it."""

    kind: str
    document: str
    type: str
    source: str
    target: str
    sentence: str
    rule: str | None = None
    gold_date: str | None = None
    system_date: str | None = None

    @property
    def dated(self) -> bool:
        """Whether this is a hit on a gold event that has a date (it counts for date accuracy)."""
        return self.kind == HIT and bool(self.gold_date)

    @property
    def date_right(self) -> bool:
        return date_fits(self.gold_date, self.system_date)


@dataclass
class Counts:
    """Hits, misses and false events of one type or rule, and the dates of the hits."""

    hits: int = 0
    misses: int = 0
    false: int = 0
    dated: int = 0
    dated_right: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.kind == HIT:
            self.hits += 1
            if outcome.dated:
                self.dated += 1
                self.dated_right += int(outcome.date_right)
        elif outcome.kind == MISS:
            self.misses += 1
        else:
            self.false += 1

    @property
    def precision(self) -> float:
        return self.hits / (self.hits + self.false) if self.hits + self.false else 0.0

    @property
    def recall(self) -> float:
        return self.hits / (self.hits + self.misses) if self.hits + self.misses else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EventEvaluation:
    """Every outcome of a comparison, and its counts by type, by rule and overall."""

    outcomes: list[Outcome] = field(default_factory=list)

    def total(self) -> Counts:
        counts = Counts()
        for outcome in self.outcomes:
            counts.add(outcome)
        return counts

    def by_type(self) -> dict[str, Counts]:
        return self._grouped(lambda o: o.type)

    def by_rule(self) -> dict[str, Counts]:
        """Hits and false events per rule (misses have no rule: nothing produced them)."""
        return self._grouped(lambda o: o.rule or "(no rule)", kinds=(HIT, FALSE))

    def _grouped(self, key: Any, kinds: tuple[str, ...] = (HIT, MISS, FALSE)) -> dict[str, Counts]:
        groups: dict[str, Counts] = {}
        for outcome in self.outcomes:
            if outcome.kind in kinds:
                groups.setdefault(key(outcome), Counts()).add(outcome)
        return dict(sorted(groups.items()))


# ---------------------------------------------------------------------------------- gold
def read_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold records by document id; a line that is no JSON object with an id is an error naming it."""
    gold: dict[str, dict[str, Any]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the gold file ({error})") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not a JSON line ({error.msg})") from error
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise InputError(f"{path}:{number}: a gold line must be a JSON object with an 'id'")
        for event in record.get("events") or []:
            if not isinstance(event, dict) or not {"type", "source", "target"} <= event.keys():
                raise InputError(f"{path}:{number} (document {record['id']}): an event needs type, source and target")
        gold[record["id"]] = record
    return gold


# ----------------------------------------------------------------------------- matching
class _EntityMap:
    """Which gold entity each system entity of one document stands for (None when none)."""

    def __init__(self, text: str, gold: list[dict[str, Any]], system: Annotations) -> None:
        by_name: dict[str, str] = {}
        occurrences: list[tuple[tuple[int, int], str]] = []
        self.gold_names = {e["id"]: e.get("name", e["id"]) for e in gold}
        for record in gold:
            for name in (record.get("name", ""), *(record.get("aliases") or [])):
                by_name.setdefault(normalise_name(name), record["id"])
                occurrences.extend((span, record["id"]) for span in _whole_word_spans(text, name))
        self.to_gold: dict[str, str | None] = {}
        self.names: dict[str, str] = {}
        for entity in system.entities:
            self.names[entity.key] = entity.name
            found = next((by_name[n] for n in map(normalise_name, (entity.name, *entity.aliases)) if n in by_name), None)
            if found is None:
                votes: dict[str, int] = {}
                for mention in entity.mentions:
                    for span, gold_id in occurrences:
                        if _overlaps(mention, span):
                            votes[gold_id] = votes.get(gold_id, 0) + 1
                found = max(votes, key=lambda k: votes[k]) if votes else None
            self.to_gold[entity.key] = found


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding text[start:end], for display."""
    left = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0, text.rfind("\n", 0, start) + 1)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left:right].split())


def _evidence_sentence(text: str, evidence: str) -> str:
    where = text.find(evidence) if evidence else -1
    if where < 0:
        return " ".join(evidence.split())
    return _sentence_around(text, where, where + len(evidence))


def _event_sentence(text: str, event: Event) -> str:
    start = event.sentence_start if event.sentence_start is not None else event.start
    end = event.sentence_end if event.sentence_end is not None else event.end
    return " ".join(text[start:end].split())


def _document_outcomes(document_id: str, system: Annotations, gold: dict[str, Any]) -> Iterator[Outcome]:
    text = system.document.text
    entities = _EntityMap(text, gold.get("entities") or [], system)
    gold_events = gold.get("events") or []
    taken = [False] * len(gold_events)

    def gold_name(key: str | None) -> str:
        return entities.gold_names.get(key, key) if key else "?"

    for event in system.events:
        if event.modality not in EXPORTED_MODALITIES:
            continue
        for source in event.sources:
            for target in event.targets:
                pair = (entities.to_gold.get(source), entities.to_gold.get(target))
                fitting = [i for i, g in enumerate(gold_events) if _fits(g, event.type, pair)]
                if not fitting:
                    yield Outcome(FALSE, document_id, event.type, entities.names.get(source, source),
                                  entities.names.get(target, target), _event_sentence(text, event),
                                  event.rule, None, event.date)
                    continue
                free = [i for i in fitting if not taken[i]]
                # A dated event first takes a gold event its date fits; required before optional.
                free.sort(key=lambda i: (not (event.date and date_fits(gold_events[i].get("date"), event.date)),
                                         bool(gold_events[i].get("optional"))))
                if not free:
                    continue  # a repeat of an event already found
                taken[free[0]] = True
                chosen = gold_events[free[0]]
                if not chosen.get("optional"):
                    yield Outcome(HIT, document_id, event.type, gold_name(pair[0]), gold_name(pair[1]),
                                  _event_sentence(text, event), event.rule, chosen.get("date"), event.date)
    for index, missed in enumerate(gold_events):
        if not taken[index] and not missed.get("optional"):
            yield Outcome(MISS, document_id, missed["type"], gold_name(missed["source"]), gold_name(missed["target"]),
                          _evidence_sentence(text, missed.get("evidence") or ""), None, missed.get("date"))


def _fits(gold: dict[str, Any], event_type: str, pair: tuple[str | None, str | None]) -> bool:
    if gold["type"] != event_type or None in pair:
        return False
    actors = (gold["source"], gold["target"])
    return actors == pair or (event_type in SYMMETRIC_TYPES and actors == pair[::-1])


def evaluate_events(annotated: Iterable[Annotations], gold: dict[str, dict[str, Any]]) -> EventEvaluation:
    """Compare the events of annotated documents with the gold of the same ids.

    Documents without gold are skipped; gold documents that were not annotated count their
    events as misses (with the evidence as sentence), so nothing silently drops out.
    """
    evaluation = EventEvaluation()
    seen: set[str] = set()
    for document in annotated:
        document_id = document.document.id
        if document_id not in gold:
            continue
        seen.add(document_id)
        evaluation.outcomes.extend(_document_outcomes(document_id, document, gold[document_id]))
    for document_id, record in gold.items():
        if document_id in seen:
            continue
        names = {e["id"]: e.get("name", e["id"]) for e in record.get("entities") or []}
        for event in record.get("events") or []:
            if not event.get("optional"):
                evaluation.outcomes.append(Outcome(
                    MISS, document_id, event["type"], names.get(event["source"], event["source"]),
                    names.get(event["target"], event["target"]), " ".join((event.get("evidence") or "").split()),
                    None, event.get("date"),
                ))
    return evaluation
