"""The organisation a person's apposed title names: "Pierre Durand, entraîneur du FC X, a été
limogé" (the parser hangs the title on the name, so the verb's own "de" complements do not hold
it). Read for the office left or taken when the clause names no organisation itself; the
organisation a departure noun's person leaves ("la démission de X de Y"); and the office of a
clause's subject ("X, PDG de Y, a démissionné": the parser hangs the title on the name, and the
verb has no "de" complement to name what is left)."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import climbing_subject, preposition
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme

__all__ = ["office_of_apposed_title", "office_of_subject", "organisation_left"]

LABELS = dependency_scheme("ud")


def office_of_apposed_title(reader: ParseReader, person: Token | None) -> list[str]:
    """The organisations of the titles set in apposition to ``person`` ("Y, PDG de X,"), the
    first title that names one; nothing for a person with no apposed title (a complement with
    no comma before it, "Y de Lyon", is none)."""
    if person is None:
        return []
    doc = person.doc
    for title in person.children:
        if title.pos_ != "NOUN" or title.i < person.i:
            continue
        # The parser may make the title set off by commas a noun complement of the name.
        after_comma = title.left_edge.i > 0 and doc[title.left_edge.i - 1].text == ","
        if title.dep_ == LABELS.apposition or (title.dep_ == LABELS.nominal_modifier and after_comma):
            found = reader.office_holder_of_title(title)
            if found:
                return found
    return []


def organisation_left(reader: ParseReader, noun: Token) -> list[str]:
    """"la démission de Carlos Ghosn de/nmod(Ghosn) Renault": the parser hangs the organisation
    left on the name of the person who leaves; a "de" phrase right after the person's phrase,
    on that name, names it (the types of the entry keep organisations only)."""
    genitive = reader.genitive
    for person in noun.children:
        if person.i < noun.i or person.dep_ != LABELS.nominal_modifier \
                or preposition(person, reader.preposition_forms) not in genitive:
            continue
        for left in person.children:
            if left.i > person.i and left.dep_ == LABELS.nominal_modifier \
                    and preposition(left, reader.preposition_forms) in genitive:
                found = reader.actors(left)
                if found:
                    return found
        # "la démission de X, directeur financier de Y,": the office the person's title names,
        # set in apposition to the name or hung on the noun right after the name's comma.
        found = office_of_apposed_title(reader, person)
        if found:
            return found
        doc = noun.doc
        for title in noun.children:
            comma = title.left_edge.i - 1  # the name's comma, which the parser may hang on the name
            if title.pos_ == "NOUN" and comma > person.i and doc[comma].text == "," \
                    and comma in (person.right_edge.i, person.right_edge.i + 1):
                found = reader.office_holder_of_title(title)
                if found:
                    return found
    return []


def office_of_subject(reader: ParseReader, trigger: Token) -> list[str]:
    """The organisation of the title the trigger's subject holds in its own phrase: "Y, PDG de
    X, a démissionné", "La présidente de X, Y, va démissionner" (the subject of the clause the
    trigger is the complement of, when it has none of its own); nothing for a bare name."""
    holder = climbing_subject(trigger)
    if holder is None:
        return []
    found = reader.holder_office(holder)
    if not found and holder.pos_ == "NOUN":
        # "Le PDG de X a démissionné": a title standing for the person it names.
        found = reader.office_holder_of_title(holder)
    return found
