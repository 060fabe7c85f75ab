"""Where an actor comes from, and whether a description's adjective of origin agrees with it.

"la firme suédoise" is not Apple, "le géant chinois" is not Google, "l'opérateur français" is
not an American platform: a description that carries an adjective of origin (the lexicon's
``[origins]``: nationalities, and the adjectives of regions and business cities such as
"californien" or "berlinois") stands only for an actor of that country. The country of an actor
comes from the article first ("le suédois Velora", "le géant chinois Velora", "Velora, la
plateforme suédoise"), then from the knowledge base's ``country``. An actor whose country
nobody states is still a candidate when no candidate of the right country is in view: agreement
removes wrong actors, it never invents one.

The same filter keeps trade nouns off institutions: "l'entreprise américaine" is never the
European Union or a competition authority, whether the knowledge base records its ``kind`` or
its name opens with an institution's head ("Commission nationale …", "Autorité de …").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from chronique.data import lexicon
from chronique.kb import KnowledgeBase
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.memo import per_lexicon
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["ArticleOrigins", "origin_forms"]

LABELS = dependency_scheme("ud")
#: How many words a description's adjective of origin may stand after its noun ("le géant des
#: télécoms chinois": three).
ORIGIN_REACH = 4
#: How far up its makers and parents an actor's owners are read.
MAX_OWNER_CHAIN = 3
#: Lower-case words that may stand between a description noun and its adjective of origin.
_BETWEEN = frozenset({"ADJ", "NOUN", "ADP", "DET"})


def _inflections(masculine: str) -> set[str]:
    """The four forms of an adjective of origin given its masculine singular."""
    special = {"grec": "grecque", "turc": "turque"}
    if masculine in special:
        feminine = special[masculine]
    elif masculine.endswith("e"):
        feminine = masculine
    elif masculine.endswith(("en", "on")):
        feminine = masculine + "ne"
    else:
        feminine = masculine + "e"
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return {masculine, plural, feminine, feminine + "s"}


def origin_forms(words: dict[str, Any]) -> dict[str, str]:
    """Every folded form of every adjective of origin → its country code."""
    forms: dict[str, str] = {}
    for country, adjectives in words.get("origins", {}).items():
        for adjective in adjectives:
            for form in _inflections(fold(adjective)):
                forms.setdefault(form, country)
    return forms


def city_codes(words: dict[str, Any]) -> dict[str, str]:
    """Every folded form of an adjective of a city (``[origin_cities]``) → "<country>/<city
    adjective>": a code finer than the country's, which two different cities never share."""
    forms = origin_forms(words)
    codes: dict[str, str] = {}
    for adjective in words.get("origin_cities", {}).get("adjectives", []):
        country = forms.get(fold(adjective))
        for form in _inflections(fold(adjective)) if country else ():
            codes.setdefault(form, f"{country}/{fold(adjective)}")
    return codes


#: ``origin_forms`` of each lexicon section seen, by identity (it is the same for every document).
_FORMS_BY_WORDS: dict[int, tuple[dict[str, Any], dict[str, str]]] = {}


def _origin_forms_of(words: dict[str, Any]) -> dict[str, str]:
    """``origin_forms(words)``, built once per lexicon instead of once per document (read only)."""
    known = _FORMS_BY_WORDS.get(id(words))
    if known is None or known[0] is not words:
        known = _FORMS_BY_WORDS[id(words)] = (words, origin_forms(words))
    return known[1]


@per_lexicon
def _city_codes_of(words: dict[str, Any]) -> dict[str, str]:
    """``city_codes(words)``, built once per lexicon."""
    return city_codes(words)


@per_lexicon
def _noun_words(words: dict[str, Any]) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """The folded institution name heads (each with a space after it), the nouns that stand for
    institutions as well as companies ("l'organisation") and those that may stand for a news
    agency or a newspaper ("l'agence", "le quotidien"): made once per lexicon, not per document."""
    return (tuple(fold(h) + " " for h in words.get("institution_name_heads", [])),
            frozenset(fold(n) for n in words.get("institution_nouns", [])),
            frozenset(fold(n) for n in words.get("press_nouns", [])))


@cache
def _owner_nouns(lang: str) -> frozenset[str]:
    """The nouns that name a whole company (``references.toml: owner_nouns``), folded."""
    try:
        return frozenset(fold(n) for n in lexicon(lang, "references").get("owner_nouns", []))
    except FileNotFoundError:
        return frozenset()


