"""Inside a quote, "je" and "nous" are its speaker: the ``chronique_quote_persons`` component.

« Je ne vendrai pas », dit Paul Verdier: "Je" is Paul Verdier. « Nous allons investir », annonce
le groupe: "Nous" is the group. When a person speaks, "notre groupe" (and "nous", never) is the
organisation the article says the person leads ("le PDG de Velora", "Paul Verdier, patron de
Velora"). The speakers are known only once ``chronique_quotes`` has run, after the actors, so this
small step runs after it and adds its mentions (rule ``quote-person``) to
``doc._.actor_mentions``, ``doc._.actor_index`` and ``doc._.entities``. A quote without a speaker
binds nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from chronique.data import lexicon
from chronique.nlp.actor_index import ActorIndex, actor_index
from chronique.nlp.extensions import ActorMention, register_extensions
from chronique.text import fold

__all__ = ["QuotePersons", "make_quote_persons"]

register_extensions()


@Language.factory(
    "chronique_quote_persons",
    default_config={"lang": "fr"},
    assigns=["doc._.actor_mentions", "doc._.actor_index", "doc._.entities"],
    requires=["doc._.quotes", "doc._.actor_mentions", "doc._.entities"],
)
def make_quote_persons(nlp: Language, name: str, lang: str) -> QuotePersons:
    return QuotePersons(lexicon(lang, "actors"))


class QuotePersons:
    """Binds the first person of each quote to the quote's speaker."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.singular = frozenset(fold(w) for w in words["first_person_singular"])
        self.plural = frozenset(fold(w) for w in words["first_person_plural"])
        self.possessives = frozenset(fold(w) for w in words["first_person_possessives"])
        self.own_nouns = frozenset(fold(w) for w in words["own_organisation_nouns"])

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes or []
        entities = {e.key: e for e in doc._.entities or []}
        mentions = list(doc._.actor_mentions or [])
        index = actor_index(doc)  # the actor recogniser's index of these mentions, not built again
        added: list[ActorMention] = []
        for quote in quotes:
            speaker = entities.get(quote.speaker) if quote.speaker else None
            if speaker is None:
                continue
            organisation = speaker.key if speaker.type == "ORG" else self._led_by(doc, speaker.key, mentions, entities)
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if index.mention_at(token) is not None:
                    continue
                found = self._bind(token, speaker.type, speaker.key, organisation)
                if found is not None:
                    key, end = found
                    added.append(ActorMention(token.idx, end, key, "pronoun", "quote-person"))
        if not added:
            return doc
        mentions = sorted(mentions + added, key=lambda m: (m.start, m.end))
        doc._.actor_mentions = mentions
        doc._.actor_index = ActorIndex(doc, mentions)
        spans: dict[str, list[tuple[int, int]]] = {}
        for mention in added:
            spans.setdefault(mention.key, []).append((mention.start, mention.end))
        doc._.entities = [
            replace(e, mentions=tuple(sorted(e.mentions + tuple(spans[e.key])))) if e.key in spans else e
            for e in doc._.entities
        ]
        return doc

    def _bind(self, token: Token, speaker_type: str, speaker: str, organisation: str | None):
        """(actor key, end offset) the first-person word at ``token`` stands for, or None."""
        word = fold(token.text)
        end = token.idx + len(token.text)
        if word in self.singular and token.pos_ == "PRON":
            return (speaker, end) if speaker_type == "PERSON" else None
        if word in self.plural and token.pos_ == "PRON":
            return (speaker, end) if speaker_type == "ORG" else None
        if word in self.possessives and organisation is not None:
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if following is not None and fold(following.lemma_) in self.own_nouns:
                return organisation, following.idx + len(following.text)
        return None

    @staticmethod
    def _led_by(doc: Doc, person: str, mentions: list[ActorMention], entities) -> str | None:
        """The one organisation the article names inside a role of ``person`` ("le PDG de
        Velora", "Paul Verdier, patron de Velora")."""
        found = set()
        for role in (m for m in mentions if m.key == person and m.rule == "role"):
            for inner in mentions:
                record = entities.get(inner.key)
                inside = role.start <= inner.start and inner.end <= role.end and inner is not role
                if inside and record is not None and record.type == "ORG":
                    found.add(inner.key)
        return next(iter(found)) if len(found) == 1 else None
