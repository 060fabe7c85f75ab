"""Houses and places named after a person: "la Fondation Brigitte Bardot", "le lycée Victor-Hugo".

The model reads the person's name after the head and calls it a person ("Jean Jaurès" in "la
Fondation Jean Jaurès"), or the head's cue makes an organisation of the name alone; either way
the actor is the house (or the street, the stadium), not the person. A name right after such a
head, with nothing between them, becomes the head and the name together, typed an organisation
or a place (``actors.toml [eponyms]``). Knowledge-base names keep what the base says.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from chronique.extract.actors.names import NamedSpan
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["EponymTyper"]


class EponymTyper:
    """Joins a person's name to the head of the house or place it names."""

    def __init__(self, words: dict[str, Any]) -> None:
        lexicon = words.get("eponyms", {})
        self.heads: dict[tuple[str, ...], str] = {}
        for kind, entity_type in (("organisations", "ORG"), ("places", "LOC")):
            for head in lexicon.get(kind, ()):
                self.heads[tuple(fold(head).split())] = entity_type
        self.longest = max((len(h) for h in self.heads), default=1)
        self.first_names = frozenset(words["first_names"]["m"]) | frozenset(words["first_names"]["f"])

    def apply(self, doc: Doc, names: list[NamedSpan]) -> None:
        tokens = token_table(doc)
        ends = {n.span.end for n in names}
        for name in names:
            if name.kb_id is not None or name.type not in ("PERSON", "ORG", "OTHER"):
                continue
            start = name.span.start
            for size in range(min(self.longest, start), 0, -1):
                head = tuple(tokens.folded[start - size : start])
                entity_type = self.heads.get(head)
                if entity_type is None or (start - size) in ends:
                    continue
                if name.type == "ORG" and entity_type == "ORG" and not self._person_like(tokens, name.span):
                    break  # "le musée Grévin", "l'institut Montaigne": already the house's own name
                name.span = Span(doc, start - size, name.span.end, label=entity_type)
                name.type, name.typed_by_cue, name.rule = entity_type, True, "eponym"
                break

    def _person_like(self, tokens: TokenTable, span: Span) -> bool:
        """Whether a name opens on a first name ("Brigitte Bardot", "Victor-Hugo"): an
        organisation the cue typed from a person's name, not "l'association Privacy
        International", the house's own name."""
        first = tokens.texts[span.start]
        return first in self.first_names or first.split("-")[0] in self.first_names