class ArticleOrigins:
    """The countries the article and the knowledge base give the actors of one document."""

    def __init__(self, doc: Doc, mentions: Iterable[ActorMention], entities: dict[str, dict[str, Any]],
                 kb: KnowledgeBase | None, words: dict[str, Any]) -> None:
        self.forms = _origin_forms_of(words)
        self.cities = _city_codes_of(words)
        self.entities = entities
        self.kb = kb
        self.heads, self.neutral_nouns, self.press_nouns = _noun_words(words)
        #: Nouns that name a whole company, never one of its products or subsidiaries in view.
        self.owner_nouns = _owner_nouns(doc.lang_)
        self.stated: dict[str, set[str]] = {}
        for mention in mentions:
            if mention.kind == "name" and mention.key in entities:
                found = self._stated_around(doc, mention)
                if found:
                    self.stated.setdefault(mention.key, set()).update(found)

    # -- what a description says -------------------------------------------------------------
    def after(self, doc: Doc, noun_end: int) -> set[str]:
        """The countries of the adjectives of origin after a description's noun (token index of
        the word after it): "la firme suédoise", "le géant des télécoms chinois"."""
        found: set[str] = set()
        for token in doc[noun_end : noun_end + ORIGIN_REACH]:
            if not token.is_lower or token.pos_ not in _BETWEEN:
                break
            found |= self._codes(fold(token.text))
        return found

    def in_tokens(self, tokens: Iterable[Token]) -> set[str]:
        """The countries of the adjectives of origin among ``tokens``."""
        return {c for t in tokens for c in self._codes(fold(t.text))}

    def _codes(self, form: str) -> set[str]:
        """The country of an adjective of origin (folded form), with its city's code when it
        names a city ("nantais": France, and Nantes within it); empty for any other word."""
        return {c for c in (self.forms.get(form), self.cities.get(form)) if c}

    # -- what an actor is ----------------------------------------------------------------------
    def countries(self, key: str) -> set[str]:
        """The knowledge base's country of the actor (a checked fact), else those the article gives it
        (read from its wording, which a missing comma can fool: "Selon l'entreprise américaine Arm …")."""
        known = self.kb.get(self.entities[key].get("kb_id") or key) if self.kb is not None else None
        if known is not None and known.country:
            return {known.country}
        return self.stated.get(key, set())

    def is_institution(self, key: str) -> bool:
        """An institution, which no trade noun ("la société", "le géant") stands for."""
        record = self.entities[key]
        if record.get("institution"):
            return True
        known = self.kb.get(record.get("kb_id") or key) if self.kb is not None else None
        if known is not None and known.kind == "institution":
            return True
        name = fold(str(record.get("name") or key.split(":", 1)[-1])) + " "
        return bool(self.heads) and name.startswith(self.heads)

    def owners(self, key: str) -> set[str]:
        """The knowledge base's maker and parents of the actor, up the chain ("youtube" → "google"
        → "alphabet"): a product or a subsidiary is never "le groupe" while one of them is in view."""
        found: set[str] = set()
        current = self.entities.get(key, {}).get("kb_id") or key
        for _ in range(MAX_OWNER_CHAIN):
            known = self.kb.get(current) if self.kb is not None else None
            above = [k for k in (known.maker, known.parent) if k] if known is not None else []
            if not above:
                break
            found.update(above)
            current = above[0]
        return found

    def without_parts(self, keys: list[str], noun: str) -> list[str]:
        """``keys`` without the products and subsidiaries whose maker or parent is among them, for
        a noun that names a whole company ("le groupe", "la société": ``owner_nouns``)."""
        if fold(noun) not in self.owner_nouns:
            return keys
        present = set(keys)
        return [k for k in keys if not self.owners(k) & present]

    def is_press(self, key: str) -> bool:
        """A news agency or newspaper by the knowledge base: the article's source, not its story."""
        record = self.entities[key]
        known = self.kb.get(record.get("kb_id") or key) if self.kb is not None else None
        return known is not None and known.kind == "press"

    def excludes_press(self, noun: str) -> bool:
        """Whether the description noun ``noun`` cannot name a news outlet ("le club", "la société")."""
        return fold(noun) not in self.press_nouns

    def excludes_institutions(self, noun: str) -> bool:
        """Whether the description noun ``noun`` names a company only ("la société", not
        "l'organisation"), so that no institution is a candidate."""
        return fold(noun) not in self.neutral_nouns

    def choose(self, keys: list[str], origins: set[str]) -> list[str]:
        """``keys`` (in order of preference) kept to those that may carry ``origins``: those of that
        country when any is, else those whose country nobody states; all of them without origins."""
        if not origins:
            return keys
        wanted_cities = {c for c in origins if "/" in c}
        # of the right country, but not of another city of it ("l'éditeur nantais" is not "le
        # groupe lyonnais X"): then the actors whose country nobody states are the candidates
        agreeing = [k for k in keys if self.countries(k) & origins and not (
            wanted_cities and (cities := {c for c in self.countries(k) if "/" in c}) and not cities & wanted_cities)]
        if agreeing:
            return agreeing
        return [k for k in keys if not self.countries(k)]

    # -- reading the article -------------------------------------------------------------------
    def _stated_around(self, doc: Doc, mention: ActorMention) -> set[str]:
        """Adjectives of origin right before a name, back to its determiner ("le suédois X",
        "la plateforme suédoise X"), or in an apposition after it ("X, la firme suédoise")."""
        tokens = token_table(doc)  # read from the table: no Token or Span built
        bounds = tokens.expanded_bounds(mention.start, mention.end)
        if bounds is None:
            return set()
        span_start, span_end = bounds
        texts, pos, folded = tokens.texts, tokens.pos, tokens.folded
        found: set[str] = set()
        before = []
        i = span_start - 1
        # (the tagger may read a lone demonym as a name: "l'américain/PROPN Westinghouse")
        while i >= 0 and span_start - i <= 3 and texts[i].islower() and pos[i] in ("ADJ", "NOUN", "PROPN"):
            before.append(i)
            i -= 1
        if before and i >= 0 and pos[i] == "DET":
            found |= {c for k in before for c in self._codes(folded[k])}
        j = span_end
        if j + 2 < len(texts) and texts[j] == "," and pos[j + 1] == "DET":
            after = []
            k = j + 2
            while k < len(texts) and k - j <= 4 and texts[k].islower() and pos[k] in ("ADJ", "NOUN"):
                after.append(k)
                k += 1
            noun = next((k for k in after if pos[k] == "NOUN"), None)
            # an apposition, not the subject of the next clause ("Selon X, la firme suédoise a …")
            if noun is not None and tokens.deps[noun] not in LABELS.subjects and (
                    tokens.deps[noun] == LABELS.apposition or span_start <= tokens.heads[noun] < span_end):
                found |= {c for k in after for c in self._codes(folded[k])}
        return found
