"""How an article names again an actor it has named once: the same words, or a surname alone.

A name found by a pattern ("la start-up nantaise Zelvio") comes back bare ("Zelvio a levé …"),
a person by surname alone ("Le Pen", "von der Leyen"); these helpers find those other
occurrences and cut a person's name that ran on into a known company's ("Tim Cook d'Apple").
Split from :mod:`patterns`, whose finders give the first occurrences.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from chronique.extract.actors.names import NamedSpan, name_like, span_text, span_words
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["civil_title_start", "cut_before_known_companies", "other_occurrences", "owner_by_civil_title", "surname_forms",
           "surname_owners"]


def surname_forms(tokens: list[str], particles: frozenset[str]) -> list[str]:
    """How an article may name a person by surname alone: "Le Pen" for "Marine Le Pen",
    "von der Leyen" for "Ursula von der Leyen", "Delacroix" for "Jeanne Delacroix"."""
    if len(tokens) < 2:
        return []
    for index in range(1, len(tokens) - 1):
        if fold(tokens[index]) in particles:
            return [" ".join(tokens[index:])]
    return [tokens[-1]]


def cut_before_known_companies(found: list[NamedSpan], known: list[NamedSpan],
                               particles: frozenset[str]) -> list[NamedSpan]:
    """"Tim Cook d'Apple", "Sundar Pichai de Google": a person's name found by its first name
    runs on over a particle into a known company's name; the person ends before the particle
    (a name's own particle, "Nicolas de Tavernost", is followed by no known company), and a
    first name left alone ("Martin" of "Julien Martin d'Airbus") names nobody."""
    starts = {n.span.start for n in known if n.type == "ORG" and n.kb_id is not None}
    if not starts:
        return found
    kept = []
    for name in found:
        span = name.span
        cut = next((i for i in range(span.start + 1, span.end - 1)
                    if name.type == "PERSON" and fold(span.doc[i].text) in particles and i + 1 in starts), None)
        if cut is None:
            kept.append(name)
        elif cut - span.start >= 2:
            name.span = span.doc[span.start : cut]
            kept.append(name)
    return kept


def other_occurrences(doc: Doc, names: list[NamedSpan], taken: set[int], first_names: frozenset[str],
                      particles: frozenset[str], possessive_relatives: frozenset[str]) -> list[NamedSpan]:
    """Other occurrences of unknown names typed so far, and the surnames of unknown people,
    outside the token positions ``taken`` by surer names."""
    forms: dict[tuple[str, ...], str] = {}
    table = token_table(doc)  # read from the table: no Token built
    for name in names:
        if name.kb_id is not None or name.type not in ("ORG", "PRODUCT", "PERSON"):
            continue
        tokens = span_words(name.span, table)
        if name.source != "model":  # the model's own names are the model's to find again
            forms.setdefault(tuple(tokens), name.type)
        # a surname only from a name that surely is a person's ("Brader Dailymotion", a
        # verb opening a sentence that the model took for a first name, gives none)
        if name.type == "PERSON" and (name.source != "model" or tokens[0] in first_names):
            for surname in surname_forms(tokens, particles):
                forms.setdefault(tuple(surname.split(" ")), "PERSON")
    taken = set(taken)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(form)
    found = []
    texts, sent_starts, size = table.texts, table.sent_starts, len(table)
    for i in table.positions({fold(first) for first in by_first}):  # where a form may start
        text = texts[i]
        if text not in by_first:
            continue
        for form in by_first[text]:
            if len(form) == 1 and len(form[0]) < 2:
                continue  # "X": too short to stand for a name on its own
            end = i + len(form)
            if end > size or any(k in taken for k in range(i, end)):
                continue
            if tuple(texts[i:end]) != form:
                continue
            if end < size and name_like(texts[end]) and not sent_starts[end]:
                continue  # part of a longer name
            if text.islower() and i >= 2 and texts[i - 2].lower() in possessive_relatives:
                continue  # "X, basée en Finlande, dont le gouvernement …": X's own, not the one named
            span = Span(doc, i, end, label=forms[form])
            found.append(NamedSpan(span, forms[form], None, False, "pattern"))
            taken.update(range(i, end))
            break
    return found


def owner_by_civil_title(name: NamedSpan, names: list[NamedSpan], tokens: TokenTable, civil_titles: dict[str, str],
                         first_name_gender: dict[str, str], particles: frozenset[str]) -> NamedSpan | None:
    """"Mme Redstone" in an article naming Shari and Sumner Redstone: the one person of that
    surname whose first name agrees with the civil title before it; ``None`` when no title says
    a gender, or when none or several agree."""
    start = name.span.start
    gender = civil_titles.get(tokens.texts[start - 1]) if start > 0 else None
    if not gender or name.type != "PERSON":
        return None
    surname = span_text(name.span, tokens)
    found: dict[str, NamedSpan] = {}
    for other in names:
        if other.type != "PERSON" or len(other.span) < 2:
            continue
        words = span_words(other.span, tokens)
        if surname in surname_forms(words, particles) and first_name_gender.get(words[0]) == gender:
            found.setdefault(other.kb_id or span_text(other.span, tokens), other)
    return next(iter(found.values())) if len(found) == 1 else None


def civil_title_start(name: NamedSpan, tokens: TokenTable, civil_titles: dict[str, str]) -> int:
    """Where the mention of ``name`` starts: at the civil title right before it ("Mme Dupuis"),
    which the name leaves out but the parse may have made the head of the phrase (the events read
    their arguments by that head); else at the name."""
    start = name.span.start
    if start > 0 and name.type == "PERSON" and tokens.texts[start - 1] in civil_titles:
        return tokens.starts[start - 1]
    return name.span.start_char


def surname_owners(names: list[NamedSpan], types: dict[str, str], tokens: TokenTable, particles: frozenset[str],
                   first_names: frozenset[str]) -> dict[str, NamedSpan | None]:
    """Surname → the full name it stands for; ``None`` when two people share it. A first name
    alone ("« Claire connaît nos métiers »" after "Claire Delorme") stands for the one person
    of the article it opens, unless it is also someone's surname."""
    owners: dict[str, NamedSpan | None] = {}
    first_owners: dict[str, NamedSpan | None] = {}
    for name in names:
        entity_type = name.type if name.kb_id else types.get(span_text(name.span, tokens), name.type)
        if entity_type != "PERSON" or len(name.span) < 2:
            continue
        words = span_words(name.span, tokens)
        claims = [(owners, surname) for surname in surname_forms(words, particles)]
        if words[0] in first_names:
            claims.append((first_owners, words[0]))
        for table, word in claims:
            previous = table.get(word, name)
            same = previous is not None and _identity(previous, tokens) == _identity(name, tokens)
            table[word] = name if same else None
    return first_owners | owners


def _identity(name: NamedSpan, tokens: TokenTable) -> str:
    """What a name stands for before grouping: its KB id, or its own words."""
    return name.kb_id or span_text(name.span, tokens)
