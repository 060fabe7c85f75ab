"""The event lexicon of one language, read from ``resources/lexicons/<lang>/events.toml``.

Which words evoke which event type, and where the actors sit in the parse, is language data
(DESIGN.md, principle 4): this module only turns the TOML into typed, indexed records so that the
extractor can ask "which entries does this token trigger?" in constant time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Token

from chronique.data import lexicon
from chronique.extract.events.misread import misread_present, verb_read_as_noun
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["TriggerEntry", "EventLexicon", "load_event_lexicon"]

LABELS = dependency_scheme("ud")
#: The parts of speech a trigger entry may be found for (no other token evokes an event).
TRIGGER_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "AUX", "ADP"})
#: Distinct words whose lemma candidates are kept (the memo is emptied when full).
_MEMO_SIZE = 200_000


@dataclass(frozen=True)
class TriggerEntry:
    """One way of stating an event: trigger words, argument slots and constraints."""

    type: str
    kind: str  # "verb" or "noun"
    lemmas: frozenset[str]
    roles: tuple[tuple[str, str], ...]  # (slot, role) in lexicon order
    object_lemmas: frozenset[str] = frozenset()
    needs_child: frozenset[str] = frozenset()
    #: No word within two links under the trigger may be one of these ("remercier X pour son
    #: travail" thanks; "X a été remercié par le club" is dismissed).
    unless_near: frozenset[str] = frozenset()
    #: No complement of the trigger may open with one of these prepositions: "A et B se sont
    #: associés à l'hommage", "se sont rapprochés du podium" join a thing or come near it; the
    #: two subjects are no partners.
    unless_oblique: frozenset[str] = frozenset()
    reflexive: bool = False
    #: Only in a passive clause ("X a été remercié": dismissed; "X a remercié Y": thanked).
    passive_only: bool = False
    predicative: bool = False
    source_types: frozenset[str] = frozenset()
    target_types: frozenset[str] = frozenset()
    when_proposed: str | None = None
    counterpart: str | None = None
    answers: bool = False
    needs_cue: str | None = None
    object_owner: bool = False
    #: A noun the verb governing it claims from someone ("réclamer à X le remboursement de …")
    #: tells no act of its own: the claim is the request; who would pay is not who claims.
    unless_claimed: bool = False
    #: (type, words): the event takes that type when its sentence holds one of the words
    #: ("acquérir 5 % de X à l'occasion d'une levée de fonds" is an investment).
    in_context: tuple[tuple[str, frozenset[str]], ...] = ()
    #: Keep trying the next entries after this one made an event ("le remplacement de X par Y":
    #: X leaves, Y joins).
    and_then: bool = False
    #: The target must be named in the trigger's sentence, not told by a description there ("la
    #: société X est détenue depuis 2019 par Y", not "l'entreprise familiale est détenue …").
    named_target: bool = False
    confidence: float = 0.8
    #: A name for error analysis ("ACCUSE verb accuser"): the type, the kind and the first lemma.
    rule: str = ""

    @classmethod
    def from_record(cls, kind: str, record: dict[str, Any]) -> TriggerEntry:
        return cls(
            type=record["type"],
            kind=kind,
            lemmas=frozenset(fold(w) for w in record["lemmas"]),
            roles=tuple(record.get("roles", {}).items()),
            object_lemmas=frozenset(fold(w) for w in record.get("object_lemmas", [])),
            needs_child=frozenset(fold(w) for w in record.get("needs_child", [])),
            unless_near=frozenset(fold(w) for w in record.get("unless_near", [])),
            unless_oblique=frozenset(fold(w) for w in record.get("unless_oblique", [])),
            reflexive=bool(record.get("reflexive", False)),
            passive_only=record.get("voice") == "passive",
            predicative=bool(record.get("predicative", False)),
            source_types=frozenset(record.get("source_types", [])),
            target_types=frozenset(record.get("target_types", [])),
            when_proposed=record.get("when_proposed"),
            counterpart=record.get("counterpart"),
            answers=bool(record.get("answers", False)),
            needs_cue=record.get("needs_cue"),
            object_owner=bool(record.get("object_owner", False)),
            unless_claimed=bool(record.get("unless_claimed", False)),
            and_then=bool(record.get("and_then", False)),
            named_target=bool(record.get("named_target", False)),
            in_context=tuple((t, frozenset(fold(w) for w in ws)) for t, ws in record.get("in_context", {}).items()),
            confidence=float(record.get("confidence", 0.6 if kind == "noun" else 0.8)),
            rule=str(record.get("rule") or f"{record['type']} {kind} {record['lemmas'][0]}"),
        )


@dataclass
class EventLexicon:
    """Trigger entries indexed by lemma, and the word lists of the other sections."""

    verbs: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    nouns: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    verb_endings: tuple[str, ...] = ()
    #: The ending that makes a lemma of a stem ``verb_endings`` leave ("fond" + "er").
    infinitive_ending: str = ""
    #: (letters dropped, ending added): how a verb form is read as an infinitive ("accusé" -> "accuser").
    infinitive_rebuilds: tuple[tuple[int, str], ...] = ()
    #: (written, plain): how a stem is spelt before some endings ("menaç" is "menac" + "er").
    stem_spellings: tuple[tuple[str, str], ...] = ()
    syntax: dict[str, frozenset[str]] = field(default_factory=dict)
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    replies: dict[str, frozenset[str]] = field(default_factory=dict)
    quotes: dict[str, frozenset[str]] = field(default_factory=dict)
    speech: dict[str, frozenset[str]] = field(default_factory=dict)
    _memo: dict[tuple[str, str], tuple[tuple[str, ...], bool]] = field(default_factory=dict, repr=False, compare=False)

    def words(self, section: str, name: str) -> frozenset[str]:
        """A word list of a section (empty when the language does not define it)."""
        return getattr(self, section).get(name, frozenset())

    def lemma_candidates(self, token: Token) -> list[str]:
        """The tagger's lemma, the lowered form and first-group lemmas rebuilt from the form.

        spaCy's French lemmatizer reads "fonde" as a form of "fondre", "réplique" as an adjective
        and leaves "menaçant" as it is; rebuilding "-er" lemmas from the endings (and the stem's
        spelling: "menaç" -> "menac") recovers them.
        """
        tokens = token_table(token.doc)
        return list(self._word(tokens.folded[token.i], tokens.folded_lemmas[token.i])[0])

    def word_candidates(self, folded: str, folded_lemma: str) -> tuple[str, ...]:
        """The lemma candidates of a word given by its folded form and lemma (memoised)."""
        return self._word(folded, folded_lemma)[0]

    def may_trigger(self, folded: str, folded_lemma: str) -> bool:
        """Whether a word (folded form and lemma) can evoke any trigger entry, verb or noun: when
        not, :meth:`entries_for` finds none, whatever the token's part of speech and children."""
        return self._word(folded, folded_lemma)[1]

    def _word(self, folded: str, folded_lemma: str) -> tuple[tuple[str, ...], bool]:
        """A word's lemma candidates and whether one of them (or its folded form) is in either
        table, worked out once per distinct word: a pure function of the two strings."""
        key = (folded, folded_lemma)
        known = self._memo.get(key)
        if known is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            candidates = tuple(self._rebuilt_candidates(folded, folded_lemma))
            hit = any(c in self.verbs or c in self.nouns for c in (*candidates, folded))
            known = self._memo[key] = (candidates, hit)
        return known

    def _rebuilt_candidates(self, folded: str, folded_lemma: str) -> list[str]:
        lower = folded.lstrip("-")
        found = [folded_lemma, lower]
        for ending in self.verb_endings:
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                stem = lower[: -len(ending)]
                found.append(stem + self.infinitive_ending)
                # Spelling that keeps a stem's sound before "a"/"o": "menaç-ant", "partage-ant".
                found.extend(stem[: -len(spelt)] + plain + self.infinitive_ending
                             for spelt, plain in self.stem_spellings if stem.endswith(spelt))
        return found

    def entries_for(self, token: Token) -> list[TriggerEntry]:
        """Trigger entries the token may evoke, verbs for predicates and nouns for nouns
        (worked out once per token and ``Doc``: the component asks twice)."""
        tokens = token_table(token.doc)
        memo = tokens.memo.setdefault(("event entries", id(self)), {})
        entries = memo.get(token.i)
        if entries is None:
            entries = memo[token.i] = self._entries_for(token, tokens)
        return entries

    def _entries_for(self, token: Token, tokens: TokenTable | None = None) -> list[TriggerEntry]:
        i = token.i
        tokens = tokens if tokens is not None else token_table(token.doc)  # read once, by index
        pos = tokens.pos[i]
        if pos not in TRIGGER_POS:
            return []
        folded, folded_lemma = tokens.folded[i], tokens.folded_lemmas[i]
        if not self.may_trigger(folded, folded_lemma):
            return []
        if pos == "ADP" and not self._misread_present(token):
            return []  # a preposition, unless a verb form misread ("X entre/ADP au capital de Y")
        if pos in ("NOUN", "PROPN"):
            parse = parse_table(token.doc)
            children = {parse.deps[c] for c in parse.children[i]}
        else:
            children = set()
        # A noun with a subject but no copula is a verb the tagger misread ("réplique"), unless it
        # is itself a clause's subject ("Le groupe X/nsubj, principal concurrent/nsubj de Y, a …").
        is_noun = pos in ("NOUN", "PROPN") and (LABELS.subject not in children or LABELS.copula in children
                                                or parse_table(token.doc).deps[i] in LABELS.subjects)
        if pos == "VERB" and verb_read_as_noun(token):
            is_noun = True  # "l'offre/VERB de rachat": a determiner makes it a noun
        if is_noun and self._fronted_participle(token):
            is_noun = False  # "Nommé à la tête de X, Y …": a fronted participle the tagger made a noun
        if is_noun and self._misread_present(token):
            is_noun = False  # "Greenpeace attaque/NOUN TotalEnergies": a present verb the tagger made a noun
        table = self.nouns if is_noun else self.verbs
        candidates = self._word(folded, folded_lemma)[0] if not is_noun else (folded_lemma, folded)
        for lemma in candidates:
            if lemma in table:
                return table[lemma]
        return []

    def _misread_present(self, token: Token) -> bool:
        return misread_present(token, self)

    def _fronted_participle(self, token: Token) -> bool:
        """Whether ``token`` opens its sentence with a past participle's ending and a comma after."""
        tokens = token_table(token.doc)
        if not tokens.texts[token.i][:1].isupper():
            return False
        start, end = parse_table(token.doc).sentence_bounds(token.i)
        if token.i != start:
            return False
        if not any(tokens.folded[token.i].endswith(e) for e in self.words("syntax", "fronted_participle_endings")):
            return False
        return "," in tokens.texts[token.i + 1 : end]


