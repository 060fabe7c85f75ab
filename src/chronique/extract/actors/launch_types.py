"""Unknown names typed as products by the verb that launches or sells them.

The NER calls many product names it has never seen a place ("Sanofi a lancé le Dupixent/LOC en
Chine", "Novexa commercialise le Zentrol/LOC"), and the launch frame, which wants a product, then
finds none. What a company launches, markets or unveils, with a definite article and no
preposition, is a product: a place is launched or sold with "au", "en", "à", not as the verb's
object. Only names nothing surer typed are retyped: a model's place that no lexicon or knowledge
base knows as a place, one capitalised word or two, right after "le", "la", "l'" or "les";
or a name the model left untyped right after the verb itself ("Pixelune a lancé Astra Rising
jeudi"): a place is never the bare object of such a verb, and an untyped name there is what was
launched, unless it is said to be something else ("comme ...").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from chronique.extract.actors.names import NamedSpan, retypable_model_name
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["LaunchTyper"]

LABELS = dependency_scheme("ud")
#: How many words such a name may have.
MAX_WORDS = 2


class LaunchTyper:
    """Retypes unknown names that a launch or sale verb takes as its object."""

    def __init__(self, words: dict[str, Any], verb_lemmas: Callable[[Token], set[str]]) -> None:
        self.launch_verbs = frozenset(words.get("product_object_verbs", []))
        self.articles = frozenset(fold(w) for w in words.get("product_object_articles", []))
        self.predicates = tuple(tuple(fold(w).split()) for w in words.get("product_object_predicates", []))
        self.apposed_kinds = frozenset(fold(w) for w in words.get("product_object_apposed_kinds", []))
        self.verb_lemmas = verb_lemmas

    def apply(self, names: list[NamedSpan], is_place: Callable[[str], bool]) -> None:
        """Retype, in place, each unknown place-typed name a launch verb takes as its object."""
        for name in names:
            if self._retypable(name, is_place) and self._launched(name.span.root):
                name.type, name.typed_by_cue, name.rule = "PRODUCT", True, "launched"

    def _retypable(self, name: NamedSpan, is_place: Callable[[str], bool]) -> bool:
        span = name.span
        if len(span) > MAX_WORDS or not retypable_model_name(name, is_place):
            return False
        tokens = token_table(span.doc)
        if any(tuple(tokens.folded[span.end : span.end + len(p)]) == p for p in self.predicates):
            return False  # "a lancé la Bretagne comme destination": what it is said to be, a place
        if span.end < len(tokens.texts) and tokens.texts[span.end] == "," \
                and any(f in self.apposed_kinds for f in tokens.folded[span.end + 1 : span.end + 5]):
            return False  # "a lancé Kelvar Mobilité, une nouvelle filiale": a body, no product
        if span.start > 0 and tokens.folded[span.start - 1] in self.articles:
            return True
        return name.type == "OTHER" and span.root.head.i == span.start - 1

    def _launched(self, root: Token) -> bool:
        """"a lancé le Dupixent", "commercialise le Zentrol": the object of a launch verb."""
        verb = root.head
        return root.dep_ == LABELS.object and verb.pos_ == "VERB" and bool(self.verb_lemmas(verb) & self.launch_verbs)
