"""One kind per actor per document: a company or a product, as the article presents it.

The knowledge base types a name once for every article: "YouTube" an organisation, "Instagram"
a product. Articles do not agree with it, nor with each other: one tells "les applications
phares de Google, telles que Gmail, YouTube et Chrome" (products of Google), another "les
acquisitions historiques d'Instagram en 2012" (a company Meta bought), a third "Donald Trump,
sur son réseau Truth Social". The relations follow the type (a product is made, ``PRODUCT_OF``;
a company belongs, ``PART_OF``), so the type must be the article's.

Every mention of a known organisation or product votes with what the text says right around it
(each source is data, ``lexicons/<lang>/kinds.toml`` over the cue nouns of ``actors.toml``):

* a cue noun right before it ("le service X", "la start-up X", "son réseau X"), unless the noun
  says nothing of the kind by itself ("la marque X", "la plateforme X": ``neutral_cues``);
* the plural cue opening a list it stands in ("les applications telles que A, B et C");
* words before it that only a company takes ("le rachat de X", "au capital de X":
  ``actors.toml: company_context_before``, ``kinds.toml: company_before``), or being the
  object of a verb of buying or selling ("Meta a racheté X").

When every vote of the article names one kind, every mention of the actor takes that kind (an
unknown name too: "propriétaire de HBO Max" then "le service de vidéo à la demande HBO Max" is a
product throughout); votes for both kinds, or none, leave the type the knowledge base or the
other rules gave (``context_types``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from chronique.extract.actors.names import (
    CueIndex,
    NamedSpan,
    seen_last_words,
    span_text,
    span_words,
)
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["DocumentKinds", "KINDS", "join_model_names"]

#: The two kinds an article may decide between.
KINDS = frozenset({"ORG", "PRODUCT"})


class DocumentKinds:
    """Decides, per document, whether each known company or product is presented as the other kind."""

    def __init__(self, words: dict[str, Any], kinds: dict[str, Any], contractions: dict[str, list[str]]) -> None:
        neutral = frozenset(fold(cue) for cue in kinds["neutral_cues"])
        self.cues = CueIndex(
            [(cue, etype) for etype, listed in words["cue_nouns"].items() if etype in KINDS
             for cue in listed if fold(cue) not in neutral],
            contractions,
        )
        self.company_context = CueIndex(
            [(c, "ORG") for c in words["company_context_before"] + kinds["company_before"]], contractions)

    def decide(self, text: str, names: list[NamedSpan], list_kinds: dict[int, str],
               bought: Callable[[NamedSpan], bool]) -> None:
        """Retype the names of ``names`` whose article presents them as the other kind.
        ``list_kinds``: the kind a list's plural cue gives its members, by ``id`` of the name;
        ``bought``: whether a name is the object of a verb of buying or selling."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        typed = [n for n in names if n.type in KINDS]
        seen = seen_last_words(token_table(typed[0].span.doc), text) if typed else None
        for name in typed:
            identity = self._identity(text, name)
            for kind in (self._cue_kind(text, name, seen), list_kinds.get(id(name)),
                         self._company_kind(text, name, seen)):
                if kind in KINDS:
                    votes[identity][kind] += 1
            if bought(name):
                votes[identity]["ORG"] += 1
        for name in typed:
            said = votes.get(self._identity(text, name))
            if said and len(said) == 1:
                kind = next(iter(said))
                if kind != name.type:
                    name.type, name.rule = kind, "kind-cue" if name.kb_id else name.rule

    @staticmethod
    def _identity(text: str, name: NamedSpan) -> str:
        """What the name stands for: its knowledge-base id, or its own words."""
        return name.kb_id or name.key or text[name.span.start_char : name.span.end_char]

    def _cue_kind(self, text: str, name: NamedSpan, seen: dict[int, str] | None = None) -> str | None:
        """The kind a cue noun right before the name gives ("le service X"), or None."""
        return self.cues.type_before(text, name.span.start_char, seen)

    def _company_kind(self, text: str, name: NamedSpan, seen: dict[int, str] | None = None) -> str | None:
        """"le rachat de X", "les acquisitions historiques d'X": ORG; one adjective allowed."""
        return self.company_context.type_before_loosely(text, name.span.start_char, seen)


def join_model_names(names: list[NamedSpan]) -> None:
    """"la Fiat Topolino" … "les Topolino": a product named after its maker, then by its
    model's words alone, is one product; the model's words are not another actor whatever
    the NER called them. Only names nothing surer typed; two products ending alike, neither."""
    tokens = token_table(names[0].span.doc) if names else None
    models: dict[tuple[str, ...], set[str]] = {}
    for name in names:
        if name.rule == "brand-product":
            words = tuple(span_words(name.span, tokens))
            models.setdefault(words[1:], set()).add(span_text(name.span, tokens))
    for name in names:
        if name.kb_id is not None or name.key is not None or name.typed_by_cue or name.source != "model":
            continue
        full = models.get(tuple(span_words(name.span, tokens)))
        if full and len(full) == 1:
            name.type, name.key, name.rule = "PRODUCT", f"product:{next(iter(full))}", "short-form"
