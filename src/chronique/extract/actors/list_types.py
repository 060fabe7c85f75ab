"""Names typed by the list they stand in, and the plural cue that opens it.

"douze clubs (A, B, C)", "des films tels que « A » et « B »", "un groupe de médias : A, B, C":
a list's cue types all its members; failing a cue, the list's other members do, when at least
two of them are surely typed alike. Split from :mod:`context_types`, which calls it once per
article after each name has been typed alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

from chronique.extract.actors.names import WORDS, CueIndex, NamedSpan, line_before, span_text
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["ListTyper", "plural"]

#: How far before a list's first name its cue may stand, in tokens.
MAX_INTRO_TOKENS = 7
#: Parts of speech of the lower-case words a list's cue may stand before ("clubs européens").
INTRO_POS = frozenset({"ADJ", "NOUN", "ADP", "DET", "ADV", "NUM"})
#: Punctuation a list's cue may stand before ("clubs (", "médias :", "films comme «").
INTRO_PUNCTUATION = frozenset({"(", ":", "–", "—", "-", "«", '"', "“"})
SURE_SOURCES = frozenset({"kb", "pattern"})
#: Gaps between names whose answer is kept before the memo starts afresh (bounds memory).
MAX_KNOWN_GAPS = 50_000


def plural(phrase: str, endings: list[list[str]]) -> str:
    """The plural of a cue noun phrase, French spelling rules for the common cases: "club" →
    "clubs", "réseau social" → "réseaux sociaux", "fonds" → "fonds"; past a "de" only the
    head changes ("fonds d'investissement", "groupes de médias"). ``endings`` are the
    lexicon's irregular endings (singular, plural), longest first."""
    words = phrase.split(" ")
    head_only = any(w in ("de", "d'") or w.startswith("d'") for w in words)
    out = []
    for index, word in enumerate(words):
        if index > 0 and head_only:
            out.append(word)
            continue
        irregular = next((e for e in endings if word.endswith(e[0])), None)
        if word[-1:] in ("s", "x", "z") or not word[-1:].isalpha():
            out.append(word)
        elif irregular:
            out.append(word[: len(word) - len(irregular[0])] + irregular[1])
        else:
            out.append(word + "s")
    return " ".join(out)


