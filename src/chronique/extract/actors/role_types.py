"""Unknown names typed as organisations by the role noun they complete.

"Marie Dupont, ancienne directrice de Brindle/LOC", "les salariés de Velora/MISC": the NER calls
many company names it has never seen a place or leaves them untyped, and the relation and event
rules, which want an organisation, then find none. What a chief executive, a founder, a director
or an employee is "of" is an organisation. Only names nothing surer typed are retyped: a model's
place or untyped name that no lexicon or knowledge base knows as a place, capitalised, hanging
on a role noun of ``actors.toml [role_nouns]`` through "de" (not the ones whose complement may be
a place: ``role_complement_places``, "le président de la Corrèze").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from chronique.extract.actors.names import NamedSpan, retypable_model_name
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["RoleComplementTyper"]

LABELS = dependency_scheme("ud")


class RoleComplementTyper:
    """Retypes unknown names that complete a role noun ("directrice de Brindle")."""

    def __init__(self, words: dict[str, Any]) -> None:
        place_roles = frozenset(fold(w) for w in words.get("role_complement_places", []))
        self.role_words = frozenset(fold(w.split()[0]) for w in words.get("role_nouns", {})) - place_roles
        self.links = frozenset(fold(w) for w in words.get("role_complement_links", []))

    def apply(self, names: list[NamedSpan], is_place: Callable[[str], bool]) -> None:
        """Retype, in place, each unknown place-typed name that completes a role noun."""
        for name in names:
            if retypable_model_name(name, is_place) and self._completes_a_role(name.span.root):
                name.type, name.typed_by_cue, name.rule = "ORG", True, "role-complement"

    def _completes_a_role(self, root: Token) -> bool:
        """"directrice de Brindle": the name hangs on a role noun through "de"."""
        head = root.head
        if root.dep_ != LABELS.nominal_modifier or head == root or not head.is_lower:
            return False
        if fold(head.text) not in self.role_words and fold(head.lemma_) not in self.role_words:
            return False
        return any(c.dep_ == LABELS.case_marker and fold(c.text) in self.links for c in root.children)
