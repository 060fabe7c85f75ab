"""Members of a government: "Wopke Hoekstra, le ministre des finances néerlandais" works for the
Dutch state, "Antoine Armand, ministre de l'Économie" for the French one.

A minister's title names no organisation the way "patron de Y" does: its complement is a
portfolio ("de l'Économie"), and the state is given by a nationality adjective in the title
("néerlandais", "hollandais") or, when there is none, is the home state of the language's press
(``home_nationality``: a minister of a French article is French unless the title says otherwise).
The relation goes to the actor the article names for that state: the country ("Pays-Bas") or its
government ("le gouvernement néerlandais", "l'État français"). When the article names none, or
several that disagree, nothing is asserted.

The words (government nouns, state words, nationality adjectives and their countries) are data in
``resources/lexicons/<lang>/relations.toml``.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from chronique.extract.relations.doc_actors import DocActors
from chronique.text import fold

__all__ = ["GovernmentStates"]

#: How many tokens after a government noun may hold its nationality adjective
#: ("le ministre des finances néerlandais").
NATIONALITY_WINDOW = 6


def _forms(adjective: str) -> set[str]:
    """The adjective in its four forms: "néerlandais(e)(s)", "italien(ne)(s)", "belge(s)"."""
    forms = {adjective, adjective + "s"}
    if adjective.endswith("e"):
        return forms
    feminine = adjective + ("ne" if adjective.endswith(("ien", "éen")) else "e")
    if adjective.endswith("c"):  # "grec" → "grecque"
        feminine = adjective + "que"
    forms |= {feminine, feminine + "s"}
    if adjective.endswith(("s", "x")):
        forms.discard(adjective + "s")
    return forms


class GovernmentStates:
    """Finds the state a government title refers to, among the actors of a document."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.nouns = {fold(x) for x in words.get("government_nouns", ())}
        self.state_words = {fold(x) for x in words.get("state_words", ())}
        self.cabinet_words = {fold(x) for x in words.get("cabinet_words", ())}
        self.countries: dict[str, str] = {}
        for adjective, country in words.get("nationalities", {}).items():
            for form in _forms(fold(adjective)):
                self.countries[form] = fold(country)
        self.home = fold(words.get("home_nationality", ""))
        home_country = self.countries.get(self.home)
        foreign = {c for c in self.countries.values() if c != home_country}
        foreign |= {form for form, country in self.countries.items() if country != home_country}
        words_pattern = "|".join(re.escape(w) for w in sorted(foreign, key=len, reverse=True))
        self._foreign = re.compile(rf"(?<![\w-])(?:{words_pattern})(?![\w-])") if foreign else re.compile("(?!)")

    def is_government_noun(self, doc: Doc, start: int, end: int) -> bool:
        text = fold(doc[start:end].text)
        lemma = fold(doc[start : end - 1].text_with_ws + (doc[end - 1].lemma_ or doc[end - 1].text))
        return text in self.nouns or lemma in self.nouns

    def state_of(self, doc: Doc, noun_end: int, actors: DocActors, named_start: int) -> str | None:
        """The actor of the state a government title starting before ``noun_end`` serves."""
        nationality = self._nationality(doc, noun_end, named_start)
        if nationality is None and self._foreign_state_near(doc, noun_end):
            return None  # "Pour l'Espagne, X, ancienne ministre de l'agriculture": not the home one
        adjective = nationality or self.home
        country = self.countries.get(adjective)
        if not country:
            return None
        # each actor with the first words of the names that place it (an alias is judged by itself:
        # "Etat allemand", alias "gouvernement", is a cabinet's name)
        state: dict[str, set[str]] = {}  # its state with the adjective: "l'État français"
        land: dict[str, set[str]] = {}  # the country: "les Pays-Bas"
        bare: dict[str, set[str]] = {}  # "l'État", "le gouvernement": the home state only
        for entity in actors.doc._.entities or []:
            if entity.key not in actors.named:
                continue
            for name in (entity.name, *entity.aliases):
                words = fold(name).split()
                if words and words[0] in self.state_words and " ".join(words[1:]) in _forms(adjective):
                    state.setdefault(entity.key, set()).add(words[0])
                elif fold(name) == country:
                    land.setdefault(entity.key, set()).add(words[0])
                elif len(words) == 1 and words[0] in self.state_words and not nationality:
                    bare.setdefault(entity.key, set()).add(words[0])
        for placed in (state, land, bare):
            found = set(placed)
            if len(found) > 1:  # "l'État néerlandais" and "le gouvernement néerlandais": a minister's is the government
                found = {k for k in found if placed[k] & self.cabinet_words} or found
            if found:
                return found.pop() if len(found) == 1 else None
        return None

    def is_state(self, key: str, actors: DocActors) -> bool:
        """Whether the actor is a state or its government by one of its names ("l'État", "le
        gouvernement italien", "la France"): no company title is held there."""
        countries = set(self.countries.values())
        for entity in actors.doc._.entities or []:
            if entity.key == key:
                names = [fold(n) for n in (entity.name, *entity.aliases)]
                return any(n in countries or (n.split() or [""])[0] in self.state_words for n in names)
        return False

    def _foreign_state_near(self, doc: Doc, noun_end: int) -> bool:
        """Whether the sentence names, before the title, a country other than the home one, or
        its people, even where the recognizer found no actor ("Pour l'Espagne, X, ancienne
        ministre…"); what follows the title is about others ("le ministre X, qui a bloqué la
        vente au géant américain Y")."""
        sentence = doc[noun_end - 1].sent if doc.has_annotation("DEP") else doc[:]
        return self._foreign.search(fold(doc[sentence.start : noun_end].text)) is not None

    def _nationality(self, doc: Doc, noun_end: int, named_start: int) -> str | None:
        """A nationality adjective in the title, after its noun and before its holder."""
        for token in doc[noun_end : min(noun_end + NATIONALITY_WINDOW, len(doc))]:
            if token.idx >= named_start >= doc[noun_end].idx or (token.is_punct and token.text != "'"):
                break
            form = fold(token.text)
            if form in self.countries and token.pos_ in ("ADJ", "NOUN", "PROPN", ""):
                return form
        return None