class ListTyper:
    """Retypes the members of the lists of names an article holds."""

    def __init__(
        self, words: dict[str, Any], kinds: dict[str, Any], context: CueIndex, is_country: Callable[[str], bool],
    ) -> None:
        contractions = words["cue_contractions"]
        #: The cues before a lone name ("au capital de"): they type a list's first member too.
        self.context = context
        self.is_country = is_country
        cues = [(cue, etype) for etype, listed in words["cue_nouns"].items() for cue in listed if etype != "PERSON"]
        endings = sorted(words["plural_endings"], key=lambda e: len(e[0]), reverse=True)
        self.list_cues = CueIndex(cues + [(plural(cue, endings), etype) for cue, etype in cues], contractions)
        # a list's cue that tells no company from a product ("les plateformes telles que A, B")
        # gives the article's decision no vote, as the singular cue does not (kinds.toml)
        neutral = [(cue, "NEUTRAL") for cue in kinds["neutral_cues"]]
        self.neutral_list_cues = CueIndex(neutral + [(plural(cue, endings), kind) for cue, kind in neutral], contractions)
        self.complement_words = frozenset(words["list_complement_words"])
        self.markers = frozenset(fold(m) for marker in words["list_markers"] for m in marker.split(" "))
        self.separators = frozenset(fold(s) for sep in words["list_separators"] for s in sep.split(" "))
        #: The text between two names → whether it joins them in a list, across documents.
        self._joining_gaps: dict[str, bool] = {}

    def apply(self, doc: Doc, text: str, names: list[NamedSpan], list_kinds: dict[int, str]) -> list[NamedSpan]:
        """Retype every list's members; return the names found in the lists' gaps."""
        added: list[NamedSpan] = []
        for group in self._lists(doc, text, names):
            added += self._retype_list(doc, text, group, list_kinds)
        return added

    def _lists(self, doc: Doc, text: str, names: list[NamedSpan]) -> list[list[NamedSpan]]:
        """Runs of names joined by commas, "et", "ou", "mais aussi" (articles and plural cues
        allowed between: "A, les radios B et C"). A lone name counts when quoted ("la série
        « A »")."""
        ordered = sorted(names, key=lambda n: n.span.start)
        groups: list[list[NamedSpan]] = []
        current: list[NamedSpan] = []
        for name in ordered:
            if current and self._joins(text, current[-1], name):
                current.append(name)
                continue
            if current:
                groups.append(current)
            current = [name]
        if current:
            groups.append(current)
        return [g for g in groups if len(g) >= 2 or self._quoted(doc, g[0])]

    def _joins(self, text: str, left: NamedSpan, right: NamedSpan) -> bool:
        gap = text[left.span.end_char : right.span.start_char]
        if len(gap) > 40 or "\n" in gap or not gap.strip():
            return False
        joins = self._joining_gaps.get(gap)
        if joins is None:
            if len(self._joining_gaps) > MAX_KNOWN_GAPS:
                self._joining_gaps.clear()
            joins = self._joining_gaps[gap] = self._gap_joins(gap)
        return joins

    def _gap_joins(self, gap: str) -> bool:
        """Whether the text between two names joins them in a list (the same for the same text)."""
        words = WORDS.findall(gap.replace(",", " , ").replace(";", " ; "))
        joined = any(fold(w) in (",", ";", "et", "ou") for w in words)
        # one unfound name may stand between two found ones ("A, C8, B")
        unfound = [w for w in words if w[:1].isupper() or any(c.isdigit() for c in w)]
        known = [w for w in words if fold(w) in self.separators or self.list_cues.type_at_end(fold(w))]
        return joined and len(unfound) <= 1 and len(known) + len(unfound) == len(words)

    @staticmethod
    def _quoted(doc: Doc, name: NamedSpan) -> bool:
        start = name.span.start
        return start > 0 and token_table(doc).texts[start - 1] in ("«", '"', "“")

    def _retype_list(self, doc: Doc, text: str, group: list[NamedSpan], list_kinds: dict[int, str]) -> list[NamedSpan]:
        """Retype the list's members; return the names found in its gaps ("A, C8, B" after a
        cue: "C8" too). The kind a plural cue gives known members is noted in ``list_kinds``
        (by ``id`` of the name), for the article's decision (:mod:`doc_kinds`)."""
        if len(group) > 1 and self._list_word_between(text, group[0], group[1]):
            # "les services phares de Norvane, comme A et B", "les films Disney, comme A et B":
            # the first name is the cue's complement or the maker's brand, the list starts
            # after the list word
            group = group[1:]
        found, marked, cue_before = self._intro(doc, text, group[0])
        rule = "list-cue"
        if found is not None and marked and not self.neutral_list_cues.type_at_end(cue_before):
            list_kinds.update((id(n), found) for n in group if n.kb_id is not None)
        if found is None and len(group) >= 3:
            found, rule = self._shared_type(group), "list"
        if found is None:
            return []
        added = []
        if rule == "list-cue":
            for left, right in zip(group, group[1:], strict=False):
                for token in doc[left.span.end : right.span.start]:
                    if token.is_alpha and token.is_lower or token.is_punct or fold(token.text) in self.separators:
                        continue
                    if token.text[:1].isupper() or any(c.isdigit() for c in token.text):
                        span = Span(doc, token.i, token.i + 1, label=found)
                        added.append(NamedSpan(span, found, None, True, "pattern", rule="list-cue"))
        for name in group:
            if name.kb_id is not None or name.key is not None or self.is_country(span_text(name.span)):
                continue
            if name.type == "PERSON" and (len(name.span) > 1 or name.source != "model" or name.typed_by_cue):
                continue  # "le patron de KLM, Pieter Elbers": a person closes the list
            if rule == "list" and (name.typed_by_cue or name.type not in ("LOC", "OTHER")):
                continue
            name.type, name.typed_by_cue, name.rule = found, True, rule
        return added

    def _list_word_between(self, text: str, left: NamedSpan, right: NamedSpan) -> bool:
        """Whether a word that opens a list ("comme", "telles que", "dont") stands between two names."""
        gap = text[left.span.end_char : right.span.start_char]
        return any(w.isalpha() and fold(w) in self.markers for w in WORDS.findall(gap))

    def _intro(self, doc: Doc, text: str, first: NamedSpan) -> tuple[str | None, bool, str]:
        """The type of the cue that opens a list ("clubs européens (", "films à succès tels que
        «", "groupe de médias :", "au capital de"), whether a list word or mark stands between
        the cue and the names ("les applications telles que A, B": the names are members; "les
        smartphones Huawei et Honor": they may be the makers' brands), and the text up to the
        cue's end ("" when no cue)."""
        start = first.span.start
        if start == 0:
            return None, False, ""
        context = self.context.type_at_end(line_before(text, first.span.start_char))
        if context:
            return context, False, ""
        if doc[start - 1].lower_ in self.complement_words:
            return None, False, ""  # "ses usines de Flins, Douai": the names are the cue's complement
        i, steps, listed = start, 0, False
        while i > 0 and steps < MAX_INTRO_TOKENS:
            previous = doc[i - 1]
            marker = previous.text in INTRO_PUNCTUATION or (not previous.is_punct and fold(previous.text) in self.markers)
            listed |= marker and not previous.is_punct  # "telles que", "comme", "dont"
            # "les applications phares de Google, telles que A": the cue's complement and the
            # comma before a list word are stepped over
            aside = listed and previous.text == "," or (previous.text[:1].isupper() and i > 1 and (
                doc[i - 2].lower_ in self.complement_words or listed and doc[i - 2].pos_ == "NOUN"))
            if not marker and not aside and not (previous.is_lower and previous.pos_ in INTRO_POS):
                break
            before = "" if marker else line_before(text, previous.idx + len(previous.text))
            found = self.list_cues.type_at_end(before) if before else None
            if found:
                return found, steps > 0 and (listed or any(doc[k].text in INTRO_PUNCTUATION for k in range(i, start))), before
            i, steps = i - 1, steps + 1
        return None, False, ""

    @staticmethod
    def _shared_type(group: list[NamedSpan]) -> str | None:
        """The type at least two surely typed members share, when no sure member differs."""
        sure = {n.type for n in group if n.source in SURE_SOURCES or n.typed_by_cue}
        counted = [n for n in group if (n.source in SURE_SOURCES or n.typed_by_cue) and n.type in ("ORG", "PRODUCT")]
        if len(sure) == 1 and len(counted) >= 2:
            return counted[0].type
        return None
