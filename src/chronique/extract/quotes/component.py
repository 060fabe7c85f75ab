"""Direct quotes with their speakers: the ``chronique_quotes`` spaCy component.

It runs after ``chronique_actors`` because a speaker is an actor: a name, a description ("le
fondateur de Tesla") or a pronoun ("écrit-il") that the actor recognizer has already resolved.
Quotation marks are paired on the text (:mod:`chronique.extract.quotes.marks`); a quoted string that is
only a capitalised name ("Grok", "Tesla Roadster") is a product or brand in quotes, not words
anyone said, and is dropped; every other one becomes a :class:`~chronique.model.Quote` whose
speaker is read from its cue (:mod:`chronique.extract.quotes.speakers`), or None when nobody says it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from chronique.data import lexicon
from chronique.extract.quotes.context import QuoteContext
from chronique.extract.quotes.marks import QuotedSpan, find_quoted_spans
from chronique.extract.quotes.rules import QuoteRules, load_quote_rules
from chronique.extract.quotes.sequence import settle
from chronique.extract.quotes.speakers import UNNAMED, Attribution, attribute
from chronique.model import Quote
from chronique.nlp.actor_index import actor_index
from chronique.nlp.extensions import register_extensions, text_of

__all__ = ["QuoteFinder", "make_quote_finder", "is_capitalised_name"]

register_extensions()

#: A quoted name has at most this many words ("Tesla Model S").
MAX_NAME_WORDS = 3
TERMINAL_PUNCTUATION = frozenset(".!?…")


@Language.factory(
    "chronique_quotes",
    default_config={"lang": "fr"},
    assigns=["doc._.quotes"],
    requires=["doc._.actor_index", "doc._.entities", "token.dep", "token.pos", "token.lemma", "token.morph"],
)
def make_quote_finder(nlp: Language, name: str, lang: str) -> QuoteFinder:
    return QuoteFinder(load_quote_rules(lang), _first_name_gender(lang))


class QuoteFinder:
    """Finds quoted spans and names their speakers; sets ``doc._.quotes`` sorted by start."""

    def __init__(self, rules: QuoteRules, first_name_gender: dict[str, str] | None = None) -> None:
        self.rules = rules
        self.first_name_gender = first_name_gender or {}

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        text = text_of(doc)  # built from the tokens on every access: read it once
        spans = [s for s in find_quoted_spans(text, self.rules.marks) if not self._is_name(doc, s)]
        context = QuoteContext(
            doc=doc,
            rules=self.rules,
            spans=spans,
            actors=actor_index(doc),
            entity_types={e.key: e.type for e in doc._.entities or []},
            genders=self._genders(doc),
        )
        attributions: list[Attribution] = []
        previous: Attribution | None = None
        last_known: tuple[int, str] | None = None
        for index in range(len(spans)):
            previous = attribute(context, index, previous, last_known)
            attributions.append(previous)
            if previous.speaker is not None:
                last_known = (index, previous.speaker)
            elif previous.rule == UNNAMED:
                context.unnamed.add(index)  # "« … », nuance une élue": read by the pronoun rules after it
        settled = settle(context, attributions)
        return [_quote(text, span, attribution) for span, attribution in zip(spans, settled, strict=True)]

    def _genders(self, doc: Doc) -> dict[str, str]:
        """Each person's gender as the first word of their name says it ("Julie Ferrand": "f")."""
        return {e.key: gender for e in doc._.entities or [] if e.type == "PERSON"
                and (gender := self.first_name_gender.get(e.name.split(" ")[0])) is not None}

    @staticmethod
    def _is_name(doc: Doc, span: QuotedSpan) -> bool:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        return tokens is not None and is_capitalised_name(tokens)


def _first_name_gender(lang: str) -> dict[str, str]:
    """First name → "m" or "f" (``actors.toml: first_names``), names given both left out."""
    try:
        names = lexicon(lang, "actors").get("first_names", {})
    except FileNotFoundError:
        return {}  # a language with no actors lexicon (English): no gender said
    genders = {n: "m" for n in names.get("m", [])} | {n: "f" for n in names.get("f", [])}
    for shared in set(names.get("m", [])) & set(names.get("f", [])):
        genders.pop(shared)
    return genders


def is_capitalised_name(tokens: Span) -> bool:
    """A short run of capitalised words with no function word and no final punctuation.

    "Grok" or "Tesla Roadster" in quotes name a product; "Le Procès" keeps its article and
    "Non !" its exclamation mark, so they stay quotes (a title, words said).
    """
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_NAME_WORDS or tokens.text[-1] in TERMINAL_PUNCTUATION:
        return False
    capitalised = all(w.text[:1].isupper() or w.like_num for w in words)
    return capitalised and not any(w.is_stop for w in words if w.is_alpha)


def _quote(text: str, span: QuotedSpan, attribution: Attribution) -> Quote:
    return Quote(
        start=span.start,
        end=span.end,
        text=text[span.start : span.end],
        speaker=attribution.speaker,
        cue=attribution.cue,
        about=attribution.about,
    )