def _index(entries: list[TriggerEntry]) -> dict[str, list[TriggerEntry]]:
    index: dict[str, list[TriggerEntry]] = {}
    for entry in entries:
        for lemma in entry.lemmas:
            index.setdefault(lemma, []).append(entry)
    return index


def _word_lists(section: dict[str, Any]) -> dict[str, frozenset[str]]:
    return {name: frozenset(fold(w) for w in words) for name, words in section.items() if isinstance(words, list)}


def _shared_syntax(lang: str) -> dict[str, list[str]]:
    """The clause words the references lexicon keeps for events and descriptions alike, and the
    participles that name a noun ("une batterie, baptisée X") the actors lexicon keeps."""
    try:
        shared = lexicon(lang, "references")
    except FileNotFoundError:
        return {}
    try:
        naming = lexicon(lang, "actors").get("naming_participles", {}).get("words", [])
    except FileNotFoundError:
        naming = []
    return {"agent_prepositions": shared.get("agent_prepositions", []),
            "object_control": shared.get("object_control_verbs", []),
            "naming_participles": naming}


@cache
def load_event_lexicon(lang: str) -> EventLexicon:
    """The event lexicon of ``lang``, parsed once per process."""
    data = lexicon(lang, "events")
    verbs = [TriggerEntry.from_record("verb", r) for r in data.get("verb", [])]
    nouns = [TriggerEntry.from_record("noun", r) for r in data.get("noun", [])]
    return EventLexicon(
        verbs=_index(verbs),
        nouns=_index(nouns),
        verb_endings=tuple(sorted(data.get("verb_endings", []), key=len, reverse=True)),
        infinitive_ending=data.get("infinitive_ending", ""),
        infinitive_rebuilds=tuple((int(drop), str(ending)) for drop, ending in data.get("infinitive_rebuilds", [])),
        stem_spellings=tuple((str(spelt), str(plain)) for spelt, plain in data.get("stem_spellings", [])),
        syntax=_word_lists({**data.get("syntax", {}), **_shared_syntax(lang)}),
        modality=_word_lists(data.get("modality", {})),
        replies=_word_lists(data.get("replies", {})),
        quotes=_word_lists(data.get("quotes", {})),
        speech=_word_lists(data.get("speech", {})),
    )
