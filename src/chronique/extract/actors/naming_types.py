"""A name given by a participle to the noun before it: "une nouvelle batterie, baptisée Shenxing".

The model seldom knows a new product's or a new company's name, and calls it a place or
nothing we can type; the sentence names its kind just before the participle that names it. The
name takes the type the noun's cue gives ("batterie": a product; "société": an organisation;
``actors.toml [naming_participles]``). Known and already cued names are left as they are, and so
is a participle of a compound tense ("La société a nommé Paul X directeur"): it appoints or calls
someone, it names no noun.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from chronique.extract.actors.names import CueIndex, NamedSpan, line_before
from chronique.text import fold

__all__ = ["NamingTyper"]


class NamingTyper:
    """Types a name after "baptisé(e)", "appelé(e)" by the cue noun before the participle."""

    def __init__(self, words: dict[str, Any], cues: CueIndex) -> None:
        self.participles = frozenset(fold(w) for w in words.get("naming_participles", {}).get("words", ()))
        self.cues = cues

    def apply(self, text: str, names: list[NamedSpan]) -> None:
        for name in names:
            if name.kb_id is not None or name.key is not None or name.typed_by_cue:
                continue
            before = line_before(text, name.span.start_char)
            participle = before.rsplit(" ", 1)[-1] if before else ""
            if participle not in self.participles:
                continue
            word_before = self._word_before_participle(name)
            if word_before is None or word_before.pos_ in ("AUX", "VERB"):
                continue  # "La société a nommé Paul X directeur": a verb's object, no name given to a noun
            noun_phrase = before[: len(before) - len(participle)].rstrip(" ,")
            # the noun last, or one adjective after it ("une batterie électrique, baptisée X")
            entity_type = self.cues.type_at_end(noun_phrase) or (
                self.cues.type_at_end(noun_phrase.rsplit(" ", 1)[0]) if word_before.pos_ == "ADJ" else None)
            if entity_type in ("PRODUCT", "ORG") and entity_type != name.type:
                name.type, name.typed_by_cue, name.rule = entity_type, True, "named-by-participle"

    @staticmethod
    def _word_before_participle(name: NamedSpan) -> Token | None:
        """The word before the participle right before the name, a comma skipped ("batterie" of
        "une batterie, baptisée X"; "a" of "a nommé X"), or ``None`` at the document's start."""
        k = name.span.start - 2
        doc = name.span.doc
        if k >= 0 and doc[k].text == ",":
            k -= 1
        return doc[k] if k >= 0 else None
